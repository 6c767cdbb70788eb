package corpus

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/habla-es/habla/lexicon"
	"github.com/habla-es/habla/lexicon/morph"
)

// Proposal is a keyword the lexicon does not know, offered as a candidate
// variant for a linguist to review.
type Proposal struct {
	Keyword
	// DocsTotal is the number of documents of the target variety.
	DocsTotal int
	// PerMillion is its frequency per million tokens of the target.
	PerMillion float64
	// Level is the usage level the evidence suggests: common when a fifth
	// of the target's documents or more use it, else used.
	Level lexicon.Level
}

// ProposeOptions choose the proposals.
type ProposeOptions struct {
	KeywordOptions
	// Top is the number of proposals (0: all).
	Top int
}

// Propose turns the keywords of opts.Target not yet in the lexicon into
// proposals: names are left out, and so are the pronouns and verb forms
// of a voseo or of vosotros (address, which align checks by rule, not by
// the lexicon).
func (cs *Counts) Propose(l *lexicon.Lexicon, opts ProposeOptions) []Proposal {
	ko := opts.KeywordOptions
	ko.NoNames, ko.Top = true, 0
	tgt := cs.Varieties[opts.Target]
	m := l.Matcher()
	var out []Proposal
	for _, k := range cs.Keywords(ko) {
		if len(m.Lookup(k.Word)) > 0 || addressForm(k.Word) {
			continue
		}
		p := Proposal{Keyword: k, DocsTotal: tgt.Docs, PerMillion: round(float64(k.A)*1e6/float64(tgt.Tokens), 1), Level: lexicon.Used}
		if 5*k.DocsA >= tgt.Docs {
			p.Level = lexicon.Common
		}
		out = append(out, p)
		if opts.Top > 0 && len(out) == opts.Top {
			break
		}
	}
	return out
}

// addressPronouns are the pronouns and possessives of vos and vosotros:
// align's address check reads them.
var addressPronouns = map[string]bool{
	"vos": true, "vosotros": true, "vosotras": true, "os": true,
	"vuestro": true, "vuestra": true, "vuestros": true, "vuestras": true,
}

// addressForm reports whether w is an address pronoun of vos or vosotros
// or reads as a verb form (alone or with enclitics) of a voseo or of
// vosotros.
func addressForm(w string) bool {
	if addressPronouns[w] {
		return true
	}
	marked := func(p morph.Paradigm) bool {
		switch p {
		case morph.VosRioplatense, morph.VosChilean, morph.VosZulian, morph.Vosotros:
			return true
		}
		return false
	}
	// Readings with a note are misspellings read charitably: not
	// evidence. A form tú shares (órale: tú, and Chilean vos, imperative
	// of orar + le) is not an address mark either.
	var readings []morph.Reading
	readings = append(readings, morph.Analyze(w)...)
	for _, r := range morph.AnalyzeEnclitic(w) {
		readings = append(readings, r.Reading)
	}
	mark := false
	for _, r := range readings {
		switch {
		case r.Note != "":
		case r.Paradigm == morph.Tu:
			return false
		case marked(r.Paradigm):
			mark = true
		}
	}
	return mark
}

// WriteProposals writes the proposals as a lexicon pack for review: one
// concept per word under the domain "proposed", with the evidence in its
// notes. The gloss, the part of speech and the word the reference variety
// uses instead are left empty on purpose: habla lexicon validate points
// at each of them until a linguist has filled them in.
func WriteProposals(w io.Writer, ps []Proposal, target, reference, corpusDir string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Entradas candidatas: palabras más frecuentes en %s que en %s, según\n", target, reference)
	fmt.Fprintf(&b, "# habla lexicon propose sobre el corpus de %s.\n", corpusDir)
	b.WriteString("# Revise cada entrada antes de usarla: complete gloss y pos, añada la\n")
	b.WriteString("# variante que usan las otras variedades, contraste el nivel con un\n")
	b.WriteString("# diccionario y pase el concepto a su dominio. Hasta entonces,\n")
	b.WriteString("# habla lexicon validate rechaza el archivo.\n")
	b.WriteString("domain: proposed\nsources:\n")
	fmt.Fprintf(&b, "  corpus: %s\n", strconv.Quote(fmt.Sprintf("habla corpus keywords %s vs %s (G2, Log Ratio, documents) on %s", target, reference, corpusDir)))
	b.WriteString("concepts:\n")
	for _, p := range ps {
		fmt.Fprintf(&b, "  - id: proposed/%s\n", slug(p.Word))
		b.WriteString("    gloss: {es: \"\", en: \"\"}\n    pos: \"\"\n")
		fmt.Fprintf(&b, "    notes: %s\n", strconv.Quote(evidence(p, target, reference)))
		fmt.Fprintf(&b, "    variants:\n      - form: %s\n", strconv.Quote(p.Word))
		fmt.Fprintf(&b, "        usage: {%s: %s}\n        sources: [corpus]\n", target, p.Level)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func evidence(p Proposal, target, reference string) string {
	return fmt.Sprintf("%s: %d (%.1f per million, in %d of %d documents); %s: %d (in %d documents). G2 %.1f, Log Ratio %.2f.",
		target, p.A, p.PerMillion, p.DocsA, p.DocsTotal, reference, p.B, p.DocsB, p.G2, p.LogRatio)
}

// slug makes an id part of a word: lowercase a-z, 0-9 and -, accents
// dropped, ñ as n.
func slug(w string) string {
	r := strings.NewReplacer("á", "a", "é", "e", "í", "i", "ó", "o", "ú", "u", "ü", "u", "ñ", "n")
	var b strings.Builder
	for _, c := range r.Replace(w) {
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b.WriteRune(c)
		default:
			b.WriteByte('-')
		}
	}
	return strings.Trim(b.String(), "-")
}
