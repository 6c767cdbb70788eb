package morph

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Edit is one replacement made by ConvertText, in bytes of its input.
type Edit struct {
	Start, End int
	From, To   string
	// Rule names what decided it: "verb" (a certain form of from),
	// "verb-context" (made certain by the clause), "enclitic", "pronoun",
	// "possessive", "os-se-lo", "os-reflexive", "os-dative", "se-reflexive".
	Rule string
}

// Ambiguity is a span that ConvertText left alone or converted with an
// alternative, because the text does not decide it.
type Ambiguity struct {
	Start, End int
	Text       string
	// Candidates are the possible forms in the target paradigm; where an
	// edit was still made, the first one is the edit.
	Candidates []string
	// Message explains it in Spanish.
	Message string
}

// Conversion is the result of ConvertText.
type Conversion struct {
	// Text is the input with the edits applied.
	Text        string
	Edits       []Edit
	Ambiguities []Ambiguity
	// Err wraps ErrUnsupported for a pair of paradigms Supported rejects;
	// Text is then the input, unchanged.
	Err error
}

// ConvertText converts the second-person address of a text from one
// paradigm to another: tú to a voseo and back, vosotros to ustedes and
// back (see Supported). Words are converted with Convert; the context
// decides what a word alone cannot:
//
//   - A form that is also a form of another person (canta: tú imperative or
//     él present) is converted only where the clause makes the address
//     certain: it has the subject pronoun of from (tú, vos, vosotros,
//     vosotras, ustedes), or the word opens an exclamation (¡Canta!). Else
//     it is left alone and, if it opens its clause, where an imperative
//     may stand, reported.
//   - A present subjunctive reading counts only after a word that can
//     govern it in its clause (que, ojalá, quizá, no, cuando, aunque…), so
//     the indicative eres is not also read as the subjunctive of erar.
//   - vos becomes ti after a preposition, contigo in con vos, else tú.
//   - os (vosotros → ustedes; DPD "os", NGLE §16.4) becomes se before lo,
//     la, los, las (os lo doy → se lo doy) and where its verb is a vosotros
//     form, reflexive or pronominal (os sentáis → se sientan; vais a
//     sentaros → van a sentarse); les with the verbs that take only a
//     dative (datives); otherwise direct or indirect object cannot be told
//     and it is reported with its candidates (os veo → los, las, les).
//   - vuestro becomes su; where su could be read as de él or de usted
//     because the sentence has another third-person possessor or pronoun,
//     "de ustedes" is reported as the alternative, naming that word.
//   - ustedes becomes vosotros with vosotras reported; 3p verbs become 2p
//     only with ustedes in the clause or in an enclitic imperative
//     (siéntense → sentaos); with ustedes in the clause a proclitic se
//     becomes os (se sientan → os sentáis), se lo and su are reported.
//   - A word after a determiner or a preposition is not taken for a verb
//     (las casas de mis tías, de compras); a form in -s after las or los is
//     reported, not converted (las tienes, las casas); a short list of
//     frequent words that the verb list also reads as rare verbs (mamá,
//     ojalá, además: homographs) is never converted.
//
// Words are runs of letters; clauses are cut at punctuation and at a few
// conjunctions (que, y, pero, porque, cuando, si…), a rough cut that only
// scopes the address. Offsets are bytes of text; the words are read in
// NFC, so the text need not be normalised.
func ConvertText(text string, from, to Paradigm) Conversion {
	if !Supported(from, to) {
		return Conversion{Text: text, Err: fmt.Errorf("morph: %s → %s: %w", from, to, ErrUnsupported)}
	}
	c := &converter{text: text, from: from, to: to, toks: scan(text)}
	for i := range c.toks {
		if c.toks[i].word {
			c.word(i)
		}
	}
	return Conversion{Text: apply(text, c.edits), Edits: c.edits, Ambiguities: c.amb}
}

type converter struct {
	text     string
	from, to Paradigm
	toks     []token
	edits    []Edit
	amb      []Ambiguity
}

func (c *converter) edit(i, j int, to, rule string) {
	start, end := c.toks[i].start, c.toks[j].end
	orig := c.text[start:end]
	to = matchCase(orig, to)
	if to != orig {
		c.edits = append(c.edits, Edit{start, end, orig, to, rule})
	}
}

func (c *converter) ambiguous(i int, cands []string, msg string) {
	t := c.toks[i]
	for k := range cands {
		cands[k] = matchCase(t.text, cands[k])
	}
	c.amb = append(c.amb, Ambiguity{t.start, t.end, t.text, cands, msg})
}

