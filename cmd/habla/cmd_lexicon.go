package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/habla-es/habla/dialects"
	"github.com/habla-es/habla/lexicon"
)

func newLexiconCmd(g *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "lexicon",
		Short: "Explore, check and export the regional vocabulary",
		Long: `The lexicon holds concepts (a car, popcorn, "cool") and their regional
variants (coche, carro, auto), each with its usage per variety: common,
used, understood, rare or avoid. The built-in lexicon is in
lexicon/data/*.yaml; add or override concepts with packs in the same
format (--lexicon DIR, or lexicon: in habla.yaml).`,
	}
	cmd.AddCommand(newLexiconValidateCmd(g), newLexiconShowCmd(g), newLexiconStatsCmd(g),
		newLexiconExportCmd(g), newLexiconSearchCmd(g, nil), newLexiconProposeCmd(g))
	return cmd
}

func newLexiconValidateCmd(g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "validate PATH...",
		Short: "Check lexicon packs: every problem as file:line:col: message",
		Long: `Check each pack (a YAML file or a directory of them) on its own and against
the built-in lexicon: unknown fields, wrong types, unknown varieties or
levels, missing sources, duplicate concepts or forms. Each problem is
printed on stderr as file:line:col: message.` + exitStatusHelp,
		Example: `  habla lexicon validate mypack/
  habla lexicon validate team.yaml extra.yaml`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			set, err := dialects.Load()
			if err != nil {
				return err
			}
			l, err := lexicon.Load(set, args...)
			if err != nil {
				n := 0
				for _, line := range strings.Split(err.Error(), "\n") {
					fmt.Fprintln(g.io.ErrOut, line)
					n++
				}
				return usageErr(fmt.Errorf("lexicon validate: %d problems", n))
			}
			_, err = fmt.Fprintf(g.io.Out, "ok: %d concepts with the built-in lexicon\n", len(l.Concepts()))
			return err
		},
	}
}

type lexiconShowOptions struct {
	g      *globalOptions
	query  string
	format string
}

func newLexiconShowCmd(g *globalOptions) *cobra.Command {
	opts := &lexiconShowOptions{g: g}
	cmd := &cobra.Command{
		Use:   "show CONCEPT|WORD",
		Short: "Show a concept and every variant with its usage per variety",
		Long: `Show a concept by id (food/popcorn) or every concept a word belongs to
(cotufas, carro), with each variant's level in the main varieties, its
register, notes and sources.` + exitStatusHelp,
		Example: `  habla lexicon show cotufas
  habla lexicon show transport/car --format json`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.query = args[0]
			if err := checkFormat(opts.format, "table", "json"); err != nil {
				return err
			}
			return lexiconShowRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "table", "output format: table or json")
	return cmd
}

func lexiconShowRun(o *lexiconShowOptions) error {
	l, err := o.g.loadLexicon()
	if err != nil {
		return err
	}
	concepts := findConcepts(l, o.query)
	if len(concepts) == 0 {
		return usageErr(fmt.Errorf("lexicon show: no concept or word %q", o.query))
	}
	for _, c := range concepts {
		if o.format == "json" {
			if err := writeJSONLine(o.g.io.Out, conceptView(l, c)); err != nil {
				return err
			}
			continue
		}
		if err := writeConceptTable(o.g.io.Out, l, c); err != nil {
			return err
		}
	}
	return nil
}

// findConcepts finds a concept by id, else the concepts of a word.
func findConcepts(l *lexicon.Lexicon, q string) []*lexicon.Concept {
	if c, ok := l.Concept(q); ok {
		return []*lexicon.Concept{c}
	}
	var out []*lexicon.Concept
	for _, e := range l.Matcher().Lookup(q) {
		if len(out) == 0 || out[len(out)-1] != e.Concept {
			out = append(out, e.Concept)
		}
	}
	return out
}

// conceptJSON is a concept with each variant's level resolved for every
// variety, so a program need not walk the parent chains.
type conceptJSON struct {
	*lexicon.Concept
	Levels map[string]map[string]string `json:"levels"`
}

func conceptView(l *lexicon.Lexicon, c *lexicon.Concept) conceptJSON {
	v := conceptJSON{Concept: c, Levels: map[string]map[string]string{}}
	for _, p := range l.Dialects().Profiles() {
		for _, va := range c.Variants {
			if u, ok := l.Usage(va, p); ok {
				if v.Levels[p.Tag] == nil {
					v.Levels[p.Tag] = map[string]string{}
				}
				v.Levels[p.Tag][va.Form] = string(u.Level)
			}
		}
	}
	return v
}

func writeJSONLine(w interface{ Write([]byte) (int, error) }, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

type lexiconStatsOptions struct {
	g      *globalOptions
	format string
}

func newLexiconStatsCmd(g *globalOptions) *cobra.Command {
	opts := &lexiconStatsOptions{g: g}
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Count concepts and variants, by domain and variety",
		Long: `Count concepts, variants and taboo concepts, by domain, and for every
variety: concepts with a common word there; those whose common words
differ from another variety's ("distinct"); those with a common word that
some other variety does not share ("regional"); and words to avoid there.` + exitStatusHelp,
		Example: `  habla lexicon stats
  habla lexicon stats --format json | jq '.varieties["es-VE"]'`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if err := checkFormat(opts.format, "table", "json"); err != nil {
				return err
			}
			l, err := opts.g.loadLexicon()
			if err != nil {
				return err
			}
			if opts.format == "json" {
				return writeJSONLine(g.io.Out, l.Stats())
			}
			return writeStatsTable(g.io.Out, l.Stats())
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "table", "output format: table or json")
	return cmd
}

type lexiconExportOptions struct {
	g      *globalOptions
	format string
}

func newLexiconExportCmd(g *globalOptions) *cobra.Command {
	opts := &lexiconExportOptions{g: g}
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Export the lexicon: one concept per line (jsonl) or one variant per row (csv)",
		Long:  "Export the whole lexicon, packs included, sorted by concept id." + exitStatusHelp,
		Example: `  habla lexicon export > lexicon.jsonl
  habla lexicon export --format csv > lexicon.csv`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			l, err := opts.g.loadLexicon()
			if err != nil {
				return err
			}
			switch opts.format {
			case "jsonl":
				for _, c := range l.Concepts() {
					if err := writeJSONLine(g.io.Out, c); err != nil {
						return err
					}
				}
				return nil
			case "csv":
				return exportCSV(g.io.Out, l)
			}
			return usageErr(fmt.Errorf("--format %q: want jsonl or csv", opts.format))
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "jsonl", "output format: jsonl or csv")
	return cmd
}

func exportCSV(w interface{ Write([]byte) (int, error) }, l *lexicon.Lexicon) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"concept", "domain", "pos", "gloss_es", "gloss_en", "form", "gender", "register", "usage", "sources", "notes"})
	for _, c := range l.Concepts() {
		for _, v := range c.Variants {
			cw.Write([]string{c.ID, c.Domain, c.POS, c.Gloss.Es, c.Gloss.En, v.Form, v.Gender,
				v.Register, usageString(v.Usage), strings.Join(v.Sources, " "), v.Notes})
		}
	}
	cw.Flush()
	return cw.Error()
}

// usageString writes usage as "es-VE=common; peninsular=understood".
func usageString(u map[string]lexicon.Usage) string {
	keys := slices.Sorted(maps.Keys(u))
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + "=" + string(u[k].Level)
		if u[k].Why != "" {
			parts[i] += " (" + u[k].Strength + ": " + u[k].Why + ")"
		}
	}
	return strings.Join(parts, "; ")
}
