package localize

import (
	"strings"

	"github.com/habla-es/habla/align"
	"github.com/habla-es/habla/lexicon"
	"github.com/habla-es/habla/lexicon/morph"
	"github.com/habla-es/habla/token"
)

// confQuotesPaired is the confidence of a text's quotation marks when
// align flagged them as whole pairs, opening and closing in turn.
const confQuotesPaired = 0.8

// safeConventions are the convention rules whose single suggestion is
// applied: the amount or the quotation is the same, only its spelling
// changes (unit symbols and their space as the Ortografía writes them:
// kms → km, 10km → 10 km). Dates, times, currencies of unknown value and
// conversions of units (which change what the text says) stay tasks.
var safeConventions = map[string]bool{
	"convention/decimal":           true,
	"convention/group":             true,
	"convention/currency-position": true,
	"convention/quotes":            true,
	"convention/unit-symbol":       true,
	"convention/unit-space":        true,
}

// fromFindings makes candidates from the lexical and convention findings;
// the other findings are left for unresolved.
func (l *Localizer) fromFindings(text string, fs []align.Finding) []candidate {
	var cs []candidate
	for i := range fs {
		f := &fs[i]
		switch {
		case f.Kind == align.Lexical:
			cs = append(cs, l.lexicalCandidate(text, f))
		case f.Kind == align.Convention && safeConventions[f.Rule] && len(f.Suggestions) == 1:
			c := findingCandidate(f)
			if f.Rule == "convention/quotes" {
				c.group = "quotes"
			}
			cs = append(cs, c)
		}
	}
	pairQuotes(cs)
	return cs
}

func findingCandidate(f *align.Finding) candidate {
	c := candidate{edit: Edit{ByteStart: f.ByteStart, ByteEnd: f.ByteEnd, From: f.Text,
		Rule: f.Rule, Confidence: f.Confidence}, kind: f.Kind, severity: f.Severity, message: f.Message}
	if len(f.Suggestions) == 1 {
		c.edit.To = f.Suggestions[0]
	} else {
		c.alts, c.reason = f.Suggestions, ReasonAmbiguous
	}
	return c
}

// pairQuotes raises the quotation marks' confidence when they pair up:
// an even number, opening and closing in turn (align gives each mark the
// one it should become), none of them straight. Straight quotes are kept
// as align rates them (a task by default): a typewriter mark is no
// regional convention, and in software strings it is often syntax (the
// Firefox localizers of es-AR, es-CL and es-MX keep them).
func pairQuotes(cs []candidate) {
	var qs []*candidate
	for i := range cs {
		if cs[i].group == "quotes" {
			qs = append(qs, &cs[i])
		}
	}
	if len(qs) == 0 || len(qs)%2 != 0 {
		return
	}
	for i := 0; i < len(qs); i += 2 {
		if qs[i].edit.From == "\"" || qs[i+1].edit.From == "\"" || qs[i].edit.To != qs[0].edit.To || qs[i+1].edit.To != qs[1].edit.To || qs[0].edit.To == qs[1].edit.To {
			return
		}
	}
	for _, q := range qs {
		q.edit.Confidence = max(q.edit.Confidence, confQuotesPaired)
	}
}

// lexicalCandidate swaps a lexical finding's span for its single
// suggestion. Several suggestions are the target's several common words:
// a human picks. A noun whose gender changes is a task when a word
// beside it may be an adjective agreeing with it (el ordenador nuevo),
// unless it is a participle after the noun, which agrees with it in the
// same edit (el ordenador conectado → la computadora conectada).
func (l *Localizer) lexicalCandidate(text string, f *align.Finding) candidate {
	c := findingCandidate(f)
	if to, ok := l.term(stripDeterminer(f.Text)); ok && to != Keep {
		var done bool
		if c, done = l.termCandidate(c, text, f, to); done {
			return c
		}
	}
	if c.reason != "" || l.lex == nil {
		return c
	}
	concept, ok := l.lex.Concept(f.Concept)
	if !ok || concept.POS != "noun" {
		return c
	}
	gf, gt := l.gender(concept, stripDeterminer(f.Text)), l.gender(concept, stripDeterminer(c.edit.To))
	if gf != "" && gf == gt {
		return c
	}
	tok, after, ok := agreeingNeighbour(text, f.ByteStart, f.ByteEnd)
	if !ok {
		return c
	}
	if flipped, ok := flipParticiple(tok.Text, gt); ok && after && gf != "" {
		// la computadora conectada: the participle agrees too.
		c.edit.To += text[f.ByteEnd:tok.ByteStart] + flipped
		c.edit.From = text[f.ByteStart:tok.ByteEnd]
		c.edit.ByteEnd = tok.ByteEnd
		return c
	}
	c.reason = ReasonAgreement
	c.message += " «" + tok.Text + "» puede tener que concordar en género con el nuevo sustantivo."
	return c
}

