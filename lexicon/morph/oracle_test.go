package morph

import (
	"cmp"
	"flag"
	"maps"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
)

// The full analysis index: every form of every verb of the list, built by
// generation. Analyze no longer uses it (it costs 1–2 s and 65 MiB); it is
// the oracle that the rule-based analysis is checked against, and the
// source of the embedded rules (rules.txt).

// span is a slice of index.readings or index.forms.
type span struct{ off, n uint32 }

type index struct {
	verbs    []string
	exact    map[string]span // surface form → its sorted readings
	readings []packed
	bare     map[string]span // accent-stripped form → accented forms
	forms    []string
	// failed lists verbs of the list that Lookup rejects; they are skipped.
	failed []string
}

func (idx *index) reading(r packed, accented string) Reading {
	c := cells[r.cell]
	out := Reading{Lemma: idx.verbs[r.verb], Mood: c.mood, Tense: c.tense,
		Paradigm: paradigms[r.paradigm]}
	if r.person != noPerson {
		out.Person = Persons[r.person]
	}
	if r.note == 1 {
		out.Note = NoteMarkedVos
	}
	if accented != "" {
		n := noteNoAccent
		if strings.HasPrefix(string(out.Paradigm), "vos-") {
			n += "vos "
		}
		n += "«" + accented + "»"
		if out.Note != "" {
			n += "; " + out.Note
		}
		out.Note = n
	}
	return out
}

// stdParadigm is the paradigm of a standard-paradigm cell.
var analysisIndex = sync.OnceValue(buildIndex)

func buildIndex() *index {
	idx := &index{verbs: verbList()}
	exact := make(map[string][]packed)
	add := func(form string, r packed) {
		if form != "" {
			exact[form] = append(exact[form], r)
		}
	}
	for n, inf := range idx.verbs {
		v, err := Lookup(inf)
		if err != nil {
			idx.failed = append(idx.failed, inf)
			continue
		}
		vi := uint32(n)
		for ci, c := range cells {
			cell := uint8(ci)
			if c.mood == NonFinite {
				f := v.Gerund()
				if c.tense == ParticipleForm {
					f = v.Participle()
				}
				add(f, packed{vi, cell, noPerson, 0, 0})
				continue
			}
			for i := range Persons {
				add(v.cell(c.mood, c.tense, i),
					packed{vi, cell, uint8(i), paradigmIndex(stdParadigm(c.mood, i)), 0})
			}
			for _, a := range []Paradigm{VosRioplatense, VosChilean, VosZulian} {
				add(v.Address(c.mood, c.tense, a), packed{vi, cell, 1, paradigmIndex(a), 0})
			}
			add(v.MarkedVos(c.mood, c.tense),
				packed{vi, cell, 1, paradigmIndex(VosRioplatense), 1})
		}
	}
	// Flatten the readings into one array, in the order of the forms.
	keys := make([]string, 0, len(exact))
	for form := range exact {
		keys = append(keys, form)
	}
	slices.Sort(keys)
	idx.exact = make(map[string]span, len(keys))
	bare := make(map[string][]string)
	for _, form := range keys {
		rs := exact[form]
		slices.SortFunc(rs, func(a, b packed) int {
			return cmp.Or(cmp.Compare(a.verb, b.verb), cmp.Compare(a.cell, b.cell),
				cmp.Compare(a.person, b.person), cmp.Compare(a.paradigm, b.paradigm),
				cmp.Compare(a.note, b.note))
		})
		// One reading per lemma, cell, person and paradigm: the normative one.
		rs = slices.CompactFunc(rs, func(a, b packed) bool {
			return a.verb == b.verb && a.cell == b.cell && a.person == b.person &&
				a.paradigm == b.paradigm
		})
		idx.exact[form] = span{uint32(len(idx.readings)), uint32(len(rs))}
		idx.readings = append(idx.readings, rs...)
		if b := stripAcute(form); b != form {
			bare[b] = append(bare[b], form) // sorted, as keys are
		}
	}
	idx.readings = slices.Clip(idx.readings)
	idx.bare = make(map[string]span, len(bare))
	for b, forms := range bare {
		idx.bare[b] = span{uint32(len(idx.forms)), uint32(len(forms))}
		idx.forms = append(idx.forms, forms...)
	}
	idx.forms = slices.Clip(idx.forms)
	return idx
}

