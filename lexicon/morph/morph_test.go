package morph

import (
	"errors"
	"testing"
)

func mustLookup(t testing.TB, inf string) *Verb {
	t.Helper()
	v, err := Lookup(inf)
	if err != nil {
		t.Fatalf("Lookup(%q): %v", inf, err)
	}
	return v
}

func TestAddress(t *testing.T) {
	tests := []struct {
		verb  string
		mood  Mood
		tense Tense
		a     Paradigm
		want  string
	}{
		{"tener", Indicative, Present, VosRioplatense, "tenés"},
		{"poder", Indicative, Present, VosRioplatense, "podés"},
		{"querer", Indicative, Present, VosRioplatense, "querés"},
		{"dormir", Indicative, Present, VosRioplatense, "dormís"},
		{"cantar", Indicative, Present, VosRioplatense, "cantás"},
		{"comer", Indicative, Present, VosRioplatense, "comés"},
		{"vivir", Indicative, Present, VosRioplatense, "vivís"},
		{"ser", Indicative, Present, VosRioplatense, "sos"},
		{"ir", Indicative, Present, VosRioplatense, "vas"},
		{"ir", Imperative, Affirmative, VosRioplatense, "andá"},
		{"cantar", Imperative, Affirmative, VosRioplatense, "cantá"},
		{"tener", Imperative, Affirmative, VosRioplatense, "tené"},
		{"decir", Imperative, Affirmative, VosRioplatense, "decí"},
		{"oír", Imperative, Affirmative, VosRioplatense, "oí"},
		{"tener", Imperative, Negative, VosRioplatense, "no tengas"},
		{"tener", Subjunctive, Present, VosRioplatense, "tengas"},
		{"comer", Indicative, Preterite, VosRioplatense, "comiste"},
		{"cantar", Indicative, Present, VosChilean, "cantái"},
		{"estar", Indicative, Present, VosChilean, "estái"},
		{"tener", Indicative, Present, VosChilean, "tenís"},
		{"querer", Indicative, Present, VosChilean, "querís"},
		{"ser", Indicative, Present, VosChilean, "erís"},
		{"ir", Indicative, Present, VosChilean, "vai"},
		{"cantar", Indicative, Future, VosChilean, "cantarís"},
		{"cantar", Imperative, Affirmative, VosChilean, "canta"},
		{"tener", Indicative, Present, VosZulian, "tenéis"},
		{"cantar", Indicative, Present, VosZulian, "cantáis"},
		{"vivir", Indicative, Present, VosZulian, "vivís"},
		{"ser", Indicative, Present, VosZulian, "sois"},
		{"poder", Indicative, Present, VosZulian, "podéis"},
		{"tener", Indicative, Present, Tu, "tienes"},
		{"tener", Indicative, Present, Usted, "tiene"},
		{"tener", Indicative, Present, Ustedes, "tienen"},
		{"tener", Indicative, Present, Vosotros, "tenéis"},
		{"tener", Indicative, Present, Nosotros, "tenemos"},
		{"sentar", Imperative, Affirmative, Usted, "siente"},
		{"sentar", Imperative, Affirmative, Ustedes, "sienten"},
		{"cantar", Imperative, Negative, Ustedes, "no canten"},
		{"cantar", Imperative, Affirmative, Vosotros, "cantad"},
		{"detener", Indicative, Present, VosRioplatense, "detenés"},
	}
	for _, tt := range tests {
		got := mustLookup(t, tt.verb).Address(tt.mood, tt.tense, tt.a)
		if got != tt.want {
			t.Errorf("%s %s.%s %s = %q, want %q", tt.verb, tt.mood, tt.tense, tt.a, got, tt.want)
		}
	}
}

