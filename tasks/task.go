package tasks

import (
	"encoding/json"
	"fmt"
	"unicode/utf8"

	"github.com/habla-es/habla/align"
)

// Kind is what a task asks the annotator to do.
type Kind string

// The task kinds.
const (
	Replace        Kind = "replace"
	ConvertAddress Kind = "convert-address"
	FixConvention  Kind = "fix-convention"
	RemoveTaboo    Kind = "remove-taboo"
	Review         Kind = "review"
	Rate           Kind = "rate"
)

// Kinds lists every task kind, in the order help and configs show them.
var Kinds = []Kind{Replace, ConvertAddress, FixConvention, RemoveTaboo, Review, Rate}

// ParseKind parses a task kind.
func ParseKind(s string) (Kind, error) {
	for _, k := range Kinds {
		if string(k) == s {
			return k, nil
		}
	}
	return "", fmt.Errorf("unknown task kind %q (want replace, convert-address, fix-convention, remove-taboo, review or rate)", s)
}

// KindOf is the task kind for a finding: a finding without a suggestion
// can only be reviewed.
func KindOf(f *align.Finding) Kind {
	if len(f.Suggestions) == 0 {
		return Review
	}
	switch f.Kind {
	case align.Lexical, align.Morphology:
		return Replace
	case align.Address:
		return ConvertAddress
	case align.Convention:
		return FixConvention
	case align.Taboo:
		return RemoveTaboo
	}
	return Review
}

// Task is one decision for an annotator.
type Task struct {
	ID       string         `json:"id"`
	Kind     Kind           `json:"kind"`
	Target   string         `json:"target"`
	Finding  align.Kind     `json:"finding,omitempty"` // the finding kind behind it
	Rule     string         `json:"rule,omitempty"`
	MQM      string         `json:"mqm,omitempty"`
	Concept  string         `json:"concept,omitempty"`
	Severity align.Severity `json:"severity,omitempty"` // none for rate tasks
	// Priority is the severity weight times the number of occurrences.
	Priority    float64  `json:"priority"`
	Text        string   `json:"text"` // the span's text in the first occurrence
	Suggestions []string `json:"suggestions"`
	Message     string   `json:"message,omitempty"`
	// Instructions tell the annotator, in Spanish, what to decide.
	Instructions     string       `json:"instructions"`
	EstimatedSeconds int          `json:"estimated_seconds"`
	Occurrences      []Occurrence `json:"occurrences"`
	// Naturalness and PreRating are a rate task's pre-annotation: habla's
	// score and the 1–5 rating it maps to.
	Naturalness *float64 `json:"naturalness,omitempty"`
	PreRating   int      `json:"pre_rating,omitempty"`
	// Annotations are what annotators said, on import.
	Annotations []Annotation `json:"annotations,omitempty"`

	order int // input position of the first occurrence, for sorting
}

// Occurrence is where a task's issue is: a span of one record's text, and
// the context an annotator reads it in.
type Occurrence struct {
	Record    string `json:"record"`
	Start     int    `json:"start"` // code points in the record's text
	End       int    `json:"end"`
	ByteStart int    `json:"byte_start"`
	ByteEnd   int    `json:"byte_end"`
	Text      string `json:"text"`
	// Context is the text around the span (its sentence, or the whole
	// text when short); ContextStart is where it begins in the record's
	// text, in code points, so the span in the context is
	// [Start−ContextStart, End−ContextStart).
	Context      string `json:"context"`
	ContextStart int    `json:"context_start"`
}

// SpanInContext is the occurrence's span in code points of its context.
func (o *Occurrence) SpanInContext() (start, end int) {
	return o.Start - o.ContextStart, o.End - o.ContextStart
}

