package morph

import (
	"cmp"
	"slices"
	"strings"

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
	// noteExtraAccent prefixes the note of a reading found by removing
	// the written accents of the surface form.
	noteExtraAccent = "con tilde de más (ortografía anterior a 2010 o errata): se escribe "
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
	return defaultAnalyzer().Analyze(surface)
}

// An Analyzer analyses surface forms; it caches its recent answers, so a
// hot path (align) keeps one per goroutine. The zero value is not usable:
// use NewAnalyzer. An Analyzer must not be shared between goroutines.
type Analyzer struct {
	r     *ruleSet
	buf   []byte
	found []packed
	cache map[string][]Reading
	hosts map[string][]Reading // exact readings of enclitic hosts
	// hostable are exactHost's answers.
	hostable map[string][]Reading
}

// analyzerCache bounds an Analyzer's cache; it is emptied when full.
const analyzerCache = 1 << 17

// NewAnalyzer returns an Analyzer over the embedded verb list and rules.
func NewAnalyzer() *Analyzer {
	return &Analyzer{r: rules(), cache: make(map[string][]Reading)}
}

// defaultAnalyzer returns an Analyzer for the package-level Analyze, which
// does not cache (each call gets its own scratch space).
func defaultAnalyzer() *Analyzer { return &Analyzer{r: rules()} }

// Analyze is the package-level Analyze through a's cache. The returned
// slice is shared with the cache: the caller must not modify it.
func (a *Analyzer) Analyze(surface string) []Reading {
	if a.cache != nil {
		if rs, ok := a.cache[surface]; ok {
			return rs
		}
	}
	s := norm.NFC.String(strings.ToLower(strings.TrimSpace(surface)))
	out := a.readings(s, "")
	if len(out) == 0 {
		// Not a form as written: try the form with one acute accent
		// placed on each of its vowels in turn (tenes → tenés).
		b := stripAcute(s)
		if b != s {
			// An accent too many: guiáis, huí, rió as written before the
			// Ortografía of 2010 (guiais, hui, rio), or a misplaced one.
			for _, r := range a.readings(b, "") {
				r.Note = formJoin(noteExtraAccent+"«"+b+"»", r.Note)
				out = append(out, r)
			}
		}
		for i, r := range b {
			acc, ok := acute[r]
			if !ok {
				continue
			}
			t := b[:i] + string(acc) + b[i+1:]
			if t != s {
				out = append(out, a.readings(t, t)...)
			}
		}
		slices.SortFunc(out, compareReadings)
	}
	if a.cache != nil {
		if len(a.cache) >= analyzerCache {
			clear(a.cache)
		}
		a.cache[strings.Clone(surface)] = out
	}
	return out
}

// AnalyzeExact returns the readings of a lowercase NFC form as written:
// Analyze without its readings of other spellings (tenes as tenés). It is
// the cheap call for hot paths that choose their own respellings. The
// result is shared with the cache: the caller must not modify it.
func (a *Analyzer) AnalyzeExact(s string) []Reading { return a.exact(s) }

// exact returns the readings of s as written (lowercase, NFC), without
// the accentless fallback, cached when a caches.
func (a *Analyzer) exact(s string) []Reading {
	if a.cache == nil {
		return a.readings(s, "")
	}
	if rs, ok := a.hosts[s]; ok {
		return rs
	}
	if a.hosts == nil || len(a.hosts) >= analyzerCache {
		a.hosts = make(map[string][]Reading)
	}
	rs := a.readings(s, "")
	a.hosts[strings.Clone(s)] = rs // s may alias a caller's buffer
	return rs
}

// exactHost is exact's readings of s that host enclitics (hostableCell),
// found with the rules of those cells only: most of the words the
// enclitic analysis tries are no such form, and analysing them in every
// cell was most of its time.
func (a *Analyzer) exactHost(s string) []Reading {
	if a.cache == nil {
		return a.readingsWith(s, a.r.hostRules)
	}
	if rs, ok := a.hostable[s]; ok {
		return rs
	}
	if a.hostable == nil || len(a.hostable) >= analyzerCache {
		a.hostable = make(map[string][]Reading)
	}
	rs := a.readingsWith(s, a.r.hostRules)
	a.hostable[strings.Clone(s)] = rs // s may alias a caller's buffer
	return rs
}

// readingsWith is readings(s, "") with the rules by ending given.
func (a *Analyzer) readingsWith(s string, byEnding map[string][]rule) []Reading {
	a.found = a.r.analyzeWith(a.found[:0], s, &a.buf, byEnding)
	if len(a.found) == 0 {
		return nil
	}
	out := make([]Reading, len(a.found))
	for i, r := range a.found {
		out[i] = a.r.reading(r, "")
	}
	return out
}

// readings analyses s exactly; accented, when not "", is s as the
// accented form of what was written, named in each reading's note.
func (a *Analyzer) readings(s, accented string) []Reading {
	a.found = a.r.analyze(a.found[:0], s, &a.buf)
	if len(a.found) == 0 {
		return nil
	}
	out := make([]Reading, len(a.found))
	for i, r := range a.found {
		out[i] = a.r.reading(r, accented)
	}
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

var acuteStripper = strings.NewReplacer("á", "a", "é", "e", "í", "i", "ó", "o", "ú", "u")

// stripAcute removes the acute accents; ñ and ü are letters and are kept.
func stripAcute(s string) string { return acuteStripper.Replace(s) }

func formJoin(a, b string) string {
	if b == "" {
		return a
	}
	return a + "; " + b
}
