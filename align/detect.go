package align

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/habla-es/habla/dialects"
	"github.com/habla-es/habla/lexicon"
	"github.com/habla-es/habla/token"
)

// Scorer is the seam for a trained corpus model (issue 7): for a text, a
// log-score per variety, in the order of tags. Detect adds the scores to
// its own evidence, so a model and the knowledge in habla's data vote
// together. A Scorer must be safe for concurrent use; dst is scratch
// space of len(tags) to fill and return. A Scorer with no opinion on a
// text returns equal scores (zeros).
type Scorer interface {
	Score(text string, ts []token.Token, tags []string, dst []float64) []float64
}

// DetectOptions configure a Detector.
type DetectOptions struct {
	// Among are the candidate varieties; nil means every country-level
	// profile (es-AR, es-ES, es-MX…, not es, es-419 or sub-national ones).
	Among []*dialects.Profile
	// Lexicon gives the usage of words per variety; nil: no lexical
	// evidence.
	Lexicon *lexicon.Lexicon
	// Scorer is a trained model's opinion, added to the evidence; nil: none.
	Scorer Scorer
	// CueTexts, by cue source (CueSources: "activ-es", "dsl-tl"), are the
	// texts to derive that source's cue words from instead of the shipped
	// ones (data/cues.tsv was derived from habla's training data with the
	// same procedure). Training a variety model uses it to weigh the model
	// against rules that have not seen the texts it holds out.
	CueTexts map[string][]LabelledText
	// ScorerWeight multiplies the Scorer's scores before they are added
	// to the rule evidence; zero means 1. habla corpus train fits it on
	// held-out training documents (corpus.Model.Weight).
	ScorerWeight float64
	// Abstain is the margin, in nats between the best variety's score and
	// the runner-up's, below which Detect abstains ("es"). Zero means
	// DefaultAbstain; a negative value never abstains.
	Abstain float64
}

// DefaultAbstain is the abstention margin calibrated on DSL-TL
// ES_train.tsv (EVALUATION.md, "Dialect detection"): below it, the
// evidence is too weak to name a variety.
const DefaultAbstain = 2.0

// Detector ranks the candidate varieties of a text. It is immutable and
// safe for concurrent use.
type Detector struct {
	set     *dialects.Set
	tags    []string
	cands   []*dialects.Profile
	chains  [][]string // each candidate's ids up to "es", for Region
	norms   []addressNorm
	lex     *lexicon.Lexicon
	matcher *lexicon.Matcher
	lexw    map[*lexicon.Variant][]float64 // per candidate; only informative variants
	cues    map[string][]cueWeight         // lowercase word → candidate weights
	cueVecs packedVecs                     // the cue words' vectors (wordInfo.cue)
	places  *gazetteer
	words   map[string]wordInfo // cues and first words of names, one lookup per word
	// placeNext holds the words that follow another in some name of the
	// gazetteer (every word of a names key but its first): a name's first
	// word followed by none of them starts no longer name (placeNextOK).
	placeNext map[string]bool
	formats   formatTable
	scorer    Scorer
	scorerW   float64
	abstain   float64
	w         detectWeights
}

// NewDetector returns a Detector for opts.
func NewDetector(opts DetectOptions) (*Detector, error) {
	return newDetector(opts, defaultWeights, nil)
}

