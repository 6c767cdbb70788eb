package main

import (
	"strings"
	"testing"
)

// TestDetectExitStatus runs habla detect and habla score in-process for
// their exit statuses: 2 for a bad flag or variety, 3 for bad lines.
func TestDetectExitStatus(t *testing.T) {
	tests := []struct {
		args   []string
		in     string
		status int
		errOut string
	}{
		{[]string{"detect", "--input-format", "text"}, "Vos tenés razón.\n", exitOK, ""},
		{[]string{"detect", "--among", "es-AR,klingon"}, "", exitUsage, "--among"},
		{[]string{"detect", "--among", "es-AR"}, "", exitUsage, "at least two"},
		{[]string{"detect", "--among", "es-AR,argentina"}, "", exitUsage, "twice"},
		{[]string{"detect"}, "{\"text\":\"hola\"}\nnot json\n", exitBadLines, "<stdin>:2"},
		{[]string{"score"}, "", exitUsage, "score: --target is required"},
		{[]string{"score", "--target", "klingon"}, "", exitUsage, "--target"},
		{[]string{"score", "--target", "es-VE"}, "[1]\n", exitBadLines, "not a JSON object"},
		{[]string{"score", "--target", "es-VE", "--fail-on", "major"}, "{\"text\":\"Coge el coche.\"}\n", exitFindings, "1 record"},
	}
	for _, tt := range tests {
		io, _, errOut := testStreams(tt.in)
		if got := run(tt.args, io); got != tt.status {
			t.Errorf("%v: status %d, want %d (stderr %q)", tt.args, got, tt.status, errOut)
		}
		if !strings.Contains(errOut.String(), tt.errOut) {
			t.Errorf("%v: stderr %q, want %q in it", tt.args, errOut, tt.errOut)
		}
	}
}
