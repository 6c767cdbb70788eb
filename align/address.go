package align

import (
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/habla-es/habla/dialects"
	"github.com/habla-es/habla/token"
)

// voseoAll is every voseo paradigm.
const voseoAll = VoseoRioplatense | VoseoChilean | VoseoZulian

// singularAll is every singular informal system.
const singularAll = Tuteo | voseoAll

// pronoun is an address pronoun or possessive and the system it marks.
type pronoun struct {
	system System
	role   string // subject, prepositional, comitative, clitic, possessive
}

// pronouns are the address words recognised without a conjugator. "tu"
// (possessive) and "te" are shared by tú and vos and mark nothing.
// Source: RAE/ASALE, Diccionario panhispánico de dudas, "voseo" and "vosotros".
var pronouns = map[string]*pronoun{
	"tú":       {Tuteo, "subject"},
	"ti":       {Tuteo, "prepositional"},
	"contigo":  {Tuteo, "comitative"},
	"vos":      {voseoAll, "subject"},
	"vosotros": {Vosotros, "subject"},
	"vosotras": {Vosotros, "subject"},
	"os":       {Vosotros, "clitic"},
	"vuestro":  {Vosotros, "possessive"},
	"vuestra":  {Vosotros, "possessive"},
	"vuestros": {Vosotros, "possessive"},
	"vuestras": {Vosotros, "possessive"},
}

// markerWord is what one lookup tells of a lowercase word: the pronoun it
// is, or its readings in the form table.
type markerWord struct {
	pronoun  *pronoun
	readings []FormReading
}

// markerWords joins pronouns and the form table's index in one map, so
// that a word that is neither costs one lookup.
var markerWords = sync.OnceValue(func() map[string]markerWord {
	m := make(map[string]markerWord, len(pronouns)+len(loadedForms().byForm))
	for w, rs := range loadedForms().byForm {
		m[w] = markerWord{readings: rs}
	}
	for w, p := range pronouns {
		m[w] = markerWord{pronoun: p}
	}
	return m
})

// marker is a token that says something about the address system.
type marker struct {
	tok      int // index into the tokens
	lower    string
	pronoun  *pronoun
	readings []FormReading
	systems  System // every system the marker can belong to
	weak     bool   // only homograph readings: counts only with support
}

// collectMarkers appends the address markers among ts to dst. buf is
// scratch space for lowercasing, so that the common case, a word that is
// no marker, costs two map lookups and no allocation.
func collectMarkers(dst []marker, ts []token.Token, buf []byte, mr *morphReader) ([]marker, []byte) {
	words := markerWords()
	for i := range ts {
		if ts[i].Kind != token.Word {
			continue
		}
		if isAllCaps(ts[i].Text) && len(ts[i].Text) <= 3 {
			continue // OS, VOS as acronyms
		}
		var key string
		key, buf = lowerKey(ts[i].Text, buf)
		mw := words[key]
		p, isPronoun, rs := mw.pronoun, mw.pronoun != nil, mw.readings
		if !isPronoun && len(rs) == 0 && mr != nil && !midSentenceName(ts, i) {
			rs = mr.readings(key)
		}
		if !isPronoun && len(rs) == 0 {
			continue
		}
		lower := strings.Clone(key)
		if isPronoun {
			dst = append(dst, marker{tok: i, lower: lower, pronoun: p, systems: p.system})
			continue
		}
		dst = append(dst, verbMarker(i, lower, rs))
	}
	return dst, buf
}

// midSentenceName reports whether word i is capitalised inside a sentence,
// as names are (París, Marqués): morph does not read those as verbs.
func midSentenceName(ts []token.Token, i int) bool {
	r, _ := utf8.DecodeRuneInString(ts[i].Text)
	if !isUpperRune(r) {
		return false
	}
	for j := i - 1; j >= 0; j-- {
		switch ts[j].Kind {
		case token.Word, token.Number:
			return true
		case token.Punct:
			return !sentenceMarks.in(ts[j].Text)
		}
	}
	return false
}

func verbMarker(i int, lower string, rs []FormReading) marker {
	m := marker{tok: i, lower: lower, readings: rs, weak: true}
	for _, r := range rs {
		m.systems |= r.Systems
		if r.Homograph == "" {
			m.weak = false
		}
	}
	return m
}

// lowerKey returns s lowercased with its accents kept. ASCII words are
// lowered into buf and returned as a string that aliases buf, valid until
// the next call: callers clone it to keep it.
func lowerKey(s string, buf []byte) (string, []byte) {
	upper := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return token.Lower(s), buf
		}
		upper = upper || ('A' <= c && c <= 'Z')
	}
	if !upper {
		return s, buf
	}
	buf = buf[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return unsafe.String(unsafe.SliceData(buf), len(buf)), buf
}

// addressNorm is what the target variety accepts.
type addressNorm struct {
	p        *dialects.Profile
	accepts  System // systems whose verb forms are at home
	tuPron   bool
	vosPron  bool
	singular System // the system suggestions use for one person
	verbal   bool   // verbal voseo with the pronoun tú (Chile)
	where    string // "en Venezuela", for messages
}

func newAddressNorm(p *dialects.Profile) addressNorm {
	a := p.Address
	n := addressNorm{p: p, tuPron: a.HasInformal("tú"), vosPron: a.HasInformal("vos"), singular: Tuteo}
	n.where = "en " + p.Names.Es
	if n.tuPron {
		n.accepts |= Tuteo
	}
	vs := paradigmSystem(a.Voseo.Paradigm)
	if a.Voseo.Type != "" && a.Voseo.Type != "none" {
		n.accepts |= vs
		n.verbal = a.Voseo.Type == "verbal"
	}
	if len(a.Informal) > 0 && a.Informal[0] == "vos" && vs != 0 {
		n.singular = vs
	}
	if a.UsesVosotros() {
		n.accepts |= Vosotros
	}
	return n
}

func paradigmSystem(paradigm string) System {
	switch paradigm {
	case "rioplatense", "central-american":
		return VoseoRioplatense
	case "chilean":
		return VoseoChilean
	case "zulian":
		return VoseoZulian
	}
	return 0
}

// context is what the whole text says about address, used to decide
// readings that one word cannot.
type context struct {
	systems     System // systems of the text's unambiguous markers
	vosPron     bool   // the pronoun vos appears
	vosotrosPro bool   // vosotros, os or vuestro appear
}

func textContext(ms []marker) context {
	var c context
	for _, m := range ms {
		if m.weak {
			continue
		}
		if m.pronoun != nil {
			c.vosPron = c.vosPron || m.lower == "vos"
			c.vosotrosPro = c.vosotrosPro || m.pronoun.system == Vosotros
		}
		if m.systems&(m.systems-1) == 0 { // a single system
			c.systems |= m.systems
		}
	}
	return c
}

// check appends to fs the address findings for the markers of one text.
func (n *addressNorm) check(fs []Finding, text string, ms []marker, ts []token.Token) []Finding {
	if len(ms) == 0 {
		return fs
	}
	ctx := textContext(ms)
	start := len(fs)
	for i := range ms {
		m := &ms[i]
		if m.weak && m.systems&ctx.systems == 0 {
			continue // a homograph with nothing else in the text to back it
		}
		var f Finding
		var ok bool
		if m.pronoun != nil {
			f, ok = n.checkPronoun(text, m, ts)
		} else {
			f, ok = n.checkVerb(m, ts[m.tok], ctx)
		}
		if ok {
			fs = append(fs, f)
		}
	}
	if len(fs) == start {
		fs = append(fs, n.checkMixed(ms, ts, ctx)...)
	}
	return fs
}