// newDetector is NewDetector with other weights or cue rows (nil: the
// shipped ones), for tuning.
func newDetector(opts DetectOptions, w detectWeights, cueRows []cueRow) (*Detector, error) {
	set, err := dialects.Load()
	if err != nil {
		return nil, err
	}
	cands := opts.Among
	if cands == nil {
		cands = CountryProfiles(set)
	}
	if len(cands) < 2 {
		return nil, errors.New("align: detection needs at least two candidate varieties")
	}
	d := &Detector{set: set, cands: slices.Clone(cands), scorer: opts.Scorer, scorerW: opts.ScorerWeight, abstain: opts.Abstain, w: w}
	if d.scorerW == 0 {
		d.scorerW = 1
	}
	if d.scorerW < 0 || math.IsNaN(d.scorerW) || math.IsInf(d.scorerW, 0) {
		return nil, fmt.Errorf("detect: the model's weight must be a positive number, not %v", opts.ScorerWeight)
	}
	if d.abstain == 0 {
		d.abstain = DefaultAbstain
	}
	for _, p := range d.cands {
		if slices.Contains(d.tags, p.Tag) {
			return nil, fmt.Errorf("align: candidate %s given twice", p.Tag)
		}
		d.tags = append(d.tags, p.Tag)
		d.chains = append(d.chains, set.Chain(p))
		d.norms = append(d.norms, newAddressNorm(p))
	}
	if opts.Lexicon != nil {
		d.lex, d.matcher = opts.Lexicon, opts.Lexicon.Matcher()
		d.lexw = lexWeights(opts.Lexicon, d.cands)
	}
	if cueRows == nil && opts.CueTexts != nil {
		if cueRows, err = rederive(opts.CueTexts); err != nil {
			return nil, err
		}
	}
	if cueRows != nil {
		d.cues = cueTable(set, cueRows, d.cands, w.cue)
	} else if d.cues, err = loadCues(set, d.cands, w.cue); err != nil {
		return nil, err
	}
	if d.places, err = loadGazetteer(d.tags); err != nil {
		return nil, err
	}
	cueIDs, err := d.packCues()
	if err != nil {
		return nil, err
	}
	d.words = wordTable(cueIDs, d.places)
	d.placeNext = placeNextWords(d.places)
	d.formats = newFormatTable(d.cands)
	return d, nil
}

// CountryProfiles are the default candidates: the profiles whose tag is a
// language and a country, sorted by tag.
func CountryProfiles(set *dialects.Set) []*dialects.Profile {
	var out []*dialects.Profile
	for _, p := range set.Profiles() {
		if len(p.Tag) == 5 && p.Tag[2] == '-' && p.Tag != "es-419" {
			out = append(out, p)
		}
	}
	return out
}

// Tags are the candidate varieties, in the order Scorer sees them.
func (d *Detector) Tags() []string { return slices.Clone(d.tags) }

// Ranked is one variety and its probability.
type Ranked struct {
	Dialect string
	P       float64
	cand    int // index among the detector's candidates
}

// Detection is what Detect concluded about one text.
type Detection struct {
	// Dialect is the best variety, or "es" when the evidence is too weak
	// (Abstained); Ranking[0] is then the runner-up.
	Dialect   string
	Abstained bool
	// Region is set when Detect abstained but every variety within the
	// margin of the best belongs to one region below "es": their nearest
	// common group or supranational tag (rioplatense for es-AR, es-UY and
	// es-PY, which voseo alone cannot tell apart; es-419 for Latin
	// American words said across the Americas).
	Region string
	// Margin is the best variety's score minus the runner-up's, in nats.
	Margin float64
	// Ranking is every candidate, most probable first; P sums to 1.
	Ranking []Ranked
	// Evidence is filled only when asked (explain).
	Evidence []VarietyEvidence
}

// P is the probability of tag among the candidates: a candidate's own, or
// the sum over the candidates a broader tag (es-419, a group) covers, or
// for a sub-national tag its country's.
func (d *Detector) P(det *Detection, tag string) float64 {
	return fitOf(det, d.fitSet(tag))
}

// fitSet marks the candidates whose probability counts for tag.
func (d *Detector) fitSet(tag string) []bool {
	out := make([]bool, len(d.tags))
	for i, c := range d.tags {
		out[i] = c == tag || d.covers(tag, c) || d.covers(c, tag)
	}
	return out
}

func fitOf(det *Detection, set []bool) float64 {
	p := 0.0
	for _, r := range det.Ranking {
		if set[r.cand] {
			p += r.P
		}
	}
	return math.Min(1, math.Round(p*1000)/1000)
}

// covers reports whether id is on the parent chain of the profile tag.
func (d *Detector) covers(id, tag string) bool {
	p, ok := d.set.Profile(tag)
	return ok && slices.Contains(d.set.Chain(p)[1:], id)
}

