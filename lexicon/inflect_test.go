package lexicon

import "testing"

func TestPluralOf(t *testing.T) {
	tests := map[string]string{
		"carro": "carros", "coche": "coches", "ordenador": "ordenadores", "camión": "camiones",
		"autobús": "autobuses", "lápiz": "lápices", "crisis": "crisis", "mes": "meses",
		"joven": "jóvenes", "examen": "exámenes", "maní": "maníes", "rey": "reyes",
		"carro por puesto": "carros por puesto", "teléfono celular": "teléfonos celulares",
		"fecha de caducidad": "fechas de caducidad", "tren": "trenes", "pan": "panes",
		"virus": "virus", "bus": "buses", "origen": "orígenes", "tabú": "tabúes",
	}
	for in, want := range tests {
		if got := PluralOf(in); got != want {
			t.Errorf("PluralOf(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFeminineOf(t *testing.T) {
	tests := map[string]string{"nuevo": "nueva", "chévere": "chévere", "trabajador": "trabajadora",
		"alemán": "alemana", "inglés": "inglesa", "catire": "catire", "güero": "güera"}
	for in, want := range tests {
		if got := FeminineOf(in); got != want {
			t.Errorf("FeminineOf(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSingularOf(t *testing.T) {
	tests := map[string]string{"palomitas": "palomita", "cotufas": "cotufa", "lápices": "lápiz", "crispetas": "crispeta"}
	for in, want := range tests {
		if got := SingularOf(in); got != want {
			t.Errorf("SingularOf(%q) = %q, want %q", in, got, want)
		}
	}
}
