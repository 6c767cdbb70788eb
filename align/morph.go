package align

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/habla-es/habla/lexicon/morph"
	"golang.org/x/text/unicode/norm"
)

// Second-person verb forms beyond data/forms.yaml come from lexicon/morph:
// every simple tense of every common verb in every address paradigm. The
// table stays first: its rows carry curated homographs and the Chilean
// forms morph does not generate (cantabai, tengái).

//go:embed data/verbs-common.txt
var verbsCommonTXT string

// verbGate is data/verbs-common.txt: the verbs whose forms are read as
// markers, and words that are never markers.
type verbGate struct {
	common    map[string]bool
	homograph map[string]bool
	// voseoEnclitic are unaccented vos imperatives with enclitics that
	// are read as voseo alone (soltame), not as possible homographs.
	voseoEnclitic map[string]bool
}

var loadedGate = sync.OnceValue(func() *verbGate {
	g := &verbGate{common: map[string]bool{}, homograph: map[string]bool{}, voseoEnclitic: map[string]bool{}}
	for line := range strings.Lines(verbsCommonTXT) {
		f := strings.Split(strings.TrimSpace(line), "\t")
		if len(f) < 2 || strings.HasPrefix(f[0], "#") {
			continue
		}
		switch f[0] {
		case "common":
			g.common[f[1]] = true
		case "homograph":
			g.homograph[f[1]] = true
		case "voseo-enclitic":
			g.voseoEnclitic[f[1]] = true
		}
	}
	for _, p := range loadedForms().paradigms {
		g.common[p.Lemma] = true
	}
	return g
})

// morphReader finds the address readings of a word through morph, with a
// cache of its answers; one per Worker.
type morphReader struct {
	an    *morph.Analyzer
	gate  *verbGate
	cache map[string][]FormReading
}

// morphCache bounds a morphReader's cache; it is emptied when full.
const morphCache = 1 << 17

func newMorphReader() *morphReader {
	return &morphReader{an: morph.NewAnalyzer(), gate: loadedGate(), cache: map[string][]FormReading{}}
}

// mayMark reports whether a lowercase word could be a distinctive voseo
// or vosotros form by its ending: a stressed final vowel (tené, viví), a
// stressed vowel + s (tenés, podés), -is (tenéis, sentís, hablais), -ai
// (Chilean estái, estai) or -d (tened). Tuteo -as/-es forms are left to
// the table: from morph they are too often plural nouns.
func mayMark(w string) bool {
	n := len(w)
	switch {
	case n < 2:
		return false
	case w[n-1] == 'd':
		return true
	case w[n-1] == 'i':
		return w[n-2] == 'a' || strings.HasSuffix(w, "ái")
	case w[n-1] == 's':
		if w[n-2] == 'i' {
			return true
		}
		w = w[:n-1]
	}
	for _, acc := range [...]string{"á", "é", "í"} {
		if strings.HasSuffix(w, acc) {
			return true
		}
	}
	return false
}

// readings returns the address readings of lower (lowercase, accents
// kept), nil when it is no second-person form of a common verb.
func (r *morphReader) readings(lower string) []FormReading {
	if !mayMark(lower) && !encliticShape(lower) || r.gate.homograph[lower] {
		return nil
	}
	if rs, ok := r.cache[lower]; ok {
		return rs
	}
	var rs []FormReading
	if mayMark(lower) {
		rs = r.analyse(lower)
	}
	if len(rs) == 0 {
		rs = r.analyseEnclitic(lower)
	}
	if len(r.cache) >= morphCache {
		clear(r.cache)
	}
	r.cache[strings.Clone(lower)] = rs
	return rs
}

// encliticShape reports whether a word can be a voseo or vosotros
// imperative with enclitics, the only ones that mark an address: a
// vowel-final vos host (sentate, decime, decímelo), a vosotros host that
// lost its -d before os (sentaos, vestíos) or kept it (traedme).
func encliticShape(w string) bool {
	if len(w) < 5 {
		return false
	}
	switch w[len(w)-1] {
	case 'e', 's', 'o', 'a':
	default:
		return false
	}
	rest := w
	n := 0
	for n < 3 {
		cut := false
		for _, c := range [...]string{"nos", "los", "las", "les", "os", "te", "se", "me", "lo", "la", "le"} {
			if r, ok := strings.CutSuffix(rest, c); ok && len(r) >= 2 {
				rest, cut = r, true
				break
			}
		}
		if !cut {
			break
		}
		n++
		last, _ := utf8.DecodeLastRuneInString(rest)
		switch {
		case strings.ContainsRune("aeiáéíd", last):
			return true
		case last == 'i' && strings.HasSuffix(w, "os"):
			return true
		}
	}
	return false
}

