package main

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestAuditFormatDefault: text for a person at a terminal, JSON for a
// program; colour only on a terminal and never with NO_COLOR.
func TestAuditFormatDefault(t *testing.T) {
	tests := []struct {
		tty       bool
		noColor   string
		args      []string
		format    string
		wantColor bool
	}{
		{false, "", nil, "json", false},
		{true, "", nil, "text", true},
		{true, "1", nil, "text", false},
		{true, "", []string{"--format", "md"}, "md", true},
		{false, "", []string{"--format", "text"}, "text", false},
	}
	for _, tt := range tests {
		ios, _, _ := testStreams("")
		ios.OutTTY = tt.tty
		ios.Env = func(k string) string {
			if k == "NO_COLOR" {
				return tt.noColor
			}
			return ""
		}
		var seen *auditOptions
		cmd := newAuditCmd(&globalOptions{io: ios}, func(o *auditOptions) error { seen = o; return nil })
		cmd.SetArgs(append([]string{"--target", "ve"}, tt.args...))
		if err := cmd.Execute(); err != nil {
			t.Fatal(err)
		}
		got := []any{seen.render.format, useColor(ios)}
		if d := cmp.Diff([]any{tt.format, tt.wantColor}, got); d != "" {
			t.Errorf("tty %v NO_COLOR %q %v (-want +got):\n%s", tt.tty, tt.noColor, tt.args, d)
		}
	}
}

func TestAuditOptionsErrors(t *testing.T) {
	tests := map[string][]string{
		"--target is required": {},
		"--pass-mark NaN":      {"-t", "ve", "--pass-mark", "NaN"},
		"--worst must be":      {"-t", "ve", "--worst", "0"},
		"--top must be":        {"-t", "ve", "--top", "-1"},
		"--by: ":               {"-t", "ve", "--by", "a..b"},
		`--format "xml"`:       {"-t", "ve", "--format", "xml"},
	}
	for want, args := range tests {
		ios, _, _ := testStreams("")
		cmd := newAuditCmd(&globalOptions{io: ios}, func(*auditOptions) error { t.Fatal("runF called"); return nil })
		cmd.SetArgs(args)
		err := cmd.Execute()
		if err == nil || !strings.Contains(err.Error(), want) || exitCode(err, ios) != exitUsage {
			t.Errorf("%v: error %v, want one with %q and exit 2", args, err, want)
		}
	}
}
