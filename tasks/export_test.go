package tasks

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/habla-es/habla/align"
)

// tricky puts an emoji with a skin-tone modifier (two code points, four
// UTF-16 units), a car emoji and a decomposed é (e + U+0301) before the
// spans, so code points, UTF-16 units and bytes all differ.
const tricky = "👍🏽 ¡Hola! El cafe\u0301 está listo 🚗 y el coche también; vosotros tenéis tiempo."

// find is a finding on the first occurrence of word in text.
func find(t testing.TB, text, word string, kind align.Kind, sev align.Severity, sugg ...string) align.Finding {
	t.Helper()
	b := strings.Index(text, word)
	if b < 0 {
		t.Fatalf("%q not in %q", word, text)
	}
	s := utf8.RuneCountInString(text[:b])
	return align.Finding{Start: s, End: s + utf8.RuneCountInString(word), ByteStart: b, ByteEnd: b + len(word),
		Text: word, Kind: kind, Severity: sev, Suggestions: sugg, Rule: "test/" + word,
		Message: "«" + word + "» no se dice así allí."}
}

func trickyRecords(t *testing.T) []Record {
	long := strings.Repeat("Una frase de relleno sin nada raro. ", 9) + tricky + " " + strings.Repeat("Otra frase más. ", 5)
	return []Record{
		{ID: "r1", Text: tricky, Target: "es-VE", Naturalness: 80, Order: 1, Findings: []align.Finding{
			find(t, tricky, "coche", align.Lexical, align.Major, "carro"),
			find(t, tricky, "tenéis", align.Address, align.Major, "tienen"),
		}},
		{ID: "r2", Text: long, Target: "es-VE", Naturalness: 90, Order: 2, Findings: []align.Finding{
			find(t, long, "coche", align.Lexical, align.Major, "carro"),
			find(t, long, "cafe\u0301", align.Review, align.Minor),
		}},
	}
}

// codePoints is Python's text[start:end].
func codePoints(text string, start, end int) string {
	r := []rune(text)
	if start < 0 || end > len(r) || start > end {
		return "<out of range>"
	}
	return string(r[start:end])
}

func TestTrickyTextCountsDiffer(t *testing.T) {
	b := strings.Index(tricky, "coche")
	cp := utf8.RuneCountInString(tricky[:b])
	u16 := len(utf16.Encode([]rune(tricky[:b])))
	if cp == u16 || cp == b {
		t.Fatalf("the test text does not tell the units apart: %d code points, %d UTF-16, %d bytes", cp, u16, b)
	}
}

func exportLines(t *testing.T, format string, ts []Task) []string {
	t.Helper()
	var buf bytes.Buffer
	if err := Export(&buf, format, ts); err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
}

func TestExportSpansReextract(t *testing.T) {
	ts := Build(trickyRecords(t), Options{RateSample: 1})
	if n := len(ts); n != 5 {
		t.Fatalf("%d tasks, want 5 (4 findings, 1 rate)", n)
	}
	want := map[string]string{} // task id → span text
	for _, tk := range ts {
		if tk.Kind != Rate {
			want[tk.ID] = tk.Text
		}
	}
	check := func(format, id, text string, start, end int) {
		t.Helper()
		if got := codePoints(text, start, end); got != want[id] {
			t.Errorf("%s: task %s: text[%d:%d] = %q, want %q", format, id, start, end, got, want[id])
		}
		delete(seen[format], id)
	}
	seen = map[string]map[string]bool{}
	for _, f := range []string{"prodigy", "doccano", "argilla", "label-studio", "csv"} {
		seen[f] = map[string]bool{}
		for id := range want {
			seen[f][id] = true
		}
	}
	for _, line := range exportLines(t, "prodigy", ts) {
		var p struct {
			Text  string
			Spans []span
			Meta  meta
		}
		mustJSON(t, line, &p)
		for _, s := range p.Spans {
			check("prodigy", p.Meta.Task, p.Text, s.Start, s.End)
		}
	}
	for _, line := range exportLines(t, "doccano", ts) {
		var d struct {
			Text  string `json:"text"`
			Label []json.RawMessage
			Task  string `json:"habla_task"`
		}
		mustJSON(t, line, &d)
		for _, l := range d.Label {
			var v any
			mustJSON(t, string(l), &v)
			if triple, ok := v.([]any); ok && len(triple) == 3 {
				check("doccano", d.Task, d.Text, int(triple[0].(float64)), int(triple[1].(float64)))
			}
		}
	}
	for _, line := range exportLines(t, "argilla", ts) {
		var a struct {
			ID   string `json:"id"`
			Text string `json:"text"`
			Span []span `json:"span"`
		}
		mustJSON(t, line, &a)
		for _, s := range a.Span {
			check("argilla", a.ID, a.Text, s.Start, s.End)
		}
	}
	lines := exportLines(t, "label-studio", ts)
	var ls []lsTask
	mustJSON(t, strings.Join(lines, "\n"), &ls)
	for _, task := range ls {
		for _, r := range task.Predictions[0].Result {
			if r.Type == "labels" {
				check("label-studio", task.Data.Habla.ID, task.Data.Text, int(r.Value["start"].(float64)), int(r.Value["end"].(float64)))
				if r.Value["text"] != want[task.Data.Habla.ID] {
					t.Errorf("label-studio: value.text %q", r.Value["text"])
				}
			}
		}
	}
	rows, err := csv.NewReader(strings.NewReader(strings.Join(exportLines(t, "csv", ts), "\n"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rows[0], csvHeader) || len(rows) != len(ts)+1 {
		t.Fatalf("csv: header %v, %d rows", rows[0], len(rows))
	}
	for _, row := range rows[1:] {
		if row[1] != string(Rate) {
			check("csv", row[0], row[9], atoi(t, row[10]), atoi(t, row[11]))
		}
	}
	for f, left := range seen {
		if len(left) > 0 {
			t.Errorf("%s: no span exported for %v", f, left)
		}
	}
}

var seen map[string]map[string]bool

func TestExportXLIFFWellFormed(t *testing.T) {
	ts := Build(trickyRecords(t), Options{RateSample: 2})
	var buf bytes.Buffer
	if err := Export(&buf, "xliff", ts); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		XMLName xml.Name `xml:"urn:oasis:names:tc:xliff:document:2.0 xliff"`
		Version string   `xml:"version,attr"`
		TrgLang string   `xml:"trgLang,attr"`
		Units   []struct {
			ID     string   `xml:"id,attr"`
			Notes  []string `xml:"notes>note"`
			Source struct {
				Text string `xml:",chardata"`
				Mrk  string `xml:"mrk"`
			} `xml:"segment>source"`
			Target *struct {
				Mrk string `xml:"mrk"`
			} `xml:"segment>target"`
		} `xml:"file>unit"`
	}
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("not well-formed: %v\n%s", err, buf.String())
	}
	if doc.Version != "2.1" || doc.TrgLang != "es-VE" || len(doc.Units) != 4 {
		t.Fatalf("version %q, trgLang %q, %d units (want 2.1, es-VE, 4: rate tasks left out)", doc.Version, doc.TrgLang, len(doc.Units))
	}
	byID := map[string]Task{}
	for _, tk := range ts {
		byID[tk.ID] = tk
	}
	for _, u := range doc.Units {
		tk := byID[u.ID]
		if u.Source.Mrk != tk.Text {
			t.Errorf("unit %s: marked source %q, want %q", u.ID, u.Source.Mrk, tk.Text)
		}
		switch {
		case len(tk.Suggestions) == 0 && u.Target != nil:
			t.Errorf("unit %s: a target without a suggestion", u.ID)
		case len(tk.Suggestions) > 0 && (u.Target == nil || u.Target.Mrk != tk.Suggestions[0]):
			t.Errorf("unit %s: target %v, want %q", u.ID, u.Target, tk.Suggestions[0])
		}
		if len(u.Notes) < 2 || u.Notes[0] != tk.Instructions {
			t.Errorf("unit %s: notes %q", u.ID, u.Notes)
		}
	}
}

