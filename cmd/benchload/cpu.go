package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/jmoiron/sqlx"
)

// cpuMeter reads the CPU time used so far by this process (bot and load
// server) and by the PostgreSQL server on this machine (the postmaster,
// its backends alive, and those that ended), so a scenario can say what
// one update cost, which the machine's other work changes less than it
// changes throughput. The server's part is "-" when it is not a local
// process this user may read.
type cpuMeter struct {
	postmaster int // 0: unknown
}

func newCPUMeter(ctx context.Context, admin *sqlx.DB) cpuMeter {
	var backend int
	if err := admin.GetContext(ctx, &backend, `SELECT pg_backend_pid()`); err != nil {
		return cpuMeter{}
	}
	f, err := procStat(backend)
	if err != nil {
		return cpuMeter{}
	}
	ppid, _ := strconv.Atoi(f[1])
	return cpuMeter{postmaster: ppid}
}

// cpuTimes is a reading: this process's and the server's CPU time.
type cpuTimes struct {
	self, server time.Duration
	serverKnown  bool
}

func (m cpuMeter) read() cpuTimes {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	t := cpuTimes{self: time.Duration(ru.Utime.Nano() + ru.Stime.Nano())}
	if m.postmaster == 0 {
		return t
	}
	f, err := procStat(m.postmaster)
	if err != nil {
		return t
	}
	// utime, stime, cutime, cstime: the postmaster's own and its ended
	// children's (the backends it waited for).
	ticks := sumFields(f, 11, 12, 13, 14)
	paths, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, p := range paths {
		pid, _ := strconv.Atoi(filepath.Base(filepath.Dir(p)))
		if c, err := procStat(pid); err == nil && c[1] == strconv.Itoa(m.postmaster) {
			ticks += sumFields(c, 11, 12)
		}
	}
	t.server, t.serverKnown = time.Duration(ticks)*time.Second/clockTicks, true
	return t
}

// clockTicks is the kernel's USER_HZ, 100 on Linux.
const clockTicks = 100

// procStat returns the fields of /proc/pid/stat after the command's
// name: f[0] is the state, f[1] the parent's pid, f[11] utime.
func procStat(pid int) ([]string, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return nil, err
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return nil, fmt.Errorf("stat of %d", pid)
	}
	f := strings.Fields(s[i+1:])
	if len(f) < 15 {
		return nil, fmt.Errorf("stat of %d", pid)
	}
	return f, nil
}

func sumFields(f []string, idx ...int) int64 {
	var n int64
	for _, i := range idx {
		v, _ := strconv.ParseInt(f[i], 10, 64)
		n += v
	}
	return n
}

// perUpdate formats the CPU time used between two readings for each of n
// updates.
func perUpdate(from, to cpuTimes, n int) string {
	if n <= 0 {
		return "-"
	}
	self := (to.self - from.self) / time.Duration(n)
	server := "-"
	if to.serverKnown && from.serverKnown {
		server = fmt.Sprintf("%.0f µs", float64((to.server-from.server)/time.Duration(n))/float64(time.Microsecond))
	}
	return fmt.Sprintf("process %.0f µs, PostgreSQL %s", float64(self)/float64(time.Microsecond), server)
}
