package devdb

import (
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"strconv"
	"syscall"
)

// Account is the unprivileged user that runs initdb and postgres when devdb runs as root.
type Account struct {
	Name     string
	UID, GID uint32
}

// ownUser is the system user devdb creates when root has no postgres user.
const ownUser = "hotline-pg"

// LookupAccount finds a user by name.
func LookupAccount(name string) (*Account, error) {
	u, err := user.Lookup(name)
	if err != nil {
		return nil, err
	}
	uid, err := strconv.ParseUint(u.Uid, 10, 32)
	if err != nil {
		return nil, fmt.Errorf("user %s: uid %q: %w", name, u.Uid, err)
	}
	gid, err := strconv.ParseUint(u.Gid, 10, 32)
	if err != nil {
		return nil, fmt.Errorf("user %s: gid %q: %w", name, u.Gid, err)
	}
	return &Account{Name: name, UID: uint32(uid), GID: uint32(gid)}, nil
}

// ownerOf is the account owning path, or nil when path is missing or root's.
func ownerOf(path string) *Account {
	fi, err := os.Stat(path)
	if err != nil {
		return nil
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok || st.Uid == 0 {
		return nil
	}
	return accountOf(st.Uid, st.Gid)
}

func accountOf(uid, gid uint32) *Account {
	a := &Account{Name: "#" + strconv.Itoa(int(uid)), UID: uid, GID: gid}
	if u, err := user.LookupId(strconv.Itoa(int(uid))); err == nil {
		a.Name = u.Username
	}
	return a
}

// serverAccount picks the user that runs PostgreSQL for root: whoever already owns the data
// folder, else the distribution's postgres user, else a system user of our own (created here).
func (c *Cluster) serverAccount(data string) (*Account, error) {
	if a := ownerOf(data); a != nil {
		return a, nil
	}
	if a, err := LookupAccount("postgres"); err == nil {
		return a, nil
	}
	if a, err := LookupAccount(ownUser); err == nil {
		return a, nil
	}
	if _, err := exec.LookPath("useradd"); err != nil {
		return nil, fmt.Errorf("PostgreSQL cannot run as root and there is no 'postgres' user; create one (useradd --system postgres) or run as a normal user")
	}
	c.say("creating system user '%s' to run PostgreSQL (it refuses to run as root)", ownUser)
	out, err := exec.Command("useradd", "--system", "--user-group", "--no-create-home",
		"--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", ownUser).CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("useradd %s: %w: %s", ownUser, err, out)
	}
	return LookupAccount(ownUser)
}

// Command runs name as the account, from / (the caller's folder may be out of its reach).
// A nil account runs it as ourselves.
func (a *Account) Command(name string, args ...string) *exec.Cmd {
	cmd := exec.Command(name, args...)
	cmd.Dir = "/"
	if a != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: a.UID, Gid: a.GID}}
	}
	return cmd
}

// CanEnter reports whether the account may enter dir, asking the kernel itself (as that user),
// so that ACLs and group memberships count as they do for postgres.
func (a *Account) CanEnter(dir string) bool {
	return a.Command("test", "-d", dir, "-a", "-x", dir).Run() == nil
}

// chown gives path to the account (nothing to do when we run PostgreSQL as ourselves).
func (a *Account) chown(path string) error {
	if a == nil {
		return nil
	}
	return os.Lchown(path, int(a.UID), int(a.GID))
}

func (a *Account) String() string {
	if a == nil {
		return "you"
	}
	return "user " + a.Name
}
