package main

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/habla-es/habla/lexicon"
)

// mainVarieties are the columns of concept tables.
var mainVarieties = []string{"es-VE", "es-AR", "es-MX", "es-ES", "es-CO", "es-CL", "es-PE"}

func writeConceptTable(w io.Writer, l *lexicon.Lexicon, c *lexicon.Concept) error {
	fmt.Fprintf(w, "%s — %s (%s) · %s · %s\n", c.ID, c.Gloss.Es, c.Gloss.En, c.POS, c.Domain)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "FORM\tREGISTER\t%s\n", strings.Join(mainVarieties, "\t"))
	for _, v := range c.Variants {
		cells := []string{v.Form, orDash(v.Register)}
		for _, tag := range mainVarieties {
			p, _ := l.Dialects().Profile(tag)
			u, ok := l.Usage(v, p)
			cells = append(cells, levelCell(u, ok))
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, v := range c.Variants {
		fmt.Fprintf(w, "  %s: %s", v.Form, usageString(v.Usage))
		if v.Notes != "" {
			fmt.Fprintf(w, " — %s", v.Notes)
		}
		fmt.Fprintln(w)
	}
	for _, id := range slices.Sorted(maps.Keys(c.Cites)) {
		fmt.Fprintf(w, "  [%s] %s\n", id, c.Cites[id])
	}
	_, err := fmt.Fprintf(w, "  (%s:%d)\n\n", c.File, c.Line)
	return err
}

func levelCell(u lexicon.Usage, ok bool) string {
	if !ok {
		return "·"
	}
	if u.Level == lexicon.Avoid {
		return "AVOID"
	}
	return string(u.Level)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func writeStatsTable(w io.Writer, st lexicon.Stats) error {
	fmt.Fprintf(w, "%d concepts, %d variants, %d taboo concepts\n\n", st.Concepts, st.Variants, st.Taboo)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "VARIETY\tCOMMON\tDISTINCT\tREGIONAL\tAVOID\t")
	for _, t := range slices.Sorted(maps.Keys(st.Varieties)) {
		v := st.Varieties[t]
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t\n", t, v.Common, v.Distinct, v.Regional, v.Avoid)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "DOMAIN\tCONCEPTS\t")
	for _, d := range slices.Sorted(maps.Keys(st.Domains)) {
		fmt.Fprintf(tw, "%s\t%d\t\n", d, st.Domains[d])
	}
	return tw.Flush()
}
