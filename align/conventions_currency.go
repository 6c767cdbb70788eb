package align

import (
	"fmt"
	"strings"

	"github.com/habla-es/habla/token"
)

// Pseudo-codes for currency mentions that name no single ISO 4217 code.
const (
	anyDollar  = "$"       // the bare $: pesos in much of the Americas, US dollars elsewhere
	anyPeso    = "peso"    // "pesos": the currency of eight countries
	anyBolivar = "bolívar" // "Bs": the Venezuelan bolívar and the boliviano
)

// pesoCodes are the currencies called peso.
var pesoCodes = map[string]bool{"ARS": true, "CLP": true, "COP": true, "CUP": true, "DOP": true, "MXN": true, "UYU": true, "PHP": true}

// isoCodes are the ISO 4217 codes recognised next to an amount: the
// currencies of the Spanish-speaking countries and the usual foreign ones.
// Other three-letter capitals next to a number are more often acronyms.
var isoCodes = map[string]bool{
	"USD": true, "EUR": true, "GBP": true, "MXN": true, "ARS": true, "CLP": true, "COP": true,
	"CUP": true, "CUC": true, "DOP": true, "UYU": true, "PEN": true, "BOB": true, "VES": true,
	"VEF": true, "GTQ": true, "HNL": true, "NIO": true, "CRC": true, "PAB": true, "PYG": true,
	"PHP": true, "XAF": true, "BRL": true,
}

// dollarPrefixes are the letters glued before $ that name the currency:
// US$, MX$, RD$, C$ (córdoba), COL$, AR$, CUC$.
var dollarPrefixes = map[string]string{
	"US": "USD", "MX": "MXN", "RD": "DOP", "C": "NIO", "COL": "COP", "AR": "ARS", "CUC": "CUC", "CLP": "CLP",
}

// currencySymbols are the one-character currency signs besides $.
var currencySymbols = map[string]string{"€": "EUR", "£": "GBP", "₡": "CRC", "₲": "PYG", "₱": "PHP"}

// currencyNames are currency names written after an amount ("20 euros").
// dólares is here so that the text's mentions of US dollars are known; a
// dollar amount is never flagged by itself.
var currencyNames = map[string]string{
	"euro": "EUR", "euros": "EUR", "peso": anyPeso, "pesos": anyPeso,
	"bolívar": "VES", "bolívares": "VES", "bolivares": "VES", "boliviano": "BOB", "bolivianos": "BOB",
	"sol": "PEN", "soles": "PEN", "quetzal": "GTQ", "quetzales": "GTQ", "lempira": "HNL", "lempiras": "HNL",
	"córdoba": "NIO", "córdobas": "NIO", "colón": "CRC", "colones": "CRC", "guaraní": "PYG", "guaraníes": "PYG",
	"balboa": "PAB", "balboas": "PAB", "dólar": "USD", "dólares": "USD",
}

// amountWords may stand between a number and the currency name: 5 mil
// pesos, 2 millones de euros.
var amountWords = map[string]bool{"mil": true, "millón": true, "millones": true, "de": true, "y": true, "medio": true}

// currencies checks the currency symbols, codes and names next to amounts.
func (t *convText) currencies() {
	if t.n.c.Currency.Code == "" {
		return // es, es-419: no country, no currency
	}
	for i := 0; i < len(t.ts); i++ {
		if t.ts[i].Kind == token.Word && !numberNear(t.ts, i) || t.inCode(t.ts[i].ByteStart) {
			continue
		}
		code, from, to := t.currencyAt(i)
		if code == "" {
			continue
		}
		t.currencyFinding(code, from, to)
		i = to
	}
}

// numberNear reports whether a number is among the four tokens before
// word token i or the three after it: a currency word needs one there
// (amountBefore looks four tokens back, amountNear one token before the
// mention and one after it, which ends at most two tokens after i), so
// currencyAt need not read the others, most words of a text.
func numberNear(ts []token.Token, i int) bool {
	for j := max(0, i-4); j <= min(len(ts)-1, i+3); j++ {
		if ts[j].Kind == token.Number {
			return true
		}
	}
	return false
}

