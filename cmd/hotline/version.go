package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
)

// buildVersion describes this build from the information the Go
// toolchain stamps into every binary: the module version ("(devel)" for a
// build from a checkout), the VCS revision and time (absent when built
// without VCS stamping, as by go test or -buildvcs=false) and the Go
// version.
type buildVersion struct {
	Module, Revision, Time, Go, Platform string
	Modified                             bool
}

func readBuildVersion() buildVersion {
	v := buildVersion{Module: "unknown", Go: runtime.Version(), Platform: runtime.GOOS + "/" + runtime.GOARCH}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return v
	}
	if info.Main.Version != "" {
		v.Module = info.Main.Version
	}
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			v.Revision = s.Value
		case "vcs.time":
			v.Time = s.Value
		case "vcs.modified":
			v.Modified = s.Value == "true"
		}
	}
	return v
}

// String is one line for the start-up log and the check report.
func (v buildVersion) String() string {
	s := "hotline " + v.Module
	if v.Revision != "" {
		s += " " + shortRevision(v.Revision)
		if v.Modified {
			s += "+modified"
		}
	}
	return s
}

func shortRevision(r string) string {
	if len(r) > 12 {
		return r[:12]
	}
	return r
}

// printVersion is `hotline version`.
func printVersion(w io.Writer) {
	v := readBuildVersion()
	fmt.Fprintf(w, "hotline %s\n", v.Module)
	switch {
	case v.Revision == "":
		fmt.Fprintln(w, "revision: unknown (built without version control information)")
	case v.Modified:
		fmt.Fprintf(w, "revision: %s (%s, with uncommitted changes)\n", v.Revision, v.Time)
	default:
		fmt.Fprintf(w, "revision: %s (%s)\n", v.Revision, v.Time)
	}
	fmt.Fprintf(w, "go: %s %s\n", v.Go, v.Platform)
}