var updateRules = flag.Bool("update", false, "rewrite rules.txt from the generated index")

// extractRules derives rules.txt from the full index: for each form and
// reading, the decomposition form = P+X+M+Y, lemma = P+X'+M+Y' with the
// longest M (X and X' of at most 3 runes), or X = X' = "" and M = "".
func extractRules(idx *index) string {
	type key struct{ y, y2, x, x2 string }
	m := make(map[key]map[packed]bool)
	for form, sp := range idx.exact {
		body := strings.TrimPrefix(form, "no ")
		for _, r := range idx.readings[sp.off : sp.off+sp.n] {
			f, l := []rune(body), []rune(idx.verbs[r.verb])
			k := commonPrefix(f, l)
			f, l = f[k:], l[k:]
			best, bm := key{string(f), string(l), "", ""}, 0
			for i := 0; i <= 3 && i <= len(f); i++ {
				for j := 0; j <= 3 && j <= len(l); j++ {
					if i == 0 && j == 0 {
						continue
					}
					if n := commonPrefix(f[i:], l[j:]); n > bm {
						bm = n
						best = key{string(f[i+n:]), string(l[j+n:]), string(f[:i]), string(l[:j])}
					}
				}
			}
			if m[best] == nil {
				m[best] = make(map[packed]bool)
			}
			r.verb = 0
			m[best][r] = true
		}
	}
	var lines []string
	for k, cs := range m {
		codes := make([]string, 0, len(cs))
		for _, c := range slices.SortedFunc(maps.Keys(cs), comparePacked) {
			codes = append(codes, formatCell(c))
		}
		lines = append(lines, strings.Join([]string{k.y, k.y2, k.x, k.x2, strings.Join(codes, " ")}, "\t"))
	}
	slices.Sort(lines)
	return "# Generated by go test ./lexicon/morph -run TestRules -update from the verb list\n" +
		"# and classes.tsv; see rules.go. Y\tY'\tX\tX'\tcells (cell.person.paradigm.note)\n" +
		strings.Join(lines, "\n") + "\n"
}

func commonPrefix(a, b []rune) int {
	k := 0
	for k < len(a) && k < len(b) && a[k] == b[k] {
		k++
	}
	return k
}

// TestRules checks that rules.txt is what the verb list and the generator
// give; with -update it rewrites it.
func TestRules(t *testing.T) {
	want := extractRules(analysisIndex())
	if *updateRules {
		if err := os.WriteFile("rules.txt", []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if rulesTXT != want {
		t.Fatal("rules.txt is stale: run go test ./lexicon/morph -run TestRules -update")
	}
}

// TestAnalyzeOracle compares Analyze with the full generated index on
// every form of every verb of the list, written with and without accents.
func TestAnalyzeOracle(t *testing.T) {
	idx := analysisIndex()
	type job struct {
		s    string
		want []Reading
	}
	jobs := make(chan job, 256)
	var mu sync.Mutex
	bad := 0
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a := NewAnalyzer()
			for j := range jobs {
				if got := a.Analyze(j.s); !slices.Equal(got, j.want) {
					mu.Lock()
					if bad++; bad <= 20 {
						t.Errorf("Analyze(%q):\n got %+v\nwant %+v", j.s, got, j.want)
					}
					mu.Unlock()
				}
			}
		}()
	}
	for form, sp := range idx.exact {
		want := make([]Reading, sp.n)
		for i, r := range idx.readings[sp.off : sp.off+sp.n] {
			want[i] = idx.reading(r, "")
		}
		jobs <- job{form, want}
	}
	for b, sp := range idx.bare {
		if _, ok := idx.exact[b]; ok {
			continue
		}
		var want []Reading
		for _, form := range idx.forms[sp.off : sp.off+sp.n] {
			e := idx.exact[form]
			for _, r := range idx.readings[e.off : e.off+e.n] {
				want = append(want, idx.reading(r, form))
			}
		}
		slices.SortFunc(want, compareReadings)
		jobs <- job{b, want}
	}
	close(jobs)
	wg.Wait()
}
