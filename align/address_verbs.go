package align

import (
	"fmt"
	"strings"

	"github.com/habla-es/habla/token"
)

// tenseNames are the Spanish names of the tenses in messages.
var tenseNames = map[string]string{
	"present":     "presente",
	"imperative":  "imperativo",
	"preterite":   "pretérito perfecto simple",
	"imperfect":   "pretérito imperfecto",
	"future":      "futuro",
	"conditional": "condicional",
	"subjunctive": "presente de subjuntivo",

	"imperfect-subjunctive-ra": "pretérito imperfecto de subjuntivo",
	"imperfect-subjunctive-se": "pretérito imperfecto de subjuntivo",
	"future-subjunctive":       "futuro de subjuntivo",
}

// systemNames are the Spanish names of address systems in messages.
var systemNames = map[System]string{
	Tuteo:            "tuteo",
	VoseoRioplatense: "voseo",
	VoseoChilean:     "voseo chileno",
	VoseoZulian:      "voseo zuliano",
	Vosotros:         "vosotros",
	Ustedes:          "ustedes",
}

// checkVerb flags a verb form none of whose readings is at home in the
// target, with the target's form of the same verb and tense.
func (n *addressNorm) checkVerb(m *marker, tok token.Token, ctx context) (Finding, bool) {
	if m.systems&n.accepts != 0 {
		return Finding{}, false
	}
	r := m.readings[0]
	conf := 0.95
	if m.weak {
		conf = 0.6
	}
	singular := m.systems&singularAll != 0
	plural := m.systems&Vosotros != 0
	decided := ""
	if m.weak {
		// A homograph (está, oí, tomate) counts only because the rest of
		// the text backs its address reading: say so.
		decided = "lo decide el resto del texto, que usa " + describeSystems(m.systems&ctx.systems)
	}
	if singular && plural { // vosotros or zulian voseo: tenéis
		// Outside Zulia the vosotros reading is by far the likelier (it
		// is what Peninsular text leaks), unless the text says vos.
		switch {
		case ctx.vosPron && !ctx.vosotrosPro:
			plural, decided = false, "se lee como voseo porque el texto usa «vos»"
		case ctx.vosotrosPro:
			singular, decided = false, "se lee como vosotros porque el texto usa vosotros, os o vuestro"
		default:
			singular, decided, conf = false, "se lee como vosotros porque el texto no usa «vos»", 0.8
		}
	}
	var sugg []string
	var with []string
	if singular {
		if s, ok := n.formFor(m.readings, n.singular); ok {
			sugg, with = append(sugg, matchCase(tok.Text, s)), append(with, systemNames[n.singular])
		}
	}
	if plural {
		if s, ok := n.formFor(m.readings, Ustedes); ok {
			sugg, with = append(sugg, matchCase(tok.Text, s)), append(with, "ustedes")
		}
	}
	shown := m.systems
	if !singular {
		shown &= Vosotros
	}
	if !plural {
		shown &^= Vosotros
	}
	msg := n.verbMessage(m, r, shown, sugg, with, decided)
	rule := "address/" + ruleSystem(m.systems) + "-verb"
	return newFinding(tok, Major, rule, msg, conf, sugg...), true
}

// formFor is the form of the marker's verb and tense in system s.
func (n *addressNorm) formFor(rs []FormReading, s System) (string, bool) {
	for _, r := range rs {
		if f, ok := r.Paradigm.Forms[s]; ok && f != "" {
			return f, true
		}
		if s != Tuteo { // a voseo form not in the table: fall back on tú
			if f, ok := r.Paradigm.Forms[Tuteo]; ok && f != "" {
				return f, true
			}
		}
	}
	return "", false
}

func (n *addressNorm) verbMessage(m *marker, r FormReading, shown System, sugg, with []string, decided string) string {
	// Written piece by piece (fmt's %s of a string is the string): one
	// of these per verb finding, the commonest kind.
	var b strings.Builder
	b.Grow(160)
	for _, s := range [...]string{"«", m.lower, "» es una forma de ", describeSystems(shown), " (",
		r.Paradigm.Lemma, ", ", tenseNames[r.Paradigm.Tense], "), que no se usa ", n.where} {
		b.WriteString(s)
	}
	for i := range sugg {
		if i == 0 {
			b.WriteString("; ")
		} else {
			b.WriteString(" o ")
		}
		b.WriteString("con ")
		b.WriteString(with[i])
		b.WriteString(": «")
		b.WriteString(sugg[i])
		b.WriteString("»")
	}
	if decided != "" {
		b.WriteString(" (")
		b.WriteString(decided)
		b.WriteString(")")
	}
	if r.Note != "" {
		b.WriteString("; ")
		b.WriteString(r.Note)
	}
	if r.Homograph != "" {
		b.WriteString("; ojo: también puede ser ")
		b.WriteString(r.Homograph)
	}
	b.WriteString(".")
	return b.String()
}

func describeSystems(s System) string {
	var names []string
	for _, bit := range []System{Tuteo, VoseoRioplatense, VoseoChilean, VoseoZulian, Vosotros} {
		if s&bit != 0 {
			names = append(names, systemNames[bit])
		}
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " o " + names[len(names)-1]
}

func ruleSystem(s System) string {
	switch {
	case s&Vosotros != 0:
		return "vosotros"
	case s&Tuteo != 0: // tú's form, also Chilean voseo's imperative
		return "tuteo"
	case s&voseoAll != 0:
		return "voseo"
	}
	return "tuteo"
}

// checkMixed flags a text that mixes tuteo and voseo where the target
// accepts both one by one (Antioquia, Central America), on the first marker
// of the less frequent system. Verbal voseo with the pronoun tú (Chile) is
// the norm there, not a mix.
func (n *addressNorm) checkMixed(ms []marker, ts []token.Token, ctx context) []Finding {
	if n.verbal || ctx.systems&Tuteo == 0 || ctx.systems&voseoAll == 0 {
		return nil
	}
	var tu, vos []*marker
	for i := range ms {
		switch m := &ms[i]; {
		case m.weak:
		case m.systems == Tuteo:
			tu = append(tu, m)
		case m.systems&^voseoAll == 0:
			vos = append(vos, m)
		}
	}
	if len(tu) == 0 || len(vos) == 0 {
		return nil
	}
	minority, majority, to := tu, "voseo", n.accepts&voseoAll
	if len(vos) < len(tu) || (len(vos) == len(tu) && vos[0].tok > tu[0].tok) {
		minority, majority, to = vos, "tuteo", Tuteo
	}
	m := minority[0]
	var sugg []string
	if s, ok := n.mixedSuggestion(m, to); ok {
		sugg = append(sugg, matchCase(ts[m.tok].Text, s))
	}
	msg := fmt.Sprintf("El texto mezcla tuteo y voseo (%d y %d formas); conviene usar uno solo, aquí el %s.", len(tu), len(vos), majority)
	return []Finding{newFinding(ts[m.tok], Minor, "address/mixed", msg, 0.9, sugg...)}
}

// mixedSuggestion is the marker's equivalent in system to.
func (n *addressNorm) mixedSuggestion(m *marker, to System) (string, bool) {
	if m.pronoun == nil {
		return n.formFor(m.readings, to)
	}
	switch {
	case m.lower == "vos":
		return "tú", true
	case m.lower == "contigo":
		return "con vos", true
	}
	return "vos", true
}
