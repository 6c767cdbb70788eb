package localize

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/habla-es/habla/align"
	"github.com/habla-es/habla/lexicon"
	"github.com/habla-es/habla/token"
)

// Keep is a termbase target that keeps the source term: the team does not
// localize it for that variety.
const Keep = "keep"

// TermbaseHeader is the first line of a termbase file: the three columns
// localize reads; any columns after them are evidence for humans (the
// counts of a mined termbase) and are not read.
const TermbaseHeader = "source\tvariety\ttarget"

// ruleTermbase names the edits a termbase decided.
const ruleTermbase = "termbase"

// Term is one termbase entry: for the variety, the source term (a word
// or phrase the lexicon flags, as written in the source language) is
// written Target, or kept when Target is Keep.
type Term struct {
	Source, Variety, Target string
	Evidence                []string // the columns after target
	Line                    int
}

// Termbase is a product glossary that overrides the general lexicon, as a
// CAT tool's termbase does: it forces a swap (the team's word, even one
// the lexicon does not suggest) or blocks it (keep). It acts on the words
// align flags as lexical findings, and by keep on the words of several
// senses it leaves to a human (lexicon/ambiguous); words the lexicon does
// not know are not searched for.
type Termbase struct {
	Terms []Term
	// by variety (lower case), then source (lower case)
	index map[string]map[string]Term
}

// TermbaseError is a bad line of a termbase file.
type TermbaseError struct {
	Path      string
	Line, Col int
	Msg       string
}

func (e *TermbaseError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Col, e.Msg)
}

// LoadTermbase reads a termbase file.
func LoadTermbase(path string) (*Termbase, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadTermbase(f, path)
}

