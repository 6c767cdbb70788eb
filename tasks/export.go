package tasks

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Formats are the export formats, in the order help lists them.
var Formats = []string{"jsonl", "label-studio", "prodigy", "doccano", "argilla", "csv", "xliff"}

// Export writes tasks to w in format.
func Export(w io.Writer, format string, ts []Task) error {
	bw := bufio.NewWriter(w)
	var err error
	switch format {
	case "jsonl":
		err = eachLine(bw, ts, func(t *Task) any { return t })
	case "label-studio":
		err = writeLabelStudio(bw, ts)
	case "prodigy":
		err = eachLine(bw, ts, prodigyTask)
	case "doccano":
		err = eachLine(bw, ts, doccanoTask)
	case "argilla":
		err = eachLine(bw, ts, argillaRecord)
	case "csv":
		err = writeCSV(bw, ts)
	case "xliff":
		err = writeXLIFF(bw, ts)
	default:
		return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

// marshal is json.Marshal without HTML escaping, so that «» and < stay
// readable, and without the trailing newline.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

func eachLine(w io.Writer, ts []Task, conv func(*Task) any) error {
	for i := range ts {
		b, err := marshal(conv(&ts[i]))
		if err != nil {
			return err
		}
		if _, err := w.Write(append(b, '\n')); err != nil {
			return err
		}
	}
	return nil
}

// span is a labelled span in code points of an exported text.
type span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Label string `json:"label"`
}

// meta is what every export carries to find its way back to habla.
type meta struct {
	Task        string  `json:"habla_task"`
	Kind        Kind    `json:"kind"`
	Target      string  `json:"target"`
	Severity    string  `json:"severity,omitempty"`
	Priority    float64 `json:"priority"`
	Record      string  `json:"record"`
	Occurrences int     `json:"occurrences"`
	Suggestion  string  `json:"suggestion,omitempty"`
	Message     string  `json:"message,omitempty"`
	Instruction string  `json:"instructions"`
}

func metaOf(t *Task) meta {
	return meta{Task: t.ID, Kind: t.Kind, Target: t.Target, Severity: string(t.Severity),
		Priority: t.Priority, Record: t.Occurrences[0].Record, Occurrences: len(t.Occurrences),
		Suggestion: firstSuggestion(t), Message: t.Message, Instruction: t.Instructions}
}

func firstSuggestion(t *Task) string {
	if len(t.Suggestions) > 0 {
		return t.Suggestions[0]
	}
	return ""
}

// textAndSpans is the text a tool shows (the first occurrence's context)
// and the task's span in it; a rate task has no span.
func textAndSpans(t *Task) (string, []span) {
	o := &t.Occurrences[0]
	if t.Kind == Rate {
		return o.Context, []span{}
	}
	s, e := o.SpanInContext()
	return o.Context, []span{{Start: s, End: e, Label: string(t.Kind)}}
}

// prodigyTask is Prodigy's task format: "text", "spans" with character
// offsets, "meta"; a rate task is a choice task with the options 1–5 and
// habla's rating pre-selected in "accept".
func prodigyTask(t *Task) any {
	text, spans := textAndSpans(t)
	m := map[string]any{"text": text, "meta": metaOf(t)}
	if t.Kind == Rate {
		var opts []map[string]any
		for i := 1; i <= 5; i++ {
			opts = append(opts, map[string]any{"id": i, "text": strconv.Itoa(i)})
		}
		m["options"], m["accept"] = opts, []int{t.PreRating}
		return m
	}
	m["spans"] = spans
	return m
}

// doccanoTask is doccano's JSONL import: "text" and "label" as
// [start, end, label] triples for sequence labelling, or a list of class
// names for a rate task; other keys become the example's metadata.
func doccanoTask(t *Task) any {
	text, spans := textAndSpans(t)
	var label []any
	for _, s := range spans {
		label = append(label, []any{s.Start, s.End, s.Label})
	}
	if t.Kind == Rate {
		label = []any{strconv.Itoa(t.PreRating)}
	}
	if label == nil {
		label = []any{}
	}
	return struct {
		Text  string `json:"text"`
		Label []any  `json:"label"`
		meta
	}{text, label, metaOf(t)}
}

// argillaRecord is a dict for Argilla 2's dataset.records.log: "text" for
// a TextField, "span" for a SpanQuestion's suggestion (code points, as
// Python counts), "correction" for a TextQuestion, "rating" for a
// RatingQuestion, and flat metadata properties.
func argillaRecord(t *Task) any {
	text, spans := textAndSpans(t)
	m := map[string]any{"id": t.ID, "text": text, "kind": string(t.Kind), "target": t.Target,
		"severity": string(t.Severity), "priority": t.Priority, "record": t.Occurrences[0].Record,
		"occurrences": len(t.Occurrences), "instructions": t.Instructions}
	if t.Kind == Rate {
		m["rating"] = t.PreRating
		return m
	}
	m["span"] = spans
	if s := firstSuggestion(t); s != "" {
		m["correction"] = s
	}
	return m
}

// csvHeader is the CSV export's header: one row per task, with empty
// decision, edit and rating columns for the annotator.
var csvHeader = []string{"id", "kind", "target", "severity", "priority", "occurrences", "records",
	"text", "suggestions", "context", "start", "end", "message", "instructions",
	"estimated_seconds", "decision", "edit", "rating"}

func writeCSV(w io.Writer, ts []Task) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for i := range ts {
		t := &ts[i]
		o := &t.Occurrences[0]
		s, e := o.SpanInContext()
		var records []string
		for _, oc := range t.Occurrences {
			records = append(records, oc.Record)
		}
		row := []string{t.ID, string(t.Kind), t.Target, string(t.Severity), fmtFloat(t.Priority),
			strconv.Itoa(len(t.Occurrences)), strings.Join(records, "; "), t.Text,
			strings.Join(t.Suggestions, " | "), o.Context, strconv.Itoa(s), strconv.Itoa(e),
			t.Message, t.Instructions, strconv.Itoa(t.EstimatedSeconds), "", "", ""}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func fmtFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