// word converts token i.
func (c *converter) word(i int) {
	t := c.toks[i]
	switch {
	case c.pronoun(i):
	case c.from == Vosotros && t.low == "os":
		c.os(i)
	case c.from == Vosotros && c.encliticOs(i):
	case c.from == Ustedes && t.low == "se":
		c.se(i)
	case c.from == Ustedes && (t.low == "su" || t.low == "sus") && c.hasSubject(i):
		c.ambiguous(i, map[string][]string{"su": {"vuestro", "vuestra", "su"},
			"sus": {"vuestros", "vuestras", "sus"}}[t.low],
			"con «ustedes» en la oración, «su» puede ser de ustedes (vuestro) o de otro poseedor")
	default:
		c.verb(i)
	}
}

// pronoun converts a pronoun or possessive, reporting whether t was one.
func (c *converter) pronoun(i int) bool {
	t := c.toks[i]
	p, ok := pronounFor(t.low, c.from, c.to)
	if !ok || p.rule == "os" {
		return false
	}
	switch {
	case t.low == "vos":
		c.vos(i)
	case t.low == "ustedes":
		c.edit(i, i, "vosotros", "pronoun")
		c.ambiguous(i, []string{"vosotros", "vosotras"},
			"ustedes no marca el género: «vosotras» si el grupo es solo de mujeres")
	case p.rule == "possessive":
		c.edit(i, i, p.forms[0], "possessive")
		c.possessive(i, p.forms[0])
	default:
		c.edit(i, i, p.forms[0], p.rule)
	}
	return true
}

// prepositions after which vos is ti (a vos → a ti); entre, según,
// excepto, salvo, incluso and hasta take the subject form (DPD "tú" 2).
var prepositions = map[string]bool{"a": true, "ante": true, "bajo": true, "de": true,
	"desde": true, "en": true, "hacia": true, "para": true, "por": true, "sin": true,
	"sobre": true, "tras": true, "contra": true}

func (c *converter) vos(i int) {
	prev := c.prevWord(i)
	switch {
	case prev >= 0 && c.toks[prev].low == "con":
		c.edit(prev, i, "contigo", "pronoun")
	case prev >= 0 && prepositions[c.toks[prev].low]:
		c.edit(i, i, "ti", "pronoun")
	default:
		c.edit(i, i, "tú", "pronoun")
	}
}

// possessors are the words that make su ambiguous in a sentence.
var possessors = []string{"su", "sus", "él", "ella", "ellos", "ellas", "usted", "ustedes"}

func (c *converter) possessive(i int, su string) {
	lo, hi := c.around(i, func(t token) int { return t.sentence })
	for k := lo; k < hi; k++ {
		if t := c.toks[k]; k != i && slices.Contains(possessors, t.low) {
			c.ambiguous(i, []string{su, "de ustedes"}, fmt.Sprintf(
				"«%s» podría leerse como de él, de ella o de usted: la oración ya tiene «%s»; alternativa: «… de ustedes»",
				su, t.text))
			return
		}
	}
}

// verb converts a verb form, plain or with enclitics. A word after a
// determiner or a preposition is taken for a noun (las casas, de compras)
// and one of the homographs is never changed; a form in -s after las or
// los, article or clitic, is uncertain (las casas, las tienes) and
// reported.
func (c *converter) verb(i int) {
	t := c.toks[i]
	prev := ""
	if k := c.prevWord(i); k >= 0 {
		prev = c.toks[k].low
	}
	if homographs[t.low] || determiners[prev] || prepositions[prev] || prev == "con" {
		return
	}
	licensed := c.licensed(i)
	out, certain := convertVerb(t.low, c.from, c.to, licensed)
	if len(out) == 0 {
		return
	}
	// las casas, los cortes: a plural article may stand before a noun in
	// -s; la tienes cannot be la + noun.
	nounLike := certain && articleClitics[prev] && strings.HasSuffix(t.low, "s")
	certain = certain && !nounLike
	rule := "verb"
	if len(cachedAnalyzeEnclitic(t.low)) > 0 {
		rule = "enclitic"
	}
	switch {
	case certain && len(out) == 1:
		c.edit(i, i, out[0], rule)
	case c.toks[i].first && c.toks[i].excl && len(out) == 1:
		c.edit(i, i, out[0], "verb-context") // ¡Canta!
	case c.hasSubject(i) && c.declarative(i, licensed):
		// tú cantas: done by declarative.
	case len(out) > 1:
		c.several(i, out, rule)
	case out[0] != t.low && (c.toks[i].first || nounLike):
		c.ambiguous(i, out, fmt.Sprintf(
			"puede ser %s o de otra persona o un sustantivo: no se cambia", c.fromName()))
	}
}

