package devdb

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// Cluster is one private cluster: where it lives, what runs it, on which port.
type Cluster struct {
	cfg     Config
	data    string   // the data folder
	link    string   // the checkout's .data/postgres when it links to data elsewhere
	owner   *Account // runs initdb and postgres; nil: ourselves (we are not root)
	bin     string   // PostgreSQL's bin folder
	version string   // its major version
	port    int      // where it listens (a running cluster may use another port than cfg.Port)
	locks   *Locks
}

// libDir is where Debian and Ubuntu install PostgreSQL versions.
const libDir = "/usr/lib/postgresql"

// Open finds the data folder, the user that runs the server and PostgreSQL's binaries. It creates
// only the folders it needs (and as root without a postgres user, a system user).
func Open(cfg Config) (*Cluster, error) {
	if cfg.Out == nil {
		cfg.Out = os.Stderr
	}
	c := &Cluster{cfg: cfg, port: cfg.Port}
	if err := c.place(); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(c.data), 0o755); err != nil {
		return nil, err
	}
	want := ""
	if b, err := os.ReadFile(filepath.Join(c.data, "PG_VERSION")); err == nil {
		want = strings.TrimSpace(string(b))
	}
	var err error
	c.bin, c.version, err = FindBin(libDir, want)
	return c, err
}

// Data is the data folder.
func (c *Cluster) Data() string { return c.data }

// ensureRunning initialises and starts the cluster unless it runs, and creates the database.
// autostop marks a cluster it starts as stopping when its last Exec ends. Caller holds the
// setup lock.
func (c *Cluster) ensureRunning(autostop bool) error {
	if err := c.syncLink(); err != nil {
		return err
	}
	if err := c.initialize(); err != nil {
		return err
	}
	if c.isRunning() {
		if _, port := c.postmasterPID(); port > 0 {
			c.port = port
		}
		c.say("using the PostgreSQL already running from %s on 127.0.0.1:%d", show(c.data), c.port)
	} else {
		// Mark before starting: if we are interrupted half-way, the cleanup still stops it.
		if err := c.markAutostop(autostop); err != nil {
			return err
		}
		if err := c.startServer(); err != nil {
			return err
		}
	}
	return c.ensureDatabase()
}

func (c *Cluster) markAutostop(on bool) error {
	if !on {
		if err := os.Remove(c.autostopFile()); err != nil && !os.IsNotExist(err) {
			return err
		}
		return nil
	}
	return os.WriteFile(c.autostopFile(), nil, 0o644)
}

func (c *Cluster) lock() error {
	var err error
	if c.locks, err = OpenLocks(c.data); err != nil {
		return err
	}
	err = c.locks.LockSetup(2*time.Minute, func() {
		c.say("waiting for another devdb to finish starting or stopping PostgreSQL...")
	})
	if err != nil {
		c.locks.Close()
	}
	return err
}

// Exec runs argv with DATABASE_URL set to the cluster's database, starting the cluster first
// if need be. Afterwards, it stops a cluster that an Exec started once no other Exec uses it.
// Signals caught by the caller arrive on sigs: one during setup abandons the command; while the
// command runs, they only reach it (a terminal's Ctrl-C reaches its whole process group), and the
// last one is returned so the caller can die of it too.
func (c *Cluster) Exec(argv []string, sigs <-chan os.Signal) (status int, sig os.Signal, err error) {
	if err := c.lock(); err != nil {
		return 1, nil, err
	}
	defer c.release()
	if err := c.ensureRunning(true); err != nil {
		return 1, nil, err
	}
	if err := c.locks.Join(); err != nil {
		return 1, nil, err
	}
	if err := c.locks.UnlockSetup(); err != nil {
		return 1, nil, err
	}
	select {
	case sig = <-sigs:
		return 128 + signum(sig), sig, nil
	default:
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	cmd.Env = append(os.Environ(), "DATABASE_URL="+URL(c.port, Database))
	err = cmd.Run()
	for drained := false; !drained; {
		select {
		case sig = <-sigs:
		default:
			drained = true
		}
	}
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0, sig, nil
	case errors.As(err, &exit):
		if ws, ok := exit.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			return 128 + int(ws.Signal()), sig, nil
		}
		return exit.ExitCode(), sig, nil
	default:
		return 127, sig, err
	}
}

// release runs when Exec ends: it gives back this Exec's share, and the last Exec out stops a
// cluster that an Exec started.
func (c *Cluster) release() {
	defer c.locks.Close()
	if err := c.locks.LockSetup(2*time.Minute, func() {}); err != nil {
		c.say("warning: %v; leaving PostgreSQL running", err)
		return
	}
	if err := c.locks.Leave(); err != nil {
		c.say("warning: %v", err)
	}
	if !exists(c.autostopFile()) {
		return
	}
	if others, err := c.locks.OthersUsing(); err != nil || others {
		return
	}
	if c.isRunning() {
		if err := c.stopServer(); err != nil {
			c.say("warning: %v; see %s", err, show(c.logFile()))
			return
		}
	}
	_ = os.Remove(c.autostopFile())
}

func signum(s os.Signal) int {
	if n, ok := s.(syscall.Signal); ok {
		return int(n)
	}
	return 1
}

// Start starts the cluster and keeps it running until Stop; it returns the DATABASE_URL.
func (c *Cluster) Start() (string, error) {
	if err := c.lock(); err != nil {
		return "", err
	}
	defer c.locks.Close()
	if err := c.ensureRunning(false); err != nil {
		return "", err
	}
	// Started or adopted by hand: it keeps running until Stop.
	if err := c.markAutostop(false); err != nil {
		return "", err
	}
	c.say("PostgreSQL keeps running; stop it with: make db-stop")
	return URL(c.port, Database), nil
}

// Stop stops the cluster, even one that Exec commands still use.
func (c *Cluster) Stop() error {
	if !exists(filepath.Join(c.data, "PG_VERSION")) {
		return fmt.Errorf("%w in %s", ErrNoCluster, show(c.data))
	}
	if err := c.lock(); err != nil {
		return err
	}
	defer c.locks.Close()
	if c.isRunning() {
		if others, _ := c.locks.OthersUsing(); others {
			c.say("note: running 'devdb exec' commands lose their database")
		}
		if err := c.stopServer(); err != nil {
			return err
		}
	} else {
		c.say("PostgreSQL is not running (%s)", show(c.data))
	}
	return c.markAutostop(false)
}

// Status describes the cluster; running is false when it is stopped or not made yet.
func (c *Cluster) Status() (text string, running bool) {
	if !exists(filepath.Join(c.data, "PG_VERSION")) {
		return fmt.Sprintf("no cluster yet in %s (made by the first make run, make test, ...)", show(c.data)), false
	}
	if !c.isRunning() {
		return fmt.Sprintf("stopped: PostgreSQL %s cluster in %s", c.version, show(c.data)), false
	}
	pid, port := c.postmasterPID()
	how := "started by 'devdb start' (make db-start); stops with make db-stop"
	if exists(c.autostopFile()) {
		how = "started by 'devdb exec'; stops when the last exec ends"
	}
	return fmt.Sprintf("running: PostgreSQL %s, pid %d, 127.0.0.1:%d, data %s (%s)", c.version, pid, port, show(c.data), how), true
}

// URL is the DATABASE_URL of the cluster's database: on the port it runs on, else on the
// configured one.
func (c *Cluster) URL() string {
	if _, port := c.postmasterPID(); port > 0 && c.isRunning() {
		return URL(port, Database)
	}
	return URL(c.port, Database)
}
