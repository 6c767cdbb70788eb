package report

import (
	"math"
	"slices"

	"github.com/habla-es/habla/align"
)

// Kinds are the finding kinds in the order reports list them.
var Kinds = []align.Kind{align.Taboo, align.Address, align.Lexical, align.Morphology,
	align.Convention, align.Review}

// Severities are the MQM severities, most serious first.
var Severities = []align.Severity{align.Critical, align.Major, align.Minor}

// SevCounts counts findings by severity.
type SevCounts struct {
	Minor    int `json:"minor"`
	Major    int `json:"major"`
	Critical int `json:"critical"`
}

// Total is the number of findings.
func (c SevCounts) Total() int { return c.Minor + c.Major + c.Critical }

// APT is the MQM penalty of these findings under w.
func (c SevCounts) APT(w align.Weights) float64 {
	return float64(c.Minor)*w.Minor + float64(c.Major)*w.Major + float64(c.Critical)*w.Critical
}

// Of is the count for one severity.
func (c SevCounts) Of(s align.Severity) int {
	switch s {
	case align.Minor:
		return c.Minor
	case align.Major:
		return c.Major
	case align.Critical:
		return c.Critical
	}
	return 0
}

func (c *SevCounts) add(s align.Severity, n int) {
	switch s {
	case align.Minor:
		c.Minor += n
	case align.Major:
		c.Major += n
	case align.Critical:
		c.Critical += n
	}
}

func (c *SevCounts) merge(o SevCounts) {
	c.Minor += o.Minor
	c.Major += o.Major
	c.Critical += o.Critical
}

// Stats are the mergeable figures of a set: the whole, or one value of
// the --by field.
type Stats struct {
	Records int
	Words   int
	// Hist counts records by naturalness in tenths of a point (0..1000).
	Hist map[int]int
	// Findings counts findings by kind and severity.
	Findings map[align.Kind]SevCounts
}

func newStats() Stats {
	return Stats{Hist: map[int]int{}, Findings: map[align.Kind]SevCounts{}}
}

func (st *Stats) add(r *Record) {
	st.Records++
	st.Words += r.Words
	st.Hist[tenths(r.Naturalness)]++
	for i := range r.Findings {
		f := &r.Findings[i]
		c := st.Findings[f.Kind]
		c.add(f.Severity, 1)
		st.Findings[f.Kind] = c
	}
}

func (st *Stats) merge(o *Stats) {
	st.Records += o.Records
	st.Words += o.Words
	for v, n := range o.Hist {
		st.Hist[v] += n
	}
	for k, c := range o.Findings {
		m := st.Findings[k]
		m.merge(c)
		st.Findings[k] = m
	}
}

// Severity is the count of findings by severity over all kinds.
func (st *Stats) Severity() SevCounts {
	var all SevCounts
	for _, c := range st.Findings {
		all.merge(c)
	}
	return all
}

// APT is the set's MQM penalty total under w.
func (st *Stats) APT(w align.Weights) float64 { return st.Severity().APT(w) }

// OQS is the MQM overall quality score, 100 − APT·1000/words (DESIGN.md),
// rounded to two decimals; 100 for a set without words.
func (st *Stats) OQS(w align.Weights) float64 {
	if st.Words == 0 {
		return 100
	}
	return round2(100 - st.APT(w)*1000/float64(st.Words))
}

// Per1000 is the number of findings of kind k per 1,000 words.
func (st *Stats) Per1000(k align.Kind) float64 {
	if st.Words == 0 {
		return 0
	}
	return round2(float64(st.Findings[k].Total()) * 1000 / float64(st.Words))
}

// Mean is the mean naturalness, rounded to two decimals.
func (st *Stats) Mean() float64 {
	if st.Records == 0 {
		return 0
	}
	sum := 0
	for v, n := range st.Hist {
		sum += v * n
	}
	return round2(float64(sum) / float64(st.Records) / 10)
}

// Median is the median naturalness.
func (st *Stats) Median() float64 { return st.Percentile(50) }

// Percentile is the p-th percentile (0..100) of naturalness, interpolated
// linearly between the two nearest ranks (the usual definition, numpy's
// default), rounded to two decimals. It is exact: the histogram holds every
// score.
func (st *Stats) Percentile(p int) float64 {
	if st.Records == 0 {
		return 0
	}
	rank := (st.Records - 1) * p // the rank, times 100
	lo, frac := rank/100, rank%100
	x := st.valueAt(lo)
	if frac == 0 {
		return float64(x) / 10
	}
	// In thousandths of a point, integers all the way: the same figure
	// however the records were split and merged.
	v := x*100 + (st.valueAt(lo+1)-x)*frac
	return float64((v+5)/10) / 100
}

// valueAt is the k-th smallest score (0-based), in tenths.
func (st *Stats) valueAt(k int) int {
	vs := st.sortedValues()
	seen := 0
	for _, v := range vs {
		seen += st.Hist[v]
		if k < seen {
			return v
		}
	}
	return vs[len(vs)-1]
}

func (st *Stats) sortedValues() []int {
	vs := make([]int, 0, len(st.Hist))
	for v, n := range st.Hist {
		if n > 0 {
			vs = append(vs, v)
		}
	}
	slices.Sort(vs)
	return vs
}

// Bins counts records in ten bins of ten points: [0,10), [10,20) … [90,100],
// the last one closed.
func (st *Stats) Bins() [10]int {
	var b [10]int
	for v, n := range st.Hist {
		b[min(max(v/100, 0), 9)] += n
	}
	return b
}

// FindingsTotal is the number of findings.
func (st *Stats) FindingsTotal() int { return st.Severity().Total() }

func round2(x float64) float64 { return math.Round(x*100) / 100 }
