package main

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/habla-es/habla/align"
)

// config is habla.yaml: defaults for flags, so a team can share one file.
// A flag given on the command line always wins over the file.
type config struct {
	path     string
	Target   string   `yaml:"target"`
	Workers  int      `yaml:"workers"`
	Key      string   `yaml:"key"`
	Field    string   `yaml:"field"`
	IDField  string   `yaml:"id-field"`
	MaxLine  int      `yaml:"max-line"`
	Severity severity `yaml:"severity"`
	Lexicon  []string `yaml:"lexicon"` // packs, relative to the config file
	// LexiconOnly leaves the built-in lexicon out: the packs are all.
	LexiconOnly bool `yaml:"lexicon-only"`
	// Termbase is the team's glossary for localize (--termbase),
	// relative to the config file.
	Termbase string `yaml:"termbase"`
}

// severity overrides the MQM severity weights.
type severity struct {
	Minor    *float64 `yaml:"minor"`
	Major    *float64 `yaml:"major"`
	Critical *float64 `yaml:"critical"`
}

// configError is a problem in habla.yaml, with its position.
type configError struct {
	path      string
	line, col int
	msg       string
}

func (e *configError) Error() string {
	if e.line == 0 {
		return fmt.Sprintf("%s: %s", e.path, e.msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.path, e.line, e.col, e.msg)
}

// loadConfig reads the config named by --config or $HABLA_CONFIG; with
// neither, it returns an empty config.
func (g *globalOptions) loadConfig() (*config, error) {
	if g.config != nil {
		return g.config, nil
	}
	path := g.configPath
	if path == "" && g.io.Env != nil {
		path = g.io.Env("HABLA_CONFIG")
	}
	c := &config{}
	if path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, usageErr(fmt.Errorf("config: %w", err))
		}
		if c, err = parseConfig(path, data); err != nil {
			return nil, usageErr(err)
		}
	}
	g.config = c
	return c, nil
}

// parseConfig decodes habla.yaml strictly: unknown keys and wrong types are
// errors that name the file, line and column.
func parseConfig(path string, data []byte) (*config, error) {
	c := &config{path: path}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if err.Error() == "EOF" {
			return c, nil
		}
		return nil, &configError{path: path, msg: strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, &configError{path, root.Line, root.Column, "expected a mapping of settings"}
	}
	fields := map[string]any{
		"target": &c.Target, "workers": &c.Workers, "key": &c.Key, "field": &c.Field,
		"id-field": &c.IDField, "max-line": &c.MaxLine, "severity": &c.Severity,
		"lexicon": &c.Lexicon, "lexicon-only": &c.LexiconOnly, "termbase": &c.Termbase,
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		dst, ok := fields[k.Value]
		if !ok {
			return nil, &configError{path, k.Line, k.Column, fmt.Sprintf("unknown setting %q (known: %s)", k.Value, knownKeys(fields))}
		}
		if err := decodeStrict(v, dst); err != nil {
			return nil, &configError{path, v.Line, v.Column, fmt.Sprintf("%s: %s", k.Value, err)}
		}
	}
	for i, p := range c.Lexicon {
		if !filepath.IsAbs(p) {
			c.Lexicon[i] = filepath.Join(filepath.Dir(path), p)
		}
	}
	if c.Termbase != "" && !filepath.IsAbs(c.Termbase) {
		c.Termbase = filepath.Join(filepath.Dir(path), c.Termbase)
	}
	return c, nil
}

// decodeStrict decodes one value node, rejecting unknown nested keys.
func decodeStrict(n *yaml.Node, dst any) error {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	if err := enc.Encode(n); err != nil {
		return err
	}
	dec := yaml.NewDecoder(&buf)
	dec.KnownFields(true)
	if err := dec.Decode(dst); err != nil {
		msg := err.Error()
		if i := strings.LastIndex(msg, ": "); i >= 0 && strings.Contains(msg, "line ") {
			msg = msg[i+2:]
		}
		return fmt.Errorf("%s", strings.TrimPrefix(msg, "yaml: "))
	}
	return nil
}

func knownKeys(m map[string]any) string {
	return strings.Join(slices.Sorted(maps.Keys(m)), ", ")
}

// weights returns the MQM severity weights, defaults where not set.
func (c *config) weights() align.Weights {
	w := align.DefaultWeights
	if c.Severity.Minor != nil {
		w.Minor = *c.Severity.Minor
	}
	if c.Severity.Major != nil {
		w.Major = *c.Severity.Major
	}
	if c.Severity.Critical != nil {
		w.Critical = *c.Severity.Critical
	}
	return w
}
