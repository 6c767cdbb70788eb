package align

import (
	"github.com/habla-es/habla/lexicon"
	"github.com/habla-es/habla/token"
)

// genderPairs swaps a determiner's gender: el ordenador → la computadora.
var genderPairs = map[string]string{
	"el": "la", "la": "el", "los": "las", "las": "los", "un": "una", "una": "un",
	"unos": "unas", "unas": "unos", "este": "esta", "esta": "este", "estos": "estas",
	"estas": "estos", "ese": "esa", "esa": "ese", "esos": "esas", "esas": "esos",
	"aquel": "aquella", "aquella": "aquel", "aquellos": "aquellas", "aquellas": "aquellos",
	"nuestro": "nuestra", "nuestra": "nuestro", "nuestros": "nuestras", "nuestras": "nuestros",
	"mucho": "mucha", "mucha": "mucho", "muchos": "muchas", "muchas": "muchos",
	"otro": "otra", "otra": "otro", "otros": "otras", "otras": "otros",
	"del": "de la", "al": "a la",
}

// suggest returns the span to replace and the suggestions, agreeing with
// what they replace: number, adjective gender, and the determiner right
// before a noun whose replacement has the other gender, which then joins
// the span (el ordenador → la computadora).
func (t *lexTarget) suggest(text string, ts []token.Token, m lexicon.Match, e lexicon.Entry, alts []*lexicon.Variant) (token.Token, []string) {
	pos := e.Concept.POS
	det := -1
	if pos == "noun" && m.First > 0 && ts[m.First-1].Kind == token.Word && genderChanges(e.Variant, alts) {
		if _, ok := genderPairs[token.Lower(ts[m.First-1].Text)]; ok {
			det = m.First - 1
		}
	}
	var out []string
	for _, v := range alts {
		s := lexicon.Inflect(v, pos, e.Plural, e.Feminine)
		if det < 0 {
			out = appendNew(out, matchCase(ts[m.First].Text, s))
			continue
		}
		d := token.Lower(ts[det].Text)
		if differentGender(e.Variant, v) {
			d = genderPairs[d]
		}
		out = appendNew(out, matchCase(ts[det].Text, d)+" "+s)
	}
	if det >= 0 {
		return tokenSpan(text, ts, det, m.End), out
	}
	return tokenSpan(text, ts, m.First, m.End), out
}

func genderChanges(v *lexicon.Variant, alts []*lexicon.Variant) bool {
	for _, a := range alts {
		if differentGender(v, a) {
			return true
		}
	}
	return false
}

func differentGender(a, b *lexicon.Variant) bool {
	return (a.Gender == "m" || a.Gender == "f") && (b.Gender == "m" || b.Gender == "f") && a.Gender != b.Gender
}
