package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/habla-es/habla/token"
)

// The model's settings, chosen on held-out training data
// (TestModelTuning; EVALUATION.md): naive Bayes beat the logistic model
// there and trains in a fraction of the time.
const (
	DefaultWindow = 100
	DefaultAlpha  = 0.1
	// calibrationWords is the size of the pieces Scale is fitted on:
	// about a sentence or two, the size of a record in a pipeline.
	calibrationWords = 30
)

// TrainOptions configure Train; zero values mean the defaults.
type TrainOptions struct {
	Buckets, Window int
	Alpha           float64
	// NewRules, when set, returns the other evidence the model's scores
	// will be added to, for the model's varieties (dialect detection's
	// rules: an align.DetectWorker); Train then fits the model's Weight
	// beside them. fit are the documents the weight's model is trained
	// on: rules learnt from data (cue words) should learn from these
	// only, not from the documents held out to fit the weight.
	NewRules func(tags []string, fit []Doc) (Rules, error)
}

// Rules is evidence about the variety of a text other than the model's.
type Rules interface {
	// RuleScores appends to dst[:0] a score per tag, in nats.
	RuleScores(text string, tags []string, dst []float64) []float64
}

// General is the tag of texts in Spanish that carry no regional marker
// (DSL-TL's "ES" class): they are no variety of the model, and Train
// calibrates detection's abstention on them.
const General = "es"

// Train trains a naive Bayes model on docs and calibrates its Scale: a
// model trained on four fifths of the documents (by id) is fitted to the
// fifth held out, cut in pieces of 30 words, by minimising the log-loss
// of softmax(Scale × score); then the model is trained on all of them and
// keeps that Scale. With opts.NewRules, the same held-out pieces fit the
// model's Weight beside the rules and, when docs include General ones,
// detection's abstention margin (see CalibrateAbstain).
func Train(docs []Doc, opts TrainOptions) (*Model, error) {
	if opts.Window == 0 {
		opts.Window = DefaultWindow
	}
	if opts.Alpha == 0 {
		opts.Alpha = DefaultAlpha
	}
	fit, all := NewTrainer(opts.Buckets, opts.Window), NewTrainer(opts.Buckets, opts.Window)
	var held, fitDocs, general []Doc
	for _, d := range docs {
		if d.Variety == General {
			general = append(general, d)
			continue
		}
		all.Add(d.Variety, d.Text)
		if heldOutID(DocID(d.Text)) {
			held = append(held, d)
		} else {
			fit.Add(d.Variety, d.Text)
			fitDocs = append(fitDocs, d)
		}
	}
	m, err := all.Model(opts.Alpha)
	if err != nil {
		return nil, err
	}
	if fm, err := fit.Model(opts.Alpha); err == nil && len(fm.Varieties) == len(m.Varieties) {
		ps := pieces(held, calibrationWords)
		m.Scale = Calibrate(fm, ps)
		if opts.NewRules != nil {
			rules, err := opts.NewRules(fm.Varieties, fitDocs)
			if err != nil {
				return nil, fmt.Errorf("corpus train: the rules to weigh the model against: %w", err)
			}
			fm.Scale = m.Scale
			m.Weight = CalibrateWeight(fm, ps, rules)
			if len(general) > 0 {
				m.Abstain = CalibrateAbstain(fm, m.Weight, ps, pieces(general, calibrationWords), rules)
				m.General = len(general)
			}
		}
	}
	if len(general) > 0 {
		h := sha256.New()
		io.WriteString(h, m.CorpusHash+"\n")
		var ids []string
		for _, d := range general {
			ids = append(ids, DocID(d.Text))
		}
		slices.Sort(ids)
		for _, id := range ids {
			io.WriteString(h, General+"\t"+id+"\n")
		}
		m.CorpusHash = hex.EncodeToString(h.Sum(nil)[:16])
	}
	return m, nil
}

