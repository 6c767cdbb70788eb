package main

import (
	"fmt"
	"strings"
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
address paradigm) reading among the 9,600 verbs of the list, and every
reading as a verb with enclitic pronouns (sentate: sentar, vos imperative,
+ te). Written accents count: hablás is vos, hablas tú; a form written
without its accent (tenes) is read as the accented one, and one with an
accent too many (guiáis, written before the 2010 Ortografía) as the form
without it, each with a note. A word that is no verb form has no readings,
which is not an error.` + exitStatusHelp,
		Example: `  habla analyze tenés tienes tenéis
  habla analyze sentate dímelo sentaos
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
	Lemma    string   `json:"lemma"`
	Mood     string   `json:"mood"`
	Tense    string   `json:"tense"`
	Person   string   `json:"person,omitempty"`
	Paradigm string   `json:"paradigm,omitempty"`
	Clitics  []string `json:"clitics,omitempty"`
	Note     string   `json:"note,omitempty"`
}

// readingsOf are the readings of a word: as a verb form, and as a verb
// with enclitic pronouns (sentate: sentar + te). Enclitic readings that
// only match with a spelling note are shown only when nothing else is.
func readingsOf(a *morph.Analyzer, w string) []readingJSON {
	rs := []readingJSON{}
	for _, r := range a.Analyze(w) {
		rs = append(rs, readingJSON{r.Lemma, string(r.Mood), string(r.Tense), string(r.Person), string(r.Paradigm), nil, r.Note})
	}
	for _, r := range a.AnalyzeEnclitic(w) {
		if r.Note != "" && len(rs) > 0 {
			continue
		}
		rs = append(rs, readingJSON{r.Lemma, string(r.Mood), string(r.Tense), string(r.Person), string(r.Paradigm), r.Clitics, r.Note})
	}
	return rs
}

func analyzeRun(o *analyzeOptions) error {
	a := morph.NewAnalyzer()
	if o.format == "json" {
		for _, w := range o.words {
			if err := writeJSONLine(o.g.io.Out, struct {
				Word     string        `json:"word"`
				Readings []readingJSON `json:"readings"`
			}{w, readingsOf(a, w)}); err != nil {
				return err
			}
		}
		return nil
	}
	tw := tabwriter.NewWriter(o.g.io.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "WORD\tLEMMA\tMOOD.TENSE\tPERSON\tADDRESS\tCLITICS\tNOTE")
	for _, w := range o.words {
		rs := readingsOf(a, w)
		if len(rs) == 0 {
			fmt.Fprintf(tw, "%s\t—\t\t\t\t\tno es una forma verbal conocida\n", w)
		}
		for _, r := range rs {
			fmt.Fprintf(tw, "%s\t%s\t%s.%s\t%s\t%s\t%s\t%s\n", w, r.Lemma, r.Mood, r.Tense, r.Person, r.Paradigm, strings.Join(r.Clitics, " "), r.Note)
		}
	}
	return tw.Flush()
}
