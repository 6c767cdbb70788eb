package align

import (
	"strings"
	"testing"
)

var runeSetChars = []string{"\n\r", ".!?¿¡:…\"«“—-", ".!?;…", "áéíóú", "a"}

var runeSetTexts = []string{
	"", " ", "  \n", "\r", "hola", "¿", "¡", "…", "...", "?!", "«", "»", "“", "”", "—", "–", "-", ":", ";",
	"palabra larga sin nada", "ya está.", "\xe2\x80", "\xe2\x80\xa6", "x\xff…", "\xc2", "é", "e\u0301",
	"😀!", "\t", "\"", "a", "A",
}

// TestRuneSet compares runeSet.in with strings.ContainsAny.
func TestRuneSet(t *testing.T) {
	for _, chars := range runeSetChars {
		s := newRuneSet(chars)
		for _, text := range runeSetTexts {
			if got, want := s.in(text), strings.ContainsAny(text, chars); got != want {
				t.Errorf("newRuneSet(%q).in(%q) = %v, strings.ContainsAny says %v", chars, text, got, want)
			}
		}
	}
}

// FuzzRuneSet: runeSet.in is strings.ContainsAny on any bytes.
func FuzzRuneSet(f *testing.F) {
	for _, text := range runeSetTexts {
		f.Add(text)
	}
	sets := make([]*runeSet, len(runeSetChars))
	for i, chars := range runeSetChars {
		sets[i] = newRuneSet(chars)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for i, chars := range runeSetChars {
			if got, want := sets[i].in(text), strings.ContainsAny(text, chars); got != want {
				t.Errorf("newRuneSet(%q).in(%q) = %v, strings.ContainsAny says %v", chars, text, got, want)
			}
		}
	})
}