// analyseEnclitic reads vosotros and voseo imperatives with pronouns
// (sentaos, acordate) that data/forms.yaml does not list; the suggestion
// is morph.Convert's. Voseo ones without an accent (tomate: tomá + te, or
// the tomato) need the text's backing.
func (r *morphReader) analyseEnclitic(lower string) []FormReading {
	if utf8.RuneCountInString(lower) < 5 || !encliticShape(lower) || !mayHostEnclitics(lower) {
		return nil
	}
	return r.analyseEncliticFull(lower)
}

// analyseEncliticFull is analyseEnclitic without the pre-checks on the
// word's shape.
func (r *morphReader) analyseEncliticFull(lower string) []FormReading {
	var out []FormReading
	for _, cr := range r.an.AnalyzeEnclitic(lower) {
		if cr.Note != "" || cr.Mood != morph.Imperative || !r.gate.common[cr.Lemma] {
			continue
		}
		sys, _ := addressOf(cr.Reading)
		if sys == 0 {
			continue
		}
		clitic := strings.Join(cr.Clitics, "")
		i := slices.IndexFunc(out, func(f FormReading) bool {
			return f.Paradigm.Lemma == cr.Lemma && f.Paradigm.Clitic == clitic
		})
		if i < 0 {
			p := &Paradigm{Lemma: cr.Lemma, Tense: "imperative", Clitic: clitic, Forms: map[System]string{}}
			for _, s := range []struct {
				sys System
				a   morph.Paradigm
			}{
				{Tuteo, morph.Tu}, {VoseoRioplatense, morph.VosRioplatense}, {Ustedes, morph.Ustedes},
			} {
				if forms, ok := morph.Convert(lower, cr.Paradigm, s.a); ok {
					p.Forms[s.sys] = forms[0]
				}
			}
			out = append(out, FormReading{Paradigm: p})
			i = len(out) - 1
		}
		out[i].Systems |= sys
		out[i].Paradigm.Forms[sys] = lower
	}
	// Chile's voseo imperative is tú's (bájate): a form that is also
	// tuteo's marks nothing beyond it.
	out = slices.DeleteFunc(out, func(f FormReading) bool {
		return f.Systems&^Tuteo == 0 || f.Systems&Tuteo != 0 && f.Systems&Vosotros == 0
	})
	for i := range out {
		switch {
		case strings.ContainsAny(lower, "áéíóú"):
		case r.gate.voseoEnclitic[lower] && out[i].Systems&VoseoRioplatense != 0:
			// attested as voseo and nothing else (data/verbs-common.txt)
		case out[i].Systems != Vosotros:
			out[i].Homograph = "otra palabra"
		case strings.HasSuffix(lower, "os"):
			// correos is corred + os and the plural of correo.
			out[i].Homograph = "un plural"
		}
	}
	return out
}

