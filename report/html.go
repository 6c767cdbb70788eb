package report

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"strings"
)

// pageCSS styles the report: one column on a phone, tables that scroll
// sideways rather than overflow, charts that scale with the page.
const pageCSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1d2330;background:#f6f7f9}
main{max-width:960px;margin:0 auto;padding:16px}
h1{font-size:1.5rem;margin:.2em 0}
h2{font-size:1.15rem;margin:1.6em 0 .6em;border-bottom:2px solid #dde1e7;padding-bottom:.2em}
.verdict{display:inline-block;padding:.3em .7em;border-radius:6px;font-weight:700;color:#fff}
.pass{background:#2b8a3e}.fail{background:#c92a2a}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(130px,1fr));gap:10px;margin:1em 0}
.card{background:#fff;border-radius:8px;padding:10px 12px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
.card b{display:block;font-size:1.4rem}
.card span{font-size:.85rem;color:#5c6370}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(280px,1fr));gap:16px;align-items:start}
.panel h2{margin-top:0}
.panel{background:#fff;border-radius:8px;padding:12px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;background:#fff;font-size:.92rem}
th,td{padding:6px 8px;border-bottom:1px solid #e4e7ec;text-align:left;vertical-align:top}
td.r,th.r{text-align:right;font-variant-numeric:tabular-nums}
.chart{width:100%;height:auto;display:block}
.chart text{font-size:11px;fill:#1d2330}
.chart .v{text-anchor:middle}
.chart .base{stroke:#8a919c}
.legend span{display:inline-block;margin-right:12px;font-size:.85rem}
.legend i{display:inline-block;width:10px;height:10px;margin-right:4px;border-radius:2px}
article{background:#fff;border-radius:8px;padding:12px 14px;margin:12px 0;box-shadow:0 1px 2px rgba(0,0,0,.08)}
article h3{font-size:1rem;margin:0 0 .4em}
.text{font-size:1.05rem;line-height:1.7;overflow-wrap:anywhere}
mark{border-radius:3px;padding:0 2px}
mark.critical{background:#f3c4cc;border-bottom:3px solid #7a0019}
mark.major{background:#fbd5da;border-bottom:3px solid #d1495b}
mark.minor{background:#fbe8c5;border-bottom:3px solid #edae49}
ul.findings{padding-left:1.1em;margin:.4em 0 0}
ul.findings li{margin:.3em 0}
.sugg{font-weight:600;color:#2b8a3e}
.muted{color:#5c6370;font-size:.9rem}
footer{margin:2em 0 1em;color:#5c6370;font-size:.85rem}
.kinds{margin-top:12px}
@media (max-width:640px){
main{padding:10px}
th,td{padding:5px 4px;font-size:.85rem}
table.stack,table.stack tbody,table.stack tr,table.stack td{display:block;width:100%}
table.stack tr.head{display:none}
table.stack tr{border-bottom:1px solid #e4e7ec;padding:6px 0}
table.stack td{border:0;padding:1px 8px;text-align:left}
table.stack td[data-l]::before{content:attr(data-l) ": ";color:#5c6370}
.kinds th,.kinds td{padding:5px 3px}
}
`

type htmlWriter struct{ w *bufio.Writer }

func (h htmlWriter) p(format string, a ...any) { fmt.Fprintf(h.w, format, a...) }

// esc escapes text for HTML.
func esc(s string) string { return html.EscapeString(s) }

// Title is the report's title, the same in every format.
func (s *Summary) Title() string { return "Auditoría habla · " + s.Target }

// WriteHTML writes the report as one self-contained HTML page: inline CSS
// and SVG, no scripts, no external assets.
func (s *Summary) WriteHTML(w io.Writer, o RenderOptions) error {
	h := htmlWriter{w: bufio.NewWriter(w)}
	h.p("<!DOCTYPE html>\n<html lang=\"es\">\n<head>\n<meta charset=\"utf-8\">\n")
	h.p("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	h.p("<title>%s</title>\n<style>%s</style>\n</head>\n<body>\n<main>\n", esc(s.Title()), pageCSS)
	h.header(s)
	h.charts(s, o.top())
	h.issues(s, o.top())
	h.detected(s)
	h.by(s)
	h.worst(s)
	h.p("<footer>habla audit · OQS = 100 − APT · 1000 / palabras · pesos MQM: menor %s, mayor %s, crítico %s</footer>\n",
		num(s.Weights.Minor), num(s.Weights.Major), num(s.Weights.Critical))
	h.p("</main>\n</body>\n</html>\n")
	return h.w.Flush()
}

func (h htmlWriter) header(s *Summary) {
	class := "pass"
	if !s.Pass() {
		class = "fail"
	}
	h.p("<header>\n<h1>%s</h1>\n", esc(s.Title()))
	h.p("<p><span class=\"verdict %s\">MQM OQS %s · %s</span> <span class=\"muted\">umbral %s</span></p>\n</header>\n",
		class, num(s.OQS(s.Weights)), passWord(s.Pass()), num(s.PassMark))
	h.p("<section class=\"cards\">\n")
	card := func(v, label string) { h.p("<div class=\"card\"><b>%s</b><span>%s</span></div>\n", esc(v), esc(label)) }
	card(fmt.Sprint(s.Records), "registros")
	card(fmt.Sprint(s.Words), "palabras")
	card(num(s.Mean()), "naturalidad media")
	card(num(s.Median()), "naturalidad mediana")
	card(num(s.Percentile(10)), "naturalidad p10")
	card(fmt.Sprint(s.FindingsTotal()), "hallazgos")
	if s.Errors > 0 {
		card(fmt.Sprint(s.Errors), "con error previo (no auditados)")
	}
	h.p("</section>\n<p class=\"muted\">Penalización MQM (APT): %s</p>\n", esc(aptLine(s.Severity(), s.Weights)))
}

func (h htmlWriter) charts(s *Summary, top int) {
	h.p("<section class=\"grid\">\n<div class=\"panel\"><h2>Naturalidad</h2>\n%s</div>\n", histogramSVG(&s.Stats))
	h.p("<div class=\"panel\"><h2>Hallazgos por tipo</h2>\n")
	if bars := kindBars(&s.Stats); len(bars) > 0 {
		h.p("%s\n%s", barsSVG("kinds-t", "Hallazgos por tipo y gravedad", bars), legend())
	} else {
		h.p("<p>Ningún hallazgo.</p>\n")
	}
	h.p("</div>\n")
	if issues := s.TopIssues(); len(issues) > 0 {
		h.p("<div class=\"panel\"><h2>Problemas más frecuentes</h2>\n%s\n%s</div>\n",
			barsSVG("issues-t", "Problemas más frecuentes", issueBars(issues[:min(top, len(issues))])), legend())
	}
	h.p("</section>\n")
	h.kindTable(&s.Stats)
}

func legend() string {
	var b strings.Builder
	b.WriteString(`<p class="legend">`)
	for _, sev := range Severities {
		fmt.Fprintf(&b, `<span><i style="background:%s"></i>%s</span>`, sevFill[sev], SeverityName(sev))
	}
	b.WriteString("</p>")
	return b.String()
}

func (h htmlWriter) kindTable(st *Stats) {
	kinds := kindsIn(st)
	if len(kinds) == 0 {
		return
	}
	h.p("<div class=\"scroll kinds\"><table>\n<tr><th>Tipo</th><th class=\"r\">Crítico</th><th class=\"r\">Mayor</th><th class=\"r\">Menor</th><th class=\"r\">Total</th><th class=\"r\" title=\"hallazgos por 1000 palabras\">‰ palabras</th></tr>\n")
	for _, k := range kinds {
		c := st.Findings[k]
		h.p("<tr><td>%s</td><td class=\"r\">%d</td><td class=\"r\">%d</td><td class=\"r\">%d</td><td class=\"r\">%d</td><td class=\"r\">%s</td></tr>\n",
			esc(KindName(k)), c.Critical, c.Major, c.Minor, c.Total(), num(st.Per1000(k)))
	}
	h.p("</table></div>\n")
}

func (h htmlWriter) issues(s *Summary, top int) {
	issues := s.TopIssues()
	if len(issues) == 0 {
		return
	}
	h.p("<h2>Problemas más frecuentes (%d de %d grupos)</h2>\n<div class=\"scroll\"><table class=\"stack\">\n", min(top, len(issues)), len(issues))
	h.p("<tr class=\"head\"><th>#</th><th>Tipo</th><th>Texto</th><th>Sugerencia</th><th class=\"r\">Veces</th><th class=\"r\">Registros</th><th class=\"r\">APT</th><th>Ejemplo</th></tr>\n")
	for i, is := range issues[:min(top, len(issues))] {
		h.p("<tr><td>%d</td><td data-l=\"Tipo\">%s</td><td data-l=\"Texto\">%s</td><td class=\"sugg\" data-l=\"Sugerencia\">%s</td><td class=\"r\" data-l=\"Veces\">%d</td><td class=\"r\" data-l=\"Registros\">%d</td><td class=\"r\" data-l=\"APT\">%s</td><td data-l=\"Ejemplo\"><span class=\"muted\">%s:</span> %s</td></tr>\n",
			i+1, esc(KindName(is.Key.Kind)), esc(is.Label()), esc(orDash(is.Suggestion())), is.Count, is.Records,
			num(is.Severity.APT(s.Weights)), esc(is.Example.ID), esc(is.Example.Context))
	}
	h.p("</table></div>\n")
}

func (h htmlWriter) detected(s *Summary) {
	h.p("<h2>Variedad detectada</h2>\n")
	n := 0
	for _, c := range s.Detected {
		n += c
	}
	if n == 0 {
		h.p("<p class=\"muted\">Los registros no traen detección de variedad (<code>habla.detected</code>).</p>\n")
		return
	}
	h.p("<div class=\"scroll\"><table>\n<tr><th>Variedad</th><th class=\"r\">Registros</th><th class=\"r\">%%</th></tr>\n")
	for _, d := range s.DetectedOrder() {
		h.p("<tr><td>%s</td><td class=\"r\">%d</td><td class=\"r\">%s</td></tr>\n", esc(d), s.Detected[d], percent(s.Detected[d], s.Records))
	}
	if rest := s.Records - n; rest > 0 {
		h.p("<tr><td>sin detección</td><td class=\"r\">%d</td><td class=\"r\">%s</td></tr>\n", rest, percent(rest, s.Records))
	}
	h.p("</table></div>\n")
}

func (h htmlWriter) by(s *Summary) {
	if s.ByField == "" {
		return
	}
	h.p("<h2>Por %s</h2>\n<div class=\"scroll\"><table class=\"stack\">\n<tr class=\"head\"><th>%s</th>", esc(s.ByField), esc(s.ByField))
	cols := []string{"Registros", "Palabras", "Media", "Mediana", "P10", "Hallazgos", "OQS"}
	for _, c := range cols {
		h.p("<th class=\"r\">%s</th>", c)
	}
	h.p("<th>Veredicto</th></tr>\n")
	for _, v := range s.ByValues() {
		st := s.By[v]
		oqs := st.OQS(s.Weights)
		h.p("<tr><td><b>%s</b></td>", esc(byLabel(v)))
		for i, c := range []string{fmt.Sprint(st.Records), fmt.Sprint(st.Words), num(st.Mean()), num(st.Median()),
			num(st.Percentile(10)), fmt.Sprint(st.FindingsTotal()), num(oqs)} {
			h.p("<td class=\"r\" data-l=\"%s\">%s</td>", cols[i], c)
		}
		h.p("<td data-l=\"Veredicto\">%s</td></tr>\n", passWord(oqs >= s.PassMark))
	}
	h.p("</table></div>\n")
}

func (h htmlWriter) worst(s *Summary) {
	if len(s.Worst) == 0 {
		return
	}
	h.p("<h2>Los registros peores</h2>\n")
	for i, w := range s.Worst {
		h.p("<article>\n<h3>%d. %s <span class=\"muted\">· naturalidad %s · APT %s · %d palabras",
			i+1, esc(w.ID), num(w.Naturalness), num(w.APT), w.Words)
		if s.ByField != "" {
			h.p(" · %s %s", esc(s.ByField), esc(byLabel(w.By)))
		}
		h.p("</span></h3>\n<p class=\"text\">")
		for _, sp := range spans(w.Text, w.Findings) {
			if sp.f == nil {
				h.p("%s", esc(sp.text))
				continue
			}
			h.p("<mark class=\"%s\" title=\"%s\">%s</mark>", esc(string(sp.f.Severity)), esc(sp.f.Message), esc(sp.text))
		}
		h.p("</p>\n<ul class=\"findings\">\n")
		for _, f := range findingLines(w.Findings) {
			h.p("<li><b>%s</b>%s <span class=\"muted\">(%s, %s)</span>", esc(f.Text), times(f.n), esc(KindName(f.Kind)), esc(SeverityName(f.Severity)))
			if len(f.Suggestions) > 0 {
				h.p(" → <span class=\"sugg\">%s</span>", esc(suggestionList(f.Suggestions)))
			}
			if f.Message != "" {
				h.p("<br><span class=\"muted\">%s</span>", esc(f.Message))
			}
			h.p("</li>\n")
		}
		h.p("</ul>\n</article>\n")
	}
}
