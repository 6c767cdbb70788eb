package corpus

import (
	"bufio"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strings"
	"sync"

	"github.com/habla-es/habla/token"
)

// ModelVersion is the version of the model file format; Load refuses
// other versions.
const ModelVersion = 1

const modelMagic = "habla-variety-model"

// Features of the model: character n-grams of 1 to maxGram code points
// inside each lowercase word padded with spaces (" vos " gives " v", "vos",
// "os "…), the lowercase words themselves and pairs of consecutive words,
// hashed into buckets.
const (
	maxGram        = 5
	DefaultBuckets = 1 << 20
	charSeed       = 0xcbf29ce484222325 // FNV-1a offset basis
	wordSeed       = 0x84222325cbf29ce4
	fnvPrime       = 0x100000001b3
)

// Model is a multinomial naive Bayes model of the varieties: for each, the
// log-probability of each feature bucket, with add-alpha smoothing. It
// is immutable once trained and safe for concurrent use.
type Model struct {
	Version int
	// CorpusHash identifies the documents it was trained on: a hash of
	// their ids and varieties, in id order.
	CorpusHash string
	// Varieties are the tags it tells apart, sorted.
	Varieties []string
	// Docs and Tokens count the training documents and word tokens per
	// variety.
	Docs, Tokens []int
	Buckets      int
	Alpha        float64
	// Window binarizes the features: each counts once per stretch of
	// Window words (0: every occurrence counts), so that a name repeated
	// all through a film does not outweigh the rest.
	Window int
	// NoBigrams leaves out the word-pair features (a model of the
	// comparison in EVALUATION.md; trained models have them).
	NoBigrams bool
	// Scale turns summed log-probabilities into the log-scores Score
	// returns: naive Bayes counts overlapping n-grams as independent
	// evidence and is overconfident by far; see Calibrate.
	Scale float64
	// Weight is how much the scores count beside the rule evidence of
	// dialect detection, fitted with it on held-out training documents
	// (see CalibrateWeight); 0, in a model trained without the rules,
	// means 1.
	Weight float64
	// Abstain is the margin in nats below which detection with this
	// model abstains, calibrated on held-out pieces and the corpus's
	// General texts (see CalibrateAbstain); 0: not calibrated (detection
	// keeps its own).
	Abstain float64
	// General counts the General texts Abstain was calibrated on.
	General int
	// Kind is NaiveBayes or Logistic.
	Kind string
	// Weights[b*len(Varieties)+v] is, for naive Bayes, log P(bucket b |
	// variety v); for the logistic model, the weight of bucket b for
	// variety v, with Bias[v] its intercept. Bucket-major, so that a
	// feature's weights share a cache line.
	Weights []float32
	Bias    []float32
}

// The kinds of model.
const (
	NaiveBayes = "naive-bayes"
	Logistic   = "logistic"
)

// Trainer counts features per variety. Add documents, then call Model.
type Trainer struct {
	buckets   int
	window    int
	noBigrams bool // for the comparison in TestModelTuning
	counts    map[string][]float64
	docs      map[string]int
	tokens    map[string]int
	ids       []string
	texts     []labelledText
	scratch   []uint32
}

type labelledText struct{ variety, text string }

// NewTrainer returns a Trainer hashing features into buckets (0 means
// DefaultBuckets), each counted once per window words (0: every time).
func NewTrainer(buckets, window int) *Trainer {
	if buckets <= 0 {
		buckets = DefaultBuckets
	}
	return &Trainer{buckets: buckets, window: window, counts: map[string][]float64{}, docs: map[string]int{}, tokens: map[string]int{}}
}

// Add counts the features of a document of the variety.
func (t *Trainer) Add(variety, text string) {
	c := t.counts[variety]
	if c == nil {
		c = make([]float64, t.buckets)
		t.counts[variety] = c
	}
	var words int
	t.scratch, words = features(t.scratch[:0], text, t.buckets, t.window, !t.noBigrams)
	for _, b := range t.scratch {
		c[b]++
	}
	t.docs[variety]++
	t.tokens[variety] += words
	t.ids = append(t.ids, variety+"\t"+DocID(text))
	t.texts = append(t.texts, labelledText{variety, text})
}

