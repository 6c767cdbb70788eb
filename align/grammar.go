package align

import (
	"fmt"
	"strings"

	"github.com/habla-es/habla/lexicon/morph"
	"github.com/habla-es/habla/token"
)

// Grammar preferences read from verbs: leísmo and ustedes with a vosotros
// verb. Both need a clitic or a pronoun next to a verb form, so a cheap
// pass over the words finds the few places worth analysing.

// directOnly are verbs whose person object is direct (lo vi, la conozco):
// le or les before them, with nothing after the verb that could be the
// direct object, is leísmo. Verbs with a common indirect use (llamar,
// ayudar, escribir, pegar, entender…) are left out: there le can be right.
// Source: RAE/ASALE, DPD (2005), s. v. «leísmo»; NGLE (2009) §16.8.
var directOnly = map[string]bool{
	"ver": true, "mirar": true, "conocer": true, "visitar": true, "saludar": true,
	"invitar": true, "acompañar": true, "abrazar": true,
	"besar": true, "matar": true, "encontrar": true, "buscar": true,
	"detener": true, "arrestar": true, "despedir": true, "convencer": true,
	"acusar": true, "cuidar": true, "escuchar": true, "oír": true, "recoger": true,
}

// clauseEnders may follow the verb when the clitic is its only object.
var clauseEnders = map[string]bool{
	"ayer": true, "hoy": true, "anoche": true, "bien": true, "mal": true,
	"nunca": true, "siempre": true, "también": true, "tampoco": true, "ya": true,
	"todavía": true, "aquí": true, "allí": true, "ahí": true, "acá": true,
	"allá": true, "en": true, "con": true, "por": true, "desde": true, "cuando": true,
	"que": true, "y": true, "pero": true, "muy": true, "mucho": true, "poco": true,
	"mañana": true, "luego": true, "después": true, "antes": true, "pronto": true,
}

var clitics = map[string]bool{"me": true, "te": true, "se": true, "nos": true, "os": true}

// checkGrammar returns the leísmo and ustedes-agreement findings.
func (w *Worker) checkGrammar(out []Finding, text string, ts []token.Token) []Finding {
	if !w.uncached && len(w.hot) == len(ts) && w.hotAll&factGrammar == 0 {
		return out // no le, les or ustedes: decided on the words' hot flags
	}
	usted := -1 // unknown until a le or les asks
	for i := range ts {
		t := ts[i].Text
		if ts[i].Kind != token.Word || len(t) < 2 || len(t) > len("ustedes") || t[0]|0x20 != 'l' && t[0]|0x20 != 'u' {
			continue
		}
		switch {
		case strings.EqualFold(t, "le") || strings.EqualFold(t, "les"):
			if usted < 0 {
				usted = 0
				if textSaysUsted(ts) {
					usted = 1
				}
			}
			// le for usted as a direct object (le acompaño, le saluda) is
			// the widespread "leísmo de cortesía" (DPD, «leísmo», 4): a
			// text that says usted is not checked for leísmo.
			if usted == 1 {
				continue
			}
			if f, ok := w.leismo(text, ts, i); ok {
				out = append(out, f)
			}
		case strings.EqualFold(t, "ustedes"):
			if f, ok := w.ustedesAgreement(text, ts, i); ok {
				out = append(out, f)
			}
		}
	}
	return out
}

// isGrammarWord reports whether the word is one checkGrammar reads: le,
// les or ustedes, in any case.
func isGrammarWord(t string) bool {
	return len(t) >= 2 && len(t) <= len("ustedes") && (t[0]|0x20 == 'l' || t[0]|0x20 == 'u') &&
		(strings.EqualFold(t, "le") || strings.EqualFold(t, "les") || strings.EqualFold(t, "ustedes"))
}

func textSaysUsted(ts []token.Token) bool {
	for i := range ts {
		if ts[i].Kind == token.Word && len(ts[i].Text) == len("usted") && strings.EqualFold(ts[i].Text, "usted") {
			return true
		}
	}
	return false
}

// nextWord is the index of the word right after i, -1 if punctuation or
// the end comes first.
func nextWord(ts []token.Token, i int) int {
	if i+1 < len(ts) && ts[i+1].Kind == token.Word {
		return i + 1
	}
	return -1
}

