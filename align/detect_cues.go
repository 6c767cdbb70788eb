package align

import (
	_ "embed"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/habla-es/habla/dialects"
)

// data/cues.tsv holds cue words derived statistically from DSL-TL
// ES_train.tsv and the ACTIV-ES train documents (its header says how):
// for each word, a log-weight per variety, centred on the varieties the
// source has. Only the derived words and weights ship, no sentences.
//
//go:embed data/cues.tsv
var cuesTSV string

const cuesPath = "align/data/cues.tsv"

// cueWeight is a cue word's weight for one candidate.
type cueWeight struct {
	cand int
	w    float64
}

// cueRow is one line of cues.tsv: a word, its source and weights by tag.
type cueRow struct {
	word, source string
	weights      map[string]float64
}

var loadedCues = sync.OnceValues(func() ([]cueRow, error) { return parseCues(cuesTSV) })

// parseCues reads the TSV: comment lines start with #, the first other
// line names the columns: word, source, then one tag per column.
func parseCues(data string) ([]cueRow, error) {
	var cols []string
	var rows []cueRow
	n := 0
	for line := range strings.Lines(data) {
		n++
		line = strings.TrimRight(line, "\r\n")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if cols == nil {
			if len(f) < 3 || f[0] != "word" || f[1] != "source" {
				return nil, fmt.Errorf("%s:%d: want the header word, source, tags…", cuesPath, n)
			}
			cols = f
			continue
		}
		if len(f) != len(cols) {
			return nil, fmt.Errorf("%s:%d: %d columns, want %d", cuesPath, n, len(f), len(cols))
		}
		r := cueRow{word: f[0], source: f[1], weights: map[string]float64{}}
		for i := 2; i < len(f); i++ {
			if f[i] == "" {
				continue
			}
			w, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %s: %v", cuesPath, n, cols[i], err)
			}
			r.weights[cols[i]] = w
		}
		rows = append(rows, r)
	}
	return rows, nil
}

// loadCues maps the cue words to this detector's candidates.
func loadCues(set *dialects.Set, cands []*dialects.Profile, scale map[string]float64) (map[string][]cueWeight, error) {
	rows, err := loadedCues()
	if err != nil {
		return nil, err
	}
	return cueTable(set, rows, cands, scale), nil
}

// cueTable gives each candidate a cue word's weight. A candidate the
// source has no data for takes the weight of the source's variety in its
// region group (es-UY and es-PY take es-AR's), else the mean of the
// source's American varieties for an American one, else the mean of all:
// a source that knows only es-AR must not tell es-AR from es-UY.
func cueTable(set *dialects.Set, rows []cueRow, cands []*dialects.Profile, scale map[string]float64) map[string][]cueWeight {
	out := map[string][]cueWeight{}
	for _, r := range rows {
		if scale[r.source] == 0 || len(r.weights) < 2 {
			continue
		}
		ws := make([]cueWeight, len(cands))
		mean := 0.0
		for i, c := range cands {
			ws[i] = cueWeight{cand: i, w: proxyWeight(set, c, r.weights)}
			mean += ws[i].w
		}
		mean /= float64(len(cands))
		varies := false
		for i := range ws {
			ws[i].w = (ws[i].w - mean) * scale[r.source]
			varies = varies || math.Abs(ws[i].w) > 1e-9
		}
		if varies {
			out[r.word] = append(out[r.word], ws...)
		}
	}
	return out
}

// proxyWeight is the weight for candidate c from a source's weights by tag.
func proxyWeight(set *dialects.Set, c *dialects.Profile, ws map[string]float64) float64 {
	if w, ok := ws[c.Tag]; ok {
		return w
	}
	chain := set.Chain(c)
	american := slices.Contains(chain, "es-419")
	sum, n := 0.0, 0
	for tag, w := range ws {
		p, ok := set.Profile(tag)
		if !ok {
			continue
		}
		if p.Group != "" && p.Group == c.Group {
			return w
		}
		if !american || slices.Contains(set.Chain(p), "es-419") {
			sum, n = sum+w, n+1
		}
	}
	if n == 0 {
		for _, w := range ws {
			sum, n = sum+w, n+1
		}
	}
	return sum / float64(n)
}
