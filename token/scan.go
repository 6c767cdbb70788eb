package token

import (
	"slices"
	"unicode/utf8"
)

// Tokenize splits s into tokens; see the package documentation for the
// rules. It allocates the result slice and nothing per token.
func Tokenize(s string) []Token {
	// Spanish prose runs at about one token per five bytes; guessing a
	// little high saves append a copy of the whole slice.
	return AppendTokens(make([]Token, 0, len(s)/4+4), s)
}

// AppendTokens appends the tokens of s to dst and returns the extended
// slice. A pipeline that reuses dst across records tokenizes without
// allocating: Token.Text is a substring of s.
func AppendTokens(dst []Token, s string) []Token {
	sc := newScanner(s)
	for sc.next() {
		// Written field by field into the slice: a Token built and then
		// appended went through a copy on the stack, and copying a Token
		// through return values costs more than finding it.
		if len(dst) == cap(dst) {
			dst = slices.Grow(dst, 1)
		}
		dst = dst[:len(dst)+1]
		t := &dst[len(dst)-1]
		t.Text, t.Kind = s[sc.start:sc.pos], sc.kind
		t.Start, t.End, t.ByteStart, t.ByteEnd = sc.startCP, sc.cp, sc.start, sc.pos
	}
	return dst
}

// scanner walks s one token at a time. It is a small value so that
// Sentences can look ahead by copying it.
type scanner struct {
	s string
	// start, startCP and kind describe the last token found; it ends at
	// pos and cp, the byte and code-point offsets of the next unread
	// code point.
	start, startCP int
	pos, cp        int
	kind           Kind
	// mail remembers where e-mail addresses can start, so that finding
	// them stays linear (see email).
	mail mailState
}

func newScanner(s string) scanner { return scanner{s: s, mail: mailState{at: -2}} }

// token returns the last token found.
func (sc *scanner) token() Token {
	return Token{Text: sc.s[sc.start:sc.pos], Kind: sc.kind,
		Start: sc.startCP, End: sc.cp, ByteStart: sc.start, ByteEnd: sc.pos}
}

// next finds the next token, or returns false at the end of the input.
func (sc *scanner) next() bool {
	s := sc.s
	for sc.pos < len(s) {
		if c := s[sc.pos]; c < utf8.RuneSelf {
			cl := latin1[c]
			if cl == cSpace || cl == cIgnore {
				sc.pos++
				sc.cp++
				continue
			}
			if cl == cLetter && sc.asciiWord() {
				return true
			}
			sc.found(sc.scan(rune(c), 1, cl))
			return true
		}
		r, size := utf8.DecodeRuneInString(s[sc.pos:])
		cl := classOf(r)
		if cl == cSpace || cl == cIgnore || cl == cJoiner {
			sc.pos += size
			sc.cp++
			continue
		}
		sc.found(sc.scan(r, size, cl))
		return true
	}
	return false
}

// asciiWord finds, as scan and found would, the commonest token: a word
// of ASCII letters and digits that starts with a letter and ends before
// an ASCII character that cannot continue it. It returns false, having
// done nothing, for anything else: a word that may be a URL (it begins
// like one of urlPrefixes) or an e-mail address (an @ is ahead that the
// scanner has not ruled out), or that goes on past an apostrophe, a
// hyphen or a character beyond ASCII (letters, combining marks).
func (sc *scanner) asciiWord() bool {
	s, i := sc.s, sc.pos
	switch s[i] | 0x20 {
	case 'h', 'w', 'f':
		// The beginnings of urlPrefixes, as scanURL compares them.
		if hasPrefixFold(s[i:], "http") || hasPrefixFold(s[i:], "ftp:") || hasPrefixFold(s[i:], "www.") {
			return false
		}
	}
	if i >= sc.mail.noMail {
		return false // email decides
	}
	j := i + 1
	for j < len(s) && isASCIIAlnum(s[j]) {
		j++
	}
	if j < len(s) && (s[j] >= utf8.RuneSelf || s[j] == '\'' || s[j] == '-') {
		return false
	}
	sc.start, sc.startCP, sc.kind = i, sc.cp, Word
	sc.cp += j - i
	sc.pos = j
	return true
}

// found records the token s[pos:end], extended over any combining marks,
// and moves past it.
func (sc *scanner) found(end int, k Kind) {
	end = skipMarks(sc.s, end)
	sc.start, sc.startCP, sc.kind = sc.pos, sc.cp, k
	sc.cp += utf8.RuneCountInString(sc.s[sc.pos:end])
	sc.pos = end
}

