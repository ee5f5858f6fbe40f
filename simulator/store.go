package simulator

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/koreandesk/hotline/bot/bottest"
)

// stateVersion is the format of the state file.
const stateVersion = 1

// savedState is the state file: the people of the page and the emulator's
// chats, files, command menus, pending updates and counters.
type savedState struct {
	Version      int           `json:"version"`
	People       []Person      `json:"people"`
	NextPersonID int64         `json:"next_person_id"`
	Emulator     bottest.State `json:"emulator"`
}

// load reads the state file; nil without error when there is none yet. A
// file that cannot be read is an error rather than a fresh start, which
// would overwrite it.
func load(path string) (*savedState, error) {
	if path == "" {
		return nil, nil
	}
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("simulator state: %w", err)
	}
	var st savedState
	if err := json.Unmarshal(b, &st); err != nil || st.Version != stateVersion || len(st.People) == 0 {
		return nil, fmt.Errorf("simulator state %s is not a state file of this version; move it away to start the simulator afresh", path)
	}
	return &st, nil
}

// saveLoop writes the state file after changes, at most every SaveDelay.
func (s *Simulator) saveLoop() {
	for {
		select {
		case <-s.api.Changed():
		case <-s.changedCh():
		case <-s.done:
			return
		}
		select {
		case <-time.After(s.opts.SaveDelay):
		case <-s.done:
			return // Close saves
		}
		if err := s.save(); err != nil {
			s.opts.Log.Error("save the simulator state", "path", s.opts.Path, "err", err)
		}
	}
}

// save writes the state file when it changed, atomically (a new file
// renamed over the old one), readable by its owner only.
func (s *Simulator) save() error {
	if s.opts.Path == "" {
		return nil
	}
	s.mu.Lock()
	st := savedState{Version: stateVersion, People: slices.Clone(s.people), NextPersonID: s.nextID}
	s.mu.Unlock()
	st.Emulator = s.api.Snapshot()
	b, err := json.Marshal(st)
	if err != nil {
		return fmt.Errorf("encode state: %w", err)
	}
	if bytes.Equal(b, s.lastSave) {
		return nil
	}
	if err := writeFile(s.opts.Path, b); err != nil {
		return err
	}
	s.lastSave = b
	return nil
}

func writeFile(path string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("state folder: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write state: %w", err)
	}
	defer os.Remove(tmp.Name()) // gone after the rename; cleans up after a failure
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return fmt.Errorf("write state: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write state: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write state: %w", err)
	}
	return nil
}
