package align

import (
	"fmt"
	"math"
	"strings"

	"github.com/habla-es/habla/dialects"
	"github.com/habla-es/habla/token"
)

// mqmMeasurement is the MQM core typology's category for units of
// measurement (locale convention › measurement format), named like
// DESIGN.md's other convention formats.
const mqmMeasurement = "locale-convention/measurement-format"

// The rules of the unit findings.
const (
	ruleUnitConvert = "convention/unit-convert" // a unit foreign to the target, with the amount converted
	ruleUnitSymbol  = "convention/unit-symbol"  // kms., Kg, grs, hrs., ºC: the symbol as the Ortografía writes it
	ruleUnitSpace   = "convention/unit-space"   // 10km: a space between the amount and the symbol
)

// unitNorm is what the target's everyday units (dialects.Units, resolved
// along the parent chain) make of the units found in a text.
type unitNorm struct {
	u dialects.Units
}

func newUnitNorm(p *dialects.Profile) unitNorm {
	set, err := dialects.Load()
	if err != nil {
		return unitNorm{} // no units known: no conversions, spelling only
	}
	return unitNorm{u: set.Units(p)}
}

// unitConv is one unit that may need converting: its quantity (the
// dialects.Units field whose target unit decides), its factor to the
// other system's unit, and that unit's symbol and names.
type unitConv struct {
	qty    string
	factor float64
	symbol string    // the converted unit's symbol: "km", "°C"
	names  [2]string // singular and plural name, for amounts written with a word unit
	small  *unitConv // the unit to use below 1 (kg → g), nil if none
}

// The conversions, U.S. customary to metric (exact factors by the 1959
// international yard and pound; the U.S. liquid gallon of 231 cubic inches).
var (
	toGram       = unitConv{qty: "mass", factor: 1, symbol: "g", names: [2]string{"gramo", "gramos"}}
	toMilliliter = unitConv{qty: "fuel", factor: 1, symbol: "ml", names: [2]string{"mililitro", "mililitros"}}

	convMile   = unitConv{qty: "distance", factor: 1.609344, symbol: "km", names: [2]string{"kilómetro", "kilómetros"}}
	convFoot   = unitConv{qty: "distance", factor: 0.3048, symbol: "m", names: [2]string{"metro", "metros"}}
	convSqMile = unitConv{qty: "distance", factor: 2.589988110336, symbol: "km²", names: [2]string{"kilómetro cuadrado", "kilómetros cuadrados"}}
	convSqFoot = unitConv{qty: "distance", factor: 0.09290304, symbol: "m²", names: [2]string{"metro cuadrado", "metros cuadrados"}}
	convAcre   = unitConv{qty: "distance", factor: 0.40468564224, symbol: "ha", names: [2]string{"hectárea", "hectáreas"}}
	convMPH    = unitConv{qty: "speed", factor: 1.609344, symbol: "km/h", names: [2]string{"kilómetro por hora", "kilómetros por hora"}}
	convPound  = unitConv{qty: "mass", factor: 0.45359237, symbol: "kg", names: [2]string{"kilogramo", "kilogramos"}, small: &toGram}
	convOunce  = unitConv{qty: "mass", factor: 28.349523125, symbol: "g", names: [2]string{"gramo", "gramos"}}
	convFlOz   = unitConv{qty: "fuel", factor: 29.5735295625, symbol: "ml", names: [2]string{"mililitro", "mililitros"}}
	convGallon = unitConv{qty: "fuel", factor: 3.785411784, symbol: "L", names: [2]string{"litro", "litros"}, small: &toMilliliter}

	// Temperatures are not a factor: the factor field is unused.
	convToCelsius    = unitConv{qty: "temperature", symbol: "°C", names: [2]string{"grado Celsius", "grados Celsius"}}
	convToFahrenheit = unitConv{qty: "temperature", symbol: "°F", names: [2]string{"grado Fahrenheit", "grados Fahrenheit"}}
)

// imperialWords are unit names written after an amount. Inches (pulgadas)
// are left out on purpose: screens, tyres and pipes are measured in inches
// in every variety. Yards and pints are left out too (golf and football
// yards; pinta is also "look").
var imperialWords = map[string]*unitConv{
	"milla": &convMile, "millas": &convMile, "pie": &convFoot, "pies": &convFoot,
	"libra": &convPound, "libras": &convPound, "onza": &convOunce, "onzas": &convOunce,
	"galón": &convGallon, "galon": &convGallon, "galones": &convGallon, "acre": &convAcre, "acres": &convAcre,
}

