package align

import (
	"cmp"
	"errors"
	"math"
	"slices"

	"github.com/habla-es/habla/dialects"
	"github.com/habla-es/habla/lexicon"
	"github.com/habla-es/habla/token"
)

// Options configure an Aligner.
type Options struct {
	Target  *dialects.Profile
	Weights Weights          // zero: DefaultWeights
	Lexicon *lexicon.Lexicon // nil: no lexical or taboo findings
	// Detector adds fit and detected to each Result; nil: neither.
	Detector *Detector
}

// Aligner checks texts against one target variety. It is safe for
// concurrent use; each goroutine aligns through its own Worker.
type Aligner struct {
	target  *dialects.Profile
	weights Weights
	address addressNorm
	conv    convNorm
	lex     *lexTarget // nil without a lexicon
	det     *Detector  // nil without detection
	fitSet  []bool     // by candidate: counts toward the target's fit
}

// New returns an Aligner for opts.Target.
func New(opts Options) (*Aligner, error) {
	if opts.Target == nil {
		return nil, errors.New("align: no target variety")
	}
	w := opts.Weights
	if w == (Weights{}) {
		w = DefaultWeights
	}
	if w.Minor < 0 || w.Major < 0 || w.Critical < 0 {
		return nil, errors.New("align: severity weights must not be negative")
	}
	a := &Aligner{target: opts.Target, weights: w, address: newAddressNorm(opts.Target),
		conv: newConvNorm(opts.Target)}
	if opts.Lexicon != nil {
		a.lex = newLexTarget(opts.Lexicon, opts.Target)
	}
	if d := opts.Detector; d != nil {
		a.det, a.fitSet = d, d.fitSet(opts.Target.Tag)
	}
	return a, nil
}

// Target is the target variety.
func (a *Aligner) Target() *dialects.Profile { return a.target }

// Result is what Align found in one text.
type Result struct {
	Target      string
	Words       int
	Naturalness float64
	Findings    []Finding
	// Detected is set only when the Aligner has a Detector: Fit is the
	// probability of the target under Detect, Detected the most probable
	// varieties (at most DetectedTop).
	Detected bool
	Fit      float64
	Top      []Ranked
}

// DetectedTop is how many varieties a Result lists under detected.
const DetectedTop = 3

// Worker aligns texts one at a time, reusing its buffers. A Worker must not
// be shared between goroutines.
type Worker struct {
	a      *Aligner
	tokens []token.Token
	marks  []marker
	buf    []byte
	lexms  []lexicon.Match
	lexrs  []reading
	morph  *morphReader
	conv   convScratch
	dsc    scratch // detection's; empty without a Detector
	words  wordCache
	facts  []*wordFacts    // by token: its word's facts, nil for other tokens
	hot    []factFlags     // by token: its word's facts' hot flags, 0 for other tokens
	hotAll factFlags       // the union of hot: what no word of the text is, no check looks for
	pairs  []uint16        // by token: its word's lexicon.Word.PairHash, 0 for other tokens
	cues   []uint16        // by token: slotCue of its word's facts, 0 for other tokens
	detAt  []int32         // the tokens detection reads (detectInput.at)
	nWords int             // countWords of the tokens, counted by wordFactsOf
	lexwds []*lexicon.Word // by token: the matcher's view of its word
	lexst  []int32         // the tokens whose word Starts a lexicon match
	fs     []Finding       // the findings of the text being aligned
	res    Result          // AlignReused's
	top    [DetectedTop]Ranked
	// uncached makes Align take the path without the word cache, the one
	// DetectWorker takes: tests compare the two.
	uncached bool
}

// NewWorker returns a Worker for a.
func (a *Aligner) NewWorker() *Worker {
	w := &Worker{a: a, morph: newMorphReader()}
	if a.det != nil {
		w.dsc = newScratch(a.det)
	}
	return w
}

// Align checks text. The Result's findings are ordered by position.
func (w *Worker) Align(text string) Result { return w.align(text, false) }

// AlignReused is Align for a caller that is done with the result before
// its next call on w, as a streaming pipeline that writes each record
// before it reads the next: the Result, its Findings and its Top are the
// worker's own memory, overwritten by the next call (as bufio.Scanner's
// Bytes). It saves copying them: on the 200,000-record benchmark the
// copies were a quarter of the bytes align allocated.
func (w *Worker) AlignReused(text string) *Result {
	w.res = w.align(text, true)
	return &w.res
}

