package morph

// Mood is a grammatical mood.
type Mood string

// The moods.
const (
	Indicative  Mood = "indicative"
	Subjunctive Mood = "subjunctive"
	Imperative  Mood = "imperative"
)

// Tense is a simple tense within a mood; Affirmative and Negative are the
// two "tenses" of the imperative.
type Tense string

// The simple tenses.
const (
	Present     Tense = "present"
	Preterite   Tense = "preterite"
	Imperfect   Tense = "imperfect"
	Future      Tense = "future"
	Conditional Tense = "conditional"
	ImperfectRa Tense = "imperfect-ra"
	ImperfectSe Tense = "imperfect-se"
	FutureSubj  Tense = "future-subj"
	Affirmative Tense = "affirmative"
	Negative    Tense = "negative"
)

// Person is a grammatical person and number in the standard paradigm.
type Person string

// The persons; 2s is tú and 2p is vosotros.
const (
	P1s Person = "1s"
	P2s Person = "2s"
	P3s Person = "3s"
	P1p Person = "1p"
	P2p Person = "2p"
	P3p Person = "3p"
)

// Persons lists the persons in paradigm order.
var Persons = [6]Person{P1s, P2s, P3s, P1p, P2p, P3p}

// Paradigm is the form of address used for a second person.
type Paradigm string

// The address paradigms. VosRioplatense also covers Central American voseo.
const (
	Tu             Paradigm = "tu"
	VosRioplatense Paradigm = "vos-rioplatense"
	VosChilean     Paradigm = "vos-chilean"
	VosZulian      Paradigm = "vos-zulian"
	Usted          Paradigm = "usted"
	Nosotros       Paradigm = "nosotros"
	Vosotros       Paradigm = "vosotros"
	Ustedes        Paradigm = "ustedes"
)

func personIndex(p Person) int {
	for i, q := range Persons {
		if q == p {
			return i
		}
	}
	return -1
}