func TestForm(t *testing.T) {
	tests := []struct {
		verb  string
		mood  Mood
		tense Tense
		p     Person
		want  string
	}{
		{"ser", Indicative, Present, P1s, "soy"},
		{"ir", Subjunctive, Present, P1p, "vayamos"},
		{"ir", Indicative, Imperfect, P1p, "íbamos"},
		{"estar", Indicative, Preterite, P3p, "estuvieron"},
		{"haber", Indicative, Present, P3s, "ha"},
		{"haber", Subjunctive, Present, P1s, "haya"},
		{"hacer", Indicative, Preterite, P3s, "hizo"},
		{"decir", Indicative, Preterite, P3p, "dijeron"},
		{"decir", Indicative, Future, P1s, "diré"},
		{"poner", Indicative, Present, P1s, "pongo"},
		{"venir", Indicative, Preterite, P1s, "vine"},
		{"salir", Indicative, Conditional, P1s, "saldría"},
		{"saber", Indicative, Present, P1s, "sé"},
		{"caber", Subjunctive, Present, P3s, "quepa"},
		{"dar", Subjunctive, Present, P3s, "dé"},
		{"ver", Indicative, Imperfect, P1s, "veía"},
		{"oír", Indicative, Present, P2s, "oyes"},
		{"traer", Subjunctive, ImperfectRa, P1p, "trajéramos"},
		{"valer", Indicative, Future, P3s, "valdrá"},
		{"querer", Indicative, Preterite, P1s, "quise"},
		{"poder", Indicative, Present, P3s, "puede"},
		{"andar", Subjunctive, ImperfectSe, P1s, "anduviese"},
		{"conducir", Indicative, Present, P1s, "conduzco"},
		{"producir", Indicative, Preterite, P3p, "produjeron"},
		{"conocer", Subjunctive, Present, P1p, "conozcamos"},
		{"caer", Indicative, Preterite, P3s, "cayó"},
		{"reír", Indicative, Present, P1s, "río"},
		{"reír", Indicative, Preterite, P3s, "rio"},
		{"morir", Indicative, Preterite, P3s, "murió"},
		{"dormir", Subjunctive, Present, P1p, "durmamos"},
		{"pedir", Indicative, Present, P3p, "piden"},
		{"sentir", Subjunctive, ImperfectRa, P1s, "sintiera"},
		{"seguir", Indicative, Present, P1s, "sigo"},
		{"elegir", Subjunctive, Present, P1s, "elija"},
		{"jugar", Subjunctive, Present, P1s, "juegue"},
		{"adquirir", Indicative, Present, P1s, "adquiero"},
		{"construir", Indicative, Present, P3p, "construyen"},
		{"construir", Indicative, Present, P1p, "construimos"},
		{"leer", Indicative, Preterite, P3s, "leyó"},
		{"huir", Indicative, Preterite, P1s, "hui"},
		{"huir", Indicative, Present, P2p, "huis"},
		{"huir", Indicative, Imperfect, P1s, "huía"},
		{"construir", Indicative, Preterite, P1s, "construí"},
		{"oír", Indicative, Preterite, P1s, "oí"},
		{"leer", Indicative, Preterite, P1p, "leímos"},
		{"buscar", Indicative, Preterite, P1s, "busqué"},
		{"llegar", Subjunctive, Present, P1s, "llegue"},
		{"empezar", Subjunctive, Present, P3s, "empiece"},
		{"coger", Indicative, Present, P1s, "cojo"},
		{"vencer", Indicative, Present, P1s, "venzo"},
		{"averiguar", Subjunctive, Present, P1s, "averigüe"},
		{"enviar", Indicative, Present, P1s, "envío"},
		{"actuar", Indicative, Present, P1s, "actúo"},
		{"reunir", Indicative, Present, P1s, "reúno"},
		{"oler", Indicative, Present, P1s, "huelo"},
		{"errar", Indicative, Present, P1s, "yerro"},
		{"detener", Imperative, Affirmative, P2s, "detén"},
		{"componer", Indicative, Preterite, P1s, "compuse"},
		{"prevenir", Imperative, Affirmative, P2s, "prevén"},
		{"deshacer", Imperative, Affirmative, P2s, "deshaz"},
		{"mantener", Indicative, Future, P1s, "mantendré"},
		{"obtener", Indicative, Present, P1s, "obtengo"},
		{"suponer", Indicative, Present, P2s, "supones"},
		{"contradecir", Imperative, Affirmative, P2s, "contradice"},
		{"contradecir", Indicative, Present, P1s, "contradigo"},
		{"predecir", Indicative, Future, P1s, "predeciré"},
		{"descomponer", Indicative, Preterite, P3s, "descompuso"},
		{"predisponer", Imperative, Affirmative, P2s, "predispón"},
		{"pretender", Indicative, Present, P1s, "pretendo"},
		{"presentar", Indicative, Present, P1s, "presento"},
		{"cantar", Imperative, Affirmative, P1s, ""},
	}
	for _, tt := range tests {
		got := mustLookup(t, tt.verb).Form(tt.mood, tt.tense, tt.p)
		if got != tt.want {
			t.Errorf("%s %s.%s.%s = %q, want %q", tt.verb, tt.mood, tt.tense, tt.p, got, tt.want)
		}
	}
}

