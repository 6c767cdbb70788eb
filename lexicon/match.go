package lexicon

import (
	"hash/maphash"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/habla-es/habla/token"
)

// Entry is one surface form of a variant, as compiled into the Matcher.
type Entry struct {
	Concept  *Concept
	Variant  *Variant
	Surface  string // lowercase, accents as written
	Plural   bool   // the plural of the variant's form
	Feminine bool   // the feminine of an adjective
}

// Match is a run of word tokens [First, End) that spells a lexicon form,
// with every reading of it (several when concepts share the form).
type Match struct {
	First, End int
	Entries    []Entry
}

// Matcher finds lexicon forms in tokenized text: longest match first, no
// overlaps. It is immutable and safe for concurrent use.
type Matcher struct {
	// keys are folded words joined by one space: the entries found
	// under a key, and whether it is a proper prefix of a multiword key
	// (one map, so a word costs one lookup on the hot path).
	keys map[string]matchKeyInfo
	// pairs is a filter of the pairs of words that follow each other in
	// some multiword key, by their hashes: a pair not in it starts no
	// longer key, and MatchWords does not look the joined key up.
	seed  maphash.Seed
	pairs []uint64
	// pairKeys are the keys of two words, by pairKeyHash of their
	// words' hashes: MatchWords finds the two words that start a
	// multiword match without joining them into a string and hashing
	// it (2–3% of align's time on the 200,000-record benchmark).
	pairKeys pairTable
}

// pairTable finds the keys of two words by pairKeyHash: an
// open-addressing table of the hashes, at most half full, each slot
// naming its keys' run in keys. A Go map from the hashes costs two cache
// misses where this costs one (its lookups were 2% of align's time).
type pairTable struct {
	slots []pairSlot
	keys  []pairKey
}

type pairSlot struct {
	h     uint64
	at, n int32 // keys[at:at+n]; n == 0: an empty slot
}

func newPairTable(byHash map[uint64][]pairKey) pairTable {
	size := 16
	for size < 2*len(byHash) {
		size *= 2
	}
	t := pairTable{slots: make([]pairSlot, size)}
	for _, h := range slices.Sorted(maps.Keys(byHash)) {
		i := pairSlotIndex(h, size)
		for t.slots[i].n != 0 {
			i = (i + 1) & (size - 1)
		}
		t.slots[i] = pairSlot{h: h, at: int32(len(t.keys)), n: int32(len(byHash[h]))}
		t.keys = append(t.keys, byHash[h]...)
	}
	return t
}

// find returns the keys whose pair hash is h.
func (t *pairTable) find(h uint64) []pairKey {
	if len(t.slots) == 0 {
		return nil
	}
	mask := len(t.slots) - 1
	for i := pairSlotIndex(h, len(t.slots)); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.n == 0 {
			return nil
		}
		if s.h == h {
			return t.keys[s.at : s.at+s.n]
		}
	}
}

// pairSlotIndex spreads h over a table of size slots (a power of two).
func pairSlotIndex(h uint64, size int) int {
	return int((h * 0xD6E8FEB86659FD93) >> 32 & uint64(size-1))
}

// pairKey is a key of two words.
type pairKey struct {
	first, second string
	info          matchKeyInfo
}

func pairKeyHash(h1, h2 uint64) uint64 { return h1*0x9E3779B97F4A7C15 ^ h2 }

// setPairKeys fills pairKeys from keys, once every key is added.
func (m *Matcher) setPairKeys() {
	byHash := map[uint64][]pairKey{}
	for k, info := range m.keys {
		first, second, ok := strings.Cut(k, " ")
		if !ok || strings.Contains(second, " ") {
			continue
		}
		h := pairKeyHash(maphash.String(m.seed, first), maphash.String(m.seed, second))
		byHash[h] = append(byHash[h], pairKey{first: first, second: second, info: info})
	}
	m.pairKeys = newPairTable(byHash)
}

// pairKey is keys[a.folded+" "+b.folded].
func (m *Matcher) pairKey(a, b *Word) matchKeyInfo {
	for _, p := range m.pairKeys.find(pairKeyHash(a.hash, b.hash)) {
		if p.first == a.folded && p.second == b.folded {
			return p.info
		}
	}
	return matchKeyInfo{}
}

