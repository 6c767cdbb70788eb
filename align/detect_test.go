package align

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/habla-es/habla/dialects"
	"github.com/habla-es/habla/token"
)

func testDetector(t *testing.T, tags ...string) *Detector {
	t.Helper()
	opts := DetectOptions{Lexicon: builtinLexicon(t)}
	if len(tags) > 0 {
		opts.Among = among(t, tags...)
	}
	d, err := NewDetector(opts)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func checkRanking(t *testing.T, det Detection) {
	t.Helper()
	sum := 0.0
	for i, r := range det.Ranking {
		sum += r.P
		if i > 0 && r.P > det.Ranking[i-1].P {
			t.Errorf("ranking out of order at %d: %+v", i, det.Ranking)
		}
	}
	if math.Abs(sum-1) > 1e-9 {
		t.Errorf("probabilities sum to %v, want 1", sum)
	}
}

func TestDetectDecides(t *testing.T) {
	tests := []struct {
		name, text string
		among      []string
		want       string   // the decision
		top        []string // Ranking[0] is one of these (with want "es")
	}{
		{"voseo between AR and ES", "Vos tenés que venir mañana, ¿sabés?", []string{"es-AR", "es-ES"}, "es-AR", nil},
		{"vosotros between ES and MX", "¿Vosotros tenéis ganas de venir? Os espero.", []string{"es-ES", "es-MX"}, "es-ES", nil},
		{"places of Spain", "El Gobierno de la Generalitat se reunió ayer en Barcelona con la Xunta de Galicia.", []string{"es-AR", "es-ES"}, "es-ES", nil},
		{"institutions of Argentina", "La AFIP y la ANSES anunciaron cambios en la provincia de Córdoba y en Rosario.", []string{"es-AR", "es-ES"}, "es-AR", nil},
		{"voseo among all: the rioplatense countries tie", "Vos tenés que venir mañana, ¿sabés?", nil, "es", []string{"es-AR", "es-UY", "es-PY"}},
		{"Chilean verbal voseo", "¿Cachái? Estái muy cansado, ¿querís ir a la casa?", nil, "es-CL", nil},
		{"Peninsular words against Mexico", "Aparca el coche y coge el móvil, que te espero con el ordenador.", []string{"es-ES", "es-MX"}, "es-ES", nil},
		{"currency: euros", "El billete cuesta 20 € y la entrada 35 euros.", []string{"es-ES", "es-MX"}, "es-ES", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			det := testDetector(t, tt.among...).Detect(tt.text, false)
			checkRanking(t, det)
			if det.Dialect != tt.want {
				t.Errorf("Dialect = %s (margin %v, ranking %v), want %s", det.Dialect, det.Margin, det.Ranking[:3], tt.want)
			}
			if tt.top != nil && !slices.Contains(tt.top, det.Ranking[0].Dialect) {
				t.Errorf("top = %s, want one of %v", det.Ranking[0].Dialect, tt.top)
			}
		})
	}
}

// TestDetectAbstains: texts without regional evidence say "es".
func TestDetectAbstains(t *testing.T) {
	d := testDetector(t)
	d2 := testDetector(t, "es-AR", "es-ES")
	for _, text := range []string{
		"",
		"   ",
		"2024",
		"12.345.678",
		"👍🏽 🇻🇪",
		"https://example.com/a/b",
		"El informe se publicará mañana.",
		"Ustedes tienen razón.",
		"Usted puede pagar en cualquier agencia.",
		"OK",
		"Hola",
	} {
		for _, det := range []Detection{d.Detect(text, false), d2.Detect(text, false)} {
			checkRanking(t, det)
			if !det.Abstained || det.Dialect != "es" {
				t.Errorf("%q: Dialect = %s, margin %v (%v); want an abstention", text, det.Dialect, det.Margin, det.Ranking[:2])
			}
		}
	}
}

