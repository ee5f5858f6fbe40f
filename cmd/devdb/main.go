// Command devdb runs commands against a private, disposable PostgreSQL cluster for development
// and tests (package postgres/devdb). The Makefile runs every target that needs a database
// through it.
//
//	devdb exec [--] CMD [ARGS...]  run CMD with DATABASE_URL set (starts/stops the cluster as needed)
//	devdb start                    start the cluster and keep it running (until stop)
//	devdb stop                     stop the cluster
//	devdb status                   say where the cluster lives and whether it runs
//	devdb url                      print the DATABASE_URL that exec would use
//
// Environment:
//
//	DATABASE_URL  if set, exec just runs CMD against that server; no cluster is touched
//	PGDATA_DIR    data folder (default: <checkout>/.data/postgres)
//	PG_PORT       port on 127.0.0.1 (default: 54329; the machine's own PostgreSQL on 5432 is never used)
package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"syscall"
	"time"

	"github.com/koreandesk/hotline/postgres/devdb"
)

const usage = `usage: devdb exec [--] CMD [ARGS...] | start | stop | status | url
  DATABASE_URL set: exec runs CMD against it. PG_PORT (54329), PGDATA_DIR (.data/postgres): the cluster.`

func main() {
	os.Exit(run(os.Args[1:]))
}

func run(args []string) int {
	if len(args) == 0 {
		return badUsage()
	}
	cmd, args := args[0], args[1:]
	if len(args) > 0 && args[0] == "--" {
		args = args[1:]
	}
	if (cmd == "exec") != (len(args) > 0) {
		return badUsage()
	}
	if url := os.Getenv("DATABASE_URL"); url != "" {
		switch cmd {
		case "exec": // an explicit server wins: nothing to start or stop
			return fail(execve(args), 127)
		case "url":
			fmt.Println(url)
			return 0
		}
	}
	// Caught from the start: a signal must not kill us before we stop what we started.
	sigs := make(chan os.Signal, 8)
	if cmd == "exec" {
		signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	}
	c, err := open()
	if err != nil {
		return fail(err, 1)
	}
	switch cmd {
	case "exec":
		status, sig, err := c.Exec(args, sigs)
		if err != nil {
			return fail(err, status)
		}
		dieOf(sig, status)
		return status
	case "start":
		url, err := c.Start()
		if err != nil {
			return fail(err, 1)
		}
		fmt.Println(url)
	case "stop":
		if err := c.Stop(); errors.Is(err, devdb.ErrNoCluster) {
			fmt.Fprintf(os.Stderr, "devdb: %v\n", err)
		} else if err != nil {
			return fail(err, 1)
		}
	case "status":
		text, running := c.Status()
		fmt.Fprintf(os.Stderr, "devdb: %s\n", text)
		if !running {
			return 3
		}
		fmt.Println(c.URL())
	case "url":
		fmt.Println(c.URL())
	default:
		return badUsage()
	}
	return 0
}

func open() (*devdb.Cluster, error) {
	wd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	checkout, err := devdb.FindCheckout(wd)
	if err != nil {
		return nil, err
	}
	cfg, err := devdb.FromEnv(os.Getenv, checkout)
	if err != nil {
		return nil, err
	}
	return devdb.Open(cfg)
}

// execve replaces devdb with the command; it returns only on failure.
func execve(argv []string) error {
	path, err := exec.LookPath(argv[0])
	if err != nil {
		return err
	}
	return syscall.Exec(path, argv, os.Environ())
}

// dieOf ends devdb by the signal that ended the command, when devdb got it too, so that callers
// (make, shells) see an interrupt rather than an exit status.
func dieOf(sig os.Signal, status int) {
	s, ok := sig.(syscall.Signal)
	if !ok || status != 128+int(s) {
		return
	}
	signal.Reset(s)
	_ = syscall.Kill(os.Getpid(), s)
	time.Sleep(time.Second)
}

func badUsage() int {
	fmt.Fprintln(os.Stderr, usage)
	return 2
}

func fail(err error, status int) int {
	fmt.Fprintf(os.Stderr, "devdb: error: %v\n", err)
	return status
}
