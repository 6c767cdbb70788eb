package token

import (
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// fuzzSeeds are the hard cases for every fuzzer; crashers found later are
// kept in testdata/fuzz.
var fuzzSeeds = []string{
	"",
	"¿Qué tal, Sr. Pérez? ¡Muy bien! Cuesta $5,50 o 1.234,56 Bs. el 12/05/2024 a las 10:30 a. m.",
	"cafe\u0301 n\u0303 \u0301 É\u0301 d'Artagnan teórico-práctico pa' -5 +58 1.º",
	"👍🏽 👨‍👩‍👧 🇻🇪🇦 1️⃣ #️⃣ ©️ © ❤️‍🔥 🏴\U000E0067\U000E0062\U000E007F",
	"https://x.org/a_(b). www.habla.es, juan.perez@correo.com.ve. @user #tag foo@bar",
	"—¿Vienes? —Sí. «Ya voy.» Y fin... EE. UU. Luego\nOtra línea\u2029y más",
	"a\xffb\xc3 \x00\u200B\uFEFF\u00AD\u200D",
}

func FuzzTokenize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokenize(s)
		checkTokens(t, s, toks)
		again := AppendTokens(make([]Token, 1, 4), s)[1:]
		if len(again) != len(toks) {
			t.Fatalf("%q: AppendTokens gave %d tokens, Tokenize %d", s, len(again), len(toks))
		}
		for i := range toks {
			if again[i] != toks[i] {
				t.Fatalf("%q: token %d: AppendTokens %+v, Tokenize %+v", s, i, again[i], toks[i])
			}
		}
		slow := tokenizeSlow(s)
		if len(slow) != len(toks) {
			t.Fatalf("%q: %d tokens, %d without the ASCII word path", s, len(toks), len(slow))
		}
		for i := range toks {
			if slow[i] != toks[i] {
				t.Fatalf("%q: token %d: %+v, without the ASCII word path %+v", s, i, toks[i], slow[i])
			}
		}
	})
}

// tokenizeSlow is Tokenize without scanner.asciiWord: every token through
// scan and found.
func tokenizeSlow(s string) []Token {
	var out []Token
	sc := newScanner(s)
	for sc.pos < len(s) {
		r, size := utf8.DecodeRuneInString(s[sc.pos:])
		if s[sc.pos] < utf8.RuneSelf {
			r, size = rune(s[sc.pos]), 1
		}
		cl := classOf(r)
		if s[sc.pos] >= utf8.RuneSelf && cl == cJoiner || cl == cSpace || cl == cIgnore {
			sc.pos += size
			sc.cp++
			continue
		}
		sc.found(sc.scan(r, size, cl))
		out = append(out, sc.token())
	}
	return out
}

func FuzzSentences(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkSentences(t, s, Sentences(s))
	})
}

// FuzzFold checks that folding ignores the normalization form, is
// idempotent, and that AppendFold and Fold agree.
func FuzzFold(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Fold(s)
		if app := string(AppendFold(nil, s)); app != got {
			t.Fatalf("AppendFold(%q) = %q, Fold %q", s, app, got)
		}
		if !utf8.ValidString(s) {
			return
		}
		if nfd := Fold(norm.NFD.String(s)); nfd != got {
			t.Fatalf("Fold(NFD(%q)) = %q, Fold = %q", s, nfd, got)
		}
		if twice := Fold(got); twice != got {
			t.Fatalf("Fold(Fold(%q)) = %q, Fold = %q", s, twice, got)
		}
		if l := Lower(s); !norm.NFC.IsNormalString(l) {
			t.Fatalf("Lower(%q) = %q is not NFC", s, l)
		}
	})
}
