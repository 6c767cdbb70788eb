package align

import (
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/habla-es/habla/dialects"
	"github.com/habla-es/habla/internal/firefox"
	"github.com/habla-es/habla/token"
)

// unitTally counts the measurement findings raised on text that is already
// in its own variety: every one is a candidate false alarm, to inspect.
type unitTally struct {
	words    int
	byRule   map[string]int
	examples map[string][]string // rule → up to a few flagged spans with context
}

func newUnitTally() *unitTally {
	return &unitTally{byRule: map[string]int{}, examples: map[string][]string{}}
}

// add runs the convention checks of n over each line of text and keeps
// the measurement findings.
func (u *unitTally) add(n *convNorm, text string, sc *convScratch) {
	for line := range strings.Lines(text) {
		ts := token.Tokenize(line)
		u.words += countWords(ts)
		for _, f := range n.check(nil, line, ts, nil, nil, sc) {
			if f.Category != mqmMeasurement {
				continue
			}
			u.byRule[f.Rule]++
			if len(u.examples[f.Rule]) < 50 {
				lo, hi := max(0, f.ByteStart-40), min(len(line), f.ByteEnd+30)
				u.examples[f.Rule] = append(u.examples[f.Rule], fmt.Sprintf("%q → %q in …%s…", f.Text, f.Suggestions, strings.TrimSpace(line[lo:hi])))
			}
		}
	}
}

func (u *unitTally) log(t *testing.T, name string) {
	total := 0
	rules := make([]string, 0, len(u.byRule))
	for r, c := range u.byRule {
		total += c
		rules = append(rules, r)
	}
	sort.Strings(rules)
	t.Logf("%s: %d words, %d measurement findings = %.1f per 100,000 words", name, u.words, total, per100k(total, u.words))
	for _, r := range rules {
		t.Logf("  %s: %d (%.1f per 100,000 words)", r, u.byRule[r], per100k(u.byRule[r], u.words))
		for _, e := range u.examples[r] {
			t.Logf("    %s", e)
		}
	}
}

func per100k(n, words int) float64 {
	if words == 0 {
		return 0
	}
	return 100000 * float64(n) / float64(words)
}

// TestUnitsFalseAlarms measures the measurement findings raised on text
// already localized for its variety (EVALUATION.md): the Firefox strings of
// each of the four locales aligned with their own locale, and the ACTIV-ES
// train documents with their country. Run:
//
//	go test ./align/ -run UnitsFalseAlarms -v
func TestUnitsFalseAlarms(t *testing.T) {
	rows, err := firefox.Read(firefox.Path)
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("Firefox data not found beside the checkout: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	set, err := dialects.Load()
	if err != nil {
		t.Fatal(err)
	}
	norm := func(tag string) *convNorm {
		p, err := set.Resolve(tag)
		if err != nil {
			t.Fatal(err)
		}
		n := newConvNorm(p)
		return &n
	}
	var sc convScratch
	es := newUnitTally()
	nES := norm("es-ES")
	for _, r := range rows {
		es.add(nES, r.ES, &sc)
	}
	es.log(t, "Firefox es-ES (target es-ES)")
	for k, loc := range firefox.Locales {
		u, n := newUnitTally(), norm(loc)
		for _, r := range rows {
			u.add(n, r.Localized[k], &sc)
		}
		u.log(t, "Firefox "+loc+" (target "+loc+")")
	}
	docs := readActiv(t, "train")
	byGold := map[string]*unitTally{}
	for _, d := range docs {
		if byGold[d.gold] == nil {
			byGold[d.gold] = newUnitTally()
		}
		byGold[d.gold].add(norm(d.gold), d.text, &sc)
	}
	for _, tag := range []string{"es-AR", "es-ES", "es-MX"} {
		if u := byGold[tag]; u != nil {
			u.log(t, "ACTIV-ES train "+tag+" (target "+tag+")")
		}
	}
}
