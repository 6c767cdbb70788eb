package align

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/habla-es/habla/dialects"
)

func aligner(t testing.TB, tag string) *Aligner {
	t.Helper()
	set, err := dialects.Load()
	if err != nil {
		t.Fatal(err)
	}
	p, err := set.Resolve(tag)
	if err != nil {
		t.Fatal(err)
	}
	a, err := New(Options{Target: p})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// brief is a finding reduced to what the tests compare.
type brief struct {
	Text, Rule  string
	Severity    Severity
	Suggestions []string
}

func briefs(fs []Finding) []brief {
	var out []brief
	for _, f := range fs {
		out = append(out, brief{f.Text, f.Rule, f.Severity, f.Suggestions})
	}
	return out
}

func TestAddress(t *testing.T) {
	tests := []struct {
		target, text string
		want         []brief
	}{
		{"es-VE", "¿Vosotros tenéis coche?", []brief{
			{"Vosotros", "address/vosotros-pronoun", Major, []string{"Ustedes"}},
			{"tenéis", "address/vosotros-verb", Major, []string{"tienen"}},
		}},
		{"es-VE", "Os lo explico con vuestras notas.", []brief{
			{"Os", "address/vosotros-clitic", Major, []string{"Les", "Los", "Las", "Se"}},
			{"vuestras", "address/vosotros-possessive", Major, []string{"sus", "de ustedes"}},
		}},
		{"es-ES", "¿Vosotros tenéis coche? Os lo dejo.", nil},
		{"es-ES-u-sd-escn", "¿Vosotros tenéis coche?", []brief{
			{"Vosotros", "address/vosotros-pronoun", Major, []string{"Ustedes"}},
			{"tenéis", "address/vosotros-verb", Major, []string{"tienen"}},
		}},
		{"es-VE", "Vos sabés que para vos siempre hay tiempo.", []brief{
			{"Vos", "address/voseo-pronoun", Major, []string{"Tú"}},
			{"sabés", "address/voseo-verb", Major, []string{"sabes"}},
			{"vos", "address/voseo-pronoun", Major, []string{"ti"}},
		}},
		{"es-MX", "Cuento con vos.", []brief{
			{"con vos", "address/voseo-pronoun", Major, []string{"contigo"}},
		}},
		{"es-AR", "¿Tú tienes tiempo? Es para ti.", []brief{
			{"Tú", "address/tuteo-pronoun", Major, []string{"Vos"}},
			{"tienes", "address/tuteo-verb", Major, []string{"tenés"}},
			{"ti", "address/tuteo-pronoun", Major, []string{"vos"}},
		}},
		{"es-AR", "Vos tenés razón, sentate.", nil},
		{"es-AR", "Usted tiene razón.", nil},
		// Zulia: vos with the vosotros diphthong is at home.
		{"es-VE-u-sd-vev", "Vos sabéis que tenéis razón.", nil},
		// Caracas: the same form is singular voseo by context.
		{"es-VE", "Vos sabéis que sí.", []brief{
			{"Vos", "address/voseo-pronoun", Major, []string{"Tú"}},
			{"sabéis", "address/vosotros-verb", Major, []string{"sabes"}},
		}},
		// Hablas (tú) and hablás (vos) differ only in the accent.
		{"es-AR", "Hablás muy bien.", nil},
		{"es-AR", "Hablas muy bien.", []brief{{"Hablas", "address/tuteo-verb", Major, []string{"Hablás"}}}},
		// Antioquia accepts both; mixing them in one text is a minor finding.
		{"es-CO-u-sd-coant", "Tú sabes que vos tenés que venir y vos podés.", []brief{
			{"Tú", "address/mixed", Minor, []string{"Vos"}},
		}},
		// Acronyms are not pronouns.
		{"es-VE", "Instale el OS y la VOS.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.target+"/"+tt.text, func(t *testing.T) {
			res := aligner(t, tt.target).Align(tt.text)
			if diff := cmp.Diff(tt.want, briefs(res.Findings)); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}

func TestOffsets(t *testing.T) {
	text := "👍🏽 Cafe\u0301 con vos, ¿vosotros?"
	res := aligner(t, "es-VE").Align(text)
	if len(res.Findings) != 2 {
		t.Fatalf("got %d findings, want 2", len(res.Findings))
	}
	for _, f := range res.Findings {
		if got := text[f.ByteStart:f.ByteEnd]; got != f.Text {
			t.Errorf("bytes %d:%d = %q, want %q", f.ByteStart, f.ByteEnd, got, f.Text)
		}
		runes := []rune(text)
		if got := string(runes[f.Start:f.End]); got != f.Text {
			t.Errorf("code points %d:%d = %q, want %q", f.Start, f.End, got, f.Text)
		}
		if f.Start != utf8.RuneCountInString(text[:f.ByteStart]) {
			t.Errorf("start %d does not match byte start %d", f.Start, f.ByteStart)
		}
	}
}

func TestNaturalness(t *testing.T) {
	a := aligner(t, "es-VE")
	tests := []struct {
		text string
		want float64
	}{
		{"Hola.", 100},
		{"¿Vosotros venís?", 50}, // two majors over the 20-word floor
		{strings.Repeat("palabra ", 99) + "vosotros", 95},
	}
	for _, tt := range tests {
		if got := a.Align(tt.text).Naturalness; got != tt.want {
			t.Errorf("naturalness(%.30q) = %v, want %v", tt.text, got, tt.want)
		}
	}
	heavy, _ := New(Options{Target: a.Target(), Weights: Weights{Minor: 1, Major: 10, Critical: 100}})
	if got := heavy.Align("¿Vosotros venís?").Naturalness; got != 0 {
		t.Errorf("with major 10: naturalness = %v, want 0", got)
	}
}

func TestAppendJSON(t *testing.T) {
	res := aligner(t, "es-VE").Align("Vos \"sabés\" <ya>")
	var v struct {
		V           int
		Target      string
		Words       int
		Naturalness float64
		Findings    []map[string]any
	}
	out := res.AppendJSON(nil)
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatalf("invalid JSON %s: %v", out, err)
	}
	// Two address findings and the two straight quotes.
	if v.V != 1 || v.Target != "es-VE" || v.Words != 3 || len(v.Findings) != 4 {
		t.Errorf("decoded %+v from %s", v, out)
	}
	for _, key := range []string{"start", "end", "byte_start", "byte_end", "text", "kind", "mqm", "severity", "suggestions", "confidence", "rule", "message"} {
		if _, ok := v.Findings[0][key]; !ok {
			t.Errorf("finding lacks %q: %s", key, out)
		}
	}
}

func BenchmarkAlignNoFindings(b *testing.B) {
	w := aligner(b, "es-VE").NewWorker()
	text := "Para renovar el pasaporte hay que pedir una cita en la página oficial y llevar la cédula vigente. Si tienes dudas, escríbeme."
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if res := w.Align(text); len(res.Findings) != 0 {
			b.Fatal(res.Findings)
		}
	}
}

// TestAlignReused holds AlignReused, whose result is the worker's own
// memory, to Align on another worker, text after text (a text with fewer
// findings or no detection evidence after one with more must not show
// the last one's), and checks that a result of Align is not touched by
// the calls after it.
func TestAlignReused(t *testing.T) {
	set, err := dialects.Load()
	if err != nil {
		t.Fatal(err)
	}
	p, _ := set.Resolve("es-VE")
	lex := builtinLexicon(t)
	det, err := NewDetector(DetectOptions{Lexicon: lex})
	if err != nil {
		t.Fatal(err)
	}
	a, err := New(Options{Target: p, Lexicon: lex, Detector: det})
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"¿Vosotros tenéis coche? Os lo dejo con vuestras notas.",
		"Hola.",
		"Mirá, si vos querés, lo vemos mañana en el subte.",
		"El precio es 3,5 € y la reunión fue a las 17:00 h.",
		"",
		"Vale, tío, cogemos el ordenador y nos vamos.",
		"Gracias.",
	}
	reused, plain := a.NewWorker(), a.NewWorker()
	kept := plain.Align(texts[0])
	keptJSON := string(kept.AppendJSON(nil))
	for pass := range 2 {
		for _, s := range texts {
			want := plain.Align(s)
			got := reused.AlignReused(s)
			if g, w := string(got.AppendJSON(nil)), string(want.AppendJSON(nil)); g != w {
				t.Errorf("pass %d, %q:\nAlignReused %s\nAlign       %s", pass, s, g, w)
			}
		}
	}
	if got := string(kept.AppendJSON(nil)); got != keptJSON {
		t.Errorf("an Align result changed after later calls:\nnow    %s\nbefore %s", got, keptJSON)
	}
}