// currencyAt recognises a currency mention that starts or is anchored at
// token i and stands next to an amount; it returns its code (or a
// pseudo-code) and its first and last tokens.
func (t *convText) currencyAt(i int) (code string, from, to int) {
	tok := t.ts[i]
	switch {
	case tok.Kind == token.Symbol && tok.Text == "$":
		code, from, to = t.dollarAt(i)
	case tok.Kind == token.Symbol:
		code, from, to = currencySymbols[tok.Text], i, i
	case tok.Kind == token.Word:
		if c, ok := currencyNames[tok.Text]; ok {
			if t.amountBefore(i) {
				return c, i, i // 20 euros, 5 mil pesos
			}
			return "", 0, 0
		}
		code, from, to = t.abbreviationAt(i)
	}
	if code == "" || !t.amountNear(from, to) {
		return "", 0, 0
	}
	return code, from, to
}

// dollarAt reads the $ at i with the letters glued to it: US$, MX$, RD$,
// u$s, $U, or the bare $.
func (t *convText) dollarAt(i int) (code string, from, to int) {
	prev, next := "", ""
	if t.glued(i-1, i) && t.ts[i-1].Kind == token.Word {
		prev = t.ts[i-1].Text
	}
	if t.glued(i, i+1) && t.ts[i+1].Kind == token.Word {
		next = t.ts[i+1].Text
	}
	switch {
	case strings.EqualFold(prev, "u") && strings.EqualFold(next, "s"):
		return "USD", i - 1, i + 1 // u$s, Argentina
	case next == "U" && prev == "":
		return "UYU", i, i + 1
	case next != "":
		return "", 0, 0 // %1$S, $HOME, { $count }: code, not money
	case prev == "":
		return anyDollar, i, i
	}
	if c, ok := dollarPrefixes[prev]; ok {
		return c, i - 1, i
	}
	return "", 0, 0
}

// abbreviationAt reads a currency abbreviation or code at word i: Bs.,
// Bs.D, Bs.F, S/., or an ISO 4217 code.
func (t *convText) abbreviationAt(i int) (code string, from, to int) {
	w := t.ts[i].Text
	switch {
	case w == "Bs" || w == "BsF" || w == "BsS":
		code, to = anyBolivar, i
		if w == "BsF" {
			code = "VEF"
		}
		if t.is(i+1, token.Punct, ".") && t.glued(i, i+1) {
			to = i + 1
			if t.glued(i+1, i+2) && t.ts[i+2].Kind == token.Word && len(t.ts[i+2].Text) == 1 {
				to = i + 2 // Bs.D, Bs.S, Bs.F
				if t.ts[i+2].Text == "F" {
					code = "VEF"
				}
			}
		}
		return code, i, to
	case w == "S" && t.is(i+1, token.Punct, "/") && t.glued(i, i+1):
		to = i + 1 // S/ 20, S/. 20
		if t.is(i+2, token.Punct, ".") && t.glued(i+1, i+2) {
			to = i + 2
		}
		return "PEN", i, to
	case isoCodes[w]:
		return w, i, i
	}
	return "", 0, 0
}

// amountNear reports a number right before from or right after to, with
// at most a space between.
func (t *convText) amountNear(from, to int) bool {
	near := func(a int) bool { g := t.gap(a); return len(g) <= 1 && g != "\n" && g != "\r" }
	return from > 0 && t.ts[from-1].Kind == token.Number && near(from-1) ||
		to+1 < len(t.ts) && t.ts[to+1].Kind == token.Number && near(to)
}

// amountBefore reports a number before the currency name at i, possibly
// through amount words: 20 euros, 5 mil pesos, 2 millones de euros.
func (t *convText) amountBefore(i int) bool {
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		switch {
		case t.ts[j].Kind == token.Number:
			return true
		case t.ts[j].Kind != token.Word || !amountWords[t.ts[j].Text]:
			return false
		}
	}
	return false
}

