package morph

import "strings"

// fillStems derives the stems of v from its class entry.
func (v *Verb) fillStems(e *entry) {
	v.strong, v.weak = changeStem(v.base, e.ch), v.base
	if v.class == 'i' && (e.ch == "ie" || e.ch == "ue" || e.ch == "i") {
		v.weak = weakStem(v.base)
	}
	if e.strong != "" {
		v.strong = e.strong
	}
	if e.weak != "" {
		v.weak = e.weak
	}
	v.p1, v.p1Spec = v.strong, e.ch == "y"
	if e.p1 != "" {
		v.p1, v.p1Spec = e.p1, true
	}
	v.fut = unaccent.Replace(v.base) + string(v.class) + "r"
	if e.fut != "" {
		v.fut = e.fut
	}
	v.pret, v.imp, v.part, v.ger, v.over = e.pret, e.imp, e.part, e.ger, e.over
}

// prefix turns v, built from a simple verb, into its compound.
func (v *Verb) prefix(p string, e *entry) {
	for _, s := range []*string{&v.base, &v.strong, &v.weak, &v.p1, &v.fut} {
		*s = p + *s
	}
	for _, s := range []*string{&v.pret, &v.part, &v.ger} {
		if *s != "" {
			*s = p + *s
		}
	}
	switch {
	case e.noimp:
		v.imp = ""
	case v.imp != "":
		// detén, compón, prevén: the monosyllable becomes an oxytone.
		v.imp = p + v.imp
		if strings.HasSuffix(v.imp, "n") || strings.HasSuffix(v.imp, "s") {
			v.imp = accentLast(v.imp)
		}
	}
	if v.over != nil {
		over := make(map[string][6]string, len(v.over))
		for k, six := range v.over {
			for i := range six {
				if six[i] != "" {
					six[i] = p + six[i]
				}
			}
			over[k] = six
		}
		v.over = over
	}
}

// changeStem applies a stem change to the last matching vowel of stem.
func changeStem(stem, ch string) string {
	switch ch {
	case "ie":
		return replaceLast(stem, "e", "ie")
	case "ue":
		return replaceLast(stem, "o", "ue")
	case "i":
		return replaceLast(stem, "e", "i")
	case "ju":
		return replaceLast(stem, "u", "ue")
	case "ii":
		return replaceLast(stem, "i", "ie")
	case "y":
		return stem + "y"
	case "acc":
		i := strings.LastIndexAny(stem, "iu")
		if i < 0 {
			return stem
		}
		return stem[:i] + map[byte]string{'i': "í", 'u': "ú"}[stem[i]] + stem[i+1:]
	}
	return stem
}

// weakStem raises e→i and o→u in -ir verbs (sintió, durmió, pidió).
func weakStem(stem string) string {
	i := strings.LastIndexAny(stem, "eo")
	if i < 0 {
		return stem
	}
	return stem[:i] + map[byte]string{'e': "i", 'o': "u"}[stem[i]] + stem[i+1:]
}

func replaceLast(stem, old, repl string) string {
	i := strings.LastIndex(stem, old)
	if i < 0 {
		return stem
	}
	s := stem[:i] + repl + stem[i+len(old):]
	switch {
	case strings.HasPrefix(s, "ie"): // errar → yerro
		s = "y" + s[1:]
	case strings.HasPrefix(s, "ue"): // oler → huelo
		s = "h" + s
	case repl == "ue" && strings.HasSuffix(stem[:i], "g"): // agorar → agüero
		s = stem[:i] + "üe" + stem[i+len(old):]
	}
	return s
}

// accentLast puts an acute accent on the last vowel of s.
func accentLast(s string) string {
	r := []rune(s)
	for i := len(r) - 1; i >= 0; i-- {
		if a, ok := acute[r[i]]; ok {
			r[i] = a
			return string(r)
		}
		if strings.ContainsRune("áéíóú", r[i]) {
			return s
		}
	}
	return s
}

var acute = map[rune]rune{'a': 'á', 'e': 'é', 'i': 'í', 'o': 'ó', 'u': 'ú'}

func isVowel(r rune) bool { return strings.ContainsRune("aeiouáéíóú", r) }