// declarative converts token i, whose clause has a subject pronoun of from,
// by its finite readings other than the imperative (tú cantas, ustedes se
// sientan), reporting whether they gave one form.
func (c *converter) declarative(i int, licensed func(Reading) bool) bool {
	o, _ := convertVerb(c.toks[i].low, c.from, c.to, func(r Reading) bool {
		return licensed(r) && r.Mood != Imperative && r.Mood != NonFinite
	})
	if len(o) == 1 {
		c.edit(i, i, o[0], "verb-context")
	}
	return len(o) == 1
}

// determiners precede nouns, not verbs (las is also a clitic: see
// articleClitics).
var determiners = map[string]bool{"el": true, "un": true, "una": true, "unos": true,
	"unas": true, "mi": true, "mis": true, "tu": true, "tus": true, "su": true, "sus": true,
	"nuestro": true, "nuestra": true, "nuestros": true, "nuestras": true, "vuestro": true,
	"vuestra": true, "vuestros": true, "vuestras": true, "este": true, "esta": true,
	"estos": true, "estas": true, "ese": true, "esa": true, "esos": true, "esas": true,
	"aquel": true, "aquella": true, "aquellos": true, "aquellas": true, "al": true,
	"del": true, "cada": true, "muchas": true, "muchos": true, "pocas": true,
	"pocos": true, "varias": true, "varios": true, "algunas": true, "algunos": true,
	"otras": true, "otros": true, "todas": true, "todos": true}

// articleClitics are both articles and clitics; a plural one may precede
// a noun in -s.
var articleClitics = map[string]bool{"las": true, "los": true}

// homographs are frequent words that the verb list also reads as a second
// person of a rare verb (mamá: vos imperative of mamar; ojalá: of ojalar;
// además: vos present of ademar): without part-of-speech tagging they are
// never converted in running text. Convert still gives the verb reading.
var homographs = map[string]bool{"mamá": true, "mamás": true, "papá": true,
	"papás": true, "bebé": true, "bebés": true, "ojalá": true, "además": true,
	"jamás": true, "revés": true, "cortés": true, "marqués": true, "olé": true,
	"maní": true, "manís": true, "así": true, "escocés": true, "para": true,
	"como": true, "sobre": true, "entre": true, "bajo": true, "tras": true, "cara": true}

// several handles a word whose readings of from give different forms.
// Where exactly one form comes from the verbs of classes.tsv (the common
// irregular verbs: dime is decir + me far more often than the imperative
// of dimir), it is made and the others reported; else all are reported.
func (c *converter) several(i int, out []string, rule string) {
	licensed := c.licensed(i)
	common, _ := convertVerb(c.toks[i].low, c.from, c.to, func(r Reading) bool {
		return licensed(r) && inTable(r.Lemma)
	})
	if len(common) == 1 {
		c.edit(i, i, common[0], rule)
		rest := slices.DeleteFunc(slices.Clone(out), func(s string) bool { return s == common[0] })
		c.ambiguous(i, append(common, rest...), fmt.Sprintf(
			"se toma la lectura del verbo frecuente; otras lecturas: %s", strings.Join(rest, ", ")))
		return
	}
	c.ambiguous(i, out, "varias lecturas de segunda persona dan formas distintas")
}

// inTable reports whether a lemma, or the simple verb of a compound, has an
// entry of classes.tsv.
func inTable(lemma string) bool {
	tab, err := classes()
	if err != nil {
		return false
	}
	if _, ok := tab[lemma]; ok {
		return true
	}
	_, _, ok := compound(tab, lemma, 2)
	return ok
}

func (c *converter) fromName() string {
	return map[Paradigm]string{Tu: "tuteo", Vosotros: "vosotros", Ustedes: "ustedes"}[c.from] +
		map[bool]string{true: "voseo"}[isVos(c.from)]
}

// subjects are the subject pronouns that make a clause's address certain.
var subjects = map[Paradigm][]string{Tu: {"tú"}, VosRioplatense: {"vos"},
	VosChilean: {"vos", "tú"}, VosZulian: {"vos"}, Vosotros: {"vosotros", "vosotras"},
	Ustedes: {"ustedes"}}

