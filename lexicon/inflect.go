package lexicon

import (
	"strings"
	"unicode/utf8"
)

// Spanish plural and feminine formation for nouns and adjectives (RAE/ASALE,
// Nueva gramática §3.2–3.3; Ortografía §4.1 for the written accent).
// Data may override both (plural:, feminine:) where the rule is wrong.

var (
	accentOff = strings.NewReplacer("á", "a", "é", "e", "í", "i", "ó", "o", "ú", "u")
	accentOn  = map[rune]string{'a': "á", 'e': "é", 'i': "í", 'o': "ó", 'u': "ú"}
)

// prepositions end the inflected head of a multiword form: carro por
// puesto → carros por puesto; teléfono celular → teléfonos celulares.
var headEnd = map[string]bool{"de": true, "del": true, "por": true, "para": true, "a": true,
	"al": true, "con": true, "en": true, "sin": true, "y": true, "o": true}

// PluralOf returns the plural of a noun or adjective form; multiword
// forms inflect each word up to the first preposition.
func PluralOf(form string) string {
	words := strings.Fields(form)
	for i, w := range words {
		if i > 0 && headEnd[w] {
			break
		}
		words[i] = pluralWord(w)
	}
	return strings.Join(words, " ")
}

func pluralWord(w string) string {
	last, _ := utf8.DecodeLastRuneInString(w)
	switch {
	case strings.ContainsRune("aeiouáéó", last):
		return w + "s"
	case last == 'í' || last == 'ú':
		return w + "es" // maní → maníes (manís is also accepted)
	case last == 'z':
		return w[:len(w)-1] + "ces"
	case last == 's' || last == 'x':
		if syllables(w) == 1 || hasAccent(lastSyllableVowels(w)) {
			return accentOff.Replace(w) + "es" // mes → meses, autobús → autobuses
		}
		return w // la crisis → las crisis
	case hasAccent(w):
		return accentOff.Replace(w) + "es" // camión → camiones
	case last == 'n' && syllables(w) > 1:
		return addPenultAccent(w) + "es" // joven → jóvenes, examen → exámenes
	}
	return w + "es"
}

// FeminineOf returns the feminine of an adjective or noun form by rule:
// -o → -a; -or → -ora; -án, -ín, -ón, -és → -ana, -ina, -ona, -esa; other
// endings do not change.
func FeminineOf(form string) string {
	words := strings.Fields(form)
	if len(words) == 0 {
		return form
	}
	w := words[0]
	switch {
	case strings.HasSuffix(w, "o"):
		w = w[:len(w)-1] + "a"
	case strings.HasSuffix(w, "or"):
		w += "a"
	case strings.HasSuffix(w, "án"), strings.HasSuffix(w, "ín"), strings.HasSuffix(w, "ón"), strings.HasSuffix(w, "és"):
		w = accentOff.Replace(w) + "a"
	}
	words[0] = w
	return strings.Join(words, " ")
}

// SingularOf undoes the regular plural, for nouns listed in the plural
// (palomitas → palomita). It returns "" when it cannot tell.
func SingularOf(form string) string {
	words := strings.Fields(form)
	if len(words) == 0 || !strings.HasSuffix(words[0], "s") {
		return ""
	}
	w := words[0]
	switch {
	case strings.HasSuffix(w, "ces"):
		w = w[:len(w)-3] + "z"
	case strings.HasSuffix(w, "es") && !strings.ContainsRune("aeiou", rune(w[len(w)-3])):
		w = w[:len(w)-2]
	default:
		w = w[:len(w)-1]
	}
	words[0] = w
	return strings.Join(words, " ")
}

func isVowel(r rune) bool { return strings.ContainsRune("aeiouáéíóúü", r) }

func hasAccent(s string) bool { return strings.ContainsAny(s, "áéíóú") }

// vowelGroups splits w's vowels into nuclei: a weak vowel (i, u)
// next to another vowel forms one nucleus with it, unless accented.
func vowelGroups(w string) [][2]int {
	var groups [][2]int
	in := false
	prev := rune(0)
	for i, r := range w {
		v := isVowel(r)
		switch {
		case v && in && (isWeak(r) || isWeak(prev)):
			groups[len(groups)-1][1] = i + utf8.RuneLen(r)
		case v:
			groups = append(groups, [2]int{i, i + utf8.RuneLen(r)})
			in = true
		default:
			in = false
		}
		prev = r
	}
	return groups
}

func isWeak(r rune) bool { return r == 'i' || r == 'u' || r == 'ü' }

func syllables(w string) int { return len(vowelGroups(w)) }

func lastSyllableVowels(w string) string {
	g := vowelGroups(w)
	if len(g) == 0 {
		return ""
	}
	return w[g[len(g)-1][0]:g[len(g)-1][1]]
}

// addPenultAccent writes the accent on the stressed vowel of a paroxytone
// word that becomes proparoxytone in the plural (joven → jóven-es).
func addPenultAccent(w string) string {
	g := vowelGroups(w)
	nucleus := g[len(g)-2]
	best := -1
	for i, r := range w[nucleus[0]:nucleus[1]] {
		if !isWeak(r) || best < 0 {
			best = nucleus[0] + i
		}
	}
	r, size := utf8.DecodeRuneInString(w[best:])
	acc, ok := accentOn[r]
	if !ok {
		return w
	}
	return w[:best] + acc + w[best+size:]
}

// Inflect returns v's form in the given number and, for adjectives,
// gender, using the data's plural and feminine where given.
func Inflect(v *Variant, pos string, plural, feminine bool) string {
	form := v.Form
	if feminine && (pos == "adjective" || v.Feminine != "") {
		form = v.Feminine
		if form == "" {
			form = FeminineOf(v.Form)
		}
	}
	switch {
	case plural && v.Number != "plural" && (pos == "noun" || pos == "adjective"):
		if v.Plural != "" && !feminine {
			return v.Plural
		}
		return PluralOf(form)
	case !plural && v.Number == "plural":
		if s := SingularOf(form); s != "" {
			return s
		}
	}
	return form
}
