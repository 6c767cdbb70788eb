package localize

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/habla-es/habla/dialects"
	"github.com/habla-es/habla/internal/firefox"
	"github.com/habla-es/habla/lexicon"
	"github.com/habla-es/habla/lexicon/morph"
	"github.com/habla-es/habla/token"
)

// parallel is one Firefox key: the es-ES string and its localized strings.
type parallel struct {
	es   string
	real map[string]string
}

var evalLocales = firefox.Locales

func readParallel(t testing.TB) []parallel {
	rows, err := firefox.Read(firefox.Path)
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("Firefox data not found beside the checkout: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	out := make([]parallel, 0, len(rows))
	for _, r := range rows {
		p := parallel{es: r.ES, real: map[string]string{}}
		for i, loc := range evalLocales {
			if r.Localized[i] != "" {
				p.real[loc] = r.Localized[i]
			}
		}
		out = append(out, p)
	}
	return out
}

// hunk is a run of tokens that the real localized string does not keep:
// es[esFrom:esTo] became real[realFrom:realTo] (either may be empty).
type hunk struct{ esFrom, esTo, realFrom, realTo int }

// diff aligns two token sequences by their longest common subsequence and
// returns the hunks between the kept tokens.
func diff(a, b []string) []hunk {
	n, m := len(a), len(b)
	l := make([][]int32, n+1)
	for i := range l {
		l[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				l[i][j] = l[i+1][j+1] + 1
			} else {
				l[i][j] = max(l[i+1][j], l[i][j+1])
			}
		}
	}
	var hs []hunk
	i, j := 0, 0
	open := false
	for i < n || j < m {
		if i < n && j < m && a[i] == b[j] {
			open = false
			i, j = i+1, j+1
			continue
		}
		if !open {
			hs = append(hs, hunk{i, i, j, j})
			open = true
		}
		h := &hs[len(hs)-1]
		if j >= m || i < n && l[i+1][j] >= l[i][j+1] {
			i++
			h.esTo = i
		} else {
			j++
			h.realTo = j
		}
	}
	return hs
}

func tokenTexts(s string) ([]string, []token.Token) {
	ts := token.AppendTokens(nil, s)
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Text
	}
	return out, ts
}

// editTokens is the range of es tokens an edit covers.
func editTokens(ts []token.Token, e Edit) (from, to int) {
	from, to = -1, -1
	for i, t := range ts {
		if t.ByteStart < e.ByteEnd && e.ByteStart < t.ByteEnd {
			if from < 0 {
				from = i
			}
			to = i + 1
		}
	}
	return from, to
}

// right reports whether an edit of es tokens [from, to) into out is what
// the real string did: some hunk overlaps the range, and out appears in the
// real tokens of the overlapping hunks (the region they and the range span).
func right(hs []hunk, from, to int, out, real []string) (bool, []int) {
	lo, hi := -1, -1
	var hit []int
	for k, h := range hs {
		if h.esFrom < to && from < h.esTo || h.esFrom == h.esTo && from <= h.esFrom && h.esFrom <= to {
			hit = append(hit, k)
			if lo < 0 {
				lo = h.realFrom
			}
			hi = h.realTo
		}
	}
	if len(hit) == 0 {
		return false, nil
	}
	return contains(real[lo:hi], out), hit
}

// contains reports whether ws holds the run sub, ignoring case (a UI
// string may start with the word the edit puts mid-sentence).
func contains(ws, sub []string) bool {
	for i := 0; i+len(sub) <= len(ws); i++ {
		if slices.EqualFunc(ws[i:i+len(sub)], sub, strings.EqualFold) {
			return true
		}
	}
	return false
}

// looselyRight is the looser reading of an edit, for strings that the
// localizer reordered: its output is somewhere in the real string and what
// it replaced is not.
func looselyRight(from, out, real []string) bool {
	return contains(real, out) && !contains(real, from)
}

// addressShift reports whether a hunk is the change of address Firefox's
// localizers made: the real tokens have a tú or vos word (a pronoun, a
// possessive or a verb form of the tuteo or a voseo) and the es-ES tokens,
// which address the user with usted, have none.
func addressShift(h hunk, es, real []string) bool {
	return hasFamiliar(real[h.realFrom:h.realTo]) && !hasFamiliar(es[h.esFrom:h.esTo])
}

var familiarWords = map[string]bool{"tú": true, "tu": true, "tus": true, "te": true,
	"ti": true, "contigo": true, "vos": true}