// imperialSymbols are case-sensitive: "mi" is left out (the possessive).
var imperialSymbols = map[string]*unitConv{
	"ft": &convFoot, "lb": &convPound, "lbs": &convPound, "oz": &convOunce, "gal": &convGallon, "mph": &convMPH,
}

// unitQualifiers turn a unit word into another unit (millas por hora) or
// into something never converted (millas náuticas: navigation is in
// nautical miles everywhere; onzas de oro: precious metals are priced by
// the troy ounce everywhere; libras esterlinas: the currency). A nil
// target means skip.
var unitQualifiers = map[*unitConv]map[string]*unitConv{
	&convMile:   {"por hora": &convMPH, "cuadrada": &convSqMile, "cuadradas": &convSqMile, "náutica": nil, "náuticas": nil, "marina": nil, "marinas": nil},
	&convFoot:   {"cuadrado": &convSqFoot, "cuadrados": &convSqFoot, "cúbico": nil, "cúbicos": nil},
	&convOunce:  {"líquida": &convFlOz, "líquidas": &convFlOz, "de oro": nil, "de plata": nil, "de platino": nil, "troy": nil},
	&convPound:  {"esterlina": nil, "esterlinas": nil},
	&convGallon: {"imperial": nil, "imperiales": nil},
}

// loyaltyWords near "millas" make them air miles of a loyalty programme,
// which are points, not distance.
var loyaltyWords = map[string]bool{
	"acumula": true, "acumular": true, "acumulas": true, "acumulado": true, "acumuladas": true,
	"canjea": true, "canjear": true, "canje": true, "viajero": true, "frecuente": true, "puntos": true,
	"bono": true, "premio": true, "lifemiles": true, "acumulá": true, "acumulás": true, "acumule": true,
	"acumulen": true, "gana": true, "ganá": true, "ganar": true, "suma": true, "sumá": true, "sumar": true,
}

// seaAirWords near miles or feet put them at sea or in the air, where
// nautical miles and feet of altitude are the units of every variety
// (ICAO, IMO): "10 millas mar adentro", "mantener 1500 pies".
var seaAirWords = map[string]bool{
	"mar": true, "costa": true, "adentro": true, "barco": true, "buque": true, "nave": true,
	"puerto": true, "bote": true, "lancha": true, "océano": true, "aguas": true, "isla": true,
	"navegar": true, "nudos": true, "vuelo": true, "avión": true, "piloto": true, "despegue": true,
	"descenso": true, "aterrizaje": true, "altitud": true, "pista": true, "torre": true,
}

// currencyOrRingWords near libras make them pounds sterling (vale 25
// libras) or a boxer's weight (boxing weights are in pounds everywhere).
var currencyOrRingWords = map[string]bool{
	"vale": true, "valía": true, "cuesta": true, "cuestan": true, "costó": true, "pagar": true,
	"pagó": true, "precio": true, "dinero": true, "franco": true, "francos": true, "peniques": true,
	"chelines": true, "esterlinas": true, "round": true, "rounds": true, "esquina": true,
	"boxeo": true, "pelea": true, "peleador": true, "púgil": true, "welter": true, "pluma": true,
}

// symbolFixes are misspelt unit symbols after an amount and the symbol as
// the Ortografía (2010, cap. V §4.4) writes it: invariable (no plural s),
// in its fixed case, and g, not gr, for the gram (DPD, apéndice 3).
var symbolFixes = map[string]string{
	"kms": "km", "Kms": "km", "KMS": "km", "Km": "km", "KM": "km",
	"kgs": "kg", "Kgs": "kg", "KGS": "kg", "Kg": "kg", "KG": "kg", "Kgr": "kg", "kgr": "kg", "kgrs": "kg",
	"grs": "g", "gr": "g", "Gr": "g", "Grs": "g", "grm": "g", "grms": "g",
	"mts": "m", "mt": "m", "Mts": "m", "cms": "cm", "Cm": "cm", "CM": "cm", "mms": "mm", "mgs": "mg",
	"lts": "L", "lt": "L", "Lts": "L", "Lt": "L", "lit": "L", "mls": "ml", "ML": "ml",
	"hrs": "h", "hr": "h", "Hrs": "h", "Hr": "h", "hs": "h", "mins": "min", "seg": "s", "segs": "s",
	"ºC": "°C", "ºF": "°F", "ºK": "K", "mts2": "m²", "mt2": "m²", "kph": "km/h", "Kph": "km/h", "KPH": "km/h",
	// m2 and km2 are left alone: the keyboard's way of writing m² where
	// superscripts are not at hand.
}

