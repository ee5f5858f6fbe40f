package devdb

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// defaultBases are where a cluster goes when root's server user cannot reach the checkout:
// /var/tmp first (it survives a reboot), then /tmp.
var defaultBases = []string{"/var/tmp", "/tmp"}

// DefaultData is the data folder inside the checkout.
func DefaultData(checkout string) string {
	return filepath.Join(checkout, ".data", "postgres")
}

// FallbackDir is the checkout's own folder under base: one per checkout path, so two clones
// never share a cluster.
func FallbackDir(base, checkout string) string {
	sum := sha256.Sum256([]byte(checkout))
	return filepath.Join(base, "hotline-pg-"+hex.EncodeToString(sum[:6]))
}

// ChooseData returns the data folder: def when the server user can enter def's parent folder,
// else "postgres" in the checkout's FallbackDir under the first base it can enter.
func ChooseData(def, checkout string, bases []string, canEnter func(dir string) bool) (string, error) {
	if canEnter(filepath.Dir(def)) {
		return def, nil
	}
	for _, b := range bases {
		if canEnter(b) {
			return filepath.Join(FallbackDir(b, checkout), "postgres"), nil
		}
	}
	return "", fmt.Errorf("the server user can reach neither %s nor any of %s", filepath.Dir(def), strings.Join(bases, ", "))
}

// place decides the data folder and, as root, the user that runs the server.
func (c *Cluster) place() error {
	def := DefaultData(c.cfg.Checkout)
	c.data = def
	if c.cfg.Data != "" {
		c.data = filepath.Clean(c.cfg.Data)
	}
	if os.Geteuid() != 0 {
		return ownedByUs(c.data)
	}
	var err error
	if c.owner, err = c.serverAccount(c.data); err != nil {
		return err
	}
	parent := filepath.Dir(c.data)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	if c.cfg.Data != "" {
		if !c.owner.CanEnter(parent) {
			return fmt.Errorf("PostgreSQL runs as %s (it refuses to run as root), who cannot reach %s (PGDATA_DIR).\n  Allow it to pass through the folders above (chmod o+x), or pick another PGDATA_DIR", c.owner, parent)
		}
		return nil
	}
	return c.placeOutside(def)
}

// ownedByUs checks that a data folder is ours: not being root, we run initdb and postgres.
func ownedByUs(data string) error {
	fi, err := os.Stat(data)
	if err != nil {
		return nil // made on first use
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok || st.Uid == uint32(os.Geteuid()) {
		return nil
	}
	return fmt.Errorf("%s belongs to %s, not to you. Run as root or as that user, or use another folder: PGDATA_DIR=/some/where", show(data), accountOf(st.Uid, st.Gid))
}

// placeOutside moves the cluster out of the checkout when the server user cannot reach it.
func (c *Cluster) placeOutside(def string) error {
	bases := c.cfg.FallbackBases
	if len(bases) == 0 {
		bases = defaultBases
	}
	data, err := ChooseData(def, c.cfg.Checkout, bases, c.owner.CanEnter)
	if err != nil || data == def {
		return err
	}
	if err := makePrivateDir(filepath.Dir(data)); err != nil {
		return err
	}
	c.link, c.data = def, data
	if a := ownerOf(data); a != nil {
		c.owner = a
	}
	c.say("%s cannot reach %s, so the cluster lives in %s", c.owner, filepath.Dir(def), data)
	return nil
}

// makePrivateDir creates dir (root's, mode 0755) in a world-writable folder such as /var/tmp, or
// checks that the existing one is root's own and nobody else may write in it.
func makePrivateDir(dir string) error {
	if err := os.Mkdir(dir, 0o755); err == nil || !os.IsExist(err) {
		return err
	}
	fi, err := os.Lstat(dir)
	if err != nil {
		return err
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !fi.IsDir() || !ok || st.Uid != uint32(os.Geteuid()) || fi.Mode().Perm()&0o022 != 0 {
		return fmt.Errorf("%s is not a folder of ours (a directory we own that only we may write in); remove it and retry", dir)
	}
	return nil
}

// syncLink keeps the checkout's .data/postgres a symbolic link to a cluster kept elsewhere. When
// the link is gone (someone deleted .data to start over), the cluster it pointed to is deleted
// too, as it would have been inside .data.
func (c *Cluster) syncLink() error {
	if c.link == "" {
		return nil
	}
	fi, err := os.Lstat(c.link)
	switch {
	case err == nil && fi.Mode()&os.ModeSymlink != 0:
		if target, _ := os.Readlink(c.link); target == c.data {
			return nil
		}
		if err := os.Remove(c.link); err != nil {
			return err
		}
	case err == nil:
		c.say("note: %s is not used (%s cannot reach it)", show(c.link), c.owner)
		return nil
	case !os.IsNotExist(err):
		return err
	case exists(filepath.Join(c.data, "PG_VERSION")):
		if err := c.discard(); err != nil {
			return err
		}
	}
	return os.Symlink(c.data, c.link)
}

// discard deletes the cluster whose link in the checkout was deleted.
func (c *Cluster) discard() error {
	c.say("%s was deleted: starting over (deleting %s)", show(c.link), c.data)
	if c.isRunning() {
		if err := c.stopServer(); err != nil {
			return err
		}
	}
	_ = os.Remove(c.autostopFile())
	return os.RemoveAll(c.data)
}
