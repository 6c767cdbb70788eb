package align

import (
	"slices"
	"strings"

	"github.com/habla-es/habla/lexicon"
	"github.com/habla-es/habla/lexicon/morph"
	"github.com/habla-es/habla/token"
)

// wordFacts is everything the checks of a Worker ask of one word token as
// written, computed the first time the worker meets the word: its
// lowercase key, what the address scan knows of it, the lexicon matcher's
// view of its folded form, and detection's cue and name table entry.
// Text repeats its words, so each stage's lookups and the lowercasing and
// folding behind them are paid once per distinct word instead of once per
// token and stage.
type wordFacts struct {
	// hot is read for every token, first: the common word (no marker, no
	// lexicon entry, no cue) is decided by it alone, so that it costs the
	// one cache line that holds it and not the four of its other fields.
	hot        factFlags
	detOK      bool
	lexDone    bool
	detLexDone bool
	// lex comes next: the matcher reads the hash of every word after one
	// that starts a multiword key, and with it, hot.
	lex    lexicon.Word // valid with a lexicon
	marker markerWord
	det    wordInfo // valid with a Detector: lookupWord's answer
	// Read for some words only.
	lower  string        // lowerKey of the word, owned
	detKey string        // lookupWord's key, with detOK
	morph  []FormReading // the morphReader's readings of lower, once factMorphDone
	lexRs  []reading     // the lexTarget's readings of lex's entries, once lexDone
	detLex []float64     // d.lexVector of the word matched alone, once detLexDone; nil: nothing
	// directOnlyLemma of the word after le or les, once leDone.
	leLemma string
	leDone  bool
}

// factFlags are what every stage asks of a word first.
type factFlags uint16

const (
	factCapsShort      factFlags = 1 << iota // all capitals, at most 3 bytes: an acronym (OS, VOS)
	factPronoun                              // marker.pronoun != nil
	factMarkerReadings                       // len(marker.readings) > 0
	factMorphDone                            // morph holds the morphReader's readings
	factMorph                                // and they are not empty
	factLexStarts                            // lex.Starts(): a lexicon match can start here
	factDetUse                               // detOK, and det is a name, a name's first word or has cues
	factPlaceNext                            // token.Lower of the word follows another in some name (Detector.placeNext)
	factLexHome                              // the word matched alone is at home in the target in every reading
	factDetLexNone                           // the word matched alone says nothing of the variety (detLexicon is nil)
	factMonth                                // a month name the convention checks read (isMonth)
	factHaber                                // a present form of haber (isHaberPresent)
	factGrammar                              // le, les or ustedes in any case: checkGrammar reads it
	factDetFacts                             // detection reads the facts: a name, a name's first word, or a cue index over 16 bits
)

// wordCacheSize bounds a worker's cache of words; it is emptied when full.
// A fact is about 280 bytes, so a full cache holds about 40 MB per worker
// (with its map). The 200,000 records of the corpus benchmark have about
// 85,000 distinct words; a bound of 1<<16 cost 4–15% there.
const wordCacheSize = 1 << 17

// wordCache is a Worker's memory of the words it has met: their facts
// in the order met, in chunks that are never moved (the commonest words
// come early and stay close together), found by the word as written.
type wordCache struct {
	m      map[string]*wordFacts // words longer than 16 bytes
	slots  []wordSlot            // words of up to 16 bytes: an open-addressing table, at most half full
	short  int                   // slots in use
	chunks [][]wordFacts
	n      int          // facts in use
	front  []frontEntry // a direct-mapped table of frequent words before m; nil until the worker has met many
	buf    []byte
	size   int // the bound; 0: wordCacheSize
}

// factsChunk is the number of facts in a chunk.
const factsChunk = 4096

