// Package align checks a text against a target variety of Spanish.
//
// It produces findings (what sounds foreign in the target, where, why, and
// what to say instead) and the per-record naturalness score of DESIGN.md:
//
//	naturalness = clamp(100 − 100 · APT / max(words, 20), 0, 100)
//
// where APT is the sum of the MQM severity weights of the findings.
//
// It finds address-system problems: vosotros and its clitics and
// possessives where the target says ustedes, voseo where the target has
// none, tuteo where the target uses vos, and tú and vos mixed in one text.
// Verb forms are recognised from a table of the most frequent verbs
// (forms.go) and lexicon/morph. With a lexicon it finds lexical and taboo
// variants (lexical.go). From the target profile's conventions
// (conventions*.go) it finds decimal and grouping separators, foreign or
// ambiguous currencies, the order of numeric dates and English or
// capitalized month names, the 12- or 24-hour clock and the a. m./p. m.
// forms, quotation marks, the missing opening ¿ and ¡, and measurement
// units (conventions_units.go: U.S. customary amounts converted for a
// metric target and °C for a °F one, unit symbols as the Ortografía writes
// them). Morphology
// findings (tense.go, grammar.go): the perfect for today's past, leísmo,
// ustedes with a vosotros verb.
//
// Detect (detect*.go) ranks the candidate varieties of a text with
// probabilities that sum to 1: a log-linear sum of evidence in nats (the
// lexicon's usage levels, address markers, currency symbols and decimal
// separators, names in data/places.yaml, cue words derived from training
// data in data/cues.tsv, and a trained model's scores through Scorer),
// turned into probabilities by a softmax. It abstains when the best
// variety beats the runner-up by less than a margin calibrated on DSL-TL
// training data. Given a Detector, Align reuses its tokens, address
// markers and lexicon matches to add fit (the target's probability) and
// the most probable varieties to each Result.
//
// An Aligner is immutable and shared by all workers; each worker aligns
// through its own Worker, which keeps scratch space between records.
package align