// metricSymbols are symbols that take a space after the amount and no
// full stop. Symbols glued to the amount are flagged only for those in
// gluedSymbols: 10m, 5s, 80s and 3M read as other things too.
var metricSymbols = map[string]bool{
	"km": true, "m": true, "cm": true, "mm": true, "kg": true, "g": true, "mg": true, "L": true, "l": true,
	"ml": true, "h": true, "min": true, "s": true, "ha": true, "t": true, "km²": true, "m²": true,
}

var gluedSymbols = map[string]bool{"km": true, "cm": true, "mm": true, "kg": true, "g": true, "mg": true, "ml": true, "h": true, "ha": true}

// units checks the amounts with a unit: conversions to the target's
// everyday units, and the spelling and spacing of unit symbols.
func (t *convText) units() {
	for i := 0; i < len(t.ts); i++ {
		tok := t.ts[i]
		if tok.Kind != token.Number || i+1 >= len(t.ts) || t.inCode(tok.ByteStart) || !t.freeAmount(i) {
			continue
		}
		if end, ok := t.temperature(i); ok {
			i = end
			continue
		}
		if end, ok := t.imperial(i); ok {
			i = end
			continue
		}
		if end, ok := t.symbolSpelling(i); ok {
			i = end
		}
	}
}

// freeAmount reports whether number token i is an amount a unit may
// follow: not a time, date, range or code, not glued to a letter before
// it (A4, V8), not after a product name (Canon 50mm, iPhone 15).
func (t *convText) freeAmount(i int) bool {
	s := t.ts[i].Text
	if strings.ContainsAny(strings.TrimSuffix(s, "º"), ":/ºª") || strings.ContainsAny(strings.TrimLeft(s, "-−+"), "-") {
		return false
	}
	if t.glued(i-1, i) && t.ts[i-1].Kind == token.Word || i > 0 && t.ts[i-1].Kind == token.Number {
		return false // A4, V8; 1 0 min, 555 12 34: digits in a row are not one amount
	}
	return !t.capitalizedName(i - 1)
}

// wordAt is token j lowercased if it is a word, else "".
func (t *convText) wordAt(j int) string {
	if j < 0 || j >= len(t.ts) || t.ts[j].Kind != token.Word {
		return ""
	}
	return token.Lower(t.ts[j].Text)
}

// temperature handles 80 °F, 80°F, 80° F, 80 ºF and 80 grados
// Fahrenheit (and the same in Celsius) after number token i.
func (t *convText) temperature(i int) (int, bool) {
	j := i + 1
	if strings.HasSuffix(t.ts[i].Text, "º") {
		return t.ordinalDegree(i)
	}
	var scale byte
	var end int
	word, spelling, onlySpace := false, "", false
	switch tok := t.ts[j]; {
	case tok.Kind == token.Symbol && tok.Text == "°" && j+1 < len(t.ts) && t.ts[j+1].Kind == token.Word &&
		(t.ts[j+1].Text == "F" || t.ts[j+1].Text == "C") && t.ts[j+1].ByteStart-tok.ByteEnd <= 1:
		scale, end = t.ts[j+1].Text[0], j+1
		if t.glued(i, j) || !t.glued(j, j+1) {
			spelling = "°" + string(scale) // 80°F or 80° F
		}
		onlySpace = t.glued(j, j+1)
	case tok.Kind == token.Word && (tok.Text == "ºF" || tok.Text == "ºC"):
		scale, end, spelling = tok.Text[len(tok.Text)-1], j, "°"+tok.Text[len(tok.Text)-1:]
	case t.wordAt(j) == "grados":
		switch t.wordAt(j + 1) {
		case "fahrenheit", "farenheit", "f":
			scale = 'F'
		case "celsius", "centígrados", "c":
			scale = 'C'
		default:
			return 0, false // 30 grados: the scale is the reader's
		}
		end, word = j+1, true
	default:
		return 0, false
	}
	target := t.n.units.u.Temperature
	switch {
	case scale == 'F' && target.Metric():
		t.convertFinding(i, end, &convToCelsius, word, false)
	case scale == 'C' && target.Imperial():
		t.convertFinding(i, end, &convToFahrenheit, word, false)
	case spelling != "":
		t.spellingFinding(i, end, spelling, onlySpace)
	}
	return end, true
}

