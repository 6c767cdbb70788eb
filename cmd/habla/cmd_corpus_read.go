package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/habla-es/habla/corpus"
)

type corpusSearchOptions struct {
	g        *globalOptions
	query    string
	dialect  string
	context  int
	limit    int
	perDoc   int
	format   string
	indexDir string
	// set in RunE
	tag   string
	table bool
}

func newCorpusSearchCmd(g *globalOptions, runF func(*corpusSearchOptions) error) *cobra.Command {
	opts := &corpusSearchOptions{g: g}
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "Concordance (KWIC): every match in its context",
		Long: `Find QUERY in the corpus and show each match in its context, one line per
match: a keyword-in-context concordance. QUERY is in bleve's query string
syntax: words (any of them), "a phrase", fuzzy~1, wild*, +must -must_not.
Words go through the Spanish analysis the corpus was indexed with: case does
not matter, written accents do (sabés does not find sabes: ask for both, or
use sabes~1), and words are lightly stemmed (casa finds casas; chica finds
chico), so check the matches you count.

On a terminal, or with --format table, the keyword column is aligned, with
the variety and document id on each line; otherwise one JSON object per
line: {"doc","variety","source","origin","start","end","left","match","right"}
(start and end in code points). Documents come best match first, then by
id; matches in text order. No match is not an error: a note on stderr.` + exitStatusHelp,
		Example: `  # Voseo in context
  habla corpus search sabés --dialect es-AR

  # A phrase, with more context
  habla corpus search '"ahorita mismo"' --context 60

  # Two lines from each film at most, for a wider view
  habla corpus search boludo --per-doc 2

  # Every form of coger, as JSON lines
  habla corpus search 'cog*' --format jsonl | jq -r .match | sort | uniq -c`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.query = args[0]
			if err := opts.complete(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return corpusSearchRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.dialect, "dialect", "", "only documents of this variety: a tag (es-AR) or a name")
	cmd.Flags().IntVar(&opts.context, "context", 40, "characters of context on each side")
	cmd.Flags().IntVar(&opts.limit, "limit", 50, "show at most this many lines")
	cmd.Flags().IntVar(&opts.perDoc, "per-doc", 0, "show at most this many lines of one document (0: no limit)")
	cmd.Flags().StringVar(&opts.format, "format", "", "output format: table or jsonl (default: table on a terminal, else jsonl)")
	addIndexFlag(cmd, &opts.indexDir)
	return cmd
}

func (o *corpusSearchOptions) complete() error {
	var err error
	if o.table, err = tableFormat(o.g, o.format); err != nil {
		return err
	}
	if strings.TrimSpace(o.query) == "" {
		return usageErr(errors.New("corpus search: empty query (e.g. habla corpus search colectivo)"))
	}
	if o.context < 1 || o.limit < 1 || o.perDoc < 0 {
		return usageErr(errors.New("corpus search: --context and --limit must be 1 or more, --per-doc 0 or more"))
	}
	if o.dialect != "" {
		o.tag, err = resolveTag(o.dialect, "--dialect")
	}
	return err
}

func corpusSearchRun(o *corpusSearchOptions) error {
	c, err := corpus.Open(o.indexDir, false)
	if err != nil {
		return err
	}
	defer c.Close()
	lines, err := c.Search(o.query, corpus.SearchOptions{Variety: o.tag, Context: o.context, Limit: o.limit, PerDoc: o.perDoc})
	if err != nil {
		return usageErr(err)
	}
	if len(lines) == 0 {
		fmt.Fprintf(o.g.io.ErrOut, "habla: nothing matches «%s»\n", o.query)
		return nil
	}
	if !o.table {
		return writeJSONL(o.g.io.Out, lines)
	}
	return writeKWIC(o.g.io.Out, lines, o.context)
}

// writeKWIC writes the concordance with the left context right-aligned,
// so the matches line up in one column.
func writeKWIC(w io.Writer, lines []corpus.Line, width int) error {
	for _, l := range lines {
		pad := strings.Repeat(" ", max(width-utf8.RuneCountInString(l.Left), 0))
		id := l.Doc
		if len(id) > 12 {
			id = id[:12]
		}
		if _, err := fmt.Fprintf(w, "%-6s %s  %s%s  %s  %s\n", l.Variety, id, pad, l.Left, l.Match, l.Right); err != nil {
			return err
		}
	}
	return nil
}

func writeJSONL[T any](w io.Writer, rows []T) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, r := range rows {
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	return nil
}

func newCorpusFreqCmd(g *globalOptions) *cobra.Command {
	var indexDir, format string
	cmd := &cobra.Command{
		Use:   "freq WORD...",
		Short: "How often words occur in each variety, per million, and how spread",
		Long: `Count each WORD in every variety of the corpus. Words are compared as
written, lowercased, accents kept (sabés is not sabes); no stemming.

  COUNT        occurrences in the variety
  PER_MILLION  COUNT per million word tokens of the variety
  DOCS         documents containing the word, of all the variety's documents
  DP           Gries' deviation of proportions over the documents:
               DP = ½ Σ_i |v_i − s_i|, v_i the share of the word's
               occurrences in document i, s_i the share of the variety's
               tokens; 0 = spread like the text, near 1 = in a few documents

A table on a terminal or with --format table; otherwise one JSON object per
word and variety.` + exitStatusHelp,
		Example: `  habla corpus freq vos tú usted
  habla corpus freq ahorita --format jsonl`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			table, err := tableFormat(g, format)
			if err != nil {
				return err
			}
			c, err := corpus.Open(indexDir, false)
			if err != nil {
				return err
			}
			defer c.Close()
			rows, err := c.Frequencies(args)
			if err != nil {
				return err
			}
			if !table {
				return writeJSONL(g.io.Out, rows)
			}
			tw := tabwriter.NewWriter(g.io.Out, 0, 4, 2, ' ', tabwriter.AlignRight)
			fmt.Fprintln(tw, "WORD\tVARIETY\tCOUNT\tPER_MILLION\tDOCS\tDP\t")
			for _, r := range rows {
				fmt.Fprintf(tw, "%s\t%s\t%d\t%.2f\t%d/%d\t%.3f\t\n", r.Word, r.Variety, r.Count, r.PerMillion, r.Docs, r.DocsTotal, r.DP)
			}
			return tw.Flush()
		},
	}
	addIndexFlag(cmd, &indexDir)
	cmd.Flags().StringVar(&format, "format", "", "output format: table or jsonl (default: table on a terminal, else jsonl)")
	return cmd
}
