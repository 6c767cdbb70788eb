package lexicon

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/habla-es/habla/dialects"
	"github.com/habla-es/habla/internal/yamlfile"
)

//go:embed data
var builtinFS embed.FS

// LoadError is a problem in a lexicon file: path, line, column, message.
type LoadError = yamlfile.Error

// Lexicon is a loaded, validated, immutable lexicon.
type Lexicon struct {
	set      *dialects.Set
	concepts []*Concept // sorted by id
	byID     map[string]*Concept
	variants []*Variant // every variant; Variant.index points here
	hash     string

	matcherOnce sync.Once
	matcher     *Matcher
	compiled    *compiledMatcher // from the snapshot, when loaded from it alone
}

// Builtin returns the embedded lexicon, loaded once.
var Builtin = sync.OnceValues(func() (*Lexicon, error) {
	set, err := dialects.Load()
	if err != nil {
		return nil, err
	}
	return Load(set)
})

// Load loads the embedded lexicon and then each pack (a YAML file or a
// directory of them) in order. A pack concept with a built-in id replaces
// the built-in concept; a later pack replaces an earlier one the same way.
func Load(set *dialects.Set, packs ...string) (*Lexicon, error) {
	b := newBuilder(set)
	b.addBuiltin()
	for _, p := range packs {
		if err := b.addPack(p); err != nil {
			return nil, err
		}
	}
	return b.finish()
}

// LoadPacks loads packs alone, without the built-in lexicon: for tests,
// and for teams that keep a lexicon of their own.
func LoadPacks(set *dialects.Set, packs ...string) (*Lexicon, error) {
	b := newBuilder(set)
	for _, p := range packs {
		if err := b.addPack(p); err != nil {
			return nil, err
		}
	}
	return b.finish()
}

// Validate checks packs on their own and against the built-in lexicon,
// returning every problem, each a *LoadError, joined.
func Validate(set *dialects.Set, packs ...string) error {
	_, err := Load(set, packs...)
	return err
}

// builder collects concepts from files, with their problems.
type builder struct {
	set     *dialects.Set
	byID    map[string]*Concept
	errs    []*LoadError
	hash    []byte
	current map[string]*Concept // ids defined by the source being read
	// compiled is the snapshot's matcher, usable while nothing but the
	// snapshot has been added.
	compiled *compiledMatcher
}

func newBuilder(set *dialects.Set) *builder {
	return &builder{set: set, byID: map[string]*Concept{}, current: map[string]*Concept{}}
}

// source is one lexicon file's name and contents.
type source struct {
	path string
	data []byte
	hash *[sha256.Size]byte // computed once
}

func (s source) sum() [sha256.Size]byte {
	if s.hash == nil {
		return sha256.Sum256(s.data)
	}
	return *s.hash
}

// builtinSources reads the embedded YAML files, named as in the repository.
func builtinSources() ([]source, error) {
	names, err := fs.Glob(builtinFS, "data/*.yaml")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	out := make([]source, 0, len(names))
	for _, name := range names {
		data, err := fs.ReadFile(builtinFS, name)
		if err != nil {
			return nil, err
		}
		sum := sha256.Sum256(data)
		out = append(out, source{path: "lexicon/" + name, data: data, hash: &sum})
	}
	return out, nil
}

// addBuiltin adds the embedded lexicon: from the compiled snapshot when it
// was made from exactly these YAML files (start-up stays fast), else from
// the YAML itself (an edit not yet compiled still takes effect).
func (b *builder) addBuiltin() {
	srcs, err := builtinSources()
	if err != nil {
		b.errs = append(b.errs, &LoadError{Path: "lexicon/data", Msg: err.Error()})
		return
	}
	if snap, ok := readSnapshot(); ok && snap.matches(srcs) {
		for _, s := range srcs {
			b.addHash(s)
		}
		concepts := snap.concepts()
		for _, c := range concepts {
			b.current[c.ID], b.byID[c.ID] = c, c
		}
		b.compiled = &compiledMatcher{concepts: concepts, entries: snap.Entries}
		return
	}
	for _, s := range srcs {
		b.addFile(s.path, s.data)
	}
}

