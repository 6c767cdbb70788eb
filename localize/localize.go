package localize

import (
	"errors"
	"slices"
	"strings"

	"github.com/habla-es/habla/align"
	"github.com/habla-es/habla/dialects"
	"github.com/habla-es/habla/lexicon"
	"github.com/habla-es/habla/lexicon/morph"
	"github.com/habla-es/habla/token"
)

// DefaultConfidence is the default threshold: an edit is applied when its
// confidence is at least this.
const DefaultConfidence = 0.7

// Options configure a Localizer.
type Options struct {
	Target  *dialects.Profile
	Lexicon *lexicon.Lexicon // nil: no lexical swaps
	// Confidence is the threshold for applying an edit, in (0, 1]; zero
	// means DefaultConfidence.
	Confidence float64
	// Termbase, when set, overrides the lexicon for the words it lists
	// for the target's tag: their edits carry confidence 1 (the team
	// decided), and the words it keeps or chooses are never edited.
	Termbase *Termbase
}

// Localizer rewrites texts toward one target variety. It is safe for
// concurrent use; each goroutine localizes through its own Worker.
type Localizer struct {
	aligner   *align.Aligner
	lex       *lexicon.Lexicon
	threshold float64
	plans     []plan
	terms     map[string]Term // the termbase's, for the target
	chosen    map[string]bool // the termbase's target words, lower case
}

// New returns a Localizer for opts.Target.
func New(opts Options) (*Localizer, error) {
	if opts.Target == nil {
		return nil, errors.New("localize: no target variety")
	}
	th := opts.Confidence
	if th == 0 {
		th = DefaultConfidence
	}
	if th < 0 || th > 1 {
		return nil, errors.New("localize: the confidence threshold must be between 0 and 1")
	}
	a, err := align.New(align.Options{Target: opts.Target, Lexicon: opts.Lexicon})
	if err != nil {
		return nil, err
	}
	l := &Localizer{aligner: a, lex: opts.Lexicon, threshold: th, plans: plans(opts.Target),
		terms: opts.Termbase.For(opts.Target.Tag), chosen: map[string]bool{}}
	for _, t := range l.terms {
		if t.Target != Keep {
			l.chosen[token.Lower(t.Target)] = true
			l.chosen[token.Lower(lexicon.PluralOf(t.Target))] = true
		}
	}
	return l, nil
}

// plan is one address conversion the target calls for.
type plan struct{ from, to morph.Paradigm }

// plans are the address conversions toward p's norm: vosotros → ustedes
// where p says ustedes; tú → its voseo where p's first informal pronoun is
// vos with a voseo paradigm; vos → tú where p does not use the pronoun vos
// (Chile's verbal voseo keeps the pronoun tú).
func plans(p *dialects.Profile) []plan {
	a := p.Address
	var ps []plan
	if !a.UsesVosotros() {
		ps = append(ps, plan{morph.Vosotros, morph.Ustedes})
	}
	switch {
	case len(a.Informal) > 0 && a.Informal[0] == "vos":
		if to := voseo(a.Voseo.Paradigm); to != "" {
			ps = append(ps, plan{morph.Tu, to})
		}
	case !a.HasInformal("vos"):
		ps = append(ps, plan{morph.VosRioplatense, morph.Tu})
	}
	return ps
}

func voseo(paradigm string) morph.Paradigm {
	switch paradigm {
	case "rioplatense", "central-american":
		return morph.VosRioplatense
	case "zulian":
		return morph.VosZulian
	}
	return ""
}

// Target is the target variety.
func (l *Localizer) Target() *dialects.Profile { return l.aligner.Target() }

// Edit is one replacement, with offsets into the input text.
type Edit struct {
	Start, End         int // code points
	ByteStart, ByteEnd int // UTF-8 bytes
	From, To           string
	// Rule names what made it: a finding's rule (lexicon/computer,
	// convention/decimal) or address/ and ConvertText's rule
	// (address/verb, address/pronoun, address/os-se-lo…).
	Rule       string
	Confidence float64
}

// Task is something localize could not decide: a human does.
type Task struct {
	Start, End         int
	ByteStart, ByteEnd int
	Text               string
	Kind               align.Kind
	Severity           align.Severity // the MQM severity of the finding behind it
	Rule               string
	Suggestions        []string
	Confidence         float64
	// Reason says why it was not applied: "ambiguous" (several readings
	// or several suggestions), "low-confidence" (below the threshold),
	// "agreement" (a neighbour may have to agree), "overlap" (it
	// overlaps another edit), "code" (it touches code, markup or a
	// placeholder), "unstable" (the text, once edited, would read
	// differently and call for more edits), "partial" (one of a set applied only
	// whole, such as an address conversion, could not be) or "manual" (a
	// kind localize never applies).
	Reason  string
	Message string // in Spanish
}

