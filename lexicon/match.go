package lexicon

import (
	"strings"
	"unicode"

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
	return m
}

// matchKeyInfo is what a Matcher knows of a key.
type matchKeyInfo struct {
	entries []Entry
	prefix  bool
}

func newMatcher() *Matcher {
	return &Matcher{keys: map[string]matchKeyInfo{}}
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

// agreeAccents drops readings whose written accents the text contradicts
// (papá is not papa): matching is on folded words, but a written accent is
// information. Text written without accents keeps every reading.
func agreeAccents(es []Entry, span string) []Entry {
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