// ordinalDegree handles 25ºC, where the tokenizer reads 25º as an
// ordinal number: the degree sign is °, not the ordinal indicator º.
func (t *convText) ordinalDegree(i int) (int, bool) {
	j := i + 1
	if !t.glued(i, j) || t.ts[j].Kind != token.Word || t.ts[j].Text != "C" && t.ts[j].Text != "F" {
		return 0, false
	}
	amount := strings.TrimSuffix(t.ts[i].Text, "º")
	sugg := amount + " °" + t.ts[j].Text
	msg := fmt.Sprintf("El símbolo de los grados de temperatura es °%s, con el círculo de grado (°), no el indicador ordinal (º), separado de la cifra (Ortografía, 2010): %s.", t.ts[j].Text, sugg)
	t.add(i, j, Convention, mqmMeasurement, Minor, ruleUnitSymbol, msg, 0.9, sugg)
	return j, true
}

// imperial handles an amount followed by a U.S. customary unit, word or
// symbol, with its qualifiers (millas por hora, pies cuadrados).
func (t *convText) imperial(i int) (int, bool) {
	j := i + 1
	w := t.wordAt(j)
	c, word := imperialWords[w], true
	if c == nil && t.ts[j].Kind == token.Word {
		c, word = imperialSymbols[t.ts[j].Text], false
	}
	if c == nil || word && t.ts[j].Text != w && !t.sentenceInitial(j) {
		return 0, false // Libras, Pies: a name or a title
	}
	end := j
	if quals, ok := unitQualifiers[c]; ok {
		for q, to := range quals {
			if n := t.phraseAt(j+1, q); n > 0 {
				if to == nil {
					return j + n, true // never converted
				}
				c, end = to, j+n
				break
			}
		}
	}
	switch {
	case c == &convMile && (t.near(i, loyaltyWords) || t.near(i, seaAirWords)),
		c == &convFoot && t.near(i, seaAirWords),
		c == &convPound && t.near(i, currencyOrRingWords):
		return end, true
	}
	target := t.n.units.target(c.qty)
	if !target.Metric() {
		return end, true // the target uses this unit, both, or nobody knows
	}
	t.convertFinding(i, end, c, word, c == &convPound && target.Libra > 0)
	return end, true
}

// phraseAt returns how many word tokens from j spell phrase (one or more
// lowercase words separated by spaces), 0 if they do not.
func (t *convText) phraseAt(j int, phrase string) int {
	n := 0
	for w := range strings.SplitSeq(phrase, " ") {
		if t.wordAt(j+n) != w {
			return 0
		}
		n++
	}
	return n
}

// near reports a word of set among the eight tokens before number token
// i and the eight after it (the unit and a few words more).
func (t *convText) near(i int, set map[string]bool) bool {
	for j := max(0, i-8); j < min(len(t.ts), i+9); j++ {
		if set[t.wordAt(j)] {
			return true
		}
	}
	return false
}

// target is the target's everyday unit of a quantity, nil if unknown.
func (n *unitNorm) target(qty string) *dialects.Unit {
	switch qty {
	case "temperature":
		return n.u.Temperature
	case "distance":
		return n.u.Distance
	case "speed":
		return n.u.Speed
	case "mass":
		return n.u.Mass
	case "fuel":
		return n.u.Fuel
	}
	return nil
}

// symbolSpelling checks a unit symbol after number token i: misspelt
// (kms, Kg, grs), with a full stop in mid-sentence (10 km. de) or glued
// to the amount (10km).
func (t *convText) symbolSpelling(i int) (int, bool) {
	j := i + 1
	tok := t.ts[j]
	if tok.Kind != token.Word {
		return 0, false
	}
	fix, misspelt := symbolFixes[tok.Text]
	if !misspelt && !metricSymbols[tok.Text] {
		return 0, false
	}
	if !misspelt {
		fix = tok.Text
	}
	end := j
	if t.is(j+1, token.Punct, ".") && t.continuesLower(j+2) {
		end = j + 1 // 10 km. de distancia: the symbol has no full stop
	}
	glued := t.glued(i, j)
	switch {
	case misspelt || end > j:
	case glued && gluedSymbols[tok.Text] && t.ts[i].Text != "0":
		// 0km is the Rioplatense noun for a new car (un 0km): left alone.
	default:
		return 0, false
	}
	t.spellingFinding(i, end, fix, glued && !misspelt && end == j)
	return end, true
}