// wordFactsOf sets, for each token of w.tokens, w.facts to its word's
// facts (nil for other tokens), w.hot to their hot flags (and w.hotAll
// to the union of them) and w.pairs to
// their lexicon pair hashes (lexicon.Word.PairHash; 0 for other tokens),
// read from the table that found the word, not from its facts; with a
// lexicon, also w.lexwds and w.lexst as lexWords does, in the same pass.
func (w *Worker) wordFactsOf() {
	c := &w.words
	size := c.size
	if size == 0 {
		size = wordCacheSize
	}
	if c.m == nil || c.n >= size {
		c.m, c.n = map[string]*wordFacts{}, 0
		c.slots, c.short = nil, 0
		c.chunks = c.chunks[:0] // earlier facts may still be read by the caller
		c.front = nil
	}
	if c.front == nil && c.n >= factsChunk {
		// A worker that has met this many words aligns many texts: the
		// front table pays for itself.
		c.front = make([]frontEntry, 1<<frontBits)
	}
	ts := w.tokens
	// Written by index into slices of the tokens' length, not appended:
	// four appends per token were a tenth of this loop's instructions.
	n := len(ts)
	dst := slices.Grow(w.facts[:0], n)[:n]
	hs := slices.Grow(w.hot[:0], n)[:n]
	ps := slices.Grow(w.pairs[:0], n)[:n]
	cs := slices.Grow(w.cues[:0], n)[:n]
	var all factFlags
	lex := w.a.lex != nil
	var lws []*lexicon.Word
	if lex {
		lws = slices.Grow(w.lexwds[:0], n)[:n]
	}
	starts := w.lexst[:0]
	det := w.a.det != nil
	at, words := w.detAt[:0], 0
	for i := range ts {
		var f *wordFacts
		var hot factFlags
		var pair, cue uint16
		switch text := ts[i].Text; {
		case ts[i].Kind != token.Word:
			switch ts[i].Kind {
			case token.Number:
				words++
				if det {
					at = append(at, int32(i))
				}
			case token.Symbol:
				if det {
					at = append(at, int32(i))
				}
			}
		case len(text) > 16:
			f = c.lookupLong(w, text)
			hot, pair, cue = f.hot, f.lex.PairHash(), slotCue(f)
		default:
			a, b := wordBits(text)
			var s *wordSlot
			if c.front == nil {
				s = c.lookupShort(w, text, a, b)
			} else {
				s = &c.front[frontIndex(a, b)]
				if s.f == nil || s.a != a || s.b != b || s.n != uint16(len(text)) {
					*s = *c.lookupShort(w, text, a, b)
				}
			}
			f, hot, pair, cue = s.f, s.hot, s.pair, s.cue
		}
		dst[i], hs[i], ps[i], cs[i] = f, hot, pair, cue
		all |= hot
		if f != nil {
			words++
			if det && hot&factDetUse != 0 {
				at = append(at, int32(i))
			}
		}
		if lex {
			// Taking the address of a word's lex reads none of its facts.
			if f == nil {
				lws[i] = nil
				continue
			}
			lws[i] = &f.lex
			if hot&factLexStarts != 0 {
				starts = append(starts, int32(i))
			}
		}
	}
	w.facts, w.hot, w.pairs, w.cues, w.hotAll = dst, hs, ps, cs, all
	w.detAt, w.nWords = at, words
	if lex {
		w.lexwds, w.lexst = lws, starts
	}
}

// wordSlot is a word of up to 16 bytes in a wordCache's table, held in
// the slot, its facts' hot flags (which do not change once computed) and
// its facts; f is nil in an empty slot.
// A Go map of the same words costs three cache misses where this costs
// one: its control word, its key's bytes and its value (7% of align's
// time on the corpus benchmark).
type wordSlot struct {
	a, b uint64 // the word's bytes, zero-padded (wordBits)
	n    uint16 // its length
	hot  factFlags
	pair uint16 // f.lex.PairHash()
	cue  uint16 // slotCue(f)
	f    *wordFacts
}

// slotCue is the word's cue index (wordInfo.cue) when it fits in 16 bits,
// else 0: detection reads a cue word's vector from the index kept beside
// the token, without reading the word's facts (factDetFacts says when it
// must).
func slotCue(f *wordFacts) uint16 {
	if !f.detOK || f.det.cue > 0xFFFF {
		return 0
	}
	return uint16(f.det.cue)
}

// lookupShort finds the facts of a word of up to 16 bytes, whose bytes
// are a and b (wordBits), computing them the first time.
// The slot is valid until the next call.
func (c *wordCache) lookupShort(w *Worker, text string, a, b uint64) *wordSlot {
	if 2*(c.short+1) > len(c.slots) {
		c.grow()
	}
	mask := uint64(len(c.slots) - 1)
	n := uint16(len(text))
	i := slotHash(a, b, n) & mask
	for {
		s := &c.slots[i]
		if s.f == nil {
			break
		}
		if s.a == a && s.b == b && s.n == n {
			return s
		}
		i = (i + 1) & mask
	}
	f := c.add(w, text)
	c.slots[i] = wordSlot{a: a, b: b, n: n, hot: f.hot, pair: f.lex.PairHash(), cue: slotCue(f), f: f}
	c.short++
	return &c.slots[i]
}