// The Label Studio config must declare every name and label the
// predictions use, or Label Studio rejects the import.
func TestLabelStudioConfigMatchesPredictions(t *testing.T) {
	var cfg struct {
		Text struct {
			Name string `xml:"name,attr"`
		} `xml:"Text"`
		Labels struct {
			Name   string `xml:"name,attr"`
			ToName string `xml:"toName,attr"`
			Label  []struct {
				Value string `xml:"value,attr"`
			} `xml:"Label"`
		} `xml:"Labels"`
		Choices struct {
			Name   string `xml:"name,attr"`
			Choice []struct {
				Alias string `xml:"alias,attr"`
			} `xml:"Choice"`
		} `xml:"Choices"`
		TextArea struct {
			Name string `xml:"name,attr"`
		} `xml:"TextArea"`
		Rating struct {
			Name string `xml:"name,attr"`
		} `xml:"Rating"`
	}
	if err := xml.Unmarshal([]byte(LabelStudioConfig()), &cfg); err != nil {
		t.Fatal(err)
	}
	names := map[string]string{cfg.Labels.Name: "labels", cfg.Choices.Name: "choices",
		cfg.TextArea.Name: "textarea", cfg.Rating.Name: "rating"}
	labels := map[string]bool{}
	for _, l := range cfg.Labels.Label {
		labels[l.Value] = true
	}
	if len(cfg.Choices.Choice) != 2 || cfg.Choices.Choice[0].Alias != "accept" || cfg.Choices.Choice[1].Alias != "reject" {
		t.Errorf("choices %+v", cfg.Choices)
	}
	types := map[string]bool{}
	for _, tk := range Build(trickyRecords(t), Options{RateSample: 1}) {
		for _, r := range labelStudioTask(&tk).Predictions[0].Result {
			types[r.Type] = true
			if names[r.FromName] != r.Type || r.ToName != cfg.Text.Name {
				t.Errorf("result %s/%s → %s not in the config", r.FromName, r.Type, r.ToName)
			}
			if r.Type == "labels" {
				for _, l := range r.Value["labels"].([]string) {
					if !labels[l] {
						t.Errorf("label %q not in the config", l)
					}
				}
			}
		}
	}
	if !types["labels"] || !types["textarea"] || !types["rating"] {
		t.Errorf("prediction types %v: want labels, textarea and rating", types)
	}
}

func mustJSON(t *testing.T, s string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(s), v); err != nil {
		t.Fatalf("%v in %s", err, s)
	}
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	var n int
	if err := json.Unmarshal([]byte(s), &n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestExportXLIFFRefuses(t *testing.T) {
	recs := trickyRecords(t)
	recs[1].Target = "es-AR"
	var buf bytes.Buffer
	if err := Export(&buf, "xliff", Build(recs, Options{})); err == nil || !strings.Contains(err.Error(), "tasks for es-VE and es-AR") {
		t.Errorf("two targets: %v", err)
	}
	if err := Export(&buf, "xliff", Build(recs, Options{RateSample: 1, Kinds: []Kind{Rate}})); err == nil || !strings.Contains(err.Error(), "no tasks to write") {
		t.Errorf("no units: %v", err)
	}
	if err := Export(&buf, "yaml", nil); err == nil {
		t.Error("unknown format accepted")
	}
}