// hasSubject reports whether the clause of token i has a subject pronoun
// of from (not after a preposition: para vos is no subject).
func (c *converter) hasSubject(i int) bool {
	lo, hi := c.around(i, clauseOf)
	for k := lo; k < hi; k++ {
		if !slices.Contains(subjects[c.from], c.toks[k].low) {
			continue
		}
		if p := c.prevWord(k); p < 0 || !prepositions[c.toks[p].low] && c.toks[p].low != "con" {
			return true
		}
	}
	return false
}

// triggers are words that can govern a present subjunctive in their clause.
var triggers = map[string]bool{"que": true, "ojalá": true, "quizá": true,
	"quizás": true, "vez": true, "no": true, "cuando": true, "aunque": true,
	"mientras": true, "como": true, "hasta": true, "donde": true, "acaso": true,
	"ni": true, "nunca": true, "jamás": true}

// licensed filters the readings of token i: a present subjunctive only
// after a trigger in its clause.
func (c *converter) licensed(i int) func(Reading) bool {
	ok := false
	for k := i - 1; k >= 0 && c.toks[k].clause == c.toks[i].clause; k-- {
		ok = ok || triggers[c.toks[k].low]
	}
	return func(r Reading) bool {
		return ok || r.Mood != Subjunctive || r.Tense != Present
	}
}

// around returns the range [lo, hi) of the tokens around i that share
// its clause or sentence number (as given by key), which are contiguous.
func (c *converter) around(i int, key func(token) int) (lo, hi int) {
	lo, hi = i, i+1
	for lo > 0 && key(c.toks[lo-1]) == key(c.toks[i]) {
		lo--
	}
	for hi < len(c.toks) && key(c.toks[hi]) == key(c.toks[i]) {
		hi++
	}
	return lo, hi
}

func clauseOf(t token) int { return t.clause }

// prevWord is the index of the word just before token i, or -1 if a
// punctuation mark comes between.
func (c *converter) prevWord(i int) int {
	if i > 0 && c.toks[i-1].word {
		return i - 1
	}
	return -1
}

// nextWord is the index of the word just after token i, or -1.
func (c *converter) nextWord(i int) int {
	if i+1 < len(c.toks) && c.toks[i+1].word {
		return i + 1
	}
	return -1
}

// apply returns text with the (sorted, disjoint) edits made.
func apply(text string, edits []Edit) string {
	var b strings.Builder
	at := 0
	for _, e := range edits {
		b.WriteString(text[at:e.Start])
		b.WriteString(e.To)
		at = e.End
	}
	b.WriteString(text[at:])
	return b.String()
}

// token is a word or a punctuation mark; spaces are not tokens.
type token struct {
	start, end int
	text, low  string
	word       bool
	clause     int
	sentence   int
	first      bool // the first word of its clause after any conjunction
	excl       bool // its clause follows ¡
}

// clauseMarks end a clause; sentenceMarks also end a sentence.
const (
	clauseMarks   = ",;:()\"«»—¡¿\n"
	sentenceMarks = ".!?…"
)

// conjunctions open a new clause (a rough cut, enough to scope address).
var conjunctions = map[string]bool{"que": true, "y": true, "e": true, "o": true,
	"u": true, "pero": true, "porque": true, "cuando": true, "si": true,
	"aunque": true, "mientras": true, "pues": true, "ni": true, "sino": true}

// scan splits text into tokens. Words are runs of letters and combining
// marks, NFC-normalised and lower-cased in low; byte offsets are the input's.
func scan(text string) []token {
	var toks []token
	clause, sentence, first, excl := 0, 0, true, false
	isWordRune := func(r rune) bool { return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) }
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case isWordRune(r):
			j := i + n
			for j < len(text) {
				r2, m := utf8.DecodeRuneInString(text[j:])
				if !isWordRune(r2) {
					break
				}
				j += m
			}
			w := text[i:j]
			low := norm.NFC.String(strings.ToLower(w))
			if conjunctions[low] && !first {
				clause++
				first, excl = true, false
			}
			toks = append(toks, token{start: i, end: j, text: w, low: low, word: true,
				clause: clause, sentence: sentence, first: first && !conjunctions[low], excl: excl})
			if !conjunctions[low] {
				first = false
			}
			i = j
		case unicode.IsSpace(r) && r != '\n':
			i += n
		default:
			toks = append(toks, token{start: i, end: i + n, text: text[i : i+n],
				clause: clause, sentence: sentence})
			if strings.ContainsRune(clauseMarks+sentenceMarks, r) {
				clause++
				first, excl = true, r == '¡'
			}
			if strings.ContainsRune(sentenceMarks, r) {
				sentence++
			}
			i += n
		}
	}
	return toks
}