// grow doubles the table (from 4,096 slots) and puts its words back.
func (c *wordCache) grow() {
	old := c.slots
	c.slots = make([]wordSlot, max(2*len(old), 4096))
	mask := uint64(len(c.slots) - 1)
	for _, s := range old {
		if s.f == nil {
			continue
		}
		i := slotHash(s.a, s.b, s.n) & mask
		for c.slots[i].f != nil {
			i = (i + 1) & mask
		}
		c.slots[i] = s
	}
}

// slotHash mixes a word's bytes and length; its low bits index the table
// (frontIndex takes the high bits of another product).
func slotHash(a, b uint64, n uint16) uint64 {
	h := (a ^ b*0x9E3779B97F4A7C15 ^ uint64(n)<<59) * 0xD6E8FEB86659FD93
	return h ^ h>>32
}

// lookupLong finds the facts of a word longer than 16 bytes, computing
// them the first time.
func (c *wordCache) lookupLong(w *Worker, text string) *wordFacts {
	if f, ok := c.m[text]; ok {
		return f
	}
	f := c.add(w, text)
	c.m[strings.Clone(text)] = f
	return f
}

// add computes the facts of a word met for the first time.
func (c *wordCache) add(w *Worker, text string) *wordFacts {
	if n := len(c.chunks); n == 0 || len(c.chunks[n-1]) == cap(c.chunks[n-1]) {
		// Chunks grow from 64 facts to factsChunk, so that a worker
		// used once does not pay for a large one.
		c.chunks = append(c.chunks, make([]wordFacts, 0, min(max(c.n, 64), factsChunk)))
	}
	last := &c.chunks[len(c.chunks)-1]
	*last = append(*last, w.newFacts(text))
	c.n++
	return &(*last)[len(*last)-1]
}

// frontBits sizes a wordCache's front table: 16,384 entries, 512 KB. In
// the corpus benchmark's profile 4,096 entries left 10% of the time in the
// map behind them, 16,384 left 6%; 65,536 (2 MB) missed the CPU caches
// in the table itself and cost more than they saved.
const frontBits = 14

// frontEntry is a word of up to 16 bytes in the front table: a copy of
// its wordSlot, so that finding a frequent word and its hot flags touches
// one cache line.
type frontEntry = wordSlot

// wordBits is a word of up to 16 bytes as two integers, little-endian and
// zero-padded. It loads the bytes straight from the string: copying them
// to a buffer first and reading it back stalls on the store (2% of align's
// time on the corpus benchmark).
func wordBits(s string) (a, b uint64) {
	if len(s) >= 8 {
		return le64(s), tail64(s[8:])
	}
	return tail64(s), 0
}

// le64 is the first 8 bytes of s, little-endian.
func le64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// le32 is the first 4 bytes of s, little-endian.
func le32(s string) uint64 {
	_ = s[3]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24
}

// tail64 is the first 8 bytes of s, zero-padded
// to 8 bytes, little-endian. Between 4 and 8 bytes it ORs two overlapping
// 4-byte loads: the bytes they share land in the same place.
func tail64(s string) uint64 {
	switch n := len(s); {
	case n >= 8:
		return le64(s)
	case n >= 4:
		return le32(s) | le32(s[n-4:])<<(8*(n-4))
	case n > 0:
		return uint64(s[0]) | uint64(s[n/2])<<(8*(n/2)) | uint64(s[n-1])<<(8*(n-1))
	}
	return 0
}

func frontIndex(a, b uint64) uint64 {
	return ((a ^ b*0x9E3779B97F4A7C15) * 0xFF51AFD7ED558CCD) >> (64 - frontBits)
}

