package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode"

	"github.com/habla-es/habla/align"
)

// ANSI colours for the terminal report. Tables stay uncoloured: escape
// codes would count as width and break the alignment.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
)

var severityColor = map[align.Severity]string{
	align.Critical: ansiBold + ansiRed, align.Major: ansiRed, align.Minor: ansiYellow,
}

type textWriter struct {
	w     *bufio.Writer
	color bool
}

func (t *textWriter) paint(code, s string) string {
	if !t.color || code == "" {
		return s
	}
	return code + s + ansiReset
}

// WriteText writes the report for a terminal: aligned tables, colour only
// when o.Color.
func (s *Summary) WriteText(w io.Writer, o RenderOptions) error {
	t := &textWriter{w: bufio.NewWriter(w), color: o.Color}
	t.header(s)
	t.kinds(&s.Stats)
	t.issues(s, o.top())
	t.detected(s)
	t.by(s)
	t.worst(s)
	return t.w.Flush()
}

func (t *textWriter) header(s *Summary) {
	fmt.Fprintf(t.w, "%s\n\n", t.paint(ansiBold, "Auditoría habla · variedad objetivo "+s.Target))
	tw := tabwriter.NewWriter(t.w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "  Registros\t%d\n", s.Records)
	if s.Errors > 0 {
		fmt.Fprintf(tw, "  Con error previo\t%d (no auditados)\n", s.Errors)
	}
	fmt.Fprintf(tw, "  Palabras\t%d\n", s.Words)
	fmt.Fprintf(tw, "  Naturalidad\tmedia %s · mediana %s · p10 %s\n", num(s.Mean()), num(s.Median()), num(s.Percentile(10)))
	fmt.Fprintf(tw, "  Penalización MQM\t%s\n", aptLine(s.Severity(), s.Weights))
	tw.Flush()
	verdict := t.paint(ansiBold+ansiGreen, passWord(true))
	if !s.Pass() {
		verdict = t.paint(ansiBold+ansiRed, passWord(false))
	}
	fmt.Fprintf(t.w, "  MQM OQS %s: %s (umbral %s; OQS = 100 − APT · 1000 / palabras)\n\n",
		num(s.OQS(s.Weights)), verdict, num(s.PassMark))
}

func (t *textWriter) kinds(st *Stats) {
	t.title("Hallazgos por tipo y gravedad")
	kinds := kindsIn(st)
	if len(kinds) == 0 {
		fmt.Fprintln(t.w, "  Ningún hallazgo.")
		fmt.Fprintln(t.w)
		return
	}
	tw := tabwriter.NewWriter(t.w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "TIPO\tCRÍTICO\tMAYOR\tMENOR\tTOTAL\tPOR 1000 PALABRAS\t")
	for _, k := range kinds {
		c := st.Findings[k]
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%s\t\n", KindName(k), c.Critical, c.Major, c.Minor, c.Total(), num(st.Per1000(k)))
	}
	all := st.Severity()
	perK := 0.0
	if st.Words > 0 {
		perK = round2(float64(all.Total()) * 1000 / float64(st.Words))
	}
	fmt.Fprintf(tw, "total\t%d\t%d\t%d\t%d\t%s\t\n", all.Critical, all.Major, all.Minor, all.Total(), num(perK))
	tw.Flush()
	fmt.Fprintln(t.w)
}

func (t *textWriter) issues(s *Summary, top int) {
	issues := s.TopIssues()
	if len(issues) == 0 {
		return
	}
	t.title(fmt.Sprintf("Problemas más frecuentes (%d de %d grupos)", min(top, len(issues)), len(issues)))
	tw := tabwriter.NewWriter(t.w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "#\tTIPO\tTEXTO\tSUGERENCIA\tVECES\tREGISTROS\tAPT\tEJEMPLO")
	for i, is := range issues[:min(top, len(issues))] {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\t%d\t%s\t%s: %s\n", i+1, KindName(is.Key.Kind), is.Label(),
			orDash(is.Suggestion()), is.Count, is.Records, num(is.Severity.APT(s.Weights)),
			is.Example.ID, oneLine(is.Example.Context))
	}
	tw.Flush()
	fmt.Fprintln(t.w)
}