// DetectWorker detects one text at a time, reusing its buffers; one per
// goroutine.
type DetectWorker struct {
	d      *Detector
	tokens []token.Token
	marks  []marker
	lexms  []lexicon.Match
	buf    []byte
	morph  *morphReader
	sc     scratch
}

// NewWorker returns a DetectWorker for d.
func (d *Detector) NewWorker() *DetectWorker {
	return &DetectWorker{d: d, morph: newMorphReader(), sc: newScratch(d)}
}

// Detect ranks the candidates for text; explain adds the evidence.
func (w *DetectWorker) Detect(text string, explain bool) Detection {
	det := w.d.detect(&w.sc, w.input(text), explain)
	det.Ranking = slices.Clone(det.Ranking)
	return det
}

// input tokenizes the text and reads its markers and lexicon matches.
func (w *DetectWorker) input(text string) detectInput {
	w.tokens = token.AppendTokens(w.tokens[:0], text)
	w.marks, w.buf = collectMarkers(w.marks[:0], w.tokens, w.buf, w.morph)
	in := detectInput{text: text, tokens: w.tokens, marks: w.marks}
	if w.d.matcher != nil {
		w.lexms, w.buf = w.d.matcher.Match(w.lexms[:0], text, w.tokens, w.buf)
		in.lexms, in.matched = w.lexms, true
	}
	return in
}

// RuleScores appends to dst[:0], for each of tags, the score of the text
// from habla's own evidence alone (lexicon, address, cue words, names,
// formats: no model), in nats, as Detect sums it before the softmax; a
// tag that is not a candidate gets 0. Training calibrates a model's
// weight against these (habla corpus train).
func (w *DetectWorker) RuleScores(text string, tags []string, dst []float64) []float64 {
	w.d.evidence(&w.sc, w.input(text), false, true)
	dst = dst[:0]
	for _, tag := range tags {
		x := 0.0
		if i := slices.Index(w.d.tags, tag); i >= 0 {
			x = w.sc.score[i]
		}
		dst = append(dst, x)
	}
	return dst
}

// Detect ranks the candidates for text with a one-off worker.
func (d *Detector) Detect(text string, explain bool) Detection {
	return d.NewWorker().Detect(text, explain)
}

// detectInput is what Align already computed for a text, so that
// detection neither tokenizes nor matches twice.
type detectInput struct {
	text    string
	tokens  []token.Token
	marks   []marker
	lexms   []lexicon.Match
	matched bool // lexms are this detector's lexicon's matches
	// facts are the words' facts by token (Align's), from which the
	// cue and name lookups are read; nil: looked up here.
	facts []*wordFacts
	hot   []factFlags // by token, with facts
	cues  []uint16    // by token, with facts: slotCue
	// at lists, with facts, the tokens addWords reads: numbers, symbols
	// and the words with evidence (factDetUse), in order.
	at []int32
}

// scratch is a worker's space for scores.
type scratch struct {
	score, item, model []float64
	buf, gbuf          []byte // gbuf: the gazetteer's keys
	idx, milli         []int
	groups             []scoreGroup // probabilities' scratch
	grp, grank, gbyRem []int
	rank               []Ranked
	seenList           []seenKey        // evidence already counted in this text, the first seenLinear
	seen               map[seenKey]bool // all of it, once there is more
	// onceCue's: by cue word, the text (epoch) in which it was first met
	// and how it was written there.
	cueAt   []uint32
	cueText []string
	epoch   uint32
	ev      *evidenceLog // nil unless explaining
}

// seenKey is one piece of evidence: its kind and its text as written (a
// slice of the text, so that keeping it costs nothing).
type seenKey struct {
	kind string
	text string
}

func newScratch(d *Detector) scratch {
	n := len(d.tags)
	cues := len(d.cueVecs.vecs)
	return scratch{score: make([]float64, n), item: make([]float64, n), model: make([]float64, n),
		seen: map[seenKey]bool{}, cueAt: make([]uint32, cues), cueText: make([]string, cues), epoch: 1}
}

