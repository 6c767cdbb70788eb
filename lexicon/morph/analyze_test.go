package morph

import (
	"bufio"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestAnalyzeTable(t *testing.T) {
	type want struct {
		lemma    string
		mood     Mood
		tense    Tense
		person   Person
		paradigm Paradigm
		note     string // substring of the note; "" for no note
	}
	tests := []struct {
		surface string
		want    []want
		not     []Paradigm // paradigms that must not appear
	}{
		{"tenés", []want{{"tener", Indicative, Present, P2s, VosRioplatense, ""}}, []Paradigm{Tu}},
		{"tienes", []want{{"tener", Indicative, Present, P2s, Tu, ""}},
			[]Paradigm{VosRioplatense, VosChilean, VosZulian}},
		{"tenéis", []want{{"tener", Indicative, Present, P2p, Vosotros, ""},
			{"tener", Indicative, Present, P2s, VosZulian, ""}}, nil},
		{"tenís", []want{{"tener", Indicative, Present, P2s, VosChilean, ""}}, nil},
		{"sos", []want{{"ser", Indicative, Present, P2s, VosRioplatense, ""}}, nil},
		{"eres", []want{{"ser", Indicative, Present, P2s, Tu, ""}}, nil},
		{"estái", []want{{"estar", Indicative, Present, P2s, VosChilean, ""}}, nil},
		{"hablás", []want{{"hablar", Indicative, Present, P2s, VosRioplatense, ""}}, []Paradigm{Tu}},
		{"hablas", []want{{"hablar", Indicative, Present, P2s, Tu, ""}}, []Paradigm{VosRioplatense}},
		{"tenes", []want{{"tener", Indicative, Present, P2s, VosRioplatense, "sin tilde: se lee como vos «tenés»"}}, nil},
		{"Tenés", []want{{"tener", Indicative, Present, P2s, VosRioplatense, ""}}, nil},
		{"canto", []want{{"cantar", Indicative, Present, P1s, "", ""}}, nil},
		{"cantó", []want{{"cantar", Indicative, Preterite, P3s, "", ""}}, nil},
		{"tené", []want{{"tener", Imperative, Affirmative, P2s, VosRioplatense, ""}}, nil},
		{"tengás", []want{{"tener", Subjunctive, Present, P2s, VosRioplatense, NoteMarkedVos}}, nil},
		{"tengas", []want{{"tener", Subjunctive, Present, P2s, Tu, ""},
			{"tener", Subjunctive, Present, P2s, VosRioplatense, ""}}, nil},
		{"no tengas", []want{{"tener", Imperative, Negative, P2s, Tu, ""}}, nil},
		{"tenga", []want{{"tener", Imperative, Affirmative, P3s, Usted, ""},
			{"tener", Subjunctive, Present, P1s, "", ""}}, nil},
		{"guiáis", []want{{"guiar", Indicative, Present, P2p, Vosotros, "ortografía anterior a 2010"}}, nil},
		{"rió", []want{{"reír", Indicative, Preterite, P3s, "", "«rio»"}}, nil},
		{"teniendo", []want{{"tener", NonFinite, GerundForm, "", "", ""}}, nil},
		{"tenido", []want{{"tener", NonFinite, ParticipleForm, "", "", ""}}, nil},
	}
	for _, tc := range tests {
		got := Analyze(tc.surface)
		for _, w := range tc.want {
			ok := slices.ContainsFunc(got, func(r Reading) bool {
				return r.Lemma == w.lemma && r.Mood == w.mood && r.Tense == w.tense &&
					r.Person == w.person && r.Paradigm == w.paradigm &&
					(w.note == "" && r.Note == "" || w.note != "" && strings.Contains(r.Note, w.note))
			})
			if !ok {
				t.Errorf("Analyze(%q) = %+v, want a reading %+v", tc.surface, got, w)
			}
		}
		for _, r := range got {
			if slices.Contains(tc.not, r.Paradigm) {
				t.Errorf("Analyze(%q): unexpected reading %+v", tc.surface, r)
			}
		}
		if !slices.IsSortedFunc(got, compareReadings) {
			t.Errorf("Analyze(%q) not sorted: %+v", tc.surface, got)
		}
	}
	for _, s := range []string{"xyzzy", "", "qwerty"} {
		if got := Analyze(s); len(got) != 0 {
			t.Errorf("Analyze(%q) = %+v, want none", s, got)
		}
	}
	for _, r := range Analyze("de") { // dé, but only with a note
		if !strings.HasPrefix(r.Note, noteNoAccent) {
			t.Errorf("Analyze(de): reading %+v without the accent note", r)
		}
	}
	// The accent-stripped index is used only when the exact form has none.
	for _, r := range Analyze("canto") {
		if r.Note != "" {
			t.Errorf("Analyze(canto): reading %+v has a note", r)
		}
	}
}

// sampleVerbs is a deterministic sample of at least n verbs of the list.
func sampleVerbs(n int) []string {
	vs := Verbs()
	step := max(1, len(vs)/n)
	var out []string
	for i := 0; i < len(vs); i += step {
		out = append(out, vs[i])
	}
	for _, v := range []string{"ser", "ir", "estar", "haber", "tener", "decir", "oír", "reír"} {
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// TestAnalyzeGenerate checks analyse(generate(v, features)) ∋ (v, features)
// for a sample of the list, every cell and every paradigm.
func TestAnalyzeGenerate(t *testing.T) {
	sample := sampleVerbs(600)
	if len(sample) < 500 {
		t.Fatalf("sample of %d verbs", len(sample))
	}
	has := func(form, lemma string, m Mood, tn Tense, p Person, ps ...Paradigm) bool {
		return slices.ContainsFunc(Analyze(form), func(r Reading) bool {
			return r.Lemma == lemma && r.Mood == m && r.Tense == tn && r.Person == p &&
				slices.Contains(ps, r.Paradigm) && !strings.HasPrefix(r.Note, noteNoAccent)
		})
	}
	checked, bad := 0, 0
	fail := func(format string, args ...any) {
		bad++
		if bad <= 20 {
			t.Errorf(format, args...)
		}
	}
	for _, inf := range sample {
		v := mustLookup(t, inf)
		for _, c := range cells {
			if c.mood == NonFinite {
				continue
			}
			for i, p := range Persons {
				f := v.Form(c.mood, c.tense, p)
				if f == "" {
					continue
				}
				checked++
				if !has(f, inf, c.mood, c.tense, p, stdParadigm(c.mood, i)) {
					fail("%s %s.%s %s: %q not analysed back", inf, c.mood, c.tense, p, f)
				}
			}
			for _, a := range paradigms[1:] {
				f := v.Address(c.mood, c.tense, a)
				if f == "" {
					continue
				}
				checked++
				var ok bool
				switch a {
				case Usted:
					ok = has(f, inf, c.mood, c.tense, P3s, Usted, "")
				case Ustedes:
					ok = has(f, inf, c.mood, c.tense, P3p, Ustedes, "")
				case Nosotros:
					ok = has(f, inf, c.mood, c.tense, P1p, "")
				case Vosotros:
					ok = has(f, inf, c.mood, c.tense, P2p, Vosotros)
				default:
					ok = has(f, inf, c.mood, c.tense, P2s, a)
				}
				if !ok {
					fail("%s %s.%s %s: %q not analysed back", inf, c.mood, c.tense, a, f)
				}
			}
			if f := v.MarkedVos(c.mood, c.tense); f != "" {
				checked++
				if !has(f, inf, c.mood, c.tense, P2s, VosRioplatense) {
					fail("%s %s.%s marked vos: %q not analysed back", inf, c.mood, c.tense, f)
				}
			}
		}
		checked += 2
		if !has(v.Gerund(), inf, NonFinite, GerundForm, "", "") {
			fail("%s gerund %q not analysed back", inf, v.Gerund())
		}
		if !has(v.Participle(), inf, NonFinite, ParticipleForm, "", "") {
			fail("%s participle %q not analysed back", inf, v.Participle())
		}
	}
	t.Logf("%d verbs, %d cells checked, %d failures", len(sample), checked, bad)
}

func TestAnalysisIndexSize(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a second index to time it")
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	idx := buildIndex()
	elapsed := time.Since(start)
	runtime.GC()
	runtime.ReadMemStats(&after)
	n := len(idx.readings)
	t.Logf("index: %d verbs (%d failed Lookup), %d forms, %d readings, %d accent-stripped keys; built in %v, %.1f MiB live heap",
		len(idx.verbs), len(idx.failed), len(idx.exact), n, len(idx.bare), elapsed,
		float64(after.HeapAlloc-before.HeapAlloc)/(1<<20))
	if len(idx.failed) > 0 {
		t.Errorf("verbs failing Lookup: %v", idx.failed)
	}
	runtime.KeepAlive(idx)
}

// dicVerbs reads the lemmas of a built RLA-ES dictionary that carry the verb
// conjugation flags (as verbs.txt was extracted).
func dicVerbs(t *testing.T, name string) map[string]bool {
	data, err := os.ReadFile("../../../shared/data/rla-es/built_dicts/" + name)
	if err != nil {
		t.Skipf("%s: %v", name, err)
	}
	m := make(map[string]bool)
	for line := range strings.Lines(string(data)) {
		w, flags, _ := strings.Cut(strings.TrimSpace(line), "/")
		if strings.ContainsAny(flags, "REIXÓ") {
			m[w] = true
		}
	}
	return m
}

// rlaCheck analyses every lower-case word of an expanded_diffs file and
// reports the share of recognised verb forms that have a reading in one of
// paradigms. Many forms of the file belong to verbs that only that
// country's dictionary lists (abarajar, all of whose forms differ), so the
// share is also given for forms of verbs that shared (a dictionary of the
// other side) lists, where the difference can only be the inflection.
func rlaCheck(t *testing.T, name string, shared map[string]bool, paradigms ...Paradigm) {
	f, err := os.Open("../../../shared/data/rla-es/expanded_diffs/" + name)
	if err != nil {
		t.Skipf("%s: %v", name, err)
	}
	defer f.Close()
	var words, recognised, hit, recShared, hitShared int
	var misses []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w := strings.TrimSpace(sc.Text())
		if w == "" || w != strings.ToLower(w) {
			continue // proper nouns and acronyms
		}
		words++
		// Only readings of the form as written count as recognised.
		rs := slices.DeleteFunc(Analyze(w), func(r Reading) bool {
			return strings.HasPrefix(r.Note, noteNoAccent)
		})
		if len(rs) == 0 {
			continue
		}
		recognised++
		ok := slices.ContainsFunc(rs, func(r Reading) bool { return slices.Contains(paradigms, r.Paradigm) })
		if ok {
			hit++
		}
		if slices.ContainsFunc(rs, func(r Reading) bool { return shared[r.Lemma] }) {
			recShared++
			if ok {
				hitShared++
			} else if len(misses) < 30 {
				misses = append(misses, w)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	pct := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return 100 * float64(a) / float64(b)
	}
	t.Logf("%s: %d lower-case words; %d recognised as verb forms, %d (%.2f%%) with a %v reading; "+
		"of forms of shared verbs %d recognised, %d (%.2f%%) with such a reading; first misses among them: %v",
		name, words, recognised, hit, pct(hit, recognised), paradigms,
		recShared, hitShared, pct(hitShared, recShared), misses)
}

func TestRLAVoseo(t *testing.T) {
	rlaCheck(t, "es_AR_minus_ES_and_MX_voseo_candidates.txt", dicVerbs(t, "es_ES.dic"),
		VosRioplatense, VosChilean, VosZulian)
}

func TestRLAVosotros(t *testing.T) {
	rlaCheck(t, "es_ES_minus_MX_VE_CO_vosotros_candidates.txt", dicVerbs(t, "es_MX.dic"), Vosotros)
}

// benchWords mixes verb forms, accentless forms and words that are no verb
// form, roughly as running text does.
var benchWords = []string{"tenés", "tienes", "canto", "cantó", "xyzzy", "tenes", "estái",
	"hubiéramos", "cantaríais", "sos", "casa", "dormimos", "la", "de", "mesa", "porque",
	"ciudades", "siempre", "y", "trabajo"}

// BenchmarkAnalyze is one analysis without a cache (the package-level
// Analyze); BenchmarkAnalyzerCached the same words through an Analyzer.
func BenchmarkAnalyze(b *testing.B) {
	Analyze("tenés")
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		Analyze(benchWords[i%len(benchWords)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "lookups/s")
}

func BenchmarkAnalyzerCached(b *testing.B) {
	a := NewAnalyzer()
	a.Analyze("tenés")
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		a.Analyze(benchWords[i%len(benchWords)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "lookups/s")
}
