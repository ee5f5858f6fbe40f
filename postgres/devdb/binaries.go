package devdb

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// ErrNotInstalled says what to install when no PostgreSQL is found at all.
var ErrNotInstalled = errors.New("PostgreSQL not found. Install it with: sudo apt-get install postgresql  (Debian/Ubuntu; only the binaries are used), or set DATABASE_URL to an existing server")

// FindBin returns the folder holding initdb and pg_ctl, and its major version. Debian and Ubuntu
// keep server binaries off PATH, one folder per major version under libDir
// (/usr/lib/postgresql): a cluster made by version want needs that version; a new one (want "")
// gets the newest installed. Elsewhere (Fedora, Homebrew, ...) initdb is on PATH.
func FindBin(libDir, want string) (bin, version string, err error) {
	found, _ := filepath.Glob(filepath.Join(libDir, "*", "bin", "initdb"))
	var versions []string
	for _, f := range found {
		if fi, err := os.Stat(f); err == nil && fi.Mode()&0o111 != 0 {
			versions = append(versions, filepath.Base(filepath.Dir(filepath.Dir(f))))
		}
	}
	slices.SortFunc(versions, compareVersions)
	switch {
	case want != "" && slices.Contains(versions, want):
		version = want
	case len(versions) > 0:
		version = versions[len(versions)-1]
	default:
		initdb, err := exec.LookPath("initdb")
		if err != nil {
			return "", "", ErrNotInstalled
		}
		bin = filepath.Dir(initdb)
		if version, err = majorVersion(bin); err != nil {
			return "", "", err
		}
	}
	if bin == "" {
		bin = filepath.Join(libDir, version, "bin")
	}
	if want != "" && want != version {
		return "", "", fmt.Errorf("the cluster was made by PostgreSQL %s, but only PostgreSQL %s is installed (%s).\n  Install PostgreSQL %s, or delete the (disposable) cluster and start over", want, version, bin, want)
	}
	return bin, version, nil
}

// compareVersions orders "9.6" < "10" < "16".
func compareVersions(a, b string) int {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(as) && i < len(bs); i++ {
		x, errX := strconv.Atoi(as[i])
		y, errY := strconv.Atoi(bs[i])
		if errX != nil || errY != nil {
			return strings.Compare(a, b)
		}
		if x != y {
			return x - y
		}
	}
	return len(as) - len(bs)
}

// majorVersion asks pg_ctl: "pg_ctl (PostgreSQL) 15.20 (Debian ...)" -> "15".
func majorVersion(bin string) (string, error) {
	out, err := exec.Command(filepath.Join(bin, "pg_ctl"), "--version").Output()
	if err != nil {
		return "", fmt.Errorf("%s --version: %w", filepath.Join(bin, "pg_ctl"), err)
	}
	fields := strings.Fields(string(out))
	if len(fields) < 3 {
		return "", fmt.Errorf("pg_ctl --version said %q", out)
	}
	v, _, _ := strings.Cut(fields[2], ".")
	return v, nil
}
