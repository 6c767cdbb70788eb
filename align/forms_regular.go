package align

import (
	"slices"
	"strings"
)

// The regular rule. A verb listed by lemma alone gets every tense from its
// stem (the lemma minus -ar, -er, -ir) and the endings below; a verb can
// declare a stem change and list any irregular tense form by form, which
// then replaces the derived one whole.
//
//	present      tú stressed+as/es/es · vos base+ás/és/ís · Chile base+ái/ís/ís
//	             Zulia = vosotros base+áis/éis/ís · ustedes stressed+an/en/en · usted stressed+a/e/e
//	imperative   tú = usted present (piensa) · vos base+á/é/í · Chile = tú
//	             vosotros infinitive−r+d · ustedes, usted = subjunctive
//	preterite    tú = vos = Chile base+aste/iste · vosotros +asteis/isteis
//	             ustedes base+aron, raised+ieron · usted base+ó, raised+ió;
//	             a stem ending in a vowel takes -íste, -ísteis, -yeron, -yó (leer, caer, oír)
//	imperfect    tú = vos base+abas/ías · Chile +abai/íai · vosotros +abais/íais
//	future       tú = vos inf+ás · Chile inf+ís · vosotros inf+éis (inf without its accent: oir-)
//	conditional  tú = vos inf+ías · Chile inf+íai · vosotros inf+íais
//	subjunctive  tú = vos stressed'+es/as (the cultured norm; vos unstressed'+és/ás is indexed
//	             as a marked variant) · Chile raised'+ís/ái · Zulia = vosotros raised'+éis/áis
//
// Zulian forms are given for the present and the subjunctive only, where the
// sources attest them (vos tenéis, como vos queráis).
//
// Stem changes apply under stress: ie (pensar → piens-), ue (contar →
// cuent-, jugar → jueg-), i (pedir → pid-, -ir only). In -ir verbs the e of
// ie and i and the o of ue close to i and u before a stressed a or ie/ió
// (sintáis, durmieron, pidió): that is the raised stem.
//
// Spelling ('): before e, -c -g -z -gu become -qu -gu -c -gü (busques,
// llegues, empieces, averigües); before a, -g -gu become -j -g (elijas, sigas)
// and -c becomes -zc after a vowel, -z after a consonant (conozcas, convenzas).

// formsTenses are the tenses in table order.
var formsTenses = []string{"present", "imperative", "preterite", "imperfect", "future", "conditional", "subjunctive"}

// rows returns the verb's paradigms: its tenses in table order, then its
// imperatives with enclitics.
func (v *formVerb) rows() []formRow {
	st := newFormStems(v.lemma, v.stem)
	subj, ok := v.explicit["subjunctive"]
	if !ok {
		subj = st.subjunctive()
	}
	var out []formRow
	for _, tense := range formsTenses {
		if slices.Contains(v.skip, tense) {
			continue
		}
		r, ok := v.explicit[tense]
		if !ok {
			r = st.derive(tense, subj)
		}
		out = append(out, r)
	}
	return append(out, v.enclitic...)
}

// yoPreterite is the derived first person preterite (viví, busqué), the
// homograph of many vos imperatives; "" when the preterite is listed.
func (v *formVerb) yoPreterite() string {
	if _, ok := v.explicit["preterite"]; ok || slices.Contains(v.skip, "preterite") {
		return ""
	}
	st := newFormStems(v.lemma, v.stem)
	if st.class == 0 {
		return formSubjStem(st.base, 0) + "é"
	}
	return st.base + "í"
}

// formStems are the stems the regular rule builds on.
type formStems struct {
	lemma    string
	class    int    // 0 -ar, 1 -er, 2 -ir
	base     string // the lemma minus its ending: habl-, le-, o-
	stressed string // the stem under stress: piens-, vuelv-, pid-
	raised   string // the -ir stem before a stressed a or ie/ió: sint-, durm-
	future   string // the infinitive without its written accent: oir-
}

func newFormStems(lemma, change string) formStems {
	st := formStems{lemma: lemma, future: strings.ReplaceAll(lemma, "í", "i")}
	st.base = lemma[:len(lemma)-len("ar")]
	switch {
	case strings.HasSuffix(lemma, "er"):
		st.class = 1
	case strings.HasSuffix(lemma, "ír"):
		st.class, st.base = 2, lemma[:len(lemma)-len("ír")]
	case strings.HasSuffix(lemma, "ir"):
		st.class = 2
	}
	st.stressed, st.raised = formStemChange(st.base, change, st.class)
	return st
}

// formStemChange returns the stressed and the raised stem of base.
func formStemChange(base, change string, class int) (stressed, raised string) {
	stressed, raised = base, base
	switch change {
	case "ie":
		stressed = formReplaceLast(base, "e", "ie")
	case "i":
		stressed = formReplaceLast(base, "e", "i")
	case "ue":
		if stressed = formReplaceLast(base, "o", "ue"); stressed == base {
			stressed = formReplaceLast(base, "u", "ue") // jugar
		}
	}
	switch {
	case class != 2:
	case change == "ie" || change == "i":
		raised = formReplaceLast(base, "e", "i")
	case change == "ue":
		raised = formReplaceLast(base, "o", "u")
	}
	return stressed, raised
}

