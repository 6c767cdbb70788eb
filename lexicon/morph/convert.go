package morph

import (
	"errors"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// ErrUnsupported is wrapped by Conversion.Err for a pair of paradigms that
// ConvertText does not convert.
var ErrUnsupported = errors.New("unsupported address conversion")

// Supported reports whether Convert and ConvertText convert from one
// paradigm to the other: tú to any voseo and back, vosotros to ustedes and
// back.
func Supported(from, to Paradigm) bool {
	switch {
	case from == Tu:
		return isVos(to)
	case isVos(from):
		return to == Tu
	case from == Vosotros:
		return to == Ustedes
	case from == Ustedes:
		return to == Vosotros
	}
	return false
}

func isVos(a Paradigm) bool {
	return a == VosRioplatense || a == VosChilean || a == VosZulian
}

// Convert returns the forms that a second-person word of paradigm from
// takes in paradigm to, keeping its case (Tienes → Tenés, TIENES → TENÉS):
// a verb form, plain or with enclitics (tienes → tenés, siéntate → sentate,
// tenéis → tienen, sentaos → siéntense, tengáis → tengan), or a pronoun or
// possessive (tú → vos, ti → vos, contigo → con vos, vos → tú or ti,
// vuestro → su, vosotros → ustedes, ustedes → vosotros or vosotras).
//
// ok reports that the word is certainly a form of from and out has one
// form: the word has no reading in another person (canta is also the
// present of él, so it is not certain; cantá is), and its function does not
// have to be decided from the context (vos → tú or ti after a preposition;
// os → se, les, los or las: see ConvertText). A word of from that stays
// the same (tú → vos: tengas, comiste, te) is returned unchanged. A word
// with no reading in from, or an unsupported pair, gives nil, false.
//
// Following the norm (DPD "voseo" 1.b), vos takes the tuteo subjunctive,
// negative imperative and preterite, so tú → vos leaves "que tengas" and
// "no tengas" alone; the forms come from Verb.Address.
func Convert(word string, from, to Paradigm) (out []string, ok bool) {
	if !Supported(from, to) {
		return nil, false
	}
	w := norm.NFC.String(strings.ToLower(word))
	if p, found := pronounFor(w, from, to); found {
		out = slices.Clone(p.forms)
		ok = len(out) == 1
	} else {
		out, ok = convertVerb(w, from, to, nil)
	}
	for i := range out {
		out[i] = matchCase(word, out[i])
	}
	return out, ok && len(out) == 1
}

// pronounFor looks w up in pronouns. Chilean voseo is verbal: its subject
// stays tú (LINGUISTICS.md; DPD "voseo" 1.a: vos is marked in Chile), so
// tú → vos-chilean keeps the pronouns.
func pronounFor(w string, from, to Paradigm) (pronounForms, bool) {
	if to == VosChilean {
		return pronounForms{}, false
	}
	p, ok := pronouns[pronounKey{from: family(from), word: w}]
	return p, ok
}

// family groups the three voseo paradigms for the pronoun table.
func family(a Paradigm) Paradigm {
	if isVos(a) {
		return "vos"
	}
	return a
}

type pronounKey struct {
	from Paradigm // Tu, "vos", Vosotros, Ustedes
	word string
}

type pronounForms struct {
	forms []string
	rule  string
}

// pronouns are the stressed pronouns and possessives that change (DPD
// "voseo" 1.a: vos is subject and prepositional term, te the clitic and tu
// the possessive; DPD "vosotros", "usted" §4). os has every candidate
// here; ConvertText decides by its function.
var pronouns = map[pronounKey]pronounForms{
	{Tu, "tú"}:             {[]string{"vos"}, "pronoun"},
	{Tu, "ti"}:             {[]string{"vos"}, "pronoun"},
	{Tu, "contigo"}:        {[]string{"con vos"}, "pronoun"},
	{"vos", "vos"}:         {[]string{"tú", "ti"}, "pronoun"},
	{Vosotros, "vosotros"}: {[]string{"ustedes"}, "pronoun"},
	{Vosotros, "vosotras"}: {[]string{"ustedes"}, "pronoun"},
	{Vosotros, "vuestro"}:  {[]string{"su"}, "possessive"},
	{Vosotros, "vuestra"}:  {[]string{"su"}, "possessive"},
	{Vosotros, "vuestros"}: {[]string{"sus"}, "possessive"},
	{Vosotros, "vuestras"}: {[]string{"sus"}, "possessive"},
	{Vosotros, "os"}:       {[]string{"se", "les", "los", "las"}, "os"},
	{Ustedes, "ustedes"}:   {[]string{"vosotros", "vosotras"}, "pronoun"},
}

// isFrom reports whether r is a second-person reading of paradigm from.
// For ustedes every 3p form counts; it is never certain (ellos).
func isFrom(r Reading, from Paradigm) bool {
	switch from {
	case Ustedes:
		return r.Person == P3p
	case Vosotros:
		return r.Paradigm == Vosotros
	}
	return r.Paradigm == from
}

// otherPerson reports whether r makes a form of from uncertain: a reading
// of another grammatical person (canta: tú imperative and él present).
// Readings of the other second-person paradigms do not count: the text is
// declared to address in from.
func otherPerson(r Reading, from Paradigm) bool {
	switch {
	case from == Ustedes:
		return r.Paradigm != Ustedes
	case r.Person == P2s || r.Person == P2p:
		return false
	}
	return r.Mood != NonFinite
}

// convertVerb converts a lower-case verb form, plain or with enclitics,
// considering only the readings that keep accepts (all if nil).
func convertVerb(w string, from, to Paradigm, keep func(Reading) bool) ([]string, bool) {
	var out []string
	certain := true
	add := func(f string) {
		if f != "" && !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	for _, r := range cachedAnalyze(w) {
		if keep != nil && !keep(r) {
			continue
		}
		if isFrom(r, from) && from == Ustedes && r.Paradigm != Ustedes {
			certain = false // tienen: ustedes or ellos
		}
		if isFrom(r, from) {
			if v, err := Lookup(r.Lemma); err == nil {
				add(v.Address(r.Mood, r.Tense, to))
			}
		} else if otherPerson(r, from) {
			certain = false
		}
	}
	for _, c := range cachedAnalyzeEnclitic(w) {
		if c.Note != "" && c.Note != NoteIros || keep != nil && !keep(c.Reading) {
			continue
		}
		forms, sure := convertEnclitic(c, from, to)
		for _, f := range forms {
			add(f)
		}
		certain = certain && sure
	}
	return out, certain
}

// convertEnclitic converts one enclitic reading. Imperatives of from
// change host and clitics (sentaos → siéntense: os is the addressee's own
// pronoun, so reflexive: DPD "os"); non-finite hosts keep their form and
// convert os only where the context decides (ConvertText), so here they
// give every candidate and are not certain.
func convertEnclitic(c CliticReading, from, to Paradigm) ([]string, bool) {
	v, err := Lookup(c.Lemma)
	if err != nil {
		return nil, true
	}
	if c.Mood == NonFinite {
		if from != Vosotros || !slices.Contains(c.Clitics, "os") {
			return nil, true
		}
		var out []string
		for _, repl := range osCandidates(c.Clitics) {
			out = append(out, v.Enclitic(c.Mood, c.Tense, "", replaceClitic(c.Clitics, "os", repl)...))
		}
		return out, false
	}
	if !isFrom(c.Reading, from) {
		return nil, !otherPerson(c.Reading, from)
	}
	var out []string
	for _, cl := range mapClitics(c.Clitics, from) {
		out = append(out, v.Enclitic(Imperative, Affirmative, to, cl...))
	}
	return out, len(out) == 1
}

// mapClitics gives the clusters that an imperative's clitics become: tú
// and vos share te; vosotros' os is the reflexive se of ustedes; ustedes'
// se alone is reflexive (os) but before lo, la… it may also be the dative
// se of se lo, so both are returned.
func mapClitics(cl []string, from Paradigm) [][]string {
	switch {
	case from == Vosotros:
		return [][]string{replaceClitic(cl, "os", "se")}
	case from == Ustedes && cl[0] == "se" && len(cl) > 1 && isAccusative3(cl[1]):
		return [][]string{replaceClitic(cl, "se", "os"), cl}
	case from == Ustedes:
		return [][]string{replaceClitic(cl, "se", "os")}
	}
	return [][]string{cl}
}

// osCandidates lists what os becomes in ustedes: se before lo, la…;
// otherwise reflexive se, dative les or accusative los, las.
func osCandidates(cl []string) []string {
	i := slices.Index(cl, "os")
	if i+1 < len(cl) && isAccusative3(cl[i+1]) {
		return []string{"se"}
	}
	return []string{"se", "les", "los", "las"}
}

func replaceClitic(cl []string, old, repl string) []string {
	out := slices.Clone(cl)
	for i, c := range out {
		if c == old {
			out[i] = repl
		}
	}
	return out
}

// matchCase gives repl the case pattern of orig: all capitals (TIENES →
// TENÉS), an initial capital (Tienes → Tenés) or lower case.
func matchCase(orig, repl string) string {
	hasUpper, hasLower := false, false
	for _, r := range orig {
		hasUpper = hasUpper || unicode.IsUpper(r)
		hasLower = hasLower || unicode.IsLower(r)
	}
	switch {
	case hasUpper && !hasLower && utf8.RuneCountInString(orig) > 1:
		return strings.ToUpper(repl)
	case hasUpper:
		if first, _ := utf8.DecodeRuneInString(orig); unicode.IsUpper(first) {
			r, m := utf8.DecodeRuneInString(repl)
			return string(unicode.ToUpper(r)) + repl[m:]
		}
	}
	return repl
}

// Conversion analyses the same words again and again (a text's every word,
// clause after clause, record after record): it reads them through a
// shared cache, emptied when it holds convCacheSize words. The readings
// are shared: conversion only reads them.
const convCacheSize = 1 << 16

var convCache struct {
	plain, enclitic sync.Map
	n               atomic.Int64
}

func cachedAnalyze(w string) []Reading {
	if v, ok := convCache.plain.Load(w); ok {
		return v.([]Reading)
	}
	rs := Analyze(w)
	convCacheStore(&convCache.plain, w, rs)
	return rs
}

func cachedAnalyzeEnclitic(w string) []CliticReading {
	if v, ok := convCache.enclitic.Load(w); ok {
		return v.([]CliticReading)
	}
	rs := AnalyzeEnclitic(w)
	convCacheStore(&convCache.enclitic, w, rs)
	return rs
}

func convCacheStore(m *sync.Map, w string, v any) {
	if convCache.n.Add(1) > convCacheSize {
		convCache.plain.Clear()
		convCache.enclitic.Clear()
		convCache.n.Store(0)
	}
	m.Store(strings.Clone(w), v) // w may alias a caller's buffer
}
