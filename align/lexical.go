package align

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/habla-es/habla/dialects"
	"github.com/habla-es/habla/lexicon"
	"github.com/habla-es/habla/token"
)

// lexTarget is the lexicon seen from one target variety, computed once per
// Aligner so that the hot path does no chain walking.
type lexTarget struct {
	lex     *lexicon.Lexicon
	matcher *lexicon.Matcher
	usage   map[*lexicon.Variant]lexicon.Usage // absent: unknown in the target
	common  map[*lexicon.Concept][]*lexicon.Variant
	alts    map[*lexicon.Variant][]*lexicon.Variant // what to suggest instead of a variant
	sources map[*lexicon.Variant][]string           // source ids behind such a finding
	where   string
}

func newLexTarget(l *lexicon.Lexicon, p *dialects.Profile) *lexTarget {
	t := &lexTarget{lex: l, matcher: l.Matcher(), usage: map[*lexicon.Variant]lexicon.Usage{},
		common: map[*lexicon.Concept][]*lexicon.Variant{}, where: "en " + p.Names.Es}
	for _, c := range l.Concepts() {
		for _, v := range c.Variants {
			u, ok := l.Usage(v, p)
			if !ok {
				continue
			}
			t.usage[v] = u
			if u.Level == lexicon.Common {
				t.common[c] = append(t.common[c], v)
			}
		}
	}
	t.alts, t.sources = map[*lexicon.Variant][]*lexicon.Variant{}, map[*lexicon.Variant][]string{}
	for _, c := range l.Concepts() {
		for _, v := range c.Variants {
			for _, a := range t.common[c] {
				if a != v && registerFits(v, a) {
					t.alts[v] = append(t.alts[v], a)
				}
			}
			t.sources[v] = sourcesOf(v, t.alts[v])
		}
	}
	return t
}

// reading is one concept a matched form can belong to, as the target sees it.
type reading struct {
	entry  lexicon.Entry
	usage  lexicon.Usage
	known  bool
	alts   []*lexicon.Variant // the target's common variants, other than this one
	status readingStatus
}

type readingStatus int

const (
	atHome readingStatus = iota
	foreign
	taboo
)

// check turns the lexicon matches of one text into findings; scratch is
// the worker's space for readings, returned for reuse. facts, when not
// nil, are the words' facts by token: a one-word match reads its readings
// from them.
func (t *lexTarget) check(fs []Finding, text string, ts []token.Token, ms []lexicon.Match, scratch []reading, facts []*wordFacts, hot []factFlags) ([]Finding, []reading) {
	for i, m := range ms {
		if facts != nil && m.End == m.First+1 && hot[m.First]&factLexHome != 0 {
			continue // at home in every reading: decided on the hot flags
		}
		if likelyName(ts, m.First) {
			continue
		}
		if facts != nil && m.End == m.First+1 {
			cached := facts[m.First].lexReadings(t)
			if atHomeHere(cached, ms, i) {
				continue // the common case, decided without copying the readings
			}
			scratch = append(scratch[:0], cached...)
		} else {
			scratch = t.readings(scratch[:0], m)
		}
		for k := range scratch {
			if r := &scratch[k]; r.entry.Variant.Polysemous && !domainNeighbour(ms, i, r.entry.Concept) {
				r.status = atHome // servicio de accesibilidad: not the toilets
			}
		}
		if allAtHome(scratch) {
			continue // and so in any reading the context keeps: no finding
		}
		rs := decideByContext(scratch, ms, i)
		if f, ok := t.finding(text, ts, m, rs); ok {
			fs = append(fs, f)
		}
	}
	return fs, scratch
}

// atHomeHere reports whether every reading of match i is at home once a
// polysemous word without a neighbour of its domain counts as at home: the
// loop in check, without changing rs.
func atHomeHere(rs []reading, ms []lexicon.Match, i int) bool {
	for k := range rs {
		r := &rs[k]
		if r.status != atHome && !(r.entry.Variant.Polysemous && !domainNeighbour(ms, i, r.entry.Concept)) {
			return false
		}
	}
	return true
}

func allAtHome(rs []reading) bool {
	for k := range rs {
		if rs[k].status != atHome {
			return false
		}
	}
	return true
}