func hasFamiliar(ws []string) bool {
	for _, w := range ws {
		w = token.Lower(w)
		if familiarWords[w] {
			return true
		}
		for _, r := range morph.Analyze(w) {
			if r.Person == morph.P2s {
				return true
			}
		}
		if len(morph.AnalyzeEnclitic(w)) > 0 {
			for _, c := range morph.AnalyzeEnclitic(w) {
				if c.Person == morph.P2s {
					return true
				}
			}
		}
	}
	return false
}

type evalTally struct {
	pairs, identicalBefore, identicalAfter   int
	edits, rightEdits, looseEdits, tasks     int
	hunks, hunksFound, shiftHunks, shiftPair int
	wrong, rules, rightRules                 map[string]int
	groups                                   map[string]bool
	taskRules                                map[string]int
	wrongKept, hunksTouched                  int
	editsTouched, rightTouched               int // on pairs whose real string differs
}

// TestFirefoxLocalize is issue 6's evaluation (EVALUATION.md): each es-ES
// Firefox string is localized to es-AR, es-CL and es-MX and compared with
// the real localized string at token level.
//
//	precision: habla's edits whose output tokens appear in the real string
//	           where the es-ES tokens were replaced (a hunk of the token
//	           diff overlaps the edit and holds its output);
//	recall:    the real hunks (runs of es-ES tokens the real string does not
//	           keep) that a right edit covers, overall and without the
//	           hunks that change usted into tú or vos.
//
// Run: go test ./localize/ -run FirefoxLocalize -v -count=1
func TestFirefoxLocalize(t *testing.T) {
	ps := readParallel(t)
	lex, err := lexicon.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	set, err := dialects.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, th := range []float64{DefaultConfidence, 0.9, 0.95} {
		for _, loc := range evalLocales {
			p, err := set.Resolve(loc)
			if err != nil {
				t.Fatal(err)
			}
			l, err := New(Options{Target: p, Lexicon: lex, Confidence: th})
			if err != nil {
				t.Fatal(err)
			}
			tl := evaluate(t, l.NewWorker(), ps, loc)
			report(t, fmt.Sprintf("%s --confidence %.2f", loc, th), tl, th == DefaultConfidence)
		}
	}
}

// TestFirefoxIdempotent localizes every Firefox string (es-ES and the
// real es-AR, es-CL and es-MX ones) for each of those targets and for
// Zulian Spanish (vos with the vosotros verb forms), and the result
// again: the second pass must change nothing.
func TestFirefoxIdempotent(t *testing.T) {
	ps := readParallel(t)
	if testing.Short() {
		ps = ps[:2000]
	}
	for _, loc := range append(slices.Clone(evalLocales), "es-ES", "es-VE-u-sd-vev") {
		w := newLocalizer(t, loc, 0).NewWorker()
		for _, p := range ps {
			checkIdempotent(t, w, loc, p.es)
			for _, real := range p.real {
				checkIdempotent(t, w, loc, real)
			}
		}
	}
}

func evaluate(t *testing.T, w *Worker, ps []parallel, loc string) *evalTally {
	tl := &evalTally{wrong: map[string]int{}, rules: map[string]int{}, rightRules: map[string]int{},
		groups: map[string]bool{}, taskRules: map[string]int{}}
	for _, p := range ps {
		real, ok := p.real[loc]
		if !ok {
			continue
		}
		res := w.Localize(p.es)
		if got := apply(p.es, res.Edits); got != res.Localized {
			t.Fatalf("edits do not rebuild the localized text of %q", p.es)
		}
		tl.pair(t, loc, p.es, real, res)
	}
	return tl
}

