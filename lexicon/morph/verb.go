package morph

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"golang.org/x/text/unicode/norm"
)

// ErrNotVerb is returned by Lookup for a word that is not an infinitive.
var ErrNotVerb = errors.New("not an -ar, -er or -ir infinitive")

// Verb is a lemma with its conjugation class, ready to generate forms.
// A Verb is immutable and safe for concurrent use; Lookup shares them.
type Verb struct {
	// Infinitive is the lemma, lower case and NFC.
	Infinitive string

	class  byte   // 'a', 'e' or 'i': the conjugation
	base   string // infinitive minus its ending: cant-, ten-
	strong string // stem of stressed present forms: tien-
	weak   string // -ir stem before a stressed ending vowel: sint-, durm-
	p1     string // present 1s and subjunctive stem: teng-
	p1Spec bool   // p1 is not derived from strong (insertion): no respelling
	pret   string // strong preterite stem: tuv-
	fut    string // future stem: tendr-
	imp    string // tú imperative when not the present 3s
	part   string
	ger    string
	over   map[string][6]string
}

// prefixes that form compounds of the cmp verbs in classes.tsv.
// The table lists only the simple verb, so a prefix must never create a
// false compound: pretender is not pre+tender (tender is not cmp).
var prefixes = []string{
	"abs", "a", "ante", "atra", "bien", "com", "con", "contra", "de", "des",
	"dis", "en", "entre", "equi", "ex", "im", "inter", "man", "o", "ob", "per",
	"pos", "pre", "pro", "re", "retro", "sobre", "son", "sos", "su", "sus",
	"super", "tras",
}

// Lookup returns the verb for an infinitive. Verbs absent from the embedded
// table are conjugated by rule (including the predictable classes: -uir,
// -ducir, vowel + -cer/-cir, -uar); compounds of irregular verbs are found
// by prefix. Verbs are cached, so repeated lookups are cheap.
func Lookup(infinitive string) (*Verb, error) {
	if v, ok := cache.Load(infinitive); ok {
		return v.(*Verb), nil
	}
	inf := norm.NFC.String(strings.ToLower(strings.TrimSpace(infinitive)))
	if !isInfinitive(inf) {
		return nil, fmt.Errorf("%q: %w", infinitive, ErrNotVerb)
	}
	v, err := lookup(inf)
	if err == nil {
		cache.Store(infinitive, v)
	}
	return v, err
}

// cache maps Lookup's argument to its verb.
var cache sync.Map

func lookup(inf string) (*Verb, error) {
	tab, err := classes()
	if err != nil {
		return nil, err
	}
	if e, ok := tab[inf]; ok {
		return build(inf, "", e)
	}
	if lemma, prefix, ok := compound(tab, inf, 2); ok {
		return build(lemma, prefix, tab[lemma])
	}
	return build(inf, "", ruleClass(inf))
}

// compound splits inf into prefixes and a cmp verb of the table, with at
// most depth prefixes (descomponer, predisponer).
func compound(tab map[string]*entry, inf string, depth int) (lemma, prefix string, ok bool) {
	if depth == 0 {
		return "", "", false
	}
	for _, p := range prefixes {
		rest, cut := strings.CutPrefix(inf, p)
		if !cut {
			continue
		}
		if e, found := tab[rest]; found && e.cmp {
			return rest, p, true
		}
		if l, q, found := compound(tab, rest, depth-1); found {
			return l, p + q, true
		}
	}
	return "", "", false
}

func isInfinitive(s string) bool {
	for _, end := range []string{"ar", "er", "ir", "ír"} {
		if strings.HasSuffix(s, end) {
			return true
		}
	}
	return false
}

// ruleClass gives the class of a verb absent from the table.
func ruleClass(inf string) *entry {
	e := &entry{}
	b := stemOf(inf)
	switch {
	case strings.HasSuffix(inf, "ducir"):
		e.p1 = b[:len(b)-1] + "zc"
		e.pret = b[:len(b)-1] + "j"
	case strings.HasSuffix(inf, "uir") && !strings.HasSuffix(inf, "guir") &&
		!strings.HasSuffix(inf, "quir"):
		e.ch = "y"
	case (strings.HasSuffix(inf, "cer") || strings.HasSuffix(inf, "cir")) &&
		len(b) >= 2 && isVowel(rune(b[len(b)-2])):
		e.p1 = b[:len(b)-1] + "zc"
	case strings.HasSuffix(inf, "uar") && !strings.HasSuffix(inf, "guar") &&
		!strings.HasSuffix(inf, "cuar"):
		e.ch = "acc"
	}
	return e
}

func stemOf(inf string) string {
	r := []rune(inf)
	return string(r[:len(r)-2])
}

// build makes the verb prefix+lemma from the class of lemma.
func build(lemma, prefix string, e *entry) (*Verb, error) {
	r := []rune(lemma)
	if len(r) < 2 || r[len(r)-1] != 'r' {
		return nil, fmt.Errorf("morph: %q: %w", prefix+lemma, ErrNotVerb)
	}
	v := &Verb{Infinitive: prefix + lemma, base: stemOf(lemma)}
	switch r[len(r)-2] {
	case 'a':
		v.class = 'a'
	case 'e':
		v.class = 'e'
	case 'i', 'í':
		v.class = 'i'
	default:
		return nil, fmt.Errorf("morph: %q: %w", prefix+lemma, ErrNotVerb)
	}
	v.fillStems(e)
	if prefix != "" {
		v.prefix(prefix, e)
	}
	return v, nil
}
