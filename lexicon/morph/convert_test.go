package morph

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestConvert(t *testing.T) {
	tests := []struct {
		word     string
		from, to Paradigm
		want     string // forms joined by "|"; "" for none
		ok       bool
	}{
		{"tienes", Tu, VosRioplatense, "tenés", true},
		{"Tienes", Tu, VosRioplatense, "Tenés", true},
		{"TIENES", Tu, VosRioplatense, "TENÉS", true},
		{"tienes", Tu, VosChilean, "tenís", true},
		{"tienes", Tu, VosZulian, "tenéis", true},
		{"eres", Tu, VosRioplatense, "eres|sos", false}, // also erar, subjunctive
		{"siéntate", Tu, VosRioplatense, "sentate", true},
		{"siéntate", Tu, VosChilean, "siéntate", true},
		{"dímelo", Tu, VosRioplatense, "decímelo|dimilo", false}, // also dimir (dime) + lo
		{"canta", Tu, VosRioplatense, "cantá", false},            // also él canta
		{"tengas", Tu, VosRioplatense, "tengas", true},
		{"comiste", Tu, VosRioplatense, "comiste", true},
		{"tú", Tu, VosRioplatense, "vos", true},
		{"tú", Tu, VosChilean, "", false},
		{"ti", Tu, VosRioplatense, "vos", true},
		{"Contigo", Tu, VosRioplatense, "Con vos", true},
		{"canto", Tu, VosRioplatense, "", false},
		{"tenés", VosRioplatense, Tu, "tienes", true},
		{"sentate", VosRioplatense, Tu, "siéntate", true},
		{"hacé", VosRioplatense, Tu, "haz", true},
		{"sos", VosRioplatense, Tu, "eres", true},
		{"vos", VosRioplatense, Tu, "tú|ti", false},
		{"tenís", VosChilean, Tu, "tienes", true},
		{"tenéis", Vosotros, Ustedes, "tienen", true},
		{"sentaos", Vosotros, Ustedes, "siéntense", true},
		{"tengáis", Vosotros, Ustedes, "tengan", true},
		{"no tengáis", Vosotros, Ustedes, "no tengan", true},
		{"No tengas", Tu, VosRioplatense, "No tengas", true},
		{"decídmelo", Vosotros, Ustedes, "díganmelo", true},
		{"vuestro", Vosotros, Ustedes, "su", true},
		{"vuestras", Vosotros, Ustedes, "sus", true},
		{"os", Vosotros, Ustedes, "se|les|los|las", false},
		{"sentaros", Vosotros, Ustedes, "sentarse|sentarles|sentarlos|sentarlas", false},
		{"siéntense", Ustedes, Vosotros, "sentaos", true},
		{"tienen", Ustedes, Vosotros, "tenéis", false}, // also ellos tienen
		{"pónganselo", Ustedes, Vosotros, "ponéoslo|ponédselo", false},
		{"ustedes", Ustedes, Vosotros, "vosotros|vosotras", false},
		{"tienes", Tu, Ustedes, "", false}, // unsupported
		{"tienes", Usted, Tu, "", false},
	}
	for _, tt := range tests {
		out, ok := Convert(tt.word, tt.from, tt.to)
		if got := strings.Join(out, "|"); got != tt.want || ok != tt.ok {
			t.Errorf("Convert(%q, %s, %s) = %q, %v; want %q, %v", tt.word, tt.from, tt.to,
				got, ok, tt.want, tt.ok)
		}
	}
}