// once reports whether this is the first time the text counts as evidence
// of this kind. Each form counts once per text: a long document repeats
// its words, and repeating them is not new evidence about the variety.
func (sc *scratch) once(kind, text string) bool {
	k := seenKey{kind, text}
	if len(sc.seenList) < seenLinear {
		// A short text's few items: a scan costs less than hashing.
		for _, s := range sc.seenList {
			if s == k {
				return false
			}
		}
		sc.seenList = append(sc.seenList, k)
		return true
	}
	if len(sc.seen) == 0 {
		for _, s := range sc.seenList {
			sc.seen[s] = true
		}
	}
	if sc.seen[k] {
		return false
	}
	sc.seen[k] = true
	return true
}

// seenLinear is how many items once keeps in a list before a map.
const seenLinear = 32

// resetSeen forgets the evidence of the previous text.
func (sc *scratch) resetSeen() {
	sc.seenList = sc.seenList[:0]
	if len(sc.seen) > 0 {
		clear(sc.seen)
	}
	if sc.epoch++; sc.epoch == 0 {
		// After 2³² texts: no text may pass for the current one.
		clear(sc.cueAt)
		sc.epoch = 1
	}
}

func (d *Detector) detect(sc *scratch, in detectInput, explain bool) Detection {
	d.evidence(sc, in, explain, false)
	return d.conclude(sc)
}

// evidence sums the evidence about the text into sc.score; rulesOnly
// leaves the model out.
func (d *Detector) evidence(sc *scratch, in detectInput, explain, rulesOnly bool) {
	clear(sc.score)
	sc.resetSeen()
	sc.ev = nil
	if explain {
		sc.ev = &evidenceLog{}
	}
	if d.lexw != nil {
		if !in.matched {
			in.lexms, sc.buf = d.matcher.Match(nil, in.text, in.tokens, sc.buf)
		}
		d.addLexicon(sc, in)
	}
	d.addAddress(sc, in)
	sc.buf = d.addWords(sc, in, sc.buf)
	if d.scorer != nil && !rulesOnly {
		sc.model = d.scorer.Score(in.text, in.tokens, d.tags, sc.model[:0])
		if len(sc.model) == len(d.tags) {
			d.add(sc, "model", "", sc.model, d.scorerW)
		}
	}
}

// add adds weight·v to the scores, and logs it when explaining.
func (d *Detector) add(sc *scratch, kind, text string, v []float64, weight float64) {
	if text != "" && !sc.once(kind, text) {
		return
	}
	score := sc.score[:len(v)] // one bounds check, not one per candidate
	for i, x := range v {
		score[i] += weight * x
	}
	if sc.ev != nil {
		sc.ev.add(kind, text, v, weight)
	}
}