// scan returns the end and kind of the token that starts with r, of class
// cl and size bytes, at sc.pos.
func (sc *scanner) scan(r rune, size int, cl class) (int, Kind) {
	s, i := sc.s, sc.pos
	switch cl {
	case cLetter:
		return sc.scanLetter()
	case cDigit:
		return sc.scanDigit()
	case cEmoji, cRegional:
		return scanEmoji(s, i), Emoji
	case cEmojiText:
		if end := emojiTextEnd(s, i); end > 0 {
			return end, Emoji
		}
	case cPunct, cApos, cHyphen:
		return sc.scanPunct(r, size)
	case cSymbol:
		return sc.scanSymbol(r, size)
	}
	// Orphan combining marks (after a space) and text-default pictographs
	// stand alone as symbols; found adds the marks that follow.
	return i + size, Symbol
}

// scanLetter returns the end and kind of the token that starts with a
// letter: a URL, an e-mail address or a word.
func (sc *scanner) scanLetter() (int, Kind) {
	if end := scanURL(sc.s, sc.pos); end > 0 {
		return end, URL
	}
	if end := sc.email(); end > 0 {
		return end, Email
	}
	return scanWord(sc.s, sc.pos), Word
}

// scanDigit returns the end and kind of the token that starts with a
// digit: a keycap emoji, an e-mail address or a number.
func (sc *scanner) scanDigit() (int, Kind) {
	if sc.s[sc.pos] < utf8.RuneSelf {
		if end := keycapEnd(sc.s, sc.pos); end > 0 {
			return end, Emoji
		}
	}
	if end := sc.email(); end > 0 {
		return end, Email
	}
	return scanNumber(sc.s, sc.pos), Number
}

// scanWord returns the end of the word that starts at i.
func scanWord(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case isASCIIAlnum(c):
				i++
			case c == '\'' && letterAt(s, i+1), c == '-' && alnumAt(s, i+1):
				i++
			default:
				return i
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch classOf(r) {
		case cLetter, cMark, cDigit, cJoiner:
		case cApos:
			if !letterAt(s, i+size) {
				return i
			}
		case cHyphen:
			if !alnumAt(s, i+size) {
				return i
			}
		default:
			return i
		}
		i += size
	}
	return i
}

func isASCIIAlnum(c byte) bool { return asciiAlnum[c] }

// asciiAlnum holds the ASCII letters and digits: one load where three
// range tests branched on every byte of a word.
var asciiAlnum = func() (t [256]bool) {
	for c := range 256 {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return t
}()

// scanNumber returns the end of the number whose first digit is at i:
// digits joined by single separators, then an ordinal indicator.
func scanNumber(s string, i int) int {
	for {
		for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] >= utf8.RuneSelf && digitAt(s, i)) {
			_, size := at(s, i)
			i += size
		}
		if i+1 < len(s) && isNumberSep(s[i]) && digitAt(s, i+1) {
			i++
			continue
		}
		break
	}
	// 1º, 2ª, 1.º, 2.ª: U+00BA and U+00AA are C2 BA and C2 AA.
	j := i
	if j < len(s) && s[j] == '.' {
		j++
	}
	if j+1 < len(s) && s[j] == 0xC2 && (s[j+1] == 0xBA || s[j+1] == 0xAA) {
		return j + 2
	}
	return i
}

func isNumberSep(c byte) bool {
	return c == '.' || c == ',' || c == ':' || c == '/' || c == '-'
}

// scanPunct returns the end of the punctuation token r at sc.pos.
func (sc *scanner) scanPunct(r rune, size int) (int, Kind) {
	s, i := sc.s, sc.pos
	switch r {
	case '.':
		for i < len(s) && s[i] == '.' {
			i++
		}
		return i, Punct
	case '-':
		if digitAt(s, i+1) && sc.signContext() {
			return scanNumber(s, i+1), Number
		}
	}
	return i + size, Punct
}

// scanSymbol returns the end of the token that starts with the symbol r:
// a sign, a keycap, a mention, or the symbol alone.
func (sc *scanner) scanSymbol(r rune, size int) (int, Kind) {
	s, i := sc.s, sc.pos
	switch r {
	case '+', '−':
		if digitAt(s, i+size) && sc.signContext() {
			return scanNumber(s, i+size), Number
		}
	case '#', '*':
		if end := keycapEnd(s, i); end > 0 {
			return end, Emoji
		}
		if r == '#' && (letterAt(s, i+1) || i+1 < len(s) && s[i+1] == '_') {
			return scanHandle(s, i+1), Mention
		}
	case '@':
		if c := classAt(s, i+1); (c == cLetter || c == cDigit || c == cPunct && s[i+1] == '_') && sc.mentionContext() {
			return scanHandle(s, i+1), Mention
		}
	}
	return i + size, Symbol
}

// signContext reports whether a + or - at sc.pos can be a sign: it cannot
// right after a letter, digit or closing bracket, where it is a hyphen or
// an operator ("x-5" is a word, "(2)-3" an operation).
func (sc *scanner) signContext() bool {
	r := lastRune(sc.s, sc.pos)
	if r < 0 {
		return true
	}
	switch classOf(r) {
	case cSpace, cIgnore, cJoiner:
		return true
	case cPunct, cSymbol:
		return r != ')' && r != ']' && r != '}' && r != '.' && r != '%'
	}
	return false
}