func TestNonfinite(t *testing.T) {
	tests := []struct{ verb, ger, part string }{
		{"cantar", "cantando", "cantado"},
		{"sentir", "sintiendo", "sentido"},
		{"leer", "leyendo", "leído"},
		{"ir", "yendo", "ido"},
		{"poder", "pudiendo", "podido"},
		{"decir", "diciendo", "dicho"},
		{"componer", "componiendo", "compuesto"},
		{"gruñir", "gruñendo", "gruñido"},
	}
	for _, tt := range tests {
		v := mustLookup(t, tt.verb)
		if g, p := v.Gerund(), v.Participle(); g != tt.ger || p != tt.part {
			t.Errorf("%s: gerund %q, participle %q; want %q, %q", tt.verb, g, p, tt.ger, tt.part)
		}
	}
}

func TestLookupRejects(t *testing.T) {
	for _, w := range []string{"casa", "", "r", "xyz"} {
		if _, err := Lookup(w); !errors.Is(err, ErrNotVerb) {
			t.Errorf("Lookup(%q) error = %v, want ErrNotVerb", w, err)
		}
	}
}

func TestClassesParse(t *testing.T) {
	if _, err := parseClasses(classesTSV); err != nil {
		t.Fatal(err)
	}
	if _, err := parseClasses("x\tzz=1"); err == nil {
		t.Error("unknown field accepted")
	}
}

func BenchmarkLookupForm(b *testing.B) {
	for b.Loop() {
		v, err := Lookup("contradecir")
		if err != nil {
			b.Fatal(err)
		}
		_ = v.Form(Subjunctive, ImperfectRa, P1p)
	}
}

// TestTableComplete generates every cell of every lemma in classes.tsv.
func TestTableComplete(t *testing.T) {
	tab, err := classes()
	if err != nil {
		t.Fatal(err)
	}
	for lemma := range tab {
		v := mustLookup(t, lemma)
		for _, c := range jehleTenses {
			for _, p := range Persons[1:] {
				if f := v.Form(c.mood, c.tense, p); f == "" && !v.Defective(c.mood, c.tense, p) {
					t.Errorf("%s %s.%s.%s is empty", lemma, c.mood, c.tense, p)
				}
			}
		}
		if v.Gerund() == "" || v.Participle() == "" {
			t.Errorf("%s: empty gerund or participle", lemma)
		}
	}
}

func TestPerfectAndMarkedVos(t *testing.T) {
	tests := []struct{ got, want string }{
		{mustLookup(t, "cantar").Perfect(Indicative, Present, P1s), "he cantado"},
		{mustLookup(t, "volver").Perfect(Subjunctive, ImperfectRa, P3p), "hubieran vuelto"},
		{mustLookup(t, "decir").Perfect(Indicative, Future, P1p), "habremos dicho"},
		{mustLookup(t, "cantar").Perfect(Imperative, Affirmative, P2s), ""},
		{mustLookup(t, "tener").MarkedVos(Subjunctive, Present), "tengás"},
		{mustLookup(t, "cantar").MarkedVos(Imperative, Negative), "no cantés"},
		{mustLookup(t, "comer").MarkedVos(Indicative, Preterite), "comistes"},
		{mustLookup(t, "comer").MarkedVos(Indicative, Future), ""},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("case %d: got %q, want %q", i, tt.got, tt.want)
		}
	}
}
