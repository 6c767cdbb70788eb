package lexicon

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"io/fs"
	"maps"
	"slices"
)

// snapshotPath is the compiled form of the embedded YAML: the concepts as
// loaded and validated, gob-encoded. Parsing a megabyte of YAML costs a
// few hundred milliseconds; decoding this costs a few. The YAML stays the
// source of truth: the snapshot is used only when it records exactly the
// current files' contents, and TestSnapshot fails when it is stale
// (rewrite it with go test ./lexicon -run TestSnapshot -update).
const snapshotPath = "data/compiled.gob"

// snapshot is what the compiled file holds. Maps are flattened into
// slices: gob decodes them several times faster.
type snapshot struct {
	Inputs   []snapshotInput
	Concepts []flatConcept
	Entries  []flatEntry // the matcher, compiled
}

// flatEntry is one matcher entry: indexes into Concepts and their
// Variants, the surface and its key.
type flatEntry struct {
	Concept, Variant int
	Surface, Key     string
	Plural, Feminine bool
}

// compiledMatcher is a snapshot's matcher entries, kept by a Lexicon
// loaded from the snapshot alone, so that the matcher need not be
// compiled again.
type compiledMatcher struct {
	concepts []*Concept // in snapshot order
	entries  []flatEntry
}

func (cm *compiledMatcher) matcher(*Lexicon) *Matcher {
	m := newMatcher()
	for _, f := range cm.entries {
		c := cm.concepts[f.Concept]
		e := Entry{Concept: c, Variant: c.Variants[f.Variant], Surface: f.Surface, Plural: f.Plural, Feminine: f.Feminine}
		m.add(e, f.Key)
	}
	m.setPairKeys()
	return m
}

type flatConcept struct {
	ID, GlossEs, GlossEn, POS, Domain, Notes, File string
	Line                                           int
	Cites                                          []string // id, citation, id, citation…
	Variants                                       []flatVariant
}

type flatVariant struct {
	Form, Gender, Number, Plural, Feminine, Register, Notes string
	Polysemous                                              bool
	Forms, Sources                                          []string
	Usage                                                   []string // key, level, why, strength…
}

type snapshotInput struct {
	Path string
	Sum  [sha256.Size]byte
}

// matches reports whether the snapshot was made from exactly srcs.
func (s *snapshot) matches(srcs []source) bool {
	if len(s.Inputs) != len(srcs) {
		return false
	}
	for i, src := range srcs {
		if s.Inputs[i].Path != src.path || s.Inputs[i].Sum != src.sum() {
			return false
		}
	}
	return true
}

// concepts rebuilds the concepts the snapshot holds.
func (s *snapshot) concepts() []*Concept {
	out := make([]*Concept, len(s.Concepts))
	for i, f := range s.Concepts {
		c := &Concept{ID: f.ID, Gloss: Gloss{Es: f.GlossEs, En: f.GlossEn}, POS: f.POS,
			Domain: f.Domain, Notes: f.Notes, File: f.File, Line: f.Line,
			Cites: make(map[string]string, len(f.Cites)/2)}
		for k := 0; k+1 < len(f.Cites); k += 2 {
			c.Cites[f.Cites[k]] = f.Cites[k+1]
		}
		c.Variants = make([]*Variant, len(f.Variants))
		for j, fv := range f.Variants {
			v := &Variant{Form: fv.Form, Gender: fv.Gender, Number: fv.Number, Plural: fv.Plural,
				Feminine: fv.Feminine, Register: fv.Register, Notes: fv.Notes, Forms: fv.Forms,
				Polysemous: fv.Polysemous,
				Sources:    fv.Sources, Usage: make(map[string]Usage, len(fv.Usage)/4)}
			for k := 0; k+3 < len(fv.Usage); k += 4 {
				v.Usage[fv.Usage[k]] = Usage{Level: Level(fv.Usage[k+1]), Why: fv.Usage[k+2], Strength: fv.Usage[k+3]}
			}
			c.Variants[j] = v
		}
		out[i] = c
	}
	return out
}

func flatten(c *Concept) flatConcept {
	f := flatConcept{ID: c.ID, GlossEs: c.Gloss.Es, GlossEn: c.Gloss.En, POS: c.POS,
		Domain: c.Domain, Notes: c.Notes, File: c.File, Line: c.Line}
	for _, id := range sortedKeys(c.Cites) {
		f.Cites = append(f.Cites, id, c.Cites[id])
	}
	for _, v := range c.Variants {
		fv := flatVariant{Form: v.Form, Gender: v.Gender, Number: v.Number, Plural: v.Plural,
			Feminine: v.Feminine, Register: v.Register, Notes: v.Notes, Forms: v.Forms, Sources: v.Sources,
			Polysemous: v.Polysemous}
		for _, k := range sortedKeys(v.Usage) {
			u := v.Usage[k]
			fv.Usage = append(fv.Usage, k, string(u.Level), u.Why, u.Strength)
		}
		f.Variants = append(f.Variants, fv)
	}
	return f
}

func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }

// readSnapshot decodes the embedded snapshot, if there is one.
func readSnapshot() (*snapshot, bool) {
	data, err := fs.ReadFile(builtinFS, snapshotPath)
	if err != nil {
		return nil, false
	}
	var s snapshot
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&s); err != nil {
		return nil, false
	}
	return &s, true
}

// encodeSnapshot compiles the concepts loaded from srcs.
func encodeSnapshot(srcs []source, concepts []*Concept) ([]byte, error) {
	var s snapshot
	for i, c := range concepts {
		s.Concepts = append(s.Concepts, flatten(c))
		for j, v := range c.Variants {
			for _, e := range surfaces(c, v) {
				s.Entries = append(s.Entries, flatEntry{Concept: i, Variant: j, Surface: e.Surface,
					Key: matchKey(e.Surface), Plural: e.Plural, Feminine: e.Feminine})
			}
		}
	}
	for _, src := range srcs {
		s.Inputs = append(s.Inputs, snapshotInput{Path: src.path, Sum: src.sum()})
	}
	var buf bytes.Buffer
	err := gob.NewEncoder(&buf).Encode(&s)
	return buf.Bytes(), err
}
