package morph

import "strings"

// Regular endings by conjugation ('a' for -ar; 'e' and 'i' for -er, -ir).
var (
	presEnd = map[byte][6]string{
		'a': {"o", "as", "a", "amos", "áis", "an"},
		'e': {"o", "es", "e", "emos", "éis", "en"},
		'i': {"o", "es", "e", "imos", "ís", "en"},
	}
	pretEnd = map[byte][6]string{
		'a': {"é", "aste", "ó", "amos", "asteis", "aron"},
		'e': {"í", "iste", "ió", "imos", "isteis", "ieron"},
	}
	imperfEnd = map[byte][6]string{
		'a': {"aba", "abas", "aba", "ábamos", "abais", "aban"},
		'e': {"ía", "ías", "ía", "íamos", "íais", "ían"},
	}
	subjEnd = map[byte][6]string{
		'a': {"e", "es", "e", "emos", "éis", "en"},
		'e': {"a", "as", "a", "amos", "áis", "an"},
	}
	strongEnd = [6]string{"e", "iste", "o", "imos", "isteis", "ieron"}
	futEnd    = [6]string{"é", "ás", "á", "emos", "éis", "án"}
	condEnd   = [6]string{"ía", "ías", "ía", "íamos", "íais", "ían"}
)

// stressed reports whether a present form stresses its stem (1s, 2s, 3s, 3p).
func stressed(i int) bool { return i != 3 && i != 4 }

// pair maps -ir to the -er endings where the two share them.
func (v *Verb) pair() byte {
	if v.class == 'a' {
		return 'a'
	}
	return 'e'
}

// Form returns the form of v in the standard paradigm: 2s is tú and 2p is
// vosotros. It returns "" for cells that do not exist (imperative 1s) or
// for an unknown mood, tense or person.
func (v *Verb) Form(mood Mood, tense Tense, p Person) string {
	i := personIndex(p)
	if i < 0 {
		return ""
	}
	return v.cell(mood, tense, i)
}

func (v *Verb) cell(mood Mood, tense Tense, i int) string {
	if v.lacks(mood, tense, i) {
		return ""
	}
	if six, ok := v.over[string(mood)+"."+string(tense)]; ok && six[i] != "" {
		return six[i]
	}
	switch mood {
	case Indicative:
		return monosyllable(v.indicative(tense, i))
	case Subjunctive:
		return monosyllable(v.subjunctive(tense, i))
	case Imperative:
		return v.imperative(tense, i)
	}
	return ""
}

func (v *Verb) indicative(t Tense, i int) string {
	switch t {
	case Present:
		return v.present(i)
	case Preterite:
		return v.preterite(i)
	case Imperfect:
		return join(v.base, imperfEnd[v.pair()][i], v.class, false)
	case Future:
		return v.fut + futEnd[i]
	case Conditional:
		return v.fut + condEnd[i]
	}
	return ""
}

func (v *Verb) present(i int) string {
	end := presEnd[v.class][i]
	switch {
	case i == 0:
		return join(v.p1, end, v.class, !v.p1Spec)
	case stressed(i):
		return join(v.strong, end, v.class, true)
	}
	return join(v.base, end, v.class, true)
}

func (v *Verb) preterite(i int) string {
	if v.pret != "" {
		end := strongEnd[i]
		if i == 5 && strings.HasSuffix(v.pret, "j") {
			end = "eron"
		}
		return join(v.pret, end, 'e', true)
	}
	stem := v.base
	if i == 2 || i == 5 {
		stem = v.weak
	}
	return join(stem, pretEnd[v.pair()][i], v.class, true)
}

func (v *Verb) subjunctive(t Tense, i int) string {
	switch t {
	case Present:
		stem, respell := v.p1, !v.p1Spec
		if !stressed(i) && !v.p1Spec {
			stem = v.weak
		}
		return join(stem, subjEnd[v.pair()][i], v.class, respell)
	case ImperfectRa, ImperfectSe, FutureSubj:
		return v.pastSubj(t, i)
	}
	return ""
}

// pastSubj derives the -ra, -se and future subjunctive from the preterite
// 3p, as the grammar does: tuvieron → tuviera, tuviese, tuviere.
func (v *Verb) pastSubj(t Tense, i int) string {
	stem := strings.TrimSuffix(v.cell(Indicative, Preterite, 5), "ron")
	if i == 3 {
		stem = accentLast(stem)
	}
	suffix := map[Tense]string{ImperfectRa: "ra", ImperfectSe: "se", FutureSubj: "re"}[t]
	return stem + suffix + [6]string{"", "s", "", "mos", "is", "n"}[i]
}

func (v *Verb) imperative(t Tense, i int) string {
	switch {
	case i == 0:
		return ""
	case t == Negative:
		return "no " + v.cell(Subjunctive, Present, i)
	case t != Affirmative:
		return ""
	case i == 1 && v.imp != "":
		return v.imp
	case i == 1:
		return v.cell(Indicative, Present, 2)
	case i == 4:
		return strings.TrimSuffix(v.Infinitive, "r") + "d"
	}
	return v.cell(Subjunctive, Present, i)
}

// Gerund returns the gerund (cantando, sintiendo, leyendo).
func (v *Verb) Gerund() string {
	if v.ger != "" {
		return v.ger
	}
	if v.class == 'a' {
		return v.base + "ando"
	}
	return join(v.weak, "iendo", v.class, false)
}

// Participle returns the masculine singular past participle.
func (v *Verb) Participle() string {
	if v.part != "" {
		return v.part
	}
	if v.class == 'a' {
		return v.base + "ado"
	}
	return join(v.base, "ido", v.class, false)
}

// Perfect returns the compound tense whose auxiliary haber is in the given
// mood and tense: Perfect(Indicative, Present, P1s) is "he cantado",
// Perfect(Subjunctive, ImperfectRa, P3s) "hubiera cantado". It returns ""
// where the auxiliary has no form.
func (v *Verb) Perfect(mood Mood, tense Tense, p Person) string {
	aux := haberVerb().Form(mood, tense, p)
	if aux == "" || mood == Imperative {
		return ""
	}
	return aux + " " + v.Participle()
}

// haberVerb is the auxiliary; the embedded table always has it.
func haberVerb() *Verb {
	v, err := Lookup("haber")
	if err != nil {
		panic("morph: haber missing from classes.tsv: " + err.Error())
	}
	return v
}