func (w *Worker) align(text string, reuse bool) Result {
	w.tokens = token.AppendTokens(w.tokens[:0], text)
	res := Result{Target: w.a.target.Tag}
	if w.uncached {
		res.Words = countWords(w.tokens)
		w.facts = nil
		w.marks, w.buf = collectMarkers(w.marks[:0], w.tokens, w.buf, w.morph)
	} else {
		w.wordFactsOf()
		res.Words = w.nWords
		w.marks = collectMarkersFacts(w.marks[:0], w.tokens, w.facts, w.hot, w.morph)
	}
	// The findings are gathered in the worker's scratch space and copied
	// once at the end: appending each stage's slice to the last cost
	// a third of align's allocated bytes.
	fs := w.a.address.check(w.fs[:0], text, w.marks, w.tokens)
	if lex := w.a.lex; lex != nil {
		if w.uncached {
			w.lexms, w.buf = lex.matcher.Match(w.lexms[:0], text, w.tokens, w.buf)
		} else {
			w.lexms, w.buf = lex.matcher.MatchWordsAt(w.lexms[:0], text, w.tokens, w.lexwds, w.pairs, w.lexst, w.buf)
		}
		fs, w.lexrs = lex.check(fs, text, w.tokens, w.lexms, w.lexrs, w.facts, w.hot)
	}
	fs = w.checkPerfect(fs, text, w.tokens)
	fs = w.checkGrammar(fs, text, w.tokens)
	hot, facts := w.hot, w.facts
	if w.uncached {
		hot, facts = nil, nil
	}
	fs = w.a.conv.check(fs, text, w.tokens, hot, facts, &w.conv)
	all := fs
	if fs = dedupe(fs); len(fs) > 0 {
		res.Findings = fs // AlignReused's: kept until the next call overwrites them
		if !reuse {
			res.Findings = slices.Clone(fs)
		}
	}
	if !reuse {
		clear(all) // let go of the texts, suggestions and messages
	}
	w.fs = all[:0]
	res.Naturalness = w.a.naturalness(res.Words, res.Findings)
	if w.a.det != nil {
		w.detect(text, &res, reuse)
	}
	return res
}

// Align checks text with a one-off Worker; use a Worker on hot paths.
func (a *Aligner) Align(text string) Result { return a.NewWorker().Align(text) }

// naturalness is DESIGN.md's per-record score, rounded to one decimal so
// that output bytes do not depend on floating-point noise.
func (a *Aligner) naturalness(words int, fs []Finding) float64 {
	apt := 0.0
	for i := range fs {
		apt += a.weights.Of(fs[i].Severity)
	}
	score := 100 - 100*apt/float64(max(words, 20))
	score = math.Max(0, math.Min(100, score))
	return math.Round(score*10) / 10
}

// countWords counts the evaluated words: word and number tokens.
func countWords(ts []token.Token) int {
	n := 0
	for i := range ts {
		if ts[i].Kind == token.Word || ts[i].Kind == token.Number {
			n++
		}
	}
	return n
}

// MaxSeverity is the highest severity among the findings, "" if none.
func (r *Result) MaxSeverity() Severity {
	var max Severity
	for i := range r.Findings {
		if r.Findings[i].Severity.Rank() > max.Rank() {
			max = r.Findings[i].Severity
		}
	}
	return max
}

// dedupe orders findings by position and drops one that overlaps an
// earlier-kept finding of equal or higher severity, so that a span is
// reported once, by its most serious finding.
func dedupe(fs []Finding) []Finding {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		if a.ByteStart != b.ByteStart {
			return cmp.Compare(a.ByteStart, b.ByteStart)
		}
		return cmp.Compare(b.Severity.Rank(), a.Severity.Rank())
	})
	out := fs[:0]
	for _, f := range fs {
		if n := len(out); n > 0 && f.ByteStart < out[n-1].ByteEnd {
			if f.Severity.Rank() > out[n-1].Severity.Rank() {
				out[n-1] = f
			}
			continue
		}
		out = append(out, f)
	}
	return out
}

// detect adds fit and detected from what Align computed: the tokens, the
// address markers and, with the same lexicon, its matches.
func (w *Worker) detect(text string, res *Result, reuse bool) {
	d := w.a.det
	in := detectInput{text: text, tokens: w.tokens, marks: w.marks, facts: w.facts, hot: w.hot, cues: w.cues, at: w.detAt}
	if w.a.lex != nil && d.lex == w.a.lex.lex {
		in.lexms, in.matched = w.lexms, true
	}
	// What conclude and fitOf compute from the probabilities, for the
	// fit and the first DetectedTop only: no full ranking to build.
	sc := &w.dsc
	d.evidence(sc, in, false, false)
	d.probabilities(sc)
	res.Detected = true
	p := 0.0
	for k, i := range sc.idx {
		if w.a.fitSet[i] {
			p += float64(sc.milli[k]) / 1000
		}
	}
	res.Fit = math.Min(1, math.Round(p*1000)/1000)
	n := min(DetectedTop, len(sc.idx))
	if reuse {
		res.Top = w.top[:n]
	} else {
		res.Top = make([]Ranked, n)
	}
	for k, i := range sc.idx[:n] {
		res.Top[k] = Ranked{Dialect: d.tags[i], P: float64(sc.milli[k]) / 1000, cand: i}
	}
}
