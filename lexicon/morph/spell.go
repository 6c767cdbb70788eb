package morph

import "strings"

// join attaches an ending to a stem of a verb of the given conjugation,
// applying the spelling rules that keep the stem's sound:
// c→qu, g→gu, gu→gü, z→c before e (-ar); c→z, g→j, gu→g, qu→c before a, o
// (-er, -ir); unstressed i→y between vowels (leyó); í after a strong vowel
// (leí, oímos); i dropped after ñ, ll and i (gruñó, bulló, rieron).
// respell is false for stems that already carry an insertion (conozc-, teng-).
func join(stem, end string, class byte, respell bool) string {
	if end == "" {
		return stem
	}
	if respell {
		stem = respellStem(stem, end, class)
	}
	if !strings.HasPrefix(end, "i") || stem == "" {
		return stem + end
	}
	rest := end[1:]
	nextVowel := rest != "" && isVowel([]rune(rest)[0])
	switch {
	case nextVowel && (strings.HasSuffix(stem, "ñ") || strings.HasSuffix(stem, "ll") ||
		strings.HasSuffix(stem, "i")):
		return stem + rest
	case nextVowel && endsInVowel(stem):
		return stem + "y" + rest
	case !nextVowel && strings.ContainsAny(lastRune(stem), "aeo"):
		return stem + "í" + rest
	}
	return stem + end
}

// respellStem adjusts the last consonant of stem before end.
func respellStem(stem, end string, class byte) string {
	front := strings.HasPrefix(end, "e") || strings.HasPrefix(end, "é")
	back := strings.HasPrefix(end, "a") || strings.HasPrefix(end, "o") ||
		strings.HasPrefix(end, "á") || strings.HasPrefix(end, "ó")
	var rules [][2]string
	switch {
	case class == 'a' && front:
		rules = [][2]string{{"gu", "gü"}, {"c", "qu"}, {"g", "gu"}, {"z", "c"}}
	case class != 'a' && back:
		rules = [][2]string{{"gu", "g"}, {"qu", "c"}, {"c", "z"}, {"g", "j"}}
	}
	for _, r := range rules {
		if s, ok := strings.CutSuffix(stem, r[0]); ok {
			return s + r[1]
		}
	}
	return stem
}

// endsInVowel reports whether stem ends in a vowel sound; the u of gu and
// qu is only a spelling.
func endsInVowel(stem string) bool {
	l := lastRune(stem)
	if l == "u" {
		return !strings.HasSuffix(stem, "gu") && !strings.HasSuffix(stem, "qu")
	}
	return isVowel([]rune(l)[0])
}

func lastRune(s string) string {
	r := []rune(s)
	return string(r[len(r)-1])
}

// monosyllable drops the written accent of a form that is a monosyllable
// under the Ortografía (2010) rule that an unstressed i, u next to a vowel,
// and any ui, iu, form a diphthong for spelling: guie, guio, rio, riais,
// hui, huis (not guié, rió, huí).
func monosyllable(s string) string {
	if !strings.ContainsAny(s, "áéíóú") || syllables(s) != 1 {
		return s
	}
	return unaccent.Replace(s)
}

var unaccent = strings.NewReplacer("á", "a", "é", "e", "í", "i", "ó", "o", "ú", "u")

// syllables counts the syllables of s: vowel runs, split between two strong
// vowels and around a stressed í or ú.
func syllables(s string) int {
	n := 0
	var prev rune
	for _, r := range s {
		switch {
		case !isVowel(r):
			prev = 0
			continue
		case prev == 0:
			n++
		case !strong(prev) && !strong(r): // ui, iu: always a diphthong (hui)
		case strong(prev) && strong(r), strings.ContainsRune("íú", r),
			strings.ContainsRune("íú", prev):
			n++
		}
		prev = r
	}
	return n
}

func strong(r rune) bool { return strings.ContainsRune("aeoáéó", r) }
