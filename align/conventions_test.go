package align

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// convBrief is a convention finding reduced to what the tests compare.
type convBrief struct {
	Text, Rule  string
	Kind        Kind
	Severity    Severity
	Suggestions []string
}

func convBriefs(fs []Finding) []convBrief {
	var out []convBrief
	for _, f := range fs {
		if f.Kind != Convention && !strings.HasPrefix(f.Rule, "convention/") {
			continue
		}
		out = append(out, convBrief{f.Text, f.Rule, f.Kind, f.Severity, f.Suggestions})
	}
	return out
}

type convCase struct {
	target, text string
	want         []convBrief
}

func runConvCases(t *testing.T, tests []convCase) {
	t.Helper()
	aligners := map[string]*Aligner{}
	for _, tt := range tests {
		t.Run(tt.target+"/"+tt.text, func(t *testing.T) {
			a := aligners[tt.target]
			if a == nil {
				a = aligner(t, tt.target)
				aligners[tt.target] = a
			}
			res := a.Align(tt.text)
			if diff := cmp.Diff(tt.want, convBriefs(res.Findings)); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}

func conv(text, rule string, sugg ...string) convBrief {
	return convBrief{text, rule, Convention, Minor, sugg}
}

func TestConventionNumbers(t *testing.T) {
	runConvCases(t, []convCase{
		{"es-VE", "La tasa subió a 3.5 por ciento.", []convBrief{conv("3.5", "convention/decimal", "3,5")}},
		{"es-VE", "Pagó 1,234.56 en total.", []convBrief{conv("1,234.56", "convention/decimal", "1.234,56")}},
		{"es-VE", "Eran -0.75 grados.", []convBrief{conv("-0.75", "convention/decimal", "-0,75")}},
		{"es-MX", "Pagó 1.234,56 en total.", []convBrief{conv("1.234,56", "convention/decimal", "1,234.56")}},
		{"es-MX", "Mide 3,5 metros.", []convBrief{conv("3,5", "convention/decimal", "3.5")}},
		{"es-MX", "Viven 1.234.567 personas.", []convBrief{conv("1.234.567", "convention/group", "1,234,567")}},
		{"es-ES", "Viven 1,234,567 personas.", []convBrief{conv("1,234,567", "convention/group", "1.234.567")}},
		// Ambiguous 1.234: the text's other numbers decide, and a target
		// reader would take it for another value (major).
		{"es-MX", "Son 1.234 cajas y pesan 3,5 kilos.", []convBrief{
			{"1.234", "convention/group", Convention, Major, []string{"1,234"}},
			conv("3,5", "convention/decimal", "3.5"),
		}},
		{"es-VE", "Mide 1.234 metros, no 2.5.", []convBrief{
			{"1.234", "convention/decimal", Convention, Major, []string{"1,234"}},
			conv("2.5", "convention/decimal", "2,5"),
		}},
		{"es-VE", "Hay 5.000 personas y 1.234 casas.", nil}, // thousands, as in Venezuela
		// 5.000 is a thousand grouping whatever the text says: no one
		// writes five with three decimal zeros.
		{"es-MX", "Hay 5.000 personas.", []convBrief{conv("5.000", "convention/group", "5,000")}},
	})
}

// Numbers that must never be flagged.
func TestConventionNumbersNegative(t *testing.T) {
	var tests []convCase
	for _, target := range []string{"es-VE", "es-MX", "es-ES"} {
		for _, text := range []string{
			"Nació en 2024 y se mudó en 1998.",
			"Instale la versión 1.2.3 o la v2.0 del programa.",
			"Actualice a la versión 2.5 cuanto antes.",
			"Requiere Python 3.12 y Android 14.1 como mínimo.",
			"Nos vemos a las 10.30 en la plaza.",
			"Empieza a las 09.30 hora local (08.30 GMT).",
			"El programa emitido a las 24.10 fue el más visto.",
			"El curso empieza a las 10:30 y termina 12.45 h.",
			"Llame al teléfono 0212.555.1234 o al +58 412 555 1234.",
			"Mi cédula es V-12.345.678 y el RIF J-1234.5678-9.",
			"El pedido n.º 12.345 salió ayer.",
			"Quedó en 1.º lugar y en el 2.º puesto el año pasado.",
			"Eso fue entre 1990-2000, en los 3,5-4,5 metros.",
			"Visite https://ejemplo.com/v1.5/precios o escriba a ana.1.5@correo.com hoy.",
			"Ejecute `pip install pkg==1.5` en la terminal.",
			"La IP es 192.168.1.1 y el puerto 8.080.",
			"Lea Juan 3.16 esta noche.",
			"Son 1.234 personas.",
			"Son 1,234 personas.",
			"Capítulo 3.2: los números.",
			// Versions, protocols, zoom factors and ratios: technical
			// notation that every Firefox locale keeps with its point.
			"Actualice a TLS 1.2 ó 1.3 cuanto antes.",
			"Use TLS 1.3.",
			"Compatible con las versiones 1.2 y 1.3 del protocolo.",
			"El servidor responde con HTTP/1.1 y HTTP/2.",
			"Descargue la v2.5 hoy.",
			"Zoom: 1.25×",
			"Reproducir a 1.5x de velocidad.",
			"Velocidad ×1.5 o x0.5.",
			"Relación 1.5 : 1 en pantalla.",
		} {
			tests = append(tests, convCase{target, text, nil})
		}
	}
	runConvCases(t, tests)
}

func TestConventionCurrency(t *testing.T) {
	foreign := func(text string) convBrief { return conv(text, "convention/currency-foreign") }
	review := func(text string, sugg ...string) convBrief {
		return convBrief{text, "convention/currency-ambiguous", Review, Minor, sugg}
	}
	runConvCases(t, []convCase{
		{"es-VE", "Cuesta 20 € en la tienda.", []convBrief{foreign("€")}},
		{"es-VE", "Cuesta 20 euros en la tienda.", []convBrief{foreign("euros")}},
		{"es-VE", "Cuesta 2 millones de euros.", []convBrief{foreign("euros")}},
		{"es-VE", "Cuesta 20 EUR en la tienda.", []convBrief{foreign("EUR")}},
		{"es-ES", "Cuesta 500 pesos en el mercado.", []convBrief{foreign("pesos")}},
		{"es-ES", "Cuesta 500 MXN en el mercado.", []convBrief{foreign("MXN")}},
		{"es-ES", "Cuesta Bs. 500 en Caracas.", []convBrief{foreign("Bs.")}},
		{"es-ES", "Cuesta $20 la entrada.", []convBrief{review("$", "US$")}},
		{"es-MX", "Cuesta $200, unos 10 dólares.", []convBrief{review("$", "MX$", "US$")}},
		{"es-ES", "Cuesta €20 la entrada.", []convBrief{conv("€20", "convention/currency-position", "20 €")}},
		{"es-ES", "Cuesta 20€ la entrada.", []convBrief{conv("20€", "convention/currency-position", "20 €")}},
		{"es-VE", "Se pagaba en Bs.F 1.000 antes.", []convBrief{conv("Bs.F", "convention/currency-outdated", "VES", "Bs.")}},
		{"es-ES", "Cuesta 40 u$s o 40 $U o RD$ 40.", []convBrief{foreign("$U"), foreign("RD$")}},
	})
}

func TestConventionCurrencyNegative(t *testing.T) {
	var tests []convCase
	for _, c := range []struct{ target, text string }{
		{"es-VE", "Cuesta Bs. 500 o 20 $ en efectivo."},
		{"es-VE", "Cuesta 20 dólares o US$ 20."},
		{"es-VE", "Son 300 bolívares."},
		{"es-BO", "Son Bs 300 o 300 bolivianos."},
		{"es-MX", "Cuesta $200 en el mercado."},
		{"es-MX", "Cuesta MX$ 200 o 200 pesos."},
		{"es-AR", "Cuesta $ 5.000 o u$s 40."}, // u$s for dollars: $ is pesos
		{"es-MX", "Cuesta $200 o US$ 10 dólares."},
		{"es-AR", "Pesan dos pesos pesados y el peso es de 5 kilos."},
		{"es-ES", "Cuesta 20 € o 20 euros."},
		{"es-ES", "Cuesta 20 dólares o 20 USD."},
		{"es-ES", "Los bolivianos votaron; el euro subió."},
		{"es-ES", "La variable $HOME y el signo $ no son precios."},
		{"es-ES", "Elija %1$S o %2$S, { $count } elementos."},
		{"es-PE", "Cuesta S/ 20 o $ 6."},
		{"es-419", "Cuesta 20 € o 500 pesos."}, // no country, no currency
		{"es-ES", "El sol sale; hace 3 soles que no... no."},
	} {
		tests = append(tests, convCase{c.target, c.text, nil})
	}
	// The last case: "3 soles" is an amount in soles, foreign in Spain.
	tests[len(tests)-1].want = []convBrief{conv("soles", "convention/currency-foreign")}
	runConvCases(t, tests)
}

func TestConventionDates(t *testing.T) {
	runConvCases(t, []convCase{
		{"es-VE", "La cita es el 03/15/2025.", []convBrief{conv("03/15/2025", "convention/date-order", "15/03/2025")}},
		{"es-VE", "Vence el 12-25-2025.", []convBrief{conv("12-25-2025", "convention/date-order", "25-12-2025")}},
		{"es-US", "Llene el formulario antes del 25/12/2025.", []convBrief{conv("25/12/2025", "convention/date-order", "12/25/2025")}},
		{"es-VE", "Llegó el March 3, 2025.", []convBrief{conv("March", "convention/date-month-english", "marzo")}},
		{"es-VE", "Vence el 5 Jan. 2026.", []convBrief{conv("Jan", "convention/date-month-english", "enero")}},
		{"es-VE", "Nos vemos el 5 de Enero de 2026.", []convBrief{conv("Enero", "convention/date-month-case", "enero")}},
		{"es-VE", "Llega el sábado 20 de Junio.", []convBrief{conv("Junio", "convention/date-month-case", "junio")}},
		{"es-VE", "Fue en Octubre de 2023.", []convBrief{conv("Octubre", "convention/date-month-case", "octubre")}},
	})
}

func TestConventionDatesNegative(t *testing.T) {
	var tests []convCase
	for _, c := range []struct{ target, text string }{
		{"es-VE", "La cita es el 03/04/2025."}, // ambiguous: no finding
		{"es-VE", "La cita es el 15/03/2025."},
		{"es-US", "La cita es el 03/15/2025."},
		{"es-VE", "La cita es el 2025-03-15."},
		{"es-VE", "Pasó 3/4 del tiempo en 1/2 hora."},
		{"es-VE", "Enero fue frío. Julio Cortázar nació en Bruselas."},
		{"es-VE", "Vivo en la Avenida 5 de Julio desde mayo."},
		{"es-VE", "Marcharon por Corrientes y 9 de Julio hasta la plaza."},
		{"es-VE", "Vive en el barrio 2 de Abril."},
		{"es-VE", "Nos vemos el 5 de enero de 2026."},
		{"es-VE", "May I help you? Es una frase inglesa."},
		{"es-VE", "April llegó temprano."},
		{"es-VE", "ENERO 2026: INFORME"},
	} {
		tests = append(tests, convCase{c.target, c.text, nil})
	}
	runConvCases(t, tests)
}

func TestConventionTimes(t *testing.T) {
	runConvCases(t, []convCase{
		{"es-VE", "Abrimos a las 14:00 todos los días.", []convBrief{conv("14:00", "convention/time-clock", "2:00 p. m.")}},
		{"es-VE", "Cerramos a las 21:30 h.", []convBrief{conv("21:30 h", "convention/time-clock", "9:30 p. m.")}},
		{"es-VE", "Abrimos a las 8:00 AM todos los días.", []convBrief{conv("AM", "convention/time-ampm", "a. m.")}},
		{"es-VE", "Abrimos a las 8 pm.", []convBrief{conv("pm.", "convention/time-ampm", "p. m.")}},
		{"es-VE", "Abrimos a las 8 p.m. en punto.", []convBrief{conv("p.m.", "convention/time-ampm", "p. m.")}},
		{"es-ES", "Abrimos a las 5:30 p. m. en punto.", []convBrief{conv("5:30 p. m.", "convention/time-clock", "17:30")}},
		{"es-ES", "Abrimos a las 5 PM en punto.", []convBrief{conv("5 PM", "convention/time-clock", "17:00", "5 p. m.")}},
		// es-419 follows CLDR's a.m.; the Ortografía's a. m. is fine too.
		{"es-419", "Abrimos a las 8 a.m. hoy.", []convBrief{conv("8 a.m.", "convention/time-clock", "8:00")}},
		{"es-419", "Abrimos a las 8 a. m. hoy.", []convBrief{conv("8 a. m.", "convention/time-clock", "8:00")}},
		{"es-419", "Abrimos a las 8 AM hoy.", []convBrief{conv("8 AM", "convention/time-clock", "8:00", "8 a.m.")}},
	})
}

func TestConventionTimesNegative(t *testing.T) {
	var tests []convCase
	for _, c := range []struct{ target, text string }{
		{"es-VE", "Abrimos a las 8:00 a. m. y cerramos a las 5:00 p. m."},
		{"es-VE", "Abrimos a las 10:30 y a las 12:00."},
		{"es-ES", "Abrimos a las 14:00 y cerramos a las 21:30."},
		{"es-VE", "El partido quedó 3:1 y el récord es 1:30:25."},
		{"es-VE", "Lea Juan 15:13 esta noche."},
		{"es-VE", "Trabajo de 5 a 7 todos los días."},
		{"es-419", "Abrimos a las 20:00."},
	} {
		tests = append(tests, convCase{c.target, c.text, nil})
	}
	runConvCases(t, tests)
}

func TestConventionQuotes(t *testing.T) {
	runConvCases(t, []convCase{
		{"es-ES", `Dijo "hola" y se fue.`, []convBrief{
			conv(`"`, "convention/quotes", "«"), conv(`"`, "convention/quotes", "»"),
		}},
		{"es-ES", "Dijo “hola” y se fue.", []convBrief{
			conv("“", "convention/quotes", "«"), conv("”", "convention/quotes", "»"),
		}},
		{"es-VE", `Dijo "hola" y se fue.`, []convBrief{
			conv(`"`, "convention/quotes", "“"), conv(`"`, "convention/quotes", "”"),
		}},
	})
}

func TestConventionQuotesNegative(t *testing.T) {
	var tests []convCase
	for _, c := range []struct{ target, text string }{
		{"es-ES", "Dijo «hola» y se fue."},
		{"es-ES", "Dijo «me llamó “tonto”» y se fue."},
		{"es-VE", "Dijo “hola” y se fue."},
		{"es-VE", "Dijo «hola» y se fue."},
		{"es-VE", `Compré una pantalla de 27" ayer.`},
		{"es-VE", `Dijo "hola y se fue.`}, // unpaired
		{"es-VE", "Use `print(\"hola\")` en Python."},
		{"es-VE", `Pulse <a data-name="enlace">aquí</a> para seguir.`},
	} {
		tests = append(tests, convCase{c.target, c.text, nil})
	}
	runConvCases(t, tests)
}

func TestConventionInvertedMarks(t *testing.T) {
	q := func(text, sugg string) convBrief {
		return conv(text, "convention/inverted-question", sugg)
	}
	runConvCases(t, []convCase{
		{"es-VE", "Vienes mañana?", []convBrief{q("Vienes", "¿Vienes")}},
		{"es-VE", "Vienes hoy?", []convBrief{q("Vienes", "¿Vienes")}},
		{"es-VE", "Quieres venir a la fiesta?", []convBrief{q("Quieres", "¿Quieres")}},
		{"es-VE", "Hola. Qué bien!", []convBrief{conv("Qué", "convention/inverted-exclamation", "¡Qué")}},
		{"es-VE", "Te lo dije: vienes o no?", []convBrief{q("vienes", "¿vienes")}},
		{"es-VE", "«Vienes?», preguntó.", []convBrief{q("Vienes", "¿Vienes")}},
		{"es-VE", "Primera línea\nQuieres más?", []convBrief{q("Quieres", "¿Quieres")}},
	})
}

func TestConventionInvertedMarksNegative(t *testing.T) {
	var tests []convCase
	for _, text := range []string{
		"¿Vienes mañana?",
		"Si vienes, ¿me avisas?",
		"¡¿Qué dices?!",
		"¿Qué dices!",
		"¡Qué bien! ¿Y tú?",
		"Nació en 1560 (?) en Sevilla.",
		"Dijo que era «Are you ready?», el título.",
		"Busque en https://ejemplo.com/?q=1 la respuesta.",
		"Ejecute `echo hola?` en la terminal.",
		"¡Hola!!! ¿Qué tal???",
		"Dijo que ?Vienes? era su canción.", // ? for a lost ¿
		"Cantaban «Who is it´s friend?» en la grada.",
		"What worked well?",
		"Delete all memories?",
		"La instrucción <?%1$S?> no tiene fin.",
		"¿Está de acuerdo con esta afirmación: “la barra me ayuda”?",
	} {
		tests = append(tests, convCase{"es-VE", text, nil})
	}
	runConvCases(t, tests)
}

// Every convention finding carries DESIGN.md's fields, its MQM category,
// and offsets that slice the text.
func TestConventionFindingFields(t *testing.T) {
	text := "Cuesta 3.5 € 🇪🇸 el 03/15/2025 a las 14:00; dijo \"sí\". Vienes?"
	res := aligner(t, "es-VE").Align(text)
	cats := map[string]bool{}
	for _, f := range res.Findings {
		cats[f.MQM()] = true
		if text[f.ByteStart:f.ByteEnd] != f.Text || len([]rune(text[:f.ByteStart])) != f.Start {
			t.Errorf("%s: offsets do not slice %q", f.Rule, f.Text)
		}
		if f.Message == "" || f.Confidence <= 0 || f.Confidence > 1 || f.Severity == "" {
			t.Errorf("%s: incomplete finding %+v", f.Rule, f)
		}
	}
	for _, c := range []string{mqmNumber, mqmCurrency, mqmDate, mqmTime, mqmQuote, mqmPunctuation} {
		if !cats[c] {
			t.Errorf("no finding with category %s in %v", c, cats)
		}
	}
}

// A convention finding overlapping an address finding: dedupe keeps the
// more serious one, and the rest stay ordered.
func TestConventionDedupe(t *testing.T) {
	res := aligner(t, "es-VE").Align("Vosotros venís? Cuesta 3.5 euros.")
	var rules []string
	for _, f := range res.Findings {
		rules = append(rules, f.Rule)
	}
	want := []string{"address/vosotros-pronoun", "address/vosotros-verb", "convention/decimal", "convention/currency-foreign"}
	if diff := cmp.Diff(want, rules); diff != "" {
		t.Errorf("rules (-want +got):\n%s", diff)
	}
}

func FuzzConventions(f *testing.F) {
	for _, s := range []string{
		"Cuesta 3.5 € el 03/15/2025 a las 14:00; dijo \"sí\". Vienes?",
		"US$ 1.234,56 o u$s 40 o $U 5 o Bs.F 3 o S/. 20 a las 8 p.m",
		"«¿Qué?» “hola” ¡¿Ya?! `x = 1.5` 5 de Enero de 2026 March 3",
		"$", "?", "a.", "5 a. m", "€", "Bs.", "1.", "S/",
	} {
		f.Add(s)
	}
	w := aligner(f, "es-VE").NewWorker()
	es := aligner(f, "es-ES").NewWorker()
	f.Fuzz(func(t *testing.T, text string) {
		for _, w := range []*Worker{w, es} {
			for _, fd := range w.Align(text).Findings {
				if fd.ByteStart < 0 || fd.ByteEnd > len(text) || fd.ByteStart > fd.ByteEnd || text[fd.ByteStart:fd.ByteEnd] != fd.Text {
					t.Fatalf("%s: bad span %d..%d %q", fd.Rule, fd.ByteStart, fd.ByteEnd, fd.Text)
				}
			}
		}
	})
}
