package align

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/habla-es/habla/token"
)

// Cue words are derived from labelled texts, not written by hand:
// data/cues.tsv is what DeriveCues gives on habla's training data
// (HABLA_DERIVE_CUES=1 go test ./align -run TestDeriveCues), and a
// variety model's training derives them again without the texts it
// holds out (DetectOptions.CueTexts), so that the rules it is weighed
// against have not seen those texts.

// cueSource is how the cue words of one source are derived.
type cueSource struct {
	classes []string
	binary  bool // count a word once per text (sentences)
	params  cueParams
}

// cueSources are the sources of data/cues.tsv.
var cueSources = map[string]cueSource{
	"dsl-tl":   {classes: []string{"es-AR", "es-ES"}, binary: true, params: dsltlCueParams},
	"activ-es": {classes: []string{"es-AR", "es-ES", "es-MX"}, params: activCueParams},
}

// CueSources are the names of the sources of the shipped cue words, as
// DetectOptions.CueTexts takes them: "activ-es", "dsl-tl".
func CueSources() []string {
	var out []string
	for s := range cueSources {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// LabelledText is a text of known variety.
type LabelledText struct {
	Variety, Text string
}

// rederive returns the shipped cue rows with those of each source in
// texts derived again from its texts.
func rederive(texts map[string][]LabelledText) ([]cueRow, error) {
	shipped, err := loadedCues()
	if err != nil {
		return nil, err
	}
	var rows []cueRow
	for _, r := range shipped {
		if _, ok := texts[r.source]; !ok {
			rows = append(rows, r)
		}
	}
	for _, src := range CueSources() {
		if ts, ok := texts[src]; ok {
			rows = append(rows, deriveCues(src, ts)...)
		}
	}
	for src := range texts {
		if _, ok := cueSources[src]; !ok {
			return nil, fmt.Errorf("detect: no cue words come from %q (the sources are %s)", src, strings.Join(CueSources(), ", "))
		}
	}
	return rows, nil
}

// deriveCues derives the cue words of a shipped source from texts; texts
// of varieties the source does not tell apart are left out.
func deriveCues(source string, texts []LabelledText) []cueRow {
	cs := cueSources[source]
	c := newCounter(cs.binary)
	for _, t := range texts {
		for _, cl := range cs.classes {
			if t.Variety == cl {
				c.add(cl, t.Text)
			}
		}
	}
	return c.derive(source, cs.classes, cs.params)
}

// wordCounts are per-class counts of one word.
type wordCounts struct {
	n      map[string]float64 // occurrences (or sentences) by class
	docs   map[string]int     // documents by class
	midCap int                // occurrences capitalised in mid-sentence
	total  int
}

type counter struct {
	words  map[string]*wordCounts
	size   map[string]float64 // tokens (or sentences) by class
	docs   map[string]int
	binary bool // count a word once per text (short texts)
}

func newCounter(binary bool) *counter {
	return &counter{words: map[string]*wordCounts{}, size: map[string]float64{}, docs: map[string]int{}, binary: binary}
}

func (c *counter) add(class, text string) {
	seen := map[string]bool{}
	c.docs[class]++
	words(text, func(w string, midCap bool) {
		wc, ok := c.words[w]
		if !ok {
			wc = &wordCounts{n: map[string]float64{}, docs: map[string]int{}}
			c.words[w] = wc
		}
		wc.total++
		if midCap {
			wc.midCap++
		}
		if !seen[w] {
			wc.docs[class]++
		}
		if !c.binary || !seen[w] {
			wc.n[class]++
			c.size[class]++
		}
		seen[w] = true
	})
}

// cueParams filter and smooth the derived weights.
type cueParams struct {
	minTotal, minDocs int     // occurrences; texts in the favoured class
	minWeight         float64 // |centred log-ratio|
	alpha             float64 // additive smoothing
	balanced          bool    // scale minDocs by the class's number of texts
	names             bool    // keep words mostly capitalised in mid-sentence
}

var (
	dsltlCueParams = cueParams{minTotal: 2, minDocs: 2, minWeight: 0.3, alpha: 1, balanced: true, names: true}
	activCueParams = cueParams{minTotal: 20, minDocs: 4, minWeight: 0.7, alpha: 1}
)

// derive turns counts into centred log-probability weights per class.
func (c *counter) derive(source string, classes []string, p cueParams) []cueRow {
	v := float64(len(c.words))
	var rows []cueRow
	for w, wc := range c.words {
		if wc.total < p.minTotal || !p.names && float64(wc.midCap) > 0.5*float64(wc.total) || !isCueWord(w) {
			continue
		}
		lp := make([]float64, len(classes))
		mean := 0.0
		for i, cl := range classes {
			lp[i] = math.Log((wc.n[cl] + p.alpha) / (c.size[cl] + p.alpha*v))
			mean += lp[i]
		}
		mean /= float64(len(classes))
		best, maxAbs := 0, 0.0 // best: the class the word favours most
		r := cueRow{word: w, source: source, weights: map[string]float64{}}
		for i, cl := range classes {
			x := math.Round((lp[i]-mean)*1000) / 1000
			r.weights[cl] = x
			maxAbs = math.Max(maxAbs, math.Abs(x))
			if x > r.weights[classes[best]] {
				best = i
			}
		}
		if maxAbs < p.minWeight || wc.docs[classes[best]] < c.minDocsFor(classes, classes[best], p) {
			continue
		}
		rows = append(rows, r)
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].word < rows[j].word })
	return rows
}

// minDocsFor scales minDocs with the class's share of the texts when
// balanced: a larger class would otherwise pass more of its chance words
// through the filter and pull every text its way.
func (c *counter) minDocsFor(classes []string, class string, p cueParams) int {
	if !p.balanced {
		return p.minDocs
	}
	least := c.docs[classes[0]]
	for _, cl := range classes[1:] {
		least = min(least, c.docs[cl])
	}
	return int(math.Ceil(float64(p.minDocs) * float64(c.docs[class]) / float64(least)))
}

// isCueWord keeps words of letters that are not one letter long.
func isCueWord(w string) bool {
	n := 0
	for _, r := range w {
		n++
		if r >= '0' && r <= '9' {
			return false
		}
	}
	return n > 1
}

// words are the word tokens of text, lowercased, with whether each was
// capitalised in mid-sentence (a name, more likely than a cue).
func words(text string, f func(lower string, midCap bool)) {
	ts := token.Tokenize(text)
	for i, tk := range ts {
		if tk.Kind != token.Word {
			continue
		}
		r, _ := utf8.DecodeRuneInString(tk.Text)
		f(token.Lower(tk.Text), isUpperRune(r) && !sentenceStart(ts, i))
	}
}
