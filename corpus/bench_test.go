package corpus

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/habla-es/habla/token"
)

// The benchmarks read the ACTIV-ES train split (341 documents, 2.1 million
// word tokens): go test ./corpus -run '^$' -bench . -benchtime 3x
// BENCHMARKS.md records the figures.

func benchDocs(b *testing.B) ([]Doc, int64, int) {
	var docs []Doc
	var size int64
	words := 0
	for _, f := range activESFiles(b, "train") {
		docs = append(docs, Doc{Variety: f.variety, Source: "activ-es", Origin: f.name, Text: f.text})
		size += int64(len(f.text))
		for _, t := range token.Tokenize(f.text) {
			if t.Kind == token.Word {
				words++
			}
		}
	}
	return docs, size, words
}

// ingest adds docs to a new corpus in dir.
func ingest(b *testing.B, dir string, docs []Doc) {
	c, err := Open(dir, true)
	if err != nil {
		b.Fatal(err)
	}
	a, err := c.NewAdder(AddOptions{})
	if err != nil {
		b.Fatal(err)
	}
	for _, d := range docs {
		if err := a.Add(d); err != nil {
			b.Fatal(err)
		}
	}
	if err := a.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := c.Close(); err != nil {
		b.Fatal(err)
	}
}

func BenchmarkIngest(b *testing.B) {
	docs, size, words := benchDocs(b)
	b.SetBytes(size)
	var dir string
	for b.Loop() {
		dir = b.TempDir()
		ingest(b, dir, docs)
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(dirSize(dir)), "index-bytes")
}

func dirSize(dir string) int64 {
	var n int64
	filepath.Walk(dir, func(_ string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			n += info.Size()
		}
		return nil
	})
	return n
}

var (
	benchOnce sync.Once
	benchDir  string
)

// benchCorpus is the ACTIV-ES train split, ingested once per run.
func benchCorpus(b *testing.B) *Corpus {
	benchOnce.Do(func() {
		docs, _, _ := benchDocs(b)
		dir, err := os.MkdirTemp("", "habla-corpus-bench-")
		if err != nil {
			b.Fatal(err)
		}
		ingest(b, dir, docs)
		benchDir = dir
	})
	c, err := Open(benchDir, false)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { c.Close() })
	return c
}

func BenchmarkSearch(b *testing.B) {
	for _, q := range []string{"colectivo", `"no sé"`, "ahorit*", "boludo~1"} {
		b.Run(q, func(b *testing.B) {
			c := benchCorpus(b)
			for b.Loop() {
				if _, err := c.Search(q, SearchOptions{Limit: 50}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkKeywords(b *testing.B) {
	c := benchCorpus(b)
	for b.Loop() {
		cs, err := c.Count()
		if err != nil {
			b.Fatal(err)
		}
		cs.Keywords(KeywordOptions{Target: "es-AR", Reference: []string{"es-ES"}, MinG2: 15.13, Top: 30})
	}
}

func BenchmarkTrain(b *testing.B) {
	docs, size, _ := benchDocs(b)
	b.SetBytes(size)
	for b.Loop() {
		if _, err := Train(docs, TrainOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkScore(b *testing.B) {
	docs, _, _ := benchDocs(b)
	m, err := Train(docs, TrainOptions{})
	if err != nil {
		b.Fatal(err)
	}
	text := "Che, ¿vos sabés si el colectivo pasa por acá? Porque mañana tengo que laburar temprano y no quiero llegar tarde otra vez, boludo."
	tags := []string{"es-AR", "es-ES", "es-MX"}
	dst := make([]float64, 3)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		m.Score(text, nil, tags, dst)
	}
}

// TestMain removes the corpus the benchmarks share once they are done.
func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}
