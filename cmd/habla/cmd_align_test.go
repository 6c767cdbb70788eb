package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestAlignOptions checks how flags, habla.yaml and defaults combine,
// through runF, without running the engine.
func TestAlignOptions(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "habla.yaml")
	if err := os.WriteFile(cfg, []byte("target: rioplatense\nworkers: 3\nfield: out\nseverity: {major: 10}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	type got struct {
		Target, Field string
		Workers       int
		Major         float64
	}
	tests := []struct {
		args []string
		want got
	}{
		{[]string{"--target", "ve"}, got{"es-VE", "text", 0, 5}},
		{[]string{"--config", cfg}, got{"es-AR", "out", 3, 10}},
		{[]string{"--config", cfg, "-t", "es_MX", "--field", "text", "-j", "1"}, got{"es-MX", "text", 1, 10}},
	}
	for _, tt := range tests {
		io, _, _ := testStreams("")
		g := &globalOptions{io: io}
		var seen *alignOptions
		cmd := newAlignCmd(g, func(o *alignOptions) error { seen = o; return nil })
		cmd.PersistentFlags().StringVar(&g.configPath, "config", "", "")
		cmd.SetArgs(tt.args)
		if err := cmd.Execute(); err != nil {
			t.Fatalf("%v: %v", tt.args, err)
		}
		have := got{seen.profile.Tag, seen.stream.field, seen.stream.workers, seen.weights.Major}
		if diff := cmp.Diff(tt.want, have); diff != "" {
			t.Errorf("%v (-want +got):\n%s", tt.args, diff)
		}
	}
}

func TestAlignOptionsErrors(t *testing.T) {
	tests := [][]string{
		{},                                    // no target
		{"--target", "klingon"},               // unknown variety
		{"--target", "ve", "--fail-on", "no"}, // bad severity
	}
	for _, args := range tests {
		io, _, errOut := testStreams("")
		g := &globalOptions{io: io}
		cmd := newAlignCmd(g, func(*alignOptions) error { t.Fatal("runF called"); return nil })
		cmd.SetArgs(args)
		err := cmd.Execute()
		if code := exitCode(err, io); code != exitUsage {
			t.Errorf("%v: exit %d (%v), want %d", args, code, err, exitUsage)
		}
		if errOut.Len() == 0 {
			t.Errorf("%v: nothing on stderr", args)
		}
	}
}
