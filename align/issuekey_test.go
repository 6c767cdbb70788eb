package align

import "testing"

func TestKeyOf(t *testing.T) {
	a := KeyOf(Lexical, "Coche", []string{"Carro", "auto"}, "es-VE")
	if b := KeyOf(Lexical, "coche", []string{"carro"}, "es-VE"); a != b {
		t.Errorf("case splits an issue: %+v, %+v", a, b)
	}
	if b := KeyOf(Lexical, "cóche", []string{"carro"}, "es-VE"); a != b {
		t.Errorf("an accent in the text splits an issue: %+v, %+v", a, b)
	}
	for _, b := range []IssueKey{
		KeyOf(Lexical, "coche", []string{"cárro"}, "es-VE"),
		KeyOf(Lexical, "coche", nil, "es-VE"),
		KeyOf(Lexical, "coche", []string{"carro"}, "es-MX"),
		KeyOf(Address, "coche", []string{"carro"}, "es-VE"),
	} {
		if a == b {
			t.Errorf("%+v and %+v are one issue", a, b)
		}
	}
}
