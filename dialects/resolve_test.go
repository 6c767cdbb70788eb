package dialects

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestResolve(t *testing.T) {
	s := mustLoad(t)
	tests := []struct{ in, want string }{
		// Tags, in any case and with "_".
		{"es-VE", "es-VE"},
		{"es_VE", "es-VE"},
		{"es-ve", "es-VE"},
		{"ES-VE", "es-VE"},
		{"  es-MX\n", "es-MX"},
		{"es", "es"},
		{"es-419", "es-419"},
		{"es-US", "es-US"},
		{"es-VE-u-sd-vev", "es-VE-u-sd-vev"},
		{"ES_ve_U_sd_VEV", "es-VE-u-sd-vev"},
		{"es-ES-u-sd-escn", "es-ES-u-sd-escn"},
		{"es-CO-u-sd-coant", "es-CO-u-sd-coant"},
		// Country aliases, case- and accent-insensitive (ñ is kept).
		{"ve", "es-VE"},
		{"VE", "es-VE"},
		{"venezuelan", "es-VE"},
		{"venezolano", "es-VE"},
		{"Venezolano", "es-VE"},
		{"ar", "es-AR"},
		{"mexican", "es-MX"},
		{"mexicano", "es-MX"},
		{"MÉXICO", "es-MX"},
		{"mexico", "es-MX"},
		{"nicaraguense", "es-NI"},
		{"Nicaragüense", "es-NI"},
		{"peru", "es-PE"},
		{"republica_dominicana", "es-DO"},
		{"spain", "es-ES"},
		{"España", "es-ES"},
		{"chilean", "es-CL"},
		// Group ids with an obvious representative.
		{"rioplatense", "es-AR"},
		{"peninsular", "es-ES"},
		{"us", "es-US"},
		// Sub-national aliases.
		{"zuliano", "es-VE-u-sd-vev"},
		{"maracucho", "es-VE-u-sd-vev"},
		{"canario", "es-ES-u-sd-escn"},
		{"paisa", "es-CO-u-sd-coant"},
		{"antioqueño", "es-CO-u-sd-coant"},
		{"Antioqueño", "es-CO-u-sd-coant"},
		{"antioqueno", "es-CO-u-sd-coant"},
		// Supranational.
		{"latam", "es-419"},
		{"latinoamericano", "es-419"},
		{"Latinoamérica", "es-419"},
		{"neutral", "es"},
		{"general", "es"},
		{"castellano", "es"},
		// Other well-formed Spanish tags, through the matcher.
		{"es-Latn-VE", "es-VE"},
		{"spa-VE", "es-VE"},
		{"es-BZ", "es-419"},
		{"es-BR", "es-419"},
		{"es-005", "es-419"},
		{"es-AR-u-sd-arc", "es-AR"},
		{"es-VE-u-sd-vea", "es-VE"},
		{"es-VE-u-ca-gregory-sd-vev", "es-VE-u-sd-vev"},
		{"es-Latn-VE-u-sd-vev", "es-VE-u-sd-vev"},
		{"es-MX-x-habla", "es-MX"},
		{"es-ES-valencia", "es-ES"},
		{"es-FR", "es"},
	}
	for _, tt := range tests {
		p, err := s.Resolve(tt.in)
		if err != nil {
			t.Errorf("Resolve(%q): %v", tt.in, err)
			continue
		}
		if p.Tag != tt.want {
			t.Errorf("Resolve(%q) = %s, want %s", tt.in, p.Tag, tt.want)
		}
	}
}

