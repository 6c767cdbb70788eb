package align

import "fmt"

// Kind is the kind of a finding (DESIGN.md, "Findings").
type Kind string

// The finding kinds.
const (
	Lexical    Kind = "lexical"
	Taboo      Kind = "taboo"
	Address    Kind = "address"
	Morphology Kind = "morphology"
	Convention Kind = "convention"
	Review     Kind = "review"
)

// Severity is an MQM severity level.
type Severity string

// The MQM severities habla uses.
const (
	Minor    Severity = "minor"
	Major    Severity = "major"
	Critical Severity = "critical"
)

// ParseSeverity parses "minor", "major" or "critical".
func ParseSeverity(s string) (Severity, error) {
	switch Severity(s) {
	case Minor, Major, Critical:
		return Severity(s), nil
	}
	return "", fmt.Errorf("unknown severity %q (want minor, major or critical)", s)
}

// Rank orders severities: minor 1, major 2, critical 3.
func (s Severity) Rank() int {
	switch s {
	case Minor:
		return 1
	case Major:
		return 2
	case Critical:
		return 3
	}
	return 0
}

// Weights are the MQM severity multipliers. The zero value means the
// defaults of the MQM core typology: minor 1, major 5, critical 25.
type Weights struct {
	Minor, Major, Critical float64
}

// DefaultWeights are MQM's minor 1, major 5, critical 25.
var DefaultWeights = Weights{Minor: 1, Major: 5, Critical: 25}

// Of returns the weight of severity s.
func (w Weights) Of(s Severity) float64 {
	switch s {
	case Minor:
		return w.Minor
	case Major:
		return w.Major
	case Critical:
		return w.Critical
	}
	return 0
}

// Finding is one thing in a text that does not fit the target variety.
type Finding struct {
	Start, End         int // code points
	ByteStart, ByteEnd int // UTF-8 bytes
	Text               string
	Kind               Kind
	Severity           Severity
	Concept            string
	Suggestions        []string
	Confidence         float64 // 0..1
	Rule               string
	Message            string   // in Spanish, for the linguist and the annotator
	Sources            []string // lexicon source ids behind a lexical or taboo finding
	// Category is the MQM category when the kind alone does not decide
	// it: a convention finding names its format
	// ("locale-convention/date-format"), and an ambiguous currency is a
	// review finding about the currency format. Empty: the kind's own.
	Category string
}

// MQM is the finding's MQM category.
func (f *Finding) MQM() string {
	if f.Category != "" {
		return f.Category
	}
	// A kind's MQM core-typology category (a switch, not a map: it is
	// read for every finding written).
	switch f.Kind {
	case Lexical, Review:
		return "locale-convention/national-language-standard"
	case Taboo:
		return "audience-appropriateness/offensive"
	case Address:
		return "style/register"
	case Morphology:
		return "linguistic-conventions/grammar"
	}
	return ""
}
