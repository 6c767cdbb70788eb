package token

import (
	"strings"
	"unicode/utf8"
)

// urlPrefixes start a URL token. Bare domains ("habla.es") are not URLs:
// without a scheme or www. they cannot be told from a missing space after
// a full stop.
var urlPrefixes = [...]string{"https://", "http://", "ftp://", "www."}

// scanURL returns the end of the URL that starts at i, or 0 when none does.
func scanURL(s string, i int) int {
	switch s[i] | 0x20 {
	case 'h', 'w', 'f':
	default:
		return 0
	}
	for _, p := range urlPrefixes {
		if !hasPrefixFold(s[i:], p) {
			continue
		}
		start := i + len(p)
		if !alnumAt(s, start) {
			return 0
		}
		if end := trimURL(s, start, urlBody(s, start)); end > start {
			return end
		}
		return 0
	}
	return 0
}

// hasPrefixFold is strings.HasPrefix ignoring ASCII case; p is lowercase.
func hasPrefixFold(s, p string) bool {
	if len(s) < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		if s[i]|0x20 != p[i] && s[i] != p[i] {
			return false
		}
	}
	return true
}

// urlBody returns where the URL body starting at i stops: at whitespace,
// at a character that cannot be in a URL as written in prose (quotes,
// angle brackets, emoji), or at a closing parenthesis with no opening
// one inside the URL, as in "(ver https://es.wikipedia.org/wiki/Caracas)".
func urlBody(s string, i int) int {
	depth := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c <= ' ' || c == 0x7F || strings.IndexByte(`"<>\^{|}`+"`", c) >= 0:
				return i
			case c == '(' || c == '[':
				depth++
			case c == ')' || c == ']':
				if depth == 0 {
					return i
				}
				depth--
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch classOf(r) {
		case cSpace, cIgnore, cEmoji, cRegional, cEmojiText:
			return i
		}
		if strings.ContainsRune("«»“”‘’…", r) {
			return i
		}
		i += size
	}
	return i
}

// trimURL drops the sentence punctuation that ends the URL's sentence
// rather than the URL ("https://x.org/a." is the URL without the dot).
func trimURL(s string, start, end int) int {
	for end > start && strings.IndexByte(".,;:!?'*", s[end-1]) >= 0 {
		end--
	}
	return end
}

// mailState keeps e-mail detection linear. at is the offset of the next
// '@' at or after the scanner (-1: none left, -2: not looked for yet);
// local is where the longest run of local-part characters before it
// starts; no address starts before noMail.
type mailState struct{ at, local, noMail int }

// email returns the end of the e-mail address that starts at sc.pos, or
// 0. Words before the local part of the next '@' are rejected without
// scanning, so text with one address late in it is not scanned twice.
func (sc *scanner) email() int {
	s, i, m := sc.s, sc.pos, &sc.mail
	if i < m.noMail {
		return 0
	}
	if m.at != -1 && m.at < i {
		m.at = strings.IndexByte(s[i:], '@')
		if m.at < 0 {
			m.noMail = len(s)
			return 0
		}
		m.at += i
		m.local = localStart(s, m.at)
	}
	if i < m.local {
		m.noMail = m.local
		return 0
	}
	m.noMail = m.at + 1
	if s[m.at-1] == '.' {
		return 0
	}
	return scanDomain(s, m.at+1)
}

// localStart returns where the run of local-part characters that ends at
// the '@' at i starts.
func localStart(s string, i int) int {
	for i > 0 {
		r, size := rune(s[i-1]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeLastRuneInString(s[:i])
		}
		if !isLocal(r) {
			break
		}
		i -= size
	}
	return i
}

// isLocal reports the characters of the local part of an address: letters,
// marks, digits and . _ % + -.
func isLocal(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIAlnum(byte(r)) || strings.IndexByte("._%+-", byte(r)) >= 0
	}
	cl := classOf(r)
	return cl == cLetter || cl == cMark || cl == cDigit
}

// scanDomain returns the end of the domain at i, or 0 unless it has at
// least two labels: dots inside, never at the end.
func scanDomain(s string, i int) int {
	end, labels := 0, 0
	for {
		j := scanLabel(s, i)
		if j == i {
			break
		}
		labels++
		end = j
		if j+1 < len(s) && s[j] == '.' && alnumAt(s, j+1) {
			i = j + 1
			continue
		}
		break
	}
	if labels < 2 {
		return 0
	}
	return end
}

// scanLabel returns the end of a domain label at i: letters, marks,
// digits and inner hyphens.
func scanLabel(s string, i int) int {
	start := i
	for i < len(s) {
		r, size := at(s, i)
		cl := classOf(r)
		if cl == cHyphen && r == '-' && i > start && alnumAt(s, i+1) || cl == cLetter || cl == cMark || cl == cDigit {
			i += size
			continue
		}
		break
	}
	return i
}

// mentionContext reports whether an '@' at sc.pos can start a mention: not
// right after a letter or digit, where it is a failed e-mail address.
func (sc *scanner) mentionContext() bool {
	c := classOf(lastRune(sc.s, sc.pos))
	return c != cLetter && c != cDigit && c != cMark
}

// scanHandle returns the end of the name of a mention or hashtag at i.
func scanHandle(s string, i int) int {
	for i < len(s) {
		r, size := at(s, i)
		if cl := classOf(r); cl != cLetter && cl != cMark && cl != cDigit && r != '_' {
			break
		}
		i += size
	}
	return i
}