func TestResolveErrors(t *testing.T) {
	s := mustLoad(t)
	all := s.Tags()
	tests := []struct {
		in   string
		want UnknownTagError
	}{
		{"fr-FR", UnknownTagError{Input: "fr-FR", Part: "fr", Supported: all}},
		{"FR_fr", UnknownTagError{Input: "FR_fr", Part: "FR", Supported: all}},
		{"pt-BR", UnknownTagError{Input: "pt-BR", Part: "pt", Supported: all}},
		{"en", UnknownTagError{Input: "en", Part: "en", Supported: all}},
		{"und-VE", UnknownTagError{Input: "und-VE", Part: "und", Supported: all}},
		{"es-VEE", UnknownTagError{Input: "es-VEE", Part: "VEE", Supported: all}},
		{"xx-VE", UnknownTagError{Input: "xx-VE", Part: "xx", Supported: all}},
		{"es-Cyrl", UnknownTagError{Input: "es-Cyrl", Part: "Cyrl", Supported: all}},
		{"es-Arab-MA", UnknownTagError{Input: "es-Arab-MA", Part: "Arab", Supported: all}},
		{"es-verylongsubtag", UnknownTagError{Input: "es-verylongsubtag", Part: "verylongsubtag", Supported: all}},
		{"es-V.E", UnknownTagError{Input: "es-V.E", Part: "V.E", Supported: all}},
		{"venezuelaa", UnknownTagError{Input: "venezuelaa", Part: "venezuelaa", Supported: all}},
		{"es--VE", UnknownTagError{Input: "es--VE", Part: "es--VE", Supported: all}},
		{"", UnknownTagError{Input: "", Part: "", Supported: all}},
		{"caribbean", UnknownTagError{Input: "caribbean", Part: "caribbean", Group: "caribbean",
			Supported: []string{"es-CU", "es-DO", "es-PA", "es-PR", "es-VE", "es-VE-u-sd-vev"}}},
		{"Andean", UnknownTagError{Input: "Andean", Part: "Andean", Group: "andean",
			Supported: []string{"es-BO", "es-CO", "es-CO-u-sd-coant", "es-EC", "es-PE"}}},
	}
	for _, tt := range tests {
		p, err := s.Resolve(tt.in)
		var ute *UnknownTagError
		if !errors.As(err, &ute) {
			t.Errorf("Resolve(%q) = %v, %v; want *UnknownTagError", tt.in, p, err)
			continue
		}
		if p != nil {
			t.Errorf("Resolve(%q) returned a profile with its error", tt.in)
		}
		if diff := cmp.Diff(tt.want, *ute); diff != "" {
			t.Errorf("Resolve(%q) error (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestUnknownTagErrorMessage(t *testing.T) {
	sup := []string{"es", "es-419", "es-VE"}
	tests := []struct {
		err  UnknownTagError
		want string
	}{
		{UnknownTagError{Input: "fr-FR", Part: "fr", Supported: sup},
			`unknown variety "fr-FR": bad part "fr"; supported: es, es-419, es-VE`},
		{UnknownTagError{Input: "venezuelaa", Part: "venezuelaa", Supported: sup},
			`unknown variety "venezuelaa"; supported: es, es-419, es-VE`},
		{UnknownTagError{Input: " ", Part: "", Supported: sup},
			`empty variety tag; supported: es, es-419, es-VE`},
		{UnknownTagError{Input: "caribbean", Part: "caribbean", Group: "caribbean", Supported: []string{"es-CU", "es-VE"}},
			`"caribbean" is a region group, not a variety: pick one of es-CU, es-VE`},
	}
	for _, tt := range tests {
		got := tt.err.Error()
		if got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
		if got != strings.ToLower(got[:1])+got[1:] {
			t.Errorf("Error() = %q: errors start lowercase", got)
		}
	}
}

// Every tag and alias a profile declares resolves back to that profile.
func TestResolveDeclaredNames(t *testing.T) {
	s := mustLoad(t)
	for _, p := range s.Profiles() {
		for _, name := range append([]string{p.Tag, strings.ToUpper(p.Tag)}, p.Aliases...) {
			got, err := s.Resolve(name)
			if err != nil || got != p {
				t.Errorf("Resolve(%q) = %v, %v; want %s", name, got, err, p.Tag)
			}
		}
	}
}

func TestFoldKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Venezolano", "venezolano"},
		{"MÉXICO", "mexico"},
		{"antioqueño", "antioqueño"},
		{"ANTIOQUEÑO", "antioqueño"},
		{"nicaragüense", "nicaraguense"},
		{"es_VE", "es-ve"},
		{"me\u0301xico", "mexico"}, // decomposed accent
	}
	for _, tt := range tests {
		if got := foldKey(tt.in); got != tt.want {
			t.Errorf("foldKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestResolvePrivateUseRegion(t *testing.T) {
	set, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range []string{"es-XX", "es-zz", "es-QM"} {
		_, err := set.Resolve(in)
		var ute *UnknownTagError
		if !errors.As(err, &ute) || !strings.EqualFold(ute.Part, in[3:]) {
			t.Errorf("Resolve(%q) = %v, want an UnknownTagError naming %q", in, err, in[3:])
		}
	}
}
