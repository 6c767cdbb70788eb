package align

import (
	"fmt"
	"strings"

	"github.com/habla-es/habla/token"
)

// englishMonths are the English month names and the abbreviations that
// are not also Spanish ones (Mar, Jun, Jul, Sep, Oct, Nov and Feb are
// Spanish abbreviations too, and Mar a word), with their Spanish names.
var englishMonths = map[string]string{
	"January": "enero", "February": "febrero", "March": "marzo", "April": "abril",
	"May": "mayo", "June": "junio", "July": "julio", "August": "agosto",
	"September": "septiembre", "October": "octubre", "November": "noviembre",
	"December": "diciembre", "Jan": "enero", "Apr": "abril", "Aug": "agosto", "Dec": "diciembre",
}

// spanishMonths are the month names, which Spanish writes in lowercase
// (RAE, Ortografía 2010, §4.2.4.8).
var spanishMonths = map[string]bool{
	"enero": true, "febrero": true, "marzo": true, "abril": true, "mayo": true, "junio": true,
	"julio": true, "agosto": true, "septiembre": true, "setiembre": true, "octubre": true,
	"noviembre": true, "diciembre": true,
}

// month checks a capitalized word i: an English month name next to a
// number, or a Spanish month name capitalized inside a date.
func (t *convText) month(i int) {
	tok := t.ts[i]
	if t.inCode(tok.ByteStart) {
		return
	}
	if es, ok := englishMonths[tok.Text]; ok {
		if t.numberNear(i-1) || t.numberNear(i+1) || t.is(i+1, token.Punct, ".") && t.numberNear(i+2) {
			msg := fmt.Sprintf("«%s» es el nombre inglés del mes; en español, «%s», con minúscula.", tok.Text, es)
			t.add(i, i, Convention, mqmDate, Minor, "convention/date-month-english", msg, 0.8, es)
		}
		return
	}
	var buf [16]byte
	b := asciiLower(buf[:0], tok.Text)
	if !spanishMonths[string(b)] || isAllCaps(tok.Text) || t.sentenceInitial(i) || !t.inDate(i) {
		return
	}
	lower := string(b)
	msg := fmt.Sprintf("Los nombres de los meses se escriben con minúscula en español: «%s» (RAE, Ortografía 2010, §4.2.4.8).", lower)
	t.add(i, i, Convention, mqmDate, Minor, "convention/date-month-case", msg, 0.8, lower)
}

// isMonth reports whether month does anything with the word s: an
// English month name, or a Spanish one once lowercased.
func isMonth(s string) bool {
	if !isMonthShaped(s) {
		return false
	}
	if _, ok := englishMonths[s]; ok {
		return true
	}
	var buf [16]byte
	return spanishMonths[string(asciiLower(buf[:0], s))]
}

// isMonthShaped reports an ASCII word of 3 to 10 letters with an initial
// capital, the shape of every month name the checks know, so that other
// words cost no lookup.
func isMonthShaped(s string) bool {
	if len(s) < 3 || len(s) > 10 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// asciiLower appends s lowercased to dst; s is ASCII.
func asciiLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		dst = append(dst, s[i]|0x20)
	}
	return dst
}

// numberNear reports a number token at i.
func (t *convText) numberNear(i int) bool {
	return i >= 0 && i < len(t.ts) && t.ts[i].Kind == token.Number
}

// dateLead are the words before a day that make "5 de Enero" a date
// rather than a name: el 5 de Enero, desde el 5, el lunes 5. Streets,
// settlements and holidays named by a date ("la 9 de Julio", "barrio 2 de
// Abril") have none of them.
var dateLead = map[string]bool{
	"el": true, "del": true, "al": true, "hasta": true, "desde": true, "hoy": true, "entre": true,
	"lunes": true, "martes": true, "miércoles": true, "jueves": true, "viernes": true,
	"sábado": true, "domingo": true,
}

// inDate reports whether month word i is part of a date: "el 5 de Enero"
// or "Enero de 2025", not a street or a holiday named by a date ("la
// Avenida 5 de Julio").
func (t *convText) inDate(i int) bool {
	if t.is(i-1, token.Word, "de") && i >= 2 && t.ts[i-2].Kind == token.Number {
		if d := atoi(strings.TrimRight(t.ts[i-2].Text, ".ºª")); d >= 1 && d <= 31 && t.wordIn(i-3, dateLead) {
			return true
		}
	}
	if (t.is(i+1, token.Word, "de") || t.is(i+1, token.Word, "del")) && i+2 < len(t.ts) {
		y := t.ts[i+2]
		return y.Kind == token.Number && len(y.Text) == 4 && atoi(y.Text) > 0
	}
	return false
}

// isDottedDate reports d.m.yyyy dates, which use the decimal point as
// separator: 3.4.2025.
func isDottedDate(s string) bool {
	parts := strings.Split(s, ".")
	return len(parts) == 3 && len(parts[0]) <= 2 && len(parts[1]) <= 2 && len(parts[2]) == 4
}

