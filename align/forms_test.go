package align

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var updateForms = flag.Bool("update-forms", false, "rewrite testdata/forms_table.golden")

// formBrief is a reading reduced to what the tests compare.
type formBrief struct {
	Lemma, Tense, Clitic string
	Systems              System
	Homograph, Note      string
}

func briefForms(rs []FormReading) []formBrief {
	var out []formBrief
	for _, r := range rs {
		p := r.Paradigm
		out = append(out, formBrief{p.Lemma, p.Tense, p.Clitic, r.Systems, r.Homograph, r.Note})
	}
	return out
}

func TestLookupForm(t *testing.T) {
	const (
		vosAll   = VoseoRioplatense | VoseoChilean | VoseoZulian | Vosotros
		third    = "la forma de él, ella o usted (presente de mirar)"
		marked   = "forma marcada: la norma culta usa la del tuteo (tengas)"
		cuentas  = "el sustantivo «cuentas» (plural de cuenta)"
		unstress = "grafía informal sin tilde"
	)
	tests := []struct {
		in   string
		want []formBrief
	}{
		{"tienes", []formBrief{{"tener", "present", "", Tuteo, "", ""}}},
		{"tenés", []formBrief{{"tener", "present", "", VoseoRioplatense, "", ""}}},
		{"tenís", []formBrief{{"tener", "present", "", VoseoChilean, "", ""}}},
		{"tenéis", []formBrief{{"tener", "present", "", VoseoZulian | Vosotros, "", ""}}},
		{"sos", []formBrief{{"ser", "present", "", VoseoRioplatense, "", ""}}},
		{"sois", []formBrief{{"ser", "present", "", VoseoZulian | Vosotros, "", ""}}},
		{"eres", []formBrief{{"ser", "present", "", Tuteo, "", ""}}},
		{"erís", []formBrief{{"ser", "present", "", VoseoChilean, "", ""}}},
		{"soi", []formBrief{{"ser", "present", "", VoseoChilean, "", ""}}},
		{"estás", []formBrief{{"estar", "present", "", Tuteo | VoseoRioplatense, "", ""}}},
		{"estái", []formBrief{{"estar", "present", "", VoseoChilean, "", ""}}},
		{"estai", []formBrief{{"estar", "present", "", VoseoChilean, "", unstress}}},
		// Chile shares -ís with voseo and vosotros in -ir verbs.
		{"vivís", []formBrief{{"vivir", "present", "", vosAll, "", ""}}},
		{"tuvisteis", []formBrief{{"tener", "preterite", "", Vosotros, "", ""}}},
		{"tuviste", []formBrief{{"tener", "preterite", "", Tuteo | VoseoRioplatense | VoseoChilean, "", ""}}},
		{"tengáis", []formBrief{{"tener", "subjunctive", "", VoseoZulian | Vosotros, "", ""}}},
		{"tengas", []formBrief{{"tener", "subjunctive", "", Tuteo | VoseoRioplatense, "", ""}}},
		{"tengás", []formBrief{{"tener", "subjunctive", "", VoseoRioplatense, "", marked}}},
		{"tendréis", []formBrief{{"tener", "future", "", Vosotros, "", ""}}},
		{"siéntate", []formBrief{{"sentar", "imperative", "te", Tuteo | VoseoChilean, "", ""}}},
		{"sentate", []formBrief{{"sentar", "imperative", "te", VoseoRioplatense, "", ""}}},
		{"sentaos", []formBrief{{"sentar", "imperative", "te", Vosotros, "", ""}}},
		{"decime", []formBrief{{"decir", "imperative", "me", VoseoRioplatense, "", ""}}},
		{"dímelo", []formBrief{{"decir", "imperative", "melo", Tuteo | VoseoChilean, "", ""}}},
		{"mirá", []formBrief{{"mirar", "imperative", "", VoseoRioplatense, "", ""}}},
		{"mira", []formBrief{{"mirar", "imperative", "", Tuteo | VoseoChilean, third, ""}}},
		{"cuentas", []formBrief{{"contar", "present", "", Tuteo, cuentas, ""}}},
		{"andá", []formBrief{
			{"ir", "imperative", "", VoseoRioplatense, "", ""},
			{"andar", "imperative", "", VoseoRioplatense, "", ""},
		}},
		{"fuiste", []formBrief{
			{"ser", "preterite", "", Tuteo | VoseoRioplatense | VoseoChilean, "", ""},
			{"ir", "preterite", "", Tuteo | VoseoRioplatense | VoseoChilean, "", ""},
		}},
		{"viví", []formBrief{{"vivir", "imperative", "", VoseoRioplatense,
			"la forma de yo (pretérito perfecto simple de vivir)", ""}}},
		{"iros", []formBrief{{"ir", "imperative", "te", Vosotros, "",
			"forma coloquial frecuente; la tradicional es «idos»"}}},
		{"preocupés", []formBrief{{"preocupar", "subjunctive", "", VoseoRioplatense, "",
			"forma marcada: la norma culta usa la del tuteo (preocupes)"}}},
		{"preocupís", []formBrief{{"preocupar", "subjunctive", "", VoseoChilean, "", ""}}},
		// Accents decide: the folded and the capitalised forms are not looked up.
		{"tenes", nil},
		{"Tenés", nil},
		{"xyzzy", nil},
		// ustedes and usted forms mark nothing.
		{"tienen", nil},
		{"siéntense", nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, briefForms(LookupForm(tt.in))); diff != "" {
			t.Errorf("LookupForm(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestLookupFormSuggestions(t *testing.T) {
	tests := []struct {
		in   string
		to   System
		want string
	}{
		{"tenéis", Ustedes, "tienen"},
		{"tienes", VoseoRioplatense, "tenés"},
		{"sentaos", Ustedes, "siéntense"},
		{"sentaos", VoseoRioplatense, "sentate"},
		{"decidme", Tuteo, "dime"},
		{"tengáis", VoseoRioplatense, "tengas"}, // the cultured norm, not tengás
		{"id", VoseoRioplatense, "andá"},
		{"tuvisteis", Ustedes, "tuvieron"},
		{"podéis", Usted, "puede"},
	}
	for _, tt := range tests {
		rs := LookupForm(tt.in)
		if len(rs) == 0 {
			t.Errorf("LookupForm(%q): no readings", tt.in)
			continue
		}
		if got := rs[0].Paradigm.Forms[tt.to]; got != tt.want {
			t.Errorf("LookupForm(%q)[0].Paradigm.Forms[%v] = %q, want %q", tt.in, tt.to, got, tt.want)
		}
	}
}

// TestFormSuggestionsExist checks that align can always suggest: every
// paradigm has a tú form, and an ustedes form wherever it has a vosotros
// form.
func TestFormSuggestionsExist(t *testing.T) {
	for _, p := range loadedForms().paradigms {
		if p.Forms[Tuteo] == "" {
			t.Errorf("%s %s %s: no tú form", p.Lemma, p.Tense, p.Clitic)
		}
		if p.Forms[Vosotros] != "" && p.Forms[Ustedes] == "" {
			t.Errorf("%s %s %s: vosotros %q without an ustedes form", p.Lemma, p.Tense, p.Clitic, p.Forms[Vosotros])
		}
	}
}

// TestFormReadings checks the index against the paradigms: every marker
// form is indexed with its system, and no reading claims ustedes or usted.
func TestFormReadings(t *testing.T) {
	tb := loadedForms()
	for _, p := range tb.paradigms {
		for s, f := range p.Forms {
			if s&formsMarkers == 0 {
				continue
			}
			i := slices.IndexFunc(LookupForm(f), func(r FormReading) bool { return r.Paradigm == p })
			if i < 0 || LookupForm(f)[i].Systems&s == 0 {
				t.Errorf("%s %s: %v form %q is not indexed with its system", p.Lemma, p.Tense, s, f)
			}
		}
	}
	for f, rs := range tb.byForm {
		for _, r := range rs {
			if r.Systems == 0 || r.Systems&^formsMarkers != 0 {
				t.Errorf("%q: reading of %s %s has systems %v", f, r.Paradigm.Lemma, r.Paradigm.Tense, r.Systems)
			}
		}
	}
	if len(tb.sources) == 0 {
		t.Error("table has no sources")
	}
	if tb.verbs < 80 || len(tb.byForm) < 1000 {
		t.Errorf("table has %d verbs and %d surfaces; want at least 80 and 1000", tb.verbs, len(tb.byForm))
	}
}

func TestSystemString(t *testing.T) {
	tests := map[System]string{
		0:                          "none",
		Tuteo:                      "tuteo",
		Tuteo | VoseoRioplatense:   "tuteo|voseo-rioplatense",
		VoseoZulian | Vosotros:     "voseo-zulian|vosotros",
		Ustedes | Usted:            "ustedes|usted",
		VoseoChilean | System(128): "voseo-chilean|0x80",
	}
	for s, want := range tests {
		if got := s.String(); got != want {
			t.Errorf("System(%#x).String() = %q, want %q", uint8(s), got, want)
		}
	}
}

// TestFormsGolden keeps the whole table, derived forms included, in a file
// a linguist can review; go test -run FormsGolden -update-forms rewrites it.
func TestFormsGolden(t *testing.T) {
	var b strings.Builder
	tb := loadedForms()
	for _, p := range tb.paradigms {
		fmt.Fprintf(&b, "%s %s", p.Lemma, p.Tense)
		if p.Clitic != "" {
			fmt.Fprintf(&b, " +%s", p.Clitic)
		}
		for _, fs := range formSystems {
			if f := p.Forms[fs.sys]; f != "" {
				fmt.Fprintf(&b, " %s=%s", fs.key, f)
			}
		}
		for _, a := range tb.variants[p] {
			fmt.Fprintf(&b, " [%s=%s", formSystems[formSystemBit(a.sys)].key, a.form)
			if a.note != "" {
				fmt.Fprintf(&b, ": %s", a.note)
			}
			b.WriteByte(']')
		}
		b.WriteByte('\n')
	}
	golden := filepath.Join("testdata", "forms_table.golden")
	if *updateForms {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), b.String()); diff != "" {
		t.Errorf("table differs from %s (-want +got); rerun with -update-forms if intended:\n%s", golden, diff)
	}
}

func formSystemBit(s System) int {
	for i, fs := range formSystems {
		if fs.sys == s {
			return i
		}
	}
	return -1
}

func TestLookupFormAllocs(t *testing.T) {
	LookupForm("tenés")
	if n := testing.AllocsPerRun(100, func() { LookupForm("tenés"); LookupForm("xyzzy") }); n != 0 {
		t.Errorf("LookupForm allocates %v times per call", n)
	}
}

func BenchmarkLookupForm(b *testing.B) {
	words := strings.Fields("Vos sabés que tenés que venir y no me digas que no podés porque hoy " +
		"tenéis una cita con vuestras amigas mirá sentate decime cuentas preguntas xyzzy")
	for i, w := range words {
		words[i] = strings.ToLower(w)
	}
	LookupForm("tenés")
	var n int
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			n += len(LookupForm(w))
		}
	}
	_ = n
}

