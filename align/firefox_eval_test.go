package align

import (
	"bufio"

	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/habla-es/habla/dialects"
	"github.com/habla-es/habla/lexicon"
	"github.com/habla-es/habla/token"
)

const firefoxSwaps = "../../shared/data/mozilla-firefox/word_substitutions_firefox.tsv"

// swap is one row of the Firefox one-token substitutions: in strings that
// differ in exactly one token, es-ES says From where Locale says To.
type swap struct {
	locale, from, to string
	count            int
}

func readSwaps(t *testing.T) []swap {
	f, err := os.Open(firefoxSwaps)
	if err != nil {
		t.Skipf("Firefox data not found beside the checkout: %v", err)
	}
	defer f.Close()
	var out []swap
	sc := bufio.NewScanner(f)
	sc.Scan() // header
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		n, err := strconv.Atoi(cols[3])
		if err != nil {
			t.Fatalf("%s: bad count %q", firefoxSwaps, cols[3])
		}
		out = append(out, swap{locale: cols[0], from: cols[1], to: cols[2], count: n})
	}
	return out
}

// TestFirefoxSwapCoverage measures how much of the Firefox es-ES → es-AR /
// es-CL / es-MX one-token swaps the built-in lexicon knows (EVALUATION.md):
//
//	known:   both tokens are variants of one concept;
//	flagged: aligning the es-ES token for the locale gives a finding
//	         whose suggestions include the locale's token.
//
// Run: go test ./align/ -run FirefoxSwapCoverage -v
func TestFirefoxSwapCoverage(t *testing.T) {
	swaps := readSwaps(t)
	lex, err := lexicon.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	set, _ := dialects.Load()
	type tally struct{ rows, count, knownRows, knownCount, flagRows, flagCount int }
	byLocale := map[string]*tally{}
	aligners := map[string]*Worker{}
	for _, s := range swaps {
		tl := byLocale[s.locale]
		if tl == nil {
			tl = &tally{}
			byLocale[s.locale] = tl
			p, _ := set.Resolve(s.locale)
			a, _ := New(Options{Target: p, Lexicon: lex})
			aligners[s.locale] = a.NewWorker()
		}
		tl.rows++
		tl.count += s.count
		if sameConcept(lex, s.from, s.to) {
			tl.knownRows++
			tl.knownCount += s.count
		}
		if suggests(aligners[s.locale].Align(s.from), s.to) {
			tl.flagRows++
			tl.flagCount += s.count
		}
	}
	var all tally
	for _, loc := range []string{"es-AR", "es-CL", "es-MX"} {
		tl := byLocale[loc]
		if tl == nil {
			continue
		}
		t.Logf("%s: %d swaps (%d occurrences): known %.1f%% of occurrences (%d swaps), flagged %.1f%% (%d swaps)",
			loc, tl.rows, tl.count, pct(tl.knownCount, tl.count), tl.knownRows, pct(tl.flagCount, tl.count), tl.flagRows)
		all.rows, all.count = all.rows+tl.rows, all.count+tl.count
		all.knownRows, all.knownCount = all.knownRows+tl.knownRows, all.knownCount+tl.knownCount
		all.flagRows, all.flagCount = all.flagRows+tl.flagRows, all.flagCount+tl.flagCount
	}
	t.Logf("all: %d swaps (%d occurrences): known %.1f%% of occurrences (%d swaps), flagged %.1f%% (%d swaps)",
		all.rows, all.count, pct(all.knownCount, all.count), all.knownRows, pct(all.flagCount, all.count), all.flagRows)
	if len(lex.Concepts()) > 0 && all.flagCount > all.knownCount {
		t.Errorf("flagged (%d) cannot exceed known (%d)", all.flagCount, all.knownCount)
	}
}

func pct(a, b int) float64 { return 100 * float64(a) / float64(max(b, 1)) }

// sameConcept reports whether some concept has both words as variants.
func sameConcept(l *lexicon.Lexicon, a, b string) bool {
	m := l.Matcher()
	for _, ea := range m.Lookup(a) {
		for _, eb := range m.Lookup(b) {
			if ea.Concept == eb.Concept && ea.Variant != eb.Variant {
				return true
			}
		}
	}
	return false
}

func suggests(res Result, want string) bool {
	for _, f := range res.Findings {
		if slices.ContainsFunc(f.Suggestions, func(s string) bool {
			return token.Fold(s) == token.Fold(want)
		}) {
			return true
		}
	}
	return false
}
