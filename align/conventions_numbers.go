package align

import (
	"fmt"
	"math"
	"strings"

	"github.com/habla-es/habla/token"
)

// numberInfo is how one number token uses its separators: dec and group
// are the separators it shows as decimal and grouping ('.' or ','; 0 for
// none). An ambiguous number ("1.234": a thousand or a decimal) has only
// sep, and the text's other numbers decide it.
type numberInfo struct {
	tok        int
	dec, group byte
	sep        byte
	ambiguous  bool
}

// numberCues are words after which a number is an id, a code, a version
// or a reference, not a quantity: its dots are not decimal points.
var numberCues = map[string]bool{
	"versión": true, "version": true, "versiones": true, "v": true, "release": true, "build": true,
	"actualización": true, "parche": true, "firmware": true, "api": true,
	"nº": true, "núm": true, "num": true, "número": true, "nro": true,
	"ref": true, "referencia": true, "id": true, "código": true, "cód": true, "cod": true,
	"cédula": true, "ci": true, "rif": true, "nit": true, "rut": true, "dni": true, "curp": true,
	"tel": true, "telf": true, "teléfono": true, "celular": true, "móvil": true, "fax": true,
	"whatsapp": true, "ext": true, "extensión": true, "llame": true, "llamar": true,
	"art": true, "artículo": true, "ley": true, "decreto": true, "resolución": true,
	"expediente": true, "pedido": true, "orden": true, "factura": true, "ticket": true,
	"lote": true, "serie": true, "modelo": true, "isbn": true, "issn": true, "doi": true,
	"cuenta": true, "tarjeta": true, "ip": true, "puerto": true, "capítulo": true, "cap": true,
	"sección": true, "apartado": true, "página": true, "pág": true, "pag": true, "pp": true, "versículo": true, "norma": true, "iso": true,
}

// dottedCues are cues only with their full stop: No. 5, n. 5, p. 12,
// ver. 2.1; without it they are words (no, ver) or letters.
var dottedCues = map[string]bool{"n": true, "no": true, "p": true, "ver": true}

// timeCues before or after "10.30" make it a time, which is never a
// decimal: a las 10.30, 10.30 h.
var timeCues = map[string]bool{
	"las": true, "la": true, "h": true, "hs": true, "hrs": true, "horas": true, "hora": true,
	"am": true, "pm": true, "a": true, "p": true, "gmt": true, "utc": true,
}

// numbers checks the decimal and grouping separators of the text's
// numbers; dst is scratch space, returned for reuse. Times and dates go to
// their own checks.
func (t *convText) numbers(dst []numberInfo) []numberInfo {
	for i := range t.ts {
		tok := t.ts[i]
		if tok.Kind != token.Number || t.inCode(tok.ByteStart) {
			continue
		}
		switch {
		case strings.ContainsRune(tok.Text, ':'):
			t.clock(i)
			continue
		case strings.ContainsAny(tok.Text[1:], "/-") || isDottedDate(tok.Text):
			t.date(i)
			continue
		case len(tok.Text) <= 2:
			if _, _, ok := t.ampm(i + 1); ok {
				t.clock(i) // 5 p. m.
			}
			continue // no separators to check
		}
		if !t.freeNumber(i) || t.looksLikeTime(i) {
			continue
		}
		if info, ok := classifyNumber(tok.Text); ok {
			info.tok = i
			dst = append(dst, info)
		}
	}
	if len(dst) > 0 {
		t.separators(dst)
	}
	return dst
}

// freeNumber reports whether number token i stands on its own in prose:
// not glued to a word or another number (ids, codes, cédulas like
// V-12.345.678), not one of several numbers in a row (phone numbers), not
// after a cue word that makes it a code or version, and not after a name
// (Python 3.12, Juan 3.16).
func (t *convText) freeNumber(i int) bool {
	s := t.ts[i].Text
	if s[0] == '+' || strings.ContainsAny(s, "ºª") {
		return false // phone numbers, ordinals
	}
	if t.glued(i-1, i) && !openerOrSymbol(t.ts[i-1]) {
		return false
	}
	if t.glued(i, i+1) && !closerOrSymbol(t.ts[i+1]) {
		return false
	}
	if i > 0 && t.ts[i-1].Kind == token.Number || i+1 < len(t.ts) && t.ts[i+1].Kind == token.Number {
		return false
	}
	if t.ratio(i) || t.coordinatedCode(i) {
		return false
	}
	w, dotted := i-1, false
	if t.is(w, token.Punct, ".") || t.is(w, token.Punct, ":") {
		w, dotted = w-1, t.ts[w].Text == "." // No. 5, tel.: 555
	}
	if w >= 0 && t.ts[w].Kind == token.Word {
		cue := token.Lower(t.ts[w].Text)
		if numberCues[cue] || dotted && dottedCues[cue] || t.capitalizedName(w) {
			return false
		}
	}
	return true
}

