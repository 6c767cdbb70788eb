package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/habla-es/habla/lexicon/morph"
)

type analyzeOptions struct {
	g      *globalOptions
	words  []string
	format string
}

func newAnalyzeCmd(g *globalOptions) *cobra.Command {
	opts := &analyzeOptions{g: g}
	cmd := &cobra.Command{
		Use:   "analyze WORD...",
		Short: "Every verb reading of each word: lemma, mood, tense, person, address",
		Long: `Analyse each word as a verb form: every (lemma, mood, tense, person,
address paradigm) reading among the 9,596 verbs of the list. Written accents
count: hablás is vos, hablas tú; a form written without its accent (tenes)
is read as the accented one, with a note. A word that is no verb form has no
readings, which is not an error. The first run builds the index (a second
or two).` + exitStatusHelp,
		Example: `  habla analyze tenés tienes tenéis
  habla analyze estái sois --format json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.words = args
			if err := checkFormat(opts.format, "table", "json"); err != nil {
				return err
			}
			return analyzeRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "table", "output format: table or json (one object per word)")
	return cmd
}

// readingJSON is one reading as written in JSON.
type readingJSON struct {
	Lemma    string `json:"lemma"`
	Mood     string `json:"mood"`
	Tense    string `json:"tense"`
	Person   string `json:"person,omitempty"`
	Paradigm string `json:"paradigm,omitempty"`
	Note     string `json:"note,omitempty"`
}

func analyzeRun(o *analyzeOptions) error {
	if o.format == "json" {
		for _, w := range o.words {
			rs := []readingJSON{}
			for _, r := range morph.Analyze(w) {
				rs = append(rs, readingJSON{r.Lemma, string(r.Mood), string(r.Tense), string(r.Person), string(r.Paradigm), r.Note})
			}
			if err := writeJSONLine(o.g.io.Out, struct {
				Word     string        `json:"word"`
				Readings []readingJSON `json:"readings"`
			}{w, rs}); err != nil {
				return err
			}
		}
		return nil
	}
	tw := tabwriter.NewWriter(o.g.io.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "WORD\tLEMMA\tMOOD.TENSE\tPERSON\tADDRESS\tNOTE")
	for _, w := range o.words {
		rs := morph.Analyze(w)
		if len(rs) == 0 {
			fmt.Fprintf(tw, "%s\t—\t\t\t\tno es una forma verbal conocida\n", w)
		}
		for _, r := range rs {
			fmt.Fprintf(tw, "%s\t%s\t%s.%s\t%s\t%s\t%s\n", w, r.Lemma, r.Mood, r.Tense, r.Person, r.Paradigm, r.Note)
		}
	}
	return tw.Flush()
}