// TestDetectNoFalseEvidence: words that look like evidence and are not.
func TestDetectNoFalseEvidence(t *testing.T) {
	d := testDetector(t)
	tests := []struct {
		text string
		kind string // the kind of evidence that must not appear
		word string
	}{
		{"Podemos hablar mañana.", "institution", "Podemos"},
		{"Pan con mantequilla, por favor.", "institution", "Pan"},
		{"Compré pan y leche.", "institution", "pan"},
		{"Nos vemos a las 20.30 en la puerta.", "format", "20.30"},
		{"La reunión es a las 10.30 h.", "format", "10.30"},
		{"El año 2024 fue bueno.", "format", "2024"},
		{"El código es 1.234.", "format", "1.234"},
		{"Guerrero ganó la carrera.", "place", "Guerrero"},
		{"La película VOS se estrena hoy.", "address", "VOS"},
	}
	for _, tt := range tests {
		det := d.Detect(tt.text, true)
		for _, ve := range det.Evidence {
			for _, it := range append(ve.For, ve.Against...) {
				if it.Kind == tt.kind && it.Text == tt.word {
					t.Errorf("%q: %s evidence from %q", tt.text, tt.kind, tt.word)
				}
			}
		}
	}
}

func TestDetectEachFormOnce(t *testing.T) {
	d := testDetector(t, "es-AR", "es-ES")
	one := d.Detect("Vos sabés.", false)
	many := d.Detect("Vos sabés. Vos sabés. Vos sabés. Vos sabés.", false)
	if one.Margin != many.Margin {
		t.Errorf("margin %v for one, %v for the same words four times", one.Margin, many.Margin)
	}
}

func TestDetectExplain(t *testing.T) {
	det := testDetector(t, "es-AR", "es-ES").Detect("Vos tenés razón.", true)
	if len(det.Evidence) != 2 || det.Evidence[0].Dialect != "es-AR" {
		t.Fatalf("evidence = %+v", det.Evidence)
	}
	found := false
	for _, it := range det.Evidence[0].For {
		found = found || it.Kind == "address" && it.Text == "tenés" && it.Weight > 0
	}
	if !found {
		t.Errorf("no address evidence for es-AR from tenés: %+v", det.Evidence[0])
	}
	if plain := testDetector(t, "es-AR", "es-ES").Detect("Vos tenés razón.", false); plain.Evidence != nil {
		t.Error("evidence without explain")
	}
}

func TestDetectOptions(t *testing.T) {
	if _, err := NewDetector(DetectOptions{Among: among(t, "es-AR")}); err == nil {
		t.Error("one candidate: want an error")
	}
	if _, err := NewDetector(DetectOptions{Among: among(t, "es-AR", "es-AR")}); err == nil {
		t.Error("a candidate twice: want an error")
	}
	d, err := NewDetector(DetectOptions{Among: among(t, "es-AR", "es-ES"), Abstain: -1})
	if err != nil {
		t.Fatal(err)
	}
	if det := d.Detect("", false); det.Abstained || det.Dialect == "es" {
		t.Errorf("negative Abstain abstained: %+v", det)
	}
	set, _ := dialects.Load()
	tags := testDetector(t).Tags()
	for _, tag := range tags {
		if strings.Contains(tag, "-u-") || tag == "es" || tag == "es-419" {
			t.Errorf("default candidate %s is not a country", tag)
		}
	}
	if len(tags) != len(CountryProfiles(set)) || !slices.Contains(tags, "es-VE") {
		t.Errorf("default candidates = %v", tags)
	}
}

// fakeScorer is a trained model that is sure of one variety.
type fakeScorer struct {
	tag string
	n   int // scores to return; 0: len(tags)
}

func (f fakeScorer) Score(_ string, _ []token.Token, tags []string, dst []float64) []float64 {
	n := f.n
	if n == 0 {
		n = len(tags)
	}
	for i := range n {
		x := 0.0
		if i < len(tags) && tags[i] == f.tag {
			x = 10
		}
		dst = append(dst, x)
	}
	return dst
}

