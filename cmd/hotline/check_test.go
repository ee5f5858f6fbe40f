package main

import (
	"crypto/rand"
	"encoding/base64"
	"strings"
	"testing"
)

// checkEnv is a deployment's environment for check: an emulated Bot API
// with the desk group, a migrated database, a data key, a supervisor.
func checkEnv(t *testing.T) (token string) {
	t.Helper()
	api, _, _ := deployed(t)
	api.Group(-1001000000009, "Korean Desk staff")
	t.Setenv("DESK_CHAT_ID", "-1001000000009")
	t.Setenv("DESK_ADMIN_IDS", "42")
	t.Setenv("DATA_KEY", newKey(t))
	return api.Token()
}

func newKey(t *testing.T) string {
	t.Helper()
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		t.Fatal(err)
	}
	return base64.StdEncoding.EncodeToString(key)
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
			"data key      ok    DATA_KEY, fingerprint", "webhook       ok", "all checks passed"} {
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
		{"desk group unknown", map[string]string{"DESK_CHAT_ID": "-1009999999999"}, "desk group    FAIL  DESK_CHAT_ID -1009999999999"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			token := checkEnv(t)
			t.Setenv("DATA_KEY_FILE", "")
			for k, v := range tt.env {
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