// flipParticiple gives a participle (conectado, conectadas) the gender g,
// keeping its number; ok is false for a word that is no participle by
// morph, or one not in lower case.
func flipParticiple(w, g string) (string, bool) {
	if w != strings.ToLower(w) || g != "m" && g != "f" {
		return "", false
	}
	stem, plural := w, ""
	if strings.HasSuffix(stem, "s") {
		stem, plural = stem[:len(stem)-1], "s"
	}
	if !strings.HasSuffix(stem, "o") && !strings.HasSuffix(stem, "a") {
		return "", false
	}
	stem = stem[:len(stem)-1]
	if !isParticiple(stem + "o") {
		return "", false
	}
	return stem + map[string]string{"m": "o", "f": "a"}[g] + plural, true
}

func isParticiple(w string) bool {
	for _, r := range morph.Analyze(w) {
		if r.Tense == morph.ParticipleForm {
			return true
		}
	}
	return false
}

func (l *Localizer) gender(c *lexicon.Concept, form string) string {
	for _, e := range l.lex.Matcher().Lookup(form) {
		if e.Concept == c && (e.Variant.Gender == "m" || e.Variant.Gender == "f") {
			return e.Variant.Gender
		}
	}
	return ""
}

// determiners are those align puts in a lexical span when the noun's
// gender changes (align/agree.go).
var determiners = map[string]bool{"el": true, "la": true, "los": true, "las": true,
	"un": true, "una": true, "unos": true, "unas": true, "este": true, "esta": true,
	"estos": true, "estas": true, "ese": true, "esa": true, "esos": true, "esas": true,
	"aquel": true, "aquella": true, "aquellos": true, "aquellas": true, "nuestro": true,
	"nuestra": true, "nuestros": true, "nuestras": true, "mucho": true, "mucha": true,
	"muchos": true, "muchas": true, "otro": true, "otra": true, "otros": true,
	"otras": true, "del": true, "al": true}

func stripDeterminer(s string) string {
	first, rest, ok := strings.Cut(s, " ")
	switch low := token.Lower(first); {
	case !ok:
		return s
	case determiners[low]:
		return rest
	case low == "de" || low == "a": // del → de la
		if _, r, ok := strings.Cut(rest, " "); ok {
			return r
		}
	}
	return s
}

// notAgreeing are frequent words in -o, -a, -os, -as next to a noun that
// do not agree with it: adverbs, conjunctions, prepositions, articles
// and clitics of what follows.
var notAgreeing = map[string]bool{"no": true, "o": true, "para": true, "como": true,
	"hasta": true, "cada": true, "nada": true, "ya": true, "ahora": true, "pero": true,
	"contra": true, "casi": true, "algo": true, "la": true, "lo": true, "los": true,
	"las": true, "una": true, "uno": true, "unos": true, "unas": true, "donde": true,
	"dentro": true, "fuera": true, "encima": true, "debajo": true, "junto": true,
	"solo": true, "sólo": true, "mucho": true, "poco": true, "todo": true, "todos": true,
	"todas": true, "toda": true, "cuando": true, "aunque": true, "mientras": true,
	"ahí": true, "allá": true, "acá": true, "afuera": true, "adentro": true}

// agreeingNeighbour returns the word right before the span (when the span
// does not start with its determiner) or right after it, with only spaces
// between, that may be an adjective agreeing with the noun: it ends in
// -o, -a, -os or -as, is no frequent function word, and is not a finite
// verb (funciona), though it may be a participle (conectado).
func agreeingNeighbour(text string, start, end int) (tok token.Token, after, ok bool) {
	ts := token.AppendTokens(nil, text)
	prev, next := -1, -1
	for i, t := range ts {
		if t.ByteEnd <= start {
			prev = i
		}
		if t.ByteStart >= end && next < 0 {
			next = i
		}
	}
	spanFirst, _, _ := strings.Cut(text[start:end], " ")
	if prev >= 0 && !determiners[token.Lower(spanFirst)] && blank(text[ts[prev].ByteEnd:start]) && mayAgree(ts[prev]) {
		return ts[prev], false, true
	}
	if next >= 0 && blank(text[end:ts[next].ByteStart]) && mayAgree(ts[next]) {
		return ts[next], true, true
	}
	return token.Token{}, false, false
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }

func mayAgree(t token.Token) bool {
	if t.Kind != token.Word {
		return false
	}
	w := token.Lower(t.Text)
	if notAgreeing[w] || determiners[w] {
		return false
	}
	if !strings.HasSuffix(w, "o") && !strings.HasSuffix(w, "a") &&
		!strings.HasSuffix(w, "os") && !strings.HasSuffix(w, "as") {
		return false
	}
	return len(morph.Analyze(w)) == 0 || isParticiple(w)
}