// pairBits is the size of Matcher.pairs in bits: about 5,000 pairs set
// leave most other pairs out.
const pairBits = 1 << 18

// pairBit is the filter's bit for a word of hash h1 followed by a word
// of pair hash p2 (pairHash): only 16 bits of the second word, so that a
// caller can keep them beside each token and the filter does not read
// the second word's Word (a cache miss for most words).
func pairBit(h1 uint64, p2 uint16) uint64 { return (h1*0x9E3779B97F4A7C15 ^ uint64(p2)) % pairBits }

// pairHash is the part of a word's hash that pairBit reads.
func pairHash(h uint64) uint16 { return uint16(h >> 48) }

func (m *Matcher) hasPair(h1 uint64, p2 uint16) bool {
	b := pairBit(h1, p2)
	return m.pairs[b/64]&(1<<(b%64)) != 0
}

// Matcher returns the lexicon's compiled matcher, built on first use.
func (l *Lexicon) Matcher() *Matcher {
	l.matcherOnce.Do(func() { l.matcher = compile(l) })
	return l.matcher
}

func compile(l *Lexicon) *Matcher {
	if l.compiled != nil {
		return l.compiled.matcher(l)
	}
	m := newMatcher()
	for _, c := range l.concepts {
		for _, v := range c.Variants {
			for _, e := range surfaces(c, v) {
				m.add(e, matchKey(e.Surface))
			}
		}
	}
	m.setPairKeys()
	return m
}

// matchKeyInfo is what a Matcher knows of a key.
type matchKeyInfo struct {
	entries []Entry
	prefix  bool
}

func newMatcher() *Matcher {
	return &Matcher{keys: map[string]matchKeyInfo{}, seed: maphash.MakeSeed(), pairs: make([]uint64, pairBits/64)}
}

// matchKey is the key a surface is found under: its words folded and
// joined by one space.
func matchKey(surface string) string { return strings.Join(foldWords(surface), " ") }

func (m *Matcher) add(e Entry, key string) {
	if key == "" {
		return
	}
	k := m.keys[key]
	for _, prev := range k.entries {
		if prev.Variant == e.Variant && prev.Surface == e.Surface {
			return
		}
	}
	k.entries = append(k.entries, e)
	m.keys[key] = k
	prev, rest := "", key
	for rest != "" {
		w, r, _ := strings.Cut(rest, " ")
		if prev != "" {
			b := pairBit(maphash.String(m.seed, prev), pairHash(maphash.String(m.seed, w)))
			m.pairs[b/64] |= 1 << (b % 64)
		}
		prev, rest = w, r
	}
	for i := 0; i < len(key); i++ {
		if key[i] == ' ' {
			p := m.keys[key[:i]]
			p.prefix = true
			m.keys[key[:i]] = p
		}
	}
}

func foldWords(s string) []string {
	if isPlainWord(s) {
		return []string{token.Fold(s)} // most forms: one word, no tokenizing
	}
	var words []string
	for _, t := range token.Tokenize(s) {
		if t.Kind == token.Word || t.Kind == token.Number {
			words = append(words, token.Fold(t.Text))
		}
	}
	return words
}

// surfaces lists the forms of v to match: the form and its inflections
// (nouns and adjectives), and any extra forms the data gives.
func surfaces(c *Concept, v *Variant) []Entry {
	form := token.Lower(v.Form)
	out := []Entry{{Concept: c, Variant: v, Surface: form, Plural: v.Number == "plural"}}
	if c.POS == "noun" || c.POS == "adjective" {
		switch {
		case v.Number == "plural":
			if s := SingularOf(form); s != "" {
				out = append(out, Entry{Concept: c, Variant: v, Surface: s})
			}
		default:
			out = append(out, Entry{Concept: c, Variant: v, Surface: pluralOf(v, form), Plural: true})
		}
	}
	// Adjectives inflect for gender by rule; person nouns only when the
	// data gives their feminine (chamo → chama, pibe → piba).
	if c.POS == "adjective" || (c.POS == "noun" && v.Feminine != "") {
		fem := token.Lower(v.Feminine)
		if fem == "" {
			fem = FeminineOf(form)
		}
		if fem != form {
			out = append(out, Entry{Concept: c, Variant: v, Surface: fem, Feminine: true},
				Entry{Concept: c, Variant: v, Surface: PluralOf(fem), Feminine: true, Plural: true})
		}
	}
	for _, f := range v.Forms {
		out = append(out, Entry{Concept: c, Variant: v, Surface: token.Lower(f)})
	}
	return out
}

