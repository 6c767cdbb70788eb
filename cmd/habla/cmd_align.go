package main

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"

	"github.com/spf13/cobra"

	"github.com/habla-es/habla/align"
	"github.com/habla-es/habla/dialects"
	"github.com/habla-es/habla/internal/jsonl"
	"github.com/habla-es/habla/lexicon"
)

type alignOptions struct {
	g      *globalOptions
	name   string // the command, for messages: align or score
	target string
	failOn string
	model  string // --model: a corpus variety model for detection
	noFit  bool   // --no-detect: no fit and detected, for speed
	stream streamOptions
	files  []string
	// set in RunE
	profile *dialects.Profile
	weights align.Weights
	lexicon *lexicon.Lexicon
}

func newAlignCmd(g *globalOptions, runF func(*alignOptions) error) *cobra.Command {
	opts := &alignOptions{g: g, name: "align"}
	cmd := &cobra.Command{
		Use:   "align --target TAG [FILE...]",
		Short: "Check model outputs against a target variety",
		Long: `Check each record's text against the target variety and add what was found:
the findings (what sounds foreign there, where, and what to say instead) and
the naturalness score, 100 − 100 · APT / max(words, 20), where APT sums the
MQM severity weights of the findings (minor 1, major 5, critical 25 by
default; change them under severity: in habla.yaml).

Findings: address (vosotros, os and vuestro where the target says ustedes;
vos where the target tutea; tú where it vosea; tú and vos mixed; pronouns
and the verb forms of every tense, enclitics included), morphology (the
perfect for today's past where the target prefers the preterite, leísmo,
ustedes with a vosotros verb), lexical
(a word the lexicon says is foreign in the target, with the target's word),
taboo (a word vulgar or offensive in the target), convention (decimal and
grouping separators, foreign currencies, date order and month names, 12- or
24-hour clock and a. m./p. m., quotation marks, a missing ¿ or ¡; from the
target's profile, see habla dialects show) and review (a word foreign in one
of its senses only, or an ambiguous $: a human decides). Add lexicon packs
with --lexicon DIR or lexicon: in habla.yaml.

Each record also gets fit, the probability of the target variety under
habla detect (0..1: positive evidence, where naturalness measures the
absence of foreign features), and detected, the three most probable
varieties with their probabilities.` + streamFlagsHelp + exitStatusHelp,
		Example: `  # Venezuelan target, JSONL in and out
  habla align --target es-VE < outputs.jsonl > aligned.jsonl

  # Rioplatense target, the assistant's last message of chat logs
  habla align --target rioplatense --field messages.-1.content chats.jsonl

  # One sentence per line of plain text
  echo '¿Vosotros tenéis coche?' | habla align --target ve --input-format text

  # Convention findings: the decimal comma and 12-hour times of Caracas
  echo 'Cuesta 3.5 dólares y abre a las 14:00.' | habla align --target es-VE --input-format text

  # Fail a CI step when any record has a major finding
  habla align --target es-MX --fail-on major outputs.jsonl > /dev/null`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.files = args
			if err := opts.complete(cmd); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return alignRun(cmd.Context(), opts)
		},
	}
	opts.register(cmd)
	cmd.Flags().BoolVar(&opts.noFit, "no-detect", false, "leave out fit and detected (detection costs about a fifth of the time)")
	return cmd
}

// targetFlagHelp is the help of --target wherever it names the variety.
const targetFlagHelp = "target variety: a tag (es-VE) or a name (venezuelan, rioplatense); see habla dialects list"

// register adds the flags align and score share.
func (o *alignOptions) register(cmd *cobra.Command) {
	cmd.Flags().StringVarP(&o.target, "target", "t", "", targetFlagHelp)
	cmd.Flags().StringVar(&o.failOn, "fail-on", "", "exit 1 if any record has a finding at or above this severity: minor, major or critical")
	cmd.Flags().StringVar(&o.model, "model", "", modelFlagHelp)
	o.stream.register(cmd)
}

// complete merges habla.yaml into the flags and validates them.
func (o *alignOptions) complete(cmd *cobra.Command) error {
	c, err := o.g.loadConfig()
	if err != nil {
		return err
	}
	o.stream.applyConfig(cmd, c)
	if o.profile, err = targetOf(cmd, c, o.target, o.name, "es-VE"); err != nil {
		return err
	}
	if o.failOn != "" {
		if _, err := align.ParseSeverity(o.failOn); err != nil {
			return usageErr(fmt.Errorf("--fail-on: %w", err))
		}
	}
	o.weights = c.weights()
	o.lexicon, err = o.g.loadLexicon()
	return err
}

func alignRun(ctx context.Context, o *alignOptions) error {
	return runAligned(ctx, o, func(res *align.Result, dst []byte) []byte { return res.AppendJSON(dst) })
}

// runAligned aligns every record and writes what write makes of the
// Result: the full record (align) or the numbers (score).
func runAligned(ctx context.Context, o *alignOptions, write func(*align.Result, []byte) []byte) error {
	cfg, err := o.stream.engineConfig(o.g.io.ErrOut)
	if err != nil {
		return err
	}
	var det *align.Detector
	if !o.noFit {
		dopts := align.DetectOptions{Lexicon: o.lexicon}
		if err := loadModel(o.model, &dopts); err != nil {
			return err
		}
		var err error
		if det, err = align.NewDetector(dopts); err != nil {
			return err
		}
	} else if o.model != "" {
		return usageErr(errors.New("--model and --no-detect: the model only serves detection"))
	}
	a, err := align.New(align.Options{Target: o.profile, Weights: o.weights, Lexicon: o.lexicon, Detector: det})
	if err != nil {
		return usageErr(err)
	}
	failRank := align.Severity(o.failOn).Rank()
	var failing atomic.Int64
	newMap := func() jsonl.MapFunc {
		w := a.NewWorker()
		return func(rec *jsonl.Record, dst []byte) ([]byte, error) {
			res := w.AlignReused(rec.Text) // written out before the next record
			if failRank > 0 && res.MaxSeverity().Rank() >= failRank {
				failing.Add(1)
			}
			return write(res, dst), nil
		}
	}
	err = runStream(ctx, cfg, o.files, o.g.io, newMap)
	if err == nil && failing.Load() > 0 {
		return &findingsError{count: int(failing.Load()), severity: o.failOn}
	}
	return err
}

// targetOf is the command's target: the --target flag, else habla.yaml's
// target:, resolved; none is a usage error naming the command, with an
// example tag.
func targetOf(cmd *cobra.Command, c *config, flag, name, example string) (*dialects.Profile, error) {
	if !cmd.Flags().Changed("target") && c.Target != "" {
		flag = c.Target
	}
	if flag == "" {
		return nil, usageErr(fmt.Errorf("%s: --target is required (e.g. --target %s); see habla dialects list", name, example))
	}
	return resolveTarget(flag)
}

// resolveTarget resolves a variety tag or name; an unknown one is a usage
// error that names the bad part and lists what is supported.
func resolveTarget(s string) (*dialects.Profile, error) {
	set, err := dialects.Load()
	if err != nil {
		return nil, err
	}
	p, err := set.Resolve(s)
	if err != nil {
		return nil, usageErr(fmt.Errorf("--target: %w", err))
	}
	return p, nil
}
