package report

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/habla-es/habla/align"
)

func TestSpansCountCodePoints(t *testing.T) {
	// An emoji (one code point, four bytes) and a combining accent (two
	// code points) before the findings.
	text := "👍 que\u0301 tenéis, os"
	fs := []Finding{
		{Start: 7, End: 13, Text: "tenéis", Severity: align.Major},
		{Start: 15, End: 17, Text: "os", Severity: align.Major},
		{Start: 16, End: 17, Text: "overlap", Severity: align.Minor},
	}
	var got []string
	for _, sp := range spans(text, fs) {
		if sp.f != nil {
			got = append(got, "["+sp.text+"]")
		} else {
			got = append(got, sp.text)
		}
	}
	want := []string{"👍 que\u0301 ", "[tenéis]", ", ", "[os]"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("spans (-want +got):\n%s", d)
	}
}

func hostileSummary() *Summary {
	s := New(Options{Target: "es-VE", PassMark: 90, ByField: "model"})
	text := `<script>alert(1)</script> | *vos* \x1b[31m` + "\x1b[2J"
	s.Add(&Record{ID: "<b>id</b>", Text: text, By: "<i>m</i>", Words: 10, Naturalness: 50,
		Findings: []Finding{{Start: 28, End: 31, Text: "vos", Kind: align.Address, Severity: align.Major,
			Suggestions: []string{"tú"}, Message: `"comillas" & <etiquetas>`}}})
	return s
}

func TestHTMLEscapesAndParses(t *testing.T) {
	var b bytes.Buffer
	if err := hostileSummary().WriteHTML(&b, RenderOptions{}); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, bad := range []string{"<script", "<b>id", "<i>m"} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q unescaped", bad)
		}
	}
	for _, want := range []string{`<meta name="viewport"`, "<svg", `<mark class="major"`, "<title>Auditoría habla · es-VE</title>"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	for _, ext := range []string{"src=", "href=", "@import", "url("} {
		if strings.Contains(page, ext) {
			t.Errorf("page refers to an external asset (%q)", ext)
		}
	}
	// Every SVG chart is well-formed XML.
	for rest := page; ; {
		i := strings.Index(rest, "<svg")
		if i < 0 {
			break
		}
		j := strings.Index(rest[i:], "</svg>") + i + len("</svg>")
		if err := xml.Unmarshal([]byte(rest[i:j]), new(struct{})); err != nil {
			t.Errorf("chart is not well-formed: %v\n%s", err, rest[i:j])
		}
		rest = rest[j:]
	}
}

func TestTextKeepsControlCharactersOut(t *testing.T) {
	var b bytes.Buffer
	if err := hostileSummary().WriteText(&b, RenderOptions{}); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsRune(b.String(), '\x1b') {
		t.Errorf("terminal text without colour contains an escape:\n%q", b.String())
	}
	b.Reset()
	if err := hostileSummary().WriteText(&b, RenderOptions{Color: true}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "\x1b[2J") {
		t.Error("a record's escape sequence reached the terminal")
	}
	if !strings.Contains(b.String(), ansiReset) {
		t.Error("colour asked for, none written")
	}
}

func TestMarkdownEscapesTables(t *testing.T) {
	var b bytes.Buffer
	if err := hostileSummary().WriteMarkdown(&b, RenderOptions{}); err != nil {
		t.Fatal(err)
	}
	// Every row of a table has as many cell separators as its header.
	cols := 0
	for _, line := range lines(b.String()) {
		if !strings.HasPrefix(line, "|") {
			cols = 0
			continue
		}
		n := strings.Count(line, "|") - strings.Count(line, `\|`)
		if cols == 0 {
			cols = n
		} else if n != cols {
			t.Errorf("a record's text broke a table row (%d separators, header %d): %s", n, cols, line)
		}
		if strings.Contains(line, "<script") {
			t.Errorf("raw HTML in Markdown: %s", line)
		}
	}
	if !strings.Contains(b.String(), `\*vos\*`) && !strings.Contains(b.String(), "**vos**") {
		t.Errorf("finding not highlighted:\n%s", b.String())
	}
}

func TestDiff(t *testing.T) {
	old := New(Options{Target: "es-VE", PassMark: 90})
	new := New(Options{Target: "es-VE", PassMark: 90})
	vos := Finding{Start: 0, End: 3, Text: "vos", Kind: align.Address, Severity: align.Major, Suggestions: []string{"tú"}}
	coche := Finding{Start: 4, End: 9, Text: "coche", Kind: align.Lexical, Severity: align.Major, Suggestions: []string{"carro"}}
	old.Add(&Record{ID: "a", Text: "vos coche", Words: 100, Naturalness: 90, Findings: []Finding{vos, vos}})
	new.Add(&Record{ID: "a", Text: "vos coche", Words: 100, Naturalness: 95, Findings: []Finding{coche}})
	d, err := Compare(old, new)
	if err != nil {
		t.Fatal(err)
	}
	// Two major findings in 100 words, then one: OQS 0, then 50.
	if d.OQS != (Shift{Old: 0, New: 50, Delta: 50}) || d.Mean.Delta != 5 {
		t.Errorf("OQS %+v, mean %+v", d.OQS, d.Mean)
	}
	want := []KindShift{{align.Address, Shift{20, 0, -20}}, {align.Lexical, Shift{0, 10, 10}}}
	if diff := cmp.Diff(want, d.Kinds); diff != "" {
		t.Errorf("per 1000 words (-want +got):\n%s", diff)
	}
	if len(d.NewIssues) != 1 || d.NewIssues[0].Key.Text != "coche" || len(d.Gone) != 1 || d.Gone[0].Key.Text != "vos" {
		t.Errorf("new %v, gone %v", d.NewIssues, d.Gone)
	}
	if _, err := Compare(old, New(Options{Target: "es-AR"})); err == nil {
		t.Error("compared audits of different targets")
	}
}

func lines(s string) []string { return strings.Split(s, "\n") }
