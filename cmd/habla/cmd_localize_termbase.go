package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/habla-es/habla/dialects"
	"github.com/habla-es/habla/lexicon"
	"github.com/habla-es/habla/localize"
)

type localizeTermbaseOptions struct {
	g        *globalOptions
	target   string
	minCount int
	minShare float64
	output   string
	files    []string
	// set in RunE
	profile *dialects.Profile
	lexicon *lexicon.Lexicon
}

func newLocalizeTermbaseCmd(g *globalOptions, runF func(*localizeTermbaseOptions) error) *cobra.Command {
	opts := &localizeTermbaseOptions{g: g}
	cmd := &cobra.Command{
		Use:   "termbase --target TAG PAIRS.tsv...",
		Short: "Mine a termbase from parallel data: what the localizers did with each swap",
		Long: `Read pairs of a source text and its localization for the target (TSV: the
source text, a tab, the localized text; \t, \n and \\ inside a text; a line
with an empty localization is skipped) and, for every lexical swap habla
localize would offer on a source text, count what the localized text did:

  kept     it has the source word and none of habla's suggestions
  swapped  it has a suggestion and not the source word (by suggestion)
  other    neither: the words that replaced it (up to three), or
           "(reworded)" for a longer rewording
  mixed    both; counted for no choice

A row is written for a word when one choice (keep, a suggestion or another
word) has at least --min-count occurrences and at least --min-share of the
kept, swapped and other ones; the counts follow as evidence columns. Words
without such a choice are written as comments (# …) for a linguist. The
output is a termbase for habla localize --termbase: review it before use.` + exitStatusHelp,
		Example: `  # Mine the es-MX glossary from a translation memory exported as pairs
  habla localize termbase --target es-MX memoria-es-MX.tsv > glosario.tsv

  # Demand more evidence
  habla localize termbase --target es-AR --min-count 5 --min-share 0.8 pares.tsv -o glosario.tsv

  # Then localize with it
  habla localize --target es-MX --termbase glosario.tsv salidas.jsonl`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.files = args
			if err := opts.complete(cmd); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return localizeTermbaseRun(opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.target, "target", "t", "", "the variety of the localized texts: a tag (es-AR) or a name")
	f.IntVar(&opts.minCount, "min-count", 2, "write a choice made at least this many times")
	f.Float64Var(&opts.minShare, "min-share", 0.6, "and in at least this share of the occurrences (0 < s ≤ 1)")
	f.StringVarP(&opts.output, "output", "o", "", "write the termbase to this file (default: standard output)")
	return cmd
}

func (o *localizeTermbaseOptions) complete(cmd *cobra.Command) error {
	c, err := o.g.loadConfig()
	if err != nil {
		return err
	}
	if o.profile, err = targetOf(cmd, c, o.target, "localize termbase", "es-MX"); err != nil {
		return err
	}
	if o.minCount < 1 {
		return usageErr(fmt.Errorf("--min-count %d: want at least 1", o.minCount))
	}
	if o.minShare <= 0 || o.minShare > 1 {
		return usageErr(fmt.Errorf("--min-share %v: want a number above 0 and at most 1", o.minShare))
	}
	o.lexicon, err = o.g.loadLexicon()
	return err
}

func localizeTermbaseRun(o *localizeTermbaseOptions) error {
	l, err := localize.New(localize.Options{Target: o.profile, Lexicon: o.lexicon})
	if err != nil {
		return usageErr(err)
	}
	m := l.NewMiner()
	for _, name := range o.files {
		if err := readPairsFile(name, o.g.io.In, m.Add); err != nil {
			return usageErr(err)
		}
	}
	tb, undecided := m.Termbase(o.profile.Tag, localize.MineOptions{MinCount: o.minCount, MinShare: o.minShare})
	var b strings.Builder
	fmt.Fprintf(&b, "# habla localize termbase --target %s --min-count %d --min-share %v: %d pairs from %s\n",
		o.profile.Tag, o.minCount, o.minShare, m.Pairs, strings.Join(o.files, ", "))
	if err := tb.WriteTSV(&b, localize.MinedHeader...); err != nil {
		return err
	}
	for _, u := range undecided {
		b.WriteString("# " + u + "\n")
	}
	fmt.Fprintf(o.g.io.ErrOut, "habla: localize termbase: %d pairs; %d terms written, %d words undecided\n",
		m.Pairs, len(tb.Terms), len(undecided))
	if o.output == "" {
		_, err = io.WriteString(o.g.io.Out, b.String())
		return err
	}
	return os.WriteFile(o.output, []byte(b.String()), 0o644)
}

func readPairsFile(name string, stdin io.Reader, fn func(source, localized string)) error {
	if name == "-" {
		return localize.ReadPairs(stdin, "<stdin>", fn)
	}
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	return localize.ReadPairs(f, name, fn)
}
