package main

import (
	"errors"
	"fmt"
	"strings"
	"syscall"

	"github.com/habla-es/habla/internal/jsonl"
)

// Exit statuses, as documented in every command's help.
const (
	exitOK          = 0
	exitFindings    = 1
	exitUsage       = 2
	exitBadLines    = 3
	exitInterrupted = 130
)

const exitStatusHelp = `

EXIT STATUS
  0    success
  1    findings at or above --fail-on (only when asked)
  2    usage or configuration error (bad flag, unknown variety, unreadable file)
  3    some input lines were bad (each reported on stderr and written as an error record)
  130  interrupted`

var errInterrupted = errors.New("interrupted")

// usageError marks errors in what the user asked for.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

func usageErr(err error) error { return &usageError{err: err} }

// findingsError reports that findings reached the --fail-on severity.
type findingsError struct {
	count    int
	severity string
}

func (e *findingsError) Error() string {
	if e.count == 1 {
		return fmt.Sprintf("1 record has findings at or above %s", e.severity)
	}
	return fmt.Sprintf("%d records have findings at or above %s", e.count, e.severity)
}

// exitCode is the one place errors become exit statuses and messages.
func exitCode(err error, io *IOStreams) int {
	var bad *jsonl.BadLinesError
	var line *jsonl.LineError
	var found *findingsError
	var failed *failedPassError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, syscall.EPIPE):
		// The reader went away (habla … | head): nothing left to say.
		return exitOK
	case errors.Is(err, errInterrupted):
		fmt.Fprintln(io.ErrOut, "habla: interrupted")
		return exitInterrupted
	case errors.As(err, &bad):
		fmt.Fprintf(io.ErrOut, "habla: %v\n", err)
		return exitBadLines
	case errors.As(err, &line):
		// --strict: the line was reported as it happened.
		return exitBadLines
	case errors.As(err, &found):
		fmt.Fprintf(io.ErrOut, "habla: %v\n", err)
		return exitFindings
	case errors.As(err, &failed):
		fmt.Fprintf(io.ErrOut, "habla: %v\n", err)
		return exitFindings
	default:
		fmt.Fprintf(io.ErrOut, "habla: %v\n", err)
		return exitUsage
	}
}

// checkFormat validates a --format value against the formats a command
// writes.
func checkFormat(value string, allowed ...string) error {
	for _, a := range allowed {
		if value == a {
			return nil
		}
	}
	return usageErr(fmt.Errorf("--format %q: want %s", value, strings.Join(allowed, " or ")))
}
