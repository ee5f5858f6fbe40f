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
	t    *testing.T
	name string
	addr string // HTTP_ADDR
	cmd  *exec.Cmd
	out  *syncBuffer
	done chan error
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
	p := &process{t: t, name: name, addr: freeAddr(t), out: &syncBuffer{}, done: make(chan error, 1)}
	// The process outlives no test: it is killed at cleanup if still running.
	p.cmd = hotline(context.Background(), "run")
	p.cmd.Env = append(p.cmd.Env, append([]string{"HTTP_ADDR=" + p.addr}, env...)...)
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
		resp, err := http.Get("http://" + p.addr + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
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

// exited waits for the process to end by itself and returns its exit
// status and output.
func (p *process) exited(timeout time.Duration) (int, string) {
	p.t.Helper()
	select {
	case err := <-p.done:
		p.done <- err
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return exit.ExitCode(), p.out.String()
		}
		if err != nil {
			p.t.Fatal(err)
		}
		return 0, p.out.String()
	case <-time.After(timeout):
		p.t.Fatalf("%s still running after %s:\n%s", p.name, timeout, p.out)
	}
	return 0, ""
}

// metric returns the value of an unlabelled sample on /metrics.
func (p *process) metric(name string) string {
	p.t.Helper()
	resp, err := http.Get("http://" + p.addr + "/metrics")
	if err != nil {
		p.t.Fatal(err)
	}
	defer resp.Body.Close()
	var b bytes.Buffer
	_, _ = b.ReadFrom(resp.Body)
	for _, line := range strings.Split(b.String(), "\n") {
		if v, ok := strings.CutPrefix(line, name+" "); ok {
			return v
		}
	}
	return ""
}