// ReadTermbase reads a termbase in TSV: lines starting with # and blank
// lines are skipped; the first other line is TermbaseHeader (extra
// column names allowed); each row has a source term, a variety tag and a
// target term or "keep", then any evidence columns. A source term may
// appear once per variety.
func ReadTermbase(r io.Reader, path string) (*Termbase, error) {
	tb := &Termbase{index: map[string]map[string]Term{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	header := false
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSuffix(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !header {
			if !strings.HasPrefix(line, TermbaseHeader) {
				return nil, &TermbaseError{path, n, 1, fmt.Sprintf("want the header %q", TermbaseHeader)}
			}
			header = true
			continue
		}
		t, err := parseTerm(line, path, n)
		if err != nil {
			return nil, err
		}
		if err := tb.add(t); err != nil {
			return nil, &TermbaseError{path, n, 1, err.Error()}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if !header {
		return nil, &TermbaseError{path, 1, 1, fmt.Sprintf("empty termbase: want the header %q", TermbaseHeader)}
	}
	return tb, nil
}

func parseTerm(line, path string, n int) (Term, error) {
	cols := strings.Split(line, "\t")
	if len(cols) < 3 {
		return Term{}, &TermbaseError{path, n, len(line) + 1, fmt.Sprintf("%d columns, want at least 3 (source, variety, target)", len(cols))}
	}
	col := 1
	for i, name := range []string{"source", "variety", "target"} {
		if strings.TrimSpace(cols[i]) != cols[i] || cols[i] == "" {
			return Term{}, &TermbaseError{path, n, col, fmt.Sprintf("%s %q: empty or with spaces around it", name, cols[i])}
		}
		col += len(cols[i]) + 1
	}
	if !strings.HasPrefix(strings.ToLower(cols[1]), "es") {
		return Term{}, &TermbaseError{path, n, len(cols[0]) + 2, fmt.Sprintf("variety %q: want a Spanish tag such as es-AR", cols[1])}
	}
	target := cols[2]
	if strings.EqualFold(target, Keep) {
		target = Keep
	}
	return Term{Source: cols[0], Variety: cols[1], Target: target, Evidence: cols[3:], Line: n}, nil
}

// add adds a term; a second entry for the same source and variety is an
// error.
func (tb *Termbase) add(t Term) error {
	v := strings.ToLower(t.Variety)
	if tb.index[v] == nil {
		tb.index[v] = map[string]Term{}
	}
	k := token.Lower(t.Source)
	if prev, ok := tb.index[v][k]; ok {
		return fmt.Errorf("%q for %s is already at line %d", t.Source, t.Variety, prev.Line)
	}
	tb.index[v][k] = t
	tb.Terms = append(tb.Terms, t)
	return nil
}

// For returns the terms of a variety by lower-case source, nil for none.
func (tb *Termbase) For(variety string) map[string]Term {
	if tb == nil {
		return nil
	}
	return tb.index[strings.ToLower(variety)]
}

// WriteTSV writes the termbase with its header; extraHeader names the
// evidence columns (may be empty).
func (tb *Termbase) WriteTSV(w io.Writer, extraHeader ...string) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(strings.Join(append([]string{TermbaseHeader}, extraHeader...), "\t") + "\n")
	for _, t := range tb.Terms {
		bw.WriteString(strings.Join(append([]string{t.Source, t.Variety, t.Target}, t.Evidence...), "\t") + "\n")
	}
	return bw.Flush()
}

// term returns the termbase's word for a lexical finding's source word
// (its determiner left out): the entry for it, or for its singular with
// the target made plural (ficheros by the entry fichero → archivos).
func (l *Localizer) term(src string) (string, bool) {
	if len(l.terms) == 0 {
		return "", false
	}
	low := token.Lower(src)
	if t, ok := l.terms[low]; ok {
		return t.Target, true
	}
	if l.lex == nil {
		return "", false
	}
	for _, e := range l.lex.Matcher().Lookup(low) {
		if !e.Plural {
			continue
		}
		if t, ok := l.terms[token.Lower(e.Variant.Form)]; ok {
			if t.Target == Keep {
				return Keep, true
			}
			return lexicon.PluralOf(t.Target), true
		}
	}
	return "", false
}

// keptByTermbase reports a lexical finding whose word the termbase keeps,
// or chose for another (so that its own edits stay as made): it is no
// edit and no task. A word align could not read (lexicon/ambiguous: llave,
// a key or a tap) is dropped the same way: the team says that in its
// product the word stays.
func (l *Localizer) keptByTermbase(f *align.Finding) bool {
	if !isSwapFinding(f) {
		return false
	}
	src := stripDeterminer(f.Text)
	if l.chosen[token.Lower(src)] {
		return true
	}
	to, ok := l.term(src)
	return ok && to == Keep
}

// termCandidate makes the termbase's word the edit of a lexical finding.
// A word among the finding's suggestions takes the suggestion (with the
// determiner align made agree), and done is false: the usual agreement
// checks follow. Another word replaces the source word alone (after the
// determiner align put in the span), and is applied when both words have
// a known gender (the lexicon's, or that of a regular ending) and it is
// the same, or when nothing beside the word could agree; otherwise it is
// a task.
func (l *Localizer) termCandidate(c candidate, text string, f *align.Finding, to string) (_ candidate, done bool) {
	c.edit.Rule, c.edit.Confidence = ruleTermbase, 1
	for _, s := range f.Suggestions {
		if token.Lower(stripDeterminer(s)) == token.Lower(to) {
			c.edit.To, c.alts, c.reason = s, nil, ""
			return c, false
		}
	}
	src := stripDeterminer(f.Text)
	det := f.Text[:len(f.Text)-len(src)]
	c.edit.To, c.alts, c.reason = det+matchCase(src, to), f.Suggestions, ""
	if gs := l.anyGender(src); gs == "" || gs != l.anyGender(to) {
		_, _, neighbour := agreeingNeighbour(text, f.ByteStart, f.ByteEnd)
		if det != "" || neighbour || l.determinerBefore(text, f.ByteStart) {
			c.reason = ReasonAgreement
			c.message += " El glosario pide «" + to + "»: revise la concordancia."
		}
	}
	return c, true
}

// anyGender is the gender the lexicon gives a form in any concept, "" when
// it gives several; a form it does not know has the gender of its ending
// where that is regular: -o, -os masculine; -a, -as (but not -ma, -mas: el
// problema), -ción, -sión, -dad, -tud feminine.
func (l *Localizer) anyGender(form string) string {
	if l.lex == nil {
		return ""
	}
	if len(l.lex.Matcher().Lookup(form)) == 0 {
		return genderByEnding(token.Lower(form))
	}
	g := ""
	for _, e := range l.lex.Matcher().Lookup(form) {
		switch v := e.Variant.Gender; {
		case v != "m" && v != "f":
		case g == "":
			g = v
		case g != v:
			return ""
		}
	}
	return g
}

// determinerBefore reports a determiner right before byte b.
func (l *Localizer) determinerBefore(text string, b int) bool {
	fields := strings.Fields(text[:b])
	return len(fields) > 0 && determiners[token.Lower(fields[len(fields)-1])]
}

// matchCase writes to with the case of src: all capitals (of a word of
// more than one letter) or a capital first letter.
func matchCase(src, to string) string {
	if utf8.RuneCountInString(src) > 1 && strings.ToUpper(src) == src && strings.ToLower(src) != src {
		return strings.ToUpper(to)
	}
	if r, _ := utf8.DecodeRuneInString(src); unicode.IsUpper(r) {
		t, n := utf8.DecodeRuneInString(to)
		return string(unicode.ToUpper(t)) + to[n:]
	}
	return to
}

// isSwapFinding reports the findings a termbase acts on and a Miner
// counts: lexical ones and those of a word with senses at home and
// foreign in the target (lexicon/ambiguous), both with suggestions.
func isSwapFinding(f *align.Finding) bool {
	return len(f.Suggestions) > 0 && (f.Kind == align.Lexical || f.Kind == align.Review && f.Rule == ruleLexiconAmbiguous)
}

// ruleLexiconAmbiguous is align's rule for a word with several senses.
const ruleLexiconAmbiguous = "lexicon/ambiguous"

// dropKept removes the lexical findings the termbase keeps.
func (l *Localizer) dropKept(fs []align.Finding) []align.Finding {
	if len(l.terms) == 0 {
		return fs
	}
	return slices.DeleteFunc(fs, func(f align.Finding) bool { return l.keptByTermbase(&f) })
}

func genderByEnding(w string) string {
	if strings.ContainsRune(w, ' ') {
		return "" // a phrase: its head is not simply the last word
	}
	w = strings.TrimSuffix(w, "s")
	switch {
	case strings.HasSuffix(w, "ción"), strings.HasSuffix(w, "sión"), strings.HasSuffix(w, "cione"),
		strings.HasSuffix(w, "sione"), strings.HasSuffix(w, "dad"), strings.HasSuffix(w, "dade"),
		strings.HasSuffix(w, "tud"), strings.HasSuffix(w, "tude"):
		return "f"
	case strings.HasSuffix(w, "ma"):
		return ""
	case strings.HasSuffix(w, "a"):
		return "f"
	case strings.HasSuffix(w, "o"):
		return "m"
	}
	return ""
}
