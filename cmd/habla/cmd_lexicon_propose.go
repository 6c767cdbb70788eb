package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/habla-es/habla/corpus"
)

func newLexiconProposeCmd(g *globalOptions) *cobra.Command {
	kw := &corpusKeywordsOptions{g: g}
	var minDocs int
	cmd := &cobra.Command{
		Use:   "propose --dialect A [--vs B|rest]",
		Short: "Turn a variety's corpus keywords that the lexicon lacks into candidate entries",
		Long: `Rank the keywords of variety A against B (or the rest of the corpus) as
"habla corpus keywords" does, keep those the lexicon (built-in plus
--lexicon packs) does not know, and write them to stdout as a lexicon pack
(YAML) for a linguist to review. Left out: names (capitalised inside
sentences) and verb forms of a voseo or of vosotros, which align checks by
rule.

Each candidate is a concept under the domain "proposed" with one variant,
its usage in A (common when a fifth of A's documents or more contain it,
else used) and the evidence in its notes: frequency, per million,
documents, G2, Log Ratio. The gloss, the part of speech and the other
varieties' word are left empty on purpose: "habla lexicon validate"
rejects the file until a linguist has filled them in.` + exitStatusHelp,
		Example: `  # Rioplatense words the lexicon lacks, against Peninsular Spanish
  habla lexicon propose --dialect es-AR --vs es-ES --top 20 > candidatos-ar.yaml

  # Only words found in ten documents or more
  habla lexicon propose --dialect es-MX --min-docs 10`,
		Args: cobra.NoArgs,
		RunE: func(_ *cobra.Command, _ []string) error {
			kw.format = "jsonl"
			if err := kw.complete(); err != nil {
				return err
			}
			return lexiconProposeRun(kw, minDocs)
		},
	}
	cmd.Flags().StringVar(&kw.dialect, "dialect", "", "the variety studied (A): a tag or a name; required")
	cmd.Flags().StringVar(&kw.vs, "vs", "rest", "the reference: a variety (B), or rest for all the others")
	cmd.Flags().IntVar(&kw.top, "top", 30, "propose at most this many words (0: all)")
	cmd.Flags().Float64Var(&kw.minG2, "min-g2", 15.13, "only keywords with a log-likelihood of at least this")
	cmd.Flags().IntVar(&minDocs, "min-docs", 3, "only words found in this many documents of A or more")
	addIndexFlag(cmd, &kw.indexDir)
	return cmd
}

func lexiconProposeRun(o *corpusKeywordsOptions, minDocs int) error {
	l, err := o.g.loadLexicon()
	if err != nil {
		return err
	}
	cs, dir, err := corpusCounts(o.indexDir, "lexicon propose", append([]string{o.target}, o.ref...))
	if err != nil {
		return err
	}
	ps := cs.Propose(l, corpus.ProposeOptions{Top: o.top, KeywordOptions: corpus.KeywordOptions{
		Target: o.target, Reference: o.ref, MinG2: o.minG2, MinDocs: minDocs}})
	if len(ps) == 0 {
		fmt.Fprintf(o.g.io.ErrOut, "habla: no keyword of %s is missing from the lexicon\n", o.target)
		return nil
	}
	ref := "the rest of the corpus"
	if o.ref != nil {
		ref = o.ref[0]
	}
	return corpus.WriteProposals(o.g.io.Out, ps, o.target, ref, dir)
}
