package morph

// Defective verbs lack some cells; Form, Address and the analysis give
// nothing for them. Only verbs the DPD calls defective in present-day
// use are listed: abolir is not (the NGLE, § 4.14, accepts its full
// conjugation), nor the weather verbs, whose figurative uses take every
// person (DPD, s. v. «llover»).
var defective = map[string]func(mood Mood, tense Tense, i int) bool{
	// DPD, s. v. «atañer», «concernir», «acaecer», «acontecer»: used only
	// in the third persons (and the non-finite forms).
	"atañer":    thirdOnly,
	"concernir": thirdOnly,
	"acaecer":   thirdOnly,
	"acontecer": thirdOnly,
	// DPD, s. v. «soler»: no future, conditional, imperative nor future
	// subjunctive (what it says is habitual cannot be future or an order).
	"soler": func(mood Mood, tense Tense, _ int) bool {
		return tense == Future || tense == Conditional || tense == FutureSubj ||
			mood == Imperative
	},
	// DPD, s. v. «balbucir»: no present 1s and no present subjunctive
	// (balbucear supplies them); so no usted, nosotros or ustedes
	// imperative either.
	"balbucir": func(mood Mood, tense Tense, i int) bool {
		return mood == Indicative && tense == Present && i == 0 ||
			mood == Subjunctive && tense == Present ||
			mood == Imperative && (tense == Negative || i != 1 && i != 4)
	},
}

func thirdOnly(mood Mood, _ Tense, i int) bool {
	return i != 2 && i != 5 || mood == Imperative
}

// Defective reports whether v lacks the form of a standard-paradigm cell.
func (v *Verb) Defective(mood Mood, tense Tense, p Person) bool {
	return v.lacks(mood, tense, personIndex(p))
}

func (v *Verb) lacks(mood Mood, tense Tense, i int) bool {
	f := defective[v.Infinitive]
	return f != nil && f(mood, tense, i)
}
