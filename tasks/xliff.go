package tasks

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// XLIFF 2.1 keeps the 2.0 core namespace; the version attribute says 2.1.
const xliffNS = "urn:oasis:names:tc:xliff:document:2.0"

// writeXLIFF writes one unit per task: the context as source with the span
// marked, the context with the first suggestion as target, and the
// message and instructions as notes. Rate tasks are not translation units
// and are left out; a task without a suggestion has no target. All tasks
// must share one target variety (the file's trgLang).
func writeXLIFF(w io.Writer, ts []Task) error {
	src, trg := "es", "es"
	if len(ts) > 0 {
		trg = ts[0].Target
	}
	units := 0
	for i := range ts {
		if ts[i].Kind != Rate {
			units++
		}
		if ts[i].Target != trg {
			return fmt.Errorf("xliff: tasks for %s and %s: an XLIFF file has one target language; make one file per target", trg, ts[i].Target)
		}
	}
	if units == 0 {
		return errors.New("xliff: no tasks to write (rate tasks are not translation units), and an XLIFF file needs at least one unit")
	}
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	p("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	p("<xliff xmlns=\"%s\" version=\"2.1\" srcLang=\"%s\" trgLang=\"%s\">\n", xliffNS, attr(src), attr(trg))
	p("  <file id=\"habla-tasks\">\n")
	for i := range ts {
		if ts[i].Kind != Rate {
			writeUnit(p, &ts[i])
		}
	}
	p("  </file>\n</xliff>\n")
	return nil
}

// text escapes character data.
func text(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// attr escapes an attribute value written between double quotes.
func attr(s string) string { return text(s) }

// runeSlice is s[start:end] in code points.
func runeSlice(s string, start, end int) string {
	out, _ := spanText(s, start, end)
	return out
}

// writeUnit writes one task as an XLIFF unit.
func writeUnit(p func(string, ...any), t *Task) {
	o := &t.Occurrences[0]
	s, e := o.SpanInContext()
	before, after := runeSlice(o.Context, 0, s), runeSlice(o.Context, e, runeLen(o.Context))
	p("    <unit id=\"%s\">\n", attr(t.ID))
	p("      <notes>\n")
	p("        <note category=\"instructions\">%s</note>\n", text(t.Instructions))
	if t.Message != "" {
		p("        <note category=\"message\">%s</note>\n", text(t.Message))
	}
	p("        <note category=\"habla\">kind=%s severity=%s priority=%s occurrences=%d record=%s</note>\n",
		t.Kind, t.Severity, fmtFloat(t.Priority), len(t.Occurrences), text(o.Record))
	p("      </notes>\n")
	p("      <segment>\n")
	mrk := fmt.Sprintf("<mrk id=\"m1\" type=\"comment\" value=\"%s\">", attr(string(t.Kind)))
	p("        <source xml:space=\"preserve\">%s%s%s</mrk>%s</source>\n", text(before), mrk, text(o.Text), text(after))
	if sugg := firstSuggestion(t); sugg != "" {
		p("        <target xml:space=\"preserve\">%s%s%s</mrk>%s</target>\n", text(before), mrk, text(matchCase(o.Text, sugg)), text(after))
	}
	p("      </segment>\n")
	p("    </unit>\n")
}
