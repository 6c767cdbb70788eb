package token

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/unicode/norm"
)

var foldTests = []struct{ in, want string }{
	{"", ""},
	{"hola", "hola"},
	{"año", "año"},
	{"ano", "ano"},
	{"AÑO", "año"},
	{"Año Nuevo", "año nuevo"},
	{"a\u0303n\u0303o", "ãño"}, // ã is not a Spanish vowel accent: kept
	{"PINGÜINO pingüino", "pinguino pinguino"},
	{"Él está allí, ¿sí?", "el esta alli, ¿si?"},
	{"ÁÉÍÓÚ àèìòù âêîôû äëïöü", "aeiou aeiou aeiou aeiou"},
	{"cafe\u0301", "cafe"},         // NFD acute
	{"CAFE\u0301", "cafe"},         // NFD, uppercase
	{"n\u0303andu\u0301", "ñandu"}, // NFD tilde composes to ñ
	{"N\u0303", "ñ"},
	{"É\u0301", "e"},       // an accent NFC cannot compose is still a vowel accent
	{"u\u0308\u0301", "ǘ"}, // precomposed beyond Latin-1: left alone, as bleve does
	{"Ça VA, façade", "ça va, façade"},
	{"T\u0308", "ẗ"}, // lowercasing makes the mark composable
	{"É\u0309", "ẻ"},
	{"É\u0321\u0301", "e\u0321"}, // accents go even behind another mark // so does removing the accent
	{"HABLÁS vs hablas", "hablas vs hablas"},
	{"ΕΛΛΆΔΑ", "ελλάδα"},
	{"İ", "i"},
	{"👍🏽 1.234,56 €", "👍🏽 1.234,56 €"},
}

func TestFold(t *testing.T) {
	for _, tc := range foldTests {
		if got := Fold(tc.in); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := string(AppendFold([]byte("x"), tc.in)); got != "x"+tc.want {
			t.Errorf("AppendFold(x, %q) = %q, want %q", tc.in, got, "x"+tc.want)
		}
	}
}

func TestFoldKeepsEnye(t *testing.T) {
	if Fold("año") == Fold("ano") {
		t.Error("Fold(año) == Fold(ano): ñ must not fold")
	}
	if Fold("AÑO") != Fold("año") || Fold("an\u0303o") != Fold("año") {
		t.Error("AÑO, año and NFD año must fold alike")
	}
}

func TestFoldAllocations(t *testing.T) {
	for _, s := range []string{"año que viene", "¿qué tal? “bien” — 👍🏽", "Ya"} {
		want := 0.0
		if Fold(s) != s {
			want = 1 // the result string
		}
		if got := testing.AllocsPerRun(100, func() { _ = Fold(s) }); got != want {
			t.Errorf("Fold(%q) allocates %v times, want %v", s, got, want)
		}
	}
	buf := make([]byte, 0, 256)
	for _, s := range []string{"AÑO Pingüino", "cafe\u0301 n\u0303andu\u0301"} {
		if got := testing.AllocsPerRun(100, func() { buf = AppendFold(buf[:0], s) }); got != 0 {
			t.Errorf("AppendFold(%q) allocates %v times, want 0", s, got)
		}
	}
}

func TestLower(t *testing.T) {
	tests := []struct{ in, want string }{
		{"HABLÁS", "hablás"},
		{"HABLA\u0301S", "hablás"},
		{"Año", "año"},
		{"ya está", "ya está"},
		{"T\u0308", "ẗ"},
	}
	for _, tc := range tests {
		if got := Lower(tc.in); got != tc.want {
			t.Errorf("Lower(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if Lower("hablás") == Lower("hablas") {
		t.Error("Lower must keep written accents")
	}
}

func TestNFC(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"hola", "hola"},
		{"café", "café"},
		{"cafe\u0301", "café"},
		{"n\u0303", "ñ"},
		{"\u212B", "Å"}, // singleton decomposition: ANGSTROM SIGN
	}
	for _, tc := range tests {
		if got := NFC(tc.in); got != tc.want {
			t.Errorf("NFC(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	s := "ya está en NFC: ñ, ü, “comillas” 👍🏽"
	if got := testing.AllocsPerRun(100, func() { _ = NFC(s) }); got != 0 {
		t.Errorf("NFC of NFC text allocates %v times, want 0", got)
	}
}

// TestFoldNormalizationInsensitive checks that composed and decomposed
// spellings of the same text fold alike.
func TestFoldNormalizationInsensitive(t *testing.T) {
	s := "¿Cómo está, Sr. Muñoz? ¡PINGÜINO! Ça, Ελλάδα, ǘ, Ω"
	var got []string
	for _, f := range []norm.Form{norm.NFC, norm.NFD, norm.NFKC} {
		got = append(got, Fold(f.String(s)))
	}
	want := []string{got[0], got[0], got[0]}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Fold differs across normalization forms (-want +got):\n%s", diff)
	}
}
