package align

import "github.com/habla-es/habla/token"

// IssueKey groups findings across records into one issue: the same kind,
// the same text (folded: case and vowel accents do not count), the same
// first suggestion (lowercased: it follows the text's capitals, but
// accents tell suggestions apart: sentate is vos's, séntate tú's) and the
// same target. Audit reports (package report) and grouped annotation tasks
// (package tasks, --group) both group by it.
type IssueKey struct {
	Kind       Kind
	Text       string
	Suggestion string
	Target     string
}

// KeyOf is the issue key of a finding of kind on text, with suggestions,
// in a record aligned for target.
func KeyOf(kind Kind, text string, suggestions []string, target string) IssueKey {
	k := IssueKey{Kind: kind, Text: token.Fold(text), Target: target}
	if len(suggestions) > 0 {
		k.Suggestion = token.Lower(suggestions[0])
	}
	return k
}
