package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"text/tabwriter"

	"github.com/habla-es/habla/align"
)

// Diff is what changed between two audits of the same target: two model
// versions, or two prompts.
type Diff struct {
	Target string
	// Records and Words of the old and the new set.
	Records, Words Shift
	// OQS, Mean, Median and P10 are the score shifts.
	OQS, Mean, Median, P10 Shift
	// Kinds are the findings per 1,000 words by kind.
	Kinds []KindShift
	// NewIssues are the issues of the new set that the old one did not
	// have, heaviest first; Gone the reverse.
	NewIssues, Gone  []*Issue
	oldPass, newPass bool
	weights          align.Weights
}

// Shift is one figure before and after; Delta is new − old.
type Shift struct {
	Old   float64 `json:"old"`
	New   float64 `json:"new"`
	Delta float64 `json:"delta"`
}

func shift(o, n float64) Shift { return Shift{Old: o, New: n, Delta: round2(n - o)} }

// KindShift is the findings of one kind per 1,000 words, before and after.
type KindShift struct {
	Kind align.Kind `json:"kind"`
	Shift
}

// Compare compares the audit of an old set with that of a new one.
func Compare(old, new *Summary) (*Diff, error) {
	if old.Target != new.Target {
		return nil, fmt.Errorf("targets differ: %s and %s", old.Target, new.Target)
	}
	if old.Weights != new.Weights {
		return nil, fmt.Errorf("severity weights differ: %v and %v; the scores are not comparable", old.Weights, new.Weights)
	}
	d := &Diff{Target: new.Target, weights: new.Weights, oldPass: old.Pass(), newPass: new.Pass(),
		Records: shift(float64(old.Records), float64(new.Records)),
		Words:   shift(float64(old.Words), float64(new.Words)),
		OQS:     shift(old.OQS(old.Weights), new.OQS(new.Weights)),
		Mean:    shift(old.Mean(), new.Mean()), Median: shift(old.Median(), new.Median()),
		P10: shift(old.Percentile(10), new.Percentile(10))}
	kinds := kindsIn(&old.Stats)
	for _, k := range kindsIn(&new.Stats) {
		if !slices.Contains(kinds, k) {
			kinds = append(kinds, k)
		}
	}
	for _, k := range kinds {
		d.Kinds = append(d.Kinds, KindShift{Kind: k, Shift: shift(old.Per1000(k), new.Per1000(k))})
	}
	for _, is := range new.TopIssues() {
		if _, ok := old.Issues[is.Key]; !ok {
			d.NewIssues = append(d.NewIssues, is)
		}
	}
	for _, is := range old.TopIssues() {
		if _, ok := new.Issues[is.Key]; !ok {
			d.Gone = append(d.Gone, is)
		}
	}
	return d, nil
}

// WriteText writes the comparison as aligned tables.
func (d *Diff) WriteText(w io.Writer, o RenderOptions) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "Comparación de auditorías · %s\n\n", d.Target)
	tw := tabwriter.NewWriter(bw, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "CIFRA\tANTES\tAHORA\tCAMBIO\t")
	for _, r := range d.rows() {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t\n", r.label, num(r.s.Old), num(r.s.New), signed(r.s.Delta))
	}
	tw.Flush()
	fmt.Fprintf(bw, "\nVeredicto: antes %s, ahora %s\n\n", passWord(d.oldPass), passWord(d.newPass))
	if len(d.Kinds) > 0 {
		fmt.Fprintln(bw, "Hallazgos por 1000 palabras")
		tw = tabwriter.NewWriter(bw, 0, 4, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "TIPO\tANTES\tAHORA\tCAMBIO\t")
		for _, k := range d.Kinds {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t\n", KindName(k.Kind), num(k.Old), num(k.New), signed(k.Delta))
		}
		tw.Flush()
		fmt.Fprintln(bw)
	}
	d.issueList(bw, "Problemas nuevos", d.NewIssues, o.top())
	d.issueList(bw, "Problemas que desaparecen", d.Gone, o.top())
	return bw.Flush()
}

type diffRow struct {
	label string
	s     Shift
}

func (d *Diff) rows() []diffRow {
	return []diffRow{{"registros", d.Records}, {"palabras", d.Words}, {"MQM OQS", d.OQS},
		{"naturalidad media", d.Mean}, {"naturalidad mediana", d.Median}, {"naturalidad p10", d.P10}}
}

func (d *Diff) issueList(w io.Writer, title string, issues []*Issue, top int) {
	fmt.Fprintf(w, "%s (%d)\n", title, len(issues))
	if len(issues) == 0 {
		fmt.Fprint(w, "  ninguno\n\n")
		return
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TIPO\tTEXTO\tSUGERENCIA\tVECES\tAPT\tEJEMPLO")
	for _, is := range issues[:min(top, len(issues))] {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%s: %s\n", KindName(is.Key.Kind), oneLine(is.Label()), orDash(is.Suggestion()),
			is.Count, num(is.Severity.APT(d.weights)), oneLine(is.Example.ID), oneLine(is.Example.Context))
	}
	tw.Flush()
	fmt.Fprintln(w)
}

