package morph

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestEnclitic(t *testing.T) {
	tests := []struct {
		verb    string
		mood    Mood
		tense   Tense
		a       Paradigm
		clitics string
		want    string
	}{
		{"sentar", Imperative, Affirmative, Tu, "te", "siéntate"},
		{"sentar", Imperative, Affirmative, VosRioplatense, "te", "sentate"},
		{"sentar", Imperative, Affirmative, VosChilean, "te", "siéntate"},
		{"sentar", Imperative, Affirmative, Usted, "se", "siéntese"},
		{"sentar", Imperative, Affirmative, Vosotros, "os", "sentaos"},
		{"sentar", Imperative, Affirmative, Ustedes, "se", "siéntense"},
		{"sentar", Imperative, Affirmative, Nosotros, "nos", "sentémonos"},
		{"decir", Imperative, Affirmative, Nosotros, "se lo", "digámoselo"},
		{"decir", Imperative, Affirmative, Nosotros, "le lo", "digámoselo"},
		{"decir", Imperative, Affirmative, Tu, "me lo", "dímelo"},
		{"decir", Imperative, Affirmative, VosRioplatense, "me lo", "decímelo"},
		{"decir", Imperative, Affirmative, VosRioplatense, "me", "decime"},
		{"decir", Imperative, Affirmative, Vosotros, "me lo", "decídmelo"},
		{"dar", Imperative, Affirmative, Tu, "me lo", "dámelo"},
		{"dar", Imperative, Affirmative, Tu, "me", "dame"},
		{"dar", Imperative, Affirmative, Tu, "se lo", "dáselo"},
		{"dar", Imperative, Affirmative, Usted, "me", "deme"},
		{"hacer", Imperative, Affirmative, VosRioplatense, "me", "haceme"},
		{"hacer", Imperative, Affirmative, VosRioplatense, "me lo", "hacémelo"},
		{"hacer", Imperative, Affirmative, Tu, "lo", "hazlo"},
		{"poner", Imperative, Affirmative, VosRioplatense, "te", "ponete"},
		{"poner", Imperative, Affirmative, Tu, "te", "ponte"},
		{"ir", Imperative, Affirmative, VosRioplatense, "te", "andate"},
		{"ir", Imperative, Affirmative, Tu, "te", "vete"},
		{"ir", Imperative, Affirmative, Nosotros, "nos", "vámonos"},
		{"ir", Imperative, Affirmative, Vosotros, "os", "idos"},
		{"vestir", Imperative, Affirmative, Vosotros, "os", "vestíos"},
		{"oír", Imperative, Affirmative, Vosotros, "os", "oíos"},
		{"reunir", Imperative, Affirmative, Tu, "te", "reúnete"},
		{"quitar", Imperative, Affirmative, Tu, "te", "quítate"},
		{"averiguar", Imperative, Affirmative, Tu, "lo", "averígualo"},
		{"detener", Imperative, Affirmative, Tu, "te", "detente"},
		{"tomar", Imperative, Affirmative, Tu, "te", "tómate"},
		{"tomar", Imperative, Affirmative, VosRioplatense, "te", "tomate"},
		{"decir", NonFinite, GerundForm, "", "me lo", "diciéndomelo"},
		{"ir", NonFinite, GerundForm, "", "se", "yéndose"},
		{"dar", NonFinite, InfinitiveForm, "", "se lo", "dárselo"},
		{"oír", NonFinite, InfinitiveForm, "", "lo", "oírlo"},
		{"reír", NonFinite, InfinitiveForm, "", "se", "reírse"},
		{"incluir", NonFinite, InfinitiveForm, "", "lo", "incluirlo"},
		{"ir", NonFinite, InfinitiveForm, "", "os", "iros"},
		// Clusters or hosts that do not exist.
		{"sentar", Imperative, Affirmative, Usted, "te", ""},
		{"sentar", Imperative, Affirmative, Tu, "os", ""},
		{"sentar", Imperative, Affirmative, Tu, "se", ""},
		{"sentar", Imperative, Affirmative, Vosotros, "te", ""},
		{"decir", Imperative, Affirmative, Tu, "lo me", ""},
		{"decir", Imperative, Affirmative, Tu, "lo la", ""},
		{"decir", Imperative, Affirmative, Tu, "", ""},
		{"decir", Imperative, Negative, Tu, "me", ""},
		{"decir", Indicative, Present, Tu, "me", ""},
		{"decir", NonFinite, ParticipleForm, "", "me", ""},
	}
	for _, tt := range tests {
		got := mustLookup(t, tt.verb).Enclitic(tt.mood, tt.tense, tt.a, strings.Fields(tt.clitics)...)
		if got != tt.want {
			t.Errorf("%s %s.%s %s + %q = %q, want %q", tt.verb, tt.mood, tt.tense, tt.a,
				tt.clitics, got, tt.want)
		}
	}
}

