package corpus

import (
	"math"

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
}

// Train trains a naive Bayes model on docs and calibrates its Scale: a
// model trained on four fifths of the documents (by id) is fitted to the
// fifth held out, cut in pieces of 30 words, by minimising the log-loss
// of softmax(Scale × score); then the model is trained on all of them and
// keeps that Scale.
func Train(docs []Doc, opts TrainOptions) (*Model, error) {
	if opts.Window == 0 {
		opts.Window = DefaultWindow
	}
	if opts.Alpha == 0 {
		opts.Alpha = DefaultAlpha
	}
	fit, all := NewTrainer(opts.Buckets, opts.Window), NewTrainer(opts.Buckets, opts.Window)
	var held []Doc
	for _, d := range docs {
		all.Add(d.Variety, d.Text)
		if heldOutID(DocID(d.Text)) {
			held = append(held, d)
		} else {
			fit.Add(d.Variety, d.Text)
		}
	}
	m, err := all.Model(opts.Alpha)
	if err != nil {
		return nil, err
	}
	if fm, err := fit.Model(opts.Alpha); err == nil && len(fm.Varieties) == len(m.Varieties) {
		m.Scale = Calibrate(fm, pieces(held, calibrationWords))
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
			out = append(out, Doc{Variety: d.Variety, Text: d.Text[words[i].ByteStart:last.ByteEnd]})
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
