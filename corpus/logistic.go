package corpus

import (
	"math"
	"math/rand/v2"
	"slices"

	"github.com/habla-es/habla/token"
)

// vector is a sparse feature vector: distinct buckets, their values.
type vector struct {
	idx []uint32
	val []float32
}

// sparse turns a list of feature buckets into counts scaled to unit
// length, so that a text's score does not grow with its length.
func sparse(fs []uint32) vector {
	sorted := slices.Clone(fs)
	slices.Sort(sorted)
	var v vector
	for i, b := range sorted {
		if i > 0 && sorted[i-1] == b {
			v.val[len(v.val)-1]++
			continue
		}
		v.idx = append(v.idx, b)
		v.val = append(v.val, 1)
	}
	norm := 0.0
	for _, x := range v.val {
		norm += float64(x * x)
	}
	if norm > 0 {
		inv := float32(1 / math.Sqrt(norm))
		for i := range v.val {
			v.val[i] *= inv
		}
	}
	return v
}

func (v vector) dot(w []float32) float64 {
	s := 0.0
	for i, b := range v.idx {
		s += float64(v.val[i] * w[b])
	}
	return s
}

// LogisticOptions configure the training of a logistic model.
type LogisticOptions struct {
	// Epochs over the training examples; 0 means 6.
	Epochs int
	// Rate is the initial learning rate; 0 means 0.5.
	Rate float64
	// ChunkWords cuts documents into examples of this many words; 0
	// means 30 (about a sentence or two of dialogue).
	ChunkWords int
}

// example is a training example: a variety's index and features.
type example struct {
	y int
	x vector
}

// Logistic trains a multinomial logistic regression (softmax) on what was
// added, by averaged stochastic gradient descent over chunks of the
// documents, in a fixed pseudo-random order: the same documents give the
// same model.
func (t *Trainer) Logistic(opts LogisticOptions) (*Model, error) {
	m, err := t.Model(0)
	if err != nil {
		return nil, err
	}
	opts = opts.withDefaults()
	exs := t.examples(m.Varieties, opts.ChunkWords)
	k := len(m.Varieties)
	w := make([][]float32, k)
	u := make([][]float32, k) // Σ c·Δw, for averaging
	for v := range w {
		w[v], u[v] = make([]float32, t.buckets), make([]float32, t.buckets)
	}
	bias, ubias := make([]float64, k), make([]float64, k)
	rng := rand.New(rand.NewPCG(1, 2))
	p := make([]float64, k)
	c := 1.0
	for epoch := range opts.Epochs {
		rate := opts.Rate / (1 + float64(epoch))
		rng.Shuffle(len(exs), func(i, j int) { exs[i], exs[j] = exs[j], exs[i] })
		for _, e := range exs {
			for v := range p {
				p[v] = e.x.dot(w[v]) + bias[v]
			}
			softmax(p)
			for v := range p {
				g := p[v]
				if v == e.y {
					g--
				}
				if g == 0 {
					continue
				}
				step := float32(rate * g)
				for i, b := range e.x.idx {
					d := step * e.x.val[i]
					w[v][b] -= d
					u[v][b] -= float32(c) * d
				}
				bias[v] -= rate * g
				ubias[v] -= c * rate * g
			}
			c++
		}
	}
	m.Kind, m.Alpha = Logistic, 0
	m.Bias = make([]float32, k)
	for v := range w {
		for b := range w[v] {
			m.Weights[b*k+v] = w[v][b] - u[v][b]/float32(c)
		}
		m.Bias[v] = float32(bias[v] - ubias[v]/c)
	}
	return m, nil
}

func (o LogisticOptions) withDefaults() LogisticOptions {
	if o.Epochs <= 0 {
		o.Epochs = 6
	}
	if o.Rate <= 0 {
		o.Rate = 0.5
	}
	if o.ChunkWords <= 0 {
		o.ChunkWords = 30
	}
	return o
}

// examples cuts the documents added into chunks of n words.
func (t *Trainer) examples(varieties []string, n int) []example {
	var exs []example
	var fs []uint32
	for _, d := range t.texts {
		y := slices.Index(varieties, d.variety)
		var words []token.Token
		for _, tk := range token.Tokenize(d.text) {
			if tk.Kind == token.Word {
				words = append(words, tk)
			}
		}
		for i := 0; i < len(words); i += n {
			last := words[min(i+n, len(words))-1]
			fs, _ = features(fs[:0], d.text[words[i].ByteStart:last.ByteEnd], t.buckets, 0, !t.noBigrams)
			exs = append(exs, example{y: y, x: sparse(fs)})
		}
	}
	return exs
}

func softmax(z []float64) {
	mx := slices.Max(z)
	sum := 0.0
	for i := range z {
		z[i] = math.Exp(z[i] - mx)
		sum += z[i]
	}
	for i := range z {
		z[i] /= sum
	}
}