// Annotation is one annotator's answer to a task.
type Annotation struct {
	Annotator string `json:"annotator"`
	// Decision is "accept" or "reject" ("" for a rating only).
	Decision string `json:"decision,omitempty"`
	// Edit is the replacement the annotator chose or typed.
	Edit string `json:"edit,omitempty"`
	// Rating is a rate task's 1–5 rating, 0 when none.
	Rating int `json:"rating,omitempty"`
}

// Record is one aligned output: what tasks are made from.
type Record struct {
	ID          string
	Text        string
	Target      string
	Naturalness float64
	Findings    []align.Finding
	// Order is the record's position in the input, for deterministic
	// sorting.
	Order int
}

// findingJSON is a finding as align writes it (align/json.go).
type findingJSON struct {
	Start       int      `json:"start"`
	End         int      `json:"end"`
	ByteStart   int      `json:"byte_start"`
	ByteEnd     int      `json:"byte_end"`
	Text        string   `json:"text"`
	Kind        string   `json:"kind"`
	MQM         string   `json:"mqm"`
	Severity    string   `json:"severity"`
	Concept     string   `json:"concept"`
	Suggestions []string `json:"suggestions"`
	Confidence  float64  `json:"confidence"`
	Rule        string   `json:"rule"`
	Message     string   `json:"message"`
}

// resultJSON is align's record value ("habla" in its output).
type resultJSON struct {
	Target      string         `json:"target"`
	Naturalness *float64       `json:"naturalness"`
	Findings    *[]findingJSON `json:"findings"`
	Error       string         `json:"error"`
}

// ParseResult reads align's record value for text, checking that every
// finding's span still reads its text.
func ParseResult(value []byte, text string) (Record, error) {
	var r resultJSON
	if err := json.Unmarshal(value, &r); err != nil {
		return Record{}, fmt.Errorf("align result: %w", err)
	}
	if r.Error != "" {
		return Record{}, fmt.Errorf("align result is an error record: %s", r.Error)
	}
	if r.Findings == nil {
		return Record{}, fmt.Errorf("align result has no findings list (run habla align first, or give --target)")
	}
	rec := Record{Text: text, Target: r.Target, Naturalness: 100}
	if r.Naturalness != nil {
		rec.Naturalness = *r.Naturalness
	}
	for i, f := range *r.Findings {
		sev, err := align.ParseSeverity(f.Severity)
		if err != nil {
			return Record{}, fmt.Errorf("finding %d: %w", i+1, err)
		}
		got, ok := spanText(text, f.Start, f.End)
		if !ok || got != f.Text {
			return Record{}, fmt.Errorf("finding %d: text[%d:%d] is %q, not %q (is --field the aligned text?)", i+1, f.Start, f.End, got, f.Text)
		}
		rec.Findings = append(rec.Findings, align.Finding{
			Start: f.Start, End: f.End, ByteStart: f.ByteStart, ByteEnd: f.ByteEnd,
			Text: f.Text, Kind: align.Kind(f.Kind), Severity: sev, Concept: f.Concept,
			Suggestions: f.Suggestions, Confidence: f.Confidence, Rule: f.Rule,
			Message: f.Message, Category: f.MQM,
		})
	}
	return rec, nil
}

// spanText is s[start:end] in code points.
func spanText(s string, start, end int) (string, bool) {
	bs, be, ok := byteSpan(s, start, end)
	if !ok {
		return "", false
	}
	return s[bs:be], true
}

// byteSpan converts a code-point span of s to bytes.
func byteSpan(s string, start, end int) (bs, be int, ok bool) {
	if start < 0 || end < start {
		return 0, 0, false
	}
	bs, be = -1, -1
	n := 0
	for i := range s {
		if n == start {
			bs = i
		}
		if n == end {
			be = i
			break
		}
		n++
	}
	if bs < 0 && n == start {
		bs = len(s)
	}
	if be < 0 && n == end {
		be = len(s)
	}
	return bs, be, bs >= 0 && be >= 0
}

// runeLen is the number of code points in s.
func runeLen(s string) int { return utf8.RuneCountInString(s) }
