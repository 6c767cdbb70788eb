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

var _ = slices.Contains[[]string]
