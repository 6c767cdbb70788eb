package report

import (
	"cmp"
	"slices"
)

// Worst is one of the worst records: its text and findings, for the
// linguist to read with the findings highlighted.
type Worst struct {
	ID          string
	By          string
	Text        string
	Words       int
	Naturalness float64
	APT         float64
	Findings    []Finding
}

// compareWorst orders the worst first: lowest naturalness, then highest
// penalty, most findings, then id and text, so that the order does not
// depend on how a set was split.
func compareWorst(a, b *Worst) int {
	return cmp.Or(cmp.Compare(tenths(a.Naturalness), tenths(b.Naturalness)),
		cmp.Compare(b.APT, a.APT), cmp.Compare(len(b.Findings), len(a.Findings)),
		cmp.Compare(a.ID, b.ID), cmp.Compare(a.Text, b.Text), cmp.Compare(a.By, b.By))
}

// addWorst keeps r if it is among the worst records. Records without
// findings are never "worst": there would be nothing to show.
func (s *Summary) addWorst(r *Record) {
	if len(r.Findings) == 0 {
		return
	}
	var c SevCounts
	for i := range r.Findings {
		c.add(r.Findings[i].Severity, 1)
	}
	w := Worst{ID: r.ID, By: r.By, Text: r.Text, Words: r.Words,
		Naturalness: float64(tenths(r.Naturalness)) / 10, APT: c.APT(s.Weights)}
	if n := len(s.Worst); n == s.WorstLimit && compareWorst(&w, &s.Worst[n-1]) >= 0 {
		return
	}
	w.Findings = slices.Clone(r.Findings)
	s.insertWorst(w)
	if len(s.Worst) > s.WorstLimit {
		s.Worst = s.Worst[:s.WorstLimit]
	}
}

// insertWorst inserts w in order.
func (s *Summary) insertWorst(w Worst) {
	i, _ := slices.BinarySearchFunc(s.Worst, &w, func(e Worst, t *Worst) int { return compareWorst(&e, t) })
	s.Worst = slices.Insert(s.Worst, i, w)
}