// continuesLower reports whether token j exists and is a lowercase word
// or a number: the sentence goes on after a full stop, so the stop was
// an abbreviation's.
func (t *convText) continuesLower(j int) bool {
	if j >= len(t.ts) || strings.ContainsAny(t.gap(j-1), "\n\r") {
		return false
	}
	tok := t.ts[j]
	if tok.Kind == token.Number {
		return true
	}
	return tok.Kind == token.Word && tok.Text == token.Lower(tok.Text) && tok.Text != strings.ToUpper(tok.Text)
}

// spellingFinding flags the amount and unit symbol of tokens i..end and
// suggests the amount, a space and the symbol as the Ortografía writes
// it. onlySpace: the symbol is right, only the space is missing.
func (t *convText) spellingFinding(i, end int, symbol string, onlySpace bool) {
	amount := t.ts[i].Text
	sugg := amount + " " + symbol
	rule, msg, conf := ruleUnitSymbol, "", 0.9
	if onlySpace {
		rule, conf = ruleUnitSpace, 0.8
		msg = fmt.Sprintf("Entre la cifra y el símbolo va un espacio (Ortografía, 2010): %s.", sugg)
	} else {
		msg = fmt.Sprintf("Los símbolos de unidades no llevan punto ni plural y tienen forma fija (Ortografía, 2010): %s.", sugg)
		if strings.HasPrefix(symbol, "°") {
			msg = fmt.Sprintf("El símbolo de los grados de temperatura es %s: el círculo de grado unido a la letra y separado de la cifra (Ortografía, 2010): %s.", symbol, sugg)
		}
	}
	t.add(i, end, Convention, mqmMeasurement, Minor, rule, msg, conf, sugg)
}

// convertFinding flags an amount in a unit foreign to the target (tokens
// i..end) and suggests it converted, alone and beside the original (a
// quoted specification may be meant to stay).
func (t *convText) convertFinding(i, end int, c *unitConv, word, libra bool) {
	v, digits, decimals, ok := parseAmount(t.ts[i].Text)
	if !ok {
		return
	}
	var out float64
	switch c {
	case &convToCelsius:
		out = (v - 32) * 5 / 9
	case &convToFahrenheit:
		out = v*9/5 + 32
	default:
		out = v * c.factor
	}
	unit := c
	if c.small != nil && math.Abs(out) < 1 {
		unit, out = c.small, out*1000
	}
	var num string
	if c.qty == "temperature" {
		num = formatAmount(out, min(decimals, 1), t.n.c)
	} else {
		num = formatSignificant(out, max(2, digits), t.n.c)
	}
	conv := num + " " + unit.symbol
	if word {
		conv = num + " " + unit.names[plural(num)]
	}
	orig := t.text[t.ts[i].ByteStart:t.ts[end].ByteEnd]
	sev, conf := Minor, 0.7
	msg := fmt.Sprintf("%s %s: %s son unos %s. Si se cita una especificación original, puede dejarse con la equivalencia entre paréntesis.",
		capitalize(t.n.where), quantityPhrase(unit), orig, conv)
	if c == &convToFahrenheit {
		conf = 0.5 // °C is official and understood there too
	}
	if libra {
		sev, conf = Major, 0.8
		msg = fmt.Sprintf("%s la libra del comercio es de %d g: «%s» se leería como %s kg. La libra inglesa (avoirdupois) es de %s g: %s son unos %s.",
			capitalize(t.n.where), t.n.units.u.Mass.Libra, orig,
			formatSignificant(v*float64(t.n.units.u.Mass.Libra)/1000, max(2, digits), t.n.c),
			formatAmount(453.6, 1, t.n.c), orig, conv)
	}
	t.add(i, end, Convention, mqmMeasurement, sev, ruleUnitConvert, msg, conf, conv, orig+" ("+conv+")")
}

// quantityPhrase says how the target expresses a quantity: "la
// temperatura se da en grados Celsius".
func quantityPhrase(u *unitConv) string {
	switch u.symbol {
	case "°C", "°F":
		return "la temperatura se da en " + u.names[1]
	case "km/h":
		return "la velocidad se da en kilómetros por hora"
	case "km", "m":
		return "las distancias y longitudes se dan en metros y kilómetros"
	case "km²", "m²", "ha":
		return "las superficies se dan en metros cuadrados, hectáreas o kilómetros cuadrados"
	case "kg", "g":
		return "el peso se da en gramos y kilogramos"
	}
	return "los líquidos se miden en litros"
}