// Model returns the naive Bayes model of what was added, smoothed with
// alpha (0 means DefaultAlpha).
func (t *Trainer) Model(alpha float64) (*Model, error) {
	if len(t.counts) < 2 {
		return nil, fmt.Errorf("corpus train: need documents of two varieties or more, have %d", len(t.counts))
	}
	if alpha <= 0 {
		alpha = DefaultAlpha
	}
	m := &Model{Version: ModelVersion, Kind: NaiveBayes, Buckets: t.buckets, Window: t.window, NoBigrams: t.noBigrams, Alpha: alpha, Scale: 1}
	for v := range t.counts {
		m.Varieties = append(m.Varieties, v)
	}
	slices.Sort(m.Varieties)
	k := len(m.Varieties)
	m.Weights = make([]float32, t.buckets*k)
	for v, tag := range m.Varieties {
		c := t.counts[tag]
		total := 0.0
		for _, n := range c {
			total += n
		}
		denom := math.Log(total + alpha*float64(len(c)))
		for b, n := range c {
			m.Weights[b*k+v] = float32(math.Log(n+alpha) - denom)
		}
		m.Docs = append(m.Docs, t.docs[tag])
		m.Tokens = append(m.Tokens, t.tokens[tag])
	}
	slices.Sort(t.ids)
	h := sha256.New()
	for _, id := range t.ids {
		io.WriteString(h, id+"\n")
	}
	m.CorpusHash = hex.EncodeToString(h.Sum(nil)[:16])
	return m, nil
}

// features appends the feature buckets of text to dst and returns them
// with the number of words.
func features(dst []uint32, text string, buckets, window int, bigrams bool) ([]uint32, int) {
	return tokenFeatures(dst, token.Tokenize(text), buckets, window, bigrams)
}

// tokenFeatures is features over tokens already made.
func tokenFeatures(dst []uint32, ts []token.Token, buckets, window int, bigrams bool) ([]uint32, int) {
	var buf [64]rune
	runes := buf[:0]
	words := 0
	var prev uint64
	start := len(dst)
	for _, tk := range ts {
		if tk.Kind != token.Word {
			continue
		}
		if window > 0 && words%window == 0 {
			dst = dedupe(dst, start)
			start = len(dst)
		}
		words++
		w := token.Lower(tk.Text)
		hw := hashString(wordSeed, w)
		dst = append(dst, uint32(hw%uint64(buckets)))
		if bigrams && prev != 0 {
			dst = append(dst, uint32(((prev*fnvPrime)^hw)*fnvPrime%uint64(buckets)))
		}
		prev = hw
		runes = append(runes[:0], ' ')
		for _, r := range w {
			runes = append(runes, r)
		}
		runes = append(runes, ' ')
		for i := range runes {
			h := uint64(charSeed)
			for n := 0; n < maxGram && i+n < len(runes); n++ {
				h = (h ^ uint64(runes[i+n])) * fnvPrime
				if n == 0 && runes[i] == ' ' {
					continue // a lone boundary says nothing
				}
				dst = append(dst, uint32(h%uint64(buckets)))
			}
		}
	}
	if window > 0 {
		dst = dedupe(dst, start)
	}
	return dst, words
}

// dedupe keeps one of each bucket in dst[start:], in bucket order (the
// order of features does not matter to the model).
func dedupe(dst []uint32, start int) []uint32 {
	slices.Sort(dst[start:])
	return dst[:start+len(slices.Compact(dst[start:]))]
}

