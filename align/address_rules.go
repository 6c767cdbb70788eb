package align

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/habla-es/habla/token"
)

// prepositions before a pronoun make it prepositional: para vos → para ti.
var prepositions = map[string]bool{
	"a": true, "ante": true, "bajo": true, "con": true, "contra": true, "de": true,
	"desde": true, "en": true, "entre": true, "hacia": true, "hasta": true, "para": true,
	"por": true, "según": true, "sin": true, "sobre": true, "tras": true,
}

// checkPronoun flags an address pronoun or possessive foreign to the target.
func (n *addressNorm) checkPronoun(text string, m *marker, ts []token.Token) (Finding, bool) {
	tok := ts[m.tok]
	switch {
	case m.pronoun.system == Vosotros:
		if n.accepts&Vosotros != 0 {
			return Finding{}, false
		}
		return n.vosotrosPronoun(m, tok), true
	case m.pronoun.system == Tuteo:
		if n.tuPron {
			return Finding{}, false
		}
		sugg := map[string]string{"tú": "vos", "ti": "vos", "contigo": "con vos"}[m.lower]
		msg := fmt.Sprintf("%s se usa «vos», no «%s»: «%s».", capitalize(n.where), m.lower, sugg)
		return newFinding(tok, Major, "address/tuteo-pronoun", msg, 0.95, matchCase(tok.Text, sugg)), true
	default: // vos
		if n.vosPron {
			return Finding{}, false
		}
		return n.vosPronoun(text, tok, ts, m.tok), true
	}
}

func (n *addressNorm) vosotrosPronoun(m *marker, tok token.Token) Finding {
	switch m.pronoun.role {
	case "clitic":
		msg := fmt.Sprintf("«os» es el clítico de vosotros, que no se usa %s: según su función, «les» (objeto indirecto), «los» o «las» (directo) o «se» (reflexivo).", n.where)
		return newFinding(tok, Major, "address/vosotros-clitic", msg, 0.9,
			matchCase(tok.Text, "les"), matchCase(tok.Text, "los"), matchCase(tok.Text, "las"), matchCase(tok.Text, "se"))
	case "possessive":
		su := "su"
		if strings.HasSuffix(m.lower, "s") {
			su = "sus"
		}
		msg := fmt.Sprintf("«%s» es el posesivo de vosotros, que no se usa %s: «%s» o, si es ambiguo, «de ustedes».", m.lower, n.where, su)
		return newFinding(tok, Major, "address/vosotros-possessive", msg, 0.95, matchCase(tok.Text, su), "de ustedes")
	}
	msg := fmt.Sprintf("«%s» no se usa %s: el plural es «ustedes».", m.lower, n.where)
	return newFinding(tok, Major, "address/vosotros-pronoun", msg, 0.98, matchCase(tok.Text, "ustedes"))
}

// vosPronoun flags vos where the target does not use it: tú as subject,
// ti after a preposition, contigo for "con vos".
func (n *addressNorm) vosPronoun(text string, tok token.Token, ts []token.Token, i int) Finding {
	if n.accepts&VoseoChilean != 0 {
		msg := fmt.Sprintf("%s el pronombre «vos» suena marcado o descortés; lo habitual es «tú», aun con formas verbales voseantes.", capitalize(n.where))
		return newFinding(tok, Minor, "address/voseo-pronoun", msg, 0.8, matchCase(tok.Text, "tú"))
	}
	prev := previousWord(ts, i)
	if prev >= 0 && token.Lower(ts[prev].Text) == "con" {
		span := joinTokens(text, ts[prev], tok)
		msg := fmt.Sprintf("%s no se usa «vos»: «con vos» es «contigo».", capitalize(n.where))
		return newFinding(span, Major, "address/voseo-pronoun", msg, 0.95, matchCase(span.Text, "contigo"))
	}
	sugg := "tú"
	if prev >= 0 && prepositions[token.Lower(ts[prev].Text)] {
		sugg = "ti"
	}
	msg := fmt.Sprintf("%s no se usa «vos»; se tutea: «%s».", capitalize(n.where), sugg)
	return newFinding(tok, Major, "address/voseo-pronoun", msg, 0.95, matchCase(tok.Text, sugg))
}

// previousWord is the index of the word token before i, or -1.
func previousWord(ts []token.Token, i int) int {
	for j := i - 1; j >= 0; j-- {
		if ts[j].Kind == token.Word {
			return j
		}
		if ts[j].Kind == token.Punct {
			return -1
		}
	}
	return -1
}

// joinTokens is the span of text from a to b.
func joinTokens(text string, a, b token.Token) token.Token {
	return token.Token{Text: text[a.ByteStart:b.ByteEnd], Kind: token.Word,
		Start: a.Start, End: b.End, ByteStart: a.ByteStart, ByteEnd: b.ByteEnd}
}

func newFinding(tok token.Token, sev Severity, rule, msg string, conf float64, sugg ...string) Finding {
	return Finding{
		Start: tok.Start, End: tok.End, ByteStart: tok.ByteStart, ByteEnd: tok.ByteEnd,
		Text: tok.Text, Kind: Address, Severity: sev, Suggestions: sugg,
		Confidence: conf, Rule: rule, Message: msg,
	}
}

// matchCase gives s the capitalization of model: all caps or initial cap.
func matchCase(model, s string) string {
	r, _ := utf8.DecodeRuneInString(model)
	switch {
	case isAllCaps(model) && utf8.RuneCountInString(model) > 1:
		return strings.ToUpper(s)
	case unicode.IsUpper(r):
		return capitalize(s)
	}
	return s
}

func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

func isAllCaps(s string) bool {
	letters := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		letters = letters || unicode.IsLetter(r)
	}
	return letters
}

func isUpperRune(r rune) bool { return unicode.IsUpper(r) }
