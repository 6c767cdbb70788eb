package align

import (
	"testing"

	"github.com/habla-es/habla/dialects"
)

// unitConvBrief builds the expected conversion finding: the converted amount
// alone, then beside the original.
func unitConvBrief(text, converted string) convBrief {
	return convBrief{text, ruleUnitConvert, Convention, Minor, []string{converted, text + " (" + converted + ")"}}
}

// The conversions were computed by hand: 80 °F = (80 − 32) × 5/9 = 26.7 °C;
// 60 mi × 1.609344 = 96.6 km; 5 lb × 0.45359237 = 2.27 kg; 10 ft × 0.3048
// = 3.05 m; 2 gal × 3.785 = 7.57 L; 3 oz × 28.35 = 85.0 g; 1 lb = 453.6 g;
// 1500 mi = 2414 km; 25,000 mi = 40,234 km; 98.6 °F = 37.0 °C; 0 °F =
// −17.8 °C; 30 °C × 9/5 + 32 = 86 °F; 8 fl oz × 29.57 = 236.6 ml; 30 ft² ×
// 0.0929 = 2.79 m²; 100 acres × 0.4047 = 40.5 ha. Rounding keeps the
// input's significant digits, at least two.
func TestUnitConversions(t *testing.T) {
	runConvCases(t, []convCase{
		{"es-MX", "Hoy hace 80 °F.", []convBrief{unitConvBrief("80 °F", "27 °C")}},
		{"es-ES", "Faltan 60 millas.", []convBrief{unitConvBrief("60 millas", "97 kilómetros")}},
		{"es-ES", "Iba a 60 mph.", []convBrief{unitConvBrief("60 mph", "97 km/h")}},
		{"es-ES", "Iba a 60 millas por hora.", []convBrief{unitConvBrief("60 millas por hora", "97 kilómetros por hora")}},
		{"es-ES", "Compré 5 libras de arroz.", []convBrief{unitConvBrief("5 libras", "2,3 kilogramos")}},
		{"es-ES", "El muro mide 10 pies.", []convBrief{unitConvBrief("10 pies", "3 metros")}},
		{"es-MX", "Compré 2 galones de leche.", []convBrief{unitConvBrief("2 galones", "7.6 litros")}},
		{"es-MX", "Añade 3 onzas de queso.", []convBrief{unitConvBrief("3 onzas", "85 gramos")}},
		{"es-ES", "Pesa 1 libra.", []convBrief{unitConvBrief("1 libra", "450 gramos")}},
		{"es-ES", "Pesa 12 oz.", []convBrief{unitConvBrief("12 oz", "340 g")}},
		{"es-ES", "Recorrió 1.500 millas.", []convBrief{unitConvBrief("1.500 millas", "2400 kilómetros")}},
		{"es-ES", "Recorrió 25.000 millas.", []convBrief{unitConvBrief("25.000 millas", "40.000 kilómetros")}},
		{"es-MX", "Recorrió 25,000 millas.", []convBrief{unitConvBrief("25,000 millas", "40,000 kilómetros")}},
		{"es-ES", "Tenía 98,6 °F de fiebre.", []convBrief{unitConvBrief("98,6 °F", "37 °C")}},
		{"es-ES", "Bajó a 0 °F.", []convBrief{unitConvBrief("0 °F", "-18 °C")}},
		{"es-ES", "Bajó a -40 °F.", []convBrief{unitConvBrief("-40 °F", "-40 °C")}},
		{"es-ES", "Hace 80 grados Fahrenheit.", []convBrief{unitConvBrief("80 grados Fahrenheit", "27 grados Celsius")}},
		{"es-ES", "Añade 8 onzas líquidas.", []convBrief{unitConvBrief("8 onzas líquidas", "240 mililitros")}},
		{"es-ES", "Un cuarto de 30 pies cuadrados.", []convBrief{unitConvBrief("30 pies cuadrados", "2,8 metros cuadrados")}},
		{"es-ES", "Una finca de 100 acres.", []convBrief{unitConvBrief("100 acres", "40 hectáreas")}},
		{"es-ES", "Echó 2 galones.", []convBrief{unitConvBrief("2 galones", "7,6 litros")}},
		// General Spanish converts too (its norm is the metric system).
		{"es", "Vuela a 30.000 pies y pesa 200 lbs.", []convBrief{
			unitConvBrief("30.000 pies", "9100 metros"), unitConvBrief("200 lbs", "91 kg")}},
		// The reverse for the °F varieties, with lower confidence.
		{"es-US", "Hace 30 °C.", []convBrief{unitConvBrief("30 °C", "86 °F")}},
		{"es-PR", "Hace 20 °C.", []convBrief{unitConvBrief("20 °C", "68 °F")}},
	})
}

