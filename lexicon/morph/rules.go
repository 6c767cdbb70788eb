package morph

import (
	"cmp"
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// Analysis by rule. A verb form and its infinitive share a prefix P and,
// after a short change X → X' (a stem change, an insertion), a middle M;
// they differ in their endings Y and Y':
//
//	form   = P + X  + M + Y    (cuento:  c + ue + nt + o)
//	lemma  = P + X' + M + Y'   (contar:  c + o  + nt + ar)
//
// rules.txt lists every (Y, Y', X, X') that the verb list's forms need,
// each with the cells (mood, tense, person, paradigm) it was seen in. To
// analyse a form, every rule whose Y ends the form proposes infinitives;
// those in the verb list are conjugated in the rule's cells, and a cell
// is a reading when it gives back the form as written. So the rules never
// invent a reading (each is checked by generation), and they miss none of
// the list (the rules are derived from the list's every form: the test
// TestAnalyzeOracle compares them with the full generated index).
//
// The negative imperative "no cantes" is analysed as "cantes" in the
// negative imperative cells, which only match with the "no ".

//go:embed rules.txt
var rulesTXT string

// rule is one (Y, Y', X, X') with its cells.
type rule struct {
	x, x2, y2 string
	cells     []packed // verb is unused
}

// ruleSet is the parsed rules.txt with the verb list.
type ruleSet struct {
	byEnding map[string][]rule // by Y
	// hostRules are byEnding's rules with only their cells that host
	// enclitics (hostableCell), and only the rules that have one: the
	// enclitic reading analyses a word's possible hosts with them.
	hostRules map[string][]rule
	maxY      int // longest Y in bytes
	verbs     []string
	verbNum   map[string]uint32
	verbObjs  []atomic.Pointer[Verb]
	// verbBits is a Bloom filter of verbNum's keys (two probes, at least
	// 20 bits per verb): propose builds many candidate infinitives
	// per word, and most are not verbs; the filter turns most of those
	// away without the map lookup, whose cache misses were 5% of align's
	// time on the 200,000-record benchmark.
	verbBits []uint64
	verbMask uint64 // len(verbBits)*64 - 1
	// endBits is a one-probe filter of byEnding's keys (16,384 bits):
	// analyze asks for every ending of a word up to maxY bytes, and most
	// are no rule's.
	endBits [1 << 8]uint64
}

// mayEnd reports whether y may be a key of byEnding: false only for
// strings that are not.
func (rs *ruleSet) mayEnd(y string) bool {
	i := endHash(y)
	return rs.endBits[i>>6]&(1<<(i&63)) != 0
}

// endHash is an index into endBits for the ending y.
func endHash(y string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(y); i++ {
		h = (h ^ uint64(y[i])) * 1099511628211
	}
	return (h ^ h>>32) & (1<<14 - 1)
}

// verbHash is FNV-1a of b, mixed so that its high and low halves both
// index the filter.
func verbHash(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h = (h ^ uint64(c)) * 1099511628211
	}
	h ^= h >> 29
	h *= 0xBF58476D1CE4E5B9
	return h ^ h>>32
}

// mayBeVerb reports whether cand may be a key of verbNum: false only
// for strings that are not.
func (rs *ruleSet) mayBeVerb(cand []byte) bool {
	h := verbHash(cand)
	i, j := h&rs.verbMask, (h>>40|h<<24)&rs.verbMask
	return rs.verbBits[i>>6]&(1<<(i&63)) != 0 && rs.verbBits[j>>6]&(1<<(j&63)) != 0
}

// setVerbBits fills the filter from verbNum's keys.
func (rs *ruleSet) setVerbBits() {
	n := 1 << 12 // bits
	for n < 20*len(rs.verbs) {
		n <<= 1
	}
	rs.verbBits, rs.verbMask = make([]uint64, n/64), uint64(n-1)
	for _, v := range rs.verbs {
		h := verbHash([]byte(v))
		i, j := h&rs.verbMask, (h>>40|h<<24)&rs.verbMask
		rs.verbBits[i>>6] |= 1 << (i & 63)
		rs.verbBits[j>>6] |= 1 << (j & 63)
	}
}

