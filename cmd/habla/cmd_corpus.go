package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/habla-es/habla/corpus"
	"github.com/habla-es/habla/dialects"
	"github.com/habla-es/habla/internal/jsonl"
)

func newCorpusCmd(g *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "corpus",
		Short: "Regional corpora: ingest, concordances, frequencies, keywords, a variety model",
		Long: `A corpus is a set of texts, each labelled with the variety it is in (es-AR,
es-MX, es-ES…). habla keeps it in a bleve index under the user cache
directory ($XDG_CACHE_HOME/habla/corpus, usually ~/.cache/habla/corpus), or
in --index DIR. Add texts with "habla corpus add", then read them as
concordances (search), count words (freq, stats), find the words that mark
a variety (keywords) and train a variety model (train).`,
	}
	cmd.AddCommand(newCorpusAddCmd(g, nil), newCorpusStatsCmd(g), newCorpusSearchCmd(g, nil),
		newCorpusFreqCmd(g), newCorpusKeywordsCmd(g, nil), newCorpusTrainCmd(g))
	return cmd
}

type corpusAddOptions struct {
	g         *globalOptions
	files     []string
	dialect   string
	source    string
	perLine   bool
	field     string
	column    int
	indexDir  string
	shardSize int
	batchSize int
	// set in RunE
	tag  string
	read corpus.ReadOptions
}

func newCorpusAddCmd(g *globalOptions, runF func(*corpusAddOptions) error) *cobra.Command {
	opts := &corpusAddOptions{g: g}
	cmd := &cobra.Command{
		Use:   "add --dialect TAG [--source NAME] FILE...",
		Short: "Add texts of one variety to the corpus",
		Long: `Add the texts in FILE... to the corpus, all labelled with the variety of
--dialect. A file is one document (plain text), or one document per line
with --per-line, or JSON lines with the text in --field (a dotted path), or
tab-separated lines with the text in --column (1-based; a field wholly in
double quotes is unquoted, "" inside it read as ").

A document is identified by a hash of its text: a text already in the
corpus is skipped, whichever file brought it. Documents are committed in
batches of --batch-size; an interrupted ingest (Ctrl-C, a crash, a kill)
keeps the batches committed, and running the same command again adds the
rest. When a shard holds --shard-size documents, a new shard is started;
searches read all shards through one index alias.

A line that holds no text (bad JSON, a missing field or column) is reported
on stderr as file:line:col and skipped; the run exits 3 at the end. A
progress bar is shown on stderr when it is a terminal; a summary is printed
at the end.` + exitStatusHelp,
		Example: `  # Subtitles from Argentina, one document per file
  habla corpus add --dialect es-AR --source activ-es corpus_plain/es_Argentina_*.run

  # One sentence per line
  habla corpus add --dialect es-MX --per-line frases_mx.txt

  # JSON lines with the text in .body, into a corpus of your own
  habla corpus add --dialect es-VE --field body --index ./mi-corpus chats.jsonl

  # The second column of a TSV file
  habla corpus add --dialect es-ES --column 2 noticias.tsv`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.files = args
			if err := opts.complete(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return corpusAddRun(cmd, opts)
		},
	}
	cmd.Flags().StringVar(&opts.dialect, "dialect", "", "the variety of the texts: a tag (es-AR) or a name (rioplatense); required")
	cmd.Flags().StringVar(&opts.source, "source", "", "the name of the corpus the texts come from (default: each file's name)")
	cmd.Flags().BoolVar(&opts.perLine, "per-line", false, "each non-empty line is a document")
	cmd.Flags().StringVar(&opts.field, "field", "", "read JSON lines; the text is in this field (dotted path: message.body, messages.-1.content)")
	cmd.Flags().IntVar(&opts.column, "column", 0, "read tab-separated lines; the text is in this column (1-based)")
	addIndexFlag(cmd, &opts.indexDir)
	cmd.Flags().IntVar(&opts.shardSize, "shard-size", corpus.DefaultShardSize, "documents per shard")
	cmd.Flags().IntVar(&opts.batchSize, "batch-size", 500, "documents committed at once")
	return cmd
}

func addIndexFlag(cmd *cobra.Command, dir *string) {
	cmd.Flags().StringVar(dir, "index", "", "the corpus directory (default: $XDG_CACHE_HOME/habla/corpus)")
}

func (o *corpusAddOptions) complete() error {
	if o.dialect == "" {
		return usageErr(errors.New("corpus add: --dialect is required (e.g. --dialect es-AR)"))
	}
	tag, err := resolveTag(o.dialect, "--dialect")
	if err != nil {
		return err
	}
	o.tag = tag
	n := 0
	for _, set := range []bool{o.perLine, o.field != "", o.column != 0} {
		if set {
			n++
		}
	}
	switch {
	case n > 1:
		return usageErr(errors.New("corpus add: --per-line, --field and --column exclude each other"))
	case o.column < 0:
		return usageErr(fmt.Errorf("--column %d: want 1 or more", o.column))
	case o.shardSize < 1 || o.batchSize < 1:
		return usageErr(errors.New("corpus add: --shard-size and --batch-size must be 1 or more"))
	case o.perLine:
		o.read.Format = corpus.PerLine
	case o.field != "":
		if o.field == "" || strings.Contains(o.field, "..") || strings.HasPrefix(o.field, ".") || strings.HasSuffix(o.field, ".") {
			return usageErr(fmt.Errorf("--field %q: want a dotted path such as message.body", o.field))
		}
		o.read = corpus.ReadOptions{Format: corpus.JSONL, Field: o.field}
	case o.column > 0:
		o.read = corpus.ReadOptions{Format: corpus.TSV, Column: o.column}
	}
	for _, f := range o.files {
		if _, err := os.Stat(f); err != nil {
			return usageErr(err)
		}
	}
	return nil
}

