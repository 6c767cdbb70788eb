package tasks

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/habla-es/habla/align"
	"github.com/habla-es/habla/dialects"
	"github.com/habla-es/habla/internal/firefox"
	"github.com/habla-es/habla/lexicon"
)

// TestFirefoxTaskEconomy is issue 6's task economy (EVALUATION.md): the
// es-ES Firefox strings aligned for es-AR, es-CL and es-MX with the
// built-in lexicon, and the tasks they make per 1,000 records, one per
// finding and with --group, with the annotator time the heuristic
// estimates for each.
//
// Run: go test ./tasks/ -run FirefoxTaskEconomy -v -count=1
func TestFirefoxTaskEconomy(t *testing.T) {
	texts := readFirefoxES(t)
	lex, err := lexicon.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	set, err := dialects.Load()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d es-ES strings", len(texts))
	t.Logf("| target | tasks / 1,000 records | grouped | reduction | minutes / 1,000 | grouped | top grouped issues (occurrences) |")
	for _, loc := range []string{"es-AR", "es-CL", "es-MX"} {
		p, err := set.Resolve(loc)
		if err != nil {
			t.Fatal(err)
		}
		a, err := align.New(align.Options{Target: p, Lexicon: lex})
		if err != nil {
			t.Fatal(err)
		}
		w := a.NewWorker()
		recs := make([]Record, len(texts))
		for i, s := range texts {
			res := w.Align(s)
			recs[i] = Record{ID: strconv.Itoa(i + 1), Text: s, Target: res.Target, Naturalness: res.Naturalness, Findings: res.Findings, Order: i}
		}
		single, grouped := Build(recs, Options{}), Build(recs, Options{Group: true})
		if len(grouped) > len(single) {
			t.Errorf("%s: grouping made more tasks (%d) than findings (%d)", loc, len(grouped), len(single))
		}
		per := func(n int) float64 { return float64(n) * 1000 / float64(len(recs)) }
		minutes := func(ts []Task) float64 {
			s := 0
			for i := range ts {
				s += ts[i].EstimatedSeconds
			}
			return float64(s) / 60 * 1000 / float64(len(recs))
		}
		var top []string
		for _, g := range grouped[:min(3, len(grouped))] {
			top = append(top, fmt.Sprintf("%s %s → %s (%d)", g.Kind, g.Text, firstSuggestion(&g), len(g.Occurrences)))
		}
		t.Logf("| %s | %.1f | %.1f | %.1f× | %.1f | %.1f | %s |", loc, per(len(single)), per(len(grouped)),
			float64(len(single))/float64(max(len(grouped), 1)), minutes(single), minutes(grouped), strings.Join(top, "; "))
	}
}

func readFirefoxES(t *testing.T) []string {
	rows, err := firefox.Read(firefox.Path)
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("Firefox data not found beside the checkout: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.ES
	}
	return out
}