// decideByContext keeps, of a form's several concepts, the one whose
// domain the text's other unambiguous words share (carro next to
// gasolina is the car, not the cart); with no such single reading it
// keeps them all.
func decideByContext(rs []reading, ms []lexicon.Match, self int) []reading {
	if len(rs) < 2 {
		return rs
	}
	keep, n := -1, 0
	for k := range rs {
		r := &rs[k]
		for j, m := range ms {
			if j != self && singleConcept(m) && m.Entries[0].Concept != r.entry.Concept &&
				m.Entries[0].Concept.Domain == r.entry.Concept.Domain {
				keep, n = k, n+1
				break
			}
		}
	}
	if n != 1 {
		return rs
	}
	return rs[keep : keep+1]
}

// neighbourSpan is how far, in tokens, a polysemous form looks for a word
// of its concept's domain.
const neighbourSpan = 12

// domainNeighbour reports whether another match near match self is, in a
// single concept other than c, of c's domain (servicio near baño, not a
// far-off ventana).
func domainNeighbour(ms []lexicon.Match, self int, c *lexicon.Concept) bool {
	for j, m := range ms {
		if j != self && singleConcept(m) && m.Entries[0].Concept != c &&
			m.First < ms[self].End+neighbourSpan && ms[self].First < m.End+neighbourSpan &&
			m.Entries[0].Concept.Domain == c.Domain {
			return true
		}
	}
	return false
}

func singleConcept(m lexicon.Match) bool {
	for _, e := range m.Entries[1:] {
		if e.Concept != m.Entries[0].Concept {
			return false
		}
	}
	return true
}

func (t *lexTarget) readings(rs []reading, m lexicon.Match) []reading {
	for _, e := range m.Entries {
		if slices.ContainsFunc(rs, func(r reading) bool { return r.entry.Concept == e.Concept }) {
			continue
		}
		u, known := t.usage[e.Variant]
		r := reading{entry: e, usage: u, known: known, alts: t.alts[e.Variant]}
		switch {
		case u.Level == lexicon.Avoid:
			r.status = taboo
		case !known || u.Level.AtHome() || len(r.alts) == 0:
			// Unknown is not foreign: many forms have a sense the lexicon
			// does not list (clima is the weather everywhere and the air
			// conditioning in Mexico), and a finding costs a human's time.
			r.status = atHome
		default:
			r.status = foreign
		}
		rs = append(rs, r)
	}
	return rs
}

// finding decides what a match means for the target: a taboo anywhere
// among its readings is a taboo; foreign in every reading is lexical;
// foreign in some readings and at home in others is for a human (review).
func (t *lexTarget) finding(text string, ts []token.Token, m lexicon.Match, rs []reading) (Finding, bool) {
	nfar := 0
	for k := range rs {
		switch rs[k].status {
		case taboo:
			return t.tabooFinding(text, ts, m, rs[k]), true
		case foreign:
			nfar++
		}
	}
	switch {
	case nfar == 0:
		return Finding{}, false // the common case: no reading to sort
	case nfar == len(rs) && sameAlternatives(rs):
		return t.lexicalFinding(text, ts, m, rs[0]), true
	}
	var home, far []reading
	for _, r := range rs {
		if r.status == foreign {
			far = append(far, r)
		} else {
			home = append(home, r)
		}
	}
	return t.reviewFinding(text, ts, m, home, far), true
}

func sameAlternatives(rs []reading) bool {
	for _, r := range rs[1:] {
		if !slices.Equal(r.alts, rs[0].alts) {
			return false
		}
	}
	return true
}

// likelyName reports whether the match starts with a capitalised word in
// mid-sentence, which is more often a name (Concha, Guagua) than the word.
func likelyName(ts []token.Token, i int) bool {
	r, _ := utf8.DecodeRuneInString(ts[i].Text)
	if ts[i].Text == "" || !isUpperRune(r) || isAllCaps(ts[i].Text) {
		return false
	}
	return i > 0 && ts[i-1].Kind != token.Punct
}

