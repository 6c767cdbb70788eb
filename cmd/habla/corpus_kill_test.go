package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestCorpusAddKilled kills the real binary in the middle of an ingest
// (SIGKILL: no chance to clean up), then checks that the corpus opens and
// holds whole batches only, and that the same command run again adds the
// rest and skips what was there.
func TestCorpusAddKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests 30,000 documents")
	}
	dir := t.TempDir()
	input := filepath.Join(dir, "frases.txt")
	const n = 30_000
	writeLines(t, input, n)
	index := filepath.Join(dir, "corpus")
	habla := filepath.Join(binDir, "habla")
	args := []string{"corpus", "add", "--dialect", "es-AR", "--per-line", "--batch-size", "250", "--index", index, input}

	// Kill once a first segment is on disk, so that some batches are
	// there to keep and many are not yet read. A segment can be on disk a
	// moment before its batch is committed: if the kill came first (no
	// document, which is still a usable index), try again, later.
	var docs int
	for attempt, extra := range []time.Duration{0, 300 * time.Millisecond, time.Second} {
		if attempt > 0 {
			if err := os.RemoveAll(index); err != nil {
				t.Fatal(err)
			}
		}
		cmd := exec.Command(habla, args...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		waitForSegment(t, filepath.Join(index, "shard-0000", "store"))
		time.Sleep(extra)
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		cmd.Wait()
		if docs = corpusDocs(t, habla, index); docs > 0 {
			break
		}
		t.Logf("attempt %d: killed before the first commit; the index opens empty", attempt+1)
	}
	if docs == 0 || docs >= n {
		t.Fatalf("after the kill the corpus holds %d documents; want some of %d (was the ingest interrupted?)", docs, n)
	}
	t.Logf("killed with %d of %d documents committed", docs, n)
	if docs%250 != 0 {
		t.Errorf("after the kill the corpus holds %d documents: not whole batches of 250", docs)
	}

	var stderr bytes.Buffer
	rerun := exec.Command(habla, args...)
	rerun.Stderr = &stderr
	if err := rerun.Run(); err != nil {
		t.Fatalf("rerun: %v\n%s", err, stderr.String())
	}
	want := fmt.Sprintf("%d documents read, %d added, %d already there", n, n-docs, docs)
	if !strings.Contains(stderr.String(), want) {
		t.Errorf("rerun said %q, want %q", stderr.String(), want)
	}
	if got := corpusDocs(t, habla, index); got != n {
		t.Errorf("after the rerun the corpus holds %d documents, want %d", got, n)
	}
}

func writeLines(t *testing.T, path string, n int) {
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	words := strings.Fields("che vos sabés que el colectivo no viene mañana a la tarde")
	for i := range n {
		fmt.Fprintf(w, "%s %s %s, frase número %d.\n", words[i%len(words)], words[(i/7)%len(words)], words[(i/3)%len(words)], i)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

func waitForSegment(t *testing.T, dir string) {
	for range 400 {
		if zaps, _ := filepath.Glob(filepath.Join(dir, "*.zap")); len(zaps) > 0 {
			return
		}
		time.Sleep(25 * time.Millisecond)
	}
	t.Fatalf("no segment appeared in %s", dir)
}

// corpusDocs is the corpus total from habla corpus stats.
func corpusDocs(t *testing.T, habla, index string) int {
	out, err := exec.Command(habla, "corpus", "stats", "--index", index, "--format", "jsonl").Output()
	if err != nil {
		t.Fatalf("corpus stats: %v", err)
	}
	if strings.TrimSpace(string(out)) == "" {
		return 0 // an index with no committed document yet
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		var r struct {
			Variety, Source string
			Docs            int
		}
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("corpus stats: %v: %s", err, line)
		}
		if r.Variety == "*" && r.Source == "*" {
			return r.Docs
		}
	}
	t.Fatalf("corpus stats: no total in\n%s", out)
	return 0
}