func (w *Worker) newFacts(text string) wordFacts {
	c := &w.words
	var f wordFacts
	if isAllCaps(text) && len(text) <= 3 {
		f.hot |= factCapsShort
	}
	if isMonth(text) {
		f.hot |= factMonth
	}
	if isHaberPresent(text) {
		f.hot |= factHaber
	}
	if isGrammarWord(text) {
		f.hot |= factGrammar
	}
	var key string
	key, c.buf = lowerKey(text, c.buf)
	f.lower = strings.Clone(key)
	f.marker = markerWords()[f.lower]
	if f.marker.pronoun != nil {
		f.hot |= factPronoun
	}
	if len(f.marker.readings) > 0 {
		f.hot |= factMarkerReadings
	}
	if f.hot == 0 && w.morph != nil {
		// Asked now, so that the flags do not change once copied into
		// the tables: the address scan asks for every word but
		// acronyms, markers and names mid-sentence.
		f.morphReadings(w.morph)
	}
	if lex := w.a.lex; lex != nil {
		f.lex = lex.matcher.Word(text)
		if f.lex.Starts() {
			f.hot |= factLexStarts
		}
		if len(f.lex.Single()) > 0 && allAtHome(f.lexReadings(lex)) {
			// No finding when matched alone: the lexical check decides
			// it on the flag, without reading the readings.
			f.hot |= factLexHome
		}
	}
	if d := w.a.det; d != nil {
		if d.placeNext[token.Lower(text)] {
			// As the gazetteer lowercases the words after a name's first.
			f.hot |= factPlaceNext
		}
		f.det, key, f.detOK = d.lookupWord(text, &c.buf)
		if f.detOK {
			f.detKey = strings.Clone(key)
			if f.det.place != 0 || f.det.prefix || f.det.cue != 0 {
				f.hot |= factDetUse
			}
			if f.det.place != 0 || f.det.prefix || f.det.cue > 0xFFFF {
				f.hot |= factDetFacts
			}
		}
		if d.lexw != nil && w.a.lex != nil && d.lex == w.a.lex.lex {
			// As Worker.detect reads the lexicon matches for detection.
			if _, ok := f.detLexicon(d, w.dsc.item); !ok {
				f.hot |= factDetLexNone
			}
		}
	}
	return f
}

// morphReadings is the morphReader's answer for the word, asked once.
func (f *wordFacts) morphReadings(mr *morphReader) []FormReading {
	if f.hot&factMorphDone == 0 {
		f.morph = mr.readings(f.lower)
		f.hot |= factMorphDone
		if len(f.morph) > 0 {
			f.hot |= factMorph
		}
	}
	return f.morph
}

// collectMarkersFacts is collectMarkers reading each word's facts (and
// first its hot flags, hs).
func collectMarkersFacts(dst []marker, ts []token.Token, fs []*wordFacts, hs []factFlags, mr *morphReader) []marker {
	for i := range ts {
		f := fs[i]
		if f == nil {
			continue
		}
		h := hs[i]
		if h&factCapsShort != 0 {
			continue
		}
		if h&(factPronoun|factMarkerReadings) == 0 &&
			(mr == nil || h&(factMorphDone|factMorph) == factMorphDone || midSentenceName(ts, i)) {
			continue // no marker, and no readings to ask for or none found
		}
		p, isPronoun, rs := f.marker.pronoun, f.marker.pronoun != nil, f.marker.readings
		if !isPronoun && len(rs) == 0 && mr != nil && !midSentenceName(ts, i) {
			rs = f.morphReadings(mr)
		}
		if !isPronoun && len(rs) == 0 {
			continue
		}
		if isPronoun {
			dst = append(dst, marker{tok: i, lower: f.lower, pronoun: p, systems: p.system})
			continue
		}
		dst = append(dst, verbMarker(i, f.lower, rs))
	}
	return dst
}

// lexReadings are t's readings of the word matched alone, computed once.
// Callers copy them: check changes their status.
func (f *wordFacts) lexReadings(t *lexTarget) []reading {
	if !f.lexDone {
		f.lexRs, f.lexDone = t.readings(nil, lexicon.Match{Entries: f.lex.Single()}), true
	}
	return f.lexRs
}

// detLexicon is d.lexVector of the word matched alone, computed once
// (in scratch, of len(d.tags), kept only when it says something); the
// vector is the facts', not to be changed.
func (f *wordFacts) detLexicon(d *Detector, scratch []float64) ([]float64, bool) {
	if !f.detLexDone {
		if es := f.lex.Single(); len(es) > 0 && d.lexVector(scratch, es) {
			f.detLex = slices.Clone(scratch)
		}
		f.detLexDone = true
	}
	return f.detLex, f.detLex != nil
}

// directLemma is directOnlyLemma of the word, written as word (the
// facts' own word as written), computed once: the leísmo check analyses
// each verb after le or les.
func (f *wordFacts) directLemma(an *morph.Analyzer, word string) string {
	if !f.leDone {
		f.leLemma, f.leDone = directOnlyLemma(an, word), true
	}
	return f.leLemma
}