func (t *lexTarget) lexicalFinding(text string, ts []token.Token, m lexicon.Match, r reading) Finding {
	span, sugg := t.suggest(text, ts, m, r.entry, r.alts)
	sev, conf, how := Major, 0.9, "se entiende, pero suena a otra variedad"
	if r.usage.Level == lexicon.Rare {
		conf, how = 0.95, "apenas se conoce allí"
	}
	msg := fmt.Sprintf("%s se dice %s; «%s» %s (%s).", capitalize(t.where), quoteList(sugg), token.Lower(spanText(text, ts, m)), how, r.entry.Concept.Gloss.Es)
	f := newFinding(span, sev, "lexicon/"+r.entry.Concept.ID, msg, conf, sugg...)
	f.Kind, f.Concept, f.Sources = Lexical, r.entry.Concept.ID, t.sources[r.entry.Variant]
	return f
}

// tabooFinding reports a word to avoid in the target. A strong one is a
// taboo (critical); a mild one is often a word that is merely confusing
// there, or innocent in the sense the text means (remover is to stir in
// Spain), so a human decides (review, minor).
func (t *lexTarget) tabooFinding(text string, ts []token.Token, m lexicon.Match, r reading) Finding {
	span, sugg := t.suggest(text, ts, m, r.entry, r.alts)
	msg := strings.TrimSuffix(r.usage.Why, ".") + "."
	if len(sugg) > 0 {
		msg += fmt.Sprintf(" Mejor: %s.", quoteList(sugg))
	}
	kind, sev, conf := Taboo, Critical, 0.9
	if r.usage.Strength == "mild" {
		kind, sev, conf = Review, Minor, 0.6
	}
	f := newFinding(span, sev, "taboo/"+r.entry.Concept.ID, msg, conf, sugg...)
	f.Kind, f.Concept, f.Sources = kind, r.entry.Concept.ID, t.sources[r.entry.Variant]
	return f
}

func (t *lexTarget) reviewFinding(text string, ts []token.Token, m lexicon.Match, home, far []reading) Finding {
	var parts, sugg []string
	var alts []*lexicon.Variant
	span := tokenSpan(text, ts, m.First, m.End)
	for _, r := range home {
		parts = append(parts, fmt.Sprintf("si es «%s», está bien", r.entry.Concept.Gloss.Es))
	}
	for _, r := range far {
		s, rs := t.suggest(text, ts, m, r.entry, r.alts)
		span, sugg, alts = s, appendNew(sugg, rs...), append(alts, r.alts...)
		parts = append(parts, fmt.Sprintf("si es «%s», %s se dice %s", r.entry.Concept.Gloss.Es, t.where, quoteList(rs)))
	}
	msg := fmt.Sprintf("«%s» tiene varios sentidos: %s.", token.Lower(spanText(text, ts, m)), strings.Join(parts, "; "))
	f := newFinding(span, Minor, "lexicon/ambiguous", msg, 0.5, sugg...)
	f.Kind, f.Concept, f.Sources = Review, far[0].entry.Concept.ID, sourcesOf(far[0].entry.Variant, alts)
	return f
}

func spanText(text string, ts []token.Token, m lexicon.Match) string {
	return text[ts[m.First].ByteStart:ts[m.End-1].ByteEnd]
}

func tokenSpan(text string, ts []token.Token, first, end int) token.Token {
	return joinTokens(text, ts[first], ts[end-1])
}

func quoteList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = "«" + s + "»"
	}
	if len(q) < 2 {
		return strings.Join(q, "")
	}
	return strings.Join(q[:len(q)-1], ", ") + " o " + q[len(q)-1]
}

func appendNew(dst []string, ss ...string) []string {
	for _, s := range ss {
		if !slices.Contains(dst, s) {
			dst = append(dst, s)
		}
	}
	return dst
}

// sourcesOf lists the source ids behind a finding: the matched variant's
// and its suggested alternatives'.
func sourcesOf(v *lexicon.Variant, alts []*lexicon.Variant) []string {
	out := appendNew(nil, v.Sources...)
	for _, a := range alts {
		out = appendNew(out, a.Sources...)
	}
	slices.Sort(out)
	return out
}

// informal registers are not suggested for a word that is not informal
// itself: «ordenador» becomes «computadora», not «compu».
var informal = map[string]bool{"colloquial": true, "slang": true, "vulgar": true}

func registerFits(from, to *lexicon.Variant) bool {
	return !informal[to.Register] || informal[from.Register]
}
