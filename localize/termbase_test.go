package localize

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const testTermbase = `# the team's glossary
source	variety	target	note
fichero	es-MX	keep	Firefox es-MX says fichero
ordenador	es-MX	equipo
ordenador	es-AR	computadora
vídeo	es-AR	Keep
coche	es-MX	carro
grifo	es-MX	keep
ordenador	es-UY	máquina
`

func termbaseLocalizer(t testing.TB, tag, tb string) *Localizer {
	t.Helper()
	terms, err := ReadTermbase(strings.NewReader(tb), "glosario.tsv")
	if err != nil {
		t.Fatal(err)
	}
	return testLocalizer(t, tag, Options{Termbase: terms})
}

func TestTermbase(t *testing.T) {
	tests := []struct {
		target, in, want string
		rules            []string
		tasks            []string // reason:text
	}{
		// keep: no edit and no task, in the singular and the plural.
		{"es-MX", "Guarde el fichero.", "Guarde el fichero.", nil, nil},
		{"es-MX", "Guarde los ficheros.", "Guarde los ficheros.", nil, nil},
		// A word the lexicon does not suggest, of the same gender.
		{"es-MX", "Reinicie el ordenador.", "Reinicie el equipo.", []string{"termbase"}, nil},
		{"es-MX", "Reinicie los ordenadores.", "Reinicie los equipos.", []string{"termbase"}, nil},
		{"es-MX", "Ordenador apagado", "Equipo apagado", []string{"termbase"}, nil},
		// The lexicon's own suggestion: its determiner agreement is kept.
		{"es-AR", "Reinicie el ordenador.", "Reinicie la computadora.", []string{"termbase"}, nil},
		// Without a termbase row for the target, the lexicon decides.
		{"es-CL", "Reinicie el ordenador.", "Reinicie el computador.", []string{"lexicon/tech/computer"}, nil},
		{"es-AR", "Mire el vídeo.", "Mire el vídeo.", nil, nil},
		// A word of another gender than the source: the determiner must
		// agree, and the termbase word has no gender in the lexicon.
		{"es-UY", "Apague el ordenador.", "Apague el ordenador.", nil, []string{"agreement:el ordenador"}},
		// A word of several senses (grifo: a tap, or a petrol station in
		// Peru) is a task without the termbase, nothing with keep.
		{"es-MX", "Abra el grifo.", "Abra el grifo.", nil, nil},
		{"es-PE", "Abra el grifo.", "Abra el grifo.", nil, []string{"ambiguous:grifo"}},
		// The termbase's own words are never edited again.
		{"es-MX", "El equipo y el carro.", "El equipo y el carro.", nil, nil},
	}
	for _, tt := range tests {
		res := termbaseLocalizer(t, tt.target, testTermbase).Localize(tt.in)
		var rules, tasks []string
		for _, e := range res.Edits {
			rules = append(rules, e.Rule)
			if e.Rule == ruleTermbase && e.Confidence != 1 {
				t.Errorf("%s %q: termbase edit confidence %v, want 1", tt.target, tt.in, e.Confidence)
			}
		}
		for _, k := range res.Tasks {
			tasks = append(tasks, k.Reason+":"+k.Text)
		}
		if res.Localized != tt.want || !cmp.Equal(rules, tt.rules) || !cmp.Equal(tasks, tt.tasks) {
			t.Errorf("%s %q:\n got %q %v %v\nwant %q %v %v", tt.target, tt.in, res.Localized, rules, tasks, tt.want, tt.rules, tt.tasks)
		}
		again := termbaseLocalizer(t, tt.target, testTermbase).Localize(res.Localized)
		if len(again.Edits) > 0 {
			t.Errorf("%s %q: not idempotent: %+v", tt.target, res.Localized, again.Edits)
		}
	}
}

func TestReadTermbaseErrors(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"fichero\tes-MX\tkeep\n", "glosario.tsv:1:1: want the header"},
		{"", "glosario.tsv:1:1: empty termbase"},
		{"source\tvariety\ttarget\nfichero\tes-MX\n", "glosario.tsv:2:14: 2 columns, want at least 3"},
		{"source\tvariety\ttarget\nfichero\tMX\tkeep\n", "glosario.tsv:2:9: variety \"MX\": want a Spanish tag"},
		{"source\tvariety\ttarget\nfichero\tes-MX\t\n", "glosario.tsv:2:15: target \"\": empty"},
		{"# c\nsource\tvariety\ttarget\nfichero\tes-MX\tkeep\nFichero\tes-MX\tarchivo\n", "glosario.tsv:4:1: \"Fichero\" for es-MX is already at line 3"},
	} {
		_, err := ReadTermbase(strings.NewReader(c.in), "glosario.tsv")
		var te *TermbaseError
		if !errors.As(err, &te) || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%q: got %v, want %s…", c.in, err, c.want)
		}
	}
}

