package referral_test

import (
	"testing"

	"github.com/koreandesk/hotline/app/staff/referral"
	"github.com/koreandesk/hotline/desk"
)

func TestParseAnswer(t *testing.T) {
	p := &desk.Partner{Key: "iom", Name: "IOM", Kind: desk.PartnerIOM, Lang: "en", Roles: []desk.Role{desk.RoleAgent}}
	ask := referral.Ask("KD-7Q3M", p, 42)
	for i, want := range []bool{true, false} {
		id, consent, ok := referral.ParseAnswer(ask.Inline[0][i].Data)
		if !ok || id != 42 || consent != want {
			t.Errorf("button %d: %d %v %v", i, id, consent, ok)
		}
	}
	for _, forged := range []string{"rf:y:", "rf:y:-1", "rf:maybe:4", "rf:y:4x", "ci:ok:KD-7Q3M", "rf:y"} {
		if _, _, ok := referral.ParseAnswer(forged); ok {
			t.Errorf("%q read as an answer", forged)
		}
	}
}
