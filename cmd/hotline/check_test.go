package main

import (
	"context"
	"encoding/base64"
	"strings"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/koreandesk/hotline/desk"
	"github.com/koreandesk/hotline/postgres"
)

// checkEnv is a deployment's environment for check: an emulated Bot API
// with the desk group, a migrated database, a data key, a supervisor.
func checkEnv(t *testing.T) (token string) {
	t.Helper()
	api, _, _ := deployed(t)
	api.Group(-1001000000009, "Korean Desk staff")
	t.Setenv("DESK_CHAT_ID", "-1001000000009")
	t.Setenv("DESK_ADMIN_IDS", "42")
	t.Setenv("DATA_KEY", newDataKey(t))
	return api.Token()
}

// TestCheck runs `hotline check` as an operator would, as its own process:
// it exits 0 and says what it found when all is well, and exits 1 naming
// what failed otherwise. It never prints a secret.
func TestCheck(t *testing.T) {
	t.Run("all well", func(t *testing.T) {
		token := checkEnv(t)
		out, code := runHotline(t, "check")
		if code != 0 {
			t.Fatalf("exit status %d, want 0:\n%s", code, out)
		}
		for _, want := range []string{"PostgreSQL", "migrations    ok", "@", "desk group    ok", `"Korean Desk staff"`,
			"data key      ok    key id ", "sealed data   ok", "webhook       ok", "all checks passed"} {
			if !strings.Contains(out, want) {
				t.Errorf("output lacks %q:\n%s", want, out)
			}
		}
		noSecrets(t, out, token)
	})
	tests := []struct {
		name string
		env  map[string]string
		want string // in the FAIL line
	}{
		{"bad token", map[string]string{"TELEGRAM_BOT_TOKEN": "123456:wrong-secret"},
			"bot api       FAIL  TELEGRAM_BOT_TOKEN was rejected"},
		{"unreachable API", map[string]string{"TELEGRAM_API_URL": "http://" + "127.0.0.1:9"},
			"bot api       FAIL  cannot reach the Bot API at http://127.0.0.1:9"},
		{"unreachable database", map[string]string{"DATABASE_URL": "postgres://hotline:db-s3cret@127.0.0.1:9/hotline?sslmode=disable"},
			"database      FAIL  cannot connect to 127.0.0.1:9/hotline as hotline"},
		{"bad setting", map[string]string{"WORKERS": "0"}, "configuration FAIL  WORKERS must be a positive whole number"},
		{"no data key", map[string]string{"DATA_KEY": ""}, "data key      FAIL  DATA_KEY (or DATA_KEY_FILE) is not set"},
		{"another key", map[string]string{"DATA_KEY": "sealed-under-another"}, "sealed data   FAIL  DATA_KEY does not open the data in this database"},
		{"desk group unknown", map[string]string{"DESK_CHAT_ID": "-1009999999999"}, "desk group    FAIL  DESK_CHAT_ID -1009999999999"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			token := checkEnv(t)
			t.Setenv("DATA_KEY_FILE", "")
			for k, v := range tt.env {
				if v == "sealed-under-another" {
					sealCanary(t, newDataKey(t))
					continue
				}
				t.Setenv(k, v)
			}
			out, code := runHotline(t, "check")
			if code != 1 {
				t.Errorf("exit status %d, want 1", code)
			}
			if !strings.Contains(out, tt.want) {
				t.Errorf("output lacks %q:\n%s", tt.want, out)
			}
			if !strings.Contains(out, "hotline: check found") {
				t.Errorf("output does not end with the count of problems:\n%s", out)
			}
			noSecrets(t, out, token)
			noSecrets(t, out, "123456:wrong-secret")
		})
	}
}

// sealCanary seals the test database's key canary under key, as the first
// start of a bot with that key would.
func sealCanary(t *testing.T, key string) {
	t.Helper()
	raw, err := base64.StdEncoding.DecodeString(key)
	if err != nil {
		t.Fatal(err)
	}
	sealer, err := desk.NewSealer(raw)
	if err != nil {
		t.Fatal(err)
	}
	canary, err := sealer.Canary()
	if err != nil {
		t.Fatal(err)
	}
	db, err := sqlx.Open("postgres", getenvT(t, "DATABASE_URL"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	store, ctx := postgres.New(db), context.Background()
	if err := store.MarkDeployment(ctx, postgres.DeploymentLive, time.Now()); err != nil {
		t.Fatal(err)
	}
	if err := store.SetKeyCanary(ctx, canary, time.Now()); err != nil {
		t.Fatal(err)
	}
}

// noSecrets fails if out shows a token's secret part, a database password
// or the data key.
func noSecrets(t *testing.T, out, token string) {
	t.Helper()
	_, secret, _ := strings.Cut(token, ":")
	for _, s := range []string{secret, "db-s3cret", "DATA_KEY="} {
		if s != "" && strings.Contains(out, s) {
			t.Errorf("output shows the secret %q:\n%s", s, out)
		}
	}
}

func TestVersion(t *testing.T) {
	out, code := runHotline(t, "version")
	if code != 0 {
		t.Fatalf("exit status %d:\n%s", code, out)
	}
	// Test binaries carry no VCS stamp; the line says so rather than lie.
	for _, want := range []string{"hotline ", "revision: ", "go: go1."} {
		if !strings.Contains(out, want) {
			t.Errorf("version output lacks %q:\n%s", want, out)
		}
	}
}
