// Package devdb runs the private, disposable PostgreSQL cluster that the make targets use when
// DATABASE_URL is unset (cmd/devdb is its command line).
//
// The cluster is created on first use in <checkout>/.data/postgres, listens on 127.0.0.1:PG_PORT
// only (54329 by default, never the machine's own server on 5432) and on a unix socket inside its
// own folder, and lets its superuser postgres in without a password (trust). Exec starts it on
// demand and stops it when the last Exec that needed it ends, so `make run` in one terminal and
// `make test` in another share one cluster. Why a private cluster: tests need a role that may
// CREATE DATABASE (pgtestdb clones a template per test), and nobody should have to configure, or
// risk, the machine's shared server.
//
// initdb and postgres refuse to run as root. As root, they run as an unprivileged user (the
// distribution's postgres user, or a system user devdb creates) that owns the data folder. When
// that user cannot reach the checkout (a clone in root's 0700 home folder), the cluster lives in
// a folder of its own under /var/tmp or /tmp instead, keyed by the checkout's path, and
// .data/postgres is a symbolic link to it.
package devdb

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

const (
	// DefaultPort is the cluster's port when PG_PORT is unset.
	DefaultPort = 54329
	// Database is the database the bot uses; Exec creates it.
	Database = "hotline"
	// Superuser is the cluster's superuser, which may CREATE DATABASE as pgtestdb needs.
	Superuser = "postgres"
)

// Config says where the cluster lives. FromEnv builds it from the environment.
type Config struct {
	Checkout string // the repository's root folder
	// Data is the data folder chosen by the user (PGDATA_DIR), used as is. Empty: the default,
	// <Checkout>/.data/postgres, or a folder under FallbackBases when root's server user cannot
	// reach the checkout.
	Data          string
	Port          int      // the port on 127.0.0.1
	FallbackBases []string // empty: /var/tmp, /tmp
	Out           io.Writer
}

// FromEnv reads PG_PORT and PGDATA_DIR; a relative PGDATA_DIR is relative to the current folder.
func FromEnv(getenv func(string) string, checkout string) (Config, error) {
	cfg := Config{Checkout: checkout, Port: DefaultPort, Out: os.Stderr}
	if s := getenv("PG_PORT"); s != "" {
		p, err := strconv.Atoi(s)
		if err != nil || p < 1 || p > 65535 {
			return cfg, fmt.Errorf("PG_PORT must be a TCP port number, got %q", s)
		}
		cfg.Port = p
	}
	if d := getenv("PGDATA_DIR"); d != "" {
		abs, err := filepath.Abs(d)
		if err != nil {
			return cfg, fmt.Errorf("PGDATA_DIR: %w", err)
		}
		cfg.Data = abs
	}
	return cfg, nil
}

// FindCheckout returns the first folder from dir upwards that holds a go.mod.
func FindCheckout(dir string) (string, error) {
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("no go.mod in %s or above: run devdb inside the checkout", dir)
		}
	}
}

// URL is the DATABASE_URL of database db on a cluster listening on port.
func URL(port int, db string) string {
	u := url.URL{
		Scheme:   "postgres",
		User:     url.User(Superuser),
		Host:     net.JoinHostPort("127.0.0.1", strconv.Itoa(port)),
		Path:     "/" + db,
		RawQuery: "sslmode=disable",
	}
	return u.String()
}

// ErrNoCluster is returned by Status and Stop when the data folder holds no cluster yet.
var ErrNoCluster = errors.New("no cluster")

func (c *Cluster) say(format string, args ...any) {
	fmt.Fprintf(c.cfg.Out, "devdb: "+format+"\n", args...)
}

// show shortens path for messages: relative to the current folder when below it.
func show(path string) string {
	wd, err := os.Getwd()
	if err != nil {
		return path
	}
	if rel, ok := strings.CutPrefix(path, wd+string(filepath.Separator)); ok {
		return rel
	}
	return path
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}
