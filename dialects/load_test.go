package dialects

import (
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

func TestLoadEmbedded(t *testing.T) {
	s, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if again, _ := Load(); again != s {
		t.Error("Load returned a different Set on the second call")
	}
	files, err := fs.Glob(dataFS, "data/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, f := range files {
		if name := path.Base(f); name != groupsFile {
			want = append(want, strings.TrimSuffix(name, ".yaml"))
		}
	}
	slices.Sort(want)
	if diff := cmp.Diff(want, s.Tags()); diff != "" {
		t.Errorf("every embedded file should load as one profile (-files +tags):\n%s", diff)
	}
}

func TestLoadCoversCLDRSpanish(t *testing.T) {
	s := mustLoad(t)
	want := []string{
		"es", "es-419", "es-AR", "es-BO", "es-CL", "es-CO", "es-CO-u-sd-coant", "es-CR", "es-CU",
		"es-DO", "es-EC", "es-ES", "es-ES-u-sd-escn", "es-GQ", "es-GT", "es-HN", "es-MX", "es-NI",
		"es-PA", "es-PE", "es-PH", "es-PR", "es-PY", "es-SV", "es-US", "es-UY", "es-VE", "es-VE-u-sd-vev",
	}
	if diff := cmp.Diff(want, s.Tags()); diff != "" {
		t.Errorf("tags (-want +got):\n%s", diff)
	}
}

func mustLoad(t testing.TB) *Set {
	t.Helper()
	s, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return s
}

// Minimal valid files for LoadFS tests; cases edit copies of them.
const (
	testGroups = `groups:
  - {id: peninsular, names: {es: peninsular, en: Peninsular}, parent: es}
`
	testES = `tag: es
names: {es: español, en: Spanish}
address: {informal: [tú], formal: usted, plural: ustedes, voseo: {type: none}}
conventions:
  decimal: ","
  group: "."
  date_order: dmy
  time: {clock: 24h, ampm: [a. m., p. m.]}
  quotes: {primary: ["«", "»"], secondary: ["“", "”"]}
sources: [test]
`
	testESES = `tag: es-ES
names: {es: español de España, en: Spanish of Spain}
parent: peninsular
group: peninsular
aliases: [spain]
address: {informal: [tú], formal: usted, plural: vosotros, voseo: {type: none}}
tenses: {recent_past: perfect}
conventions:
  decimal: ","
  group: "."
  currency: {code: EUR, symbols: ["€"]}
  date_order: dmy
  time: {clock: 24h, ampm: [a. m., p. m.]}
  quotes: {primary: ["«", "»"], secondary: ["“", "”"]}
sources: [test]
`
)

// testFS returns the minimal valid data directory with files replaced or
// added; an empty content removes the file.
func testFS(files map[string]string) fstest.MapFS {
	all := map[string]string{"groups.yaml": testGroups, "es.yaml": testES, "es-ES.yaml": testESES}
	for name, content := range files {
		all[name] = content
	}
	fsys := fstest.MapFS{}
	for name, content := range all {
		if content != "" {
			fsys["data/"+name] = &fstest.MapFile{Data: []byte(content)}
		}
	}
	return fsys
}

// edit returns testESES with old replaced by new, which must be present.
func edit(t *testing.T, old, new string) string {
	t.Helper()
	if !strings.Contains(testESES, old) {
		t.Fatalf("edit: %q not in testESES", old)
	}
	return strings.Replace(testESES, old, new, 1)
}

func TestLoadFSValid(t *testing.T) {
	s, err := LoadFS(testFS(nil), "data")
	if err != nil {
		t.Fatalf("LoadFS: %v", err)
	}
	p, ok := s.Profile("es-ES")
	if !ok {
		t.Fatal("es-ES not loaded")
	}
	want := Profile{
		Tag: "es-ES", Names: Names{Es: "español de España", En: "Spanish of Spain"},
		Parent: "peninsular", Group: "peninsular", Aliases: []string{"spain"},
		Address: Address{Informal: []string{"tú"}, Formal: "usted", Plural: "vosotros", Voseo: Voseo{Type: "none"}},
		Tenses:  Tenses{RecentPast: "perfect"},
		Conventions: Conventions{
			Decimal: ",", Group: ".", Currency: Currency{Code: "EUR", Symbols: []string{"€"}}, DateOrder: "dmy",
			Time:   Time{Clock: "24h", AMPM: []string{"a. m.", "p. m."}},
			Quotes: Quotes{Primary: [2]string{"«", "»"}, Secondary: [2]string{"“", "”"}},
		},
		Sources: []string{"test"},
	}
	if diff := cmp.Diff(want, *p); diff != "" {
		t.Errorf("es-ES (-want +got):\n%s", diff)
	}
}

func TestLoadFSErrors(t *testing.T) {
	tests := []struct {
		name  string
		files func(t *testing.T) map[string]string
		want  []string
	}{{
		name: "unknown top-level field",
		files: func(t *testing.T) map[string]string {
			return map[string]string{"es-ES.yaml": testESES + "colour: red\n"}
		},
		want: []string{`data/es-ES.yaml:16:1: unknown field "colour" (known: tag, names, parent, group, aliases, address, tenses, conventions, sources, notes)`},
	}, {
		name: "unknown nested field",
		files: func(t *testing.T) map[string]string {
			return map[string]string{"es-ES.yaml": edit(t, "voseo: {type: none}", "voseo: {type: none, kind: x}")}
		},
		want: []string{`data/es-ES.yaml:6:80: unknown field "kind" in address.voseo (known: type, paradigm)`},
	}, {
		name: "syntax error",
		files: func(t *testing.T) map[string]string {
			return map[string]string{"es-ES.yaml": edit(t, "parent: peninsular", "parent: [peninsular")}
		},
		want: []string{`data/es-ES.yaml:3: did not find expected ',' or ']'`},
	}, {
		name: "duplicate key",
		files: func(t *testing.T) map[string]string {
			return map[string]string{"es-ES.yaml": edit(t, "group: peninsular\n", "group: peninsular\ngroup: x\n")}
		},
		want: []string{`data/es-ES.yaml:5:1: duplicate field "group" (first at 4:1)`},
	}, {
		name: "wrong kind",
		files: func(t *testing.T) map[string]string {
			return map[string]string{"es-ES.yaml": edit(t, "informal: [tú]", "informal: tú")}
		},
		want: []string{`data/es-ES.yaml:6:21: address.informal: want a list, got "tú"`},
	}, {
		name: "quotes need two marks",
		files: func(t *testing.T) map[string]string {
			return map[string]string{"es-ES.yaml": edit(t, `primary: ["«", "»"]`, `primary: ["«", "»", "x"]`)}
		},
		want: []string{`data/es-ES.yaml:14:21: conventions.quotes.primary: want 2 items, got 3`},
	}, {
		name: "value out of range",
		files: func(t *testing.T) map[string]string {
			return map[string]string{"es-ES.yaml": edit(t, "plural: vosotros", "plural: vosotras")}
		},
		want: []string{`data/es-ES.yaml:6:50: address.plural: "vosotras" is not one of "ustedes", "vosotros"`},
	}, {
		name: "vos without voseo",
		files: func(t *testing.T) map[string]string {
			return map[string]string{"es-ES.yaml": edit(t, "informal: [tú]", "informal: [tú, vos], distribution: x")}
		},
		want: []string{`data/es-ES.yaml:6:21: address.informal: lists "vos" but voseo type "none" has no pronoun vos`},
	}, {
		name: "voseo verbs need a paradigm",
		files: func(t *testing.T) map[string]string {
			return map[string]string{"es-ES.yaml": edit(t, "{type: none}", "{type: verbal}")}
		},
		want: []string{`data/es-ES.yaml:6:67: address.voseo.paradigm: required when voseo type is "verbal"`},
	}, {
		name: "missing fields",
		files: func(t *testing.T) map[string]string {
			return map[string]string{"es-ES.yaml": strings.Replace(edit(t, "sources: [test]\n", ""), "en: Spanish of Spain", "en: ''", 1)}
		},
		want: []string{
			`data/es-ES.yaml:1:1: sources: missing`,
			`data/es-ES.yaml:2:36: names.en: must not be empty`,
		},
	}, {
		name: "tag not canonical",
		files: func(t *testing.T) map[string]string {
			return map[string]string{"es-ES.yaml": edit(t, "tag: es-ES", "tag: es-es")}
		},
		want: []string{`data/es-ES.yaml:1:6: tag: "es-es" is not canonical, want "es-ES"`},
	}, {
		name: "tag and file name differ",
		files: func(t *testing.T) map[string]string {
			return map[string]string{"es-ES.yaml": "", "spain.yaml": testESES}
		},
		want: []string{`data/spain.yaml:1:6: tag: "es-ES" does not match the file name "spain.yaml"; want es-ES.yaml`},
	}, {
		name: "not Spanish",
		files: func(t *testing.T) map[string]string {
			return map[string]string{"fr-FR.yaml": strings.Replace(testESES, "es-ES", "fr-FR", 1)}
		},
		want: []string{`data/fr-FR.yaml:1:6: tag: "fr-FR" is not a Spanish tag`},
	}, {
		name: "duplicate alias, both positions",
		files: func(t *testing.T) map[string]string {
			return map[string]string{"es-419.yaml": strings.Replace(testES, "tag: es\n",
				"tag: es-419\nparent: es\naliases: [latam, spain]\ntenses: {recent_past: preterite}\n", 1)}
		},
		want: []string{`data/es-ES.yaml:5:11: aliases[0]: "spain" is already used by es-419 (at data/es-419.yaml:3:18)`},
	}, {
		name: "unknown parent",
		files: func(t *testing.T) map[string]string {
			return map[string]string{"es-ES.yaml": edit(t, "parent: peninsular", "parent: iberian")}
		},
		want: []string{`data/es-ES.yaml:3:9: parent: unknown id "iberian": want a group id or a tag`},
	}, {
		name: "parent loop",
		files: func(t *testing.T) map[string]string {
			return map[string]string{"groups.yaml": testGroups +
				"  - {id: a, names: {es: a, en: a}, parent: b}\n  - {id: b, names: {es: b, en: b}, parent: a}\n"}
		},
		want: []string{
			`data/groups.yaml:3:44: groups[1].parent: parent chain loops: a → b → a`,
			`data/groups.yaml:4:44: groups[2].parent: parent chain loops: b → a → b`,
		},
	}, {
		name: "group id used as a tag",
		files: func(t *testing.T) map[string]string {
			return map[string]string{"groups.yaml": testGroups + "  - {id: es, names: {es: x, en: x}, parent: es}\n"}
		},
		want: []string{
			`data/es.yaml:1:6: tag: duplicate id "es" (first at data/groups.yaml:3:10)`,
			`data/groups.yaml:3:45: groups[1].parent: parent chain loops: es → es`,
		},
	}, {
		name:  "empty file",
		files: func(t *testing.T) map[string]string { return map[string]string{"es-ES.yaml": "# nothing\n"} },
		want:  []string{`data/es-ES.yaml: empty file: want a YAML mapping`},
	}, {
		name:  "missing groups",
		files: func(t *testing.T) map[string]string { return map[string]string{"groups.yaml": ""} },
		want:  []string{`data/groups.yaml: missing: the region groups are required`},
	}, {
		name:  "no root",
		files: func(t *testing.T) map[string]string { return map[string]string{"es.yaml": ""} },
		want: []string{
			`data: no profile for the root tag es`,
			`data/groups.yaml:2:71: groups[0].parent: unknown id "es": want a group id or a tag`,
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadFS(testFS(tt.files(t)), "data")
			if diff := cmp.Diff(tt.want, errorLines(t, err)); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

// errorLines splits a joined load error into its messages, checking that
// each is a *LoadError.
func errorLines(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	joined, ok := err.(interface{ Unwrap() []error })
	if !ok {
		t.Fatalf("error %T is not a joined error", err)
	}
	var lines []string
	for _, e := range joined.Unwrap() {
		var le *LoadError
		if !errors.As(e, &le) {
			t.Errorf("error %q is %T, not *LoadError", e, e)
		}
		lines = append(lines, e.Error())
	}
	return lines
}

func TestLoadErrorFormat(t *testing.T) {
	tests := []struct {
		err  LoadError
		want string
	}{
		{LoadError{Path: "data/es-VE.yaml", Line: 3, Col: 9, Msg: "x"}, "data/es-VE.yaml:3:9: x"},
		{LoadError{Path: "data/es-VE.yaml", Line: 3, Msg: "x"}, "data/es-VE.yaml:3: x"},
		{LoadError{Path: "data/es-VE.yaml", Msg: "x"}, "data/es-VE.yaml: x"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}
