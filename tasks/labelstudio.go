package tasks

import (
	"fmt"
	"io"
	"strings"
)

// Label Studio names: the labeling configuration (LabelStudioConfig) and
// the predictions of the export must use the same ones.
const (
	lsText     = "text"
	lsLabel    = "label"
	lsDecision = "decision"
	lsEdit     = "edit"
	lsRating   = "rating"
)

// LabelStudioConfig is the labeling configuration matching the
// label-studio export: the text with the span labelled by task kind, an
// accept/reject choice, a text area for the replacement, and a 1–5 rating.
func LabelStudioConfig() string {
	var b strings.Builder
	b.WriteString("<View>\n")
	b.WriteString(`  <Header value="$instructions"/>` + "\n")
	fmt.Fprintf(&b, "  <Text name=%q value=\"$text\"/>\n", lsText)
	fmt.Fprintf(&b, "  <Labels name=%q toName=%q>\n", lsLabel, lsText)
	for _, k := range Kinds {
		if k != Rate {
			fmt.Fprintf(&b, "    <Label value=%q/>\n", k)
		}
	}
	b.WriteString("  </Labels>\n")
	fmt.Fprintf(&b, "  <Choices name=%q toName=%q choice=\"single\" showInline=\"true\">\n", lsDecision, lsText)
	b.WriteString(`    <Choice value="Aceptar" alias="accept"/>` + "\n")
	b.WriteString(`    <Choice value="Rechazar" alias="reject"/>` + "\n")
	b.WriteString("  </Choices>\n")
	fmt.Fprintf(&b, "  <TextArea name=%q toName=%q placeholder=\"Reemplazo (si no es la sugerencia)\" maxSubmissions=\"1\" editable=\"true\"/>\n", lsEdit, lsText)
	fmt.Fprintf(&b, "  <Rating name=%q toName=%q maxRating=\"5\"/>\n", lsRating, lsText)
	b.WriteString("</View>\n")
	return b.String()
}

// lsTask is a Label Studio import task.
type lsTask struct {
	Data        lsData         `json:"data"`
	Predictions []lsPrediction `json:"predictions"`
}

// lsData is what the task shows ($text, $instructions) and, under habla,
// the whole task, so that an export of annotations can be imported back.
type lsData struct {
	Text         string `json:"text"`
	Instructions string `json:"instructions"`
	Habla        *Task  `json:"habla"`
}

type lsPrediction struct {
	ModelVersion string     `json:"model_version"`
	Score        float64    `json:"score"`
	Result       []lsResult `json:"result"`
}

// lsResult is one region or answer of a prediction or an annotation.
type lsResult struct {
	ID       string         `json:"id,omitempty"`
	FromName string         `json:"from_name"`
	ToName   string         `json:"to_name"`
	Type     string         `json:"type"`
	Value    map[string]any `json:"value"`
}

func labelStudioTask(t *Task) lsTask {
	text, spans := textAndSpans(t)
	var res []lsResult
	for _, s := range spans {
		res = append(res, lsResult{ID: "habla-span", FromName: lsLabel, ToName: lsText, Type: "labels",
			Value: map[string]any{"start": s.Start, "end": s.End, "text": t.Text, "labels": []string{s.Label}}})
	}
	if sugg := firstSuggestion(t); sugg != "" {
		res = append(res, lsResult{FromName: lsEdit, ToName: lsText, Type: "textarea",
			Value: map[string]any{"text": []string{sugg}}})
	}
	if t.Kind == Rate {
		res = append(res, lsResult{FromName: lsRating, ToName: lsText, Type: "rating",
			Value: map[string]any{"rating": t.PreRating}})
	}
	plain := *t
	plain.Annotations = nil
	return lsTask{
		Data:        lsData{Text: text, Instructions: t.Instructions, Habla: &plain},
		Predictions: []lsPrediction{{ModelVersion: "habla", Score: 1, Result: res}},
	}
}

// writeLabelStudio writes a JSON list of tasks, one per line, which Label
// Studio imports as a .json file.
func writeLabelStudio(w io.Writer, ts []Task) error {
	if _, err := io.WriteString(w, "[\n"); err != nil {
		return err
	}
	for i := range ts {
		b, err := marshal(labelStudioTask(&ts[i]))
		if err != nil {
			return err
		}
		if i < len(ts)-1 {
			b = append(b, ',')
		}
		if _, err := w.Write(append(b, '\n')); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, "]\n")
	return err
}