var rules = sync.OnceValue(func() *ruleSet {
	rs, err := parseRules(rulesTXT)
	if err != nil {
		panic(err) // the embedded file is checked by the tests
	}
	return rs
})

// parseRules reads rules.txt: "Y\tY'\tX\tX'\tcells" per line, cells as
// space-separated cell.person.paradigm.note indexes.
func parseRules(src string) (*ruleSet, error) {
	vs := verbList()
	rs := &ruleSet{byEnding: make(map[string][]rule), hostRules: make(map[string][]rule), verbs: vs,
		verbNum: make(map[string]uint32, len(vs)), verbObjs: make([]atomic.Pointer[Verb], len(vs))}
	for i, v := range vs {
		rs.verbNum[v] = uint32(i)
	}
	rs.setVerbBits()
	n := 0
	for line := range strings.Lines(src) {
		n++
		line = strings.TrimSuffix(line, "\n")
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			return nil, fmt.Errorf("morph: rules.txt:%d: %d fields, want 5", n, len(f))
		}
		r := rule{x: f[2], x2: f[3], y2: f[1]}
		for c := range strings.FieldsSeq(f[4]) {
			p, err := parseCell(c)
			if err != nil {
				return nil, fmt.Errorf("morph: rules.txt:%d: %w", n, err)
			}
			r.cells = append(r.cells, p)
		}
		rs.byEnding[f[0]] = append(rs.byEnding[f[0]], r)
		hr := r
		hr.cells = slices.DeleteFunc(slices.Clone(r.cells), func(c packed) bool { return !hostableCell(c.cell) })
		if len(hr.cells) > 0 {
			rs.hostRules[f[0]] = append(rs.hostRules[f[0]], hr)
		}
		i := endHash(f[0])
		rs.endBits[i>>6] |= 1 << (i & 63)
		rs.maxY = max(rs.maxY, len(f[0]))
	}
	return rs, nil
}

func parseCell(s string) (packed, error) {
	var v [4]uint8
	parts := strings.Split(s, ".")
	if len(parts) != 4 {
		return packed{}, fmt.Errorf("cell %q: want cell.person.paradigm.note", s)
	}
	limits := [4]int{len(cells), noPerson + 1, len(paradigms), 2}
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || n >= limits[i] {
			return packed{}, fmt.Errorf("cell %q: field %d out of range", s, i+1)
		}
		v[i] = uint8(n)
	}
	return packed{cell: v[0], person: v[1], paradigm: v[2], note: v[3]}, nil
}

func formatCell(p packed) string {
	return fmt.Sprintf("%d.%d.%d.%d", p.cell, p.person, p.paradigm, p.note)
}

// verb returns the Verb of the list's n-th infinitive, nil if Lookup
// rejects it.
func (rs *ruleSet) verb(n uint32) *Verb {
	if v := rs.verbObjs[n].Load(); v != nil {
		return v
	}
	v, err := Lookup(rs.verbs[n])
	if err != nil {
		return nil
	}
	rs.verbObjs[n].Store(v)
	return v
}

// analyze appends to dst the readings of s as written, sorted and with
// one reading per lemma, cell, person and paradigm (the normative one).
func (rs *ruleSet) analyze(dst []packed, s string, buf *[]byte) []packed {
	return rs.analyzeWith(dst, s, buf, rs.byEnding)
}

// hostableCell reports whether a cell's forms host enclitics: the
// affirmative imperative and the gerund.
func hostableCell(c uint8) bool {
	cl := cells[c]
	return cl.mood == Imperative && cl.tense == Affirmative || cl.mood == NonFinite && cl.tense == GerundForm
}

