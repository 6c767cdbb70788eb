package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/habla-es/habla/align"
	"github.com/habla-es/habla/dialects"
	"github.com/habla-es/habla/internal/jsonl"
	"github.com/habla-es/habla/report"
)

type auditOptions struct {
	g           *globalOptions
	target      string
	passMark    float64
	by          string
	worst       int
	requirePass bool
	render      renderFlags
	stream      streamOptions
	files       []string
	// set in RunE
	profile *dialects.Profile
	weights align.Weights
	byPath  jsonl.Path
}

// renderFlags are the flags of every command that writes a report.
type renderFlags struct {
	format string
	top    int
}

func (r *renderFlags) register(cmd *cobra.Command, formats string) {
	cmd.Flags().StringVar(&r.format, "format", "", "output format: "+formats+" (default: text on a terminal, json otherwise)")
	cmd.Flags().IntVar(&r.top, "top", 10, "how many top issues to show")
}

// complete picks the default format and validates the flags.
func (r *renderFlags) complete(io *IOStreams, allowed ...string) error {
	if r.format == "" {
		r.format = "json"
		if io.OutTTY {
			r.format = "text"
		}
	}
	if r.top <= 0 {
		return usageErr(errors.New("--top must be positive"))
	}
	return checkFormat(r.format, allowed...)
}

const auditHelp = `Summarize how natural a set of model outputs is for a target variety, what
goes wrong most often, and which records are the worst.

Input is raw records, aligned on the fly, or the output of habla align (a
record whose habla value was aligned for the same target is read, not
aligned again). The summary gives the records and words, the naturalness
mean, median and 10th percentile, the set's MQM overall quality score,
OQS = 100 − APT · 1000 / words, with pass or fail against --pass-mark, the
findings by kind and severity, the top issues grouped across records (same
kind, same text, same first suggestion), the detected varieties when the
records carry habla.detected, and the worst records with their findings
highlighted. --by FIELD breaks the figures down by a field of the records
(a model name, a prompt type).

Formats: text (aligned tables; colour only on a terminal and never with
NO_COLOR), md (Markdown), html (one self-contained page with SVG charts,
readable on a phone) and json, the summary that habla audit merge adds up
exactly and habla audit diff compares.`

