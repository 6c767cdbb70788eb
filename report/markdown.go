package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

type mdWriter struct{ w *bufio.Writer }

// WriteMarkdown writes the report as Markdown (GitHub-flavoured tables).
func (s *Summary) WriteMarkdown(w io.Writer, o RenderOptions) error {
	m := mdWriter{w: bufio.NewWriter(w)}
	fmt.Fprintf(m.w, "# Auditoría habla · %s\n\n", mdEscape(s.Target))
	verdict := "✅ " + passWord(true)
	if !s.Pass() {
		verdict = "❌ " + passWord(false)
	}
	m.table([]string{"Cifra", "Valor"}, "lr", [][]string{
		{"Registros", fmt.Sprint(s.Records)},
		{"Con error previo (no auditados)", fmt.Sprint(s.Errors)},
		{"Palabras", fmt.Sprint(s.Words)},
		{"Naturalidad media", num(s.Mean())},
		{"Naturalidad mediana", num(s.Median())},
		{"Naturalidad p10", num(s.Percentile(10))},
		{"Penalización MQM (APT)", aptLine(s.Severity(), s.Weights)},
		{"MQM OQS", fmt.Sprintf("%s · %s (umbral %s)", num(s.OQS(s.Weights)), verdict, num(s.PassMark))},
	})
	m.kinds(&s.Stats)
	m.issues(s, o.top())
	m.detected(s)
	m.by(s)
	m.worst(s)
	return m.w.Flush()
}

func (m mdWriter) kinds(st *Stats) {
	fmt.Fprint(m.w, "## Hallazgos por tipo y gravedad\n\n")
	kinds := kindsIn(st)
	if len(kinds) == 0 {
		fmt.Fprint(m.w, "Ningún hallazgo.\n\n")
		return
	}
	var rows [][]string
	for _, k := range kinds {
		c := st.Findings[k]
		rows = append(rows, []string{KindName(k), fmt.Sprint(c.Critical), fmt.Sprint(c.Major),
			fmt.Sprint(c.Minor), fmt.Sprint(c.Total()), num(st.Per1000(k))})
	}
	m.table([]string{"Tipo", "Crítico", "Mayor", "Menor", "Total", "Por 1000 palabras"}, "lrrrrr", rows)
}

func (m mdWriter) issues(s *Summary, top int) {
	issues := s.TopIssues()
	if len(issues) == 0 {
		return
	}
	fmt.Fprintf(m.w, "## Problemas más frecuentes (%d de %d grupos)\n\n", min(top, len(issues)), len(issues))
	var rows [][]string
	for i, is := range issues[:min(top, len(issues))] {
		rows = append(rows, []string{fmt.Sprint(i + 1), KindName(is.Key.Kind), is.Label(), orDash(is.Suggestion()),
			fmt.Sprint(is.Count), fmt.Sprint(is.Records), num(is.Severity.APT(s.Weights)),
			is.Example.ID + ": " + is.Example.Context})
	}
	m.table([]string{"#", "Tipo", "Texto", "Sugerencia", "Veces", "Registros", "APT", "Ejemplo"}, "rlllrrrl", rows)
}

func (m mdWriter) detected(s *Summary) {
	fmt.Fprint(m.w, "## Variedad detectada\n\n")
	n := 0
	var rows [][]string
	for _, d := range s.DetectedOrder() {
		n += s.Detected[d]
		rows = append(rows, []string{d, fmt.Sprint(s.Detected[d]), percent(s.Detected[d], s.Records)})
	}
	if n == 0 {
		fmt.Fprint(m.w, "Los registros no traen detección de variedad (`habla.detected`).\n\n")
		return
	}
	if rest := s.Records - n; rest > 0 {
		rows = append(rows, []string{"sin detección", fmt.Sprint(rest), percent(rest, s.Records)})
	}
	m.table([]string{"Variedad", "Registros", "%"}, "lrr", rows)
}

func (m mdWriter) by(s *Summary) {
	if s.ByField == "" {
		return
	}
	fmt.Fprintf(m.w, "## Por %s\n\n", mdEscape(s.ByField))
	var rows [][]string
	for _, v := range s.ByValues() {
		st := s.By[v]
		oqs := st.OQS(s.Weights)
		rows = append(rows, []string{byLabel(v), fmt.Sprint(st.Records), fmt.Sprint(st.Words), num(st.Mean()),
			num(st.Median()), num(st.Percentile(10)), fmt.Sprint(st.FindingsTotal()), num(oqs), passWord(oqs >= s.PassMark)})
	}
	m.table([]string{s.ByField, "Registros", "Palabras", "Media", "Mediana", "P10", "Hallazgos", "OQS", "Veredicto"},
		"lrrrrrrrl", rows)
}

func (m mdWriter) worst(s *Summary) {
	if len(s.Worst) == 0 {
		return
	}
	fmt.Fprint(m.w, "## Los registros peores\n\n")
	for i, w := range s.Worst {
		fmt.Fprintf(m.w, "### %d. %s · naturalidad %s · APT %s\n\n", i+1, mdEscape(w.ID), num(w.Naturalness), num(w.APT))
		if s.ByField != "" {
			fmt.Fprintf(m.w, "%s: %s\n\n", mdEscape(s.ByField), mdEscape(byLabel(w.By)))
		}
		fmt.Fprint(m.w, "> ")
		for _, sp := range spans(w.Text, w.Findings) {
			if sp.f != nil {
				fmt.Fprintf(m.w, "**%s**", mdEscape(oneLine(sp.text)))
			} else {
				fmt.Fprint(m.w, mdEscape(oneLine(sp.text)))
			}
		}
		fmt.Fprint(m.w, "\n\n")
		for _, f := range findingLines(w.Findings) {
			line := fmt.Sprintf("- **%s**%s (%s, %s)", mdEscape(oneLine(f.Text)), times(f.n), KindName(f.Kind), SeverityName(f.Severity))
			if len(f.Suggestions) > 0 {
				line += " → " + mdEscape(suggestionList(f.Suggestions))
			}
			if f.Message != "" {
				line += ": " + mdEscape(f.Message)
			}
			fmt.Fprintln(m.w, line)
		}
		fmt.Fprintln(m.w)
	}
}

// table writes a pipe table; align has one letter per column, l or r.
func (m mdWriter) table(head []string, align string, rows [][]string) {
	cells := make([]string, len(head))
	for i, h := range head {
		cells[i] = mdEscape(h)
	}
	fmt.Fprintf(m.w, "| %s |\n|", strings.Join(cells, " | "))
	for i := range head {
		if align[i] == 'r' {
			fmt.Fprint(m.w, "---:|")
		} else {
			fmt.Fprint(m.w, "---|")
		}
	}
	fmt.Fprintln(m.w)
	for _, r := range rows {
		for i, c := range r {
			cells[i] = mdEscape(oneLine(c))
		}
		fmt.Fprintf(m.w, "| %s |\n", strings.Join(cells, " | "))
	}
	fmt.Fprintln(m.w)
}

// mdEscaper escapes what Markdown would read as markup in a record's text.
var mdEscaper = strings.NewReplacer(`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`",
	"[", `\[`, "]", `\]`, "<", "&lt;", ">", "&gt;")

func mdEscape(s string) string { return mdEscaper.Replace(s) }
