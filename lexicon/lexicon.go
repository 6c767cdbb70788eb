package lexicon

import (
	"fmt"

	"gopkg.in/yaml.v3"
)

// Level is how a variant is used in a variety.
type Level string

// The usage levels, from most to least at home.
const (
	Common     Level = "common"     // the usual word there
	Used       Level = "used"       // said there, alongside a more usual one
	Understood Level = "understood" // known but sounds foreign
	Rare       Level = "rare"       // hardly known
	Avoid      Level = "avoid"      // taboo, vulgar or confusing there
)

// AtHome reports whether a variant at this level sounds native.
func (l Level) AtHome() bool { return l == Common || l == Used }

func (l Level) valid() bool {
	switch l {
	case Common, Used, Understood, Rare, Avoid:
		return true
	}
	return false
}

// Usage is a variant's level in one variety; Avoid carries why (in
// Spanish) and how strong ("mild" or "strong").
type Usage struct {
	Level    Level  `json:"level"`
	Why      string `json:"why,omitempty"`
	Strength string `json:"strength,omitempty"`
}

// UnmarshalYAML accepts a bare level (common) or a mapping
// {level: avoid, why: …, strength: …}.
func (u *Usage) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		u.Level = Level(n.Value)
		return nil
	}
	var aux struct {
		Level    Level  `yaml:"level"`
		Why      string `yaml:"why"`
		Strength string `yaml:"strength"`
	}
	if err := n.Decode(&aux); err != nil {
		return err
	}
	*u = Usage{Level: aux.Level, Why: aux.Why, Strength: aux.Strength}
	return nil
}

// MarshalYAML writes a bare level when there is nothing else to say.
func (u Usage) MarshalYAML() (any, error) {
	if u.Why == "" && u.Strength == "" {
		return string(u.Level), nil
	}
	return map[string]string{"level": string(u.Level), "why": u.Why, "strength": u.Strength}, nil
}

// Gloss says what a concept means.
type Gloss struct {
	Es string `yaml:"es" json:"es"`
	En string `yaml:"en" json:"en"`
}

// Variant is one way of saying a concept.
type Variant struct {
	Form     string   `yaml:"form" json:"form"`
	Gender   string   `yaml:"gender" json:"gender,omitempty"`
	Number   string   `yaml:"number" json:"number,omitempty"`
	Plural   string   `yaml:"plural" json:"plural,omitempty"`
	Feminine string   `yaml:"feminine" json:"feminine,omitempty"`
	Forms    []string `yaml:"forms" json:"forms,omitempty"`
	Register string   `yaml:"register" json:"register,omitempty"`
	// Polysemous says the form has common senses outside the concept
	// (servicio: service, not only the toilets); align reads it in the
	// concept's sense only when another word of the text shares the
	// concept's domain.
	Polysemous bool             `yaml:"polysemous" json:"polysemous,omitempty"`
	Usage      map[string]Usage `yaml:"usage" json:"usage"`
	Sources    []string         `yaml:"sources" json:"sources"`
	Notes      string           `yaml:"notes" json:"notes,omitempty"`

	index int // position in Lexicon.variants
}

// Concept is a meaning and the regional ways of saying it.
type Concept struct {
	ID       string     `yaml:"id" json:"id"`
	Gloss    Gloss      `yaml:"gloss" json:"gloss"`
	POS      string     `yaml:"pos" json:"pos"`
	Domain   string     `yaml:"domain" json:"domain"`
	Notes    string     `yaml:"notes" json:"notes,omitempty"`
	Variants []*Variant `yaml:"variants" json:"variants"`

	// File and Line say where the concept is defined.
	File string `yaml:"-" json:"file"`
	Line int    `yaml:"-" json:"line"`
	// Cites are the full citations of the source ids its variants use.
	Cites map[string]string `yaml:"-" json:"cites"`
}

// file is one lexicon YAML file.
type file struct {
	Domain   string            `yaml:"domain"`
	Sources  map[string]string `yaml:"sources"`
	Concepts []*Concept        `yaml:"concepts"`
}

// String is the concept id and its first variant, for messages.
func (c *Concept) String() string {
	if len(c.Variants) == 0 {
		return c.ID
	}
	return fmt.Sprintf("%s (%s)", c.ID, c.Variants[0].Form)
}
