package align

import (
	"math"
	"strconv"
	"strings"

	"github.com/habla-es/habla/dialects"
)

// plural is 0 for an amount of exactly one, 1 otherwise (1,5 litros).
func plural(num string) int {
	if num == "1" {
		return 0
	}
	return 1
}

// parseAmount reads a number token as written in either convention: its
// value, its significant digits and its decimal places. A lone separator
// before three digits (1.500, 1,500) is read as grouping: amounts with
// three decimals are rare next to a unit.
func parseAmount(s string) (v float64, digits, decimals int, ok bool) {
	neg := strings.HasPrefix(s, "-") || strings.HasPrefix(s, "−")
	s = strings.TrimLeft(s, "-−+")
	clean := s
	if info, ok := classifyNumber(s); ok {
		var dec byte = info.dec
		if info.ambiguous {
			dec = 0
		}
		var b strings.Builder
		for k := 0; k < len(s); k++ {
			switch c := s[k]; {
			case c == dec:
				b.WriteByte('.')
			case c == '.' || c == ',':
			default:
				b.WriteByte(c)
			}
		}
		clean = b.String()
	} else if strings.ContainsAny(s, ".,") {
		return 0, 0, 0, false
	}
	v, err := strconv.ParseFloat(clean, 64)
	if err != nil {
		return 0, 0, 0, false
	}
	intPart, frac, _ := strings.Cut(clean, ".")
	sig := strings.TrimLeft(intPart+frac, "0")
	if frac == "" {
		sig = strings.TrimRight(sig, "0")
	}
	if neg {
		v = -v
	}
	return v, max(1, len(sig)), len(frac), true
}

// formatSignificant rounds v to sig significant digits (at most two
// decimals) and writes it in the target's number convention.
func formatSignificant(v float64, sig int, c dialects.Conventions) string {
	if v == 0 {
		return "0"
	}
	mag := int(math.Floor(math.Log10(math.Abs(v)))) + 1
	decimals := sig - mag
	if decimals < 0 {
		p := math.Pow(10, float64(-decimals))
		return formatAmount(math.Round(v/p)*p, 0, c)
	}
	return formatAmount(v, min(decimals, 2), c)
}

// formatAmount writes v with at most decimals places, trailing zeros
// dropped, with the target's decimal sign, grouping thousands from five
// digits up (the Ortografía does not group four-digit numbers).
func formatAmount(v float64, decimals int, c dialects.Conventions) string {
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	intPart, frac, _ := strings.Cut(s, ".")
	sign := ""
	if rest, ok := strings.CutPrefix(intPart, "-"); ok {
		sign, intPart = "-", rest
	}
	if len(intPart) >= 5 && c.Group != "" {
		var b strings.Builder
		for k, r := range intPart {
			if k > 0 && (len(intPart)-k)%3 == 0 {
				b.WriteString(c.Group)
			}
			b.WriteRune(r)
		}
		intPart = b.String()
	}
	out := sign + intPart
	if frac != "" {
		dec := c.Decimal
		if dec == "" {
			dec = ","
		}
		out += dec + frac
	}
	return out
}
