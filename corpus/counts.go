package corpus

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/habla-es/habla/token"
)

// WordCount is what a corpus knows of one word form in one variety.
type WordCount struct {
	// Freq is the number of occurrences; Docs, the documents containing it.
	Freq, Docs int
	// Mid counts the occurrences not at the start of a sentence or line;
	// CapMid, those of them written with a capital: a word mostly
	// capitalised mid-sentence is a name (of a place, a person).
	Mid, CapMid int
}

// Name reports whether the word looks like a proper name: capitalised in
// more than half of its occurrences inside a sentence.
func (w *WordCount) Name() bool { return w.Mid > 0 && 2*w.CapMid > w.Mid }

// VarietyCounts are the word counts of one variety.
type VarietyCounts struct {
	Variety string
	// Docs is the number of documents; Tokens, of word tokens.
	Docs, Tokens int
	// Words maps a word form, lowercase with its accents (token.Lower),
	// to its counts.
	Words map[string]*WordCount
}

// Counts are the word counts of a corpus by variety.
type Counts struct {
	Varieties map[string]*VarietyCounts
}

// Tags lists the varieties, sorted.
func (cs *Counts) Tags() []string {
	tags := make([]string, 0, len(cs.Varieties))
	for t := range cs.Varieties {
		tags = append(tags, t)
	}
	slices.Sort(tags)
	return tags
}

// Count counts the words of every document of c.
func (c *Corpus) Count() (*Counts, error) {
	cs := &Counts{Varieties: map[string]*VarietyCounts{}}
	var toks []token.Token
	err := c.Scan("", func(d Doc) error {
		vc := cs.Varieties[d.Variety]
		if vc == nil {
			vc = &VarietyCounts{Variety: d.Variety, Words: map[string]*WordCount{}}
			cs.Varieties[d.Variety] = vc
		}
		toks = vc.add(d.Text, toks[:0])
		return nil
	})
	return cs, err
}

// add counts the words of one document; toks is scratch space.
func (vc *VarietyCounts) add(text string, toks []token.Token) []token.Token {
	vc.Docs++
	toks = token.AppendTokens(toks, text)
	seen := map[*WordCount]bool{}
	for i, t := range toks {
		if t.Kind != token.Word {
			continue
		}
		vc.Tokens++
		key := token.Lower(t.Text)
		w := vc.Words[key]
		if w == nil {
			w = &WordCount{}
			vc.Words[key] = w
		}
		w.Freq++
		if !seen[w] {
			seen[w] = true
			w.Docs++
		}
		if !sentenceStart(text, toks, i) {
			w.Mid++
			if r, _ := utf8.DecodeRuneInString(t.Text); unicode.IsUpper(r) {
				w.CapMid++
			}
		}
	}
	return toks
}

// sentenceStart reports whether token i opens a sentence or a line: the
// first token, after a line break, or after end or opening punctuation.
func sentenceStart(text string, toks []token.Token, i int) bool {
	if i == 0 {
		return true
	}
	prev := toks[i-1]
	if strings.ContainsRune(text[prev.ByteEnd:toks[i].ByteStart], '\n') {
		return true
	}
	if prev.Kind != token.Punct {
		return false
	}
	switch prev.Text {
	case ".", "!", "?", "…", "...", "¿", "¡", ":", "—", "-", "–", "\"", "«", "“":
		return true
	}
	return false
}