// ratio reports a number on either side of a spaced colon between two
// numbers (1.5 : 1, an aspect ratio); unspaced, 16:9 is read as a clock.
func (t *convText) ratio(i int) bool {
	num := func(j int) bool { return j >= 0 && j < len(t.ts) && t.ts[j].Kind == token.Number }
	return t.is(i+1, token.Punct, ":") && num(i+2) || t.is(i-1, token.Punct, ":") && num(i-2)
}

// coordinators join numbers of one kind: TLS 1.2 ó 1.3, versiones 1.1, 1.2
// y 1.3.
var coordinators = map[string]bool{"y": true, "e": true, "o": true, "ó": true, "u": true, "a": true, "hasta": true}

// coordinatedCode reports a number coordinated with the number before it
// (1.2 ó 1.3, 1.1, 1.2) when that one is no quantity either (a version
// after TLS): the cue before the first number covers the series.
func (t *convText) coordinatedCode(i int) bool {
	j := i - 1
	if j < 1 || !(t.is(j, token.Punct, ",") || t.wordIn(j, coordinators)) {
		return false
	}
	if t.ts[j-1].Kind != token.Number {
		return false
	}
	return !t.freeNumber(j - 1)
}

// factorSigns are multiplication signs: a number glued to one is a factor (1.25×, ×1.5), a
// zoom level or a playback speed, written with a point in software whatever
// the locale.
const factorSigns = "×"

func openerOrSymbol(tok token.Token) bool {
	if tok.Kind == token.Symbol {
		return !strings.ContainsAny(tok.Text, "#@*&_"+factorSigns)
	}
	return tok.Kind == token.Punct && strings.Contains("(«“\"'[¿¡—–", tok.Text)
}

func closerOrSymbol(tok token.Token) bool {
	if tok.Kind == token.Symbol {
		return !strings.ContainsAny(tok.Text, "#@*&_"+factorSigns)
	}
	return tok.Kind == token.Punct && strings.Contains(".,;:!?)»”\"']…", tok.Text)
}

// looksLikeTime reports "10.30" with a time cue around it.
func (t *convText) looksLikeTime(i int) bool {
	h, m, ok := strings.Cut(t.ts[i].Text, ".")
	if !ok || len(h) > 2 || len(m) != 2 || atoi(h) > 24 || atoi(m) > 59 {
		return false
	}
	return t.wordIn(i-1, timeCues) || t.wordIn(i+1, timeCues)
}

func (t *convText) wordIn(i int, set map[string]bool) bool {
	return i >= 0 && i < len(t.ts) && t.ts[i].Kind == token.Word && set[token.Lower(t.ts[i].Text)]
}

// classifyNumber reads the separators of a number such as 1.234,56,
// 1,234,567, 3,5 or 1.234. ok is false for a number without separators or
// whose separators fit no grouping (1.2.3, 192.168.1.1, 0.123.4).
func classifyNumber(s string) (numberInfo, bool) {
	s = strings.TrimLeft(s, "-−")
	var seps [7]byte
	var segs [8]int // digits per segment; more segments: not a number to check
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '.' || c == ',' {
			if n == len(seps) {
				return numberInfo{}, false
			}
			seps[n] = c
			n++
			continue
		}
		if c < '0' || c > '9' {
			return numberInfo{}, false // other digits, signs
		}
		segs[n]++
	}
	if n == 0 {
		return numberInfo{}, false
	}
	lead := s[0]
	if lead == '0' && segs[0] > 1 {
		return numberInfo{}, false // 09.30, 007.5: times and codes
	}
	grouped := func(upto int) bool { // segments 1..upto-1 are groups of 3
		if segs[0] > 3 || lead == '0' {
			return false
		}
		for k := 1; k < upto; k++ {
			if segs[k] != 3 {
				return false
			}
		}
		return true
	}
	last, first := seps[n-1], seps[0]
	for _, c := range seps[:n-1] {
		if c != first {
			return numberInfo{}, false
		}
	}
	switch {
	case first != last: // 1.234,56
		if !grouped(n) {
			return numberInfo{}, false
		}
		return numberInfo{dec: last, group: first}, true
	case n > 1: // 1.234.567
		if !grouped(n + 1) {
			return numberInfo{}, false
		}
		return numberInfo{group: first}, true
	case segs[1] == 3 && grouped(2) && strings.HasSuffix(s, "000"): // 5.000: no one writes 5 with three decimal zeros
		return numberInfo{group: first}, true
	case segs[1] == 3 && grouped(2): // 1.234
		return numberInfo{sep: first, ambiguous: true}, true
	}
	return numberInfo{dec: first}, true // 3,5 0.5 1234.567
}

