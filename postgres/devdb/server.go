package devdb

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func (c *Cluster) pg(name string, args ...string) *exec.Cmd {
	return c.owner.Command(filepath.Join(c.bin, name), args...)
}

func (c *Cluster) sockets() string      { return filepath.Join(c.data, "sockets") }
func (c *Cluster) logFile() string      { return filepath.Join(c.data, "server.log") }
func (c *Cluster) autostopFile() string { return c.data + ".autostop" }

// writeFile writes (or appends to) a file of the cluster, owned by the server user.
func (c *Cluster) writeFile(path, text string, appending bool) error {
	flags := os.O_CREATE | os.O_WRONLY | os.O_TRUNC
	if appending {
		flags = os.O_CREATE | os.O_WRONLY | os.O_APPEND
	}
	f, err := os.OpenFile(path, flags, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return c.owner.chown(path)
}

const hbaConf = `# Written by devdb: a disposable dev/test cluster, reachable only from this machine.
local  all  all                trust
host   all  all  127.0.0.1/32  trust
`

// initialize runs initdb unless the data folder holds a cluster. It builds a new one next door
// and renames it into place, so an interrupted first run leaves nothing half-made behind (an
// existing empty folder, maybe a mount point, is used in place).
func (c *Cluster) initialize() error {
	if exists(filepath.Join(c.data, "PG_VERSION")) {
		return nil
	}
	dir := c.data
	if entries, err := os.ReadDir(c.data); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s exists but is not a PostgreSQL data folder; move it away or set PGDATA_DIR", show(c.data))
	} else if err != nil {
		dir = c.data + ".initdb"
		if err := os.RemoveAll(dir); err != nil {
			return err
		}
		if err := os.Mkdir(dir, 0o700); err != nil {
			return err
		}
	}
	if err := c.owner.chown(dir); err != nil {
		return err
	}
	c.say("first run: creating a PostgreSQL %s cluster in %s", c.version, show(c.data))
	if err := c.initdb(dir); err != nil {
		return err
	}
	if err := c.writeFile(filepath.Join(dir, "pg_hba.conf"), hbaConf, false); err != nil {
		return err
	}
	// Our settings live in hotline.conf, rewritten on every start (so PG_PORT can change).
	include := "\ninclude_if_exists = 'hotline.conf'\t# added by devdb\n"
	if err := c.writeFile(filepath.Join(dir, "postgresql.conf"), include, true); err != nil {
		return err
	}
	if dir == c.data {
		return nil
	}
	return os.Rename(dir, c.data)
}

// initdb makes the cluster: UTF-8 with byte-order collation; C.UTF-8 where that locale exists,
// else --no-locale, which behaves the same for us.
func (c *Cluster) initdb(dir string) error {
	var failures []string
	for _, locale := range []string{"--locale=C.UTF-8", "--no-locale"} {
		out, err := c.pg("initdb", "-D", dir, "--auth=trust", "-U", Superuser, "-E", "UTF8", locale).CombinedOutput()
		if err == nil {
			return nil
		}
		failures = append(failures, fmt.Sprintf("initdb %s: %v\n%s", locale, err, indent(string(out))))
	}
	return fmt.Errorf("initdb failed:\n%s", strings.Join(failures, "\n"))
}

// writeServerConf writes hotline.conf, the settings of this run.
func (c *Cluster) writeServerConf() error {
	sock := c.sockets()
	if err := os.MkdirAll(sock, 0o700); err != nil {
		return err
	}
	if err := c.owner.chown(sock); err != nil {
		return err
	}
	// Unix socket paths are limited to 107 bytes; a deeply nested folder simply goes TCP-only.
	if len(sock)+len(".s.PGSQL.")+len(strconv.Itoa(c.port))+1 > 107 {
		c.say("note: %s is too long for a unix socket; listening on TCP only", sock)
		sock = ""
	}
	conf := fmt.Sprintf(`# Written by devdb on every start; edits are overwritten.
listen_addresses = '127.0.0.1'
port = %d
unix_socket_directories = '%s'
# Disposable dev/test data: trade crash safety (an OS crash, not a killed server) for speed;
# pgtestdb creates a database per test. To start over: make db-stop && rm -rf .data
fsync = off
synchronous_commit = off
full_page_writes = off
`, c.port, strings.ReplaceAll(sock, "'", "''"))
	return c.writeFile(filepath.Join(c.data, "hotline.conf"), conf, false)
}

func portInUse(port int) bool {
	conn, err := net.DialTimeout("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), time.Second)
	if err == nil {
		conn.Close()
	}
	return err == nil
}

func (c *Cluster) errPort() error {
	return fmt.Errorf("127.0.0.1:%d is already in use by another program (another checkout's cluster, another PostgreSQL, ...).\n  Pick a free port with PG_PORT, e.g.: PG_PORT=%d make test", c.port, c.port+1)
}

func (c *Cluster) startServer() error {
	if portInUse(c.port) {
		return c.errPort()
	}
	if err := c.recoverAfterCrash(); err != nil {
		return err
	}
	if err := c.writeServerConf(); err != nil {
		return err
	}
	var offset int64
	if fi, err := os.Stat(c.logFile()); err == nil {
		offset = fi.Size()
	}
	start := c.pg("pg_ctl", "start", "-D", c.data, "-l", c.logFile(), "-w", "-t", "60", "-s")
	// A session of its own: a Ctrl-C (or a timeout's signal) sent to the command's process group
	// must reach the command alone, which then shuts down with its database still up; devdb
	// stops the server itself once the command has exited.
	if start.SysProcAttr == nil {
		start.SysProcAttr = &syscall.SysProcAttr{}
	}
	start.SysProcAttr.Setsid = true
	out, err := start.CombinedOutput()
	if err == nil {
		c.say("started PostgreSQL %s on 127.0.0.1:%d (data: %s, log: %s)", c.version, c.port, show(c.data), show(c.logFile()))
		return nil
	}
	fresh := readFrom(c.logFile(), offset)
	if strings.Contains(fresh, "Address already in use") {
		return c.errPort()
	}
	return fmt.Errorf("PostgreSQL did not start: %v %s\n  log (%s):\n%s", err, bytes.TrimSpace(out), show(c.logFile()), indent(lastLines(fresh, 20)))
}

func (c *Cluster) stopServer() error {
	if err := c.pg("pg_ctl", "stop", "-D", c.data, "-m", "fast", "-w", "-t", "60", "-s").Run(); err != nil {
		c.say("fast shutdown did not finish; forcing an immediate shutdown")
		out, err := c.pg("pg_ctl", "stop", "-D", c.data, "-m", "immediate", "-w", "-t", "30", "-s").CombinedOutput()
		if err != nil {
			return fmt.Errorf("could not stop PostgreSQL (%s): %v %s", show(c.data), err, bytes.TrimSpace(out))
		}
	}
	c.say("stopped PostgreSQL (%s)", show(c.data))
	return nil
}

func readFrom(path string, offset int64) string {
	b, err := os.ReadFile(path)
	if err != nil || offset > int64(len(b)) {
		return ""
	}
	return string(b[offset:])
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

func indent(s string) string {
	s = strings.TrimRight(s, "\n")
	return "  " + strings.ReplaceAll(s, "\n", "\n  ")
}
