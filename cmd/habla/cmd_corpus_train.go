package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/habla-es/habla/corpus"
)

func newCorpusTrainCmd(g *globalOptions) *cobra.Command {
	var indexDir, out string
	var noRules bool
	cmd := &cobra.Command{
		Use:   "train [--out FILE]",
		Short: "Train the variety model on every document of the corpus",
		Long: `Train a model of the corpus's varieties: multinomial naive Bayes over the
character 1–5-grams of each lowercase word (padded with spaces, accents
kept), the words themselves and pairs of consecutive words, hashed into
2^20 buckets, each feature
counted once per 100 words, add-0.1 smoothing, uniform priors. Naive Bayes
was chosen over a logistic model by a measurement on held-out training data
(EVALUATION.md): it was as accurate or better and trained several times
faster.

Naive Bayes is overconfident (it counts overlapping n-grams as independent
evidence), so a scale is fitted on about a fifth of the documents held out
from a first model, cut in 30-word pieces, by minimising the log-loss; the
scaled scores read as log-probabilities, in nats.

Dialect detection (detect, align, score with --model) adds the model's
scores to its own evidence (lexicon, address, cue words, names, formats)
times a weight, fitted on the same held-out pieces: the weight that
minimises the log-loss of the sum, so that the model counts as much as it
adds to what the rules already know. --no-rules leaves the weight at 1
(for varieties habla has no profile of).

Texts added with --dialect es (Spanish with no regional marker, such as
DSL-TL's "ES" sentences) are not a variety of the model: they calibrate
when detection with the model abstains. The margin (in nats, between the
best variety and the runner-up among the model's varieties) that
maximises the macro-F1 over the varieties and abstention, on the held-out
pieces of the sources that have such texts and on those texts, is stored
in the model and used by --model.

The model file (default: variety.model in the corpus directory) records the
format version, a hash of the training documents and the varieties. Train
only on data you may train on: habla's published figures use the ACTIV-ES
train split and DSL-TL ES_train.tsv, nothing else.` + exitStatusHelp,
		Example: `  habla corpus train
  habla corpus train --index ./mi-corpus --out mi-modelo.model`,
		Args: cobra.NoArgs,
		RunE: func(_ *cobra.Command, _ []string) error {
			c, err := corpus.Open(indexDir, false)
			if err != nil {
				return err
			}
			defer c.Close()
			if out == "" {
				out = filepath.Join(c.Dir(), "variety.model")
			}
			var opts corpus.TrainOptions
			if !noRules {
				lex, err := g.loadLexicon()
				if err != nil {
					return err
				}
				opts.NewRules = newTrainRules(lex)
			}
			start := time.Now()
			m, err := c.Train(opts)
			if err != nil {
				return err
			}
			if err := m.Save(out); err != nil {
				return err
			}
			writeTrainSummary(g, m, out, time.Since(start))
			return nil
		},
	}
	addIndexFlag(cmd, &indexDir)
	cmd.Flags().StringVar(&out, "out", "", "write the model here (default: variety.model in the corpus directory)")
	cmd.Flags().BoolVar(&noRules, "no-rules", false, "do not fit the model's weight beside detection's rules (weight 1)")
	return cmd
}

func writeTrainSummary(g *globalOptions, m *corpus.Model, path string, took time.Duration) {
	var parts []string
	for i, v := range m.Varieties {
		parts = append(parts, fmt.Sprintf("%s %d documents %d words", v, m.Docs[i], m.Tokens[i]))
	}
	size := int64(0)
	if st, err := os.Stat(path); err == nil {
		size = st.Size()
	}
	if m.General > 0 {
		parts = append(parts, fmt.Sprintf("es (no marker, for abstention) %d documents", m.General))
	}
	fmt.Fprintf(g.io.ErrOut, "habla: corpus train: %s\n", strings.Join(parts, "; "))
	weight := "1 (not fitted)"
	if m.Weight > 0 {
		weight = fmt.Sprintf("%.3f", m.Weight)
	}
	abstain := ""
	switch {
	case m.Abstain > 0:
		abstain = fmt.Sprintf(", abstention margin %.2f", m.Abstain)
	case m.General > 0:
		abstain = ", abstention not calibrated (no held-out texts of the sources of the es texts)"
	}
	fmt.Fprintf(g.io.ErrOut, "habla: corpus train: %s (%.1f MB, corpus %s, scale %.4f, weight beside the rules %s%s) in %s\n",
		path, float64(size)/1e6, m.CorpusHash, m.Scale, weight, abstain, took.Round(time.Millisecond))
}