func TestCliticCluster(t *testing.T) {
	tests := []struct {
		in, want string // want "!" for an error
	}{
		{"me lo", "me lo"}, {"se te lo", "se te lo"}, {"te me", "te me"},
		{"le lo", "se lo"}, {"les las", "se las"}, {"Se Le", "se le"},
		{"lo me", "!"}, {"me te", "!"}, {"lo la", "!"}, {"se se", "!"}, {"mi", "!"},
	}
	for _, tt := range tests {
		got, err := CliticCluster(strings.Fields(tt.in)...)
		if tt.want == "!" {
			if !errors.Is(err, ErrClitics) {
				t.Errorf("CliticCluster(%s) = %v, %v; want ErrClitics", tt.in, got, err)
			}
			continue
		}
		if diff := cmp.Diff(strings.Fields(tt.want), got); err != nil || diff != "" {
			t.Errorf("CliticCluster(%s): err %v, diff (-want +got):\n%s", tt.in, err, diff)
		}
	}
}

func TestAnalyzeEnclitic(t *testing.T) {
	type want struct {
		lemma    string
		tense    Tense
		person   Person
		paradigm Paradigm
		clitics  string
		host     string
		note     string // substring; "" for none
	}
	imp := Affirmative
	tests := []struct {
		surface string
		want    []want
		not     []Paradigm // paradigms that must not appear
	}{
		{"sentate", []want{{"sentar", imp, P2s, VosRioplatense, "te", "sentá", ""}}, []Paradigm{Tu}},
		{"siéntate", []want{{"sentar", imp, P2s, Tu, "te", "sienta", ""},
			{"sentar", imp, P2s, VosChilean, "te", "sienta", ""}}, []Paradigm{VosRioplatense}},
		{"sentaos", []want{{"sentar", imp, P2p, Vosotros, "os", "sentad", ""}}, nil},
		{"sentémonos", []want{{"sentar", imp, P1p, "", "nos", "sentemos", ""}}, nil},
		{"siéntense", []want{{"sentar", imp, P3p, Ustedes, "se", "sienten", ""}}, nil},
		{"siéntese", []want{{"sentar", imp, P3s, Usted, "se", "siente", ""}}, nil},
		{"siéntete", []want{{"sentir", imp, P2s, Tu, "te", "siente", ""}}, []Paradigm{Usted}},
		{"tómate", []want{{"tomar", imp, P2s, Tu, "te", "toma", ""}}, []Paradigm{VosRioplatense}},
		{"tomate", []want{{"tomar", imp, P2s, VosRioplatense, "te", "tomá", ""}}, []Paradigm{Tu}},
		{"dímelo", []want{{"decir", imp, P2s, Tu, "me lo", "di", ""}}, nil},
		{"decime", []want{{"decir", imp, P2s, VosRioplatense, "me", "decí", ""}}, nil},
		{"dame", []want{{"dar", imp, P2s, Tu, "me", "da", ""}}, nil},
		{"digámoselo", []want{{"decir", imp, P1p, "", "se lo", "digamos", ""}}, nil},
		{"vámonos", []want{{"ir", imp, P1p, "", "nos", "vamos", ""}}, nil},
		{"andate", []want{{"ir", imp, P2s, VosRioplatense, "te", "andá", ""}}, nil},
		{"idos", []want{{"ir", imp, P2p, Vosotros, "os", "id", ""}}, nil},
		{"iros", []want{{"ir", imp, P2p, Vosotros, "os", "id", NoteIros},
			{"ir", InfinitiveForm, "", "", "os", "ir", ""}}, nil},
		{"diciéndomelo", []want{{"decir", GerundForm, "", "", "me lo", "diciendo", ""}}, nil},
		{"dárselo", []want{{"dar", InfinitiveForm, "", "", "se lo", "dar", ""}}, nil},
		{"Dámelo", []want{{"dar", imp, P2s, Tu, "me lo", "da", ""}}, nil},
		{"sientate", []want{{"sentar", imp, P2s, Tu, "te", "sienta", "tilde: se escribe «siéntate»"}}, nil},
		{"sentáte", []want{{"sentar", imp, P2s, VosRioplatense, "te", "sentá", "tilde: se escribe «sentate»"}}, nil},
	}
	for _, tc := range tests {
		got := AnalyzeEnclitic(tc.surface)
		for _, w := range tc.want {
			ok := slices.ContainsFunc(got, func(r CliticReading) bool {
				return r.Lemma == w.lemma && r.Tense == w.tense && r.Person == w.person &&
					r.Paradigm == w.paradigm && strings.Join(r.Clitics, " ") == w.clitics &&
					r.Host == w.host &&
					(w.note == "" && r.Note == "" || w.note != "" && strings.Contains(r.Note, w.note))
			})
			if !ok {
				t.Errorf("AnalyzeEnclitic(%q) = %+v, want a reading %+v", tc.surface, got, w)
			}
		}
		for _, r := range got {
			if slices.Contains(tc.not, r.Paradigm) {
				t.Errorf("AnalyzeEnclitic(%q): unexpected reading %+v", tc.surface, r)
			}
		}
	}
	// Ordinary words that only look like verb + pronoun: no reading.
	for _, s := range []string{"mate", "cante", "pirámide", "parte", "corte", "frente",
		"alcance", "vale", "come", "sabe", "siéntete", "sentados", "dalelo", "", "xyzzy"} {
		for _, r := range AnalyzeEnclitic(s) {
			if s == "siéntete" && r.Lemma == "sentir" {
				continue // sentir (tú) + te is a real reading; sentar (usted) + te is not
			}
			t.Errorf("AnalyzeEnclitic(%q): unexpected reading %+v", s, r)
		}
	}
}