func TestConvertText(t *testing.T) {
	tests := []struct {
		in       string
		from, to Paradigm
		want     string
		rules    string // the edits' rules, space-separated
		amb      string // the ambiguous spans, "|"-separated
	}{
		{"¿Tienes tiempo? Siéntate y dime qué quieres.", Tu, VosRioplatense,
			"¿Tenés tiempo? Sentate y decime qué querés.", "verb enclitic enclitic verb", "dime"},
		{"Tú eres mi amigo y Juan canta bien. ¡Canta!", Tu, VosRioplatense,
			"Vos sos mi amigo y Juan canta bien. ¡Cantá!", "pronoun verb verb-context", ""},
		{"Canta muy bien.", Tu, VosRioplatense, "Canta muy bien.", "", "Canta"},
		{"Voy contigo. Es para ti. Ojalá que tengas suerte; no tengas miedo.", Tu, VosRioplatense,
			"Voy con vos. Es para vos. Ojalá que tengas suerte; no tengas miedo.", "pronoun pronoun", ""},
		{"Tú tienes razón.", Tu, VosChilean, "Tú tenís razón.", "verb", ""},
		{"¿La tienes? ¿Las tienes? Las casas de mis tías. Las pruebas tú.", Tu, VosRioplatense,
			"¿La tenés? ¿Las tienes? Las casas de mis tías. Las probás vos.",
			"verb verb-context pronoun", "tienes|casas"},
		{"Este regalo es para vos. Mamá, vení. Ojalá vengas.", VosRioplatense, Tu,
			"Este regalo es para ti. Mamá, ven. Ojalá vengas.", "pronoun verb", ""},
		{"Vos tenés razón: vení con vos, es para vos.", VosRioplatense, Tu,
			"Tú tienes razón: ven contigo, es para ti.", "pronoun verb verb pronoun pronoun", ""},
		{"Vosotros tenéis razón. Sentaos. No tengáis miedo. Os sentáis aquí.", Vosotros, Ustedes,
			"Ustedes tienen razón. Siéntense. No tengan miedo. Se sientan aquí.",
			"pronoun verb enclitic verb os-reflexive verb", ""},
		{"Os lo doy. Os gusta el cine. Os ha gustado. Os veo mañana.", Vosotros, Ustedes,
			"Se lo doy. Les gusta el cine. Les ha gustado. Os veo mañana.",
			"os-se-lo os-dative os-dative", "Os"},
		{"Vais a sentaros. Quiero veros. Voy a dároslo.", Vosotros, Ustedes,
			"Van a sentarse. Quiero veros. Voy a dárselo.", "verb os-reflexive os-se-lo", "veros"},
		{"Vuestro coche es rojo. Vuestra casa y su jardín.", Vosotros, Ustedes,
			"Su coche es rojo. Su casa y su jardín.", "possessive possessive", "Vuestra"},
		{"Ustedes se sientan. Ustedes se lo dan. Ustedes aman a su madre.", Ustedes, Vosotros,
			"Vosotros os sentáis. Vosotros se lo dais. Vosotros amáis a su madre.",
			"pronoun se-reflexive verb-context pronoun verb-context pronoun verb-context",
			"Ustedes|Ustedes|se|Ustedes|su"},
		{"Estáis sentándoos. Os estáis sentando.", Vosotros, Ustedes,
			"Están sentándose. Se están sentando.", "verb os-reflexive os-reflexive verb", ""},
		{"Ustedes tienen razón. Siéntense, por favor.", Ustedes, Vosotros,
			"Vosotros tenéis razón. Sentaos, por favor.", "pronoun verb-context enclitic", "Ustedes"},
	}
	for _, tt := range tests {
		got := ConvertText(tt.in, tt.from, tt.to)
		if got.Err != nil {
			t.Fatalf("ConvertText(%q): %v", tt.in, got.Err)
		}
		var rules, amb []string
		for _, e := range got.Edits {
			rules = append(rules, e.Rule)
			if tt.in[e.Start:e.End] != e.From {
				t.Errorf("ConvertText(%q): edit %+v does not match its span", tt.in, e)
			}
		}
		for _, a := range got.Ambiguities {
			amb = append(amb, a.Text)
			if tt.in[a.Start:a.End] != a.Text || a.Message == "" || len(a.Candidates) == 0 {
				t.Errorf("ConvertText(%q): bad ambiguity %+v", tt.in, a)
			}
		}
		if diff := cmp.Diff(tt.want, got.Text); diff != "" {
			t.Errorf("ConvertText(%q) text (-want +got):\n%s", tt.in, diff)
		}
		if g := strings.Join(rules, " "); g != tt.rules {
			t.Errorf("ConvertText(%q) rules = %q, want %q", tt.in, g, tt.rules)
		}
		if g := strings.Join(amb, "|"); g != tt.amb {
			t.Errorf("ConvertText(%q) ambiguities = %q, want %q (%+v)", tt.in, g, tt.amb, got.Ambiguities)
		}
	}
}

