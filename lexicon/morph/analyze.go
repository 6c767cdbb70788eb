package morph

import (
	"cmp"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/unicode/norm"
)

// Non-finite forms in a Reading: Mood NonFinite with Tense GerundForm or
// ParticipleForm, and no person.
const (
	NonFinite      Mood  = "nonfinite"
	GerundForm     Tense = "gerund"
	ParticipleForm Tense = "participle"
)

// Notes attached to readings.
const (
	// NoteMarkedVos marks the rioplatense voseo forms that the cultured norm
	// avoids (tengás, no tengás, comistes); see MarkedVos.
	NoteMarkedVos = "voseo no normativo (coloquial)"
	// noteNoAccent prefixes the note of a reading found only by ignoring
	// the written accents of the surface form.
	noteNoAccent = "sin tilde: se lee como "
)

// Reading is one analysis of a surface form.
type Reading struct {
	Lemma  string
	Mood   Mood
	Tense  Tense
	Person Person // "" for the gerund and the participle
	// Paradigm is the form of address of a second person: Tu or a voseo for
	// 2s, Vosotros for 2p, Usted and Ustedes for the imperative 3s and 3p.
	// Other indicative and subjunctive 3s and 3p forms also serve usted and
	// ustedes; they carry no paradigm. "" otherwise.
	Paradigm Paradigm
	// Note qualifies the reading: NoteMarkedVos, or a missing written accent
	// ("sin tilde: se lee como vos «tenés»").
	Note string
}

// Analyze returns every reading of a surface form among the verbs of the
// list: finite forms of every simple tense, person and address paradigm
// (the negative imperative as "no cantes"), the gerund and the participle.
// Written accents are significant: hablás is vos, hablas tú. A form that
// matches nothing as written but matches once its acute accents are ignored
// (tenes for tenés) gets the readings of the accented form, each with a note
// naming it. Enclitic pronouns are not analysed. Case is ignored. Readings
// are sorted by lemma, mood, tense, person and paradigm.
func Analyze(surface string) []Reading {
	idx := analysisIndex()
	s := norm.NFC.String(strings.ToLower(strings.TrimSpace(surface)))
	if sp, ok := idx.exact[s]; ok {
		out := make([]Reading, sp.n)
		for i, r := range idx.readings[sp.off : sp.off+sp.n] {
			out[i] = idx.reading(r, "")
		}
		return out
	}
	var out []Reading
	sp := idx.bare[stripAcute(s)]
	for _, form := range idx.forms[sp.off : sp.off+sp.n] {
		e := idx.exact[form]
		for _, r := range idx.readings[e.off : e.off+e.n] {
			out = append(out, idx.reading(r, form))
		}
	}
	slices.SortFunc(out, compareReadings)
	return out
}

// packed is a compact reading: indexes into verbList, cells, Persons and
// paradigms. Its field order is the sort order of readings.
type packed struct {
	verb     uint32
	cell     uint8
	person   uint8 // index in Persons, or noPerson
	paradigm uint8 // index in paradigms
	note     uint8 // 0 or 1 (NoteMarkedVos)
}

const noPerson = 6

// cells are the mood and tense pairs of the index, in reading order.
var cells = [...]struct {
	mood  Mood
	tense Tense
}{
	{Indicative, Present}, {Indicative, Preterite}, {Indicative, Imperfect},
	{Indicative, Future}, {Indicative, Conditional},
	{Subjunctive, Present}, {Subjunctive, ImperfectRa}, {Subjunctive, ImperfectSe},
	{Subjunctive, FutureSubj},
	{Imperative, Affirmative}, {Imperative, Negative},
	{NonFinite, GerundForm}, {NonFinite, ParticipleForm},
}

// paradigms lists the paradigms; index 0 is "no paradigm".
var paradigms = [...]Paradigm{"", Tu, VosRioplatense, VosChilean, VosZulian,
	Usted, Nosotros, Vosotros, Ustedes}

func paradigmIndex(p Paradigm) uint8 {
	return uint8(slices.Index(paradigms[:], p))
}

// span is a slice of index.readings or index.forms.
type span struct{ off, n uint32 }

type index struct {
	verbs    []string
	exact    map[string]span // surface form → its sorted readings
	readings []packed
	bare     map[string]span // accent-stripped form → accented forms
	forms    []string
	// failed lists verbs of the list that Lookup rejects; they are skipped.
	failed []string
}