func newAuditCmd(g *globalOptions, runF func(*auditOptions) error) *cobra.Command {
	opts := &auditOptions{g: g}
	cmd := &cobra.Command{
		Use:   "audit --target TAG [FILE...]",
		Short: "Summarize how natural model outputs are for a variety",
		Long:  auditHelp + auditInputHelp + auditExitHelp,
		Example: `  # The report in the terminal
  habla audit --target es-VE outputs.jsonl

  # One HTML page to share, and the figures per model
  habla audit --target es-VE --by model --format html outputs.jsonl > audit.html

  # Audit what habla align already wrote
  habla align --target es-MX outputs.jsonl | habla audit --target es-MX --format md

  # Shards audited apart, merged into the summary of the whole
  habla audit --target es-AR --format json part-1.jsonl > part-1.json
  habla audit --target es-AR --format json part-2.jsonl > part-2.json
  habla audit merge part-1.json part-2.json

  # Fail a CI step when the set's OQS is under 95
  habla audit --target es-VE --pass-mark 95 --require-pass --format json outputs.jsonl > audit.json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.files = args
			if err := opts.complete(cmd); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return auditRun(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.target, "target", "t", "", targetFlagHelp)
	f.Float64Var(&opts.passMark, "pass-mark", report.DefaultPassMark, "the OQS the set needs to pass")
	f.StringVar(&opts.by, "by", "", `break the figures down by this field of the records, e.g. "model"`)
	f.IntVar(&opts.worst, "worst", report.DefaultWorst, "how many of the worst records to keep and show")
	f.BoolVar(&opts.requirePass, "require-pass", false, "exit 1 when the set does not reach --pass-mark")
	opts.render.register(cmd, "text, md, html or json")
	opts.stream.register(cmd)
	cmd.AddCommand(newAuditMergeCmd(g, nil), newAuditDiffCmd(g, nil))
	return cmd
}

const auditInputHelp = `

INPUT AND OUTPUT
  Input is one JSON object per line (or one text per line with --input-format
  text), from the files named or from standard input ("-" or none); --field
  names the text, --id-field the id (else the line number), --key the align
  value to read (habla). The records are read, not written back: the output
  is the summary. A bad line (invalid JSON or UTF-8, not an object, no string
  at --field, a broken align value, longer than --max-line) is reported on
  stderr as "habla: FILE:LINE: what: why" and left out of the summary, and
  the run exits 3 after writing it; --strict stops at the first.`

const auditExitHelp = `

EXIT STATUS
  0    success
  1    the set does not reach --pass-mark (only with --require-pass)
  2    usage or configuration error (bad flag, unknown variety, unreadable file)
  3    some input lines were bad (each reported on stderr; the summary leaves them out)
  130  interrupted`

func (o *auditOptions) complete(cmd *cobra.Command) error {
	c, err := o.g.loadConfig()
	if err != nil {
		return err
	}
	o.stream.applyConfig(cmd, c)
	if o.profile, err = targetOf(cmd, c, o.target, "audit", "es-VE"); err != nil {
		return err
	}
	if o.by != "" {
		if o.byPath, err = jsonl.ParsePath(o.by); err != nil {
			return usageErr(fmt.Errorf("--by: %w", err))
		}
	}
	if err := checkPassMark(o.passMark); err != nil {
		return err
	}
	if o.worst <= 0 {
		return usageErr(errors.New("--worst must be positive"))
	}
	o.weights = c.weights()
	return o.render.complete(o.g.io, "text", "md", "html", "json")
}

func auditRun(ctx context.Context, o *auditOptions) error {
	cfg, err := o.stream.engineConfig(o.g.io.ErrOut)
	if err != nil {
		return err
	}
	keyPath, err := jsonl.ParsePath(strings.ReplaceAll(cfg.Key, ".", `\.`))
	if err != nil {
		return usageErr(fmt.Errorf("--key: %w", err))
	}
	a := &auditor{o: o, key: keyPath}
	err = runStreamTo(ctx, cfg, o.files, o.g.io, io.Discard, a.newMap)
	var bad *jsonl.BadLinesError
	if err != nil && !errors.As(err, &bad) {
		return err
	}
	sum, mergeErr := report.MergeAll(a.parts)
	if mergeErr != nil {
		return mergeErr
	}
	if werr := writeReport(o.g.io, sum, o.render); werr != nil {
		return werr
	}
	if err == nil && o.requirePass && !sum.Pass() {
		return &failedPassError{oqs: sum.OQS(sum.Weights), mark: sum.PassMark}
	}
	return err
}

// auditor turns records into partial summaries, one per worker; merging
// them is exact, so the result does not depend on the number of workers.
type auditor struct {
	o     *auditOptions
	key   jsonl.Path
	mu    sync.Mutex
	parts []*report.Summary
	once  sync.Once
	al    *align.Aligner
	err   error
}

func (a *auditor) newMap() jsonl.MapFunc {
	part := report.New(report.Options{Target: a.o.profile.Tag, Weights: a.o.weights,
		PassMark: a.o.passMark, ByField: a.o.by, Worst: a.o.worst})
	a.mu.Lock()
	a.parts = append(a.parts, part)
	a.mu.Unlock()
	var w *align.Worker
	return func(rec *jsonl.Record, dst []byte) ([]byte, error) {
		r, ok, err := a.fromAlign(rec)
		if err != nil {
			return dst, err
		}
		if !ok {
			if w == nil {
				if w, err = a.worker(); err != nil {
					return dst, err
				}
			}
			res := w.Align(rec.Text)
			r = report.FromResult(rec.ID(), rec.Text, a.byValue(rec), &res)
		}
		part.Add(&r)
		return append(dst, "null"...), nil
	}
}

// fromAlign reads the record's align value, if it has one for the target.
func (a *auditor) fromAlign(rec *jsonl.Record) (report.Record, bool, error) {
	raw, ok := rec.Field(a.key)
	if !ok {
		return report.Record{}, false, nil
	}
	al, ok, err := report.ParseAligned(raw)
	if err != nil || !ok || (al.Error == "" && al.Target != a.o.profile.Tag) {
		return report.Record{}, false, err
	}
	r, err := al.Record(rec.ID(), rec.Text, a.byValue(rec))
	return r, err == nil, err
}

// worker aligns records that come without an align value; the lexicon is
// loaded only when one does.
func (a *auditor) worker() (*align.Worker, error) {
	a.once.Do(func() {
		lex, err := a.o.g.loadLexicon()
		if err != nil {
			a.err = err
			return
		}
		// Aligned here as habla align would: with detection, so that
		// raw records and align's output give the same summary.
		det, err := align.NewDetector(align.DetectOptions{Lexicon: lex})
		if err != nil {
			a.err = err
			return
		}
		a.al, a.err = align.New(align.Options{Target: a.o.profile, Weights: a.o.weights, Lexicon: lex, Detector: det})
	})
	if a.err != nil {
		return nil, a.err
	}
	return a.al.NewWorker(), nil
}

func (a *auditor) byValue(rec *jsonl.Record) string {
	if a.o.byPath.IsZero() {
		return ""
	}
	v, ok := rec.Field(a.o.byPath)
	if !ok {
		return ""
	}
	return unquote(v)
}

// unquote is a JSON value as a label: a string without its quotes, any
// other value as written.
func unquote(v []byte) string {
	var s string
	if len(v) > 0 && v[0] == '"' && json.Unmarshal(v, &s) == nil {
		return s
	}
	return string(v)
}

// writeReport writes a summary in the chosen format.
func writeReport(ios *IOStreams, s *report.Summary, r renderFlags) error {
	ro := report.RenderOptions{Top: r.top, Color: useColor(ios)}
	switch r.format {
	case "text":
		return s.WriteText(ios.Out, ro)
	case "md":
		return s.WriteMarkdown(ios.Out, ro)
	case "html":
		return s.WriteHTML(ios.Out, ro)
	default:
		return s.WriteJSON(ios.Out)
	}
}

// useColor: colour only on a terminal, and never with NO_COLOR set
// (no-color.org: present and not empty).
func useColor(ios *IOStreams) bool {
	return ios.OutTTY && (ios.Env == nil || ios.Env("NO_COLOR") == "")
}

// checkPassMark rejects a pass mark that no score can be compared with.
func checkPassMark(m float64) error {
	if math.IsNaN(m) || math.IsInf(m, 0) || m > 100 {
		return usageErr(fmt.Errorf("--pass-mark %g: want a number up to 100", m))
	}
	return nil
}

// failedPassError reports a set under the pass mark (--require-pass).
type failedPassError struct{ oqs, mark float64 }

func (e *failedPassError) Error() string {
	return fmt.Sprintf("the set's OQS %g is under the pass mark %g", e.oqs, e.mark)
}