// heldOutID puts about one document in five (3/16) aside, by its id.
func heldOutID(id string) bool {
	return id != "" && (id[0] == '0' || id[0] == '1' || id[0] == '2')
}

// pieces cuts documents into pieces of n words.
func pieces(docs []Doc, n int) []Doc {
	var out []Doc
	for _, d := range docs {
		var words []token.Token
		for _, tk := range token.Tokenize(d.Text) {
			if tk.Kind == token.Word {
				words = append(words, tk)
			}
		}
		for i := 0; i < len(words); i += n {
			last := words[min(i+n, len(words))-1]
			out = append(out, Doc{Variety: d.Variety, Source: d.Source, Text: d.Text[words[i].ByteStart:last.ByteEnd]})
		}
	}
	return out
}

// Calibrate returns the scale s that minimises the log-loss of
// softmax(s × LogScores) on the labelled docs: naive Bayes sums
// overlapping n-grams as if independent, and s undoes its overconfidence
// so that scores read as log-probabilities. It returns 1 without docs.
func Calibrate(m *Model, docs []Doc) float64 {
	type row struct {
		y int
		s []float64
	}
	var rows []row
	for _, d := range docs {
		y := -1
		for i, v := range m.Varieties {
			if v == d.Variety {
				y = i
			}
		}
		if y < 0 {
			continue
		}
		s, n := m.LogScores(d.Text, nil)
		if n > 0 {
			rows = append(rows, row{y, s})
		}
	}
	if len(rows) == 0 {
		return 1
	}
	loss := func(scale float64) float64 {
		total := 0.0
		z := make([]float64, len(m.Varieties))
		for _, r := range rows {
			for i, x := range r.s {
				z[i] = scale * x
			}
			total -= logSoftmax(z, r.y)
		}
		return total / float64(len(rows))
	}
	// golden-section search on log(scale) in [1e-4, 1]
	lo, hi := math.Log(1e-4), 0.0
	g := (math.Sqrt(5) - 1) / 2
	for range 60 {
		a, b := hi-g*(hi-lo), lo+g*(hi-lo)
		if loss(math.Exp(a)) < loss(math.Exp(b)) {
			hi = b
		} else {
			lo = a
		}
	}
	return math.Exp((lo + hi) / 2)
}

// The model's weight beside the rules is searched in [minWeight,
// maxWeight]: a model given with --model always counts for something.
const (
	minWeight = 1.0 / 64
	maxWeight = 8
)

// CalibrateWeight returns the weight w in [1/64, 8] that minimises the
// log-loss of softmax(rules + w × m.Score) on the labelled docs: how much
// the model's scaled scores should count beside the rule evidence when
// detection adds them up. Each source (Doc.Source) weighs the same in the
// loss, however many pieces it has: the combination serves every kind of
// text the corpus holds (subtitles, news…), not only its largest source,
// and the rules' strength differs by kind (dialogue addresses someone,
// news rarely does). It returns 1 without docs.
func CalibrateWeight(m *Model, docs []Doc, rules Rules) float64 {
	type row struct {
		y      int
		src    string
		r, s   []float64
		weight float64
	}
	var rows []row
	perSource := map[string]int{}
	for _, d := range docs {
		y := slices.Index(m.Varieties, d.Variety)
		if y < 0 {
			continue
		}
		s := m.Score(d.Text, nil, m.Varieties, make([]float64, len(m.Varieties)))
		r := rules.RuleScores(d.Text, m.Varieties, nil)
		rows = append(rows, row{y: y, src: d.Source, r: r, s: s})
		perSource[d.Source]++
	}
	if len(rows) == 0 {
		return 1
	}
	for i := range rows {
		rows[i].weight = 1 / float64(perSource[rows[i].src]*len(perSource))
	}
	z := make([]float64, len(m.Varieties))
	loss := func(w float64) float64 {
		total := 0.0
		for _, r := range rows {
			for i := range z {
				z[i] = r.r[i] + w*r.s[i]
			}
			total -= r.weight * logSoftmax(z, r.y)
		}
		return total
	}
	// The loss is convex in w (a log-sum-exp of affine functions plus a
	// linear term), so golden-section search finds its minimum.
	lo, hi := minWeight, float64(maxWeight)
	g := (math.Sqrt(5) - 1) / 2
	for range 60 {
		a, b := hi-g*(hi-lo), lo+g*(hi-lo)
		if loss(a) < loss(b) {
			hi = b
		} else {
			lo = a
		}
	}
	return (lo + hi) / 2
}