// Reasons a finding or an edit becomes a task.
const (
	ReasonAmbiguous     = "ambiguous"
	ReasonLowConfidence = "low-confidence"
	ReasonAgreement     = "agreement"
	ReasonOverlap       = "overlap"
	ReasonPartial       = "partial"
	ReasonCode          = "code"
	ReasonUnstable      = "unstable"
	// ReasonUnbacked marks a ConvertText edit where align saw nothing
	// foreign; it blocks its conversion and is never a task itself.
	ReasonUnbacked = "unbacked"
	ReasonManual   = "manual"
)

// Result is what Localize made of one text.
type Result struct {
	Target    string
	Localized string // the text with Edits applied
	Edits     []Edit // applied, by position; disjoint
	Tasks     []Task // by position
}

// Worker localizes texts one at a time. It must not be shared between
// goroutines.
type Worker struct {
	l *Localizer
	a *align.Worker
}

// NewWorker returns a Worker for l.
func (l *Localizer) NewWorker() *Worker { return &Worker{l: l, a: l.aligner.NewWorker()} }

// Localize rewrites text toward the target.
func (w *Worker) Localize(text string) Result {
	target, applied, tasks := w.pass(text)
	edits := make([]Edit, len(applied))
	for i, c := range applied {
		edits[i] = c.edit
	}
	localized := apply(text, edits)
	if len(edits) > 0 {
		if _, again, _ := w.pass(localized); len(again) > 0 {
			// The edits change how the text reads (vais → van makes
			// coche a vehicle beside a van): a second pass would edit
			// again. Nothing is applied, so that localizing stays
			// idempotent; the edits become tasks.
			for _, c := range applied {
				tasks = append(tasks, c.task(ReasonUnstable))
			}
			sortTasks(tasks)
			edits, localized = nil, text
		}
	}
	fillOffsets(text, edits, tasks)
	return Result{Target: target, Localized: localized, Edits: edits, Tasks: tasks}
}

// pass aligns text once and decides its candidates: the edits to apply
// and the tasks, sorted, without code-point offsets.
func (w *Worker) pass(text string) (target string, applied []candidate, tasks []Task) {
	res := w.a.Align(text)
	res.Findings = w.l.dropKept(res.Findings)
	var cands []candidate
	for _, p := range w.l.plans {
		cands = append(cands, addressCandidates(text, p, res.Findings)...)
	}
	cands = append(cands, w.l.fromFindings(text, res.Findings)...)
	guard(cands, text)
	applied, tasks = w.l.decide(cands)
	tasks = append(tasks, unresolved(res.Findings, applied, tasks)...)
	sortTasks(tasks)
	return res.Target, applied, tasks
}

// guard turns the candidates that touch code, markup, a placeholder or a
// URL into tasks.
func guard(cs []candidate, text string) {
	ps := protected(text)
	if len(ps) == 0 && !strings.Contains(text, "://") && !strings.Contains(text, "www.") {
		return
	}
	for _, t := range token.AppendTokens(nil, text) {
		if t.Kind == token.URL {
			ps = append(ps, span{t.ByteStart, t.ByteEnd})
		}
	}
	for i := range cs {
		if cs[i].reason == "" && overlapsAny(ps, cs[i].edit.ByteStart, cs[i].edit.ByteEnd) {
			cs[i].reason = ReasonCode
		}
	}
}

// Localize rewrites text with a one-off Worker; use a Worker on hot paths.
func (l *Localizer) Localize(text string) Result { return l.NewWorker().Localize(text) }

// apply returns text with the sorted, disjoint edits made.
func apply(text string, edits []Edit) string {
	if len(edits) == 0 {
		return text
	}
	var b strings.Builder
	at := 0
	for _, e := range edits {
		b.WriteString(text[at:e.ByteStart])
		b.WriteString(e.To)
		at = e.ByteEnd
	}
	b.WriteString(text[at:])
	return b.String()
}

func sortTasks(ts []Task) {
	slices.SortStableFunc(ts, func(a, b Task) int {
		if a.ByteStart != b.ByteStart {
			return a.ByteStart - b.ByteStart
		}
		return a.ByteEnd - b.ByteEnd
	})
}
