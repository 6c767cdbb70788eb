package token

import (
	"unicode"
	"unicode/utf8"
)

// class is what the scanner needs to know about one code point. Kinds are
// decided from the class of a token's first code point and its neighbours.
type class uint8

const (
	cSymbol    class = iota // default: S*, No, private use, unassigned, invalid bytes
	cSpace                  // unicode.IsSpace: separates tokens
	cIgnore                 // controls and format characters (BOM, ZWSP, bidi marks): no token
	cJoiner                 // ZWJ, ZWNJ, soft hyphen: inside a word, otherwise ignored
	cLetter                 // L* and Nl
	cMark                   // M*: belongs to the preceding character
	cDigit                  // Nd
	cPunct                  // P*, except those listed as symbols
	cApos                   // ' ’ ´: inside a word before a letter
	cHyphen                 // - ‐ ‑: inside a word before a letter or digit
	cEmoji                  // Extended_Pictographic and emoji modifiers
	cEmojiText              // pictographic but text by default (©, ®, ™, arrows)
	cRegional               // regional indicator, half a flag
)

// latin1 classifies U+0000–U+00FF by table so that ASCII and Latin-1 text,
// nearly all of Spanish, never touches the unicode range tables.
var latin1 = buildLatin1()

func buildLatin1() (t [256]class) {
	for r := range rune(256) {
		t[r] = classOfSlow(r)
	}
	// Read as symbols in running text even though Unicode files them
	// under punctuation (Po).
	for _, r := range "%#&*@§¶" {
		t[r] = cSymbol
	}
	t['\''] = cApos
	t[0xB4] = cApos // ´ typed for an apostrophe: N´Dongo, d´Artagnan
	t['-'] = cHyphen
	t[0xAD] = cJoiner // soft hyphen: invisible inside a word
	t[0xA9] = cEmojiText
	t[0xAE] = cEmojiText
	return t
}

// classOf classifies r, by table below U+0100. The -1 that at and
// lastRune return at the ends of the input classifies as space, which
// joins nothing.
func classOf(r rune) class {
	if uint32(r) < 256 {
		return latin1[r]
	}
	if r < 0 {
		return cSpace
	}
	switch r {
	case '’':
		return cApos
	case '‐', '‑':
		return cHyphen
	case 0x200C, 0x200D:
		return cJoiner
	case '‰', '‱', '†', '‡':
		return cSymbol
	}
	// Typographic dashes, quotes and ellipsis, and currency signs, are
	// common in Spanish prose and worth skipping the table searches for.
	switch {
	case r >= '‒' && r <= '‧':
		return cPunct
	case r >= 0x20A0 && r <= 0x20C0:
		return cSymbol
	}
	return classOfSlow(r)
}

// classOfSlow classifies r with the unicode tables; the order puts the
// likely classes first.
func classOfSlow(r rune) class {
	switch {
	case r >= 0x1F1E6 && r <= 0x1F1FF:
		return cRegional
	case isPictographic(r):
		if isTextDefault(r) {
			return cEmojiText
		}
		return cEmoji
	case unicode.IsLetter(r) || unicode.Is(unicode.Nl, r):
		return cLetter
	case unicode.IsMark(r):
		return cMark
	case unicode.IsDigit(r):
		return cDigit
	case unicode.IsSpace(r):
		return cSpace
	case unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Cf, r):
		return cIgnore
	case unicode.IsPunct(r):
		return cPunct
	}
	return cSymbol
}

// isTextDefault reports the pictographic characters that are ordinary
// typography unless U+FE0F asks for the emoji form: the spec treats ©
// and ™ as symbols, and arrows and squares appear in plain prose.
func isTextDefault(r rune) bool {
	switch {
	case r == 0x203C, r == 0x2049, r == 0x2122, r == 0x2139,
		r >= 0x2194 && r <= 0x21AA, r == 0x24C2,
		r >= 0x25AA && r <= 0x25FE, r >= 0x2934 && r <= 0x2935,
		r >= 0x2B05 && r <= 0x2B07, r == 0x3030, r == 0x303D,
		r == 0x3297, r == 0x3299:
		return true
	}
	return false
}

// at decodes the code point at byte offset i, returning -1 past the end.
func at(s string, i int) (rune, int) {
	if i >= len(s) {
		return -1, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// classAt classifies the code point at byte offset i; past the end it
// reports cSpace, which joins nothing.
func classAt(s string, i int) class {
	if i >= len(s) {
		return cSpace
	}
	if c := s[i]; c < utf8.RuneSelf {
		return latin1[c]
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return classOf(r)
}

func letterAt(s string, i int) bool { return classAt(s, i) == cLetter }

func digitAt(s string, i int) bool {
	if i < len(s) && s[i] < utf8.RuneSelf {
		return s[i] >= '0' && s[i] <= '9'
	}
	return classAt(s, i) == cDigit
}

func alnumAt(s string, i int) bool {
	c := classAt(s, i)
	return c == cLetter || c == cDigit
}

// lastRune returns the code point that ends s[:i], or -1 at the start.
func lastRune(s string, i int) rune {
	if i == 0 {
		return -1
	}
	if c := s[i-1]; c < utf8.RuneSelf {
		return rune(c)
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

// skipMarks moves i past combining marks so that a token never ends
// between a character and its accents.
func skipMarks(s string, i int) int {
	for i < len(s) && s[i] >= utf8.RuneSelf {
		r, size := utf8.DecodeRuneInString(s[i:])
		if classOf(r) != cMark {
			break
		}
		i += size
	}
	return i
}
