package devdb

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestFromEnv(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		env     map[string]string
		want    Config
		wantErr string
	}{
		{name: "defaults", want: Config{Checkout: "/src", Port: DefaultPort}},
		{name: "port", env: map[string]string{"PG_PORT": "54330"}, want: Config{Checkout: "/src", Port: 54330}},
		{name: "absolute data", env: map[string]string{"PGDATA_DIR": "/srv/pg/"}, want: Config{Checkout: "/src", Port: DefaultPort, Data: "/srv/pg"}},
		{name: "relative data", env: map[string]string{"PGDATA_DIR": "x/pg"}, want: Config{Checkout: "/src", Port: DefaultPort, Data: filepath.Join(wd, "x/pg")}},
		{name: "port not a number", env: map[string]string{"PG_PORT": "abc"}, wantErr: `PG_PORT must be a TCP port number, got "abc"`},
		{name: "port zero", env: map[string]string{"PG_PORT": "0"}, wantErr: "PG_PORT must be"},
		{name: "port too big", env: map[string]string{"PG_PORT": "65536"}, wantErr: "PG_PORT must be"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := FromEnv(func(k string) string { return tt.env[k] }, "/src")
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got.Out = nil
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("config (-want +got):\n%s", diff)
			}
		})
	}
}

func TestURL(t *testing.T) {
	got, want := URL(54329, "hotline"), "postgres://postgres@127.0.0.1:54329/hotline?sslmode=disable"
	if got != want {
		t.Errorf("URL = %q, want %q", got, want)
	}
}

func TestFindCheckout(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := FindCheckout(deep); err == nil {
		t.Fatal("found a checkout without go.mod")
	}
	if err := os.WriteFile(filepath.Join(root, "go.mod"), []byte("module x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := FindCheckout(deep)
	if err != nil || got != root {
		t.Errorf("FindCheckout = %q, %v; want %q", got, err, root)
	}
}

func TestParsePostmasterPID(t *testing.T) {
	text := "4242\n/var/tmp/pg\n1733240000\n54611\n/var/tmp/pg/sockets\n127.0.0.1\n  1234  5678\nready   \n"
	pid, port := ParsePostmasterPID(text)
	if pid != 4242 || port != 54611 {
		t.Errorf("ParsePostmasterPID = %d, %d; want 4242, 54611", pid, port)
	}
	if pid, port := ParsePostmasterPID(""); pid != 0 || port != 0 {
		t.Errorf("empty file: %d, %d; want 0, 0", pid, port)
	}
}

func TestFindBin(t *testing.T) {
	lib := t.TempDir()
	for _, v := range []string{"9.6", "10", "15", "16"} {
		bin := filepath.Join(lib, v, "bin")
		if err := os.MkdirAll(bin, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(bin, "initdb"), nil, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		want, wantVersion, wantErr string
	}{
		{want: "", wantVersion: "16"},   // a new cluster gets the newest, by number
		{want: "15", wantVersion: "15"}, // an existing one its own version
		{want: "9.6", wantVersion: "9.6"},
		{want: "14", wantErr: "made by PostgreSQL 14, but only PostgreSQL 16 is installed"},
	}
	for _, tt := range tests {
		t.Run("want "+tt.want, func(t *testing.T) {
			bin, version, err := FindBin(lib, tt.want)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || version != tt.wantVersion || bin != filepath.Join(lib, tt.wantVersion, "bin") {
				t.Errorf("FindBin = %q, %q, %v; want version %s", bin, version, err, tt.wantVersion)
			}
		})
	}
	t.Run("none installed", func(t *testing.T) {
		t.Setenv("PATH", t.TempDir())
		_, _, err := FindBin(t.TempDir(), "")
		if !errors.Is(err, ErrNotInstalled) || !strings.Contains(err.Error(), "apt-get install postgresql") {
			t.Errorf("err = %v, want ErrNotInstalled naming the package", err)
		}
	})
}

func TestLocks(t *testing.T) {
	data := filepath.Join(t.TempDir(), "postgres")
	open := func() *Locks {
		t.Helper()
		l, err := OpenLocks(data)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(l.Close)
		return l
	}
	a, b, probe := open(), open(), open()
	wantOthers := func(want bool) {
		t.Helper()
		if got, err := probe.OthersUsing(); err != nil || got != want {
			t.Fatalf("OthersUsing = %v, %v; want %v", got, err, want)
		}
	}
	wantOthers(false)
	if err := a.Join(); err != nil {
		t.Fatal(err)
	}
	if err := b.Join(); err != nil {
		t.Fatal(err)
	}
	wantOthers(true)
	if err := a.Leave(); err != nil {
		t.Fatal(err)
	}
	wantOthers(true) // b still uses it
	if err := b.Leave(); err != nil {
		t.Fatal(err)
	}
	wantOthers(false)

	if err := a.LockSetup(time.Second, func() { t.Error("a waited for a free lock") }); err != nil {
		t.Fatal(err)
	}
	waited := 0
	if err := b.LockSetup(100*time.Millisecond, func() { waited++ }); !errors.Is(err, errTimeout) || waited != 1 {
		t.Fatalf("LockSetup while another holds it = %v after %d waits; want a timeout after 1", err, waited)
	}
	if err := a.UnlockSetup(); err != nil {
		t.Fatal(err)
	}
	if err := b.LockSetup(time.Second, func() {}); err != nil {
		t.Fatalf("LockSetup after unlock: %v", err)
	}
}
