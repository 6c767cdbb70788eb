package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/habla-es/habla/align"
	"github.com/habla-es/habla/dialects"
	"github.com/habla-es/habla/internal/jsonl"
	"github.com/habla-es/habla/lexicon"
)

type detectOptions struct {
	g       *globalOptions
	among   []string
	explain bool
	model   string
	stream  streamOptions
	files   []string
	// set in RunE
	candidates []*dialects.Profile
	lexicon    *lexicon.Lexicon
}

func newDetectCmd(g *globalOptions, runF func(*detectOptions) error) *cobra.Command {
	opts := &detectOptions{g: g}
	cmd := &cobra.Command{
		Use:   "detect [--among TAG,TAG...] [--explain] [FILE...]",
		Short: "Rank the varieties a text sounds like",
		Long: `Rank, for each record's text, the varieties of Spanish it sounds like, with
probabilities that sum to 1, and name the most probable one ("dialect"). The
evidence: the lexicon's usage of each word per variety, address forms (voseo
and its paradigm, vosotros, tuteo), currency symbols and decimal commas or
points, names of places, currencies, institutions, public figures and
organisations (align/data/places.yaml), and cue words derived from DSL-TL and
ACTIV-ES training data. A name is strong evidence (4 nats): a text about
Madrid reads as Peninsular whoever wrote it; --explain shows which name did it.

When the best variety's score beats the runner-up by less than the calibrated
margin (2 nats, chosen on DSL-TL training data), the evidence is too weak:
the record says "dialect":"es" and gives the best guess as "runner_up". Many
texts carry no regional marker at all, and saying so is the right answer.
When the close varieties share a region ("region":"rioplatense" for voseo,
which alone cannot tell Argentina from Uruguay; "es-419" for words said
across the Americas), the record names it.

The candidates are every country-level variety (es-AR, es-ES, es-MX…) unless
--among restricts them. --explain lists, per variety, the evidence for and
against it with its weight in nats.` + streamFlagsHelp + exitStatusHelp,
		Example: `  # Which variety does each output sound like?
  habla detect outputs.jsonl

  # Rioplatense or Peninsular only, with the evidence
  habla detect --among es-AR,es-ES --explain outputs.jsonl

  # One sentence per line of plain text
  echo '¿Vos sabés dónde dejé el auto?' | habla detect --input-format text`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.files = args
			if err := opts.complete(cmd); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return detectRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringSliceVar(&opts.among, "among", nil, "candidate varieties, comma-separated (default: every country-level variety)")
	cmd.Flags().BoolVar(&opts.explain, "explain", false, "list the evidence for and against each variety")
	cmd.Flags().StringVar(&opts.model, "model", "", modelFlagHelp)
	opts.stream.register(cmd)
	return cmd
}

func (o *detectOptions) complete(cmd *cobra.Command) error {
	c, err := o.g.loadConfig()
	if err != nil {
		return err
	}
	o.stream.applyConfig(cmd, c)
	if o.candidates, err = resolveAmong(o.among); err != nil {
		return err
	}
	o.lexicon, err = o.g.loadLexicon()
	return err
}

// resolveAmong resolves --among; nil when not given.
func resolveAmong(tags []string) ([]*dialects.Profile, error) {
	if len(tags) == 0 {
		return nil, nil
	}
	set, err := dialects.Load()
	if err != nil {
		return nil, err
	}
	var out []*dialects.Profile
	for _, t := range tags {
		p, err := set.Resolve(strings.TrimSpace(t))
		if err != nil {
			return nil, usageErr(fmt.Errorf("--among: %w", err))
		}
		for _, q := range out {
			if q == p {
				return nil, usageErr(fmt.Errorf("--among: %s given twice", p.Tag))
			}
		}
		out = append(out, p)
	}
	if len(out) < 2 {
		return nil, usageErr(fmt.Errorf("--among: give at least two varieties (e.g. --among es-AR,es-ES)"))
	}
	return out, nil
}

func detectRun(ctx context.Context, o *detectOptions) error {
	cfg, err := o.stream.engineConfig(o.g.io.ErrOut)
	if err != nil {
		return err
	}
	dopts := align.DetectOptions{Among: o.candidates, Lexicon: o.lexicon}
	if err := loadModel(o.model, &dopts); err != nil {
		return err
	}
	d, err := align.NewDetector(dopts)
	if err != nil {
		return usageErr(err)
	}
	newMap := func() jsonl.MapFunc {
		w := d.NewWorker()
		return func(rec *jsonl.Record, dst []byte) ([]byte, error) {
			det := w.Detect(rec.Text, o.explain)
			return det.AppendJSON(dst), nil
		}
	}
	return runStream(ctx, cfg, o.files, o.g.io, newMap)
}
