package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/habla-es/habla/internal/jsonl"
)

// streamOptions are the flags of every per-record command.
type streamOptions struct {
	inputFormat string
	field       string
	idField     string
	key         string
	maxLine     int
	workers     int
	strict      bool
}

const streamFlagsHelp = `

INPUT AND OUTPUT
  Input is one JSON object per line (or one text per line with --input-format
  text), from the files named or from standard input ("-" or none). Each
  object is written back byte for byte with one key added (--key), one output
  line per input line, in input order. A bad line (invalid JSON or UTF-8, not
  an object, no string at --field, longer than --max-line) is written in
  place as an error record, {"line":N,"habla":{"error":"..."}}, reported on
  stderr as "habla: FILE:LINE: what: why", and the run exits 3 at the end;
  --strict stops at the first.`

func (o *streamOptions) register(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&o.inputFormat, "input-format", "jsonl", "input format: jsonl or text (one record per line)")
	f.StringVar(&o.field, "field", "text", `dotted path to the text, e.g. "output" or "messages.-1.content"`)
	f.StringVar(&o.idField, "id-field", "id", "dotted path to the record id")
	f.StringVar(&o.key, "key", "habla", "key added to each output object")
	f.IntVar(&o.maxLine, "max-line", jsonl.DefaultMaxLine, "longest input line in bytes; longer lines become error records")
	f.IntVarP(&o.workers, "workers", "j", 0, "parallel workers (default: number of CPUs); output is the same for any number")
	f.BoolVar(&o.strict, "strict", false, "stop at the first bad line")
}

// applyConfig fills flags not given on the command line from habla.yaml.
func (o *streamOptions) applyConfig(cmd *cobra.Command, c *config) {
	set := func(name string, apply func()) {
		if !cmd.Flags().Changed(name) {
			apply()
		}
	}
	set("field", func() { o.field = firstNonEmpty(c.Field, o.field) })
	set("id-field", func() { o.idField = firstNonEmpty(c.IDField, o.idField) })
	set("key", func() { o.key = firstNonEmpty(c.Key, o.key) })
	set("workers", func() { o.workers = firstPositive(c.Workers, o.workers) })
	set("max-line", func() { o.maxLine = firstPositive(c.MaxLine, o.maxLine) })
}

// engineConfig validates the flags and turns them into a jsonl.Config.
func (o *streamOptions) engineConfig(errOut io.Writer) (jsonl.Config, error) {
	cfg := jsonl.Config{Key: o.key, MaxLine: o.maxLine, Workers: o.workers, Strict: o.strict}
	switch o.inputFormat {
	case "jsonl", "json":
		cfg.Format = jsonl.JSONL
	case "text", "txt":
		cfg.Format = jsonl.Text
	default:
		return cfg, usageErr(fmt.Errorf("--input-format %q: want jsonl or text", o.inputFormat))
	}
	var err error
	if cfg.Field, err = jsonl.ParsePath(o.field); err != nil {
		return cfg, usageErr(fmt.Errorf("--field: %w", err))
	}
	if cfg.IDField, err = jsonl.ParsePath(o.idField); err != nil {
		return cfg, usageErr(fmt.Errorf("--id-field: %w", err))
	}
	if o.key == "" {
		return cfg, usageErr(errors.New("--key must not be empty"))
	}
	if o.workers < 0 || o.maxLine <= 0 {
		return cfg, usageErr(errors.New("--workers and --max-line must be positive"))
	}
	cfg.OnError = func(e *jsonl.LineError) { fmt.Fprintf(errOut, "habla: %v\n", e) }
	return cfg, nil
}

// openInputs opens the named files ("-" or none: standard input). The
// returned function closes them.
func openInputs(names []string, stdin io.Reader) ([]jsonl.Input, func(), error) {
	if len(names) == 0 {
		names = []string{"-"}
	}
	var inputs []jsonl.Input
	closeAll := func() {
		for _, in := range inputs {
			if c, ok := in.R.(io.Closer); ok && in.R != stdin {
				c.Close()
			}
		}
	}
	for _, name := range names {
		if name == "-" {
			inputs = append(inputs, jsonl.Input{Name: "<stdin>", R: stdin})
			continue
		}
		f, err := os.Open(name)
		if err != nil {
			closeAll()
			return nil, nil, usageErr(err)
		}
		inputs = append(inputs, jsonl.Input{Name: name, R: f})
	}
	return inputs, closeAll, nil
}

// runStream runs a per-record command over its inputs.
func runStream(ctx context.Context, cfg jsonl.Config, names []string, io *IOStreams, newMap func() jsonl.MapFunc) error {
	return runStreamTo(ctx, cfg, names, io, io.Out, newMap)
}

// runStreamTo is runStream writing the records to out (io.Discard for a
// command that reduces them to a summary).
func runStreamTo(ctx context.Context, cfg jsonl.Config, names []string, io *IOStreams, out io.Writer, newMap func() jsonl.MapFunc) error {
	inputs, closeAll, err := openInputs(names, io.In)
	if err != nil {
		return err
	}
	if len(names) == 0 && io.InTTY {
		// A linguist who typed the command without a file would otherwise
		// face a silent terminal.
		fmt.Fprintln(io.ErrOut, "habla: reading records from the terminal (Ctrl-D ends, Ctrl-C stops)")
	}
	defer closeAll()
	_, err = jsonl.Run(ctx, cfg, inputs, out, newMap)
	return err
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func firstPositive(a, b int) int {
	if a > 0 {
		return a
	}
	return b
}
