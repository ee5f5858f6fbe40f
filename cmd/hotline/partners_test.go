package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/koreandesk/hotline/desk"
)

// TestPartnersExample: the documented example loads, and every partner
// in it is valid.
func TestPartnersExample(t *testing.T) {
	ps, err := loadPartners("../../deploy/partners.example.toml")
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) < 3 {
		t.Fatalf("example has %d partners", len(ps))
	}
	p, ok := ps.Find("khpolice")
	if !ok || !p.SeesPassport() || !p.MayRefer(&desk.Staff{UserID: 1, Role: desk.RoleSupervisor}) ||
		p.MayRefer(&desk.Staff{UserID: 2, Role: desk.RoleAgent}) || !p.MayRefer(&desk.Staff{UserID: 100000001, Role: desk.RoleAgent}) {
		t.Errorf("khpolice = %+v", p)
	}
	if p, _ := ps.Find("shelter"); p == nil || p.SeesPassport() {
		t.Errorf("shelter = %+v", p)
	}
}

func TestPartnersRefused(t *testing.T) {
	for name, tc := range map[string]struct{ file, want string }{
		"bad kind":      {`[[partner]]` + "\n" + `key = "x1"` + "\n" + `name = "X"` + "\n" + `kind = "army"` + "\n" + `language = "en"` + "\n" + `roles = ["agent"]`, "kind"},
		"bad language":  {`[[partner]]` + "\n" + `key = "x1"` + "\n" + `name = "X"` + "\n" + `kind = "ngo"` + "\n" + `language = "fr"` + "\n" + `roles = ["agent"]`, "language"},
		"nobody":        {`[[partner]]` + "\n" + `key = "x1"` + "\n" + `name = "X"` + "\n" + `kind = "ngo"` + "\n" + `language = "en"`, "no staff"},
		"bad role":      {`[[partner]]` + "\n" + `key = "x1"` + "\n" + `name = "X"` + "\n" + `kind = "ngo"` + "\n" + `language = "en"` + "\n" + `roles = ["chief"]`, "role"},
		"unknown field": {`[[partner]]` + "\n" + `key = "x1"` + "\n" + `nme = "X"`, "unknown setting"},
		"twice": {strings.Repeat(`[[partner]]`+"\n"+`key = "x1"`+"\n"+`name = "X"`+"\n"+`kind = "ngo"`+"\n"+`language = "en"`+"\n"+`roles = ["agent"]`+"\n", 2),
			"twice"},
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "partners.toml")
			if err := os.WriteFile(path, []byte(tc.file), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := loadPartners(path)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want one saying %q", err, tc.want)
			}
		})
	}
}
