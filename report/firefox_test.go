package report

import (
	"bytes"
	"errors"
	"hash/fnv"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/habla-es/habla/align"
	"github.com/habla-es/habla/dialects"
	"github.com/habla-es/habla/internal/firefox"
	"github.com/habla-es/habla/lexicon"
)

// TestFirefoxShardsMerge audits the 16,406 es-ES Firefox strings for es-AR
// (by the Firefox file's top folder), once whole and once in seven shards
// split by a hash of the string's key, each written as JSON and read back;
// the merged summary must be the whole's, byte for byte.
func TestFirefoxShardsMerge(t *testing.T) {
	rows, err := firefox.Read(firefox.Path)
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("Firefox data not found beside the checkout: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	lex, err := lexicon.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	set, _ := dialects.Load()
	p, err := set.Resolve("es-AR")
	if err != nil {
		t.Fatal(err)
	}
	a, err := align.New(align.Options{Target: p, Lexicon: lex})
	if err != nil {
		t.Fatal(err)
	}
	w := a.NewWorker()
	opts := Options{Target: p.Tag, PassMark: 95, ByField: "folder", Worst: 10}
	whole := New(opts)
	shards := make([]*Summary, 7)
	for i := range shards {
		shards[i] = New(opts)
	}
	n := 0
	for _, row := range rows {
		res := w.Align(row.ES)
		folder, _, _ := strings.Cut(row.File, "/")
		rec := FromResult(row.File+":"+row.Key, row.ES, folder, &res)
		whole.Add(&rec)
		h := fnv.New32a()
		h.Write([]byte(row.Key))
		shards[h.Sum32()%7].Add(&rec)
		n++
	}
	var parts []*Summary
	for _, sh := range shards {
		back, err := ReadJSON(bytes.NewBufferString(summaryJSON(t, sh)))
		if err != nil {
			t.Fatal(err)
		}
		parts = append(parts, back)
	}
	merged, err := MergeAll(parts)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(summaryJSON(t, whole), summaryJSON(t, merged)); d != "" {
		t.Fatalf("merged differs from whole (-whole +merged):\n%s", d)
	}
	t.Logf("%d strings, %d words, %d findings in %d issue groups; OQS %v, naturalness mean %v median %v p10 %v",
		n, whole.Words, whole.FindingsTotal(), len(whole.Issues), whole.OQS(whole.Weights),
		whole.Mean(), whole.Median(), whole.Percentile(10))
}
