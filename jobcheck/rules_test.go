package jobcheck

import (
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// catalogue is every flag and signal id of INDICATORS.md §2.
var catalogue = []string{
	"high_pay_low_skill", "vague_online_role", "home_language_target_role", "explicit_scam_work",
	"casino_resort_entertainment", "appearance_gender_requirement", "language_typing_test",
	"bring_own_laptop", "messenger_only_recruiter", "unverifiable_company", "no_real_interview",
	"friend_referral", "reassurance_denial", "debt_distress_targeting", "bypass_official_program",
	"employer_pays_travel", "no_visa_or_tourist_visa", "indirect_route_third_country",
	"bait_location_switch", "passport_or_phone_surrender", "early_passport_copy",
	"no_contract_or_foreign_contract", "hotspot_location", "destination_sea", "job_fair_invite",
	"bank_account_or_crypto_handover", "crypto_or_unusual_pay", "upfront_fee_or_deposit",
	"penalty_or_debt_clause", "urgency_pressure", "secrecy_instruction",
	"official_channel", "verifiable_employer_details", "proper_work_visa_process",
	"market_rate_pay_with_requirements", "no_fee_stated", "contract_before_departure",
}

func TestRulesCatalogue(t *testing.T) {
	c := mustLoad(t)
	if c.Version() == "" {
		t.Error("ruleset has no version")
	}
	rules := map[string]Rule{}
	for _, r := range c.Rules() {
		rules[r.ID] = r
	}
	if len(rules) != len(catalogue) {
		t.Errorf("ruleset has %d flags and signals, the catalogue %d", len(rules), len(catalogue))
	}
	critical := map[string]bool{"explicit_scam_work": true, "passport_or_phone_surrender": true,
		"bank_account_or_crypto_handover": true}
	for _, id := range catalogue {
		r, ok := rules[id]
		switch {
		case !ok:
			t.Errorf("flag %s is missing", id)
		case r.Critical != critical[id]:
			t.Errorf("flag %s: critical %v", id, r.Critical)
		case r.Signal != (r.Weight < 0):
			t.Errorf("flag %s: signal %v with weight %d", id, r.Signal, r.Weight)
		case r.Signal && r.Message != "jobcheck.signal_"+id, !r.Signal && r.Message != "jobcheck.flag_"+id:
			t.Errorf("flag %s: message id %q", id, r.Message)
		}
	}
}

// TestLoadFS checks that the embedded files load from a directory too and that mistakes a
// desk editor can make are reported, not silently ignored.
func TestLoadFS(t *testing.T) {
	sub, err := fs.Sub(embedded, "rules")
	if err != nil {
		t.Fatal(err)
	}
	base := fstest.MapFS{}
	names, _ := fs.Glob(sub, "*.toml")
	for _, n := range names {
		b, _ := fs.ReadFile(sub, n)
		base[n] = &fstest.MapFile{Data: b}
	}
	if _, err := LoadFS(base); err != nil {
		t.Fatalf("LoadFS of the embedded files: %v", err)
	}
	tests := []struct{ name, file, data, want string }{
		{"unknown key", "x.toml", "[[flag]]\nid = \"x_flag\"\nweight = 1\nwieght = 2\nen = ['x']\n", "unknown keys"},
		{"duplicate id", "x.toml", "[[flag]]\nid = \"urgency_pressure\"\nweight = 1\nen = ['x']\n", "defined twice"},
		{"signal weight", "x.toml", "[[signal]]\nid = \"x_signal\"\nweight = 1\nen = ['x']\n", "wrong sign"},
		{"bad regexp", "x.toml", "[[flag]]\nid = \"x_flag\"\nweight = 1\nen = ['re:(']\n", "pattern"},
		{"empty phrase", "x.toml", "[[flag]]\nid = \"x_flag\"\nweight = 1\nen = ['a|!!']\n", "empty once normalised"},
		{"bad cue", "x.toml", "[[cue]]\nid = \"x_cue\"\napplies = \"all\"\nposition = \"before\"\nscope = \"clause\"\nwindow = 5\nen = ['x']\n", "cue"},
		{"second version", "x.toml", "version = \"2\"\n", "belong in one file"},
		{"unknown class", "x.toml", "[[flag]]\nid = \"x_flag\"\nweight = 1\nen = ['{no_such_class} + x']\n", "class {no_such_class}"},
		{"class without the language", "x.toml", "[[flag]]\nid = \"x_flag\"\nweight = 1\nkm = ['{family_to}']\n", "has no km words"},
		{"duplicate class", "x.toml", "[[class]]\nid = \"passport\"\nen = ['pp']\n", "defined twice"},
		{"stem inside an alternative", "x.toml", "[[flag]]\nid = \"x_flag\"\nweight = 1\nen = ['pick* you up']\n", "stands only at its start or end"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{tt.file: &fstest.MapFile{Data: []byte(tt.data)}}
			for k, v := range base {
				fsys[k] = v
			}
			_, err := LoadFS(fsys)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("LoadFS = %v, want an error with %q", err, tt.want)
			}
		})
	}
	delete(base, "terms.toml")
	if _, err := LoadFS(base); err == nil || !strings.Contains(err.Error(), "used by the code") {
		t.Errorf("LoadFS without terms.toml = %v, want the missing terms reported", err)
	}
}

// TestWordClass: a desk's own class and a phrase naming it and a class of lexicon.toml.
func TestWordClass(t *testing.T) {
	sub, _ := fs.Sub(embedded, "rules")
	fsys := fstest.MapFS{}
	names, _ := fs.Glob(sub, "*.toml")
	for _, n := range names {
		b, _ := fs.ReadFile(sub, n)
		fsys[n] = &fstest.MapFile{Data: b}
	}
	fsys["zz_desk.toml"] = &fstest.MapFile{Data: []byte("[[class]]\nid = \"front\"\nen = ['golden example', 'silver sample']\n" +
		"[[flag]]\nid = \"desk_front_passport\"\nweight = 3\ncritical = true\nen = ['{front} + {passport}']\n")}
	c, err := LoadFS(fsys)
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range []string{"Silver Sample wants your passport", "golden example: passports please"} {
		if r := c.Check(in); !slices.Contains(flagIDs(r), "desk_front_passport") {
			t.Errorf("Check(%q) = %v, want desk_front_passport", in, flagIDs(r))
		}
	}
}

// TestDeskExtension: a phrase added by the desk in its own file takes effect.
func TestDeskExtension(t *testing.T) {
	sub, _ := fs.Sub(embedded, "rules")
	fsys := fstest.MapFS{}
	names, _ := fs.Glob(sub, "*.toml")
	for _, n := range names {
		b, _ := fs.ReadFile(sub, n)
		fsys[n] = &fstest.MapFile{Data: b}
	}
	fsys["zz_desk.toml"] = &fstest.MapFile{Data: []byte(
		"[[flag]]\nid = \"desk_known_front\"\nweight = 3\ncritical = true\nen = ['golden example + resort*']\n")}
	c, err := LoadFS(fsys)
	if err != nil {
		t.Fatal(err)
	}
	r := c.Check("Golden Example Resort is hiring")
	if r.Level != LevelHigh || len(r.Flags) == 0 || r.Flags[0].Message != "jobcheck.flag_desk_known_front" {
		t.Errorf("Check = %s %+v, want high with desk_known_front", r.Level, r.Flags)
	}
}
