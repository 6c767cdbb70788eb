package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/habla-es/habla/align"
)

// The JSON summary. Derived figures (mean, median, p10, APT, OQS, pass,
// per 1,000 words) are written for pipelines to read and recomputed from
// the counts when a summary is read back, so they can never disagree.
type jsonSummary struct {
	Audit      int            `json:"audit"`
	Target     string         `json:"target"`
	Weights    jsonWeights    `json:"weights"`
	PassMark   float64        `json:"pass_mark"`
	Errors     int            `json:"errors"`
	Pass       bool           `json:"pass"`
	jsonStats                 // the whole set
	Detected   []jsonDetected `json:"detected"`
	TopIssues  []jsonIssue    `json:"top_issues"`
	WorstLimit int            `json:"worst_limit"`
	Worst      []jsonWorst    `json:"worst"`
	ByField    string         `json:"by_field,omitempty"`
	By         []jsonBy       `json:"by,omitempty"`
}

type jsonWeights struct {
	Minor    float64 `json:"minor"`
	Major    float64 `json:"major"`
	Critical float64 `json:"critical"`
}

type jsonStats struct {
	Records     int             `json:"records"`
	Words       int             `json:"words"`
	Naturalness jsonNaturalness `json:"naturalness"`
	APT         float64         `json:"apt"`
	OQS         float64         `json:"oqs"`
	Findings    jsonFindings    `json:"findings"`
}

type jsonNaturalness struct {
	Mean   float64 `json:"mean"`
	Median float64 `json:"median"`
	P10    float64 `json:"p10"`
	// Histogram counts the records of every score: {"37.5": 2}.
	Histogram map[string]int `json:"histogram"`
}

type jsonFindings struct {
	Total      int        `json:"total"`
	BySeverity SevCounts  `json:"by_severity"`
	ByKind     []jsonKind `json:"by_kind"`
}

type jsonKind struct {
	Kind align.Kind `json:"kind"`
	SevCounts
	Total   int     `json:"total"`
	Per1000 float64 `json:"per_1000_words"`
}

type jsonDetected struct {
	Dialect string `json:"dialect"`
	Records int    `json:"records"`
}

type jsonIssue struct {
	Kind       align.Kind `json:"kind"`
	Text       string     `json:"text"`
	Suggestion string     `json:"suggestion"`
	Target     string     `json:"target"`
	Count      int        `json:"count"`
	Records    int        `json:"records"`
	Severity   SevCounts  `json:"severity"`
	APT        float64    `json:"apt"`
	Example    Example    `json:"example"`
}

type jsonWorst struct {
	ID          string    `json:"id"`
	By          string    `json:"by,omitempty"`
	Words       int       `json:"words"`
	Naturalness float64   `json:"naturalness"`
	APT         float64   `json:"apt"`
	Text        string    `json:"text"`
	Findings    []Finding `json:"findings"`
}

type jsonBy struct {
	Value string `json:"value"`
	Pass  bool   `json:"pass"`
	jsonStats
}

