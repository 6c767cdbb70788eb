package tasks

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// ReadAnnotated reads annotated tasks in format ("jsonl", "label-studio"
// or "csv") from r, named name in errors. An annotation without an
// annotator is credited to name (always so in CSV).
func ReadAnnotated(r io.Reader, name, format string) ([]Task, error) {
	switch format {
	case "jsonl":
		return readJSONL(r, name)
	case "label-studio":
		return readLabelStudio(r, name)
	case "csv":
		return readCSV(r, name)
	}
	return nil, fmt.Errorf("import format %q: want jsonl, label-studio or csv", format)
}

func readJSONL(r io.Reader, name string) ([]Task, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 16<<20)
	var out []Task
	for line := 1; sc.Scan(); line++ {
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var t Task
		if err := json.Unmarshal(b, &t); err != nil {
			var se *json.SyntaxError
			if errors.As(err, &se) {
				col := utf8.RuneCount(b[:max(se.Offset-1, 0)]) + 1
				return nil, fmt.Errorf("%s:%d:%d: invalid JSON: %v", name, line, col, err)
			}
			return nil, fmt.Errorf("%s:%d: %v", name, line, err)
		}
		if err := checkTask(&t); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, line, err)
		}
		credit(t.Annotations, name)
		out = append(out, t)
	}
	return out, sc.Err()
}

// checkTask checks a task line: an id, a known kind if any, and valid
// annotations. A line may carry annotations only ({"id":…,
// "annotations":[…]}) when the exported task is given in another file;
// CheckDefined checks that after merging.
func checkTask(t *Task) error {
	if t.ID == "" {
		return errors.New("task has no id")
	}
	if t.Kind != "" {
		if _, err := ParseKind(string(t.Kind)); err != nil {
			return fmt.Errorf("task %s: %v", t.ID, err)
		}
	}
	for i, a := range t.Annotations {
		switch a.Decision {
		case "", "accept", "reject":
		default:
			return fmt.Errorf("task %s, annotation %d: decision %q: want accept or reject", t.ID, i+1, a.Decision)
		}
		if a.Rating < 0 || a.Rating > 5 {
			return fmt.Errorf("task %s, annotation %d: rating %d: want 1 to 5", t.ID, i+1, a.Rating)
		}
	}
	return nil
}

// CheckDefined reports the first merged task that has annotations but no
// definition (kind and occurrences) in any file.
func CheckDefined(ts []Task) error {
	for i := range ts {
		if ts[i].Kind == "" || len(ts[i].Occurrences) == 0 {
			return fmt.Errorf("task %s: only annotations, no task: give the exported tasks file too", ts[i].ID)
		}
	}
	return nil
}

func credit(as []Annotation, name string) {
	for i := range as {
		if as[i].Annotator == "" {
			as[i].Annotator = name
		}
	}
}

// lsExported is a task of a Label Studio JSON export.
type lsExported struct {
	ID          json.RawMessage `json:"id"`
	Data        lsData          `json:"data"`
	Annotations []struct {
		CompletedBy  json.RawMessage `json:"completed_by"`
		WasCancelled bool            `json:"was_cancelled"`
		Result       []lsResult      `json:"result"`
	} `json:"annotations"`
}

// readLabelStudio reads Label Studio's JSON export (a list of tasks with
// their annotations; or one task per line) of tasks made by the
// label-studio export.
func readLabelStudio(r io.Reader, name string) ([]Task, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	var list []lsExported
	if t := bytes.TrimSpace(data); len(t) > 0 && t[0] == '{' {
		return readLabelStudioLines(data, name)
	}
	if err := json.Unmarshal(data, &list); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line, col := lineCol(data, int(se.Offset))
			return nil, fmt.Errorf("%s:%d:%d: invalid JSON: %v", name, line, col, err)
		}
		return nil, fmt.Errorf("%s: not a Label Studio JSON export (a list of tasks): %v", name, err)
	}
	return lsTasks(list, name)
}

// readLabelStudioLines reads one exported task per line.
func readLabelStudioLines(data []byte, name string) ([]Task, error) {
	var list []lsExported
	for i, line := range bytes.Split(data, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		var e lsExported
		if err := json.Unmarshal(line, &e); err != nil {
			col := 0
			var se *json.SyntaxError
			if errors.As(err, &se) {
				_, col = lineCol(line, int(se.Offset))
			}
			return nil, fmt.Errorf("%s:%d:%d: invalid Label Studio task: %v", name, i+1, col, err)
		}
		list = append(list, e)
	}
	return lsTasks(list, name)
}

func lsTasks(list []lsExported, name string) ([]Task, error) {
	var out []Task
	for i, e := range list {
		if e.Data.Habla == nil {
			return nil, fmt.Errorf("%s: task %d (Label Studio id %s) has no data.habla: was it made by habla tasks --format label-studio?", name, i+1, e.ID)
		}
		t := *e.Data.Habla
		t.Annotations = nil
		for _, a := range e.Annotations {
			if a.WasCancelled {
				continue
			}
			t.Annotations = append(t.Annotations, lsAnnotation(a.CompletedBy, a.Result, name))
		}
		if err := checkTask(&t); err != nil {
			return nil, fmt.Errorf("%s: task %d: %v", name, i+1, err)
		}
		out = append(out, t)
	}
	return out, nil
}

// lsAnnotation reads one annotation's answers. completed_by is a user id,
// or a user object with an email in some exports.
func lsAnnotation(by json.RawMessage, res []lsResult, name string) Annotation {
	a := Annotation{Annotator: annotatorName(by, name)}
	for _, r := range res {
		switch r.FromName {
		case lsDecision:
			if cs, ok := r.Value["choices"].([]any); ok && len(cs) > 0 {
				s, _ := cs[0].(string)
				a.Decision = map[string]string{"accept": "accept", "Aceptar": "accept",
					"reject": "reject", "Rechazar": "reject"}[s]
			}
		case lsEdit:
			if ts, ok := r.Value["text"].([]any); ok && len(ts) > 0 {
				a.Edit, _ = ts[0].(string)
			}
		case lsRating:
			if f, ok := r.Value["rating"].(float64); ok {
				a.Rating = int(f)
			}
		}
	}
	return a
}

func annotatorName(by json.RawMessage, name string) string {
	var id float64
	if json.Unmarshal(by, &id) == nil {
		return "label-studio:" + strconv.FormatFloat(id, 'f', -1, 64)
	}
	var user struct {
		ID    float64 `json:"id"`
		Email string  `json:"email"`
	}
	if json.Unmarshal(by, &user) == nil {
		if user.Email != "" {
			return user.Email
		}
		return "label-studio:" + strconv.FormatFloat(user.ID, 'f', -1, 64)
	}
	return name
}

// lineCol turns a byte offset into a 1-based line and column (code points).
func lineCol(data []byte, off int) (int, int) {
	off = min(max(off-1, 0), len(data))
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[start:]) + 1
}
