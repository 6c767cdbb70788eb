package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/habla-es/habla/internal/jsonl"
	"github.com/habla-es/habla/tasks"
)

type tasksImportOptions struct {
	g         *globalOptions
	format    string
	records   string
	tasksFile string
	agreement string
	propose   string
	stream    streamOptions
	files     []string
}

func newTasksImportCmd(g *globalOptions, runF func(*tasksImportOptions) error) *cobra.Command {
	opts := &tasksImportOptions{g: g}
	cmd := &cobra.Command{
		Use:   "import --format jsonl|label-studio|csv FILE... [--records RECORDS.jsonl]",
		Short: "Read annotated tasks back: apply accepted edits, measure agreement",
		Long: `Read annotated tasks: habla's JSONL with an "annotations" list on each task
([{"annotator":"ana","decision":"accept","edit":"carro"}], "rating":1-5 for
rate tasks; an annotation without annotator is credited to its file), or a
Label Studio JSON export of tasks made with --format label-studio, or the
CSV export with its decision (accept/reject, aceptar/rechazar, sí/no), edit
and rating columns filled in (each file is one annotator, named by the
file). A task in several files gathers the annotations of all, so
annotators may return only {"id":…,"annotations":[…]} lines, or the CSV,
when the exported tasks (habla's JSONL) are given too: with --tasks, or as
one of the FILEs in JSONL.

A task is accepted when more annotators accept than reject; its replacement
is the edit most accepting annotators gave, else the first suggestion.
With --records, the accepted edits are applied to those records (the
originals, read with --field and --id-field) and each record is written
with, under --key, "localized" (the new text), "edits" (start, end in code
points of the original text, from, to, rule, task) and "refused" (edits
whose span no longer reads the task's text, or that overlap another, with
the reason). Refusals are also reported on stderr.

Agreement: Cohen's κ for each pair of annotators on accept/reject, overall
and by task kind; Krippendorff's α (ordinal) over the ratings of rate tasks,
any number of annotators, missing ratings allowed; and per task the counts
and the observed agreement. It is written as JSON to --agreement, or to
standard output when there is no --records; a summary goes to stderr.

--propose-lexicon FILE.yaml writes the accepted replacements the lexicon
does not know at home in the target, as candidate entries with their
evidence (occurrences, tasks, record ids, annotators) for a linguist.` + exitStatusHelp,
		Example: `  # Two annotators' copies of the same tasks: agreement only
  habla tasks import --format jsonl ana.jsonl beto.jsonl

  # Apply what was accepted in Label Studio to the original outputs
  habla tasks import --format label-studio export.json --records outputs.jsonl \
      --agreement agreement.json > localized.jsonl

  # Spreadsheets filled in by two annotators, with the exported tasks
  habla tasks import --format csv ana.csv beto.csv --tasks tasks.jsonl --records outputs.jsonl > localized.jsonl

  # Candidate lexicon entries from what annotators accepted
  habla tasks import --format jsonl ana.jsonl beto.jsonl --propose-lexicon candidates.yaml`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.files = args
			c, err := g.loadConfig()
			if err != nil {
				return err
			}
			opts.stream.applyConfig(cmd, c)
			if err := checkFormat(opts.format, tasks.ImportFormats...); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return tasksImportRun(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.format, "format", "", "format of the annotated files: jsonl, label-studio or csv (required)")
	f.StringVar(&opts.tasksFile, "tasks", "", "the exported tasks (habla's JSONL), for answers that carry only task ids")
	f.StringVar(&opts.records, "records", "", "apply accepted edits to these records (JSONL) and write them")
	f.StringVar(&opts.agreement, "agreement", "", "write the agreement report (JSON) to this file")
	f.StringVar(&opts.propose, "propose-lexicon", "", "write candidate lexicon entries (YAML) to this file")
	opts.stream.register(cmd)
	return cmd
}

func tasksImportRun(ctx context.Context, o *tasksImportOptions) error {
	var lists [][]tasks.Task
	if o.tasksFile != "" {
		ts, err := readAnnotatedFile(o.tasksFile, "jsonl", o.g.io.In)
		if err != nil {
			return usageErr(err)
		}
		lists = append(lists, ts)
	}
	for _, name := range o.files {
		ts, err := readAnnotatedFile(name, o.format, o.g.io.In)
		if err != nil {
			return usageErr(err)
		}
		lists = append(lists, ts)
	}
	merged := tasks.Merge(lists...)
	if err := tasks.CheckDefined(merged); err != nil {
		return usageErr(err)
	}
	rep := tasks.Agreement(merged)
	if o.propose != "" {
		if err := o.writeCandidates(merged); err != nil {
			return err
		}
	}
	var runErr error
	if o.records != "" {
		if runErr = applyToRecords(ctx, o, merged); runErr != nil {
			var bad *jsonl.BadLinesError
			if !errors.As(runErr, &bad) {
				return runErr
			}
		}
	}
	out := o.g.io.Out
	if o.agreement != "" || o.records != "" {
		out = nil
	}
	if err := writeAgreement(o.agreement, out, rep); err != nil {
		return err
	}
	fmt.Fprintf(o.g.io.ErrOut, "habla: tasks import: %s\n", agreementSummary(rep))
	return runErr
}

func readAnnotatedFile(name, format string, stdin io.Reader) ([]tasks.Task, error) {
	if name == "-" {
		return tasks.ReadAnnotated(stdin, "<stdin>", format)
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return tasks.ReadAnnotated(f, name, format)
}

func (o *tasksImportOptions) writeCandidates(ts []tasks.Task) error {
	lex, err := o.g.loadLexicon()
	if err != nil {
		return err
	}
	f, err := os.Create(o.propose)
	if err != nil {
		return usageErr(err)
	}
	if err := tasks.WriteCandidates(f, tasks.Propose(ts, tasks.Knows(lex))); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// writeAgreement writes the report to the named file, or to out.
func writeAgreement(name string, out io.Writer, rep tasks.Report) error {
	b, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return err
	}
	b = append(b, '\n')
	if name != "" {
		if err := os.WriteFile(name, b, 0o644); err != nil {
			return usageErr(err)
		}
	}
	if out != nil {
		_, err = out.Write(b)
	}
	return err
}

func agreementSummary(r tasks.Report) string {
	parts := []string{fmt.Sprintf("%d tasks, %d annotators", r.Tasks, len(r.Annotators))}
	for _, p := range r.Decisions {
		k := "undefined"
		if p.Kappa.Kappa != nil {
			k = fmt.Sprintf("%.3f", *p.Kappa.Kappa)
		}
		parts = append(parts, fmt.Sprintf("κ %s–%s %s (%d tasks)", p.A, p.B, k, p.Items))
	}
	if r.Ratings != nil && r.Ratings.Alpha != nil {
		parts = append(parts, fmt.Sprintf("α ordinal %.3f (%d rated outputs)", *r.Ratings.Alpha, r.Ratings.Units))
	}
	return strings.Join(parts, "; ")
}

// applyToRecords writes each record with its accepted edits applied.
func applyToRecords(ctx context.Context, o *tasksImportOptions, ts []tasks.Task) error {
	cfg, err := o.stream.engineConfig(o.g.io.ErrOut)
	if err != nil {
		return err
	}
	edits := tasks.Edits(ts)
	var mu sync.Mutex
	seen := map[string]bool{}
	applied, refusedN := 0, 0
	type refusal struct {
		line int
		msg  string
	}
	var refusals []refusal
	newMap := func() jsonl.MapFunc {
		return func(rec *jsonl.Record, dst []byte) ([]byte, error) {
			id := rec.ID()
			text, done, refused := tasks.Apply(rec.Text, edits[id])
			mu.Lock()
			seen[id] = true
			applied += len(done)
			refusedN += len(refused)
			for _, e := range refused {
				refusals = append(refusals, refusal{rec.Line, fmt.Sprintf("%s:%d: record %s: edit of task %s refused: %s", rec.Name, rec.Line, id, e.Task, e.Reason)})
			}
			mu.Unlock()
			return appendLocalized(dst, text, done, refused)
		}
	}
	err = runStream(ctx, cfg, []string{o.records}, o.g.io, newMap)
	slices.SortStableFunc(refusals, func(a, b refusal) int { return a.line - b.line })
	for _, r := range refusals {
		fmt.Fprintf(o.g.io.ErrOut, "habla: %s\n", r.msg)
	}
	missing := 0
	for id, es := range edits {
		if !seen[id] {
			missing += len(es)
		}
	}
	fmt.Fprintf(o.g.io.ErrOut, "habla: tasks import: %d edits applied, %d refused", applied, refusedN)
	if missing > 0 {
		fmt.Fprintf(o.g.io.ErrOut, ", %d for records not in %s", missing, o.records)
	}
	fmt.Fprintln(o.g.io.ErrOut)
	return err
}

func appendLocalized(dst []byte, text string, done, refused []tasks.Edit) ([]byte, error) {
	if done == nil {
		done = []tasks.Edit{}
	}
	if refused == nil {
		refused = []tasks.Edit{}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // keep < > & as written, like align's records
	err := enc.Encode(struct {
		Localized string       `json:"localized"`
		Edits     []tasks.Edit `json:"edits"`
		Refused   []tasks.Edit `json:"refused"`
	}{text, done, refused})
	if err != nil {
		return dst, err
	}
	return append(dst, bytes.TrimSuffix(b.Bytes(), []byte("\n"))...), nil
}
