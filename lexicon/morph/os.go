package morph

import (
	"slices"
	"strings"
)

// datives are verbs whose person complement is a dative, so that os is
// les in ustedes: verbs of affection and the like (NGLE 2009 §35.3 (check);
// DPD "gustar", "encantar", "apetecer", "doler", "importar", "faltar",
// "parecer", "quedar", "interesar" 2, "agradar", "convenir", "bastar",
// "sobrar", "costar"). molestar is left out: with an agentive subject its
// complement is accusative (DPD "molestar"), so os molesto stays ambiguous.
var datives = map[string]bool{"gustar": true, "encantar": true, "parecer": true,
	"doler": true, "importar": true, "faltar": true, "quedar": true,
	"apetecer": true, "interesar": true, "agradar": true, "desagradar": true,
	"convenir": true, "bastar": true, "sobrar": true, "costar": true,
	"corresponder": true, "fascinar": true, "disgustar": true}

// clitics lists the unstressed pronouns, skipped when looking for the verb
// after a proclitic.
var clitics = map[string]bool{"me": true, "te": true, "se": true, "nos": true,
	"os": true, "lo": true, "la": true, "los": true, "las": true, "le": true, "les": true}

const msgOs = "«os» puede ser complemento directo (los, las) o indirecto (les); el texto no lo decide (DPD «os»)"

// os converts the proclitic os of a vosotros text (see ConvertText).
func (c *converter) os(i int) {
	if n := c.nextWord(i); n >= 0 && isAccusative3(c.toks[n].low) {
		c.edit(i, i, "se", "os-se-lo")
		return
	}
	verbs := c.governing(i)
	switch {
	case slices.ContainsFunc(verbs, c.finiteVosotros):
		c.edit(i, i, "se", "os-reflexive")
	case slices.ContainsFunc(verbs, c.dative):
		c.edit(i, i, "les", "os-dative")
	default:
		c.ambiguous(i, []string{"los", "las", "les"}, msgOs)
	}
}

// governing returns the verb that the proclitic at i goes with, after any
// other clitics, and the participle after it when it is haber (os ha
// gustado).
func (c *converter) governing(i int) []int {
	k := i + 1
	for k < len(c.toks) && c.toks[k].word && clitics[c.toks[k].low] {
		k++
	}
	if k >= len(c.toks) || !c.toks[k].word {
		return nil
	}
	out := []int{k}
	isHaber := slices.ContainsFunc(cachedAnalyze(c.toks[k].low), func(r Reading) bool {
		return r.Lemma == "haber" && r.Mood != NonFinite
	})
	if n := c.nextWord(k); isHaber && n >= 0 {
		out = append(out, n)
	}
	return out
}

// finiteVosotros reports whether token k is a finite vosotros form.
func (c *converter) finiteVosotros(k int) bool {
	return slices.ContainsFunc(cachedAnalyze(c.toks[k].low), func(r Reading) bool {
		return r.Paradigm == Vosotros && r.Mood != NonFinite
	})
}

func (c *converter) dative(k int) bool {
	return slices.ContainsFunc(cachedAnalyze(c.toks[k].low), func(r Reading) bool {
		return datives[r.Lemma]
	})
}

// encliticOs converts os on an infinitive or gerund (sentaros, veros),
// reporting whether token i was one.
func (c *converter) encliticOs(i int) bool {
	t := c.toks[i]
	if !strings.Contains(t.low, "os") {
		return false
	}
	var r *CliticReading
	for _, cr := range cachedAnalyzeEnclitic(t.low) {
		if cr.Mood == NonFinite && cr.Note == "" && slices.Contains(cr.Clitics, "os") {
			r = &cr
			break
		}
	}
	if r == nil {
		return false
	}
	v, err := Lookup(r.Lemma)
	if err != nil {
		return false
	}
	form := func(repl string) string {
		return v.Enclitic(r.Mood, r.Tense, "", replaceClitic(r.Clitics, "os", repl)...)
	}
	switch {
	case len(osCandidates(r.Clitics)) == 1:
		c.edit(i, i, form("se"), "os-se-lo")
	case c.clauseHasVosotros(i):
		c.edit(i, i, form("se"), "os-reflexive")
	case datives[r.Lemma]:
		c.edit(i, i, form("les"), "os-dative")
	default:
		c.ambiguous(i, []string{form("los"), form("las"), form("les")}, msgOs)
	}
	return true
}

// clauseHasVosotros reports whether another word of the clause of token i
// is a finite vosotros form (vais a sentaros).
func (c *converter) clauseHasVosotros(i int) bool {
	lo, hi := c.around(i, clauseOf)
	for k := lo; k < hi; k++ {
		if k != i && c.toks[k].word && c.finiteVosotros(k) {
			return true
		}
	}
	return false
}

// se converts the proclitic se of an ustedes text whose verb has ustedes
// as subject in the clause (ustedes se sientan → vosotros os sentáis):
// alone it is reflexive, os; before lo, la… it may be the dative se of
// se lo (a ellos), so it is reported.
func (c *converter) se(i int) {
	verbs := c.governing(i)
	if len(verbs) == 0 || !c.hasSubject(i) || !slices.ContainsFunc(verbs, func(k int) bool {
		return slices.ContainsFunc(cachedAnalyze(c.toks[k].low), func(r Reading) bool {
			return r.Person == P3p && r.Mood != NonFinite
		})
	}) {
		return
	}
	if n := c.nextWord(i); n >= 0 && isAccusative3(c.toks[n].low) {
		c.ambiguous(i, []string{"os", "se"},
			"«se lo» puede ser reflexivo (os lo) o el dativo «se» de «se lo» (a ellos)")
		return
	}
	c.edit(i, i, "os", "se-reflexive")
}