// CalibrateAbstain returns the margin, in nats between the best
// variety's score and the runner-up's under rules + weight × model, below
// which detection should abstain: the one that maximises the macro-F1
// over the model's varieties and abstention, on the labelled pieces of
// the sources that also have General texts (a source that never labels a
// text "no marker" says nothing about when to abstain) and the General
// pieces, which are right only when abstained on. Margins from 0 to 8
// nats in steps of 0.05; 0 when there is nothing to calibrate on.
func CalibrateAbstain(m *Model, weight float64, docs, general []Doc, rules Rules) float64 {
	sources := map[string]bool{}
	for _, d := range general {
		sources[d.Source] = true
	}
	type row struct {
		gold, best int // gold: -1 for General
		margin     float64
	}
	k := len(m.Varieties)
	var rows []row
	z := make([]float64, k)
	add := func(d Doc, gold int) {
		s := m.Score(d.Text, nil, m.Varieties, make([]float64, k))
		r := rules.RuleScores(d.Text, m.Varieties, nil)
		for i := range z {
			z[i] = r[i] + weight*s[i]
		}
		best, second := 0, -1
		for i := 1; i < k; i++ {
			if z[i] > z[best] {
				best, second = i, best
			} else if second < 0 || z[i] > z[second] {
				second = i
			}
		}
		rows = append(rows, row{gold: gold, best: best, margin: z[best] - z[second]})
	}
	for _, d := range docs {
		if y := slices.Index(m.Varieties, d.Variety); y >= 0 && sources[d.Source] {
			add(d, y)
		}
	}
	for _, d := range general {
		add(d, -1)
	}
	if len(rows) == 0 || len(rows) == len(general) {
		return 0
	}
	bestTau, bestF1 := 0.0, -1.0
	tp, fp, fn := make([]int, k+1), make([]int, k+1), make([]int, k+1) // k: abstention
	for step := 0; step <= 160; step++ {
		tau := float64(step) * 0.05
		clear(tp)
		clear(fp)
		clear(fn)
		for _, r := range rows {
			pred, gold := r.best, r.gold
			if r.margin < tau {
				pred = k
			}
			if gold < 0 {
				gold = k
			}
			if pred == gold {
				tp[gold]++
			} else {
				fp[pred]++
				fn[gold]++
			}
		}
		f1, n := 0.0, 0
		for c := range tp {
			if tp[c]+fn[c] == 0 {
				continue // a variety these sources have no text of
			}
			n++
			if tp[c] > 0 {
				f1 += 2 * float64(tp[c]) / float64(2*tp[c]+fp[c]+fn[c])
			}
		}
		if f1 /= float64(n); f1 > bestF1+1e-12 {
			bestTau, bestF1 = tau, f1
		}
	}
	return bestTau
}

func logSoftmax(z []float64, y int) float64 {
	mx := math.Inf(-1)
	for _, x := range z {
		mx = max(mx, x)
	}
	sum := 0.0
	for _, x := range z {
		sum += math.Exp(x - mx)
	}
	return z[y] - mx - math.Log(sum)
}

// Train trains a model on every document of the corpus (see Train).
func (c *Corpus) Train(opts TrainOptions) (*Model, error) {
	var docs []Doc
	err := c.Scan("", func(d Doc) error {
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return Train(docs, opts)
}
