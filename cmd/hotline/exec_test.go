package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"testing"
)

// TestMain lets a test run this test binary as the hotline program itself
// (HOTLINE_TEST_MAIN=1, arguments as for hotline), to test what an
// operator sees: the output and the exit status of a separate process.
func TestMain(m *testing.M) {
	if os.Getenv("HOTLINE_TEST_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// hotline returns the program as a command with the test's environment.
func hotline(ctx context.Context, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, os.Args[0], args...)
	cmd.Env = append(os.Environ(), "HOTLINE_TEST_MAIN=1")
	return cmd
}

// runHotline runs the program to its end and returns its combined output
// and exit status.
func runHotline(t *testing.T, args ...string) (string, int) {
	t.Helper()
	var out bytes.Buffer
	cmd := hotline(t.Context(), args...)
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		return out.String(), exit.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return out.String(), 0
}