// probabilities ranks the candidates by score (sc.idx, best first; equal
// scores in the candidates' order) and turns the scores into probabilities
// in thousandths (sc.milli, in ranking order) that sum to 1000, by the
// largest remainder; it returns the best score.
//
// Most candidates share their score with others (the varieties nothing
// told apart), and so their exp, probability and remainder: the work is
// done once per distinct score, with the same floating-point operations in
// the same order as candidate by candidate (the sum adds each candidate's
// share in ranking order), so that the result is, to the bit, that of the
// candidate-by-candidate computation (TestProbabilitiesByGroup keeps it,
// roundToSum, as the reference).
// Ranking and rounding candidate by candidate were a quarter of
// detection's time on the align path.
func (d *Detector) probabilities(sc *scratch) float64 {
	n := len(d.tags)
	score := sc.score[:n]
	gs, grp := sc.groups[:0], sc.grp[:0]
	for _, s := range score {
		g := 0
		for g < len(gs) && gs[g].score != s {
			g++
		}
		if g == len(gs) {
			gs = append(gs, scoreGroup{score: s})
		}
		gs[g].count++
		grp = append(grp, g)
	}
	// The groups by score, best first (no two have the same score).
	rank := sc.grank[:0]
	for g := range gs {
		k := len(rank)
		rank = append(rank, g)
		for ; k > 0 && gs[rank[k-1]].score < gs[g].score; k-- {
			rank[k] = rank[k-1]
		}
		rank[k] = g
	}
	top := gs[rank[0]].score
	pos, sum := 0, 0.0
	for _, g := range rank {
		gs[g].start, gs[g].next = pos, pos
		pos += gs[g].count
		gs[g].p = math.Exp(gs[g].score - top)
		for range gs[g].count {
			sum += gs[g].p
		}
	}
	idx := slices.Grow(sc.idx[:0], n)[:n]
	for i, g := range grp {
		idx[gs[g].next] = i
		gs[g].next++
	}
	// roundToSum, by group: the floors, then one more unit for each of
	// the left largest remainders, ties in ranking order.
	left := 1000
	for g := range gs {
		gs[g].p /= sum
		x := gs[g].p * 1000
		gs[g].milli = int(math.Floor(x))
		gs[g].rem = x - float64(gs[g].milli)
		left -= gs[g].count * gs[g].milli
	}
	milli := slices.Grow(sc.milli[:0], n)[:n]
	for _, g := range rank {
		for k := gs[g].start; k < gs[g].start+gs[g].count; k++ {
			milli[k] = gs[g].milli
		}
	}
	if left > 0 {
		byRem := append(sc.gbyRem[:0], rank...)
		for k := 1; k < len(byRem); k++ {
			g := byRem[k]
			j := k
			for ; j > 0 && gs[byRem[j-1]].rem < gs[g].rem; j-- {
				byRem[j] = byRem[j-1]
			}
			byRem[j] = g
		}
		for _, g := range byRem {
			for k := gs[g].start; k < gs[g].start+gs[g].count && left > 0; k++ {
				milli[k]++
				left--
			}
			if left == 0 {
				break
			}
		}
		sc.gbyRem = byRem
	}
	sc.idx, sc.milli, sc.groups, sc.grp, sc.grank = idx, milli, gs, grp, rank
	return top
}

// scoreGroup is the candidates that share a score, in probabilities.
type scoreGroup struct {
	score       float64
	count       int
	start, next int     // the group's first ranking position; the next to fill
	p           float64 // exp(score - top), then the probability
	milli       int     // the probability's floor in thousandths
	rem         float64 // and what the floor left
}

// conclude turns scores into probabilities and decides.
func (d *Detector) conclude(sc *scratch) Detection {
	top := d.probabilities(sc)
	idx := sc.idx
	sc.rank = sc.rank[:0]
	for k, i := range idx {
		sc.rank = append(sc.rank, Ranked{Dialect: d.tags[i], P: float64(sc.milli[k]) / 1000, cand: i})
	}
	// The ranking is the worker's scratch space: callers that keep it
	// copy it (DetectWorker.Detect does).
	det := Detection{Ranking: sc.rank}
	det.Margin = math.Round((top-sc.score[idx[1]])*1000) / 1000
	det.Dialect = d.tags[idx[0]]
	if d.abstain > 0 && det.Margin < d.abstain {
		det.Dialect, det.Abstained = "es", true
		det.Region = d.region(idx, sc.score, top-d.abstain)
	}
	if sc.ev != nil {
		det.Evidence = sc.ev.byVariety(d.tags, idx, sc.score)
	}
	return det
}

// region is the nearest id above the best candidate (idx[0]) whose
// members include every candidate scoring above floor, or "" when that is
// only "es". idx orders the candidates by score, best first.
func (d *Detector) region(idx []int, score []float64, floor float64) string {
	up := d.chains[idx[0]][1:] // the best candidate's groups and tags, narrowest first
	k := 0                     // up[k] is the narrowest id that still covers them all
	for _, i := range idx[1:] {
		if score[i] <= floor {
			break
		}
		for k < len(up) && !slices.Contains(d.chains[i], up[k]) {
			k++
		}
	}
	if k >= len(up) || up[k] == "es" {
		return ""
	}
	return up[k]
}
