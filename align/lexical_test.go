package align

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/habla-es/habla/dialects"
	"github.com/habla-es/habla/lexicon"
)

func lexAligner(t testing.TB, tag string) *Aligner {
	t.Helper()
	set, err := dialects.Load()
	if err != nil {
		t.Fatal(err)
	}
	lex, err := lexicon.LoadPacks(set, "../lexicon/testdata/pack", "../lexicon/testdata/context")
	if err != nil {
		t.Fatal(err)
	}
	p, err := set.Resolve(tag)
	if err != nil {
		t.Fatal(err)
	}
	a, err := New(Options{Target: p, Lexicon: lex})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

type lexBrief struct {
	Text     string
	Kind     Kind
	Severity Severity
	Concept  string
	Sugg     []string
}

func TestLexical(t *testing.T) {
	tests := []struct {
		target, text string
		want         []lexBrief
	}{
		{"es-VE", "Los coches nuevos", []lexBrief{{"coches", Lexical, Major, "transport/car", []string{"carros"}}}},
		{"es-VE", "Tomé un carro por puesto.", nil},
		{"es-ES", "Mi carro", []lexBrief{{"carro", Review, Minor, "transport/car", []string{"coche"}}}},
		{"es-AR", "Las chamas llegaron.", []lexBrief{{"chamas", Lexical, Major, "people/kid", []string{"pibas"}}}},
		{"es-ES", "Le eché gasolina al carro.", []lexBrief{{"carro", Lexical, Major, "transport/car", []string{"coche"}}}},
		{"es-AR", "El ordenador falla.", []lexBrief{{"El ordenador", Lexical, Major, "tech/computer", []string{"La computadora"}}}},
		{"es-AR", "Compré dos ordenadores.", []lexBrief{{"ordenadores", Lexical, Major, "tech/computer", []string{"computadoras"}}}},
		{"es-MX", "Lo cojo ahora.", []lexBrief{{"cojo", Taboo, Critical, "test/take", []string{"agarro"}}}},
		{"es-ES", "Lo cojo ahora.", nil},
		{"es-MX", "Me cae bien Coche Pérez.", nil}, // a name in mid-sentence
		{"es-ES", "Mi papá come papas.", []lexBrief{{"papas", Lexical, Major, "food/potato", []string{"patatas"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.target+"/"+tt.text, func(t *testing.T) {
			res := lexAligner(t, tt.target).Align(tt.text)
			var got []lexBrief
			for _, f := range res.Findings {
				got = append(got, lexBrief{f.Text, f.Kind, f.Severity, f.Concept, f.Suggestions})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDedupe(t *testing.T) {
	fs := []Finding{
		{ByteStart: 4, ByteEnd: 9, Severity: Minor, Rule: "b"},
		{ByteStart: 0, ByteEnd: 5, Severity: Major, Rule: "a"},
		{ByteStart: 10, ByteEnd: 12, Severity: Minor, Rule: "c"},
		{ByteStart: 10, ByteEnd: 14, Severity: Critical, Rule: "d"},
	}
	var got []string
	for _, f := range dedupe(fs) {
		got = append(got, f.Rule)
	}
	if diff := cmp.Diff([]string{"a", "d"}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestPolysemous(t *testing.T) {
	a := lexAligner(t, "es-MX")
	for _, text := range []string{
		"El servicio de accesibilidad se deshabilitará para todas las pestañas y ventanas.",
		"Tiene tres tareas pendientes.",
		"Cambia el esquema de color de la página.",
		"Chino simplificado",
	} {
		if fs := a.Align(text).Findings; len(fs) != 0 {
			t.Errorf("%q: %+v, want no finding", text, briefs(fs))
		}
	}
}
