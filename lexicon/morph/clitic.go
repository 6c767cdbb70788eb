package morph

import (
	"errors"
	"fmt"
	"strings"
)

// InfinitiveForm is the Tense of the infinitive as a host of enclitic
// pronouns: Enclitic(NonFinite, InfinitiveForm, "", "se", "lo") is dárselo.
const InfinitiveForm Tense = "infinitive"

// ErrClitics is wrapped by CliticCluster for a sequence of pronouns that
// Spanish does not combine or order that way.
var ErrClitics = errors.New("invalid clitic cluster")

// cliticRank is the slot of each unstressed pronoun in a cluster (NGLE
// 2009 §16.4: se precedes the second person, which precedes the first,
// which precedes the third: se te lo, se me lo, te me…, me lo).
var cliticRank = map[string]int{
	"se": 0, "te": 1, "os": 1, "me": 2, "nos": 2,
	"lo": 3, "la": 3, "los": 3, "las": 3, "le": 3, "les": 3,
}

func isAccusative3(c string) bool {
	return c == "lo" || c == "la" || c == "los" || c == "las"
}

// CliticCluster checks and normalises a sequence of unstressed pronouns,
// in the order they are written. Each slot holds at most one pronoun and
// the slots come in the order se, te/os, me/nos, third person (NGLE §16.4).
// le or les before lo, la, los, las becomes se, as the grammar requires
// (le lo → se lo: NGLE §16.4; DPD "se", 1.1), so the result may differ
// from the input; any other cluster is an error wrapping ErrClitics.
func CliticCluster(clitics ...string) ([]string, error) {
	out := make([]string, len(clitics))
	for i, c := range clitics {
		c = strings.ToLower(c)
		if i+1 < len(clitics) && (c == "le" || c == "les") &&
			isAccusative3(strings.ToLower(clitics[i+1])) {
			c = "se"
		}
		out[i] = c
	}
	last := -1
	for _, c := range out {
		r, ok := cliticRank[c]
		switch {
		case !ok:
			return nil, fmt.Errorf("morph: %q is not an unstressed pronoun: %w", c, ErrClitics)
		case r <= last:
			return nil, fmt.Errorf("morph: %s: %q out of order: %w",
				strings.Join(out, " "), c, ErrClitics)
		}
		last = r
	}
	return out, nil
}

// Enclitic returns the form of v with the unstressed pronouns attached
// after it, written as one word with its accent placed by the general rules
// (Ortografía 2010, §4.6.1.3: the compound is accented as any other word):
// siéntate, sentate, dámelo, decime, decímelo, diciéndomelo, dárselo.
//
// Modern Spanish attaches pronouns only to the affirmative imperative, the
// infinitive and the gerund (NGLE §16.11), so the hosts are
// (Imperative, Affirmative, a) for every paradigm a — Chilean voseo takes
// the tuteo imperative, siéntate — and (NonFinite, InfinitiveForm, "") and
// (NonFinite, GerundForm, ""), where a is ignored. Any other cell gives "".
//
// The cluster goes through CliticCluster (so le lo becomes se lo) and must
// suit the imperative's addressee: the second-person pronoun of an
// imperative is the addressee's own (te for tú and vos, os for vosotros,
// none for usted and ustedes, whose reflexive is se), se on a tú, vos,
// vosotros or nosotros imperative is only the dative se of se lo, and a
// nosotros imperative takes no me and no os. Clusters that fail give "".
//
// The host changes before some pronouns (NGLE §16.11; DPD "imperativo"):
// the vosotros imperative loses its -d before os (sentaos, vestíos), except
// idos (ir); the RAE also accepts iros, colloquially (DPD "ir", 2022 RAE
// note), which AnalyzeEnclitic reads with a note but Enclitic never
// writes. The nosotros imperative loses its -s before nos and se
// (sentémonos, digámoselo), and ir takes vamos before nos (vámonos).
func (v *Verb) Enclitic(mood Mood, tense Tense, a Paradigm, clitics ...string) string {
	cl, err := CliticCluster(clitics...)
	if err != nil || len(cl) == 0 {
		return ""
	}
	host, drop := v.encliticHost(mood, tense, a, cl)
	if host == "" {
		return ""
	}
	return attach(host, drop, cl)
}