func (idx *index) reading(r packed, accented string) Reading {
	c := cells[r.cell]
	out := Reading{Lemma: idx.verbs[r.verb], Mood: c.mood, Tense: c.tense,
		Paradigm: paradigms[r.paradigm]}
	if r.person != noPerson {
		out.Person = Persons[r.person]
	}
	if r.note == 1 {
		out.Note = NoteMarkedVos
	}
	if accented != "" {
		n := noteNoAccent
		if strings.HasPrefix(string(out.Paradigm), "vos-") {
			n += "vos "
		}
		n += "«" + accented + "»"
		if out.Note != "" {
			n += "; " + out.Note
		}
		out.Note = n
	}
	return out
}

func compareReadings(a, b Reading) int {
	return cmp.Or(
		strings.Compare(a.Lemma, b.Lemma),
		cmp.Compare(cellIndex(a.Mood, a.Tense), cellIndex(b.Mood, b.Tense)),
		cmp.Compare(personOrder(a.Person), personOrder(b.Person)),
		cmp.Compare(paradigmIndex(a.Paradigm), paradigmIndex(b.Paradigm)),
		strings.Compare(a.Note, b.Note),
	)
}

func cellIndex(m Mood, t Tense) int {
	for i, c := range cells {
		if c.mood == m && c.tense == t {
			return i
		}
	}
	return len(cells)
}

func personOrder(p Person) int {
	if i := personIndex(p); i >= 0 {
		return i
	}
	return noPerson
}

// stdParadigm is the paradigm of a standard-paradigm cell.
func stdParadigm(m Mood, i int) Paradigm {
	switch {
	case i == 1:
		return Tu
	case i == 4:
		return Vosotros
	case m == Imperative && i == 2:
		return Usted
	case m == Imperative && i == 5:
		return Ustedes
	}
	return ""
}

var analysisIndex = sync.OnceValue(buildIndex)

func buildIndex() *index {
	idx := &index{verbs: verbList()}
	exact := make(map[string][]packed)
	add := func(form string, r packed) {
		if form != "" {
			exact[form] = append(exact[form], r)
		}
	}
	for n, inf := range idx.verbs {
		v, err := Lookup(inf)
		if err != nil {
			idx.failed = append(idx.failed, inf)
			continue
		}
		vi := uint32(n)
		for ci, c := range cells {
			cell := uint8(ci)
			if c.mood == NonFinite {
				f := v.Gerund()
				if c.tense == ParticipleForm {
					f = v.Participle()
				}
				add(f, packed{vi, cell, noPerson, 0, 0})
				continue
			}
			for i := range Persons {
				add(v.cell(c.mood, c.tense, i),
					packed{vi, cell, uint8(i), paradigmIndex(stdParadigm(c.mood, i)), 0})
			}
			for _, a := range []Paradigm{VosRioplatense, VosChilean, VosZulian} {
				add(v.Address(c.mood, c.tense, a), packed{vi, cell, 1, paradigmIndex(a), 0})
			}
			add(v.MarkedVos(c.mood, c.tense),
				packed{vi, cell, 1, paradigmIndex(VosRioplatense), 1})
		}
	}
	// Flatten the readings into one array, in the order of the forms.
	keys := make([]string, 0, len(exact))
	for form := range exact {
		keys = append(keys, form)
	}
	slices.Sort(keys)
	idx.exact = make(map[string]span, len(keys))
	bare := make(map[string][]string)
	for _, form := range keys {
		rs := exact[form]
		slices.SortFunc(rs, func(a, b packed) int {
			return cmp.Or(cmp.Compare(a.verb, b.verb), cmp.Compare(a.cell, b.cell),
				cmp.Compare(a.person, b.person), cmp.Compare(a.paradigm, b.paradigm),
				cmp.Compare(a.note, b.note))
		})
		// One reading per lemma, cell, person and paradigm: the normative one.
		rs = slices.CompactFunc(rs, func(a, b packed) bool {
			return a.verb == b.verb && a.cell == b.cell && a.person == b.person &&
				a.paradigm == b.paradigm
		})
		idx.exact[form] = span{uint32(len(idx.readings)), uint32(len(rs))}
		idx.readings = append(idx.readings, rs...)
		if b := stripAcute(form); b != form {
			bare[b] = append(bare[b], form) // sorted, as keys are
		}
	}
	idx.readings = slices.Clip(idx.readings)
	idx.bare = make(map[string]span, len(bare))
	for b, forms := range bare {
		idx.bare[b] = span{uint32(len(idx.forms)), uint32(len(forms))}
		idx.forms = append(idx.forms, forms...)
	}
	idx.forms = slices.Clip(idx.forms)
	return idx
}

var acuteStripper = strings.NewReplacer("á", "a", "é", "e", "í", "i", "ó", "o", "ú", "u")

// stripAcute removes the acute accents; ñ and ü are letters and are kept.
func stripAcute(s string) string { return acuteStripper.Replace(s) }
