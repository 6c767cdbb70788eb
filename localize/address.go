package localize

import (
	"slices"
	"strings"

	"github.com/habla-es/habla/align"
	"github.com/habla-es/habla/lexicon/morph"
)

// Confidence of address edits: ConvertText's certain forms and pronouns;
// forms made certain by the clause (tú cantas); a form it chose among
// several readings by the frequent verb (dime → decime, dimí also
// possible); a possessive su that the sentence may make ambiguous
// (vuestro → su, or de ustedes).
const (
	confAddressCertain  = 0.95
	confAddressContext  = 0.9
	confAddressFrequent = 0.75
	confAddressSu       = 0.6
)

// addressCandidates converts text's address by p with ConvertText, as a
// whole or not at all: its candidates form one group, so that one task
// among them (an ambiguous os, an edit below the threshold, a finding it
// could not convert) keeps every edit of the conversion from being
// applied. A text half in tú and half in vos is worse than either, and
// a second pass would read the half-converted text differently. An
// edit or an ambiguity of ConvertText counts only where align found an
// address problem in the same place: align decides what is foreign
// (it leaves contraseñas, digitales and the acronym ID alone, which
// ConvertText would read as tuteo, voseo and vosotros verbs), ConvertText
// how to say it in the target. An edit takes the lower of the two
// confidences; an edit for which ConvertText reported alternatives keeps
// them for the task it becomes below the threshold; an ambiguity with no
// edit is a task.
func addressCandidates(text string, p plan, fs []align.Finding) []candidate {
	if !slices.ContainsFunc(fs, p.flags) {
		return nil // nothing ConvertText could do would count: spare it
	}
	conv := morph.ConvertText(text, p.from, p.to)
	if conv.Err != nil {
		return nil
	}
	var cs []candidate
	for _, e := range conv.Edits {
		if f := addressFinding(fs, e.Start, e.End); f != nil {
			cs = append(cs, editCandidate(e, f, p, conv, fs))
			continue
		}
		// Unbacked: a noun ConvertText took for a verb (contraseñas), or a
		// form the target also accepts (queréis for Zulian vos). It is no
		// task, but the conversion cannot be whole without it: Ustedes
		// queréis would be worse than Vosotros queréis.
		cs = append(cs, candidate{edit: Edit{ByteStart: e.Start, ByteEnd: e.End, From: e.From,
			To: e.To, Rule: "address/" + e.Rule}, reason: ReasonUnbacked, silent: true})
	}
	for _, a := range conv.Ambiguities {
		if slices.ContainsFunc(conv.Edits, func(e morph.Edit) bool { return e.Start == a.Start && e.End == a.End }) {
			continue
		}
		f := addressFinding(fs, a.Start, a.End)
		if f == nil {
			// Revisa may be tú's imperative or él's present: no task,
			// but converting Mantén beside it could leave the text half
			// in tú (Revisa…, Mantené…).
			cs = append(cs, candidate{edit: Edit{ByteStart: a.Start, ByteEnd: a.End, From: a.Text,
				Rule: "address/ambiguous"}, reason: ReasonUnbacked, silent: true})
			continue
		}
		cs = append(cs, candidate{edit: Edit{ByteStart: a.Start, ByteEnd: a.End, From: a.Text,
			Rule: "address/ambiguous", Confidence: 0.5}, alts: a.Candidates, kind: align.Address,
			severity: f.Severity, message: a.Message, reason: ReasonAmbiguous})
	}
	cs = append(cs, unconverted(fs, p, cs)...)
	for i := range cs {
		cs[i].group = "address/" + string(p.from)
	}
	return cs
}

// editCandidate is ConvertText's edit e, which align's finding f backs.
func editCandidate(e morph.Edit, f *align.Finding, p plan, conv morph.Conversion, fs []align.Finding) candidate {
	c := candidate{edit: Edit{ByteStart: e.Start, ByteEnd: e.End, From: e.From, To: e.To,
		Rule: "address/" + e.Rule, Confidence: confAddressCertain}, kind: align.Address,
		severity: f.Severity, message: f.Message}
	if e.Rule == "verb-context" {
		c.edit.Confidence = confAddressContext
	}
	if k := slices.IndexFunc(conv.Ambiguities, func(a morph.Ambiguity) bool {
		return a.Start == e.Start && a.End == e.End
	}); k >= 0 {
		a := conv.Ambiguities[k]
		c.alts, c.message = a.Candidates, a.Message
		c.edit.Confidence = confAddressFrequent
		if e.Rule == "possessive" {
			c.edit.Confidence = confAddressSu
		}
	}
	c.edit.Confidence = min(c.edit.Confidence, f.Confidence)
	if p.from == morph.Vosotros && lonePlural(e, conv.Edits, fs) {
		c.edit.Confidence = min(c.edit.Confidence, confLonePlural)
	}
	return c
}

// unconverted are the address findings about p's source system that
// ConvertText neither converted nor reported: they keep the conversion's
// group from being applied, since the text would come out half converted.
func unconverted(fs []align.Finding, p plan, cs []candidate) []candidate {
	var out []candidate
	for i := range fs {
		f := &fs[i]
		if f.Kind != align.Address || !strings.Contains(f.Rule, systemWords[p.from]) ||
			slices.ContainsFunc(cs, func(c candidate) bool {
				return c.edit.ByteStart < f.ByteEnd && f.ByteStart < c.edit.ByteEnd
			}) {
			continue
		}
		c := findingCandidate(f)
		c.reason = firstNonEmpty(c.reason, ReasonManual)
		out = append(out, c)
	}
	return out
}

// confLonePlural is the confidence of a vosotros imperative with os that
// is the text's only sign of vosotros: correos (corred + os) is far more
// often the plural of correo.
const confLonePlural = 0.5

// lonePlural reports whether e is an enclitic form in -os and nothing else
// in the text (no other edit, no other address finding) speaks vosotros.
func lonePlural(e morph.Edit, edits []morph.Edit, fs []align.Finding) bool {
	if e.Rule != "enclitic" || !strings.HasSuffix(strings.ToLower(e.From), "os") {
		return false
	}
	for _, o := range edits {
		if o.Start != e.Start {
			return false
		}
	}
	for i := range fs {
		if fs[i].Kind == align.Address && (fs[i].ByteStart >= e.End || fs[i].ByteEnd <= e.Start) &&
			strings.HasPrefix(fs[i].Rule, "address/vosotros") {
			return false
		}
	}
	return true
}

// systemWords name the source system in align's address rules
// (address/tuteo-verb, address/vosotros-clitic…).
var systemWords = map[morph.Paradigm]string{morph.Tu: "tuteo", morph.VosRioplatense: "voseo",
	morph.Vosotros: "vosotros"}

// flags reports whether f is an address finding about p's source system
// (or about tú and vos mixed).
func (p plan) flags(f align.Finding) bool {
	return f.Kind == align.Address &&
		(strings.Contains(f.Rule, systemWords[p.from]) || f.Rule == "address/mixed")
}

// addressFinding is the address finding overlapping bytes [start, end), or nil.
func addressFinding(fs []align.Finding, start, end int) *align.Finding {
	for i := range fs {
		if fs[i].Kind == align.Address && fs[i].ByteStart < end && start < fs[i].ByteEnd {
			return &fs[i]
		}
	}
	return nil
}