// What the target uses, or where the fact is unknown, is never converted.
func TestUnitConversionsAtHome(t *testing.T) {
	none := []convBrief(nil)
	runConvCases(t, []convCase{
		{"es-US", "Faltan 60 millas, voy a 55 mph con 5 libras y 2 galones a 80 °F.", none},
		// Puerto Rico: kilometres on signs but mph on speed limits; mass unknown.
		{"es-PR", "Voy a 55 mph con 5 libras y 80 grados Fahrenheit.", none},
		{"es-PR", "Faltan 60 millas.", []convBrief{unitConvBrief("60 millas", "97 kilómetros")}},
		// Fuel sold by the gallon, or fuel not declared: no finding.
		{"es-CO", "Echó 2 galones de gasolina.", none},
		{"es-AR", "Echó 2 galones de nafta.", none},
		{"es-GT", "Compré 5 libras de frijol.", none},
		{"es-MX", "Hace 25 °C y faltan 10 km.", none},
	})
}

func TestUnitConversionsNotUnits(t *testing.T) {
	none := []convBrief(nil)
	runConvCases(t, []convCase{
		{"es-ES", "El oro cerró a 2.000 dólares; compró 3 onzas de oro.", none},
		{"es-ES", "Le debía 5 libras esterlinas.", none},
		{"es-ES", "Navegaron 40 millas náuticas.", none},
		{"es-ES", "Están 10 millas mar adentro.", none},
		{"es-ES", "Mantener 1500 pies hasta el descenso.", none},
		{"es-ES", "Acumula 500 millas con la tarjeta.", none},
		{"es-ES", "Cuando el franco valía 25 libras.", none},
		{"es-ES", "Nací bajo el signo de Libra; nota al pie de la página 5.", none},
		{"es-ES", "Una pantalla de 15 pulgadas y un iPhone 15 Pro.", none},
		{"es-ES", "Ejecuta `curl -d 10km` o visita http://x.com/10km ahora.", none},
		{"es-ES", "Hace 30 grados; el ángulo es de 45°.", none},
		{"es-AR", "Se compró un 0km.", none},
		{"es-ES", "Sube el 25% y el 25 %.", none},
	})
}

// The symbols as the Ortografía (2010) writes them, in every variety.
func TestUnitSymbols(t *testing.T) {
	sym := func(text, sugg string) convBrief {
		return convBrief{text, ruleUnitSymbol, Convention, Minor, []string{sugg}}
	}
	space := func(text, sugg string) convBrief {
		return convBrief{text, ruleUnitSpace, Convention, Minor, []string{sugg}}
	}
	runConvCases(t, []convCase{
		{"es-AR", "Son 10km.", []convBrief{space("10km", "10 km")}},
		{"es-ES", "Son 5 kms.", []convBrief{sym("5 kms", "5 km")}},
		{"es-ES", "Caminó 10 km. de ida.", []convBrief{sym("10 km.", "10 km")}},
		{"es-ES", "Caminó 10 km.", nil}, // the sentence's full stop
		{"es-MX", "Pesa 3 Kg y 200 grs.", []convBrief{sym("3 Kg", "3 kg"), sym("200 grs", "200 g")}},
		{"es-AR", "Tardó 4 hrs. en llegar, abierto las 24hs.", []convBrief{sym("4 hrs.", "4 h"), sym("24hs", "24 h")}},
		{"es-CL", "Abierto 24h.", []convBrief{space("24h", "24 h")}},
		{"es-ES", "Hace 25ºC.", []convBrief{sym("25ºC", "25 °C")}},
		{"es-ES", "Hace 25°C.", []convBrief{space("25°C", "25 °C")}},
		{"es-ES", "Hace 25° C.", []convBrief{sym("25° C", "25 °C")}},
		{"es-US", "Hace 80 ºF.", []convBrief{sym("80 ºF", "80 °F")}},
		{"es", "Mide 2 mts y 3 lts.", []convBrief{sym("2 mts", "2 m"), sym("3 lts", "3 L")}},
		{"es-ES", "Con un objetivo Canon 50mm y 5 MB.", nil},
		{"es-MX", "Un depto de 30 mts2 a 90 Km/h o 20 kph y 100 m2.", []convBrief{
			sym("30 mts2", "30 m²"), sym("90 Km", "90 km"), sym("20 kph", "20 km/h")}},
	})
}

