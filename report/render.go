package report

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/habla-es/habla/align"
)

// RenderOptions say how much a report shows and how.
type RenderOptions struct {
	// Top is how many top issues to show; 0: 10.
	Top int
	// Color uses ANSI colour in the terminal text.
	Color bool
}

func (o RenderOptions) top() int {
	if o.Top <= 0 {
		return 10
	}
	return o.Top
}

// kindNames are the finding kinds as a Spanish-speaking linguist reads them.
var kindNames = map[align.Kind]string{
	align.Lexical: "léxico", align.Taboo: "tabú", align.Address: "tratamiento",
	align.Morphology: "morfología", align.Convention: "convención", align.Review: "revisión",
}

// KindName is the Spanish name of a finding kind.
func KindName(k align.Kind) string {
	if n, ok := kindNames[k]; ok {
		return n
	}
	return string(k)
}

// severityNames are MQM's severities in Spanish.
var severityNames = map[align.Severity]string{
	align.Minor: "menor", align.Major: "mayor", align.Critical: "crítico",
}

// SeverityName is the Spanish name of an MQM severity.
func SeverityName(s align.Severity) string {
	if n, ok := severityNames[s]; ok {
		return n
	}
	return string(s)
}

// num writes a figure as it is stored: no trailing zeros, a decimal point.
func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// passWord is the verdict against the pass mark.
func passWord(pass bool) string {
	if pass {
		return "APRUEBA"
	}
	return "NO APRUEBA"
}

// percent is n of total as a percentage with one decimal.
func percent(n, total int) string {
	if total == 0 {
		return "0%"
	}
	return strconv.FormatFloat(float64(n)*100/float64(total), 'f', 1, 64) + "%"
}

// aptLine explains the penalty: "3 mayor × 5 + 1 menor × 1 = 16".
func aptLine(c SevCounts, w align.Weights) string {
	var parts []string
	for _, sev := range Severities {
		if n := c.Of(sev); n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s × %s", n, SeverityName(sev), num(w.Of(sev))))
		}
	}
	if len(parts) == 0 {
		return "0"
	}
	return strings.Join(parts, " + ") + " = " + num(c.APT(w))
}

// byLabel names a --by value, "(sin valor)" for a record without it.
func byLabel(v string) string {
	if v == "" {
		return "(sin valor)"
	}
	return v
}

// suggestionList is a finding's suggestions for people: «a», «b».
func suggestionList(ss []string) string {
	if len(ss) == 0 {
		return ""
	}
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = "«" + s + "»"
	}
	return strings.Join(q, ", ")
}

// span is a piece of a record's text, highlighted when f is not nil.
type span struct {
	text string
	f    *Finding
}

// spans cuts text at its findings (code-point offsets). A finding that
// overlaps an earlier one or falls outside the text is not highlighted.
func spans(text string, fs []Finding) []span {
	fs = slices.Clone(fs)
	slices.SortStableFunc(fs, func(a, b Finding) int { return a.Start - b.Start })
	var out []span
	pos, byteAt := 0, 0 // code points and bytes consumed
	advance := func(to int) string {
		start := byteAt
		for pos < to && byteAt < len(text) {
			_, n := utf8.DecodeRuneInString(text[byteAt:])
			byteAt += n
			pos++
		}
		return text[start:byteAt]
	}
	for i := range fs {
		f := &fs[i]
		if f.Start < pos || f.End <= f.Start {
			continue
		}
		if before := advance(f.Start); before != "" {
			out = append(out, span{text: before})
		}
		if pos < f.Start {
			break // past the end of the text
		}
		out = append(out, span{text: advance(f.End), f: f})
	}
	if byteAt < len(text) {
		out = append(out, span{text: text[byteAt:]})
	}
	return out
}

// findingLine is a finding as listed under a worst record, with how many
// times the record has it: a record with twenty straight quotes lists the
// quote once, ×20.
type findingLine struct {
	Finding
	n int
}

// findingLines lists a record's findings, the same finding (text, kind,
// severity, suggestions, message) once, in order of first appearance.
func findingLines(fs []Finding) []findingLine {
	var out []findingLine
	index := map[string]int{}
	for _, f := range fs {
		k := strings.Join(append([]string{f.Text, string(f.Kind), string(f.Severity), f.Message}, f.Suggestions...), "\x00")
		if i, ok := index[k]; ok {
			out[i].n++
			continue
		}
		index[k] = len(out)
		out = append(out, findingLine{Finding: f, n: 1})
	}
	return out
}

// times is " ×n" for a finding seen n > 1 times.
func times(n int) string {
	if n < 2 {
		return ""
	}
	return fmt.Sprintf(" ×%d", n)
}