func pluralOf(v *Variant, form string) string {
	if v.Plural != "" {
		return token.Lower(v.Plural)
	}
	return PluralOf(form)
}

// Match appends the lexicon forms found in ts (the tokens of text) to dst.
// buf is scratch space for folding; pass the returned one back in.
func (m *Matcher) Match(dst []Match, text string, ts []token.Token, buf []byte) ([]Match, []byte) {
	for i := 0; i < len(ts); i++ {
		if ts[i].Kind != token.Word {
			continue
		}
		var end int
		var es []Entry
		end, es, buf = m.longest(ts, i, buf)
		if end < 0 {
			continue
		}
		es = agreeAccents(es, text[ts[i].ByteStart:ts[end-1].ByteEnd])
		if len(es) > 0 {
			dst = append(dst, Match{First: i, End: end, Entries: es})
			i = end - 1
		}
	}
	return dst, buf
}

// longest finds the longest key starting at token i: it extends the key
// word by word while it is a prefix of some multiword key.
func (m *Matcher) longest(ts []token.Token, i int, buf []byte) (int, []Entry, []byte) {
	buf = token.AppendFold(buf[:0], ts[i].Text)
	end, best := -1, []Entry(nil)
	for j := i; ; {
		k := m.keys[string(buf)]
		if len(k.entries) > 0 {
			end, best = j+1, k.entries
		}
		if j+1 >= len(ts) || ts[j+1].Kind != token.Word || !k.prefix {
			return end, best, buf
		}
		j++
		buf = append(buf, ' ')
		buf = token.AppendFold(buf, ts[j].Text)
	}
}

// Word is what a Matcher knows of one word token as written: its folded
// form, the entries found under it alone (with the readings its written
// accents contradict already dropped) and whether it starts a multiword
// key. Callers that see the same words again and again (align's workers)
// compute it once per distinct word and pass it to MatchWords.
type Word struct {
	folded string
	hash   uint64 // of folded, with the Matcher's seed
	info   matchKeyInfo
	single []Entry // agreeAccents(info.entries, the word as written)
}

// Single is what Match reports for the word matched alone: its entries
// that the written accents allow.
func (w *Word) Single() []Entry { return w.single }

// Starts reports whether a match can start at the word: it has entries
// of its own or starts a multiword key. MatchWords does nothing at the
// other words.
func (w *Word) Starts() bool { return w.info.prefix || len(w.single) > 0 }

// PairHash is the word's part in the Matcher's filter of word pairs: what
// MatchWordsAt reads of a word that may continue a multiword key, when
// its caller gives it.
func (w *Word) PairHash() uint16 { return pairHash(w.hash) }

// Word looks up one word token's text.
func (m *Matcher) Word(text string) Word {
	f := token.Fold(text)
	if f == text {
		f = strings.Clone(text) // text may alias a caller's buffer
	}
	w := Word{folded: f, hash: maphash.String(m.seed, f), info: m.keys[f]}
	if len(w.info.entries) > 0 {
		w.single = agreeAccents(w.info.entries, text)
	}
	return w
}

// MatchWords is Match for a caller that looked each word token up with
// Word: words[i] is token i's (nil for tokens that are no word). It
// returns what Match returns for the same text.
func (m *Matcher) MatchWords(dst []Match, text string, ts []token.Token, words []*Word, buf []byte) ([]Match, []byte) {
	for i := 0; i < len(ts); {
		if ts[i].Kind != token.Word {
			i++
			continue
		}
		dst, i, buf = m.matchAt(dst, text, ts, words, nil, i, buf)
	}
	return dst, buf
}