// encliticHosts are the hosts that analyseEnclitic can keep, as
// morph.Enclitic writes them before the pronouns and without their
// acute accents: the vos imperatives and the vosotros one of every common
// verb, by the first pronoun they can take (hostBeforeOs: senta-os,
// id-os; hostBeforeOther: senta-te, sentad-me). The clitic reader
// (morph.AnalyzeEnclitic) tries every host of every split of a word into
// a host and pronouns; analyseEnclitic keeps only its exact readings
// (form == word) of these cells, whose written form is host + pronouns
// with at most one acute accent, on the host's stressed vowel
// (morph.Enclitic), which is the host's last vowel for all but the hosts
// marked hostStressFree. A word none of whose splits leaves one of these
// hosts, with its accent where the host's would be, has no such reading:
// checking that first spares the reader most words that end like a
// pronoun (escuela, medios, todos, criados, chocolate) and the tú
// imperatives (cállate, déjame).
//
// Chilean voseo's imperative is tú's (siéntate): analyseEnclitic drops
// the readings it shares with tuteo, so its hosts count only where they
// differ from tú's.
var encliticHosts = sync.OnceValue(func() map[string]uint8 {
	out := map[string]uint8{}
	for lemma := range loadedGate().common {
		v, err := morph.Lookup(lemma)
		if err != nil {
			continue
		}
		for _, p := range [...]morph.Paradigm{morph.VosRioplatense, morph.VosChilean, morph.VosZulian, morph.Vosotros} {
			if p == morph.VosChilean && v.Address(morph.Imperative, morph.Affirmative, p) == v.Address(morph.Imperative, morph.Affirmative, morph.Tu) {
				continue
			}
			for _, c := range [...]struct {
				cl  string
				bit uint8
			}{{"me", hostBeforeOther}, {"os", hostBeforeOs}} {
				f := v.Enclitic(morph.Imperative, morph.Affirmative, p, c.cl)
				h, ok := strings.CutSuffix(stripAcutes(f), c.cl)
				if !ok || h == "" {
					continue
				}
				out[h] |= c.bit
				// With two pronouns more the stress is always written:
				// where the host's own stress falls.
				acc, n := acuteAt(v.Enclitic(morph.Imperative, morph.Affirmative, p, c.cl, "lo"))
				if n != 1 || acc != lastVowel(h) {
					out[h] |= hostStressFree
				}
			}
		}
	}
	return out
})

// The bits of encliticHosts: the first pronoun after the host, os (the
// vosotros imperative loses its -d before it) or another; and whether
// the host's stress may fall elsewhere than on its last vowel.
const (
	hostBeforeOther = 1 << iota
	hostBeforeOs
	hostStressFree
)

// mayHostEnclitics reports whether some split of the word (as
// morph.AnalyzeEnclitic normalises it) into a host and one to three
// pronouns leaves one of encliticHosts with the word's accent where the
// host's stress is: false means that analyseEncliticFull finds nothing in
// it.
func mayHostEnclitics(lower string) bool {
	s := norm.NFC.String(strings.ToLower(strings.TrimSpace(lower)))
	acc, n := acuteAt(s)
	if n > 1 {
		return false // morph.Enclitic writes one accent at most
	}
	return cutsToHost(stripAcutes(s), acc, encliticHosts(), 3)
}

// cutsToHost reports whether cutting one to n pronouns off the end of s
// (without accents; acc is where its accent was, or -1) can leave a word
// of hosts that takes the first of them.
func cutsToHost(s string, acc int, hosts map[string]uint8, n int) bool {
	for _, c := range [...]string{"se", "te", "os", "me", "nos", "lo", "la", "los", "las", "le", "les"} {
		h, ok := strings.CutSuffix(s, c)
		if !ok {
			continue
		}
		bit := uint8(hostBeforeOther)
		if c == "os" {
			bit = hostBeforeOs
		}
		if b := hosts[h]; b&bit != 0 && (acc < 0 || b&hostStressFree != 0 || acc == lastVowel(h)) {
			return true
		}
		if n > 1 && cutsToHost(h, acc, hosts, n-1) {
			return true
		}
	}
	return false
}

// acuteAt returns where the first acute accent of s stands in
// stripAcutes(s) (a byte offset; -1 when none) and how many s has.
func acuteAt(s string) (at, n int) {
	at, shift := -1, 0
	for i, r := range s {
		switch r {
		case 'á', 'é', 'í', 'ó', 'ú':
			if n == 0 {
				at = i - shift
			}
			n++
			shift++ // each is one byte longer than its plain vowel
		}
	}
	return at, n
}

// lastVowel is the byte offset of the last of a, e, i, o, u in s, or -1.
func lastVowel(s string) int {
	return strings.LastIndexAny(s, "aeiou")
}

// stripAcutes removes the acute accents (ñ and ü are letters and are
// kept), as morph does before it places one.
func stripAcutes(s string) string {
	if !strings.ContainsAny(s, "áéíóú") {
		return s
	}
	return acuteStripper.Replace(s)
}

var acuteStripper = strings.NewReplacer("á", "a", "é", "e", "í", "i", "ó", "o", "ú", "u")

