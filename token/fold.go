package token

import (
	"bytes"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// NFC returns s in Unicode Normalization Form C. Text that is already NFC,
// which is nearly all of it, comes back unchanged without allocating.
func NFC(s string) string {
	if isNFC(s) {
		return s
	}
	return norm.NFC.String(s)
}

// isNFC is a cheap check that s is NFC: ASCII, or normalized according to
// the quick-check properties. A false answer only means "normalize".
func isNFC(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			// A combining mark may compose with the ASCII letter before it.
			if i > 0 {
				i--
			}
			return norm.NFC.QuickSpanString(s[i:]) == len(s)-i
		}
	}
	return true
}

// Lower returns s in NFC and lowercase with its accents, for morphology
// that must read written accents (hablás is not hablas).
func Lower(s string) string {
	n := NFC(s)
	l := strings.ToLower(n)
	// Lowercasing can make a mark composable: "T\u0308" has no composed
	// form, "t\u0308" is ẗ.
	if l != n && !isNFC(l) {
		return norm.NFC.String(l)
	}
	return l
}

// Fold returns s in NFC, lowercase, with the accents removed from vowels
// only: ñ and ç stay, so that año and ano stay apart. It returns s itself,
// without allocating, when s is already folded.
func Fold(s string) string {
	nfc := isNFC(s)
	if nfc && folded(s) {
		return s
	}
	// Short strings, the usual case, fold on the stack; longer ones get
	// room for the result at once.
	var buf [128]byte
	b := buf[:0]
	if len(s) > len(buf) {
		b = make([]byte, 0, len(s)+len(s)/16)
	}
	return string(appendFold(b, s, nfc))
}

// AppendFold appends Fold(s) to dst. It allocates only to grow dst, except
// for stacked accents that need composing again (see renorm).
func AppendFold(dst []byte, s string) []byte {
	return appendFold(dst, s, isNFC(s))
}

func appendFold(dst []byte, s string, nfc bool) []byte {
	start := len(dst)
	var f folder
	if nfc {
		dst = foldAppend(&f, dst, s)
	} else {
		dst = f.appendIter(dst, s)
	}
	if f.renorm {
		dst = renormalize(dst, start)
	}
	return dst
}

// renormalize composes dst[start:] again. It works on a copy so that dst,
// often a stack buffer, does not escape to the heap in the common case.
func renormalize(dst []byte, start int) []byte {
	tail := norm.NFC.Bytes(bytes.Clone(dst[start:]))
	return append(dst[:start], tail...)
}

// folded reports whether Fold would leave the NFC string s unchanged.
func folded(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if foldRune(r) != r {
			return false
		}
		i += size
	}
	return true
}

// iters recycles normalizing iterators: a norm.Iter escapes to the heap
// and is too large (about 1 KiB) to allocate per NFD word on the hot path.
var iters = sync.Pool{New: func() any { return new(norm.Iter) }}

// appendIter composes s segment by segment and folds each segment, so
// that NFD input folds like NFC input.
func (f *folder) appendIter(dst []byte, s string) []byte {
	it := iters.Get().(*norm.Iter)
	it.InitString(norm.NFC, s)
	for !it.Done() {
		dst = foldAppend(f, dst, it.Next())
	}
	iters.Put(it)
	return dst
}

// folder folds NFC text. It is a struct because a vowel and the accents
// left after it (a blocked É + U+0301) may arrive in different chunks.
type folder struct {
	afterVowel bool // the current base is a, e, i, o or u
	changed    bool // folding changed the current base
	// renorm is set when a combining mark is kept right after a code
	// point that folding changed, which may now compose with it:
	// "É\u0309" folds to "e\u0309", which NFC writes "ẻ", and "T\u0308"
	// to "t\u0308", which NFC writes "ẗ".
	renorm bool
}

// foldAppend appends the folded s to dst, copying unchanged runs whole.
// It takes bytes too because norm.Iter hands out byte slices.
func foldAppend[S ~string | ~[]byte](f *folder, dst []byte, s S) []byte {
	run := 0 // start of the pending unchanged run
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf && (c < 'A' || c > 'Z') {
			f.afterVowel, f.changed = isPlainVowel(rune(c)), false
			i++
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = decodeAt(s, i)
		}
		if r >= 0x300 && classOf(r) == cMark {
			// Marks belong to the current base: vowel accents on a vowel
			// go, whatever marks stand between them ("é\u0321" and
			// "e\u0321\u0301" fold alike); other marks stay.
			if f.afterVowel && isVowelAccent(r) {
				dst = append(dst, s[run:i]...)
				run = i + size
			}
			f.renorm = f.renorm || f.changed
			i += size
			continue
		}
		fr := foldRune(r)
		f.afterVowel = isPlainVowel(fr)
		f.changed = fr != r
		if fr != r {
			dst = append(dst, s[run:i]...)
			dst = utf8.AppendRune(dst, fr)
			run = i + size
		}
		i += size
	}
	return append(dst, s[run:]...)
}

// decodeAt decodes the code point at byte offset i of a string or a byte
// slice, through a small copy that keeps it allocation-free.
func decodeAt[S ~string | ~[]byte](s S, i int) (rune, int) {
	var b [utf8.UTFMax]byte
	n := copy(b[:], s[i:min(i+utf8.UTFMax, len(s))])
	return utf8.DecodeRune(b[:n])
}

// foldLatin1 maps U+0000–U+00FF to lowercase without vowel accents.
var foldLatin1 = buildFoldLatin1()

func buildFoldLatin1() (t [256]rune) {
	for r := range rune(256) {
		t[r] = unicode.ToLower(r)
	}
	for _, m := range [...]struct {
		from string
		to   rune
	}{{"àáâä", 'a'}, {"èéêë", 'e'}, {"ìíîï", 'i'}, {"òóôö", 'o'}, {"ùúûü", 'u'}} {
		for _, r := range m.from {
			t[r] = m.to
			t[unicode.ToUpper(r)] = m.to
		}
	}
	return t
}

// foldRune folds one code point of NFC text.
func foldRune(r rune) rune {
	if r < 256 {
		return foldLatin1[r]
	}
	return unicode.ToLower(r)
}

func isPlainVowel(r rune) bool {
	return r == 'a' || r == 'e' || r == 'i' || r == 'o' || r == 'u'
}

// isVowelAccent reports the combining accents that Fold removes from a
// vowel: grave, acute, circumflex and diaeresis. NFC leaves them separate
// only when they cannot compose, as after a vowel that already has one.
func isVowelAccent(r rune) bool {
	return r == 0x300 || r == 0x301 || r == 0x302 || r == 0x308
}
