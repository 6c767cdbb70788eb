package main

import (
	"fmt"
	"slices"

	"github.com/habla-es/habla/align"
	"github.com/habla-es/habla/corpus"
	"github.com/habla-es/habla/dialects"
	"github.com/habla-es/habla/lexicon"
)

// modelFlagHelp is the help of --model, shared by align, score and detect.
const modelFlagHelp = "a variety model from habla corpus train, added to detection's own evidence with the weight fitted in training"

// loadModel sets the variety model at path, the weight it was trained to
// have beside the rules and the abstention margin calibrated with it, in
// opts; "" is none. The model's scores are
// log-probabilities (its scale is fitted on held-out training documents).
func loadModel(path string, opts *align.DetectOptions) error {
	if path == "" {
		return nil
	}
	m, err := corpus.LoadModel(path)
	if err != nil {
		return usageErr(fmt.Errorf("--model: %w", err))
	}
	opts.Scorer, opts.ScorerWeight = m, m.Weight
	if m.Abstain > 0 {
		opts.Abstain = m.Abstain
	}
	return nil
}

// newTrainRules returns what corpus train weighs the model against:
// detection's own evidence among the model's varieties, with lex. The cue
// words of a source the corpus also holds (activ-es, dsl-tl: habla's
// shipped cue words come from them) are derived again from the fit
// documents of that source, so that the rules have not seen the documents
// held out to fit the weight.
func newTrainRules(lex *lexicon.Lexicon) func(tags []string, fit []corpus.Doc) (corpus.Rules, error) {
	return func(tags []string, fit []corpus.Doc) (corpus.Rules, error) {
		cues := map[string][]align.LabelledText{}
		sources := align.CueSources()
		for _, d := range fit {
			if slices.Contains(sources, d.Source) {
				cues[d.Source] = append(cues[d.Source], align.LabelledText{Variety: d.Variety, Text: d.Text})
			}
		}
		set, err := dialects.Load()
		if err != nil {
			return nil, err
		}
		var among []*dialects.Profile
		for _, t := range tags {
			p, err := set.Resolve(t)
			if err != nil {
				return nil, fmt.Errorf("%w (train with --no-rules)", err)
			}
			among = append(among, p)
		}
		d, err := align.NewDetector(align.DetectOptions{Among: among, Lexicon: lex, CueTexts: cues})
		if err != nil {
			return nil, err
		}
		return d.NewWorker(), nil
	}
}
