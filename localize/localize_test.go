package localize

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/habla-es/habla/dialects"
	"github.com/habla-es/habla/lexicon"
)

func newLocalizer(t testing.TB, tag string, conf float64) *Localizer {
	t.Helper()
	return testLocalizer(t, tag, Options{Confidence: conf})
}

// testLocalizer is a Localizer for tag with the built-in lexicon and the
// rest of opts.
func testLocalizer(t testing.TB, tag string, opts Options) *Localizer {
	t.Helper()
	set, err := dialects.Load()
	if err != nil {
		t.Fatal(err)
	}
	p, err := set.Resolve(tag)
	if err != nil {
		t.Fatal(err)
	}
	lex, err := lexicon.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	opts.Target, opts.Lexicon = p, lex
	l, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestLocalize(t *testing.T) {
	tests := []struct {
		target, in, want string
		rules            []string // of the edits, in order
		tasks            []string // reason:text of the tasks, in order
	}{
		{"es-MX", "¿Vosotros queréis venir?", "¿Ustedes quieren venir?",
			[]string{"address/pronoun", "address/verb"}, nil},
		{"es-AR", "Tú tienes que venir, siéntate", "Vos tenés que venir, sentate",
			[]string{"address/pronoun", "address/verb", "address/enclitic"}, nil},
		{"es-MX", "Vos tenés que venir, sentate", "Tú tienes que venir, siéntate",
			[]string{"address/pronoun", "address/verb", "address/enclitic"}, nil},
		// os veo: los, las or les? A human decides.
		{"es-MX", "Os veo mañana.", "Os veo mañana.", nil, []string{"ambiguous:Os"}},
		{"es-MX", "Os lo doy.", "Se lo doy.", []string{"address/os-se-lo"}, nil},
		// The determiner agrees with the new noun.
		{"es-AR", "Enciende el ordenador.", "Enciende la computadora.", []string{"lexicon/tech/computer"}, nil},
		// An adjective might have to agree: a task.
		{"es-AR", "Compré un ordenador nuevo.", "Compré un ordenador nuevo.", nil, []string{"agreement:un ordenador"}},
		// A participle after the noun agrees in the same edit.
		{"es-AR", "El ordenador conectado.", "La computadora conectada.", []string{"lexicon/tech/computer"}, nil},
		{"es-AR", "Los ordenadores conectados.", "Las computadoras conectadas.", []string{"lexicon/tech/computer"}, nil},
		// An adjective before the noun: a task.
		{"es-AR", "Un nuevo ordenador.", "Un nuevo ordenador.", nil, []string{"agreement:ordenador"}},
		// The verb after the noun does not agree.
		{"es-AR", "El ordenador funciona.", "La computadora funciona.", []string{"lexicon/tech/computer"}, nil},
		{"es-AR", "Cuesta 3.5 euros.", "Cuesta 3,5 euros.", []string{"convention/decimal"}, []string{"manual:euros"}},
		// English quotation marks in Madrid become angular, as a pair.
		{"es-ES", "Dijo “hola” y se fue.", "Dijo «hola» y se fue.", []string{"convention/quotes", "convention/quotes"}, nil},
		// Straight quotes are not a regional convention: a task each.
		{"es-AR", `Dijo "hola" y se fue.`, `Dijo "hola" y se fue.`, nil, []string{`low-confidence:"`, `low-confidence:"`}},
		// A noun in -os is hardly a vosotros imperative with os when
		// nothing else speaks vosotros: align does not flag it, so
		// there is nothing to do.
		{"es-MX", "Guarde nombres, correos y claves.", "Guarde nombres, correos y claves.", nil, nil},
		// A conversion applies whole or not at all: preferís may be vos or
		// vosotros, so podés stays too, and preferís is one task with
		// both readings.
		{"es-MX", "Si preferís, podés venir.", "Si preferís, podés venir.", nil,
			[]string{"overlap:preferís", "partial:podés"}},
		// Zulian vos accepts queréis: the conversion would stop half-way
		// (Ustedes queréis), so none of it is made.
		{"es-VE-u-sd-vev", "¿Vosotros queréis venir?", "¿Vosotros queréis venir?", nil,
			[]string{"partial:Vosotros"}},
		// Revisa may be tú's imperative: converting only Mantén would mix
		// tú and vos, so nothing is converted.
		{"es-AR", "Revisa el texto. Mantén la calma.", "Revisa el texto. Mantén la calma.", nil,
			[]string{"partial:Mantén"}},
		// Code, markup and placeholders come out byte for byte.
		{"es-MX", "Abre { $ordenador } y `el ordenador` o <b title=\"ordenador\">el ordenador</b>.",
			"Abre { $ordenador } y `el ordenador` o <b title=\"ordenador\">la computadora</b>.",
			[]string{"lexicon/tech/computer"}, []string{"code:ordenador", "code:el ordenador", "code:ordenador"}},
		// A Fluent selector: its variants are prose, its keys code.
		{"es-MX", "{ PLATFORM() -> [macos] el ordenador *[other] el ordenador }",
			"{ PLATFORM() -> [macos] la computadora *[other] la computadora }",
			[]string{"lexicon/tech/computer", "lexicon/tech/computer"}, nil},
		// vais → van would make coche the vehicle beside a van: a second
		// pass would swap it, so nothing is applied (idempotence).
		{"es-AR", "Vuestro coche es rojo, vais.", "Vuestro coche es rojo, vais.", nil,
			[]string{"unstable:Vuestro", "ambiguous:coche", "unstable:vais"}},
		// Usted is at home everywhere.
		{"es-AR", "Pulse aquí para guardar su archivo.", "Pulse aquí para guardar su archivo.", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.target+"/"+tt.in, func(t *testing.T) {
			res := newLocalizer(t, tt.target, 0).Localize(tt.in)
			if res.Localized != tt.want {
				t.Errorf("localized = %q, want %q", res.Localized, tt.want)
			}
			var rules, tasks []string
			for _, e := range res.Edits {
				rules = append(rules, e.Rule)
			}
			for _, k := range res.Tasks {
				tasks = append(tasks, k.Reason+":"+k.Text)
			}
			if d := cmp.Diff(tt.rules, rules); d != "" {
				t.Errorf("edit rules (-want +got):\n%s", d)
			}
			if d := cmp.Diff(tt.tasks, tasks); d != "" {
				t.Errorf("tasks (-want +got):\n%s", d)
			}
		})
	}
}

// TestOffsets checks that edits and tasks point into the input, in code
// points and in bytes, with emoji and a combining accent before them.
func TestOffsets(t *testing.T) {
	in := "👩‍💻 Cafe\u0301: ¿Vosotros queréis el ordenador? Os veo."
	res := newLocalizer(t, "es-MX", 0).Localize(in)
	runes := []rune(in)
	if len(res.Edits) == 0 || len(res.Tasks) == 0 {
		t.Fatalf("want edits and tasks, got %+v", res)
	}
	for _, e := range res.Edits {
		if got := in[e.ByteStart:e.ByteEnd]; got != e.From {
			t.Errorf("edit bytes [%d,%d) = %q, want %q", e.ByteStart, e.ByteEnd, got, e.From)
		}
		if got := string(runes[e.Start:e.End]); got != e.From {
			t.Errorf("edit code points [%d,%d) = %q, want %q", e.Start, e.End, got, e.From)
		}
	}
	for _, k := range res.Tasks {
		if got := string(runes[k.Start:k.End]); got != k.Text || in[k.ByteStart:k.ByteEnd] != k.Text {
			t.Errorf("task [%d,%d) = %q, want %q", k.Start, k.End, got, k.Text)
		}
	}
}

// TestOverlapNeverBothApply: two candidates over the same words are both
// tasks; disjoint ones apply.
func TestOverlapNeverBothApply(t *testing.T) {
	l := newLocalizer(t, "es-AR", 0)
	cs := []candidate{
		{edit: Edit{ByteStart: 0, ByteEnd: 5, From: "abcde", To: "x", Confidence: 0.9}},
		{edit: Edit{ByteStart: 3, ByteEnd: 8, From: "defgh", To: "y", Confidence: 0.9}},
		{edit: Edit{ByteStart: 9, ByteEnd: 10, From: "j", To: "z", Confidence: 0.9}},
		{edit: Edit{ByteStart: 11, ByteEnd: 12, From: "l", To: "w", Confidence: 0.5}},
		// A silent blocker of another group holds back its group only.
		{edit: Edit{ByteStart: 9, ByteEnd: 10, From: "j"}, reason: ReasonUnbacked, silent: true, group: "g"},
		{edit: Edit{ByteStart: 13, ByteEnd: 14, From: "n", To: "v", Confidence: 0.9}, group: "g"},
	}
	applied, tasks := l.decide(cs)
	if len(applied) != 1 || applied[0].edit.To != "z" {
		t.Errorf("applied = %+v, want only z", applied)
	}
	if n := len(tasks); n == 0 || tasks[n-1].Reason != ReasonPartial {
		t.Errorf("the blocked group's edit should be a partial task: %+v", tasks)
	}
	tasks = tasks[:len(tasks)-1]
	var reasons []string
	for _, k := range tasks {
		reasons = append(reasons, k.Reason)
	}
	if d := cmp.Diff([]string{ReasonOverlap, ReasonOverlap, ReasonLowConfidence}, reasons); d != "" {
		t.Errorf("task reasons (-want +got):\n%s", d)
	}
}

func TestConfidenceThreshold(t *testing.T) {
	in := "Dime si tienes el ordenador."
	low := newLocalizer(t, "es-AR", 0.7).Localize(in)
	high := newLocalizer(t, "es-AR", 0.99).Localize(in)
	if low.Localized == in {
		t.Errorf("at 0.7 nothing was applied: %+v", low)
	}
	if high.Localized != in || len(high.Edits) != 0 {
		t.Errorf("at 0.99 edits were applied: %q %+v", high.Localized, high.Edits)
	}
	if len(high.Tasks) < len(low.Edits) {
		t.Errorf("at 0.99 the edits should become tasks: %d tasks for %d edits", len(high.Tasks), len(low.Edits))
	}
}

// idempotenceTexts are hand-made texts that exercise every rule.
var idempotenceTexts = []string{
	"¿Vosotros queréis venir? Os lo doy, sentaos.",
	"Tú tienes que venir, siéntate y dime algo.",
	"Vos tenés que venir, sentate y decime algo.",
	"El ordenador cuesta 1.234,56 euros y el móvil 3.5 dólares.",
	"Dijo “hola” y «adiós», y \"nada\".",
	"Queda a 10kms. de aquí, pesa 5 Kg, hace 25ºC y corrimos 60 millas en 2 hrs.",
	"Vuestro coche está en la acera, ¿lo veis?",
	"Compré un ordenador nuevo para vosotros.",
	"Pulse aquí para guardar su archivo.",
	"👩‍💻 Cafe\u0301 con vos y contigo.",
}

// TestIdempotent is a property test: localizing a localized text changes
// nothing, over the hand-made texts, random concatenations of their
// pieces, and every target.
func TestIdempotent(t *testing.T) {
	texts := append([]string(nil), idempotenceTexts...)
	r := rand.New(rand.NewPCG(1, 2))
	var pieces []string
	for _, s := range idempotenceTexts {
		pieces = append(pieces, strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '.' })...)
	}
	for range 300 {
		var b strings.Builder
		for k := range 1 + r.IntN(4) {
			if k > 0 {
				b.WriteString([]string{", ", ". ", " y ", " "}[r.IntN(4)])
			}
			b.WriteString(strings.TrimSpace(pieces[r.IntN(len(pieces))]))
		}
		texts = append(texts, b.String())
	}
	for _, tag := range []string{"es-AR", "es-MX", "es-CL", "es-ES", "es-VE"} {
		l := newLocalizer(t, tag, 0).NewWorker()
		for _, s := range texts {
			checkIdempotent(t, l, tag, s)
		}
	}
}

