package main

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// process is `hotline run` in a process of its own, as a deployment runs
// it: started with the test's environment plus some settings, stopped
// with SIGTERM.
type process struct {
	t       *testing.T
	name    string
	addr    string // HTTP_ADDR: the webhook
	metrics string // METRICS_ADDR: /healthz and /metrics, where the program has it
	cmd     *exec.Cmd
	out     *syncBuffer
	done    chan error
}

// syncBuffer collects a process's output while the test reads it.
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

// startHotline starts `hotline run` with env (NAME=value) on top of the
// test's environment, listening on a fresh HTTP_ADDR. It does not wait.
func startHotline(t *testing.T, name string, env ...string) *process {
	t.Helper()
	p := &process{t: t, name: name, addr: freeAddr(t), metrics: freeAddr(t), out: &syncBuffer{}, done: make(chan error, 1)}
	// The process outlives no test: it is killed at cleanup if still running.
	p.cmd = hotline(context.Background(), "run")
	p.cmd.Env = append(p.cmd.Env, append([]string{"HTTP_ADDR=" + p.addr, "METRICS_ADDR=" + p.metrics}, env...)...)
	p.cmd.Stdout, p.cmd.Stderr = p.out, p.out
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.done <- p.cmd.Wait() }()
	t.Cleanup(func() {
		if p.cmd.ProcessState == nil {
			_ = p.cmd.Process.Kill()
			<-p.done
		}
		if t.Failed() {
			t.Logf("output of %s:\n%s", p.name, p.out)
		}
	})
	return p
}

// ready waits until the process answers /healthz: migrations are applied,
// the webhook is set, updates are taken.
func (p *process) ready() {
	p.t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case err := <-p.done:
			p.done <- err
			p.t.Fatalf("%s exited before it was ready (%v):\n%s", p.name, err, p.out)
		default:
		}
		if _, ok := p.get("/healthz"); ok {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	p.t.Fatalf("%s not ready within 60 s:\n%s", p.name, p.out)
}

// stop sends SIGTERM and waits for a clean exit.
func (p *process) stop() {
	p.t.Helper()
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		p.t.Fatal(err)
	}
	select {
	case err := <-p.done:
		p.done <- err
		if err != nil {
			p.t.Fatalf("%s exited with %v after SIGTERM:\n%s", p.name, err, p.out)
		}
	case <-time.After(45 * time.Second):
		p.t.Fatalf("%s still running 45 s after SIGTERM", p.name)
	}
}

// refused reports whether the process exits by itself, with a non-zero
// status naming DATA_KEY, before it is ready; false if it becomes ready.
func (p *process) refused(timeout time.Duration) bool {
	p.t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		select {
		case err := <-p.done:
			p.done <- err
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() == 0 {
				p.t.Fatalf("%s ended with %v, want a non-zero exit:\n%s", p.name, err, p.out)
			}
			if !strings.Contains(p.out.String(), "DATA_KEY does not open") {
				p.t.Errorf("%s refused to start without naming DATA_KEY:\n%s", p.name, p.out)
			}
			return true
		default:
		}
		if _, ok := p.get("/healthz"); ok {
			return false
		}
		time.Sleep(50 * time.Millisecond)
	}
	p.t.Fatalf("%s neither refused nor became ready within %s:\n%s", p.name, timeout, p.out)
	return false
}

// get fetches an internal endpoint (health, metrics): from METRICS_ADDR,
// or from HTTP_ADDR in a build that serves them there.
func (p *process) get(path string) (string, bool) {
	for _, addr := range []string{p.metrics, p.addr} {
		resp, err := http.Get("http://" + addr + path)
		if err != nil {
			continue
		}
		var b bytes.Buffer
		_, _ = b.ReadFrom(resp.Body)
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			return b.String(), true
		}
	}
	return "", false
}

// metric returns the value of an unlabelled sample on /metrics.
func (p *process) metric(name string) string {
	p.t.Helper()
	body, ok := p.get("/metrics")
	if !ok {
		p.t.Fatalf("%s serves no /metrics", p.name)
	}
	for _, line := range strings.Split(body, "\n") {
		if v, ok := strings.CutPrefix(line, name+" "); ok {
			return v
		}
	}
	return ""
}