// leismo flags le/les + a direct-object-only verb ending the clause. Spain
// accepts le for a man (DPD: «leísmo de persona masculino singular»), so
// there only les is flagged, and with less confidence.
func (w *Worker) leismo(text string, ts []token.Token, i int) (Finding, bool) {
	v := nextWord(ts, i)
	if v < 0 {
		return Finding{}, false
	}
	// se le acusa (impersonal se) and me le encontré (a cluster) are not
	// leísmo of the kind the norm rejects (NGLE §16.8j).
	if p := previousWord(ts, i); p >= 0 && p == i-1 && clitics[token.Lower(ts[p].Text)] {
		return Finding{}, false
	}
	var lemma string
	if w.facts != nil && w.facts[v] != nil {
		lemma = w.facts[v].directLemma(w.morph.an, ts[v].Text)
	} else {
		lemma = directOnlyLemma(w.morph.an, ts[v].Text)
	}
	if lemma == "" {
		return Finding{}, false
	}
	if n := nextWord(ts, v); n >= 0 && !clauseEnders[token.Lower(ts[n].Text)] && !strings.EqualFold(ts[n].Text, "a") {
		return Finding{}, false // a direct object may follow: le vi la cara
	}
	plural := strings.EqualFold(ts[i].Text, "les")
	spain := w.a.address.accepts&Vosotros != 0 // the Peninsular norm
	if spain && !plural {
		return Finding{}, false
	}
	lo, la := "lo", "la"
	if plural {
		lo, la = "los", "las"
	}
	conf := 0.6
	where := w.a.address.where
	msg := fmt.Sprintf("«%s %s»: con «%s» el complemento es directo; %s se usa «%s» (o «%s» si es femenino). El leísmo solo se admite en España, con «le» para un hombre (DPD, «leísmo»).",
		ts[i].Text, ts[v].Text, lemma, where, lo, la)
	if spain {
		conf = 0.5
		msg = fmt.Sprintf("«%s %s»: con «%s» el complemento es directo; «les» por «los» no se admite ni donde se acepta «le» para un hombre: «%s» (o «%s» si es femenino) (DPD, «leísmo»).",
			ts[i].Text, ts[v].Text, lemma, lo, la)
	}
	f := newFinding(ts[i], Minor, "morphology/leismo", msg, conf, matchCase(ts[i].Text, lo), matchCase(ts[i].Text, la))
	f.Kind = Morphology
	return f, true
}

// directOnlyLemma is the lemma of the first finite reading of word (as
// written) whose verb takes a direct object only (directOnly), or "".
func directOnlyLemma(an *morph.Analyzer, word string) string {
	for _, r := range an.Analyze(word) {
		if r.Mood != morph.NonFinite && r.Note == "" && directOnly[r.Lemma] {
			return r.Lemma
		}
	}
	return ""
}

// ustedesAgreement flags ustedes with a vosotros verb (ustedes tenéis), the
// western Andalusian agreement the norm rejects (DPD, «ustedes»), with the
// third person plural as suggestion.
func (w *Worker) ustedesAgreement(text string, ts []token.Token, i int) (Finding, bool) {
	v := nextWord(ts, i)
	if v < 0 {
		return Finding{}, false
	}
	for _, r := range w.morph.an.Analyze(ts[v].Text) {
		if r.Paradigm != morph.Vosotros || r.Note != "" {
			continue
		}
		verb, err := morph.Lookup(r.Lemma)
		if err != nil {
			continue
		}
		sugg := verb.Address(r.Mood, r.Tense, morph.Ustedes)
		if sugg == "" {
			continue
		}
		span := joinTokens(text, ts[i], ts[v])
		s := ts[i].Text + " " + matchCase(ts[v].Text, sugg)
		msg := fmt.Sprintf("«%s»: «ustedes» concuerda con la tercera persona del plural: «%s» (DPD, «ustedes»).", span.Text, s)
		f := newFinding(span, Major, "morphology/ustedes-agreement", msg, 0.9, s)
		f.Kind = Morphology
		return f, true
	}
	return Finding{}, false
}
