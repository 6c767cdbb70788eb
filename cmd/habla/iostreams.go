package main

import (
	"bytes"
	"io"
	"os"
)

// IOStreams are the streams a command reads and writes. Commands never touch
// os.Stdin or os.Stdout directly, so tests run them over buffers.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// InTTY and OutTTY say whether standard input and output are terminals:
	// tables and colour for people, JSON for programs.
	InTTY, OutTTY bool
	// Env reads the environment (NO_COLOR, HABLA_CONFIG).
	Env func(string) string
}

func stdStreams() *IOStreams {
	return &IOStreams{
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		InTTY: isTerminal(os.Stdin), OutTTY: isTerminal(os.Stdout),
		Env: os.Getenv,
	}
}

// testStreams returns streams over buffers, for tests.
func testStreams(in string) (*IOStreams, *bytes.Buffer, *bytes.Buffer) {
	var out, errOut bytes.Buffer
	return &IOStreams{In: bytes.NewBufferString(in), Out: &out, ErrOut: &errOut,
		Env: func(string) string { return "" }}, &out, &errOut
}

// isTerminal reports whether f is a character device, which is what a
// terminal looks like from here without a terminal library.
func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
