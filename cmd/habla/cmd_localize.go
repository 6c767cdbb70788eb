package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/habla-es/habla/dialects"
	"github.com/habla-es/habla/internal/jsonl"
	"github.com/habla-es/habla/lexicon"
	"github.com/habla-es/habla/localize"
)

type localizeOptions struct {
	g          *globalOptions
	target     string
	confidence float64
	dryRun     bool
	termbase   string
	stream     streamOptions
	files      []string
	// set in RunE
	profile *dialects.Profile
	lexicon *lexicon.Lexicon
	terms   *localize.Termbase
}

func newLocalizeCmd(g *globalOptions, runF func(*localizeOptions) error) *cobra.Command {
	opts := &localizeOptions{g: g}
	cmd := &cobra.Command{
		Use:   "localize --target TAG [FILE...]",
		Short: "Make the safe rewrites toward a target variety; list the rest as tasks",
		Long: `Rewrite each record's text toward the target variety, applying only what
is safe, and add the result: localized (the new text), edits (start, end,
byte_start, byte_end, from, to, rule, confidence; offsets into the input
text, in code points and in bytes) and tasks (what it could not decide, with
suggestions and the reason: ambiguous, low-confidence, agreement, overlap,
code, partial, unstable or manual). The input text itself is never changed.

What is applied:
  lexical      a word foreign in the target with a single common word there
               (ordenador → computadora), with its determiner (el → la); a
               task when a word beside the noun may have to agree with it
  address      tú → vos where the target vosea (es-AR, es-UY…), vos → tú
               where it does not use vos, vosotros → ustedes with os and
               vuestro where the target says ustedes; os veo (los, las or
               les?) and other ambiguous forms become tasks, and then the
               whole conversion does: a text half in tú and half in vos
               is worse than either
  conventions  decimal and grouping separators, quotation marks (all the
               text's marks together) and the place of a currency sign

Each edit has a confidence; those below --confidence become tasks, and so
do overlapping edits, edits inside code, markup, {placeholders} or URLs,
and every other finding of habla align. Localizing a localized text changes
nothing: where the edits would make the text read differently and call for
more edits, none is applied.

A termbase (--termbase FILE) is the product's glossary, as in a CAT tool:
it overrides the lexicon for the words it lists. TSV with the header
"source<TAB>variety<TAB>target", then one row per source word and variety:
the word to use, or "keep" for no change; more columns are evidence and
are not read; lines starting with # are comments. Only the rows of the
target's tag apply. A word the termbase keeps is neither edited nor a task;
a word it chooses is edited with confidence 1 (an edit whose determiner or
adjective may have to agree with another gender is still a task), and
is never edited itself. It acts on the words habla's lexicon flags (a word
of several senses, which align leaves to a human, only by "keep"). "habla
localize termbase" mines one from parallel data.` + streamFlagsHelp + exitStatusHelp,
		Example: `  # Rioplatense target, JSONL in and out
  habla localize --target es-AR < outputs.jsonl > localized.jsonl

  # One sentence per line of plain text
  echo '¿Vosotros queréis venir?' | habla localize --target es-MX --input-format text

  # List the edits without producing the new text
  echo 'Tú tienes que venir, siéntate' | habla localize --target es-AR --input-format text --dry-run

  # Apply only the surest edits; the rest become tasks
  habla localize --target es-CL --confidence 0.9 outputs.jsonl

  # The team's glossary first (mined with habla localize termbase)
  habla localize --target es-MX --termbase glosario.tsv outputs.jsonl`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.files = args
			if err := opts.complete(cmd); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return localizeRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVarP(&opts.target, "target", "t", "", "target variety: a tag (es-AR) or a name (rioplatense); see habla dialects list")
	cmd.Flags().Float64Var(&opts.confidence, "confidence", localize.DefaultConfidence, "apply only edits with at least this confidence (0 < c ≤ 1); the others become tasks")
	cmd.Flags().BoolVar(&opts.dryRun, "dry-run", false, "list the edits but leave out the localized text")
	cmd.Flags().StringVar(&opts.termbase, "termbase", "", "a termbase (TSV: source, variety, target or keep) that overrides the lexicon (habla.yaml: termbase)")
	opts.stream.register(cmd)
	cmd.AddCommand(newLocalizeTermbaseCmd(g, nil))
	return cmd
}

// complete merges habla.yaml into the flags and validates them.
func (o *localizeOptions) complete(cmd *cobra.Command) error {
	c, err := o.g.loadConfig()
	if err != nil {
		return err
	}
	o.stream.applyConfig(cmd, c)
	if o.profile, err = targetOf(cmd, c, o.target, "localize", "es-AR"); err != nil {
		return err
	}
	if o.confidence <= 0 || o.confidence > 1 {
		return usageErr(fmt.Errorf("--confidence %v: want a number above 0 and at most 1", o.confidence))
	}
	if o.lexicon, err = o.g.loadLexicon(); err != nil {
		return err
	}
	if !cmd.Flags().Changed("termbase") {
		o.termbase = firstNonEmpty(c.Termbase, o.termbase)
	}
	if o.termbase != "" {
		if o.terms, err = localize.LoadTermbase(o.termbase); err != nil {
			return usageErr(fmt.Errorf("--termbase: %w", err))
		}
		if err := checkTermbaseVarieties(o.termbase, o.terms); err != nil {
			return usageErr(fmt.Errorf("--termbase: %w", err))
		}
		if len(o.terms.For(o.profile.Tag)) == 0 {
			fmt.Fprintf(o.g.io.ErrOut, "habla: localize: warning: --termbase %s has no rows for %s\n", o.termbase, o.profile.Tag)
		}
	}
	return nil
}

func localizeRun(ctx context.Context, o *localizeOptions) error {
	cfg, err := o.stream.engineConfig(o.g.io.ErrOut)
	if err != nil {
		return err
	}
	l, err := localize.New(localize.Options{Target: o.profile, Lexicon: o.lexicon, Confidence: o.confidence, Termbase: o.terms})
	if err != nil {
		return usageErr(err)
	}
	newMap := func() jsonl.MapFunc {
		w := l.NewWorker()
		return func(rec *jsonl.Record, dst []byte) ([]byte, error) {
			res := w.Localize(rec.Text)
			return res.AppendJSON(dst, o.dryRun), nil
		}
	}
	return runStream(ctx, cfg, o.files, o.g.io, newMap)
}

// checkTermbaseVarieties requires each row's variety to be a known tag as
// habla writes it (a name such as rioplatense would never match a target).
func checkTermbaseVarieties(path string, tb *localize.Termbase) error {
	set, err := dialects.Load()
	if err != nil {
		return err
	}
	for _, t := range tb.Terms {
		p, err := set.Resolve(t.Variety)
		switch {
		case err != nil:
			return fmt.Errorf("%s:%d:%d: variety %q: %w", path, t.Line, len(t.Source)+2, t.Variety, err)
		case !strings.EqualFold(p.Tag, t.Variety):
			return fmt.Errorf("%s:%d:%d: variety %q: write its tag, %s", path, t.Line, len(t.Source)+2, t.Variety, p.Tag)
		}
	}
	return nil
}