func (t *textWriter) detected(s *Summary) {
	t.title("Variedad detectada")
	n := 0
	for _, c := range s.Detected {
		n += c
	}
	if n == 0 {
		fmt.Fprintln(t.w, "  Los registros no traen detección de variedad (habla.detected).")
		fmt.Fprintln(t.w)
		return
	}
	tw := tabwriter.NewWriter(t.w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "VARIEDAD\tREGISTROS\t%\t")
	for _, d := range s.DetectedOrder() {
		fmt.Fprintf(tw, "%s\t%d\t%s\t\n", d, s.Detected[d], percent(s.Detected[d], s.Records))
	}
	if rest := s.Records - n; rest > 0 {
		fmt.Fprintf(tw, "sin detección\t%d\t%s\t\n", rest, percent(rest, s.Records))
	}
	tw.Flush()
	fmt.Fprintln(t.w)
}

func (t *textWriter) by(s *Summary) {
	if s.ByField == "" {
		return
	}
	t.title("Por " + s.ByField)
	tw := tabwriter.NewWriter(t.w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, strings.ToUpper(s.ByField)+"\tREGISTROS\tPALABRAS\tMEDIA\tMEDIANA\tP10\tHALLAZGOS\tOQS\tVEREDICTO\t")
	for _, v := range s.ByValues() {
		st := s.By[v]
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\t%s\t%d\t%s\t%s\t\n", byLabel(v), st.Records, st.Words,
			num(st.Mean()), num(st.Median()), num(st.Percentile(10)), st.FindingsTotal(),
			num(st.OQS(s.Weights)), passWord(st.OQS(s.Weights) >= s.PassMark))
	}
	tw.Flush()
	fmt.Fprintln(t.w)
}

func (t *textWriter) worst(s *Summary) {
	if len(s.Worst) == 0 {
		return
	}
	t.title("Los registros peores")
	for i, w := range s.Worst {
		head := fmt.Sprintf("%d. %s · naturalidad %s · APT %s · %d palabras", i+1, w.ID, num(w.Naturalness), num(w.APT), w.Words)
		if s.ByField != "" {
			head += " · " + s.ByField + " " + byLabel(w.By)
		}
		fmt.Fprintf(t.w, "%s\n   ", t.paint(ansiBold, head))
		for _, sp := range spans(w.Text, w.Findings) {
			switch {
			case sp.f == nil:
				fmt.Fprint(t.w, oneLine(sp.text))
			case t.color:
				fmt.Fprint(t.w, t.paint(severityColor[sp.f.Severity]+"\x1b[4m", oneLine(sp.text)))
			default:
				fmt.Fprint(t.w, "[", oneLine(sp.text), "]")
			}
		}
		fmt.Fprintln(t.w)
		for _, f := range findingLines(w.Findings) {
			sev := t.paint(severityColor[f.Severity], SeverityName(f.Severity))
			line := fmt.Sprintf("   - %s%s (%s, %s)", oneLine(f.Text), times(f.n), KindName(f.Kind), sev)
			if len(f.Suggestions) > 0 {
				line += " → " + suggestionList(f.Suggestions)
			}
			if f.Message != "" {
				line += ": " + f.Message
			}
			fmt.Fprintln(t.w, line)
		}
		fmt.Fprintln(t.w)
	}
}

func (t *textWriter) title(s string) {
	fmt.Fprintln(t.w, t.paint(ansiBold+ansiCyan, s))
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// oneLine keeps a record's text on one line of the report, and keeps
// control characters in it (an escape sequence in a model's output) from
// reaching the terminal.
func oneLine(s string) string {
	if strings.IndexFunc(s, unicode.IsControl) < 0 {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return '⏎'
		case unicode.IsControl(r):
			return ' '
		}
		return r
	}, s)
}