// end picks the ending of the verb's conjugation.
func (st formStems) end(ar, er, ir string) string {
	return [...]string{ar, er, ir}[st.class]
}

func (st formStems) derive(tense string, subj formRow) formRow {
	switch tense {
	case "present":
		return st.present()
	case "imperative":
		return st.imperative(subj)
	case "preterite":
		return st.preterite()
	case "imperfect":
		return st.imperfect()
	case "future":
		return st.futureTense()
	case "conditional":
		return st.conditional()
	}
	return subj
}

func (st formStems) present() formRow {
	vosotros := st.base + st.end("áis", "éis", "ís")
	return formRow{tense: "present", forms: [...]string{
		st.stressed + st.end("as", "es", "es"),
		st.base + st.end("ás", "és", "ís"),
		st.base + st.end("ái", "ís", "ís"),
		vosotros, vosotros,
		st.stressed + st.end("an", "en", "en"),
		st.stressed + st.end("a", "e", "e"),
	}}
}

func (st formStems) imperative(subj formRow) formRow {
	tu := st.stressed + st.end("a", "e", "e")
	return formRow{tense: "imperative", forms: [...]string{
		tu,
		st.base + st.end("á", "é", "í"),
		tu,
		"",
		strings.TrimSuffix(st.lemma, "r") + "d",
		subj.forms[5],
		subj.forms[6],
	}}
}

func (st formStems) preterite() formRow {
	tu, vosotros, ustedes, usted := st.base+"iste", st.base+"isteis", st.raised+"ieron", st.raised+"ió"
	switch {
	case st.class == 0:
		tu, vosotros, ustedes, usted = st.base+"aste", st.base+"asteis", st.base+"aron", st.base+"ó"
	case st.base != "" && strings.ContainsAny(st.base[len(st.base)-1:], "aeo"): // le-er, ca-er, o-ír
		tu, vosotros, ustedes, usted = st.base+"íste", st.base+"ísteis", st.base+"yeron", st.base+"yó"
	}
	return formRow{tense: "preterite", forms: [...]string{tu, tu, tu, "", vosotros, ustedes, usted}}
}

func (st formStems) imperfect() formRow {
	e := st.end("aba", "ía", "ía")
	return formRow{tense: "imperfect", forms: [...]string{
		st.base + e + "s", st.base + e + "s", st.base + e + "i", "",
		st.base + e + "is", st.base + e + "n", st.base + e,
	}}
}

func (st formStems) futureTense() formRow {
	f := st.future
	return formRow{tense: "future", forms: [...]string{f + "ás", f + "ás", f + "ís", "", f + "éis", f + "án", f + "á"}}
}

func (st formStems) conditional() formRow {
	f := st.future
	return formRow{tense: "conditional", forms: [...]string{f + "ías", f + "ías", f + "íai", "", f + "íais", f + "ían", f + "ía"}}
}

func (st formStems) subjunctive() formRow {
	stressed, raised := formSubjStem(st.stressed, st.class), formSubjStem(st.raised, st.class)
	vowel := st.end("e", "a", "a")
	tu := stressed + vowel + "s"
	vosotros := raised + st.end("éis", "áis", "áis")
	r := formRow{tense: "subjunctive", forms: [...]string{
		tu, tu,
		raised + st.end("ís", "ái", "ái"),
		vosotros, vosotros,
		stressed + vowel + "n",
		stressed + vowel,
	}}
	if vos := raised + st.end("és", "ás", "ás"); vos != tu {
		r.alts = []formAlt{{VoseoRioplatense, vos, formsMarkedSubj(tu)}}
	}
	return r
}

// formsMarkedSubj is the note on a vos subjunctive such as tengás.
func formsMarkedSubj(tu string) string {
	return "forma marcada: la norma culta usa la del tuteo (" + tu + ")"
}

// formSubjStem applies the spelling changes before the subjunctive vowel:
// e for -ar verbs (class 0), a for the others.
func formSubjStem(stem string, class int) string {
	if class == 0 {
		for _, c := range [...][2]string{{"gu", "gü"}, {"c", "qu"}, {"g", "gu"}, {"z", "c"}} {
			if s, ok := strings.CutSuffix(stem, c[0]); ok {
				return s + c[1]
			}
		}
		return stem
	}
	if s, ok := strings.CutSuffix(stem, "gu"); ok {
		return s + "g"
	}
	if s, ok := strings.CutSuffix(stem, "g"); ok {
		return s + "j"
	}
	if s, ok := strings.CutSuffix(stem, "c"); ok {
		if s != "" && strings.ContainsAny(s[len(s)-1:], "aeiou") {
			return s + "zc"
		}
		return s + "z"
	}
	return stem
}

// formReplaceLast replaces the last old in s with new.
func formReplaceLast(s, old, new string) string {
	i := strings.LastIndex(s, old)
	if i < 0 {
		return s
	}
	return s[:i] + new + s[i+len(old):]
}
