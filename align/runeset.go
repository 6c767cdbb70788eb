package align

import "unicode/utf8"

// runeSet is strings.ContainsAny's set of characters, made once: a bit per
// ASCII character and a list of the others. The checks that ask whether a
// punctuation token or the gap between two tokens holds one of a few
// characters ran ContainsAny on nearly every token (3.5% of align's time
// on the corpus benchmark), which searches the set again for each rune.
type runeSet struct {
	ascii  [2]uint64
	others []rune
}

func newRuneSet(chars string) *runeSet {
	s := &runeSet{}
	for _, r := range chars {
		if r < utf8.RuneSelf {
			s.ascii[r>>6] |= 1 << (r & 63)
		} else {
			s.others = append(s.others, r)
		}
	}
	return s
}

// in reports whether text holds a character of the set, as
// strings.ContainsAny(text, chars) does.
func (s *runeSet) in(text string) bool {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if s.ascii[c>>6]&(1<<(c&63)) != 0 {
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		for _, o := range s.others {
			if r == o {
				return true
			}
		}
		i += size
	}
	return false
}

var (
	// lineBreaks are the characters that end a line.
	lineBreaks = newRuneSet("\n\r")
	// sentenceMarks end or open a sentence, a quotation or an aside.
	sentenceMarks = newRuneSet(".!?¿¡:…\"«“—-")
	// clauseEnds end the clause a perfect is read in.
	clauseEnds = newRuneSet(".!?;…")
)