func TestMineTermbase(t *testing.T) {
	l := newLocalizer(t, "es-MX", 0)
	m := l.NewMiner()
	for _, p := range [][2]string{
		{"Abra el fichero.", "Abre el fichero."},               // kept
		{"Guarde el fichero aquí.", "Guarda el fichero aquí."}, // kept
		{"Cierre el fichero.", "Cierra el archivo."},           // swapped
		{"Reinicie el ordenador.", "Reinicia el equipo."},      // other: equipo
		{"Apague su ordenador.", "Apaga tu equipo."},           // other: equipo (tu left out)
		{"Use el ordenador.", "Usa la computadora."},           // swapped
		{"El ordenador se apagó.", "Se apagó todo."},           // other: reworded or another word
		{"Un vídeo", "Un video"},                               // swapped, once: below --min-count
		{"El fichero y el archivo", "El fichero y el archivo"}, // source has no swap for archivo; fichero kept
		{"Borre los ficheros.", "Borra los ficheros."},         // kept: the plural counts for fichero
		{"Cierre los ficheros.", "Cierra los archivos."},       // swapped: archivos counts as archivo
		{"Sin palabras del léxico.", "Sin palabras del léxico."},
	} {
		m.Add(p[0], p[1])
	}
	tb, undecided := m.Termbase("es-MX", MineOptions{})
	var b strings.Builder
	if err := tb.WriteTSV(&b, MinedHeader...); err != nil {
		t.Fatal(err)
	}
	want := "source\tvariety\ttarget\tkept\tswapped\tother\tmixed\n" +
		"fichero\tes-MX\tkeep\tkept=3\tswapped=archivo:2\tother=\tmixed=1\n"
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("termbase (-want +got):\n%s", diff)
	}
	// ordenador: equipo 2 of 4 (share 0.5 < 0.6); vídeo: 1 (< 2).
	if len(undecided) != 2 || !strings.HasPrefix(undecided[0], "ordenador\tes-MX\t?\tkept=0\tswapped=computadora:1\tother=equipo:2,") ||
		!strings.HasPrefix(undecided[1], "vídeo\tes-MX\t?\tkept=0\tswapped=video:1") {
		t.Errorf("undecided: %q", undecided)
	}
	// With a lower share, equipo wins.
	tb, _ = m.Termbase("es-MX", MineOptions{MinShare: 0.5})
	if got := tb.For("es-mx")["ordenador"].Target; got != "equipo" {
		t.Errorf("ordenador at --min-share 0.5: %q, want equipo", got)
	}
}

func TestReadPairs(t *testing.T) {
	var got [][2]string
	in := "Uno\\tdos\tOne\\ttwo\n\nSin traducir\t\nLínea\\nnueva\\\\\tLine\\nnew\\\\\n"
	if err := ReadPairs(strings.NewReader(in), "p.tsv", func(s, l string) { got = append(got, [2]string{s, l}) }); err != nil {
		t.Fatal(err)
	}
	want := [][2]string{{"Uno\tdos", "One\ttwo"}, {"Línea\nnueva\\", "Line\nnew\\"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("pairs (-want +got):\n%s", diff)
	}
	if EscapeTSV(want[1][0]) != "Línea\\nnueva\\\\" {
		t.Errorf("EscapeTSV: %q", EscapeTSV(want[1][0]))
	}
	err := ReadPairs(strings.NewReader("a\tb\nsolo\n"), "p.tsv", func(string, string) {})
	if err == nil || !strings.HasPrefix(err.Error(), "p.tsv:2:5: want two tab-separated fields") {
		t.Errorf("one field: %v", err)
	}
	err = ReadPairs(strings.NewReader("a\tb\tc\n"), "p.tsv", func(string, string) {})
	if err == nil || !strings.HasPrefix(err.Error(), "p.tsv:1:4: want two tab-separated fields") {
		t.Errorf("three fields: %v", err)
	}
}
