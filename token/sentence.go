package token

import (
	"unicode"
	"unicode/utf8"
)

// Sentences returns the spans of the sentences of s, in order, each from
// the start of its first token to the end of its last, so that whitespace
// between sentences belongs to none. See the package documentation for
// where it splits.
func Sentences(s string) []Span {
	var out []Span
	sc := newScanner(s)
	var cur Span
	var prev Token
	open, ended := false, notEnded
	for {
		if !sc.next() {
			break
		}
		t := sc.token()
		if open && boundary(s, &sc, &prev, &t, ended) {
			out = append(out, cur)
			open = false
		}
		if !open {
			cur = Span{Start: t.Start, ByteStart: t.ByteStart}
			open, ended, prev = true, notEnded, Token{}
		}
		cur.End, cur.ByteEnd = t.End, t.ByteEnd
		ended = endsSentence(&prev, &t, ended)
		prev = t
	}
	if open {
		out = append(out, cur)
	}
	return out
}

// ending says whether the sentence may end after the last token.
type ending uint8

const (
	notEnded    ending = iota
	abbreviated        // after an abbreviation: only ¿ or ¡ starts a new sentence
	ended              // after a terminator
)

// endsSentence says whether the sentence may end after t, given the token
// before it and whether it could end before t.
func endsSentence(prev, t *Token, before ending) ending {
	switch {
	case t.Kind == Emoji:
		// Chat writes emoji after the full stop: "¡Genial! 👍🏽 Nos vemos."
		return before
	case t.Kind != Punct:
		return notEnded
	case t.Text == ".":
		if prev.Kind == Word && prev.ByteEnd == t.ByteStart && isAbbreviation(prev.Text) {
			return abbreviated
		}
		return ended
	case t.Text == "?", t.Text == "!", t.Text == "…", t.Text[0] == '.': // "..." and longer runs
		return ended
	}
	// Closing quotes and brackets right after a terminator belong to the
	// sentence they close: «¿Vienes?», dijo.
	if r, _ := utf8.DecodeRuneInString(t.Text); prev.ByteEnd == t.ByteStart && isCloser(r) {
		return before
	}
	return notEnded
}

// boundary reports whether a sentence ends between prev and t; sc stands
// after t so that an opening quote or dash can be looked past.
func boundary(s string, sc *scanner, prev, t *Token, e ending) bool {
	gap := s[prev.ByteEnd:t.ByteStart]
	switch {
	case hasLineBreak(gap):
		return true
	case e == notEnded:
		return false
	case t.Text == "¿" || t.Text == "¡":
		return true
	case e == abbreviated || gap == "":
		return false
	}
	ahead := *sc
	for range 3 {
		if t.Kind == Word {
			r, _ := utf8.DecodeRuneInString(t.Text)
			return unicode.IsUpper(r) || unicode.IsTitle(r)
		}
		if t.Text == "¿" || t.Text == "¡" {
			return true
		}
		r, _ := utf8.DecodeRuneInString(t.Text)
		if t.Kind != Punct || !isOpener(r) {
			return false
		}
		if !ahead.next() {
			return false
		}
		next := ahead.token()
		t = &next
	}
	return false
}

// isAbbreviation reports whether a full stop after word marks an
// abbreviation rather than the end of a sentence.
func isAbbreviation(word string) bool {
	// One letter, maybe with accents: initials, "a. m.", "p. ej.".
	if _, n := utf8.DecodeRuneInString(word); skipMarks(word, n) == len(word) {
		return true
	}
	if len(word) > 12 {
		return false
	}
	var buf [16]byte
	_, ok := abbreviations[string(AppendFold(buf[:0], word))]
	return ok
}

// hasLineBreak reports whether the whitespace gap holds a line break.
func hasLineBreak(gap string) bool {
	for i := 0; i < len(gap); i++ {
		switch gap[i] {
		case '\n', '\r', '\v', '\f':
			return true
		case 0xC2: // U+0085 NEXT LINE
			if i+1 < len(gap) && gap[i+1] == 0x85 {
				return true
			}
		case 0xE2: // U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR
			if i+2 < len(gap) && gap[i+1] == 0x80 && (gap[i+2] == 0xA8 || gap[i+2] == 0xA9) {
				return true
			}
		}
	}
	return false
}

// isCloser reports the punctuation that closes a quotation or aside.
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '}', '»', '”', '’', '›':
		return true
	}
	return false
}

// isOpener reports the punctuation that may open a sentence before its
// first word: quotes, brackets and the dialogue dash.
func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '(', '[', '«', '“', '‘', '‹', '—', '–', '-':
		return true
	}
	return false
}