func TestConvertTextUnsupported(t *testing.T) {
	for _, p := range [][2]Paradigm{{Usted, Tu}, {Tu, Ustedes}, {Vosotros, Tu}, {Nosotros, Vosotros}, {"xx", Tu}} {
		got := ConvertText("tienes", p[0], p[1])
		if !errors.Is(got.Err, ErrUnsupported) || got.Text != "tienes" || len(got.Edits) != 0 {
			t.Errorf("ConvertText(%s → %s) = %+v, want ErrUnsupported", p[0], p[1], got)
		}
	}
}

// tuCorpus is written for these tests: tuteo sentences whose conversion to
// voseo and back is unambiguous.
var tuCorpus = []string{
	"¿Tienes tiempo mañana?",
	"Tú sabes que te quiero.",
	"Siéntate aquí, por favor.",
	"Dímelo ya.",
	"Si puedes, llámame esta noche.",
	"¿Qué quieres comer?",
	"Eres muy amable, gracias.",
	"Ven conmigo al cine.",
	"Voy contigo a la playa.",
	"Este regalo es para ti.",
	"¿Dónde vives ahora?",
	"Cuéntame qué pasó ayer.",
	"No tengas miedo, estoy contigo.",
	"Ojalá que tengas suerte.",
	"¿Por qué no vienes a cenar?",
	"Haz lo que quieras.",
	"Ponte el abrigo, que hace frío.",
	"¿Cómo te llamas?",
	"Comiste demasiado anoche.",
	"Mañana tendrás tiempo.",
	"TÚ TIENES LA CULPA.",
	"¡Cuídate mucho!",
	"¿Entiendes lo que digo?",
	"Duermes poco y trabajas mucho.",
	"Acuéstate temprano.",
	"Dame la mano.",
	"¿Recuerdas aquel verano?",
	"Piensas demasiado en el trabajo.",
	"Escríbeme cuando llegues.",
	"¿Conoces a mi hermana?",
	"Tienes que decírselo.",
	"Pídele perdón.",
	"¿Juegas al fútbol los domingos?",
	"Las casas de tu barrio son bonitas.",
	"Esta es la casa de mi mamá.",
	"Este regalo es para ti.",
	"Mírame a los ojos.",
}

// TestConvertTextRoundTrip checks ConvertText(ConvertText(t, tú, vos), vos,
// tú) == t for each voseo.
func TestConvertTextRoundTrip(t *testing.T) {
	for _, vos := range []Paradigm{VosRioplatense, VosChilean, VosZulian} {
		changed := 0
		for _, s := range tuCorpus {
			there := ConvertText(s, Tu, vos)
			back := ConvertText(there.Text, vos, Tu)
			if back.Text != s {
				t.Errorf("%s: %q → %q → %q (ambiguities %+v, %+v)", vos, s, there.Text,
					back.Text, there.Ambiguities, back.Ambiguities)
			}
			if there.Text != s {
				changed++
			}
		}
		if min := len(tuCorpus) / 3; changed < min { // Chilean keeps tú and the imperative
			t.Errorf("%s: only %d of %d sentences changed", vos, changed, len(tuCorpus))
		}
	}
}

// FuzzConvertText checks that edits and ambiguities are sorted, disjoint
// spans of the input that the edits rebuild into Text.
func FuzzConvertText(f *testing.F) {
	for _, s := range tuCorpus {
		f.Add(s)
	}
	f.Add("Vos, con vos\n\tno\xff os lo doy; vuestro os")
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range [][2]Paradigm{{Tu, VosRioplatense}, {VosRioplatense, Tu},
			{Vosotros, Ustedes}, {Ustedes, Vosotros}} {
			got := ConvertText(s, p[0], p[1])
			at := 0
			for _, e := range got.Edits {
				if e.Start < at || e.End < e.Start || s[e.Start:e.End] != e.From {
					t.Fatalf("%q %v: bad edit %+v", s, p, e)
				}
				at = e.End
			}
			if apply(s, got.Edits) != got.Text {
				t.Fatalf("%q %v: Text does not match the edits", s, p)
			}
			for _, a := range got.Ambiguities {
				if a.Start > a.End || a.End > len(s) || s[a.Start:a.End] != a.Text {
					t.Fatalf("%q %v: bad ambiguity %+v", s, p, a)
				}
			}
		}
	})
}