func TestFormatAmount(t *testing.T) {
	comma := dialects.Conventions{Decimal: ",", Group: "."}
	point := dialects.Conventions{Decimal: ".", Group: ","}
	tests := []struct {
		v    float64
		sig  int
		c    dialects.Conventions
		want string
	}{
		{96.56064, 2, comma, "97"}, {2.26796, 2, comma, "2,3"}, {2.26796, 2, point, "2.3"},
		{3.048, 2, comma, "3"}, {40233.6, 2, comma, "40.000"}, {40233.6, 3, point, "40,200"},
		{2414.0, 2, comma, "2400"}, {0.8047, 2, comma, "0,8"}, {0.0929, 2, comma, "0,09"}, /* at most two decimals */
		{123456.7, 7, comma, "123.456,7"}, {-17.78, 2, comma, "-18"},
	}
	for _, tt := range tests {
		if got := formatSignificant(tt.v, tt.sig, tt.c); got != tt.want {
			t.Errorf("formatSignificant(%v, %d, %q) = %q, want %q", tt.v, tt.sig, tt.c.Decimal, got, tt.want)
		}
	}
}

func TestParseAmount(t *testing.T) {
	tests := []struct {
		s               string
		v               float64
		digits, decimal int
	}{
		{"60", 60, 1, 0}, {"1.500", 1500, 2, 0}, {"1,500", 1500, 2, 0}, {"98,6", 98.6, 3, 1},
		{"98.6", 98.6, 3, 1}, {"1.234,5", 1234.5, 5, 1}, {"-40", -40, 1, 0}, {"0,5", 0.5, 1, 1},
	}
	for _, tt := range tests {
		v, d, dec, ok := parseAmount(tt.s)
		if !ok || v != tt.v || d != tt.digits || dec != tt.decimal {
			t.Errorf("parseAmount(%q) = %v, %d, %d, %v; want %v, %d, %d", tt.s, v, d, dec, ok, tt.v, tt.digits, tt.decimal)
		}
	}
	if _, _, _, ok := parseAmount("1.2.3"); ok {
		t.Error("parseAmount(1.2.3) ok, want not a number")
	}
}

// In Colombia the everyday libra is 500 g (Ley 33 de 1905): a pound from
// a U.S. text would be misread, so the finding is major and says so.
func TestUnitLibraColombia(t *testing.T) {
	res := aligner(t, "es-CO-u-sd-coant").Align("Compré 5 libras de arroz.")
	if len(res.Findings) != 1 {
		t.Fatalf("findings = %+v, want one", res.Findings)
	}
	f := res.Findings[0]
	want := "En español antioqueño (paisa) la libra del comercio es de 500 g: «5 libras» se leería como 2,5 kg. " +
		"La libra inglesa (avoirdupois) es de 453,6 g: 5 libras son unos 2,3 kilogramos."
	if f.Severity != Major || f.Rule != ruleUnitConvert || f.Message != want || f.MQM() != mqmMeasurement || f.Confidence != 0.8 {
		t.Errorf("finding = %+v\nwant major %s, message %q", f, ruleUnitConvert, want)
	}
}

func FuzzUnits(f *testing.F) {
	for _, s := range []string{
		"Faltan 60 millas por hora y 80 °F; 5 libras, 2 galones, 3 onzas líquidas.",
		"10km 5 kms. de 3 Kg 25ºC 25° C 25°C 80 ºF 24hs 1.500 millas 98,6 °F -40 °F",
		"5 °", "5 ° F", "5 grados", "5º", "5 km.", "5 km. x", "½ milla", "1 0 min. tarde", "un 0km",
	} {
		f.Add(s)
	}
	var ws []*Worker
	for _, tag := range []string{"es-ES", "es-PR", "es-CO", "es-US"} {
		ws = append(ws, aligner(f, tag).NewWorker())
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, w := range ws {
			for _, fd := range w.Align(text).Findings {
				if fd.ByteStart < 0 || fd.ByteEnd > len(text) || fd.ByteStart > fd.ByteEnd || text[fd.ByteStart:fd.ByteEnd] != fd.Text {
					t.Fatalf("%s: bad span %d..%d %q", fd.Rule, fd.ByteStart, fd.ByteEnd, fd.Text)
				}
				if fd.Rule == ruleUnitConvert && (len(fd.Suggestions) != 2 || fd.Suggestions[0] == "") {
					t.Fatalf("%q: conversion without its two suggestions: %q", fd.Text, fd.Suggestions)
				}
			}
		}
	})
}
