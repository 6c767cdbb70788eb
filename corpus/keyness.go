package corpus

import (
	"cmp"
	"math"
	"slices"
)

// G2 is the log-likelihood of Rayson & Garside (2000) for a word with
// frequency a in a corpus of c tokens and b in one of d tokens:
// E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d), G² = 2[a ln(a/E1) + b ln(b/E2)],
// a zero count contributing 0.
func G2(a, b, c, d float64) float64 {
	e1 := c * (a + b) / (c + d)
	e2 := d * (a + b) / (c + d)
	g := 0.0
	if a > 0 {
		g += a * math.Log(a/e1)
	}
	if b > 0 {
		g += b * math.Log(b/e2)
	}
	return 2 * g
}

// LogRatio is Hardie's (2014) effect size, log2((a/c)/(b/d)), with a zero
// count replaced by 0.5: +1 means twice as frequent in the first corpus.
func LogRatio(a, b, c, d float64) float64 {
	if a == 0 {
		a = 0.5
	}
	if b == 0 {
		b = 0.5
	}
	return math.Log2((a / c) / (b / d))
}

// PercentDiff is %DIFF (Gabrielatos & Marchi 2012), 100(NF_A − NF_B)/NF_B
// with normalised frequencies; +Inf when the word is absent from B.
func PercentDiff(a, b, c, d float64) float64 {
	nfa, nfb := a/c*1e6, b/d*1e6
	if nfb == 0 {
		return math.Inf(1)
	}
	return 100 * (nfa - nfb) / nfb
}

// Keyword is a word more frequent in the target variety than in the
// reference, with its statistics.
type Keyword struct {
	Word string `json:"word"`
	// A and B are its frequencies in the target and the reference.
	A int `json:"freq_a"`
	B int `json:"freq_b"`
	// DocsA and DocsB count the documents containing it (dispersion).
	DocsA    int     `json:"docs_a"`
	DocsB    int     `json:"docs_b"`
	G2       float64 `json:"g2"`
	LogRatio float64 `json:"log_ratio"`
	PctDiff  float64 `json:"pct_diff"` // +Inf: absent from the reference
	Name     bool    `json:"name,omitempty"`
}

// KeywordOptions choose and filter keywords.
type KeywordOptions struct {
	// Target is the variety studied; Reference, the one it is compared
	// with (nil: every other variety of the corpus together).
	Target    string
	Reference []string
	// MinG2 drops words below this log-likelihood (15.13: p < .0001).
	MinG2 float64
	// NoNames drops the words flagged as names.
	NoNames bool
	// MinDocs drops words found in fewer documents of the target: a
	// keyword of one film is its topic or a character's catchword.
	MinDocs int
	// Top keeps this many keywords; 0 keeps all.
	Top int
}

// Keywords ranks the words overused in the target variety against the
// reference: those with G² ≥ MinG2, by Log Ratio, then G², then word.
func (cs *Counts) Keywords(opts KeywordOptions) []Keyword {
	tgt := cs.Varieties[opts.Target]
	if tgt == nil {
		return nil
	}
	ref := cs.reference(opts)
	c, d := float64(tgt.Tokens), float64(ref.Tokens)
	if c == 0 || d == 0 {
		return nil
	}
	var out []Keyword
	for w, wa := range tgt.Words {
		wb := ref.Words[w]
		if wb == nil {
			wb = &WordCount{}
		}
		a, b := float64(wa.Freq), float64(wb.Freq)
		if a/c <= b/d {
			continue
		}
		k := Keyword{Word: w, A: wa.Freq, B: wb.Freq, DocsA: wa.Docs, DocsB: wb.Docs,
			G2: G2(a, b, c, d), LogRatio: LogRatio(a, b, c, d), PctDiff: PercentDiff(a, b, c, d),
			Name: isName(wa, wb)}
		if k.G2 < opts.MinG2 || (opts.NoNames && k.Name) || k.DocsA < opts.MinDocs {
			continue
		}
		out = append(out, k)
	}
	slices.SortFunc(out, func(x, y Keyword) int {
		if c := cmp.Compare(y.LogRatio, x.LogRatio); c != 0 {
			return c
		}
		if c := cmp.Compare(y.G2, x.G2); c != 0 {
			return c
		}
		return cmp.Compare(x.Word, y.Word)
	})
	if opts.Top > 0 && len(out) > opts.Top {
		out = out[:opts.Top]
	}
	return out
}

// reference merges the counts of the reference varieties.
func (cs *Counts) reference(opts KeywordOptions) *VarietyCounts {
	ref := &VarietyCounts{Words: map[string]*WordCount{}}
	for tag, vc := range cs.Varieties {
		if tag == opts.Target || (opts.Reference != nil && !slices.Contains(opts.Reference, tag)) {
			continue
		}
		ref.Docs += vc.Docs
		ref.Tokens += vc.Tokens
		for w, n := range vc.Words {
			m := ref.Words[w]
			if m == nil {
				m = &WordCount{}
				ref.Words[w] = m
			}
			*m = merged(m, n)
		}
	}
	return ref
}

func merged(x, y *WordCount) WordCount {
	return WordCount{Freq: x.Freq + y.Freq, Docs: x.Docs + y.Docs, Mid: x.Mid + y.Mid, CapMid: x.CapMid + y.CapMid}
}

// isName judges a word a name on all its occurrences, in both corpora.
func isName(x, y *WordCount) bool {
	m := merged(x, y)
	return m.Name()
}
