package referral_test

import (
	"testing"

	"github.com/koreandesk/hotline/app/staff/referral"
	"github.com/koreandesk/hotline/desk"
)

func TestParseButton(t *testing.T) {
	p := &desk.Partner{Key: "iom", Name: "IOM", Kind: desk.PartnerIOM, Lang: "en", Roles: []desk.Role{desk.RoleAgent}}
	ask := referral.Ask("KD-7Q3M", 42)
	if id, b, ok := referral.ParseButton(ask.Inline[0][0].Data); !ok || id != 42 || b != referral.Show {
		t.Errorf("show button: %d %v %v", id, b, ok)
	}
	q := referral.Question("KD-7Q3M", p, 42)
	for i, want := range []referral.Button{referral.Yes, referral.No} {
		id, b, ok := referral.ParseButton(q.Inline[0][i].Data)
		if !ok || id != 42 || b != want {
			t.Errorf("button %d: %d %v %v", i, id, b, ok)
		}
	}
	for _, forged := range []string{"rf:y:", "rf:y:-1", "rf:maybe:4", "rf:y:4x", "ci:ok:KD-7Q3M", "rf:y", "rf::4", "rf:s:0"} {
		if _, _, ok := referral.ParseButton(forged); ok {
			t.Errorf("%q read as a referral button", forged)
		}
	}
}

// TestTheFirstMessageNamesNoPartner: what a lock screen may show holds the
// case reference and nothing of the partner or of what would be shared.
func TestTheFirstMessageNamesNoPartner(t *testing.T) {
	ask := referral.Ask("KD-7Q3M", 42)
	if ask.Text.ID != "referral.teaser" || len(ask.Lines) != 0 {
		t.Errorf("first message = %+v, want only the teaser", ask)
	}
	if len(ask.Text.Vars) != 1 || ask.Text.Vars["Ref"] == nil {
		t.Errorf("first message carries %v, want only the reference", ask.Text.Vars)
	}
}
