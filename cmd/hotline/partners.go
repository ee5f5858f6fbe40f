package main

import (
	"fmt"
	"os"

	"github.com/BurntSushi/toml"

	"github.com/koreandesk/hotline/desk"
)

// partnersFile is PARTNERS_FILE as written: one [[partner]] table each
// (deploy/partners.example.toml).
type partnersFile struct {
	Partner []struct {
		Key   string   `toml:"key"`
		Name  string   `toml:"name"`
		Kind  string   `toml:"kind"`
		Lang  string   `toml:"language"`
		Staff []int64  `toml:"staff"`
		Roles []string `toml:"roles"`
	} `toml:"partner"`
}

// loadPartners reads and checks the partners cases may be referred to;
// an empty path is no partner at all (/refer then says so).
func loadPartners(path string) (desk.Partners, error) {
	if path == "" {
		return nil, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var f partnersFile
	md, err := toml.Decode(string(b), &f)
	if err != nil {
		return nil, err
	}
	if keys := md.Undecoded(); len(keys) > 0 {
		return nil, fmt.Errorf("unknown setting %s", keys[0])
	}
	ps := make(desk.Partners, 0, len(f.Partner))
	for _, p := range f.Partner {
		roles := make([]desk.Role, 0, len(p.Roles))
		for _, r := range p.Roles {
			roles = append(roles, desk.Role(r))
		}
		ps = append(ps, desk.Partner{Key: p.Key, Name: p.Name, Kind: desk.PartnerKind(p.Kind), Lang: p.Lang,
			Staff: p.Staff, Roles: roles})
	}
	return ps, ps.Validate()
}