// encliticSample is every verb of classes.tsv that the list knows and every
// 50th verb of the list.
func encliticSample(t *testing.T) []string {
	tab, err := classes()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for inf := range tab {
		if Known(inf) {
			out = append(out, inf)
		}
	}
	for i, inf := range Verbs() {
		if i%50 == 0 {
			out = append(out, inf)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// TestEncliticRoundTrip checks AnalyzeEnclitic(Enclitic(v, …)) ∋ the reading
// for every paradigm's affirmative imperative, the infinitive and the
// gerund, with the common clusters.
func TestEncliticRoundTrip(t *testing.T) {
	clusters := [][]string{{"te"}, {"se"}, {"os"}, {"nos"}, {"me"}, {"lo"}, {"la"},
		{"me", "lo"}, {"se", "lo"}}
	type host struct {
		mood  Mood
		tense Tense
		a     Paradigm
	}
	hosts := []host{{NonFinite, InfinitiveForm, ""}, {NonFinite, GerundForm, ""}}
	for _, a := range paradigms[1:] {
		hosts = append(hosts, host{Imperative, Affirmative, a})
	}
	sample := encliticSample(t)
	checked, bad := 0, 0
	for _, inf := range sample {
		v := mustLookup(t, inf)
		for _, h := range hosts {
			for _, cl := range clusters {
				form := v.Enclitic(h.mood, h.tense, h.a, cl...)
				if form == "" {
					continue
				}
				checked++
				ok := slices.ContainsFunc(AnalyzeEnclitic(form), func(r CliticReading) bool {
					return r.Lemma == inf && r.Mood == h.mood && r.Tense == h.tense &&
						hostParadigm(r.Reading) == h.a && slices.Equal(r.Clitics, cl) &&
						r.Note == "" && r.Form == form
				})
				if !ok {
					bad++
					if bad <= 20 {
						t.Errorf("%s %v + %v = %q: not analysed back: %+v", inf, h, cl, form,
							AnalyzeEnclitic(form))
					}
				}
			}
		}
	}
	if checked < 10000 {
		t.Errorf("only %d forms checked", checked)
	}
	t.Logf("%d verbs, %d forms checked, %d failures", len(sample), checked, bad)
}