// WriteMarkdown writes the comparison as Markdown.
func (d *Diff) WriteMarkdown(w io.Writer, o RenderOptions) error {
	m := mdWriter{w: bufio.NewWriter(w)}
	fmt.Fprintf(m.w, "# Comparación de auditorías · %s\n\n", mdEscape(d.Target))
	var rows [][]string
	for _, r := range d.rows() {
		rows = append(rows, []string{r.label, num(r.s.Old), num(r.s.New), signed(r.s.Delta)})
	}
	m.table([]string{"Cifra", "Antes", "Ahora", "Cambio"}, "lrrr", rows)
	fmt.Fprintf(m.w, "Veredicto: antes %s, ahora %s.\n\n", passWord(d.oldPass), passWord(d.newPass))
	rows = nil
	for _, k := range d.Kinds {
		rows = append(rows, []string{KindName(k.Kind), num(k.Old), num(k.New), signed(k.Delta)})
	}
	if len(rows) > 0 {
		fmt.Fprint(m.w, "## Hallazgos por 1000 palabras\n\n")
		m.table([]string{"Tipo", "Antes", "Ahora", "Cambio"}, "lrrr", rows)
	}
	for _, l := range []struct {
		title  string
		issues []*Issue
	}{{"Problemas nuevos", d.NewIssues}, {"Problemas que desaparecen", d.Gone}} {
		fmt.Fprintf(m.w, "## %s (%d)\n\n", l.title, len(l.issues))
		if len(l.issues) == 0 {
			fmt.Fprint(m.w, "Ninguno.\n\n")
			continue
		}
		rows = nil
		for _, is := range l.issues[:min(o.top(), len(l.issues))] {
			rows = append(rows, []string{KindName(is.Key.Kind), is.Label(), orDash(is.Suggestion()),
				fmt.Sprint(is.Count), num(is.Severity.APT(d.weights)), is.Example.ID + ": " + is.Example.Context})
		}
		m.table([]string{"Tipo", "Texto", "Sugerencia", "Veces", "APT", "Ejemplo"}, "lllrrl", rows)
	}
	return m.w.Flush()
}

// jsonDiff is the JSON form of a Diff.
type jsonDiff struct {
	AuditDiff   int              `json:"audit_diff"`
	Target      string           `json:"target"`
	Records     Shift            `json:"records"`
	Words       Shift            `json:"words"`
	OQS         Shift            `json:"oqs"`
	Pass        map[string]bool  `json:"pass"`
	Naturalness map[string]Shift `json:"naturalness"`
	Per1000     []KindShift      `json:"findings_per_1000_words"`
	NewIssues   []jsonDiffIssue  `json:"new_issues"`
	GoneIssues  []jsonDiffIssue  `json:"gone_issues"`
}

type jsonDiffIssue struct {
	Kind       align.Kind `json:"kind"`
	Text       string     `json:"text"`
	Suggestion string     `json:"suggestion"`
	Count      int        `json:"count"`
	Records    int        `json:"records"`
	APT        float64    `json:"apt"`
	Example    Example    `json:"example"`
}

// WriteJSON writes the comparison as JSON, every new and gone issue
// included.
func (d *Diff) WriteJSON(w io.Writer) error {
	kinds := d.Kinds
	if kinds == nil {
		kinds = []KindShift{}
	}
	b, err := json.MarshalIndent(jsonDiff{AuditDiff: Version, Target: d.Target, Records: d.Records,
		Words: d.Words, OQS: d.OQS, Pass: map[string]bool{"old": d.oldPass, "new": d.newPass},
		Naturalness: map[string]Shift{"mean": d.Mean, "median": d.Median, "p10": d.P10},
		Per1000:     kinds, NewIssues: d.jsonIssues(d.NewIssues), GoneIssues: d.jsonIssues(d.Gone)}, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

func (d *Diff) jsonIssues(list []*Issue) []jsonDiffIssue {
	out := []jsonDiffIssue{}
	for _, is := range list {
		out = append(out, jsonDiffIssue{is.Key.Kind, is.Key.Text, is.Key.Suggestion, is.Count, is.Records,
			is.Severity.APT(d.weights), is.Example})
	}
	return out
}

// signed writes a change with its sign: +1.5, -2, 0.
func signed(x float64) string {
	switch {
	case x > 0:
		return "+" + num(x)
	case x < 0:
		return "-" + num(-x)
	}
	return "0"
}