// date checks the order of a numeric date such as 03/15/2025: only a day
// over 12 decides the order; otherwise there is no finding.
func (t *convText) date(i int) {
	s := t.ts[i].Text
	var sep string
	switch {
	case strings.Contains(s, "/"):
		sep = "/"
	case strings.Contains(s, "-"):
		sep = "-"
	default:
		sep = "."
	}
	parts := strings.Split(s, sep)
	if len(parts) != 3 || len(parts[0]) > 2 || len(parts[1]) > 2 || !t.freeNumber(i) {
		return
	}
	if y := len(parts[2]); y != 4 && (y != 2 || sep != "/") {
		return
	}
	a, b, y := atoi(parts[0]), atoi(parts[1]), atoi(parts[2])
	if a < 1 || b < 1 || y < 0 || a > 31 || b > 31 {
		return
	}
	var order, other, month string
	switch t.n.c.DateOrder {
	case "dmy":
		if a > 12 || b <= 12 {
			return
		}
		order, other, month = "día/mes/año", "mes/día", parts[1]
	case "mdy":
		if b > 12 || a <= 12 {
			return
		}
		order, other, month = "mes/día/año", "día/mes", parts[0]
	default:
		return
	}
	sugg := parts[1] + sep + parts[0] + sep + parts[2]
	msg := fmt.Sprintf("%s las fechas numéricas van en el orden %s; «%s» solo puede leerse como %s (no hay mes %s): %s.",
		capitalize(t.n.where), order, s, other, month, sugg)
	t.add(i, i, Convention, mqmDate, Minor, "convention/date-order", msg, 0.9, sugg)
}

// ampmForms are the Ortografía's forms (RAE 2010): "a. m.", "p. m.".
var ampmForms = [2]string{"a. m.", "p. m."}

// ampm reads an a.m./p.m. marker starting at token j: am, PM, a.m., a. m.,
// p.m… It returns the marker's last token and whether it is p.m.
func (t *convText) ampm(j int) (end int, pm, ok bool) {
	if j >= len(t.ts) || t.ts[j].Kind != token.Word || lineBreaks.in(t.gap(j-1)) {
		return 0, false, false
	}
	w := strings.ToLower(t.ts[j].Text)
	switch w {
	case "am", "pm":
		end = j
		if t.is(j+1, token.Punct, ".") && t.glued(j, j+1) {
			end = j + 1
		}
		return end, w == "pm", true
	case "a", "p":
		if !t.is(j+1, token.Punct, ".") || !t.glued(j, j+1) || j+2 >= len(t.ts) ||
			strings.ToLower(t.ts[j+2].Text) != "m" || len(t.gap(j+1)) > 1 {
			return 0, false, false
		}
		end = j + 2
		if t.is(j+3, token.Punct, ".") && t.glued(j+2, j+3) {
			end = j + 3
		}
		return end, w == "p", true
	}
	return 0, false, false
}

// timeUnits after a time ("14:00 h") belong to it.
var timeUnits = map[string]bool{"h": true, "hs": true, "hrs": true, "horas": true}

// clock checks a time, "14:30" or "5" or "5:30" before a.m./p.m., against
// the target's clock and a.m./p.m. forms.
func (t *convText) clock(i int) {
	s := t.ts[i].Text
	hs, ms, hasMin := strings.Cut(s, ":")
	h, m := atoi(hs), 0
	if hasMin {
		m = atoi(ms)
		if len(ms) != 2 || strings.Contains(ms, ":") {
			return
		}
	}
	if len(hs) > 2 || h < 0 || h > 23 || m < 0 || m > 59 || !t.freeNumber(i) {
		return
	}
	c := t.n.c
	if end, pm, ok := t.ampm(i + 1); ok {
		t.marked(i, end, h, m, pm)
		return
	}
	if !hasMin || c.Time.Clock != "12h" || len(c.Time.AMPM) != 2 || h > 0 && h < 13 {
		return
	}
	end := i
	if t.wordIn(i+1, timeUnits) {
		end = i + 1
	}
	h12, mark := h-12, c.Time.AMPM[1]
	if h == 0 {
		h12, mark = 12, c.Time.AMPM[0]
	}
	sugg := fmt.Sprintf("%d:%02d %s", h12, m, mark)
	msg := fmt.Sprintf("%s se suele usar el reloj de 12 horas: %s (también se entiende «%s»).", capitalize(t.n.where), sugg, s)
	t.add(i, end, Convention, mqmTime, Minor, "convention/time-clock", msg, 0.4, sugg)
}

// marked checks a time with a.m./p.m. (tokens i..end): the 24-hour clock
// where the target uses it, else the form of the marker.
func (t *convText) marked(i, end, h, m int, pm bool) {
	c := t.n.c
	if h < 1 || h > 12 || len(c.Time.AMPM) != 2 {
		return
	}
	mi := 0
	if pm {
		mi = 1
	}
	want := c.Time.AMPM[mi]
	mark := t.text[t.ts[i+1].ByteStart:t.ts[end].ByteEnd]
	styleOK := mark == want || mark == ampmForms[mi]
	if c.Time.Clock == "24h" {
		h24 := h % 12
		if pm {
			h24 += 12
		}
		sugg := []string{fmt.Sprintf("%d:%02d", h24, m)}
		if !styleOK {
			sugg = append(sugg, t.ts[i].Text+" "+want)
		}
		msg := fmt.Sprintf("%s se usa el reloj de 24 horas: %s (la hora con «%s» también se entiende).", capitalize(t.n.where), sugg[0], want)
		t.add(i, end, Convention, mqmTime, Minor, "convention/time-clock", msg, 0.3, sugg...)
		return
	}
	if styleOK {
		return
	}
	msg := fmt.Sprintf("La abreviatura se escribe «%s», con minúsculas, puntos y espacio (RAE, Ortografía 2010).", want)
	if want != ampmForms[mi] {
		msg = fmt.Sprintf("%s la abreviatura se escribe «%s».", capitalize(t.n.where), want)
	}
	t.add(i+1, end, Convention, mqmTime, Minor, "convention/time-ampm", msg, 0.7, want)
}
