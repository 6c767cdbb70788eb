package token

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// checkTokens fails t unless toks is a valid tokenization of s: in order,
// not overlapping, inside s, Text equal to its byte span, code-point
// offsets consistent with the bytes, no whitespace inside a token, and
// nothing but whitespace and format characters between tokens.
func checkTokens(t *testing.T, s string, toks []Token) {
	t.Helper()
	prevEnd, cp := 0, 0
	for i, tk := range toks {
		if tk.ByteStart < prevEnd || tk.ByteStart >= tk.ByteEnd || tk.ByteEnd > len(s) {
			t.Fatalf("%q: token %d %+v: bad byte span after %d", s, i, tk, prevEnd)
		}
		if tk.Text != s[tk.ByteStart:tk.ByteEnd] {
			t.Fatalf("%q: token %d: Text %q != s[%d:%d]", s, i, tk.Text, tk.ByteStart, tk.ByteEnd)
		}
		gap := s[prevEnd:tk.ByteStart]
		checkGap(t, s, gap)
		cp += utf8.RuneCountInString(gap)
		if tk.Start != cp || tk.End != cp+utf8.RuneCountInString(tk.Text) {
			t.Fatalf("%q: token %d %+v: code points want [%d,%d)", s, i, tk, cp, cp+utf8.RuneCountInString(tk.Text))
		}
		if tk.Kind < Word || tk.Kind > Mention {
			t.Fatalf("%q: token %d: bad kind %d", s, i, tk.Kind)
		}
		if strings.IndexFunc(tk.Text, unicode.IsSpace) >= 0 {
			t.Fatalf("%q: token %d %q holds whitespace", s, i, tk.Text)
		}
		cp, prevEnd = tk.End, tk.ByteEnd
	}
	checkGap(t, s, s[prevEnd:])
}

// checkGap fails unless gap would produce no token: only whitespace,
// controls and format characters may be dropped.
func checkGap(t *testing.T, s, gap string) {
	t.Helper()
	for _, r := range gap {
		if c := classOf(r); c != cSpace && c != cIgnore && c != cJoiner || r == utf8.RuneError {
			t.Fatalf("%q: %U dropped between tokens", s, r)
		}
	}
}

// checkSentences fails t unless spans are non-empty, in order, not
// overlapping, aligned with token boundaries, and hold every token.
func checkSentences(t *testing.T, s string, spans []Span) {
	t.Helper()
	toks := Tokenize(s)
	if len(toks) == 0 {
		if len(spans) != 0 {
			t.Fatalf("%q: %d sentences without tokens", s, len(spans))
		}
		return
	}
	k := 0
	for i, sp := range spans {
		if sp.ByteStart >= sp.ByteEnd || sp.ByteEnd > len(s) || sp.Start >= sp.End {
			t.Fatalf("%q: sentence %d %+v is empty or outside the text", s, i, sp)
		}
		if i > 0 && sp.ByteStart < spans[i-1].ByteEnd {
			t.Fatalf("%q: sentence %d %+v overlaps %+v", s, i, sp, spans[i-1])
		}
		if sp.Start != utf8.RuneCountInString(s[:sp.ByteStart]) || sp.End != utf8.RuneCountInString(s[:sp.ByteEnd]) {
			t.Fatalf("%q: sentence %d %+v: code points inconsistent with bytes", s, i, sp)
		}
		if k >= len(toks) || toks[k].ByteStart != sp.ByteStart {
			t.Fatalf("%q: sentence %d %+v does not start at a token", s, i, sp)
		}
		for k < len(toks) && toks[k].ByteEnd <= sp.ByteEnd {
			k++
		}
		if toks[k-1].ByteEnd != sp.ByteEnd {
			t.Fatalf("%q: sentence %d %+v does not end at a token", s, i, sp)
		}
	}
	if k != len(toks) {
		t.Fatalf("%q: token %+v is in no sentence", s, toks[k])
	}
}
