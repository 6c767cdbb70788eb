package corpus

import (
	"cmp"
	"maps"
	"math"
	"slices"

	"github.com/habla-es/habla/token"
)

// StatsRow counts the documents, word tokens and word types (distinct
// lowercase forms) of one variety and source. Totals have Source "" (a
// variety's) or Variety and Source "" (the corpus's).
type StatsRow struct {
	Variety string `json:"variety"`
	Source  string `json:"source"`
	Docs    int    `json:"docs"`
	Tokens  int    `json:"tokens"`
	Types   int    `json:"types"`
}

type tally struct {
	docs, tokens int
	types        map[string]struct{}
}

// Stats counts the corpus by variety and source, with totals by variety
// and for the whole corpus, sorted by variety then source, totals last.
func (c *Corpus) Stats() ([]StatsRow, error) {
	type key struct{ variety, source string }
	tallies := map[key]*tally{}
	get := func(k key) *tally {
		t := tallies[k]
		if t == nil {
			t = &tally{types: map[string]struct{}{}}
			tallies[k] = t
		}
		return t
	}
	var toks []token.Token
	err := c.Scan("", func(d Doc) error {
		ts := []*tally{get(key{d.Variety, d.Source}), get(key{d.Variety, ""}), get(key{"", ""})}
		toks = token.AppendTokens(toks[:0], d.Text)
		for _, t := range ts {
			t.docs++
		}
		for _, tk := range toks {
			if tk.Kind != token.Word {
				continue
			}
			w := token.Lower(tk.Text)
			for _, t := range ts {
				t.tokens++
				t.types[w] = struct{}{}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	rows := make([]StatsRow, 0, len(tallies))
	for k, t := range tallies {
		rows = append(rows, StatsRow{Variety: k.variety, Source: k.source, Docs: t.docs, Tokens: t.tokens, Types: len(t.types)})
	}
	slices.SortFunc(rows, func(a, b StatsRow) int {
		// the corpus total last, each variety's total after its sources
		if c := cmp.Compare(b2i(a.Variety == ""), b2i(b.Variety == "")); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Variety, b.Variety); c != 0 {
			return c
		}
		if c := cmp.Compare(b2i(a.Source == ""), b2i(b.Source == "")); c != 0 {
			return c
		}
		return cmp.Compare(a.Source, b.Source)
	})
	return rows, nil
}

// Freq is how often a word occurs in one variety.
type Freq struct {
	Word    string `json:"word"`
	Variety string `json:"variety"`
	// Count is the number of occurrences; PerMillion, per million word
	// tokens of the variety.
	Count      int     `json:"count"`
	PerMillion float64 `json:"per_million"`
	// Docs is the number of documents containing the word, of DocsTotal.
	Docs      int `json:"docs"`
	DocsTotal int `json:"docs_total"`
	// DP is Gries' deviation of proportions over the documents: 0 when
	// the word is spread as the text is, near 1 when it is concentrated
	// in a few documents.
	DP float64 `json:"dp"`
}

// Frequencies counts the words (compared lowercase, accents kept) in
// every variety of the corpus, in the order of words, then varieties.
func (c *Corpus) Frequencies(words []string) ([]Freq, error) {
	keys := make([]string, len(words))
	for i, w := range words {
		keys[i] = token.Lower(w)
	}
	byVariety, err := c.wordParts(keys)
	if err != nil {
		return nil, err
	}
	tags := slices.Sorted(maps.Keys(byVariety))
	var out []Freq
	for i, w := range keys {
		for _, tag := range tags {
			out = append(out, freqOf(w, tag, i, byVariety[tag]))
		}
	}
	return out, nil
}

// part is one document's word tokens and counts of the words asked for.
type part struct {
	tokens int
	counts []int
}

// wordParts counts keys in each document, by variety.
func (c *Corpus) wordParts(keys []string) (map[string][]part, error) {
	byVariety := map[string][]part{}
	var toks []token.Token
	err := c.Scan("", func(d Doc) error {
		toks = token.AppendTokens(toks[:0], d.Text)
		p := part{counts: make([]int, len(keys))}
		for _, t := range toks {
			if t.Kind != token.Word {
				continue
			}
			p.tokens++
			if i := slices.Index(keys, token.Lower(t.Text)); i >= 0 {
				p.counts[i]++
			}
		}
		byVariety[d.Variety] = append(byVariety[d.Variety], p)
		return nil
	})
	return byVariety, err
}

// freqOf is the frequency of word i in the documents of one variety, with
// Gries' DP: ½ Σ |v_i − s_i| over the documents.
func freqOf(w, tag string, i int, parts []part) Freq {
	f := Freq{Word: w, Variety: tag, DocsTotal: len(parts)}
	total := 0
	for _, p := range parts {
		total += p.tokens
		f.Count += p.counts[i]
		if p.counts[i] > 0 {
			f.Docs++
		}
	}
	if total > 0 {
		f.PerMillion = round(float64(f.Count)*1e6/float64(total), 2)
	}
	if f.Count > 0 {
		dp := 0.0
		for _, p := range parts {
			dp += math.Abs(float64(p.counts[i])/float64(f.Count) - float64(p.tokens)/float64(total))
		}
		f.DP = round(dp/2, 3)
	}
	return f
}

func round(x float64, digits int) float64 {
	p := math.Pow(10, float64(digits))
	return math.Round(x*p) / p
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
