package token

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpusDir holds ACTIV-ES subtitle text beside the checkout; tests that
// need it skip when it is absent.
var corpusDir = filepath.Join("..", "..", "shared", "data", "activ-es", "corpus_plain")

// corpusFiles returns up to n corpus files per country, in name order.
func corpusFiles(t testing.TB, n int) []string {
	t.Helper()
	var files []string
	for _, country := range []string{"Argentina", "Mexico", "Spain"} {
		m, _ := filepath.Glob(filepath.Join(corpusDir, "es_"+country+"_*.run"))
		files = append(files, m[:min(n, len(m))]...)
	}
	if len(files) == 0 {
		t.Skipf("no corpus in %s", corpusDir)
	}
	return files
}

// TestCorpusInvariants tokenizes and splits every line of real subtitle
// files. The corpus is already tokenized with spaces, so nearly every
// field must come out as exactly one token; the exceptions are the
// abbreviations that we split ("Dr." is "Dr", ".").
func TestCorpusInvariants(t *testing.T) {
	fields, single := 0, 0
	for _, path := range corpusFiles(t, 2) {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 16<<20)
		for sc.Scan() {
			line := sc.Text()
			checkTokens(t, line, Tokenize(line))
			checkSentences(t, line, Sentences(line))
			for _, field := range strings.Fields(line) {
				fields++
				if len(Tokenize(field)) == 1 {
					single++
				}
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	ratio := float64(single) / float64(fields)
	t.Logf("%d fields, %.4f tokenized as one token", fields, ratio)
	if ratio < 0.995 {
		t.Errorf("only %.4f of the corpus fields are one token, want ≥ 0.995", ratio)
	}
}