func TestDetectScorer(t *testing.T) {
	mk := func(s Scorer) *Detector {
		d, err := NewDetector(DetectOptions{Among: among(t, "es-AR", "es-ES", "es-MX"), Scorer: s})
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	if det := mk(fakeScorer{tag: "es-MX"}).Detect("Hola.", true); det.Dialect != "es-MX" {
		t.Errorf("with a model sure of es-MX: %+v", det)
	} else if det.Evidence[0].For[0].Kind != "model" {
		t.Errorf("model evidence not explained: %+v", det.Evidence[0])
	}
	if det := mk(fakeScorer{tag: "es-MX", n: 1}).Detect("Hola.", false); !det.Abstained {
		t.Errorf("a model with the wrong number of scores was used: %+v", det)
	}
}

// TestDetectScorerWeight: the weight multiplies the model's scores, and
// RuleScores leaves the model out.
func TestDetectScorerWeight(t *testing.T) {
	tags := []string{"es-AR", "es-ES", "es-MX"}
	const text = "Tenés razón."
	margin := func(w float64) (float64, []float64) {
		d, err := NewDetector(DetectOptions{Among: among(t, tags...), Scorer: fakeScorer{tag: "es-MX"}, ScorerWeight: w, Abstain: -1})
		if err != nil {
			t.Fatal(err)
		}
		det := d.Detect(text, false)
		return d.P(&det, "es-MX"), d.NewWorker().RuleScores(text, []string{"es-MX", "es-AR", "es-XX"}, nil)
	}
	rules, err := NewDetector(DetectOptions{Among: among(t, tags...), Abstain: -1})
	if err != nil {
		t.Fatal(err)
	}
	want := rules.NewWorker().RuleScores(text, []string{"es-MX", "es-AR", "es-XX"}, nil)
	if want[1] <= want[0] || want[2] != 0 {
		t.Fatalf("rule scores for voseo = %v, want es-AR above es-MX and 0 for an unknown tag", want)
	}
	p0, r0 := margin(0)
	p1, r1 := margin(1)
	p5, r5 := margin(0.05)
	if p0 != p1 {
		t.Errorf("weight 0 (default) gives P(es-MX) %v, weight 1 gives %v", p0, p1)
	}
	if p5 >= p1 {
		t.Errorf("weight 0.05 gives P(es-MX) %v, not below weight 1's %v", p5, p1)
	}
	for _, r := range [][]float64{r0, r1, r5} {
		if !slices.Equal(r, want) {
			t.Errorf("RuleScores with a model = %v, want the rules' own %v", r, want)
		}
	}
	if _, err := NewDetector(DetectOptions{Among: among(t, tags...), ScorerWeight: -1}); err == nil {
		t.Error("a negative weight was accepted")
	}
}

func TestDetectFit(t *testing.T) {
	d := testDetector(t)
	det := d.Detect("Vos tenés razón, ¿viste?", false)
	ar := d.P(&det, "es-AR")
	if got := d.P(&det, "es-419"); got < ar || got > 1 {
		t.Errorf("P(es-419) = %v, want at least P(es-AR) = %v", got, ar)
	}
	if got := d.P(&det, "es"); got != 1 {
		t.Errorf("P(es) = %v, want 1", got)
	}
	ve := d.P(&det, "es-VE")
	if got := d.P(&det, "es-VE-u-sd-vev"); got != ve {
		t.Errorf("P(Zulia) = %v, want P(es-VE) = %v", got, ve)
	}
}

func TestAlignFitAndDetected(t *testing.T) {
	set, _ := dialects.Load()
	es, _ := set.Profile("es-ES")
	lex := builtinLexicon(t)
	d := testDetector(t)
	a, err := New(Options{Target: es, Lexicon: lex, Detector: d})
	if err != nil {
		t.Fatal(err)
	}
	text := "¿Vosotros tenéis coche? Os lo dejo en Madrid."
	res := a.Align(text)
	det := d.Detect(text, false)
	if !res.Detected || res.Fit != d.P(&det, "es-ES") || len(res.Top) != DetectedTop || res.Top[0].Dialect != "es-ES" {
		t.Errorf("fit %v detected %v; Detect says %v", res.Fit, res.Top, det.Ranking[:3])
	}
	js := string(res.AppendJSON(nil))
	if !strings.Contains(js, `"naturalness":100,"fit":`) || !strings.Contains(js, `"detected":[{"dialect":"es-ES","p":`) {
		t.Errorf("record = %s", js)
	}
	plain, _ := New(Options{Target: es, Lexicon: lex})
	pres := plain.Align(text)
	if js := string(pres.AppendJSON(nil)); strings.Contains(js, "fit") || strings.Contains(js, "detected") {
		t.Errorf("without a Detector: %s", js)
	}
}

func TestRoundToSum(t *testing.T) {
	for _, ps := range [][]float64{
		{1}, {0.5, 0.5}, {1.0 / 3, 1.0 / 3, 1.0 / 3}, {0.9995, 0.0005}, {0.2, 0.2, 0.2, 0.2, 0.2},
		{0.1234, 0.1233, 0.1233, 0.1, 0.1, 0.1, 0.1, 0.1, 0.13},
	} {
		got, _, _ := roundToSum(nil, nil, nil, ps, 1000)
		sum := 0
		for i, u := range got {
			sum += u
			if i > 0 && ps[i] <= ps[i-1] && u > got[i-1] {
				t.Errorf("%v → %v: order broken", ps, got)
			}
		}
		if sum != 1000 {
			t.Errorf("%v → %v sums to %d", ps, got, sum)
		}
	}
}

// TestProbabilitiesByGroup holds probabilities, which works once per
// distinct score, to the candidate-by-candidate ranking and rounding
// (probabilitiesRef), to the bit, on score vectors with many ties, as
// evidence makes them.
func TestProbabilitiesByGroup(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, n := range []int{2, 3, 22, 40} {
		d := &Detector{tags: make([]string, n)}
		sc := newScratch(d)
		for range 3000 {
			// A few distinct values, some close together, some far.
			vals := make([]float64, 1+rng.IntN(6))
			for k := range vals {
				vals[k] = float64(rng.IntN(40)-20) / 4
				if rng.IntN(3) == 0 {
					vals[k] += rng.NormFloat64() * 3
				}
			}
			for i := range n {
				sc.score[i] = vals[rng.IntN(len(vals))]
			}
			wantIdx, wantMilli, wantTop := probabilitiesRef(sc.score[:n])
			top := d.probabilities(&sc)
			if top != wantTop || !slices.Equal(sc.idx, wantIdx) || !slices.Equal(sc.milli, wantMilli) {
				t.Fatalf("scores %v:\ngot  top %v idx %v milli %v\nwant top %v idx %v milli %v",
					sc.score[:n], top, sc.idx, sc.milli, wantTop, wantIdx, wantMilli)
			}
		}
	}
}

// probabilitiesRef ranks the scores candidate by candidate (a stable sort,
// best first) and rounds their probabilities to thousandths with
// roundToSum: what probabilities computed before it worked by group.
func probabilitiesRef(score []float64) (idx, milli []int, top float64) {
	for i := range score {
		idx = append(idx, i)
	}
	sortByKeyDesc(idx, score)
	top = score[idx[0]]
	var ps []float64
	sum := 0.0
	for k, i := range idx {
		e := math.Exp(score[i] - top)
		if k > 0 && score[i] == score[idx[k-1]] {
			e = ps[k-1]
		}
		ps = append(ps, e)
		sum += e
	}
	for k := range ps {
		ps[k] /= sum
	}
	milli, _, _ = roundToSum(nil, nil, nil, ps, 1000)
	return idx, milli, top
}

// roundToSum appends ps (summing to 1, in decreasing order) rounded to
// whole units of 1/n that sum to n, by the largest remainder, so that the
// rounded probabilities keep their order and still sum to 1. order and
// rem are scratch space.
func roundToSum(dst, order []int, rem, ps []float64, n int) ([]int, []int, []float64) {
	left := n
	order, rem = order[:0], rem[:0]
	for i, p := range ps {
		x := p * float64(n)
		u := int(math.Floor(x))
		dst = append(dst, u)
		left -= u
		rem = append(rem, x-float64(u))
		order = append(order, i)
	}
	if left <= 0 {
		return dst, order, rem
	}
	sortByKeyDesc(order, rem)
	for _, i := range order[:min(left, len(order))] {
		dst[i]++
	}
	return dst, order, rem
}

// sortByKeyDesc sorts the indices idx by key[i], largest first, keeping
// the order of equal keys: an insertion sort, fastest for the two dozen
// candidates a detector has.
func sortByKeyDesc(idx []int, key []float64) {
	for i := 1; i < len(idx); i++ {
		x := idx[i]
		j := i
		for ; j > 0 && key[idx[j-1]] < key[x]; j-- {
			idx[j] = idx[j-1]
		}
		idx[j] = x
	}
}

func TestNumberStyle(t *testing.T) {
	for s, want := range map[string]byte{
		"3,5": ',', "1.234,56": ',', "1.234.567": ',', "3.5": '.', "1,234.56": '.', "1,234,567": '.',
		"1.234": 0, "1,234": 0, "2024": 0, "10:30": 0, "12/05/2024": 0, "2024-05-12": 0, "-3,5": ',',
	} {
		if got := numberStyle(s); got != want {
			t.Errorf("numberStyle(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestCuesAndPlacesLoad(t *testing.T) {
	rows, err := loadedCues()
	if err != nil || len(rows) < 1000 {
		t.Fatalf("cues: %d rows, %v", len(rows), err)
	}
	names, err := loadedPlaces()
	if err != nil || len(names) < 500 {
		t.Fatalf("places: %d names, %v", len(names), err)
	}
	set, _ := dialects.Load()
	for key, n := range names {
		for _, tag := range n.tags {
			if _, ok := set.Profile(tag); !ok {
				t.Errorf("places.yaml: %q: unknown variety %s", key, tag)
			}
		}
	}
	if _, err := parseCues("word\tsource\tes-AR\nx\ty\n"); err == nil {
		t.Error("a short row: want an error")
	}
	if _, err := parseCues("word\tsource\tes-AR\tes-ES\nx\ty\tnan?\t1\n"); err == nil {
		t.Error("a bad weight: want an error")
	}
	if _, err := parseCues("no header\n"); err == nil {
		t.Error("no header: want an error")
	}
}

func BenchmarkDetect(b *testing.B) {
	d, err := NewDetector(DetectOptions{Lexicon: builtinLexicon(b)})
	if err != nil {
		b.Fatal(err)
	}
	w := d.NewWorker()
	text := "Para renovar el pasaporte hay que pedir una cita en la página oficial y llevar la cédula vigente."
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		w.Detect(text, false)
	}
}

// BenchmarkNewDetector is what a run pays before its first record: the
// lexicon's levels per candidate, the cue words and the names.
func BenchmarkNewDetector(b *testing.B) {
	lex := builtinLexicon(b)
	for b.Loop() {
		if _, err := NewDetector(DetectOptions{Lexicon: lex}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAlignDetect is BenchmarkAlignNoFindings with a Detector: the
// difference is what fit and detected cost on the align path.
func BenchmarkAlignDetect(b *testing.B) {
	set, _ := dialects.Load()
	ve, _ := set.Profile("es-VE")
	lex := builtinLexicon(b)
	d, err := NewDetector(DetectOptions{Lexicon: lex})
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		det  *Detector
	}{{"detect", d}, {"none", nil}} {
		b.Run(c.name, func(b *testing.B) {
			a, err := New(Options{Target: ve, Lexicon: lex, Detector: c.det})
			if err != nil {
				b.Fatal(err)
			}
			w := a.NewWorker()
			text := "Para renovar el pasaporte hay que pedir una cita en la página oficial y llevar la cédula vigente. Si tienes dudas, escríbeme."
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				w.Align(text)
			}
		})
	}
}

// TestDetectRegion: an abstention names the region the close varieties
// share, and only one narrower than "es".
func TestDetectRegion(t *testing.T) {
	all := testDetector(t)
	two := testDetector(t, "es-AR", "es-ES")
	for _, tt := range []struct {
		d                *Detector
		text, dialect, r string
	}{
		{all, "Mirá, si vos querés, vení mañana y lo charlamos.", "es", "rioplatense"},
		{two, "Mirá, si vos querés, vení mañana y lo charlamos.", "es-AR", ""},
		{all, "Hola", "es", ""},
		{two, "Ustedes tienen razón.", "es", ""},
	} {
		det := tt.d.Detect(tt.text, false)
		if det.Dialect != tt.dialect || det.Region != tt.r {
			t.Errorf("%q among %d: dialect %s, region %q (%v); want %s, %q", tt.text, len(tt.d.tags), det.Dialect, det.Region, det.Ranking[:min(3, len(det.Ranking))], tt.dialect, tt.r)
		}
		if det.Region != "" && !det.Abstained {
			t.Errorf("%q: a region without an abstention", tt.text)
		}
	}
}

// TestAlignDetectedAsDetect wants Align's fit and detected to be what
// Detect's ranking says (Worker.detect computes them without building
// the ranking), for texts of several varieties and targets.
func TestAlignDetectedAsDetect(t *testing.T) {
	set, _ := dialects.Load()
	lex := builtinLexicon(t)
	d := testDetector(t)
	texts := []string{
		"¿Vosotros tenéis coche? Os lo dejo en Madrid.",
		"Che, ¿vos querés venir al asado? Tomate el colectivo en Buenos Aires.",
		"Ahorita te marco al celular, güey; la computadora está en la recámara.",
		"El carro está en el estacionamiento; llámame al 0414-555-1234.",
		"Hola.",
		"",
		"Pagué 1.250,50 euros por el piso y 35 $ por la nevera.",
	}
	for _, tag := range []string{"es-ES", "es-AR", "es-MX", "es-VE", "es-419"} {
		p, err := set.Resolve(tag)
		if err != nil {
			t.Fatal(err)
		}
		a, err := New(Options{Target: p, Lexicon: lex, Detector: d})
		if err != nil {
			t.Fatal(err)
		}
		w := a.NewWorker()
		for _, text := range texts {
			res := w.Align(text)
			det := d.Detect(text, false)
			n := min(DetectedTop, len(det.Ranking))
			if res.Fit != d.P(&det, p.Tag) || !slices.Equal(res.Top, det.Ranking[:n]) {
				t.Errorf("%s, %q: fit %v detected %v; Detect says fit %v, %v", tag, text, res.Fit, res.Top, d.P(&det, p.Tag), det.Ranking[:n])
			}
		}
	}
}

// TestOnceCue holds onceCue, which remembers each cue word's first form
// by the word's index, to once("cue", text): each form counts once per
// text, another form of the same word (Che, che) counts again, and a new
// text forgets them.
func TestOnceCue(t *testing.T) {
	d := testDetector(t)
	sc := newScratch(d)
	fast, slow := &sc, &scratch{seen: map[seenKey]bool{}}
	id := 7
	for k, step := range []string{"che", "che", "Che", "Che", "che", "CHE", "", "Che", "che", "Che"} {
		if step == "" {
			fast.resetSeen()
			slow.resetSeen()
			continue
		}
		if got, want := fast.onceCue(id, step), slow.once("cue", step); got != want {
			t.Errorf("step %d (%q): onceCue %v, once %v", k, step, got, want)
		}
	}
}

// TestPlacesBadName wants a name places.yaml cannot key (a number in it:
// Página/12 would be keyed "página") reported with the file, line and
// column, and every such name, not only the first.
func TestPlacesBadName(t *testing.T) {
	data := []byte(`sources: [test]
countries:
  - tag: es-AR
    places: [Córdoba]
    organizations:
      - Clarín
      - Página/12
  - tag: es-ES
    people: ["Felipe 6"]
`)
	_, err := parsePlaces(data)
	if err == nil {
		t.Fatal("names with numbers: want an error")
	}
	for _, want := range []string{placesPath + ":7:9: ", `"Página/12"`, placesPath + ":9:14: ", `"Felipe 6"`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q: want %q in it", err, want)
		}
	}
	if _, err := parsePlaces([]byte("sources: [test]\ncountries:\n  - tag: es-AR\n    places: [Córdoba, San Juan]\n")); err != nil {
		t.Errorf("good names: %v", err)
	}
}