// currencyFinding flags a currency mention foreign to the target, an
// ambiguous $, and the euro sign before the amount in a euro target.
func (t *convText) currencyFinding(code string, from, to int) {
	n := t.n
	cur := n.c.Currency
	text := t.text[t.ts[from].ByteStart:t.ts[to].ByteEnd]
	switch {
	case code == anyDollar:
		t.dollar(from)
	case code == "USD":
		// US dollars are quoted everywhere; an amount in dollars is news,
		// not a localization error.
	case code == anyPeso && pesoCodes[cur.Code],
		code == anyBolivar && (cur.Code == "VES" || cur.Code == "BOB"):
	case code == "VEF" && cur.Code == "VES":
		msg := "El bolívar fuerte (VEF, Bs.F) fue sustituido en 2018; la moneda de Venezuela es el bolívar (VES), que se escribe «Bs.»."
		t.add(from, to, Convention, mqmCurrency, Minor, "convention/currency-outdated", msg, 0.7, "VES", "Bs.")
	case code != anyPeso && code != anyBolivar && n.atHome(code):
		if code == "EUR" {
			t.euroPosition(from, to)
		}
	default:
		local := cur.Code
		if len(cur.Symbols) > 0 {
			local += " (" + cur.Symbols[0] + ")"
		}
		msg := fmt.Sprintf("%s la moneda local es %s; «%s»%s es moneda extranjera: correcto si el importe es de otro país, si no, conviértalo.",
			capitalize(n.where), local, text, codeNote(code, text))
		t.add(from, to, Convention, mqmCurrency, Minor, "convention/currency-foreign", msg, 0.5)
	}
}

func codeNote(code, text string) string {
	switch code {
	case anyPeso:
		return " (pesos)"
	case anyBolivar:
		return " (bolívares o bolivianos)"
	case text:
		return ""
	}
	return " (" + code + ")"
}

// dollar handles a bare $ next to an amount.
func (t *convText) dollar(i int) {
	n := t.n
	switch {
	case n.dollarLocal:
		if !t.mentionsUSD() {
			return // $ is the local currency
		}
		msg := fmt.Sprintf("%s «$» es la moneda local (%s), pero el texto también habla de dólares estadounidenses: precise cuál, «%s» o «US$».",
			capitalize(n.where), n.c.Currency.Code, n.localDollar)
		t.add(i, i, Review, mqmCurrency, Minor, "convention/currency-ambiguous", msg, 0.5, n.localDollar, "US$")
	case n.dollarHome:
		// $ reads as US dollars, at home in the target.
	default:
		msg := fmt.Sprintf("%s «$» no es la moneda local (%s) y es ambiguo: dólares estadounidenses (US$) o pesos de algún país americano; precise la moneda.",
			capitalize(n.where), n.c.Currency.Code)
		t.add(i, i, Review, mqmCurrency, Minor, "convention/currency-ambiguous", msg, 0.4, "US$")
	}
}

// mentionsUSD reports whether the text speaks of dollars in words
// (dólares) without ever writing them unambiguously (USD, US$, u$s): a
// text that writes US$ for dollars writes $ for the local currency.
func (t *convText) mentionsUSD() bool {
	if t.usd == 0 {
		t.usd = 1
		if t.scanUSD() {
			t.usd = 2
		}
	}
	return t.usd == 2
}

func (t *convText) scanUSD() bool {
	words := false
	for i, tok := range t.ts {
		switch {
		case tok.Text == "USD":
			return false
		case tok.Text == "$" && i > 0 && t.glued(i-1, i) && (t.ts[i-1].Text == "US" || strings.EqualFold(t.ts[i-1].Text, "u")):
			return false
		case tok.Kind == token.Word && (tok.Text == "dólar" || tok.Text == "dólares" || tok.Text == "Dólares"):
			words = true
		}
	}
	return words
}

// euroPosition flags € before the amount, or glued after it, where the
// euro is the local currency: the Ortografía writes the symbol after the
// number, with a space (20 €).
func (t *convText) euroPosition(from, to int) {
	if t.ts[from].Text != "€" {
		return
	}
	switch {
	case to+1 < len(t.ts) && t.ts[to+1].Kind == token.Number && len(t.gap(to)) <= 1:
		num := t.ts[to+1].Text
		msg := fmt.Sprintf("%s el símbolo del euro va detrás de la cifra, separado por un espacio: %s € (RAE, Ortografía 2010).", capitalize(t.n.where), num)
		t.add(from, to+1, Convention, mqmCurrency, Minor, "convention/currency-position", msg, 0.7, num+" €")
	case from > 0 && t.glued(from-1, from) && t.ts[from-1].Kind == token.Number:
		num := t.ts[from-1].Text
		msg := fmt.Sprintf("El símbolo del euro se separa de la cifra con un espacio: %s € (RAE, Ortografía 2010).", num)
		t.add(from-1, from, Convention, mqmCurrency, Minor, "convention/currency-position", msg, 0.5, num+" €")
	}
}