func (r *morphReader) analyse(lower string) []FormReading {
	var out []FormReading
	var others []string // the word's other readings, for Homograph
	rds := r.an.AnalyzeExact(lower)
	if len(rds) == 0 {
		if acc, ok := accentPenult(lower); ok {
			// hablais: a vosotros form without its accent, read with a
			// note like Analyze's.
			rds = r.an.Analyze(acc)
			for i := range rds {
				rds[i].Note = formJoinNonEmpty("; ", "sin tilde: se escribe «"+acc+"»", rds[i].Note)
			}
		}
	}
	for _, rd := range rds {
		if sys, _ := addressOf(rd); sys&^Tuteo == 0 {
			continue
		}
		// A vos imperative that is also its verb's yo preterite (viví,
		// salí) or another person's present (está) is left to the table:
		// without its curated context, it is yo's far more often.
		if slices.ContainsFunc(rds, func(q morph.Reading) bool {
			s, _ := addressOf(q)
			return q.Lemma == rd.Lemma && s == 0 && describeReading(q) != ""
		}) {
			return nil
		}
	}
	for _, rd := range rds {
		sys, key := addressOf(rd)
		if sys == 0 || !r.gate.common[rd.Lemma] {
			if d := describeReading(rd); d != "" && !slices.Contains(others, d) {
				others = append(others, d)
			}
			continue
		}
		note := rd.Note
		switch {
		case note == morph.NoteMarkedVos:
			note = "forma marcada: la norma culta usa la del tuteo"
		case strings.HasPrefix(note, "sin tilde") && strings.ContainsAny(lower, "áéíóú"):
			// Read by moving a written accent (órdenes as ordenés): the
			// word as written is another word.
			continue
		}
		i := slices.IndexFunc(out, func(f FormReading) bool {
			return f.Paradigm.Lemma == rd.Lemma && f.Paradigm.Tense == key
		})
		if i < 0 {
			p := morphParadigm(rd.Lemma, rd.Mood, rd.Tense, key)
			if p == nil {
				continue
			}
			out = append(out, FormReading{Paradigm: p})
			i = len(out) - 1
		}
		out[i].Systems |= sys
		if note != "" && !strings.Contains(out[i].Note, note) {
			out[i].Note = formJoinNonEmpty("; ", out[i].Note, note)
		}
	}
	// A form that is only tuteo (cuentas, partes) is too often a plural
	// noun to be read as tuteo from morph alone: the table's frequent verbs
	// carry curated homographs, morph's do not.
	var all System
	for _, f := range out {
		all |= f.Systems
	}
	if all&^Tuteo == 0 {
		return nil
	}
	h := strings.Join(others, " o ")
	if n, ok := nounHomographs[lower]; ok {
		h = formJoinNonEmpty(" o ", h, n)
	}
	if all == Vosotros && strings.HasSuffix(lower, "ed") && h == "" {
		// -ed imperatives (tened, extended) collide with English
		// participles in technical text: they need the text's backing.
		h = "una palabra inglesa"
	}
	for i := range out {
		out[i].Homograph = h
		if out[i].Note != "" && h == "" {
			// A form without its written accent (tenes), or a marked voseo
			// subjunctive (marqués, cortés), is a reading, not proof: it
			// counts only when the text's other markers back it.
			out[i].Homograph = "otra palabra"
		}
	}
	return out
}

// addressOf is the system of a second-person reading and the key of its
// tense in Paradigm.Tense, or 0 for the other readings.
func addressOf(rd morph.Reading) (System, string) {
	key, ok := morphTenses[string(rd.Mood)+"."+string(rd.Tense)]
	if !ok {
		return 0, ""
	}
	switch {
	case rd.Person == morph.P2s && rd.Paradigm == morph.Tu:
		return Tuteo, key
	case rd.Person == morph.P2s && rd.Paradigm == morph.VosRioplatense:
		return VoseoRioplatense, key
	case rd.Person == morph.P2s && rd.Paradigm == morph.VosChilean:
		return VoseoChilean, key
	case rd.Person == morph.P2s && rd.Paradigm == morph.VosZulian:
		return VoseoZulian, key
	case rd.Person == morph.P2p && rd.Paradigm == morph.Vosotros:
		return Vosotros, key
	}
	return 0, ""
}