// pair counts one es-ES string, its real localized string and habla's result.
func (tl *evalTally) pair(t *testing.T, loc, esText, real string, res Result) {
	es, ets := tokenTexts(esText)
	rt, _ := tokenTexts(real)
	hs := diff(es, rt)
	tl.pairs++
	tl.identicalBefore += b2i(esText == real)
	tl.identicalAfter += b2i(res.Localized == real)
	tl.tasks += len(res.Tasks)
	found, touched := make([]bool, len(hs)), make([]bool, len(hs))
	touch := func(from, to int) {
		for i, h := range hs {
			touched[i] = touched[i] || h.esFrom < to && from < h.esTo
		}
	}
	for _, k := range res.Tasks {
		tl.groups[string(k.Kind)+"\x00"+token.Fold(k.Text)+"\x00"+strings.Join(k.Suggestions, "\x00")] = true
		tl.taskRules[ruleFamily(k.Rule)+" ("+k.Reason+")"]++
		touch(editTokens(ets, Edit{ByteStart: k.ByteStart, ByteEnd: k.ByteEnd}))
	}
	for _, e := range res.Edits {
		from, to := editTokens(ets, e)
		touch(from, to)
		out, _ := tokenTexts(e.To)
		ok, hit := right(hs, from, to, out, rt)
		tl.edits++
		tl.editsTouched += b2i(esText != real)
		tl.looseEdits += b2i(ok || looselyRight(es[from:to], out, rt))
		tl.rules[ruleFamily(e.Rule)]++
		if !ok {
			tl.wrong[e.From+" → "+e.To]++
			tl.wrongKept += b2i(contains(rt, es[from:to]))
			if os.Getenv("HABLA_EVAL_DUMP") != "" {
				t.Logf("%s wrong %s: %q → %q\n\tes: %s\n\treal: %s", loc, e.Rule, e.From, e.To, esText, real)
			}
			continue
		}
		tl.rightEdits++
		tl.rightTouched += b2i(esText != real)
		tl.rightRules[ruleFamily(e.Rule)]++
		for _, k := range hit {
			found[k] = true
		}
	}
	shifted := false
	for k, h := range hs {
		tl.hunks++
		tl.hunksFound += b2i(found[k])
		tl.hunksTouched += b2i(touched[k])
		if addressShift(h, es, rt) {
			tl.shiftHunks++
			shifted = true
		}
	}
	tl.shiftPair += b2i(shifted)
}

func ruleFamily(rule string) string {
	if strings.HasPrefix(rule, "lexicon/") {
		return "lexicon"
	}
	return rule
}

func report(t *testing.T, loc string, tl *evalTally, details bool) {
	t.Logf("%s: %d pairs; identical before %.1f%%, after %.1f%%; %d edits, precision %.3f (%.3f loose); recall %.4f of %d hunks (%d found), %.4f of the %d hunks that are not usted → tú/vos; %d pairs (%.1f%%) change the address; %.1f tasks per 1,000 records",
		loc, tl.pairs, pct(tl.identicalBefore, tl.pairs), pct(tl.identicalAfter, tl.pairs),
		tl.edits, ratio(tl.rightEdits, tl.edits), ratio(tl.looseEdits, tl.edits), ratio(tl.hunksFound, tl.hunks), tl.hunks, tl.hunksFound,
		ratio(tl.hunksFound, tl.hunks-tl.shiftHunks), tl.hunks-tl.shiftHunks,
		tl.shiftPair, pct(tl.shiftPair, tl.pairs), 1000*float64(tl.tasks)/float64(max(tl.pairs, 1)))
	t.Logf("%s: %.1f distinct tasks per 1,000 records (grouped by kind, folded text and suggestions); hunks under an edit or a task: %.4f; wrong edits where the real string kept the es-ES words: %d of %d; precision on the pairs the localizer changed: %.3f (%d edits)",
		loc, 1000*float64(len(tl.groups))/float64(max(tl.pairs, 1)), ratio(tl.hunksTouched, tl.hunks), tl.wrongKept, tl.edits-tl.rightEdits,
		ratio(tl.rightTouched, tl.editsTouched), tl.editsTouched)
	if !details {
		return
	}
	t.Logf("%s: edits by rule (right/all): %s", loc, byRule(tl))
	t.Logf("%s: most frequent wrong edits: %s", loc, top(tl.wrong, 12))
	t.Logf("%s: tasks by rule: %s", loc, top(tl.taskRules, 10))
}

func byRule(tl *evalTally) string {
	var parts []string
	for _, r := range sortedKeys(tl.rules) {
		parts = append(parts, fmt.Sprintf("%s %d/%d", r, tl.rightRules[r], tl.rules[r]))
	}
	return strings.Join(parts, ", ")
}

func top(m map[string]int, n int) string {
	keys := sortedKeys(m)
	slices.SortStableFunc(keys, func(a, b string) int { return cmp.Compare(m[b], m[a]) })
	var parts []string
	for _, k := range keys[:min(n, len(keys))] {
		parts = append(parts, fmt.Sprintf("%s (%d)", k, m[k]))
	}
	return strings.Join(parts, "; ")
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func pct(a, b int) float64 { return 100 * float64(a) / float64(max(b, 1)) }

func ratio(a, b int) float64 { return float64(a) / float64(max(b, 1)) }
