package morph

import "strings"

// Address returns the form of v for the given address paradigm. Voseo
// follows the DPD ("voseo"): the vos present has its own forms (rioplatense
// tenés, sos; Chilean tenís, cantái, erís; Zulian tenéis, sois), and so do
// the affirmative imperative (tené, andá; Chilean voseo takes the tuteo
// imperative) and the Chilean future (cantarís). The other tenses, the
// subjunctive and the negative imperative take the tuteo forms, the cultured
// norm; MarkedVos gives the marked alternatives (tengás). Usted and ustedes
// are the 3s and 3p forms, nosotros and vosotros the 1p and 2p; an unknown
// paradigm gives "".
func (v *Verb) Address(mood Mood, tense Tense, a Paradigm) string {
	switch a {
	case Tu:
		return v.cell(mood, tense, 1)
	case Usted:
		return v.cell(mood, tense, 2)
	case Nosotros:
		return v.cell(mood, tense, 3)
	case Vosotros:
		return v.cell(mood, tense, 4)
	case Ustedes:
		return v.cell(mood, tense, 5)
	case VosRioplatense, VosChilean, VosZulian:
		if v.lacks(mood, tense, 1) {
			return ""
		}
		if f := v.voseo(mood, tense, a); f != "" {
			return f
		}
		return v.cell(mood, tense, 1)
	}
	return ""
}

// voseo returns the specifically voseante form, or "" where vos takes the
// tuteo form.
func (v *Verb) voseo(mood Mood, tense Tense, a Paradigm) string {
	switch {
	case mood == Indicative && tense == Present:
		return v.vosPresent(a)
	case mood == Indicative && tense == Future && a == VosChilean:
		return chileanFromVosotros(v.cell(mood, tense, 4)) // cantarís
	case mood == Imperative && tense == Affirmative && a != VosChilean:
		return v.vosImperative()
	}
	return ""
}

// vosPresent derives the vos present from the vosotros form (DPD "voseo"
// 1.b): rioplatense drops the i of the diphthong (tenéis → tenés), Chilean
// keeps it after a (estáis → estái) and reduces éis to ís (tenéis → tenís),
// Zulian keeps the vosotros form.
func (v *Verb) vosPresent(a Paradigm) string {
	vosotros := v.cell(Indicative, Present, 4)
	switch {
	case a == VosRioplatense && v.Infinitive == "ser":
		return "sos"
	case a == VosRioplatense && v.Infinitive == "haber":
		return "has"
	case a == VosRioplatense:
		return rioplatenseFromVosotros(vosotros)
	case a == VosChilean && v.Infinitive == "ser":
		return "erís"
	case a == VosChilean:
		return chileanFromVosotros(vosotros)
	}
	return vosotros
}

// rioplatenseFromVosotros drops the i of the vosotros ending (tenéis → tenés).
func rioplatenseFromVosotros(f string) string {
	return replaceEnding(f, "áis", "ás", "éis", "és", "ais", "as", "eis", "es")
}

func chileanFromVosotros(f string) string {
	return replaceEnding(f, "áis", "ái", "éis", "ís", "ais", "ai")
}

// replaceEnding replaces the first matching ending of s among the
// old, new pairs; only the ending, never the stem (aisláis → aislás).
func replaceEnding(s string, pairs ...string) string {
	for i := 0; i+1 < len(pairs); i += 2 {
		if stem, ok := strings.CutSuffix(s, pairs[i]); ok {
			return stem + pairs[i+1]
		}
	}
	return s
}

// vosImperative is the vosotros imperative without its -d (cantad → cantá,
// tened → tené); ir has none and takes andá.
func (v *Verb) vosImperative() string {
	if v.Infinitive == "ir" {
		return "andá"
	}
	return accentLast(strings.TrimSuffix(v.Infinitive, "r"))
}

// MarkedVos returns the rioplatense voseo form that the cultured norm
// avoids but that occurs, marked as colloquial (DPD "voseo" 1.b): the
// present subjunctive tengás, cantés (from vosotros tengáis), the negative
// imperative no tengás and the preterite comistes. It returns "" for the
// other tenses, where Address already gives the only vos form.
func (v *Verb) MarkedVos(mood Mood, tense Tense) string {
	if v.lacks(mood, tense, 1) {
		return ""
	}
	switch {
	case mood == Subjunctive && tense == Present:
		return rioplatenseFromVosotros(v.cell(mood, tense, 4))
	case mood == Imperative && tense == Negative:
		return "no " + v.MarkedVos(Subjunctive, Present)
	case mood == Indicative && tense == Preterite:
		return v.cell(mood, tense, 1) + "s"
	}
	return ""
}
