package jsonl

import (
	"unicode/utf8"
)

const hexDigits = "0123456789abcdef"

// AppendString appends s as a JSON string. Unlike encoding/json it does not
// escape <, > and &: the output is data for programs, not HTML, and a
// linguist reading it should see the text as written. Invalid UTF-8 becomes
// U+FFFD, as in encoding/json.
func AppendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if i+8 <= len(s) && plain8(load64(s, i)) {
			// Eight bytes that need no escape, as most of a text's are:
			// the byte loop below was 3% of align's instructions.
			i += 8
			continue
		}
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				dst = append(dst, s[start:i]...)
				dst = append(dst, `\ufffd`...)
				i += size
				start = i
				continue
			}
			if r == '\u2028' || r == '\u2029' {
				dst = append(dst, s[start:i]...)
				dst = append(dst, `\u202`...)
				dst = append(dst, hexDigits[r&0xF])
				i += size
				start = i
				continue
			}
			i += size
			continue
		}
		dst = append(dst, s[start:i]...)
		dst = appendEscape(dst, c)
		i++
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

func appendEscape(dst []byte, c byte) []byte {
	switch c {
	case '"', '\\':
		return append(dst, '\\', c)
	case '\n':
		return append(dst, '\\', 'n')
	case '\r':
		return append(dst, '\\', 'r')
	case '\t':
		return append(dst, '\\', 't')
	}
	return append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
}

// plain8 reports whether none of the eight bytes of x needs a look: none
// is below 0x20, a quote, a backslash or part of a multibyte sequence.
// Each test is exact for the word as a whole (a borrow can only mark a
// byte above one that matched).
func plain8(x uint64) bool { return special8(x)|x&0x8080808080808080 == 0 }

// stringBytes8 reports whether none of the eight bytes of x ends or
// escapes a JSON string or is a control character that may not be in one.
func stringBytes8(x uint64) bool { return special8(x) == 0 }

// special8 has a high bit set (at or above the byte) where x has a byte
// below 0x20, a quote or a backslash, and only then; bytes of 0x80 and
// above are none of these.
func special8(x uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	q, b := x^(ones*'"'), x^(ones*'\\') // a zero byte where x has a quote, a backslash
	ctl := (x - ones*0x20) &^ x         // a high bit at (or above) a byte below 0x20
	quote := (q - ones) &^ q
	bslash := (b - ones) &^ b
	return (ctl | quote | bslash) & highs
}

// load64 is the eight bytes of s from i, little-endian.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}