// WriteJSON writes the summary as indented JSON: the mergeable form.
func (s *Summary) WriteJSON(w io.Writer) error {
	js := jsonSummary{Audit: Version, Target: s.Target, PassMark: s.PassMark, Errors: s.Errors,
		Pass: s.Pass(), jsonStats: s.statsJSON(&s.Stats), WorstLimit: s.WorstLimit,
		Detected: []jsonDetected{}, TopIssues: []jsonIssue{}, Worst: []jsonWorst{}, ByField: s.ByField,
		Weights: jsonWeights{s.Weights.Minor, s.Weights.Major, s.Weights.Critical}}
	for _, d := range s.DetectedOrder() {
		js.Detected = append(js.Detected, jsonDetected{Dialect: d, Records: s.Detected[d]})
	}
	for _, is := range s.TopIssues() {
		js.TopIssues = append(js.TopIssues, jsonIssue{Kind: is.Key.Kind, Text: is.Key.Text,
			Suggestion: is.Key.Suggestion, Target: is.Key.Target, Count: is.Count, Records: is.Records,
			Severity: is.Severity, APT: is.Severity.APT(s.Weights), Example: is.Example})
	}
	for _, wr := range s.Worst {
		js.Worst = append(js.Worst, jsonWorst{ID: wr.ID, By: wr.By, Words: wr.Words,
			Naturalness: wr.Naturalness, APT: wr.APT, Text: wr.Text, Findings: wr.Findings})
	}
	for _, v := range s.ByValues() {
		st := s.By[v]
		js.By = append(js.By, jsonBy{Value: v, Pass: st.OQS(s.Weights) >= s.PassMark, jsonStats: s.statsJSON(st)})
	}
	b, err := json.MarshalIndent(js, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

func (s *Summary) statsJSON(st *Stats) jsonStats {
	js := jsonStats{Records: st.Records, Words: st.Words, APT: st.APT(s.Weights), OQS: st.OQS(s.Weights),
		Naturalness: jsonNaturalness{Mean: st.Mean(), Median: st.Median(), P10: st.Percentile(10),
			Histogram: map[string]int{}},
		Findings: jsonFindings{Total: st.FindingsTotal(), BySeverity: st.Severity(), ByKind: []jsonKind{}}}
	for _, v := range st.sortedValues() {
		js.Naturalness.Histogram[num(float64(v)/10)] = st.Hist[v]
	}
	for _, k := range kindsIn(st) {
		c := st.Findings[k]
		js.Findings.ByKind = append(js.Findings.ByKind, jsonKind{Kind: k, SevCounts: c, Total: c.Total(), Per1000: st.Per1000(k)})
	}
	return js
}

// kindsIn are the kinds with findings in st, in report order; kinds this
// version does not know come last, by name.
func kindsIn(st *Stats) []align.Kind {
	var out []align.Kind
	for _, k := range Kinds {
		if st.Findings[k].Total() > 0 {
			out = append(out, k)
		}
	}
	var other []align.Kind
	for k, c := range st.Findings {
		if !slices.Contains(Kinds, k) && c.Total() > 0 {
			other = append(other, k)
		}
	}
	slices.Sort(other)
	return append(out, other...)
}

// DetectedOrder are the detected varieties, most records first.
func (s *Summary) DetectedOrder() []string {
	ds := make([]string, 0, len(s.Detected))
	for d := range s.Detected {
		ds = append(ds, d)
	}
	slices.SortFunc(ds, func(a, b string) int {
		if s.Detected[a] != s.Detected[b] {
			return s.Detected[b] - s.Detected[a]
		}
		return bytes.Compare([]byte(a), []byte(b))
	})
	return ds
}

// ReadJSON reads a summary written by WriteJSON. Unknown fields are
// errors: a summary from a newer habla must not merge silently wrong.
func ReadJSON(r io.Reader) (*Summary, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var js jsonSummary
	if err := dec.Decode(&js); err != nil {
		return nil, fmt.Errorf("not an audit summary: %w", err)
	}
	if js.Audit != Version {
		return nil, fmt.Errorf("not an audit summary of version %d (\"audit\": %d)", Version, js.Audit)
	}
	if js.Target == "" {
		return nil, errors.New("audit summary without a target")
	}
	s := New(Options{Target: js.Target, PassMark: js.PassMark, ByField: js.ByField, Worst: js.WorstLimit,
		Weights: align.Weights{Minor: js.Weights.Minor, Major: js.Weights.Major, Critical: js.Weights.Critical}})
	s.Errors = js.Errors
	if err := readStats(&s.Stats, &js.jsonStats); err != nil {
		return nil, err
	}
	for _, d := range js.Detected {
		s.Detected[d.Dialect] += d.Records
	}
	for _, ji := range js.TopIssues {
		k := IssueKey{Kind: ji.Kind, Text: ji.Text, Suggestion: ji.Suggestion, Target: ji.Target}
		s.mergeIssue(k, &Issue{Key: k, Count: ji.Count, Records: ji.Records, Severity: ji.Severity, Example: ji.Example})
	}
	for _, jw := range js.Worst {
		s.insertWorst(Worst{ID: jw.ID, By: jw.By, Text: jw.Text, Words: jw.Words,
			Naturalness: jw.Naturalness, APT: jw.APT, Findings: jw.Findings})
	}
	for _, jb := range js.By {
		if err := readStats(s.byStats(jb.Value), &jb.jsonStats); err != nil {
			return nil, fmt.Errorf("by %q: %w", jb.Value, err)
		}
	}
	return s, nil
}

func readStats(st *Stats, js *jsonStats) error {
	st.Records, st.Words = js.Records, js.Words
	n := 0
	for score, count := range js.Naturalness.Histogram {
		x, err := strconv.ParseFloat(score, 64)
		if err != nil || x < 0 || x > 100 || count < 0 {
			return fmt.Errorf("bad histogram entry %q: %d", score, count)
		}
		st.Hist[tenths(x)] += count
		n += count
	}
	if n != st.Records {
		return fmt.Errorf("histogram counts %d records, summary says %d", n, st.Records)
	}
	for _, k := range js.Findings.ByKind {
		c := st.Findings[k.Kind]
		c.merge(k.SevCounts)
		st.Findings[k.Kind] = c
	}
	return nil
}
