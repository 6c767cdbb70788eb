package align

import (
	"fmt"
	"math"
	"os"
	"sort"
	"strings"
	"testing"
)

// Cue words are derived here, not by hand: HABLA_DERIVE_CUES=1 go test
// ./align -run TestDeriveCues rewrites data/cues.tsv from DSL-TL
// ES_train.tsv (es-AR vs es-ES news) and the ACTIV-ES train documents
// (es-AR, es-MX, es-ES subtitles). Nothing else is read.

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
}

var (
	dsltlCueParams = cueParams{minTotal: 2, minDocs: 2, minWeight: 0.3, alpha: 1, balanced: true}
	activCueParams = cueParams{minTotal: 20, minDocs: 4, minWeight: 0.7, alpha: 1}
)

// derive turns counts into centred log-probability weights per class.
func (c *counter) derive(source string, classes []string, p cueParams) []cueRow {
	v := float64(len(c.words))
	var rows []cueRow
	for w, wc := range c.words {
		if wc.total < p.minTotal || float64(wc.midCap) > 0.5*float64(wc.total) || !isCueWord(w) {
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

func deriveDSLTL(rows []labelled) []cueRow {
	c := newCounter(true)
	for _, r := range rows {
		if r.gold == "es-AR" || r.gold == "es-ES" {
			c.add(r.gold, r.text)
		}
	}
	return c.derive("dsl-tl", []string{"es-AR", "es-ES"}, dsltlCueParams)
}

func deriveActiv(docs []activDoc) []cueRow {
	c := newCounter(false)
	for _, d := range docs {
		c.add(d.gold, d.text)
	}
	return c.derive("activ-es", []string{"es-AR", "es-ES", "es-MX"}, activCueParams)
}

const cuesHeader = `# Cue words for align.Detect, derived statistically (align/detect_derive_test.go,
# HABLA_DERIVE_CUES=1 go test ./align -run TestDeriveCues). Only words and weights.
# Each weight is a class's smoothed log-probability of the word minus the mean over
# the source's classes (nats); Detect adds it once per occurrence, times the
# source's weight in align/detect_cues.go.
# Sources and filters:
#   dsl-tl    DSL-TL (Zampieri et al. 2023, VarDial), ES_train.tsv only: the 851 ES-AR
#             and 1,485 ES-ES news sentences; a word counts once per sentence;
#             kept if seen %d+ times, in %d+ sentences of its class, |weight| >= %.1f,
#             add-%g smoothing. ES_dev.tsv was not read.
#   activ-es  ACTIV-ES (Francom, Hulden & Ussishkin 2014), train documents of SPLIT.tsv
#             only (AR, ES, MX film and TV subtitles); kept if seen %d+ times, in %d+
#             documents of its class, |weight| >= %.1f, add-%g smoothing. Eval documents
#             were not read.
# Words capitalised in mid-sentence in most of their occurrences (names) and
# words with digits are left out: names of places belong in places.yaml.
# DSLCC was not read.
`

func TestDeriveCues(t *testing.T) {
	if os.Getenv("HABLA_DERIVE_CUES") == "" {
		t.Skip("set HABLA_DERIVE_CUES=1 to rewrite data/cues.tsv")
	}
	rows := append(deriveDSLTL(readDSLTL(t, dsltlTrain)), deriveActiv(readActiv(t, "train"))...)
	d, a := dsltlCueParams, activCueParams
	var b strings.Builder
	fmt.Fprintf(&b, cuesHeader, d.minTotal, d.minDocs, d.minWeight, d.alpha, a.minTotal, a.minDocs, a.minWeight, a.alpha)
	writeCueRows(&b, rows)
	if err := os.WriteFile("data/cues.tsv", []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d cue rows", len(rows))
}

func writeCueRows(b *strings.Builder, rows []cueRow) {
	tags := []string{"es-AR", "es-ES", "es-MX"}
	b.WriteString("word\tsource\t" + strings.Join(tags, "\t") + "\n")
	for _, r := range rows {
		cols := []string{r.word, r.source}
		for _, tg := range tags {
			if w, ok := r.weights[tg]; ok {
				cols = append(cols, fmt.Sprint(w))
			} else {
				cols = append(cols, "")
			}
		}
		b.WriteString(strings.Join(cols, "\t") + "\n")
	}
}
