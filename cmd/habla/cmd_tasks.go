package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/habla-es/habla/align"
	"github.com/habla-es/habla/internal/jsonl"
	"github.com/habla-es/habla/tasks"
)

type tasksOptions struct {
	g           *globalOptions
	target      string
	group       bool
	kinds       []string
	minSeverity string
	limit       int
	rateSample  int
	format      string
	stream      streamOptions
	files       []string
	// set in RunE
	build   tasks.Options
	aligner *align.Aligner // nil: read align output
}

func newTasksCmd(g *globalOptions, runF func(*tasksOptions) error) *cobra.Command {
	opts := &tasksOptions{g: g}
	cmd := &cobra.Command{
		Use:   "tasks [FILE...]",
		Short: "Turn findings into tasks for annotators, and export them",
		Long: `Make annotation tasks from align output (records with the findings under
--key, by default habla.findings), or from raw records with --target, which
aligns them first. One task per finding, or with --group one per issue
(same finding kind, folded text, first suggestion and target) listing every
occurrence, so a reviewer decides once for all of them.

Task kinds: replace (a word or form), convert-address (tú, vos, vosotros),
fix-convention (numbers, dates, currency, quotes), remove-taboo, review (a
human decides; also any finding without a suggestion) and rate (a 1–5
naturalness rating of a whole output, with habla's score as the proposed
rating; --rate-sample N picks N outputs by a hash of id and text).

Each task has a stable id (a hash of its content), the record ids and spans,
the text in context, the suggestions, the finding's message, instructions
in Spanish, the severity, the priority (severity weight × occurrences; see
severity: in habla.yaml) and estimated seconds (see the tasks package
documentation for the heuristic). Tasks come out sorted by priority; the
same input gives the same bytes.

Formats (--format): jsonl (habla's own), label-studio (a JSON list of tasks
with predictions; habla tasks config --format label-studio prints the
labeling configuration), prodigy (text + spans), doccano (text + label),
argilla (records for dataset.records.log), csv (one row per task, UTF-8,
with a header) and xliff (XLIFF 2.1, the suggestion as target). Offsets are
Unicode code points of the exported text, which is what each of these tools
counts (Label Studio since its emoji fix; see the tasks package).

For Argilla, create the dataset with a TextField "text", a SpanQuestion
"span" on it (labels: the task kinds), a TextQuestion "correction", a
RatingQuestion "rating" (1–5) and metadata properties kind, target,
severity, priority, record, occurrences and instructions; each line is then
a dict for dataset.records.log, its "id" the task id.

Bad input lines are reported on stderr as FILE:LINE and the run exits 3
after writing the tasks of the good ones.` + exitStatusHelp,
		Example: `  # Align and make tasks for a Venezuelan target, grouped
  habla tasks --target es-VE --group outputs.jsonl > tasks.jsonl

  # From align output, only major and critical findings, for Label Studio
  habla align -t es-AR outputs.jsonl | habla tasks --min-severity major --format label-studio > ls.json
  habla tasks config --format label-studio > config.xml

  # The 50 most urgent replacements, as a spreadsheet
  habla tasks -t es-MX --kinds replace,remove-taboo --limit 50 --format csv outputs.jsonl > tasks.csv

  # Ask for naturalness ratings of 20 outputs
  habla tasks -t es-VE --rate-sample 20 --kinds rate outputs.jsonl`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.files = args
			if err := opts.complete(cmd); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return tasksRun(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.target, "target", "t", "", "align raw records for this variety first (without it, read align output; target: in habla.yaml does not apply)")
	f.BoolVar(&opts.group, "group", false, "one task per issue (same kind, folded text, first suggestion, target), listing every occurrence")
	f.StringSliceVar(&opts.kinds, "kinds", nil, "keep only these task kinds (comma-separated): "+kindList())
	f.StringVar(&opts.minSeverity, "min-severity", "", "drop findings below this severity: minor, major or critical")
	f.IntVar(&opts.limit, "limit", 0, "keep only the first N tasks after sorting by priority (0: all)")
	f.IntVar(&opts.rateSample, "rate-sample", 0, "add rate tasks for N outputs, chosen deterministically")
	f.StringVar(&opts.format, "format", "jsonl", "output format: "+strings.Join(tasks.Formats, ", "))
	opts.stream.register(cmd)
	f.Lookup("key").Usage = "key under which align output has its results (read, not added, here)"
	cmd.AddCommand(newTasksConfigCmd(g), newTasksImportCmd(g, nil))
	return cmd
}

func kindList() string {
	var s []string
	for _, k := range tasks.Kinds {
		s = append(s, string(k))
	}
	return strings.Join(s, ", ")
}

func (o *tasksOptions) complete(cmd *cobra.Command) error {
	c, err := o.g.loadConfig()
	if err != nil {
		return err
	}
	o.stream.applyConfig(cmd, c)
	if err := checkFormat(o.format, tasks.Formats...); err != nil {
		return err
	}
	o.build = tasks.Options{Group: o.group, Limit: o.limit, RateSample: o.rateSample, Weights: c.weights()}
	for _, k := range o.kinds {
		kind, err := tasks.ParseKind(strings.TrimSpace(k))
		if err != nil {
			return usageErr(fmt.Errorf("--kinds: %w", err))
		}
		o.build.Kinds = append(o.build.Kinds, kind)
	}
	if o.minSeverity != "" {
		if o.build.MinSeverity, err = align.ParseSeverity(o.minSeverity); err != nil {
			return usageErr(fmt.Errorf("--min-severity: %w", err))
		}
	}
	if o.limit < 0 || o.rateSample < 0 {
		return usageErr(errors.New("--limit and --rate-sample must not be negative"))
	}
	if o.target == "" {
		return nil
	}
	p, err := resolveTarget(o.target)
	if err != nil {
		return err
	}
	lex, err := o.g.loadLexicon()
	if err != nil {
		return err
	}
	if o.aligner, err = align.New(align.Options{Target: p, Weights: c.weights(), Lexicon: lex}); err != nil {
		return usageErr(err)
	}
	return nil
}

func tasksRun(ctx context.Context, o *tasksOptions) error {
	cfg, err := o.stream.engineConfig(o.g.io.ErrOut)
	if err != nil {
		return err
	}
	key, err := jsonl.ParsePath(o.stream.key)
	if err != nil {
		return usageErr(fmt.Errorf("--key: %w", err))
	}
	newParse := func() func(*jsonl.Record) (tasks.Record, error) {
		if o.aligner == nil {
			return func(rec *jsonl.Record) (tasks.Record, error) {
				v, ok := rec.Field(key)
				if !ok {
					return tasks.Record{}, fmt.Errorf("no %s: run habla align first, or give --target", o.stream.key)
				}
				return tasks.ParseResult(v, rec.Text)
			}
		}
		w := o.aligner.NewWorker()
		return func(rec *jsonl.Record) (tasks.Record, error) {
			res := w.Align(rec.Text)
			return tasks.Record{Text: rec.Text, Target: res.Target, Naturalness: res.Naturalness, Findings: res.Findings}, nil
		}
	}
	records, runErr := collectRecords(ctx, cfg, o.files, o.g.io, newParse)
	var bad *jsonl.BadLinesError
	if runErr != nil && !errors.As(runErr, &bad) {
		return runErr
	}
	ts := tasks.Build(records, o.build)
	if err := tasks.Export(o.g.io.Out, o.format, ts); err != nil {
		return err
	}
	return runErr
}

// collectRecords reads every record through the streaming engine (so bad
// lines are reported as everywhere else) and returns the parsed ones in
// input order.
func collectRecords(ctx context.Context, cfg jsonl.Config, names []string, ios *IOStreams,
	newParse func() func(*jsonl.Record) (tasks.Record, error)) ([]tasks.Record, error) {
	inputs, closeAll, err := openInputs(names, ios.In)
	if err != nil {
		return nil, err
	}
	defer closeAll()
	if len(names) == 0 && ios.InTTY {
		fmt.Fprintln(ios.ErrOut, "habla: reading records from the terminal (Ctrl-D ends, Ctrl-C stops)")
	}
	index := map[string]int{}
	for i, in := range inputs {
		if _, ok := index[in.Name]; !ok {
			index[in.Name] = i
		}
	}
	var mu sync.Mutex
	var records []tasks.Record
	newMap := func() jsonl.MapFunc {
		parse := newParse()
		return func(rec *jsonl.Record, dst []byte) ([]byte, error) {
			r, err := parse(rec)
			if err != nil {
				return dst, err
			}
			r.ID = rec.ID()
			r.Order = index[rec.Name]<<40 | rec.Line
			mu.Lock()
			records = append(records, r)
			mu.Unlock()
			return append(dst, "null"...), nil
		}
	}
	_, err = jsonl.Run(ctx, cfg, inputs, io.Discard, newMap)
	sortByOrder(records)
	return records, err
}

// sortByOrder puts records back in input order: workers finish in any.
func sortByOrder(rs []tasks.Record) {
	slices.SortFunc(rs, func(a, b tasks.Record) int { return cmp.Compare(a.Order, b.Order) })
}

func newTasksConfigCmd(g *globalOptions) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "config --format label-studio",
		Short: "Print the annotation tool configuration matching an export",
		Long: `Print the labeling configuration that matches habla's tasks in a tool's
format: for label-studio, the XML to paste in the project's Labeling
Interface (the text, its span labelled by task kind, Aceptar/Rechazar, a
text area for the replacement, and a 1–5 rating).` + exitStatusHelp,
		Example: `  habla tasks config --format label-studio > config.xml`,
		Args:    cobra.NoArgs,
		RunE: func(_ *cobra.Command, _ []string) error {
			if err := checkFormat(format, "label-studio"); err != nil {
				return err
			}
			_, err := io.WriteString(g.io.Out, tasks.LabelStudioConfig())
			return err
		},
	}
	cmd.Flags().StringVar(&format, "format", "label-studio", "tool: label-studio")
	return cmd
}