// analyzeWith is analyze with the rules by ending given: byEnding, or
// hostRules for the readings of s in the cells that host enclitics only.
func (rs *ruleSet) analyzeWith(dst []packed, s string, buf *[]byte, byEnding map[string][]rule) []packed {
	body, neg := strings.CutPrefix(s, "no ")
	start := len(dst)
	for k := len(body); k >= 0 && len(body)-k <= rs.maxY; k-- {
		if k < len(body) && !utf8.RuneStart(body[k]) {
			continue
		}
		if !rs.mayEnd(body[k:]) {
			continue
		}
		rl := byEnding[body[k:]]
		for i := range rl {
			dst = rs.propose(dst, &rl[i], body[:k], s, neg, buf)
		}
	}
	found := dst[start:]
	if len(found) < 2 {
		return dst
	}
	slices.SortFunc(found, comparePacked)
	found = slices.CompactFunc(found, func(a, b packed) bool {
		return a.verb == b.verb && a.cell == b.cell && a.person == b.person &&
			a.paradigm == b.paradigm
	})
	return dst[:start+len(found)]
}

// propose tries rule r on stem (the form without Y): every infinitive it
// yields that is in the list, in every cell of r that gives back s.
func (rs *ruleSet) propose(dst []packed, r *rule, stem, s string, neg bool, buf *[]byte) []packed {
	try := func(cand []byte) {
		if !rs.mayBeVerb(cand) {
			return
		}
		n, ok := rs.verbNum[string(cand)]
		if !ok {
			return
		}
		v := rs.verb(n)
		if v == nil {
			return
		}
		for _, c := range r.cells {
			if (cells[c.cell].tense == Negative) != neg {
				continue
			}
			if v.cellForm(c) == s {
				c.verb = n
				dst = append(dst, c)
			}
		}
	}
	b := (*buf)[:0]
	if r.x == "" && r.x2 == "" {
		b = append(append(b, stem...), r.y2...)
		try(b)
		*buf = b
		return dst
	}
	// X is followed by a non-empty M: try each place where it fits.
	for p := 0; p < len(stem); p++ {
		if r.x != "" {
			i := strings.Index(stem[p:], r.x)
			if i < 0 {
				break
			}
			p += i
		}
		if !utf8.RuneStart(stem[p]) || p+len(r.x) >= len(stem) {
			continue
		}
		b = append(b[:0], stem[:p]...)
		b = append(b, r.x2...)
		b = append(b, stem[p+len(r.x):]...)
		b = append(b, r.y2...)
		try(b)
	}
	*buf = b
	return dst
}

// cellForm generates the form of v that a packed reading names.
func (v *Verb) cellForm(c packed) string {
	cl := cells[c.cell]
	switch {
	case cl.mood == NonFinite && cl.tense == GerundForm:
		return v.Gerund()
	case cl.mood == NonFinite:
		return v.Participle()
	case c.note == 1:
		return v.MarkedVos(cl.mood, cl.tense)
	case c.person == 1 && c.paradigm != 0 && paradigms[c.paradigm] != Tu:
		return v.Address(cl.mood, cl.tense, paradigms[c.paradigm])
	}
	return v.cell(cl.mood, cl.tense, int(c.person))
}

func comparePacked(a, b packed) int {
	return cmp.Or(cmp.Compare(a.verb, b.verb), cmp.Compare(a.cell, b.cell),
		cmp.Compare(a.person, b.person), cmp.Compare(a.paradigm, b.paradigm),
		cmp.Compare(a.note, b.note))
}

// reading expands a packed reading; accented, when not "", is the accented
// form that a written form without its accent was read as.
func (rs *ruleSet) reading(r packed, accented string) Reading {
	return expandReading(rs.verbs, r, accented)
}

// expandReading is reading for the verb list verbs.
func expandReading(verbs []string, r packed, accented string) Reading {
	c := cells[r.cell]
	out := Reading{Lemma: verbs[r.verb], Mood: c.mood, Tense: c.tense,
		Paradigm: paradigms[r.paradigm]}
	if r.person != noPerson {
		out.Person = Persons[r.person]
	}
	if r.note == 1 {
		out.Note = NoteMarkedVos
	}
	if accented != "" {
		n := noteNoAccent
		if strings.HasPrefix(string(out.Paradigm), "vos-") {
			n += "vos "
		}
		n += "«" + accented + "»"
		if out.Note != "" {
			n += "; " + out.Note
		}
		out.Note = n
	}
	return out
}
