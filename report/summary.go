package report

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/habla-es/habla/align"
)

// Version is the version of the JSON summary ("audit").
const Version = 1

// DefaultPassMark is the OQS a set needs to pass when no mark is agreed.
const DefaultPassMark = 90

// DefaultWorst is how many of the worst records a summary keeps.
const DefaultWorst = 5

// Options configure a new Summary.
type Options struct {
	Target   string        // the target variety's tag
	Weights  align.Weights // zero: align.DefaultWeights
	PassMark float64       // the OQS needed to pass
	ByField  string        // the field of the --by breakdown, "" for none
	Worst    int           // worst records kept; 0: DefaultWorst
}

// Summary is the mergeable audit of a set of records.
type Summary struct {
	Target   string
	Weights  align.Weights
	PassMark float64
	ByField  string
	// WorstLimit is how many worst records are kept.
	WorstLimit int
	// Errors counts records that came with an error from an earlier
	// stage ("habla":{"error":…}): not audited, but not forgotten.
	Errors int
	Stats
	// Detected counts records by their most probable detected variety;
	// records without detection are not counted.
	Detected map[string]int
	Issues   map[IssueKey]*Issue
	Worst    []Worst
	// By breaks the figures down by the value of ByField.
	By map[string]*Stats
}

// New returns an empty Summary.
func New(o Options) *Summary {
	w := o.Weights
	if w == (align.Weights{}) {
		w = align.DefaultWeights
	}
	worst := o.Worst
	if worst <= 0 {
		worst = DefaultWorst
	}
	return &Summary{Target: o.Target, Weights: w, PassMark: o.PassMark, ByField: o.ByField,
		WorstLimit: worst, Stats: newStats(), Detected: map[string]int{},
		Issues: map[IssueKey]*Issue{}, By: map[string]*Stats{}}
}

// Record is one aligned record as the audit sees it.
type Record struct {
	ID   string
	Text string
	// By is the value of the --by field (strings unquoted, other JSON as
	// written), "" when absent.
	By          string
	Words       int
	Naturalness float64
	Findings    []Finding
	// Detected is the most probable detected variety, "" if none.
	Detected string
	// Error is an earlier stage's error; the rest is then empty.
	Error string
}

// Finding is a finding as reports show it.
type Finding struct {
	Start       int            `json:"start"` // code points
	End         int            `json:"end"`
	Text        string         `json:"text"`
	Kind        align.Kind     `json:"kind"`
	Severity    align.Severity `json:"severity"`
	Suggestions []string       `json:"suggestions"`
	Message     string         `json:"message,omitempty"`
}

// FromResult converts an align.Result for the record with this id, text
// and --by value.
func FromResult(id, text, by string, r *align.Result) Record {
	rec := Record{ID: id, Text: text, By: by, Words: r.Words, Naturalness: r.Naturalness}
	rec.Findings = make([]Finding, len(r.Findings))
	for i, f := range r.Findings {
		rec.Findings[i] = Finding{Start: f.Start, End: f.End, Text: f.Text, Kind: f.Kind,
			Severity: f.Severity, Suggestions: f.Suggestions, Message: f.Message}
	}
	if len(r.Top) > 0 { // the most probable, as align writes them first
		rec.Detected = r.Top[0].Dialect
	}
	return rec
}

// Add adds one record to the summary.
func (s *Summary) Add(r *Record) {
	if r.Error != "" {
		s.Errors++
		return
	}
	s.Stats.add(r)
	if s.ByField != "" {
		s.byStats(r.By).add(r)
	}
	if r.Detected != "" {
		s.Detected[r.Detected]++
	}
	s.addIssues(r)
	s.addWorst(r)
}

func (s *Summary) byStats(v string) *Stats {
	st, ok := s.By[v]
	if !ok {
		n := newStats()
		st = &n
		s.By[v] = st
	}
	return st
}

// Merge adds the summary o into s. Both must have the same target,
// weights and --by field; the result keeps the smaller number of worst
// records, so that it is exact.
func (s *Summary) Merge(o *Summary) error {
	switch {
	case s.Target != o.Target:
		return fmt.Errorf("targets differ: %s and %s", s.Target, o.Target)
	case s.Weights != o.Weights:
		return fmt.Errorf("severity weights differ: %v and %v", s.Weights, o.Weights)
	case s.ByField != o.ByField:
		return fmt.Errorf("--by fields differ: %q and %q", s.ByField, o.ByField)
	case s.PassMark != o.PassMark:
		return fmt.Errorf("pass marks differ: %g and %g", s.PassMark, o.PassMark)
	}
	s.Errors += o.Errors
	s.Stats.merge(&o.Stats)
	for v, st := range o.By {
		s.byStats(v).merge(st)
	}
	for d, n := range o.Detected {
		s.Detected[d] += n
	}
	for k, is := range o.Issues {
		s.mergeIssue(k, is)
	}
	s.WorstLimit = min(s.WorstLimit, o.WorstLimit)
	for _, w := range o.Worst {
		s.insertWorst(w)
	}
	s.Worst = s.Worst[:min(len(s.Worst), s.WorstLimit)]
	return nil
}

// MergeAll merges summaries into a new one; it needs at least one.
func MergeAll(parts []*Summary) (*Summary, error) {
	if len(parts) == 0 {
		return nil, errors.New("nothing to merge")
	}
	p := parts[0]
	out := New(Options{Target: p.Target, Weights: p.Weights, PassMark: p.PassMark,
		ByField: p.ByField, Worst: p.WorstLimit})
	for i, part := range parts {
		if err := out.Merge(part); err != nil {
			return nil, fmt.Errorf("part %d: %w", i+1, err)
		}
	}
	return out, nil
}

// Pass reports whether the set reaches the pass mark.
func (s *Summary) Pass() bool { return s.OQS(s.Weights) >= s.PassMark }

// ByValues are the values of the --by field, sorted.
func (s *Summary) ByValues() []string {
	vs := make([]string, 0, len(s.By))
	for v := range s.By {
		vs = append(vs, v)
	}
	slices.Sort(vs)
	return vs
}

// tenths is a naturalness score in tenths of a point, the unit align
// rounds to; scores with more decimals are rounded to it.
func tenths(x float64) int { return int(math.Round(x * 10)) }