func (b *builder) addHash(s source) {
	sum := s.sum()
	b.hash = append(append(b.hash, s.path...), sum[:]...)
}

func (b *builder) addPack(path string) error {
	b.compiled = nil                  // packs change the concepts: compile the matcher anew
	b.current = map[string]*Concept{} // ids may repeat across sources, not within one
	st, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("lexicon pack: %w", err)
	}
	if st.IsDir() {
		names, _ := filepath.Glob(filepath.Join(path, "*.yaml"))
		if len(names) == 0 {
			return fmt.Errorf("lexicon pack %s: no .yaml files", path)
		}
		sort.Strings(names)
		for _, n := range names {
			b.addPackFile(n)
		}
		return nil
	}
	b.addPackFile(path)
	return nil
}

func (b *builder) addPackFile(path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		b.errs = append(b.errs, &LoadError{Path: path, Msg: "cannot read: " + err.Error()})
		return
	}
	b.addFile(path, data)
}

// addFile decodes and checks one file and adds its concepts.
func (b *builder) addFile(path string, data []byte) {
	b.addHash(source{path: path, data: data})
	var f file
	doc := yamlfile.DecodeBytes(path, data, &f)
	if len(doc.Errs) > 0 {
		b.errs = append(b.errs, doc.Errs...)
		return
	}
	c := checker{set: b.set, doc: doc, file: &f}
	c.checkFile()
	b.errs = append(b.errs, doc.Errs...)
	if len(doc.Errs) > 0 {
		return
	}
	for i, con := range f.Concepts {
		con.File, con.Line = path, doc.Node(fmt.Sprintf("concepts[%d]", i)).Line
		if prev, dup := b.current[con.ID]; dup {
			doc.Fieldf(fmt.Sprintf("concepts[%d].id", i), "duplicate concept id %q (first at %s:%d)", con.ID, prev.File, prev.Line)
			b.errs = append(b.errs, doc.Errs[len(doc.Errs)-1])
			continue
		}
		b.current[con.ID] = con
		b.byID[con.ID] = con // a pack's concept replaces an earlier one
	}
}

// finish indexes the concepts and their variants.
func (b *builder) finish() (*Lexicon, error) {
	if len(b.errs) > 0 {
		return nil, yamlfile.JoinErrors(b.errs)
	}
	sum := sha256.Sum256(b.hash)
	l := &Lexicon{set: b.set, byID: b.byID, hash: hex.EncodeToString(sum[:8]), compiled: b.compiled}
	for _, c := range b.byID {
		l.concepts = append(l.concepts, c)
	}
	slices.SortFunc(l.concepts, func(x, y *Concept) int { return strings.Compare(x.ID, y.ID) })
	for _, c := range l.concepts {
		for _, v := range c.Variants {
			v.index = len(l.variants)
			l.variants = append(l.variants, v)
		}
	}
	return l, nil
}

// Concepts returns every concept, sorted by id.
func (l *Lexicon) Concepts() []*Concept { return l.concepts }

// Concept returns the concept with id.
func (l *Lexicon) Concept(id string) (*Concept, bool) {
	c, ok := l.byID[id]
	return c, ok
}

// Hash identifies the lexicon's inputs (files and their contents): an
// index built from one lexicon is valid for another with the same hash.
func (l *Lexicon) Hash() string { return l.hash }

// Dialects is the variety set the lexicon was checked against.
func (l *Lexicon) Dialects() *dialects.Set { return l.set }

// Usage is variant v's usage in profile p: the first key found along p's
// parent chain. ok is false when no key reaches p (unknown there).
func (l *Lexicon) Usage(v *Variant, p *dialects.Profile) (Usage, bool) {
	for _, id := range l.set.Chain(p) {
		if u, ok := v.Usage[id]; ok {
			return u, true
		}
	}
	return Usage{}, false
}
