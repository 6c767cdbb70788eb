package report

import (
	"encoding/json"
	"fmt"
	"unicode/utf8"

	"github.com/habla-es/habla/align"
)

// Aligned is the record value align writes (DESIGN.md, "Records on the
// wire"), as far as the audit reads it.
type Aligned struct {
	V           int        `json:"v"`
	Target      string     `json:"target"`
	Words       *int       `json:"words"`
	Naturalness *float64   `json:"naturalness"`
	Findings    []Finding  `json:"findings"`
	Detected    []Detected `json:"detected"`
	Error       string     `json:"error"`
}

// Detected is one variety of align's detection, with its probability.
type Detected struct {
	Dialect string  `json:"dialect"`
	P       float64 `json:"p"`
}

// ParseAligned reads an align record value. It reports ok false when the
// value is not one (so the record must be aligned), and an error when it
// claims to be one but is broken.
func ParseAligned(raw []byte) (a Aligned, ok bool, err error) {
	if len(raw) == 0 || raw[0] != '{' {
		return a, false, nil
	}
	if err := json.Unmarshal(raw, &a); err != nil {
		return a, false, fmt.Errorf("bad align record: %w", err)
	}
	if a.Error != "" {
		return a, true, nil
	}
	if a.Words == nil || a.Naturalness == nil {
		return a, false, nil
	}
	if *a.Naturalness < 0 || *a.Naturalness > 100 || *a.Words < 0 {
		return a, false, fmt.Errorf("bad align record: words %d, naturalness %g", *a.Words, *a.Naturalness)
	}
	for i, f := range a.Findings {
		if _, err := align.ParseSeverity(string(f.Severity)); err != nil {
			return a, false, fmt.Errorf("bad align record: finding %d: %w", i+1, err)
		}
		if f.Kind == "" {
			return a, false, fmt.Errorf("bad align record: finding %d has no kind", i+1)
		}
	}
	return a, true, nil
}

// Record is the audit's view of an aligned record with this id, text and
// --by value.
func (a *Aligned) Record(id, text, by string) (Record, error) {
	r := Record{ID: id, Text: text, By: by, Error: a.Error}
	if a.Error != "" {
		return r, nil
	}
	r.Words, r.Naturalness, r.Findings = *a.Words, *a.Naturalness, a.Findings
	n := utf8.RuneCountInString(text)
	for i, f := range a.Findings {
		if f.Start < 0 || f.End > n || f.Start > f.End {
			return r, fmt.Errorf("finding %d: span %d..%d outside the text (%d code points)", i+1, f.Start, f.End, n)
		}
	}
	best := -1.0
	for i, d := range a.Detected {
		if d.Dialect == "" {
			return r, fmt.Errorf(`detected[%d] has no "dialect"`, i)
		}
		if d.P > best {
			r.Detected, best = d.Dialect, d.P
		}
	}
	return r, nil
}
