package tasks

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// decisionWords are what an annotator may type in the CSV's decision
// column, in English or Spanish.
var decisionWords = map[string]string{
	"accept": "accept", "aceptar": "accept", "acepto": "accept", "sí": "accept", "si": "accept", "yes": "accept",
	"reject": "reject", "rechazar": "reject", "rechazo": "reject", "no": "reject",
}

// readCSV reads the CSV export filled in by an annotator: the id column
// and the decision, edit and rating columns. Rows left blank are skipped;
// the tasks themselves come from the exported JSONL given beside it.
func readCSV(r io.Reader, name string) ([]Task, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimPrefix(strings.TrimSpace(h), "\ufeff")] = i
	}
	for _, h := range []string{"id", "decision", "edit", "rating"} {
		if _, ok := col[h]; !ok {
			return nil, fmt.Errorf("%s:1: no %q column: is this habla's CSV export?", name, h)
		}
	}
	var out []Task
	for {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		t, err := csvTask(cr, row, col, name)
		if err != nil {
			return nil, err
		}
		if t.ID != "" {
			out = append(out, t)
		}
	}
}

// csvTask reads one row; a row without an answer gives a task without id.
func csvTask(cr *csv.Reader, row []string, col map[string]int, name string) (Task, error) {
	get := func(h string) string {
		if i := col[h]; i < len(row) {
			return strings.TrimSpace(row[i])
		}
		return ""
	}
	where := func(h string) string {
		line, c := cr.FieldPos(min(col[h], len(row)-1))
		return fmt.Sprintf("%s:%d:%d", name, line, c)
	}
	a := Annotation{Annotator: name, Edit: get("edit")}
	if d := strings.ToLower(get("decision")); d != "" {
		if a.Decision = decisionWords[d]; a.Decision == "" {
			return Task{}, fmt.Errorf("%s: decision %q: want accept or reject (aceptar, rechazar, sí, no)", where("decision"), d)
		}
	}
	if r := get("rating"); r != "" {
		n, err := strconv.Atoi(r)
		if err != nil || n < 1 || n > 5 {
			return Task{}, fmt.Errorf("%s: rating %q: want 1 to 5", where("rating"), r)
		}
		a.Rating = n
	}
	if a.Decision == "" && a.Edit == "" && a.Rating == 0 {
		return Task{}, nil
	}
	id := get("id")
	if id == "" {
		return Task{}, fmt.Errorf("%s: an answer without a task id", where("id"))
	}
	return Task{ID: id, Annotations: []Annotation{a}}, nil
}

// ImportFormats are the formats ReadAnnotated reads.
var ImportFormats = []string{"jsonl", "label-studio", "csv"}
