package devdb

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	_ "github.com/lib/pq" // the "postgres" driver, to create the database
)

// ParsePostmasterPID reads postmaster.pid: the server's pid on line 1, its port on line 4.
func ParsePostmasterPID(text string) (pid, port int) {
	lines := strings.Split(text, "\n")
	if len(lines) > 0 {
		pid, _ = strconv.Atoi(strings.TrimSpace(lines[0]))
	}
	if len(lines) > 3 {
		port, _ = strconv.Atoi(strings.TrimSpace(lines[3]))
	}
	return pid, port
}

func (c *Cluster) postmasterPID() (pid, port int) {
	b, err := os.ReadFile(filepath.Join(c.data, "postmaster.pid"))
	if err != nil {
		return 0, 0
	}
	return ParsePostmasterPID(string(b))
}

// isRunning reports whether a server runs from the data folder. pg_ctl status only checks that
// the pid in postmaster.pid exists; after a kill -9 that pid may be a zombie (containers whose
// init is slow to reap) or reused by another process, so where /proc exists, look closer.
func (c *Cluster) isRunning() bool {
	if !exists(filepath.Join(c.data, "PG_VERSION")) {
		return false
	}
	if !exists("/proc/self") {
		return c.pg("pg_ctl", "status", "-D", c.data).Run() == nil
	}
	pid, _ := c.postmasterPID()
	return pid > 0 && c.isServerProcess(pid)
}

// isServerProcess: a live (not zombie) postgres process working in our data folder.
func (c *Cluster) isServerProcess(pid int) bool {
	proc := "/proc/" + strconv.Itoa(pid)
	comm, err := os.ReadFile(proc + "/comm")
	if name := strings.TrimSpace(string(comm)); err != nil || (name != "postgres" && name != "postmaster") {
		return false
	}
	cwd, err := os.Readlink(proc + "/cwd") // zombies have none
	if err != nil {
		return false
	}
	real, err := filepath.EvalSymlinks(c.data)
	return err == nil && cwd == real
}

// leftovers are the live processes of a server from our data folder that is not running any
// more (backends of a killed postmaster, which need a moment to notice and exit).
func (c *Cluster) leftovers() []int {
	entries, _ := os.ReadDir("/proc")
	var pids []int
	for _, e := range entries {
		if pid, err := strconv.Atoi(e.Name()); err == nil && c.isServerProcess(pid) {
			pids = append(pids, pid)
		}
	}
	return pids
}

// recoverAfterCrash runs before a start, after a kill -9 of the server: it waits for leftover
// processes, then removes the lock files they left. postgres cleans these up itself, unless their
// pid is a zombie or reused, and then refuses to start.
func (c *Cluster) recoverAfterCrash() error {
	pidFile := filepath.Join(c.data, "postmaster.pid")
	if !exists(pidFile) || !exists("/proc/self") {
		return nil
	}
	left := c.leftovers()
	for i := 0; len(left) > 0 && i < 60; i++ {
		if i == 0 {
			c.say("waiting for processes of a killed server to exit: %v", left)
		}
		time.Sleep(500 * time.Millisecond)
		left = c.leftovers()
	}
	if len(left) > 0 {
		return fmt.Errorf("processes of a killed PostgreSQL server still use %s; stop them and retry: kill %v", show(c.data), left)
	}
	c.say("cleaning up after a server that did not shut down cleanly")
	socks, _ := filepath.Glob(filepath.Join(c.sockets(), ".s.PGSQL.*"))
	for _, f := range append(socks, pidFile) {
		if err := os.Remove(f); err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	return nil
}

// ensureDatabase waits until the server answers and creates the database unless it exists.
func (c *Cluster) ensureDatabase() error {
	db, err := sql.Open("postgres", URL(c.port, "postgres")+"&connect_timeout=5")
	if err != nil {
		return err
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for err = db.PingContext(ctx); err != nil; err = db.PingContext(ctx) {
		select {
		case <-ctx.Done():
			return fmt.Errorf("nothing answers on 127.0.0.1:%d: %w\n  If no PostgreSQL runs from %s, remove the stale file: rm '%s/postmaster.pid'", c.port, err, show(c.data), c.data)
		case <-time.After(300 * time.Millisecond):
		}
	}
	var found bool
	if err := db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, Database).Scan(&found); err != nil {
		return err
	}
	if found {
		return nil
	}
	if _, err := db.ExecContext(ctx, `CREATE DATABASE `+Database); err != nil {
		return err
	}
	c.say("created database %s", Database)
	return nil
}
