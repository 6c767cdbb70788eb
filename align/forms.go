package align

import (
	_ "embed"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// System is an address system a second-person verb form can belong to (a bit set).
type System uint8

// The address systems. Ustedes and Usted forms are everyone's: they are kept in
// Paradigm.Forms as suggestion targets and never indexed as markers.
const (
	Tuteo            System = 1 << iota // tú
	VoseoRioplatense                    // vos: rioplatense and central-american paradigm (tenés, tené, sos)
	VoseoChilean                        // vos chileno (tenís, estái)
	VoseoZulian                         // vos zuliano (tenéis, vivís, sois)
	Vosotros                            // vosotros/vosotras
	Ustedes                             // ustedes (the American plural; also suggestion target)
	Usted                               // usted (formal singular; suggestion target only)
)

// formSystems lists the single-bit systems in bit order with their names in
// System.String and their keys in data/forms.yaml.
var formSystems = [...]struct {
	sys       System
	name, key string
}{
	{Tuteo, "tuteo", "tu"},
	{VoseoRioplatense, "voseo-rioplatense", "vos"},
	{VoseoChilean, "voseo-chilean", "vos-cl"},
	{VoseoZulian, "voseo-zulian", "vos-zu"},
	{Vosotros, "vosotros", "vosotros"},
	{Ustedes, "ustedes", "ustedes"},
	{Usted, "usted", "usted"},
}

// formsMarkers are the systems whose forms are indexed by LookupForm.
const formsMarkers = Tuteo | VoseoRioplatense | VoseoChilean | VoseoZulian | Vosotros

// String names the systems in s joined by "|", e.g. "tuteo|voseo-rioplatense";
// the empty set is "none".
func (s System) String() string {
	if s == 0 {
		return "none"
	}
	var names []string
	for _, fs := range formSystems {
		if s&fs.sys != 0 {
			names = append(names, fs.name)
			s &^= fs.sys
		}
	}
	if s != 0 {
		names = append(names, "0x"+strconv.FormatUint(uint64(s), 16))
	}
	return strings.Join(names, "|")
}

// Paradigm is one verb in one tense: its second-person forms by system.
type Paradigm struct {
	Lemma  string
	Tense  string // "present", "imperative", "preterite", "imperfect", "future", "conditional", "subjunctive"
	Clitic string // "" or the enclitic(s) for imperative rows, e.g. "te", "me"
	// Forms has one entry per single system bit; missing = not attested / not
	// applicable. Where a system has a marked variant (vos tengás beside the
	// normative tengas), Forms holds the normative one: it is the suggestion.
	Forms map[System]string
}

// FormReading is one reading of a surface form.
type FormReading struct {
	Paradigm *Paradigm
	// Systems is every system whose form in this paradigm is this surface,
	// counting the marked and spelling variants that are indexed beside
	// Paradigm.Forms (vos tengás, Chilean estai without its accent).
	Systems System
	// Homograph is non-empty when the surface is also a common non-verb word
	// or another person's form, saying what in Spanish so that it reads after
	// "también puede ser": "la forma de él, ella o usted (presente de mirar)".
	Homograph string
	// Note qualifies a variant reading, in Spanish, e.g. "forma marcada: la
	// norma culta usa la del tuteo (tengas)".
	Note string
}

// LookupForm returns the readings of a lowercase surface form with its written accents kept
// (hablás and hablas differ only there: never look up a folded form). Ustedes and usted forms are
// not indexed as markers (they are everyone's), only present in Paradigm.Forms for suggestions.
// The result is shared: callers must not modify it. Unknown words give nil.
func LookupForm(lower string) []FormReading {
	return loadedForms().byForm[lower]
}

//go:embed data/forms.yaml
var formsYAML []byte

// formsPath is where the embedded table lives, for error messages.
const formsPath = "align/data/forms.yaml"

// loadedForms is the table built from the embedded YAML. The data ships
// with the binary and a test loads it, so a failure here is a build defect.
var loadedForms = sync.OnceValue(func() *formTable {
	t, err := loadForms(formsPath, formsYAML)
	if err != nil {
		panic("align: embedded verb forms: " + err.Error())
	}
	return t
})

// formTable is the verb-form table: every paradigm and the marker index.
type formTable struct {
	verbs     int
	sources   []formsSource
	paradigms []*Paradigm
	variants  map[*Paradigm][]formAlt
	byForm    map[string][]FormReading
}

// formAlt is an indexed variant of a system's form in one paradigm.
type formAlt struct {
	sys        System
	form, note string
}

// formRow is a paradigm before indexing: forms by system index (the order
// of formSystems) and the variants.
type formRow struct {
	tense, clitic string
	forms         [len(formSystems)]string
	alts          []formAlt
}

// newFormTable derives every verb's paradigms and indexes their surfaces.
func newFormTable(doc *formsDoc) (*formTable, error) {
	t := &formTable{verbs: len(doc.verbs), sources: doc.sources,
		variants: map[*Paradigm][]formAlt{}, byForm: map[string][]FormReading{}}
	others := map[string][]string{} // surface → other persons' forms it also is
	for _, v := range doc.verbs {
		for _, r := range v.rows() {
			t.add(r, v.lemma, others)
		}
		if yo := v.yoPreterite(); yo != "" {
			formAddOther(others, yo, "la forma de yo ("+formsTenseEs["preterite"]+" de "+v.lemma+")")
		}
	}
	return t, t.markHomographs(doc, others)
}

// add indexes one row and records its third-person forms as possible
// homographs of other surfaces.
func (t *formTable) add(r formRow, lemma string, others map[string][]string) {
	p := &Paradigm{Lemma: lemma, Tense: r.tense, Clitic: r.clitic, Forms: map[System]string{}}
	for i, f := range r.forms {
		if f != "" {
			p.Forms[formSystems[i].sys] = f
		}
	}
	alts := slices.Concat(r.alts, formChileanSpellings(r))
	t.paradigms = append(t.paradigms, p)
	if len(alts) > 0 {
		t.variants[p] = alts
	}
	for _, rd := range formReadingsOf(p, alts) {
		t.byForm[rd.surface] = append(t.byForm[rd.surface], FormReading{Paradigm: p, Systems: rd.systems, Note: rd.note})
	}
	if r.tense == "imperative" || r.clitic != "" {
		return // usted and ustedes imperatives are the subjunctive's forms
	}
	tense := formsTenseEs[r.tense]
	if f := p.Forms[Usted]; f != "" {
		formAddOther(others, f, "la forma de "+formsThirdPersons[r.tense]+" ("+tense+" de "+lemma+")")
	}
	if f := p.Forms[Ustedes]; f != "" {
		formAddOther(others, f, "la forma de ellos, ellas o ustedes ("+tense+" de "+lemma+")")
	}
}

// formSurface is one indexed surface of a paradigm.
type formSurface struct {
	surface string
	systems System
	note    string
}

// formReadingsOf groups the marker forms and variants of p by surface, in
// system order.
func formReadingsOf(p *Paradigm, alts []formAlt) []formSurface {
	var out []formSurface
	at := func(s string) *formSurface {
		for i := range out {
			if out[i].surface == s {
				return &out[i]
			}
		}
		out = append(out, formSurface{surface: s})
		return &out[len(out)-1]
	}
	for _, fs := range formSystems {
		if f := p.Forms[fs.sys]; f != "" && fs.sys&formsMarkers != 0 {
			at(f).systems |= fs.sys
		}
	}
	for _, a := range alts {
		rd := at(a.form)
		rd.systems |= a.sys
		if a.note != "" && !strings.Contains(rd.note, a.note) {
			rd.note = formJoinNonEmpty("; ", rd.note, a.note)
		}
	}
	return out
}

// formChileanSpellings adds the informal spelling without the written accent
// of Chilean -ái forms (estái → estai, tengái → tengai), common in writing.
func formChileanSpellings(r formRow) []formAlt {
	var out []formAlt
	forms := []string{r.forms[2]}
	for _, a := range r.alts {
		if a.sys == VoseoChilean {
			forms = append(forms, a.form)
		}
	}
	for _, f := range forms {
		if base, ok := strings.CutSuffix(f, "ái"); ok {
			out = append(out, formAlt{VoseoChilean, base + "ai", "grafía informal sin tilde"})
		}
	}
	return out
}

// markHomographs fills FormReading.Homograph from other persons' forms and
// the curated list of non-verb homographs.
func (t *formTable) markHomographs(doc *formsDoc, others map[string][]string) error {
	for _, h := range doc.homographs {
		if _, ok := t.byForm[h.surface]; !ok {
			return &formsLoadError{Line: h.line, Col: h.col,
				Msg: "homograph " + strconv.Quote(h.surface) + " is not a form in the table"}
		}
		formAddOther(others, h.surface, h.desc)
	}
	for s, rs := range t.byForm {
		h := strings.Join(others[s], " o ")
		for i := range rs {
			rs[i].Homograph = h
		}
	}
	return nil
}

func formAddOther(others map[string][]string, surface, desc string) {
	if !slices.Contains(others[surface], desc) {
		others[surface] = append(others[surface], desc)
	}
}

func formJoinNonEmpty(sep string, parts ...string) string {
	return strings.Join(slices.DeleteFunc(parts, func(s string) bool { return s == "" }), sep)
}

// formsTenseEs names the tenses in Spanish, for homograph descriptions.
var formsTenseEs = map[string]string{
	"present":     "presente",
	"preterite":   "pretérito perfecto simple",
	"imperfect":   "pretérito imperfecto",
	"future":      "futuro",
	"conditional": "condicional",
	"subjunctive": "presente de subjuntivo",
}

// formsThirdPersons says who else the usted form serves in each tense: in
// the imperfect, conditional and subjunctive it is also the yo form.
var formsThirdPersons = map[string]string{
	"present":     "él, ella o usted",
	"preterite":   "él, ella o usted",
	"future":      "él, ella o usted",
	"imperfect":   "yo, él, ella o usted",
	"conditional": "yo, él, ella o usted",
	"subjunctive": "yo, él, ella o usted",
}