// morphTenses maps morph's mood.tense to the Paradigm.Tense keys of the
// form table (tenseNames names them). The negative imperative is two
// words (no tengas) and is read through its subjunctive.
var morphTenses = map[string]string{
	"indicative.present":       "present",
	"indicative.preterite":     "preterite",
	"indicative.imperfect":     "imperfect",
	"indicative.future":        "future",
	"indicative.conditional":   "conditional",
	"subjunctive.present":      "subjunctive",
	"subjunctive.imperfect-ra": "imperfect-subjunctive-ra",
	"subjunctive.imperfect-se": "imperfect-subjunctive-se",
	"subjunctive.future-subj":  "future-subjunctive",
	"imperative.affirmative":   "imperative",
}

// morphParadigm is the Paradigm of one verb and tense with every system's
// form, for suggestions.
func morphParadigm(lemma string, mood morph.Mood, tense morph.Tense, key string) *Paradigm {
	v, err := morph.Lookup(lemma)
	if err != nil {
		return nil
	}
	p := &Paradigm{Lemma: lemma, Tense: key, Forms: map[System]string{}}
	for _, s := range []struct {
		sys System
		a   morph.Paradigm
	}{
		{Tuteo, morph.Tu}, {VoseoRioplatense, morph.VosRioplatense},
		{VoseoChilean, morph.VosChilean}, {VoseoZulian, morph.VosZulian},
		{Vosotros, morph.Vosotros}, {Ustedes, morph.Ustedes}, {Usted, morph.Usted},
	} {
		if f := v.Address(mood, tense, s.a); f != "" {
			p.Forms[s.sys] = f
		}
	}
	return p
}

// describeReading says in Spanish what else a form is, for "también puede
// ser": "la forma de él, ella o usted (presente de indicativo de estar)".
func describeReading(rd morph.Reading) string {
	name := morphTenseNames[string(rd.Mood)+"."+string(rd.Tense)]
	if name == "" {
		return ""
	}
	who := personNames[rd.Person]
	if rd.Mood == morph.Imperative {
		who = map[morph.Paradigm]string{morph.Usted: "usted", morph.Ustedes: "ustedes"}[rd.Paradigm]
	}
	if who == "" {
		return ""
	}
	return fmt.Sprintf("la forma de %s (%s de %s)", who, name, rd.Lemma)
}

var personNames = map[morph.Person]string{
	morph.P1s: "yo", morph.P3s: "él, ella o usted", morph.P1p: "nosotros",
	morph.P3p: "ellos, ellas o ustedes",
}

var morphTenseNames = map[string]string{
	"indicative.present":       "presente de indicativo",
	"indicative.preterite":     "pretérito perfecto simple",
	"indicative.imperfect":     "pretérito imperfecto",
	"indicative.future":        "futuro",
	"indicative.conditional":   "condicional",
	"subjunctive.present":      "presente de subjuntivo",
	"subjunctive.imperfect-ra": "pretérito imperfecto de subjuntivo",
	"subjunctive.imperfect-se": "pretérito imperfecto de subjuntivo",
	"subjunctive.future-subj":  "futuro de subjuntivo",
	"imperative.affirmative":   "imperativo",
}

// nounHomographs are frequent nouns that are also a common verb's voseo
// form and that the corpus-derived list misses; they count only with the
// text's other markers behind them. Source: DLE (23.ª ed.), s. v.
var nounHomographs = map[string]string{
	"bebé":  "el sustantivo «bebé»",
	"bebés": "el plural de «bebé»",
	"café":  "el sustantivo «café»",
	"sofá":  "el sustantivo «sofá»",
}

// accentPenult gives a word ending in -ais or -eis the accent of the
// vosotros form it may be missing (hablais → habláis, teneis → tenéis);
// ok is false for other words or ones with an accent. The voseo -as/-es
// without an accent (tenes) would be every plural noun's shape.
func accentPenult(w string) (string, bool) {
	if strings.ContainsAny(w, "áéíóú") {
		return "", false
	}
	for _, e := range [...][2]string{{"ais", "áis"}, {"eis", "éis"}} {
		if stem, ok := strings.CutSuffix(w, e[0]); ok && stem != "" {
			return stem + e[1], true
		}
	}
	return "", false
}
