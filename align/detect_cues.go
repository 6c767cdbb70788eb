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
	proxies := map[string][][]string{} // the source's tags → per candidate, the tags to average
	for _, r := range rows {
		if scale[r.source] == 0 || len(r.weights) < 2 {
			continue
		}
		key := tagKey(r.weights)
		px, ok := proxies[key]
		if !ok {
			px = make([][]string, len(cands))
			for i, c := range cands {
				px[i] = proxyTags(set, c, r.weights)
			}
			proxies[key] = px
		}
		ws := make([]cueWeight, len(cands))
		mean := 0.0
		for i := range cands {
			w := 0.0
			for _, t := range px[i] {
				w += r.weights[t]
			}
			ws[i] = cueWeight{cand: i, w: w / float64(len(px[i]))}
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

// tagKey names the set of tags a row has weights for.
func tagKey(ws map[string]float64) string {
	tags := make([]string, 0, len(ws))
	for t := range ws {
		tags = append(tags, t)
	}
	slices.Sort(tags)
	return strings.Join(tags, " ")
}

// proxyTags are the source's tags whose weights candidate c takes: its
// own; else the one in its region group; else, for an American variety,
// the source's American ones; else all.
func proxyTags(set *dialects.Set, c *dialects.Profile, ws map[string]float64) []string {
	if _, ok := ws[c.Tag]; ok {
		return []string{c.Tag}
	}
	american := slices.Contains(set.Chain(c), "es-419")
	var near, all []string
	for tag := range ws {
		all = append(all, tag)
		p, ok := set.Profile(tag)
		if !ok {
			continue
		}
		if p.Group != "" && p.Group == c.Group {
			return []string{tag}
		}
		if !american || slices.Contains(set.Chain(p), "es-419") {
			near = append(near, tag)
		}
	}
	if len(near) == 0 {
		near = all
	}
	slices.Sort(near)
	return near
}