func hashString(seed uint64, s string) uint64 {
	h := seed
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

// LogScores returns, for each of m.Varieties, the score of the text (for
// naive Bayes, the summed log-probability of its features, uniform
// priors; for the logistic model, the logit) and the number of features.
func (m *Model) LogScores(text string, dst []float64) ([]float64, int) {
	return m.logScores(text, nil, dst)
}

// scratch holds feature lists between calls.
var scratch = sync.Pool{New: func() any { return new([]uint32) }}

// logScores is LogScores over the tokens of text when ts is not nil.
func (m *Model) logScores(text string, ts []token.Token, dst []float64) ([]float64, int) {
	dst = slices.Grow(dst[:0], len(m.Varieties))[:len(m.Varieties)]
	clear(dst)
	if ts == nil {
		ts = token.Tokenize(text)
	}
	buf := scratch.Get().(*[]uint32)
	defer scratch.Put(buf)
	fs, _ := tokenFeatures((*buf)[:0], ts, m.Buckets, m.Window, !m.NoBigrams)
	*buf = fs
	k := len(m.Varieties)
	if m.Kind == Logistic {
		x := sparse(fs)
		for i, b := range x.idx {
			row := m.Weights[int(b)*k : int(b)*k+k]
			for v, w := range row {
				dst[v] += float64(x.val[i] * w)
			}
		}
		for v := range dst {
			dst[v] += float64(m.Bias[v])
		}
		return dst, len(fs)
	}
	for _, b := range fs {
		row := m.Weights[int(b)*k : int(b)*k+k]
		for v, w := range row {
			dst[v] += float64(w)
		}
	}
	return dst, len(fs)
}

// Best returns the most likely variety of the text among the tags given
// (nil: all the model knows) and its margin in nats over the runner-up,
// after Scale.
func (m *Model) Best(text string, among []string) (string, float64) {
	s, _ := m.LogScores(text, nil)
	best, second := "", math.Inf(-1)
	bs := math.Inf(-1)
	for i, v := range m.Varieties {
		if among != nil && !slices.Contains(among, v) {
			continue
		}
		switch {
		case s[i] > bs:
			second, bs, best = bs, s[i], v
		case s[i] > second:
			second = s[i]
		}
	}
	return best, (bs - second) * m.Scale
}

// Scorer is the seam through which dialect detection reads a trained
// model: for a text, a log-score per variety in the order of tags. It has
// the method set of align.Scorer (on the detect branch), so a *Model can
// be passed there as it is.
type Scorer interface {
	Score(text string, ts []token.Token, tags []string, dst []float64) []float64
}

var _ Scorer = (*Model)(nil)

// Score fills dst with the model's log-scores for tags, centred on their
// mean and multiplied by Scale: a variety the model does not know gets 0,
// the average; a text without words gets zeros (no opinion). ts are the
// text's tokens (token.Tokenize), or nil to have them made.
func (m *Model) Score(text string, ts []token.Token, tags []string, dst []float64) []float64 {
	dst = dst[:len(tags)]
	clear(dst)
	var sbuf [8]float64
	s, n := m.logScores(text, ts, sbuf[:0])
	if n == 0 {
		return dst
	}
	mean := 0.0
	for _, x := range s {
		mean += x
	}
	mean /= float64(len(s))
	for i, tag := range tags {
		if v := slices.Index(m.Varieties, tag); v >= 0 {
			dst[i] = (s[v] - mean) * m.Scale
		}
	}
	return dst
}

// Save writes the model to path: a header line naming the format and
// version, then the model in gob.
func (m *Model) Save(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	fmt.Fprintf(w, "%s %d\n", modelMagic, m.Version)
	if err := gob.NewEncoder(w).Encode(m); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	return f.Close()
}

// LoadModel reads a model saved by Save.
func LoadModel(path string) (*Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := bufio.NewReader(f)
	header, err := r.ReadString('\n')
	var version int
	if err == nil {
		_, err = fmt.Sscanf(strings.TrimSpace(header), modelMagic+" %d", &version)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: not a habla variety model", path)
	}
	if version != ModelVersion {
		return nil, fmt.Errorf("%s: model version %d, this habla reads version %d (train it again)", path, version, ModelVersion)
	}
	m := &Model{}
	if err := gob.NewDecoder(r).Decode(m); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if m.Buckets <= 0 || len(m.Weights) != m.Buckets*len(m.Varieties) {
		return nil, errors.New(path + ": damaged model")
	}
	return m, nil
}
