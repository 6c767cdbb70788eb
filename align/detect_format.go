package align

import (
	"strings"

	"github.com/habla-es/habla/dialects"
	"github.com/habla-es/habla/token"
)

// formatTable reads the cheap conventions: currency symbols, and the
// decimal comma or point of a number (3,5 vs 3.5; 1.234.567 vs 1,234,567).
type formatTable struct {
	symbols  map[string][]float64 // symbol → vector over candidates
	decComma []float64            // 1 where the candidate writes 3,5
	decPoint []float64
}

func newFormatTable(cands []*dialects.Profile) formatTable {
	t := formatTable{symbols: map[string][]float64{},
		decComma: make([]float64, len(cands)), decPoint: make([]float64, len(cands))}
	for i, p := range cands {
		c := p.Conventions
		switch c.Decimal {
		case ",":
			t.decComma[i] = 1
		case ".":
			t.decPoint[i] = 1
		}
		if c.Currency.Code == "EUR" {
			t.symbol(len(cands), "€")[i] = 1
		}
		for _, s := range c.Currency.Symbols {
			if s != "" && len([]rune(s)) == 1 && !isLetters(s) {
				t.symbol(len(cands), s)[i] = 1
			}
		}
	}
	return t
}

func (t *formatTable) symbol(n int, s string) []float64 {
	v, ok := t.symbols[s]
	if !ok {
		v = make([]float64, n)
		t.symbols[s] = v
	}
	return v
}

func isLetters(s string) bool {
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') {
			return false
		}
	}
	return true
}

func (t *formatTable) addSymbol(d *Detector, sc *scratch, s string) {
	if v, ok := t.symbols[s]; ok {
		d.add(sc, "currency", s, v, d.w.place)
	}
}

// addNumber adds the decimal convention of number token i, if it shows
// one; a time (las 20.30, 10.30 h) shows none.
func (t *formatTable) addNumber(d *Detector, sc *scratch, ts []token.Token, i int) bool {
	var v []float64
	switch numberStyle(ts[i].Text) {
	case ',':
		v = t.decComma
	case '.':
		if looksLikeTime(ts, i) {
			return false
		}
		v = t.decPoint
	default:
		return false
	}
	d.add(sc, "format", ts[i].Text, v, d.w.format)
	return true
}

// numberStyle is ',' for a number written with the decimal comma (3,5;
// 1.234,5; 1.234.567), '.' for the decimal point (3.5; 1,234.5;
// 1,234,567), 0 when it does not tell (1.234 could be either, and 2024 is
// a year).
func numberStyle(s string) byte {
	s = strings.TrimLeft(s, "+-")
	if strings.ContainsAny(s, ":/") || strings.Count(s, "-") > 0 {
		return 0
	}
	dots, commas := strings.Count(s, "."), strings.Count(s, ",")
	last := strings.LastIndexAny(s, ".,")
	if last < 0 {
		return 0
	}
	tail := len(s) - last - 1
	switch {
	case dots == 0 && commas == 1 && tail != 3:
		return ','
	case commas == 0 && dots == 1 && tail != 3:
		return '.'
	case dots >= 1 && commas == 1 && s[last] == ',':
		return ','
	case commas >= 1 && dots == 1 && s[last] == '.':
		return '.'
	case dots >= 2 && commas == 0:
		return ','
	case commas >= 2 && dots == 0:
		return '.'
	}
	return 0
}

// looksLikeTime reports a number read as a time: after las/a las, or
// before h, hs, horas.
func looksLikeTime(ts []token.Token, i int) bool {
	if i > 0 && ts[i-1].Kind == token.Word {
		switch token.Lower(ts[i-1].Text) {
		case "las", "la", "a", "desde", "hasta", "entre":
			return true
		}
	}
	if i+1 < len(ts) && ts[i+1].Kind == token.Word {
		switch token.Lower(ts[i+1].Text) {
		case "h", "hs", "horas", "hrs", "hora":
			return true
		}
	}
	return false
}
