package main

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/habla-es/habla/align"
)

// scoreOptions are align's: the same target, weights and lexicon, with a
// compact record.
type scoreOptions struct {
	alignOptions
}

func newScoreCmd(g *globalOptions, runF func(*scoreOptions) error) *cobra.Command {
	opts := &scoreOptions{alignOptions{g: g, name: "score"}}
	cmd := &cobra.Command{
		Use:   "score --target TAG [FILE...]",
		Short: "Only the numbers: naturalness, fit and counts of findings",
		Long: `Align each record's text with the target variety, as habla align does, and
add only the numbers a pipeline needs: naturalness (100 − 100 · APT /
max(words, 20)), fit (the probability of the target under habla detect),
the number of findings, and their counts by kind and by severity. The
findings themselves are left out; run habla align to see them.

  {"v":1,"target":"es-VE","words":17,"naturalness":70.6,"fit":0.004,
   "findings":2,"kinds":{"lexical":2},"severities":{"major":2}}` + streamFlagsHelp + exitStatusHelp,
		Example: `  # Numbers only, Mexican target
  habla score --target es-MX outputs.jsonl > scores.jsonl

  # The mean naturalness of a file, with jq
  habla score --target es-VE outputs.jsonl | jq -s 'map(.habla.naturalness) | add / length'`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.files = args
			if err := opts.complete(cmd); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return scoreRun(cmd.Context(), opts)
		},
	}
	opts.register(cmd)
	return cmd
}

func scoreRun(ctx context.Context, o *scoreOptions) error {
	return runAligned(ctx, &o.alignOptions, func(res *align.Result, dst []byte) []byte {
		return res.AppendScoreJSON(dst)
	})
}