func checkIdempotent(t *testing.T, w *Worker, tag, s string) {
	t.Helper()
	once := w.Localize(s)
	if !utf8.ValidString(once.Localized) {
		t.Fatalf("%s: invalid UTF-8 from %q", tag, s)
	}
	twice := w.Localize(once.Localized)
	if twice.Localized != once.Localized || len(twice.Edits) > 0 {
		t.Errorf("%s: not idempotent:\n in:    %q\n once:  %q\n twice: %q (%+v)", tag, s, once.Localized, twice.Localized, twice.Edits)
	}
}

// TestConcurrentWorkers: workers of one Localizer, in parallel, give what
// one worker gives (run with -race).
func TestConcurrentWorkers(t *testing.T) {
	l := newLocalizer(t, "es-AR", 0)
	want := make([]string, len(idempotenceTexts))
	w := l.NewWorker()
	for i, s := range idempotenceTexts {
		r := w.Localize(s)
		want[i] = string(r.AppendJSON(nil, false))
	}
	done := make(chan []string)
	for range 4 {
		go func() {
			w := l.NewWorker()
			var got []string
			for _, s := range idempotenceTexts {
				r := w.Localize(s)
				got = append(got, string(r.AppendJSON(nil, false)))
			}
			done <- got
		}()
	}
	for range 4 {
		if d := cmp.Diff(want, <-done); d != "" {
			t.Errorf("a parallel worker differs (-want +got):\n%s", d)
		}
	}
}
