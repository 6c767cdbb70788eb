package main

import (
	"fmt"
	"io"
	"math"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/habla-es/habla/corpus"
)

type corpusKeywordsOptions struct {
	g        *globalOptions
	dialect  string
	vs       string
	top      int
	minG2    float64
	noNames  bool
	minDocs  int
	format   string
	indexDir string
	// set in RunE
	target string
	ref    []string // nil: rest
	table  bool
}

func newCorpusKeywordsCmd(g *globalOptions, runF func(*corpusKeywordsOptions) error) *cobra.Command {
	opts := &corpusKeywordsOptions{g: g}
	cmd := &cobra.Command{
		Use:   "keywords --dialect A [--vs B|rest]",
		Short: "The words that mark a variety: keyness against another or the rest",
		Long: `Rank the words used more in variety A than in the reference (variety B, or
all the other varieties of the corpus with --vs rest, the default). Words
are compared lowercased with their accents, unstemmed. For a word with
frequency a in A (c word tokens) and b in the reference (d tokens):

  G2        log-likelihood (Rayson & Garside 2000):
            E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d),
            G2 = 2[a ln(a/E1) + b ln(b/E2)], a zero count contributing 0.
            Critical values: 3.84 (p<.05), 6.63 (.01), 10.83 (.001),
            15.13 (.0001)
  LOG_RATIO log2((a/c)/(b/d)) (Hardie 2014), a zero count taken as 0.5;
            +1 means twice as frequent in A
  %DIFF     100(NF_A − NF_B)/NF_B (Gabrielatos & Marchi 2012), with
            frequencies normalised per million; inf when absent from B
  DOCS      documents of A and of the reference containing the word
            (dispersion: a keyword from one film is a name or a topic)

Keywords with G2 below --min-g2 are dropped; the rest are ranked by Log
Ratio (then G2, then the word). A word capitalised in more than half of its
occurrences inside a sentence is flagged as a name (NAME column, "name"
in JSON): --no-names drops them. --min-docs drops words found in too few
documents of A (a catchword of one film is not a mark of a variety).` + exitStatusHelp,
		Example: `  # What marks Rioplatense against Peninsular Spanish, names aside
  habla corpus keywords --dialect es-AR --vs es-ES --top 30 --no-names

  # Only words found in five documents or more
  habla corpus keywords --dialect es-AR --min-docs 5

  # Mexican against every other variety of the corpus, as JSON lines
  habla corpus keywords --dialect es-MX --format jsonl | jq -r .word`,
		Args: cobra.NoArgs,
		RunE: func(_ *cobra.Command, _ []string) error {
			if err := opts.complete(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return corpusKeywordsRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.dialect, "dialect", "", "the variety studied (A): a tag or a name; required")
	cmd.Flags().StringVar(&opts.vs, "vs", "rest", "the reference: a variety (B), or rest for all the others")
	cmd.Flags().IntVar(&opts.top, "top", 50, "show at most this many keywords (0: all)")
	cmd.Flags().Float64Var(&opts.minG2, "min-g2", 15.13, "drop keywords with a log-likelihood below this")
	cmd.Flags().BoolVar(&opts.noNames, "no-names", false, "drop the words flagged as names of places and people")
	cmd.Flags().IntVar(&opts.minDocs, "min-docs", 1, "drop words found in fewer documents of A than this")
	cmd.Flags().StringVar(&opts.format, "format", "", "output format: table or jsonl (default: table on a terminal, else jsonl)")
	addIndexFlag(cmd, &opts.indexDir)
	return cmd
}

func (o *corpusKeywordsOptions) complete() error {
	var err error
	if o.table, err = tableFormat(o.g, o.format); err != nil {
		return err
	}
	if o.dialect == "" {
		return usageErr(fmt.Errorf("corpus keywords: --dialect is required (e.g. --dialect es-AR)"))
	}
	if o.target, err = resolveTag(o.dialect, "--dialect"); err != nil {
		return err
	}
	if o.top < 0 {
		return usageErr(fmt.Errorf("--top %d: want 0 or more", o.top))
	}
	if o.vs != "rest" {
		b, err := resolveTag(o.vs, "--vs")
		if err != nil {
			return err
		}
		if b == o.target {
			return usageErr(fmt.Errorf("--vs %s: the reference must differ from --dialect", o.vs))
		}
		o.ref = []string{b}
	}
	return nil
}

func corpusKeywordsRun(o *corpusKeywordsOptions) error {
	cs, _, err := corpusCounts(o.indexDir, "corpus keywords", append([]string{o.target}, o.ref...))
	if err != nil {
		return err
	}
	if o.ref == nil && len(cs.Varieties) < 2 {
		return usageErr(fmt.Errorf("corpus keywords: the corpus has only %s: nothing to compare with", o.target))
	}
	kws := cs.Keywords(corpus.KeywordOptions{Target: o.target, Reference: o.ref, MinG2: o.minG2, NoNames: o.noNames, MinDocs: o.minDocs, Top: o.top})
	if len(kws) == 0 {
		fmt.Fprintf(o.g.io.ErrOut, "habla: no keyword reaches G2 %.2f\n", o.minG2)
		return nil
	}
	if !o.table {
		return writeKeywordsJSONL(o.g.io.Out, kws)
	}
	return writeKeywordsTable(o.g.io.Out, kws)
}

// corpusCounts opens the corpus read-only, counts its words and checks
// that it has documents of the varieties named; it returns the counts and
// the corpus directory.
func corpusCounts(indexDir, who string, tags []string) (*corpus.Counts, string, error) {
	c, err := corpus.Open(indexDir, false)
	if err != nil {
		return nil, "", err
	}
	defer c.Close()
	cs, err := c.Count()
	if err != nil {
		return nil, "", err
	}
	for _, tag := range tags {
		if cs.Varieties[tag] == nil {
			return nil, "", usageErr(fmt.Errorf("%s: no %s documents in the corpus (it has: %s)", who, tag, strings.Join(cs.Tags(), ", ")))
		}
	}
	return cs, c.Dir(), nil
}

// keywordRecord is a keyword as a JSON line: figures rounded, %DIFF null
// when the word is absent from the reference (JSON has no infinity).
type keywordRecord struct {
	corpus.Keyword
	PctDiff *float64 `json:"pct_diff"`
}

func writeKeywordsJSONL(w io.Writer, kws []corpus.Keyword) error {
	recs := make([]keywordRecord, len(kws))
	for i, k := range kws {
		k.G2, k.LogRatio = round4(k.G2), round4(k.LogRatio)
		recs[i] = keywordRecord{Keyword: k}
		if !math.IsInf(k.PctDiff, 0) {
			p := round4(k.PctDiff)
			recs[i].PctDiff = &p
		}
	}
	return writeJSONL(w, recs)
}

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

func writeKeywordsTable(w io.Writer, kws []corpus.Keyword) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "WORD\tFREQ_A\tFREQ_B\tG2\tLOG_RATIO\t%DIFF\tDOCS_A\tDOCS_B\tNAME\t")
	for _, k := range kws {
		pct := "inf"
		if !math.IsInf(k.PctDiff, 0) {
			pct = fmt.Sprintf("%.1f", k.PctDiff)
		}
		name := ""
		if k.Name {
			name = "name"
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.2f\t%.2f\t%s\t%d\t%d\t%s\t\n", k.Word, k.A, k.B, k.G2, k.LogRatio, pct, k.DocsA, k.DocsB, name)
	}
	return tw.Flush()
}