func TestFormsLoadErrors(t *testing.T) {
	const head = "sources:\n  - {id: dpd, cite: DPD}\nverbs:\n"
	tests := []struct{ name, yaml, want string }{
		{"bad field", head + "  - lemma: hablar\n    lema: hablar\n",
			`align/data/forms.yaml:5:5: unknown field "lema" in verb (want one of lemma, stem, skip, tenses, enclitic, note, sources)`},
		{"bad system", head + "  - lemma: ser\n    tenses:\n      present: {tu: eres, voz: sos}\n",
			`align/data/forms.yaml:6:27: unknown field "voz" in present (want one of tu, vos, vos-cl, vos-zu, vosotros, ustedes, usted, alt, alt-note, note)`},
		{"bad tense", head + "  - lemma: ser\n    tenses:\n      presente: {tu: eres}\n",
			`align/data/forms.yaml:6:7: unknown field "presente" in tenses (want one of present, imperative, preterite, imperfect, future, conditional, subjunctive)`},
		{"not a word", head + "  - lemma: ser\n    tenses:\n      present: {tu: Eres}\n",
			`align/data/forms.yaml:6:21: present: tu: "Eres" is not a lowercase word`},
		{"decomposed accent", head + "  - lemma: ser\n    tenses:\n      present: {tu: eres, vos: so\u0301s}\n",
			"align/data/forms.yaml:6:32: present: vos: \"so\u0301s\" is not in NFC (write accented letters precomposed)"},
		{"null form", head + "  - lemma: ser\n    tenses:\n      present: {tu: eres, vos: }\n",
			`align/data/forms.yaml:6:32: present: vos: want a string, got nothing`},
		{"no ustedes", head + "  - lemma: ser\n    tenses:\n      present: {tu: eres, vosotros: sois}\n",
			`align/data/forms.yaml:6:16: present: a vosotros form needs an ustedes form to suggest`},
		{"no tu", head + "  - lemma: hablar\n    enclitic:\n      - {clitic: me, vos: hablame}\n",
			`align/data/forms.yaml:6:9: enclitic: missing tu (every row has a tú form)`},
		{"alt without main", head + "  - lemma: ser\n    tenses:\n      present: {tu: eres, alt: {vos: sos}}\n",
			`align/data/forms.yaml:6:38: present: alt: vos: a variant needs the main vos form`},
		{"bad stem", head + "  - {lemma: pensar, stem: ei}\n",
			`align/data/forms.yaml:4:27: verb: stem: "ei" is not a stem change (want ie, ue or i)`},
		{"i stem on -ar", head + "  - {lemma: pensar, stem: i}\n",
			`align/data/forms.yaml:4:13: verb pensar: stem change i is for -ir verbs`},
		{"not an infinitive", head + "  - {lemma: hablo}\n",
			`align/data/forms.yaml:4:13: verb: lemma "hablo" is not an infinitive in -ar, -er or -ir`},
		{"duplicate lemma", head + "  - {lemma: hablar}\n  - {lemma: hablar}\n",
			`align/data/forms.yaml:5:13: verb: duplicate lemma "hablar"`},
		{"skipped and listed", head + "  - lemma: ser\n    skip: [present]\n    tenses:\n      present: {tu: eres}\n",
			`align/data/forms.yaml:4:5: verb ser: present is both skipped and listed`},
		{"unknown source", head + "  - {lemma: hablar, sources: [ngle]}\n",
			`align/data/forms.yaml:4:31: verb hablar: unknown source "ngle"`},
		{"stale homograph", head + "  - {lemma: hablar}\nhomographs:\n  hablo: la forma de yo\n",
			`align/data/forms.yaml:6:3: homograph "hablo" is not a form in the table`},
		{"duplicate key", head + "  - lemma: ser\n    lemma: estar\n",
			`align/data/forms.yaml:5:5: verb: duplicate field "lemma"`},
		{"anchor", head + "  - lemma: hablar\n    tenses:\n      present: &p {tu: hablas}\n      future: *p\n",
			`align/data/forms.yaml:7:15: future: want a mapping, got an alias (anchors are not supported)`},
		{"syntax", "sources: [\n", `align/data/forms.yaml:1: did not find expected node content`},
		{"empty", "", `align/data/forms.yaml: empty file: want a mapping with sources and verbs`},
		{"no verbs", "sources:\n  - {id: dpd, cite: DPD}\n", `align/data/forms.yaml:1:1: the file: want a non-empty verbs list`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadForms(formsPath, []byte(tt.yaml))
			if err == nil {
				t.Fatalf("loaded without error, want %s", tt.want)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("error:\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestFormsLoadMinimal(t *testing.T) {
	const data = "sources:\n  - {id: dpd, cite: DPD}\nverbs:\n  - {lemma: hablar}\n"
	tb, err := loadForms("mini.yaml", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if tb.verbs != 1 || len(tb.paradigms) != len(formsTenses) {
		t.Errorf("got %d verbs and %d paradigms, want 1 and %d", tb.verbs, len(tb.paradigms), len(formsTenses))
	}
	if got := tb.byForm["hablás"]; len(got) != 1 || got[0].Systems != VoseoRioplatense {
		t.Errorf("hablás: got %+v", got)
	}
}

func FuzzFormsLoad(f *testing.F) {
	f.Add([]byte("sources:\n  - {id: dpd, cite: DPD}\nverbs:\n  - {lemma: hablar, stem: ie}\n"))
	f.Add([]byte("sources:\n  - {id: a, cite: b}\nverbs:\n  - lemma: ir\n    tenses:\n      present: {tu: vas, alt: {vos-cl: vai}}\n"))
	f.Add(formsYAML)
	f.Fuzz(func(t *testing.T, data []byte) {
		tb, err := loadForms(formsPath, data)
		if err == nil && tb == nil {
			t.Fatal("nil table without an error")
		}
		if err != nil && !strings.HasPrefix(err.Error(), formsPath) {
			t.Fatalf("error without the path: %v", err)
		}
	})
}

// TestFormRelations checks every paradigm, listed or derived, against the
// systematic relations between the systems (the DPD's "vosotros without its
// -i-", ustedes = tú with -n, ...), so that a typo in a listed tense shows.
// The exceptions are the real irregularities.
func TestFormRelations(t *testing.T) {
	except := map[string]bool{
		"ser present usted": true, "ser present ustedes": true, "ser present vos-cl": true,
		"haber present vos": true, "ser imperative vos": true, "ir imperative vos": true,
		"dar subjunctive usted": true,
	}
	tb := loadedForms()
	for _, p := range tb.paradigms {
		if p.Clitic != "" {
			continue
		}
		for _, c := range formRelations(p, tb) {
			key := p.Lemma + " " + p.Tense + " " + c.key
			got := p.Forms[c.sys]
			switch {
			case got == "" || c.ok(got):
			case except[key]:
				delete(except, key)
			default:
				t.Errorf("%s: %q, want %q", key, got, c.want)
			}
		}
	}
	for key := range except {
		t.Errorf("exception %q is not needed", key)
	}
}

// formCheck is one relation: the form of sys should be want (or one of
// the variants when ok says so).
type formCheck struct {
	key  string
	sys  System
	want string
	ok   func(string) bool
}

func formRelations(p *Paradigm, tb *formTable) []formCheck {
	f := p.Forms
	tu, vosotros := f[Tuteo], f[Vosotros]
	is := func(key string, sys System, want string) formCheck {
		variants := []string{want}
		for _, a := range tb.variants[p] {
			if a.sys == sys {
				variants = append(variants, a.form)
			}
		}
		return formCheck{key, sys, want, func(got string) bool { return slices.Contains(variants, got) }}
	}
	var cs []formCheck
	if vosotros != "" && p.Tense != "imperative" && p.Tense != "preterite" {
		cs = append(cs, is("vos-cl", VoseoChilean, formChileanOf(vosotros)))
	}
	switch p.Tense {
	case "present":
		cs = append(cs, is("vos", VoseoRioplatense, formDropI(vosotros)), is("vos-zu", VoseoZulian, vosotros))
	case "imperative":
		subj := formFind(tb, p.Lemma, "subjunctive")
		cs = append(cs, is("vos", VoseoRioplatense, formVosImperative(vosotros)), is("vos-cl", VoseoChilean, tu),
			is("ustedes", Ustedes, subj.Forms[Ustedes]), is("usted", Usted, subj.Forms[Usted]))
		return cs
	case "preterite":
		cs = append(cs, is("vosotros", Vosotros, tu+"is"), is("vos-cl", VoseoChilean, tu))
	case "subjunctive":
		cs = append(cs, is("vos-zu", VoseoZulian, vosotros))
	}
	if p.Tense != "preterite" {
		stem := strings.TrimSuffix(tu, "s")
		cs = append(cs, is("ustedes", Ustedes, stem+"n"), is("usted", Usted, stem))
	}
	if p.Tense != "present" {
		cs = append(cs, is("vos", VoseoRioplatense, tu))
	}
	return cs
}

func formFind(tb *formTable, lemma, tense string) *Paradigm {
	for _, p := range tb.paradigms {
		if p.Lemma == lemma && p.Tense == tense && p.Clitic == "" {
			return p
		}
	}
	return &Paradigm{}
}

// formDropI is the DPD's rule for the vos present: the vosotros form
// without its -i- (tenéis → tenés, sois → sos; vivís stays).
func formDropI(s string) string {
	if t, ok := strings.CutSuffix(s, "is"); ok {
		return t + "s"
	}
	return s
}

// formChileanOf is the Chilean form beside a vosotros form: -éis → -ís,
// -áis → -ái (the -s dropped), -ís unchanged.
func formChileanOf(s string) string {
	if t, ok := strings.CutSuffix(s, "éis"); ok {
		return t + "ís"
	}
	if t, ok := strings.CutSuffix(s, "is"); ok {
		return t + "i"
	}
	return s
}

// formVosImperative is the vosotros imperative without its -d, with the
// written accent a final stressed vowel takes (tened → tené, dad → da).
func formVosImperative(s string) string {
	s = strings.TrimSuffix(s, "d")
	if strings.IndexFunc(s, func(r rune) bool { return strings.ContainsRune("aeiouáéíóú", r) }) ==
		strings.LastIndexFunc(s, func(r rune) bool { return strings.ContainsRune("aeiouáéíóú", r) }) {
		return s // a monosyllable: da, ve
	}
	accent := map[byte]string{'a': "á", 'e': "é", 'i': "í"}
	if a, ok := accent[s[len(s)-1]]; ok {
		return s[:len(s)-1] + a
	}
	return s
}
