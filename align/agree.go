package align

import (
	"slices"
	"strings"

	"github.com/habla-es/habla/lexicon"
	"github.com/habla-es/habla/lexicon/morph"
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
		if pos == "verb" {
			if forms := conjugateLike(e, v.Form); len(forms) > 0 {
				for _, f := range forms {
					out = appendNew(out, matchCase(ts[m.First].Text, f))
				}
				continue
			}
		}
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

// conjugateLike gives the infinitive to in the cells where the matched
// verb form stands (coge, coger's tú imperative or present → toma), one
// form per distinct result; nil when the match is the infinitive itself,
// is not a simple verb form, or either verb is unknown (then the
// infinitive is suggested as it is).
func conjugateLike(e lexicon.Entry, to string) []string {
	from := e.Variant.Form
	if e.Surface == from || strings.ContainsRune(from, ' ') || strings.ContainsRune(to, ' ') {
		return nil
	}
	v, err := morph.Lookup(to)
	if err != nil {
		return nil
	}
	var out []string
	for _, r := range morph.Analyze(e.Surface) {
		if r.Lemma != from || r.Note != "" {
			continue
		}
		var f string
		switch {
		case r.Tense == morph.GerundForm:
			f = v.Gerund()
		case r.Tense == morph.ParticipleForm:
			f = v.Participle()
		case r.Paradigm != "":
			f = v.Address(r.Mood, r.Tense, r.Paradigm)
		default:
			f = v.Form(r.Mood, r.Tense, r.Person)
		}
		if f != "" && !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}
