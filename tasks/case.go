package tasks

import (
	"unicode"
	"unicode/utf8"
)

// matchCase gives repl the capitalisation of orig's first letter, so that a
// grouped task's replacement fits each occurrence (Coche → Carro at the
// start of a sentence, coche → carro inside one).
func matchCase(orig, repl string) string {
	o, _ := utf8.DecodeRuneInString(orig)
	r, n := utf8.DecodeRuneInString(repl)
	if n == 0 || !unicode.IsLetter(o) || !unicode.IsLetter(r) {
		return repl
	}
	switch {
	case unicode.IsUpper(o) && !unicode.IsUpper(r):
		return string(unicode.ToUpper(r)) + repl[n:]
	case unicode.IsLower(o) && unicode.IsUpper(r) && !allUpper(repl):
		return string(unicode.ToLower(r)) + repl[n:]
	}
	return repl
}

// allUpper reports whether s has letters and all are upper case (an
// acronym keeps its case).
func allUpper(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters > 1
}
