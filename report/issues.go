package report

import (
	"cmp"
	"slices"
	"strings"

	"github.com/habla-es/habla/align"
)

// IssueKey groups findings across records (align.IssueKey): tasks for
// annotators are grouped the same way.
type IssueKey = align.IssueKey

// KeyOf is the issue key of finding f in a record aligned for target.
func KeyOf(f *Finding, target string) IssueKey {
	return align.KeyOf(f.Kind, f.Text, f.Suggestions, target)
}

// Issue is a group of findings across records.
type Issue struct {
	Key IssueKey
	// Count is the number of findings, Records the number of records
	// with at least one.
	Count, Records int
	Severity       SevCounts
	Example        Example
}

// Example is one finding of an issue, with the record it came from. Of
// all the findings of an issue, the example is the first in the order of
// record id, then position, then context: an order that does not depend on
// how the set was split.
type Example struct {
	ID          string   `json:"id"`
	Text        string   `json:"text"`
	Start       int      `json:"start"`
	Context     string   `json:"context"`
	Suggestions []string `json:"suggestions"`
	Message     string   `json:"message,omitempty"`
}

func compareExamples(a, b *Example) int {
	return cmp.Or(cmp.Compare(a.ID, b.ID), cmp.Compare(a.Start, b.Start),
		cmp.Compare(a.Context, b.Context), cmp.Compare(a.Text, b.Text),
		cmp.Compare(a.Message, b.Message), slices.Compare(a.Suggestions, b.Suggestions))
}

func (s *Summary) addIssues(r *Record) {
	var seen map[IssueKey]bool
	for i := range r.Findings {
		f := &r.Findings[i]
		k := KeyOf(f, s.Target)
		ex := Example{ID: r.ID, Text: f.Text, Start: f.Start, Context: context(r.Text, f.Start, f.End),
			Suggestions: f.Suggestions, Message: f.Message}
		is := &Issue{Key: k, Count: 1, Example: ex}
		is.Severity.add(f.Severity, 1)
		if !seen[k] {
			if seen == nil {
				seen = map[IssueKey]bool{}
			}
			seen[k] = true
			is.Records = 1
		}
		s.mergeIssue(k, is)
	}
}

func (s *Summary) mergeIssue(k IssueKey, o *Issue) {
	is, ok := s.Issues[k]
	if !ok {
		c := *o
		s.Issues[k] = &c
		return
	}
	is.Count += o.Count
	is.Records += o.Records
	is.Severity.merge(o.Severity)
	if compareExamples(&o.Example, &is.Example) < 0 {
		is.Example = o.Example
	}
}

// TopIssues are the issues, the heaviest first: by MQM penalty, then
// count, records, kind, text and suggestion.
func (s *Summary) TopIssues() []*Issue {
	out := make([]*Issue, 0, len(s.Issues))
	for _, is := range s.Issues {
		out = append(out, is)
	}
	slices.SortFunc(out, func(a, b *Issue) int {
		return cmp.Or(cmp.Compare(b.Severity.APT(s.Weights), a.Severity.APT(s.Weights)),
			cmp.Compare(b.Count, a.Count), cmp.Compare(b.Records, a.Records),
			cmp.Compare(a.Key.Kind, b.Key.Kind), cmp.Compare(a.Key.Text, b.Key.Text),
			cmp.Compare(a.Key.Suggestion, b.Key.Suggestion))
	})
	return out
}

// Label is the issue's text as people read it: as written in its example
// (the key is folded).
func (is *Issue) Label() string {
	if is.Example.Text != "" {
		return is.Example.Text
	}
	return is.Key.Text
}

// Suggestion is the first suggestion as written in the example.
func (is *Issue) Suggestion() string {
	if len(is.Example.Suggestions) > 0 {
		return is.Example.Suggestions[0]
	}
	return is.Key.Suggestion
}

// MaxSeverity is the most serious severity among the issue's findings.
func (is *Issue) MaxSeverity() align.Severity {
	for _, sev := range Severities {
		if is.Severity.Of(sev) > 0 {
			return sev
		}
	}
	return ""
}

// contextRunes is how many code points of context an example keeps on
// each side of its finding.
const contextRunes = 40

// context is the finding in its text, with up to contextRunes code points
// on each side and "…" where the text was cut.
func context(text string, start, end int) string {
	rs := []rune(text)
	if start < 0 || end > len(rs) || start > end {
		return text
	}
	from, to := max(0, start-contextRunes), min(len(rs), end+contextRunes)
	// Cut at spaces, not inside words.
	if from > 0 {
		if i := slices.Index(rs[from:start], ' '); i >= 0 {
			from += i + 1
		}
	}
	if to < len(rs) {
		to = end + lastSpace(rs[end:to])
	}
	var b strings.Builder
	if from > 0 {
		b.WriteString("…")
	}
	b.WriteString(strings.TrimSpace(string(rs[from:to])))
	if to < len(rs) {
		b.WriteString("…")
	}
	return b.String()
}

// lastSpace is the index of the last space in rs, len(rs) if none.
func lastSpace(rs []rune) int {
	for i := len(rs) - 1; i >= 0; i-- {
		if rs[i] == ' ' {
			return i
		}
	}
	return len(rs)
}
