package lexicon

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/habla-es/habla/dialects"
)

func testSet(t testing.TB) *dialects.Set {
	t.Helper()
	set, err := dialects.Load()
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// TestBuiltin loads every embedded file and checks that each variant's
// usage reaches at least one variety and cites its sources.
func TestBuiltin(t *testing.T) {
	l, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range l.Concepts() {
		for _, v := range c.Variants {
			if len(v.Usage) == 0 || len(v.Sources) == 0 {
				t.Errorf("%s %q: no usage or sources", c.ID, v.Form)
			}
			for _, id := range v.Sources {
				if c.Cites[id] == "" {
					t.Errorf("%s %q: source %q has no citation", c.ID, v.Form, id)
				}
			}
		}
	}
}

func TestLoadPack(t *testing.T) {
	l, err := LoadPacks(testSet(t), "testdata/pack")
	if err != nil {
		t.Fatal(err)
	}
	c, ok := l.Concept("transport/car")
	if !ok || c.File != "testdata/pack/test.yaml" || c.Line != 5 || c.Domain != "test" {
		t.Fatalf("car = %+v", c)
	}
	ve, _ := testSet(t).Resolve("es-VE")
	es, _ := testSet(t).Resolve("es-ES")
	tests := []struct {
		form string
		p    *dialects.Profile
		want Level
	}{
		{"coche", ve, Understood}, {"carro", ve, Common}, {"coche", es, Common}, {"carro", es, Rare},
	}
	for _, tt := range tests {
		for _, v := range c.Variants {
			if v.Form == tt.form {
				u, _ := l.Usage(v, tt.p)
				if u.Level != tt.want {
					t.Errorf("%s in %s = %q, want %q", tt.form, tt.p.Tag, u.Level, tt.want)
				}
			}
		}
	}
}

func TestLoadErrors(t *testing.T) {
	err := Validate(testSet(t), "testdata/bad/bad.yaml", "testdata/bad/shape.yaml", "testdata/bad/dup.yaml")
	if err == nil {
		t.Fatal("no error")
	}
	var got []string
	for _, line := range strings.Split(err.Error(), "\n") {
		got = append(got, line)
	}
	want := []string{
		`testdata/bad/bad.yaml:5:9: concepts[0].id: id "Bad Id": want domain/slug in lowercase a-z, 0-9 and -`,
		"testdata/bad/bad.yaml:6:12: concepts[0].gloss: a gloss needs es and en",
		`testdata/bad/bad.yaml:7:10: concepts[0].pos: "nown": want one of noun, verb, adjective, adverb, interjection, phrase, pronoun`,
		`testdata/bad/bad.yaml:10:17: concepts[0].variants[0].usage.es-XX: unknown variety or group "es-XX"`,
		`testdata/bad/bad.yaml:10:39: concepts[0].variants[0].usage.es-VE: unknown level "often" (want common, used, understood, rare or avoid)`,
		`testdata/bad/bad.yaml:11:19: concepts[0].variants[0].sources[0]: unknown source "nobody" (define it under sources: at the top of the file)`,
		`testdata/bad/bad.yaml:12:15: concepts[0].variants[1].form: form "uno" twice in concept Bad Id (first at testdata/bad/bad.yaml:9:9)`,
		"testdata/bad/bad.yaml:13:24: concepts[0].variants[1].usage.es-MX: avoid needs why (in Spanish) and strength (mild or strong)",
		`testdata/bad/bad.yaml:13:49: unknown field "strenght" in usage (known: level, why, strength)`,
		`testdata/bad/dup.yaml:14:9: concepts[1].id: duplicate concept id "transport/car" (first at testdata/bad/dup.yaml:4)`,
		`testdata/bad/shape.yaml:9:9: unknown field "colour" in concepts[0].variants[0] (known: form, gender, number, plural, feminine, forms, register, polysemous, usage, sources, notes)`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
	var le *LoadError
	if !errors.As(err, &le) {
		t.Errorf("%T is not a *LoadError", err)
	}
}

// TestPackOverrides checks the override rules: a pack concept with a
// built-in id replaces the built-in concept whole; a new id adds one; a
// later pack replaces an earlier one.
func TestPackOverrides(t *testing.T) {
	set := testSet(t)
	builtin, err := Load(set)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := builtin.Concept("transport/car"); !ok {
		t.Skip("the built-in lexicon has no transport/car")
	}
	l, err := Load(set, "testdata/pack", "testdata/context")
	if err != nil {
		t.Fatal(err)
	}
	car, _ := l.Concept("transport/car")
	if car.File != "testdata/pack/test.yaml" || len(car.Variants) != 3 {
		t.Errorf("transport/car from %s with %d variants, want the pack's 3", car.File, len(car.Variants))
	}
	if _, ok := l.Concept("test/carro-por-puesto"); !ok {
		t.Error("the pack's new concept is missing")
	}
	if got, want := len(l.Concepts()), len(builtin.Concepts()); got <= want {
		t.Errorf("%d concepts with packs, %d without", got, want)
	}
	if l.Hash() == builtin.Hash() {
		t.Error("packs do not change the lexicon hash")
	}
}