// separators decides the ambiguous numbers from the unambiguous ones and
// flags the separators foreign to the target.
func (t *convText) separators(ns []numberInfo) {
	// evidence[c][0] is the first number (token index + 1) that uses the
	// separator c (0 '.', 1 ',') as decimal, evidence[c][1] as grouping.
	var evidence [2][2]int
	idx := func(c byte) int {
		if c == ',' {
			return 1
		}
		return 0
	}
	for _, n := range ns {
		if n.dec != 0 && evidence[idx(n.dec)][0] == 0 {
			evidence[idx(n.dec)][0] = n.tok + 1
		}
		if n.group != 0 && evidence[idx(n.group)][1] == 0 {
			evidence[idx(n.group)][1] = n.tok + 1
		}
	}
	for _, n := range ns {
		why := ""
		if n.ambiguous {
			c, o := idx(n.sep), 1-idx(n.sep)
			asDec := max(evidence[c][0], evidence[o][1])   // this one decimal, or the other grouping
			asGroup := max(evidence[c][1], evidence[o][0]) // the reverse
			switch {
			case asDec > 0 && asGroup == 0:
				n.dec = n.sep
				why = t.decidedBy(asDec-1, "decimal")
			case asGroup > 0 && asDec == 0:
				n.group = n.sep
				why = t.decidedBy(asGroup-1, "de millares")
			default:
				continue // nothing in the text decides it: no finding
			}
		}
		t.separatorFinding(n, why)
	}
}

// decidedBy says which number decided an ambiguous one.
func (t *convText) decidedBy(tok int, reading string) string {
	return fmt.Sprintf(" (se lee como separador %s porque el texto escribe «%s»)", reading, t.ts[tok].Text)
}

func (t *convText) separatorFinding(n numberInfo, why string) {
	c := t.n.c
	s := t.ts[n.tok].Text
	conf, sev := 0.85, Minor
	if n.ambiguous {
		// The target reader takes the number for another value.
		conf, sev = 0.6, Major
	}
	if c.Currency.Code == "" {
		// es, es-419: a supranational norm, whose readers include
		// countries with the other separator.
		conf = math.Round(conf*0.6*100) / 100
	}
	switch {
	case n.dec != 0 && string(n.dec) != c.Decimal:
		sugg := convertNumber(s, n.dec, n.group, c.Decimal, c.Group)
		msg := fmt.Sprintf("%s el separador decimal es %s: %s%s.", capitalize(t.n.where), sepName(c.Decimal), sugg, why)
		t.add(n.tok, n.tok, Convention, mqmNumber, sev, "convention/decimal", msg, conf, sugg)
	case n.group != 0 && string(n.group) == c.Decimal:
		sugg := convertNumber(s, n.dec, n.group, c.Decimal, c.Group)
		msg := fmt.Sprintf("%s los millares se separan con %s y %s es el separador decimal: %s%s.",
			capitalize(t.n.where), sepName(c.Group), sepName(c.Decimal), sugg, why)
		t.add(n.tok, n.tok, Convention, mqmNumber, sev, "convention/group", msg, conf, sugg)
	}
}

// convertNumber rewrites s with the target's separators.
func convertNumber(s string, dec, group byte, toDec, toGroup string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case dec:
			b.WriteString(toDec)
		case group:
			b.WriteString(toGroup)
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

func sepName(s string) string {
	switch s {
	case ",":
		return "la coma"
	case ".":
		return "el punto"
	}
	return "un espacio"
}

// atoi parses a short run of ASCII digits; anything else gives -1.
func atoi(s string) int {
	if s == "" || len(s) > 9 {
		return -1
	}
	v := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return -1
		}
		v = v*10 + int(s[i]-'0')
	}
	return v
}