// MatchWordsAt is MatchWords told in starts, in increasing order, the
// indices of the word tokens whose Word Starts: it reads no other word
// but those a multiword match goes on to. pairs, when not nil, holds
// words[i].PairHash() of each word token i: then it reads a word after
// a start only when the pair may begin a multiword key. It returns what
// MatchWords returns when starts holds every token i with
// words[i].Starts().
func (m *Matcher) MatchWordsAt(dst []Match, text string, ts []token.Token, words []*Word, pairs []uint16, starts []int32, buf []byte) ([]Match, []byte) {
	next := 0
	for _, s := range starts {
		if i := int(s); i >= next {
			dst, next, buf = m.matchAt(dst, text, ts, words, pairs, i, buf)
		}
	}
	return dst, buf
}

// matchAt appends the match starting at word token i, if any: the
// longest multiword key, else the word alone. It returns the index of the
// token after what it consumed.
func (m *Matcher) matchAt(dst []Match, text string, ts []token.Token, words []*Word, pairs []uint16, i int, buf []byte) ([]Match, int, []byte) {
	wd := words[i]
	es := wd.single
	if wd.info.prefix {
		var end int
		var best []Entry
		end, best, buf = m.longestWords(ts, words, pairs, i, buf)
		if end < 0 {
			return dst, i + 1, buf
		}
		if end > i+1 {
			if es = agreeAccents(best, text[ts[i].ByteStart:ts[end-1].ByteEnd]); len(es) > 0 {
				return append(dst, Match{First: i, End: end, Entries: es}), end, buf
			}
			return dst, i + 1, buf
		}
	}
	if len(es) > 0 {
		dst = append(dst, Match{First: i, End: i + 1, Entries: es})
	}
	return dst, i + 1, buf
}

// longestWords is longest with the words' folded forms given, and their
// pair hashes when pairs is not nil.
func (m *Matcher) longestWords(ts []token.Token, words []*Word, pairs []uint16, i int, buf []byte) (int, []Entry, []byte) {
	end, best := -1, []Entry(nil)
	k := words[i].info
	for j := i; ; {
		if len(k.entries) > 0 {
			end, best = j+1, k.entries
		}
		if j+1 >= len(ts) || ts[j+1].Kind != token.Word || !k.prefix {
			return end, best, buf
		}
		var p uint16
		if pairs != nil {
			p = pairs[j+1]
		} else {
			p = words[j+1].PairHash()
		}
		if !m.hasPair(words[j].hash, p) {
			return end, best, buf
		}
		j++
		if j == i+1 {
			k = m.pairKey(words[i], words[j])
			continue
		}
		if j == i+2 {
			buf = append(append(append(buf[:0], words[i].folded...), ' '), words[i+1].folded...)
		}
		buf = append(buf, ' ')
		buf = append(buf, words[j].folded...)
		k = m.keys[string(buf)]
	}
}

// agreeAccents drops readings whose written accents the text contradicts
// (papá is not papa): matching is on folded words, but a written accent is
// information. Text written without accents keeps every reading.
func agreeAccents(es []Entry, span string) []Entry {
	if isASCII(span) {
		return es // the commonest case, decided without ContainsAny's rune loop
	}
	if !hasAccent(span) && !strings.ContainsAny(span, "ÁÉÍÓÚü") {
		return es
	}
	lower := token.Lower(span)
	if token.Fold(lower) == lower {
		return es
	}
	if allSurface(es, lower) {
		return es
	}
	var out []Entry
	for _, e := range es {
		if e.Surface == lower {
			out = append(out, e)
		}
	}
	return out
}

// isASCII reports whether s has no byte beyond ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func allSurface(es []Entry, s string) bool {
	for _, e := range es {
		if e.Surface != s {
			return false
		}
	}
	return true
}

// Lookup returns the entries whose surface folds like s (a word or a
// multiword form), for people looking a word up, not for the hot path.
func (m *Matcher) Lookup(s string) []Entry {
	return m.keys[strings.Join(foldWords(s), " ")].entries
}

// isPlainWord reports whether s is letters only, so that it is one word
// token as it stands.
func isPlainWord(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}
