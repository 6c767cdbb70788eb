package main

import (
	"fmt"

	"github.com/habla-es/habla/align"
	"github.com/habla-es/habla/corpus"
)

// modelFlagHelp is the help of --model, shared by align, score and detect.
const modelFlagHelp = "a variety model from habla corpus train, added to detection's own evidence"

// loadScorer loads the variety model at path for detection; "" is none.
// The model's scores are log-probabilities (its scale is fitted on
// held-out training documents), so detection adds them to its evidence
// as they are.
func loadScorer(path string) (align.Scorer, error) {
	if path == "" {
		return nil, nil
	}
	m, err := corpus.LoadModel(path)
	if err != nil {
		return nil, usageErr(fmt.Errorf("--model: %w", err))
	}
	return m, nil
}
