package devdb

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestChooseData(t *testing.T) {
	const checkout = "/root/hotline"
	def := DefaultData(checkout)
	tests := []struct {
		name      string
		reachable []string
		want      string
		wantErr   bool
	}{
		{name: "checkout reachable", reachable: []string{"/root/hotline/.data", "/var/tmp", "/tmp"}, want: def},
		{name: "checkout out of reach", reachable: []string{"/var/tmp", "/tmp"}, want: FallbackDir("/var/tmp", checkout) + "/postgres"},
		{name: "only /tmp", reachable: []string{"/tmp"}, want: FallbackDir("/tmp", checkout) + "/postgres"},
		{name: "nowhere", reachable: nil, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			canEnter := func(dir string) bool {
				for _, r := range tt.reachable {
					if dir == r {
						return true
					}
				}
				return false
			}
			got, err := ChooseData(def, checkout, defaultBases, canEnter)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("ChooseData = %q, %v; want %q (error: %v)", got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestFallbackDir(t *testing.T) {
	a, b := FallbackDir("/var/tmp", "/root/a"), FallbackDir("/var/tmp", "/root/b")
	if a == b {
		t.Errorf("two checkouts share %s", a)
	}
	if again := FallbackDir("/var/tmp", "/root/a"); again != a {
		t.Errorf("FallbackDir is not stable: %s, then %s", a, again)
	}
	if filepath.Dir(a) != "/var/tmp" || !strings.HasPrefix(filepath.Base(a), "hotline-pg-") {
		t.Errorf("FallbackDir = %s, want /var/tmp/hotline-pg-...", a)
	}
}

func TestMakePrivateDir(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "ours")
	if err := makePrivateDir(dir); err != nil {
		t.Fatal(err)
	}
	if err := makePrivateDir(dir); err != nil {
		t.Fatalf("second time: %v", err)
	}
	if fi, err := os.Stat(dir); err != nil || fi.Mode().Perm() != 0o755 {
		t.Fatalf("mode = %v, %v; want 0755", fi.Mode(), err)
	}
	// Someone else's doing in a shared /tmp: a link, or a folder others may write in.
	link := filepath.Join(base, "link")
	if err := os.Symlink(dir, link); err != nil {
		t.Fatal(err)
	}
	open := filepath.Join(base, "open")
	if err := os.Mkdir(open, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(open, 0o777); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{link, open} {
		if err := makePrivateDir(d); err == nil {
			t.Errorf("makePrivateDir(%s) accepted it", filepath.Base(d))
		}
	}
}

func TestSyncLink(t *testing.T) {
	newCluster := func(t *testing.T) *Cluster {
		base := t.TempDir()
		return &Cluster{
			cfg:  Config{Out: io.Discard},
			link: filepath.Join(base, "checkout", ".data", "postgres"),
			data: filepath.Join(base, "elsewhere", "postgres"),
		}
	}
	mkdirs := func(t *testing.T, dirs ...string) {
		for _, d := range dirs {
			if err := os.MkdirAll(d, 0o755); err != nil {
				t.Fatal(err)
			}
		}
	}
	makeCluster := func(t *testing.T, c *Cluster) {
		mkdirs(t, c.data)
		if err := os.WriteFile(filepath.Join(c.data, "PG_VERSION"), []byte("15\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	wantLink := func(t *testing.T, c *Cluster) {
		t.Helper()
		if target, err := os.Readlink(c.link); err != nil || target != c.data {
			t.Errorf("link = %q, %v; want %q", target, err, c.data)
		}
	}

	t.Run("first run links", func(t *testing.T) {
		c := newCluster(t)
		mkdirs(t, filepath.Dir(c.link))
		if err := c.syncLink(); err != nil {
			t.Fatal(err)
		}
		wantLink(t, c)
	})
	t.Run("linked cluster is kept", func(t *testing.T) {
		c := newCluster(t)
		mkdirs(t, filepath.Dir(c.link))
		makeCluster(t, c)
		if err := os.Symlink(c.data, c.link); err != nil {
			t.Fatal(err)
		}
		if err := c.syncLink(); err != nil {
			t.Fatal(err)
		}
		wantLink(t, c)
		if !exists(filepath.Join(c.data, "PG_VERSION")) {
			t.Error("the linked cluster was deleted")
		}
	})
	t.Run("deleted .data starts over", func(t *testing.T) {
		c := newCluster(t)
		mkdirs(t, filepath.Dir(c.link))
		makeCluster(t, c)
		if err := c.syncLink(); err != nil {
			t.Fatal(err)
		}
		wantLink(t, c)
		if exists(c.data) {
			t.Error("the cluster of a deleted .data was kept")
		}
	})
	t.Run("stale link is replaced", func(t *testing.T) {
		c := newCluster(t)
		mkdirs(t, filepath.Dir(c.link))
		if err := os.Symlink("/nowhere", c.link); err != nil {
			t.Fatal(err)
		}
		if err := c.syncLink(); err != nil {
			t.Fatal(err)
		}
		wantLink(t, c)
	})
	t.Run("a real folder is left alone", func(t *testing.T) {
		c := newCluster(t)
		mkdirs(t, c.link)
		makeCluster(t, c)
		if err := c.syncLink(); err != nil {
			t.Fatal(err)
		}
		if fi, err := os.Lstat(c.link); err != nil || !fi.IsDir() {
			t.Errorf("%s is no longer a folder", c.link)
		}
		if !exists(filepath.Join(c.data, "PG_VERSION")) {
			t.Error("the cluster was deleted")
		}
	})
}

func TestCanEnter(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root can ask as another user")
	}
	nobody, err := LookupAccount("nobody")
	if err != nil {
		t.Skip("no user nobody")
	}
	home, err := os.MkdirTemp("", "devdb-home-") // mode 0700, like /root
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(home) })
	inner := filepath.Join(home, "checkout")
	if err := os.Mkdir(inner, 0o755); err != nil {
		t.Fatal(err)
	}
	if nobody.CanEnter(inner) {
		t.Errorf("nobody can enter %s below a 0700 folder", inner)
	}
	if !(*Account)(nil).CanEnter(inner) {
		t.Errorf("root cannot enter %s", inner)
	}
	if err := os.Chmod(home, 0o711); err != nil {
		t.Fatal(err)
	}
	if !nobody.CanEnter(inner) {
		t.Errorf("nobody cannot enter %s below a 0711 folder", inner)
	}
	if nobody.CanEnter(filepath.Join(home, "missing")) {
		t.Error("nobody can enter a missing folder")
	}
}

func TestOwnedByUs(t *testing.T) {
	ours := t.TempDir()
	if err := ownedByUs(ours); err != nil {
		t.Errorf("our own folder: %v", err)
	}
	if err := ownedByUs(filepath.Join(ours, "missing")); err != nil {
		t.Errorf("a folder made on first use: %v", err)
	}
	theirs := "/"
	if os.Geteuid() == 0 {
		theirs = filepath.Join(ours, "theirs")
		if err := os.Mkdir(theirs, 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.Chown(theirs, 65534, 65534); err != nil {
			t.Fatal(err)
		}
	}
	if err := ownedByUs(theirs); err == nil || !strings.Contains(err.Error(), "not to you") {
		t.Errorf("someone else's folder: %v", err)
	}
}
