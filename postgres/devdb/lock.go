package devdb

import (
	"errors"
	"fmt"
	"os"
	"syscall"
	"time"
)

// Locks are two flock(2) files next to the data folder (initdb wants an empty folder):
//
//   - <data>.lock, held exclusively while one devdb starts, stops or adopts the cluster;
//   - <data>.users, held shared by every running Exec: a reference count the kernel keeps, which
//     a killed Exec gives back by itself. Whoever may take it exclusively is the last user.
//
// Both are opened close-on-exec, so no child (a daemonised postmaster) ever inherits them.
type Locks struct {
	setup, users *os.File
	usersPath    string
}

// OpenLocks opens (creating) the lock files of the data folder data.
func OpenLocks(data string) (*Locks, error) {
	setup, err := os.OpenFile(data+".lock", os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	l := &Locks{setup: setup, usersPath: data + ".users"}
	if l.users, err = os.OpenFile(l.usersPath, os.O_CREATE|os.O_RDWR, 0o644); err != nil {
		setup.Close()
		return nil, err
	}
	return l, nil
}

// errTimeout is returned when the setup lock stays taken.
var errTimeout = errors.New("timed out")

// LockSetup takes the setup lock, waiting up to timeout; waiting is called once if it must wait.
func (l *Locks) LockSetup(timeout time.Duration, waiting func()) error {
	if err := flockNB(l.setup, syscall.LOCK_EX); !errors.Is(err, syscall.EWOULDBLOCK) {
		return err
	}
	waiting()
	for deadline := time.Now().Add(timeout); time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond)
		if err := flockNB(l.setup, syscall.LOCK_EX); !errors.Is(err, syscall.EWOULDBLOCK) {
			return err
		}
	}
	return fmt.Errorf("waiting for %s: %w", l.setup.Name(), errTimeout)
}

// UnlockSetup lets other devdb commands start, stop or adopt the cluster.
func (l *Locks) UnlockSetup() error {
	return syscall.Flock(int(l.setup.Fd()), syscall.LOCK_UN)
}

// Join counts this process as a user of the running cluster.
func (l *Locks) Join() error {
	return syscall.Flock(int(l.users.Fd()), syscall.LOCK_SH)
}

// Leave gives back this process's share (Join); it cannot join again.
func (l *Locks) Leave() error {
	if l.users == nil {
		return nil
	}
	err := l.users.Close()
	l.users = nil
	return err
}

// OthersUsing reports whether another process still holds a share.
func (l *Locks) OthersUsing() (bool, error) {
	f, err := os.Open(l.usersPath)
	if err != nil {
		return false, err
	}
	defer f.Close()
	err = flockNB(f, syscall.LOCK_EX)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return true, nil
	}
	return false, err
}

// Close releases every lock.
func (l *Locks) Close() {
	l.Leave()
	l.setup.Close()
}

func flockNB(f *os.File, how int) error {
	for {
		err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
		if !errors.Is(err, syscall.EINTR) {
			return err
		}
	}
}
