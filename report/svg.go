package report

import (
	"fmt"
	"html"
	"strings"

	"github.com/habla-es/habla/align"
)

// Chart colours: one per severity, and one for neutral bars.
var sevFill = map[align.Severity]string{
	align.Critical: "#7a0019", align.Major: "#d1495b", align.Minor: "#edae49",
}

const barFill = "#30638e"

// histogramSVG draws the naturalness histogram: ten bins of ten points.
func histogramSVG(st *Stats) string {
	bins := st.Bins()
	peak := 1
	for _, n := range bins {
		peak = max(peak, n)
	}
	const w, h, left, bottom, top = 320.0, 170.0, 8.0, 24.0, 16.0
	bw := (w - 2*left) / 10
	var b strings.Builder
	fmt.Fprintf(&b, `<svg viewBox="0 0 %g %g" role="img" aria-labelledby="hist-t" class="chart">`, w, h)
	b.WriteString(`<title id="hist-t">Registros por naturalidad, en tramos de 10 puntos</title>`)
	for i, n := range bins {
		bh := (h - bottom - top) * float64(n) / float64(peak)
		x, y := left+float64(i)*bw, h-bottom-bh
		label := fmt.Sprintf("%d–%d", i*10, i*10+10)
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"><title>%s: %d registros</title></rect>`,
			x+1, y, bw-2, bh, barFill, label, n)
		if n > 0 {
			fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" class="v">%d</text>`, x+bw/2, y-3, n)
		}
	}
	for i := 0; i <= 10; i += 2 {
		anchor := "middle"
		switch i {
		case 0:
			anchor = "start"
		case 10:
			anchor = "end"
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="%s">%d</text>`, left+float64(i)*bw, h-6, anchor, i*10)
	}
	fmt.Fprintf(&b, `<line x1="%g" y1="%g" x2="%g" y2="%g" class="base"/>`, left, h-bottom, w-left, h-bottom)
	b.WriteString(`</svg>`)
	return b.String()
}

// bar is one row of a horizontal bar chart, in stacked parts.
type bar struct {
	label string
	parts []barPart
}

type barPart struct {
	n     int
	fill  string
	title string
}

func (b bar) total() int {
	t := 0
	for _, p := range b.parts {
		t += p.n
	}
	return t
}

// barsSVG draws horizontal bars with their labels above them, so that long
// labels fit a phone's width.
func barsSVG(id, title string, bars []bar) string {
	peak := 1
	for _, br := range bars {
		peak = max(peak, br.total())
	}
	const w, row, labelH, barH, right = 320.0, 34.0, 13.0, 14.0, 36.0
	h := row*float64(len(bars)) + 4
	var b strings.Builder
	fmt.Fprintf(&b, `<svg viewBox="0 0 %g %g" role="img" aria-labelledby="%s" class="chart">`, w, h, id)
	fmt.Fprintf(&b, `<title id="%s">%s</title>`, id, html.EscapeString(title))
	for i, br := range bars {
		y := float64(i) * row
		fmt.Fprintf(&b, `<text x="0" y="%.1f" class="lbl">%s</text>`, y+labelH, html.EscapeString(br.label))
		x := 0.0
		for _, p := range br.parts {
			pw := (w - right) * float64(p.n) / float64(peak)
			if pw > 0 {
				fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%g" fill="%s"><title>%s</title></rect>`,
					x, y+labelH+3, pw, barH, p.fill, html.EscapeString(p.title))
			}
			x += pw
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" class="n">%d</text>`, x+4, y+labelH+3+barH-3, br.total())
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// kindBars are the findings by kind, stacked by severity.
func kindBars(st *Stats) []bar {
	var bars []bar
	for _, k := range kindsIn(st) {
		c := st.Findings[k]
		br := bar{label: KindName(k)}
		for _, sev := range Severities {
			if n := c.Of(sev); n > 0 {
				br.parts = append(br.parts, barPart{n: n, fill: sevFill[sev],
					title: fmt.Sprintf("%s, %s: %d", KindName(k), SeverityName(sev), n)})
			}
		}
		bars = append(bars, br)
	}
	return bars
}

// issueBars are the top issues by number of findings, stacked by severity.
func issueBars(issues []*Issue) []bar {
	var bars []bar
	for _, is := range issues {
		label := is.Label()
		if sg := is.Suggestion(); sg != "" {
			label += " → " + sg
		}
		label += " (" + KindName(is.Key.Kind) + ")"
		br := bar{label: label}
		for _, sev := range Severities {
			if n := is.Severity.Of(sev); n > 0 {
				br.parts = append(br.parts, barPart{n: n, fill: sevFill[sev],
					title: fmt.Sprintf("%s: %d %s", label, n, SeverityName(sev))})
			}
		}
		bars = append(bars, br)
	}
	return bars
}
