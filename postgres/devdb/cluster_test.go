package devdb

import (
	"bytes"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer collects messages of clusters used from several goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// TestCluster runs a real private cluster on a free port (never the machine's server): made on
// the first Exec, shared by two overlapping Execs and stopped by the last, kept by Start until
// Stop. As root, the checkout is a 0700 folder like /root, so the cluster lives elsewhere.
func TestCluster(t *testing.T) {
	if _, _, err := FindBin(libDir, ""); errors.Is(err, ErrNotInstalled) {
		t.Skip(err)
	}
	checkout, err := os.MkdirTemp("", "devdb-checkout-") // mode 0700
	if err != nil {
		t.Fatal(err)
	}
	base, err := os.MkdirTemp("", "devdb-base-")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(base, 0o755); err != nil {
		t.Fatal(err)
	}
	out := &syncBuffer{}
	cfg := Config{Checkout: checkout, Port: freePort(t), FallbackBases: []string{base}, Out: out}
	open := func() *Cluster {
		t.Helper()
		c, err := Open(cfg)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	c := open()
	t.Cleanup(func() {
		if c.isRunning() {
			c.stopServer()
		}
		os.RemoveAll(checkout)
		os.RemoveAll(base)
		if t.Failed() {
			t.Logf("devdb said:\n%s", out)
		}
	})
	wantData := DefaultData(checkout)
	if os.Geteuid() == 0 {
		wantData = filepath.Join(FallbackDir(base, checkout), "postgres")
	}
	if c.Data() != wantData {
		t.Fatalf("data in %s, want %s", c.Data(), wantData)
	}

	url := URL(cfg.Port, Database)
	if status, _, err := open().Exec([]string{"sh", "-c", `test "$DATABASE_URL" = "$1" && exit 3`, "sh", url}, nil); err != nil || status != 3 {
		t.Fatalf("Exec = %d, %v; want the command's own status 3 (and DATABASE_URL %s)", status, err, url)
	}
	if c.isRunning() {
		t.Fatal("the cluster still runs after the only Exec ended")
	}

	t.Run("overlapping execs share it", func(t *testing.T) {
		flag := filepath.Join(base, "done")
		done := make(chan error, 1)
		go func() {
			_, _, err := open().Exec([]string{"sh", "-c", `while ! test -e "$1"; do sleep 0.1; done`, "sh", flag}, nil)
			done <- err
		}()
		for deadline := time.Now().Add(60 * time.Second); !c.isRunning(); time.Sleep(100 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatal("the first Exec did not start the cluster")
			}
		}
		if status, _, err := open().Exec([]string{"true"}, nil); err != nil || status != 0 {
			t.Fatalf("second Exec = %d, %v", status, err)
		}
		if !c.isRunning() {
			t.Fatal("the second Exec stopped the cluster the first still uses")
		}
		if err := os.WriteFile(flag, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		if c.isRunning() {
			t.Fatal("the cluster still runs after the last Exec ended")
		}
	})

	t.Run("start keeps it running until stop", func(t *testing.T) {
		got, err := open().Start()
		if err != nil || got != url {
			t.Fatalf("Start = %q, %v; want %q", got, err, url)
		}
		if _, _, err := open().Exec([]string{"true"}, nil); err != nil {
			t.Fatal(err)
		}
		if text, running := open().Status(); !running || !strings.Contains(text, "running") {
			t.Fatalf("after Exec on a started cluster: %s", text)
		}
		if err := open().Stop(); err != nil {
			t.Fatal(err)
		}
		if text, running := open().Status(); running {
			t.Fatalf("after Stop: %s", text)
		}
	})
}
