package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/habla-es/habla/align"
	"github.com/habla-es/habla/tasks"
)

// TestTasksOptions checks the flags and habla.yaml through runF.
func TestTasksOptions(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "habla.yaml")
	if err := os.WriteFile(cfg, []byte("target: es-AR\nseverity: {major: 10}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	io, _, _ := testStreams("")
	g := &globalOptions{io: io}
	var seen *tasksOptions
	cmd := newTasksCmd(g, func(o *tasksOptions) error { seen = o; return nil })
	cmd.PersistentFlags().StringVar(&g.configPath, "config", "", "")
	cmd.SetArgs([]string{"--config", cfg, "--group", "--kinds", "replace, rate", "--min-severity", "major",
		"--limit", "3", "--rate-sample", "2", "--format", "xliff", "a.jsonl"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	want := tasks.Options{Group: true, Kinds: []tasks.Kind{tasks.Replace, tasks.Rate}, MinSeverity: align.Major,
		Limit: 3, RateSample: 2, Weights: align.Weights{Minor: 1, Major: 10, Critical: 25}}
	if diff := cmp.Diff(want, seen.build); diff != "" {
		t.Errorf("options (-want +got):\n%s", diff)
	}
	// habla.yaml's target does not make tasks align: without --target the
	// input is align output.
	if seen.aligner != nil || seen.format != "xliff" || !cmp.Equal(seen.files, []string{"a.jsonl"}) {
		t.Errorf("aligner %v, format %q, files %v", seen.aligner, seen.format, seen.files)
	}
}

func TestTasksOptionsErrors(t *testing.T) {
	tests := map[string][]string{
		"unknown task kind":      {"--kinds", "replace,fix"},
		"unknown severity":       {"--min-severity", "grave"},
		"must not be negative":   {"--limit", "-1"},
		`--format "html"`:        {"--format", "html"},
		"--target: ":             {"--target", "klingon"},
		`--format "xliff": want`: {"import", "--format", "xliff", "a.json"},
	}
	for want, args := range tests {
		io, _, _ := testStreams("")
		g := &globalOptions{io: io}
		cmd := newTasksCmd(g, func(*tasksOptions) error { t.Fatal("runF called"); return nil })
		cmd.SetArgs(args)
		err := cmd.Execute()
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%v: err = %v, want %q", args, err, want)
			continue
		}
		if code := exitCode(err, io); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
}