// encliticHost returns the host form of the cell and how many final letters
// it loses before the cluster, or "" where the cell takes no enclitics or
// the cluster does not suit it.
func (v *Verb) encliticHost(mood Mood, tense Tense, a Paradigm, cl []string) (string, int) {
	switch {
	case mood == NonFinite && tense == InfinitiveForm:
		return v.Infinitive, 0
	case mood == NonFinite && tense == GerundForm:
		return v.Gerund(), 0
	case mood != Imperative || tense != Affirmative || !suits(a, cl):
		return "", 0
	}
	host := v.Address(mood, tense, a)
	switch {
	case host == "":
		return "", 0
	case a == Vosotros && cl[0] == "os" && v.Infinitive != "ir":
		return host, 1 // sentad → senta-os
	case a == Nosotros && v.Infinitive == "ir" && cl[0] == "nos":
		return "vamos", 1
	case a == Nosotros && (cl[0] == "nos" || cl[0] == "se"):
		return host, 1 // sentemos → sentemo-nos
	}
	return host, 0
}

// suits reports whether an imperative addressed with paradigm a can host
// the cluster cl (see Enclitic).
func suits(a Paradigm, cl []string) bool {
	own := map[Paradigm]string{Tu: "te", VosRioplatense: "te", VosChilean: "te",
		VosZulian: "te", Vosotros: "os"}[a]
	for i, c := range cl {
		switch {
		case c == "se" && a != Usted && a != Ustedes &&
			(i+1 == len(cl) || !isAccusative3(cl[i+1])):
			return false
		case (c == "te" || c == "os") && a != Nosotros && c != own:
			return false
		case a == Nosotros && (c == "me" || c == "os"):
			return false
		}
	}
	return true
}

// attach writes host+clitics as one word: the stress stays on the host's
// stressed vowel and the written accent follows the general rules.
// The host loses its last drop letters first; its stress is found before.
func attach(host string, drop int, cl []string) string {
	r := []rune(host)
	k := stressIndex(r)
	word := []rune(unaccent.Replace(string(r[:len(r)-drop])) + strings.Join(cl, ""))
	return string(writeStress(word, k))
}

// stressIndex returns the index of the stressed vowel of a word: the one
// with a written accent, else the one the general rules imply (words in a
// vowel, n or s stress the penultimate syllable, others the last).
func stressIndex(r []rune) int {
	for i, c := range r {
		if strings.ContainsRune("áéíóú", c) {
			return i
		}
	}
	ns := nuclei(r)
	if len(ns) == 0 {
		return -1
	}
	n := ns[len(ns)-1]
	if last := r[len(r)-1]; len(ns) > 1 && (isVowel(last) || last == 'n' || last == 's') {
		n = ns[len(ns)-2]
	}
	return nucleusVowel(r, n)
}

// nucleusVowel picks the vowel of a nucleus that carries the stress: the
// strong one, or the second of two weak ones (cuídate, incluir).
func nucleusVowel(r []rune, n [2]int) int {
	for i := n[0]; i < n[1]; i++ {
		if strong(r[i]) {
			return i
		}
	}
	return n[1] - 1
}

// writeStress returns word (without written accents) with the accent that
// the general rules (Ortografía 2010, §4.6.1) require for stress on word[k]:
// oxytones in a vowel, n or s, all proparoxytones, paroxytones in another
// letter, and a stressed i or u in hiatus with a strong vowel (oírlo, reírse).
func writeStress(word []rune, k int) []rune {
	if k < 0 || k >= len(word) {
		return word
	}
	marked := append([]rune(nil), word...)
	marked[k] = acute[marked[k]]
	ns := nuclei(marked)
	pos := -1
	for j, n := range ns {
		if n[0] <= k && k < n[1] {
			pos = len(ns) - 1 - j
		}
	}
	last := word[len(word)-1]
	plain := isVowel(last) || last == 'n' || last == 's'
	hiatus := !strong(marked[k]) && (k > 0 && strong(word[k-1]) ||
		k+1 < len(word) && strong(word[k+1]))
	if pos >= 2 || pos == 0 && plain && len(ns) > 1 || pos == 1 && !plain || hiatus {
		return marked
	}
	return word
}

// nuclei returns the syllable nuclei of r as [start, end) rune ranges, by
// the rules of syllables: a written-accented í or ú and two strong vowels
// are in hiatus; any other vowel sequence is one nucleus.
func nuclei(r []rune) [][2]int {
	var out [][2]int
	for i, c := range r {
		if !isVowel(c) {
			continue
		}
		if i > 0 && isVowel(r[i-1]) && !splits(r[i-1], c) {
			out[len(out)-1][1] = i + 1
			continue
		}
		out = append(out, [2]int{i, i + 1})
	}
	return out
}

func splits(prev, c rune) bool {
	switch {
	case !strong(prev) && !strong(c):
		return false // ui, iu: always a diphthong in spelling (Ortografía 2010, §4.6.2.2)
	case strong(prev) && strong(c):
		return true
	}
	return strings.ContainsRune("íú", c) || strings.ContainsRune("íú", prev)
}