// resolveTag resolves a variety name or tag to its profile's tag.
func resolveTag(s, flag string) (string, error) {
	set, err := dialects.Load()
	if err != nil {
		return "", err
	}
	p, err := set.Resolve(s)
	if err != nil {
		return "", usageErr(fmt.Errorf("%s: %w", flag, err))
	}
	return p.Tag, nil
}

func corpusAddRun(cmd *cobra.Command, o *corpusAddOptions) error {
	ctx := cmd.Context()
	c, err := corpus.Open(o.indexDir, true)
	if err != nil {
		return err
	}
	defer c.Close()
	a, err := c.NewAdder(corpus.AddOptions{ShardSize: o.shardSize, BatchSize: o.batchSize})
	if err != nil {
		return err
	}
	bar := newProgress(o.g.io.ErrOut, o.files)
	bad := 0
	for _, f := range o.files {
		source := o.source
		if source == "" {
			source = filepath.Base(f)
		}
		err := corpus.ReadFile(f, o.read, func(text, origin string) error {
			if ctx.Err() != nil {
				return errInterrupted
			}
			bar.advance(len(text)+1, a.Stats())
			return a.Add(corpus.Doc{Text: text, Variety: o.tag, Source: source, Origin: origin})
		}, func(e *corpus.LineError) {
			bad++
			bar.clear()
			fmt.Fprintf(o.g.io.ErrOut, "habla: %v\n", e)
		})
		if err != nil {
			a.Flush() // keep what was read: a rerun adds the rest
			bar.clear()
			if errors.Is(err, errInterrupted) {
				return err
			}
			return fmt.Errorf("corpus add: %w", err)
		}
	}
	if err := a.Flush(); err != nil {
		return err
	}
	bar.clear()
	s := a.Stats()
	fmt.Fprintf(o.g.io.ErrOut, "habla: corpus add: %d documents read, %d added, %d already there, %d empty (%s)\n",
		s.Read, s.Added, s.Duplicates, s.Empty, c.Dir())
	if bad > 0 {
		return &jsonl.BadLinesError{Count: bad}
	}
	return nil
}

// progress draws a progress bar on stderr when it is a terminal.
type progress struct {
	w           io.Writer
	on          bool
	done, total int64
	last        time.Time
}

func newProgress(w io.Writer, files []string) *progress {
	p := &progress{w: w}
	if f, ok := w.(*os.File); ok && isTerminal(f) {
		p.on = true
	}
	for _, name := range files {
		if st, err := os.Stat(name); err == nil {
			p.total += st.Size()
		}
	}
	return p
}

func (p *progress) advance(n int, s corpus.AddStats) {
	p.done += int64(n)
	if !p.on || time.Since(p.last) < 200*time.Millisecond {
		return
	}
	p.last = time.Now()
	frac := min(float64(p.done)/float64(max(p.total, 1)), 1)
	const width = 30
	full := int(frac * width)
	fmt.Fprintf(p.w, "\r[%s%s] %3.0f%%  %d documents, %d added, %d already there ",
		strings.Repeat("=", full), strings.Repeat(" ", width-full), 100*frac, s.Read, s.Added, s.Duplicates)
}

func (p *progress) clear() {
	if p.on && !p.last.IsZero() {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

func newCorpusStatsCmd(g *globalOptions) *cobra.Command {
	var indexDir, format string
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Count the corpus's documents, tokens and types by variety and source",
		Long: `Count the documents, word tokens and word types (distinct lowercase forms,
accents kept) of the corpus, by variety and source, with a total per
variety and for the whole corpus (variety and source "*"). A table on a
terminal or with --format table; otherwise one JSON object per row.` + exitStatusHelp,
		Example: `  habla corpus stats
  habla corpus stats --index ./mi-corpus --format jsonl | jq 'select(.source=="*")'`,
		Args: cobra.NoArgs,
		RunE: func(_ *cobra.Command, _ []string) error {
			table, err := tableFormat(g, format)
			if err != nil {
				return err
			}
			c, err := corpus.Open(indexDir, false)
			if err != nil {
				return err
			}
			defer c.Close()
			rows, err := c.Stats()
			if err != nil {
				return err
			}
			for i := range rows {
				rows[i].Variety, rows[i].Source = orAll(rows[i].Variety), orAll(rows[i].Source)
			}
			if !table {
				return writeJSONL(g.io.Out, rows)
			}
			tw := tabwriter.NewWriter(g.io.Out, 0, 4, 2, ' ', tabwriter.AlignRight)
			fmt.Fprintln(tw, "VARIETY\tSOURCE\tDOCS\tTOKENS\tTYPES\t")
			for _, r := range rows {
				fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t\n", r.Variety, r.Source, r.Docs, r.Tokens, r.Types)
			}
			return tw.Flush()
		},
	}
	addIndexFlag(cmd, &indexDir)
	cmd.Flags().StringVar(&format, "format", "", "output format: table or jsonl (default: table on a terminal, else jsonl)")
	return cmd
}

func orAll(s string) string {
	if s == "" {
		return "*"
	}
	return s
}

// tableFormat resolves --format: table on a terminal unless told.
func tableFormat(g *globalOptions, format string) (bool, error) {
	switch format {
	case "":
		return g.io.OutTTY, nil
	case "table", "jsonl":
		return format == "table", nil
	}
	return false, checkFormat(format, "table", "jsonl")
}
