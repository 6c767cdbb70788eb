package corpus

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/es"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	unicodetok "github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	bolterrors "go.etcd.io/bbolt/errors"
)

// The fields of a document. Text is analyzed for Spanish (stemmed, so a
// search for casa finds casas); the others are keywords.
const (
	fieldText    = "text"
	fieldVariety = "variety"
	fieldSource  = "source"
	fieldID      = "doc"
	fieldOrigin  = "origin"

	// textAnalyzer is bleve's Spanish light stemming over lowercase
	// words, without the stop list (a concordance of que or no is a fair
	// question) and without accent folding: sabés is not sabes, and a
	// corpus of varieties must tell them apart.
	textAnalyzer = "habla_corpus_es"

	shardPrefix = "shard-"
	buildPrefix = ".shard-build-"
)

// openTimeout bounds the wait for a shard's file lock: a second process
// gets an answer, never a hang.
var openTimeout = 3 * time.Second

// DefaultShardSize is the number of documents a shard holds before the
// next one is started.
const DefaultShardSize = 100_000

// DefaultDir is where the corpus lives when no directory is given: the
// user cache directory ($XDG_CACHE_HOME, else ~/.cache on Linux), habla,
// corpus.
func DefaultDir() (string, error) {
	d, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("corpus: no cache directory (set $XDG_CACHE_HOME): %w", err)
	}
	return filepath.Join(d, "habla", "corpus"), nil
}

// Corpus is an open corpus index: one bleve index per shard, searched
// through an alias. Open it read-only to read, writable to add; Close it.
type Corpus struct {
	dir      string
	writable bool
	shards   []bleve.Index
	alias    bleve.IndexAlias
}

// Open opens the corpus in dir ("" means DefaultDir). A read-only corpus
// must exist; a writable one is created if needed. Writers hold the shards
// exclusively: a second process waits openTimeout, then gets an error
// saying the corpus is locked.
func Open(dir string, writable bool) (*Corpus, error) {
	if dir == "" {
		var err error
		if dir, err = DefaultDir(); err != nil {
			return nil, err
		}
	}
	if writable {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("corpus %s: %w", dir, err)
		}
		removeStaleBuilds(dir)
	}
	names, err := shardNames(dir)
	if err != nil {
		return nil, err
	}
	if len(names) == 0 && !writable {
		return nil, fmt.Errorf("corpus %s: no corpus here yet (add texts with habla corpus add)", dir)
	}
	c := &Corpus{dir: dir, writable: writable}
	for _, n := range names {
		idx, err := openShard(filepath.Join(dir, n), writable)
		if err != nil {
			c.Close()
			return nil, err
		}
		c.shards = append(c.shards, idx)
	}
	c.alias = bleve.NewIndexAlias(c.shards...)
	return c, nil
}

// staleBuild is how old a shard build directory left by a crashed
// process must be before a writer removes it.
var staleBuild = time.Hour

// removeStaleBuilds removes, best effort, shard builds abandoned for
// staleBuild (a process killed while creating a shard).
func removeStaleBuilds(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), buildPrefix) {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > staleBuild {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
}

// shardNames lists the shard directories of dir in order; a missing dir
// has none.
func shardNames(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("corpus %s: %w", dir, err)
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), shardPrefix) {
			names = append(names, e.Name())
		}
	}
	slices.Sort(names)
	return names, nil
}

func openShard(path string, writable bool) (bleve.Index, error) {
	cfg := map[string]any{"bolt_timeout": openTimeout.String()}
	if !writable {
		cfg["read_only"] = true
	}
	idx, err := bleve.OpenUsing(path, cfg)
	if err != nil {
		if errors.Is(err, bolterrors.ErrTimeout) {
			return nil, fmt.Errorf("corpus %s: locked by another process (waited %s): %w", path, openTimeout, err)
		}
		return nil, fmt.Errorf("corpus %s: cannot open: %w", path, err)
	}
	return idx, nil
}

// Dir is the directory the corpus lives in.
func (c *Corpus) Dir() string { return c.dir }

// Shards is the number of shards.
func (c *Corpus) Shards() int { return len(c.shards) }

// Close releases the shards' files.
func (c *Corpus) Close() error {
	var errs []error
	for _, s := range c.shards {
		errs = append(errs, s.Close())
	}
	c.shards = nil
	return errors.Join(errs...)
}

// DocCount is the number of documents in every shard.
func (c *Corpus) DocCount() (uint64, error) {
	var n uint64
	for _, s := range c.shards {
		k, err := s.DocCount()
		if err != nil {
			return 0, err
		}
		n += k
	}
	return n, nil
}

// has reports whether some shard holds the document id.
func (c *Corpus) has(id string) (bool, error) {
	for _, s := range c.shards {
		d, err := s.Document(id)
		if err != nil {
			return false, err
		}
		if d != nil {
			return true, nil
		}
	}
	return false, nil
}

// newShard creates the next shard: built empty in a temporary directory
// and renamed into place, so a shard directory is always a whole index.
func (c *Corpus) newShard() (bleve.Index, error) {
	tmp, err := os.MkdirTemp(c.dir, buildPrefix+"*")
	if err != nil {
		return nil, fmt.Errorf("corpus %s: %w", c.dir, err)
	}
	os.RemoveAll(tmp) // bleve wants to create the directory itself
	m, err := newMapping()
	if err != nil {
		return nil, err
	}
	idx, err := bleve.NewUsing(tmp, m, scorch.Name, scorch.Name, nil)
	if err != nil {
		os.RemoveAll(tmp)
		return nil, fmt.Errorf("corpus %s: new shard: %w", tmp, err)
	}
	if err := idx.Close(); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	path := filepath.Join(c.dir, fmt.Sprintf("%s%04d", shardPrefix, len(c.shards)))
	if err := os.Rename(tmp, path); err != nil {
		os.RemoveAll(tmp)
		return nil, fmt.Errorf("corpus %s: %w", path, err)
	}
	idx, err = openShard(path, true)
	if err != nil {
		return nil, err
	}
	c.shards = append(c.shards, idx)
	c.alias.Add(idx)
	return idx, nil
}

// newMapping is the index mapping: one document per text.
func newMapping() (*mapping.IndexMappingImpl, error) {
	im := bleve.NewIndexMapping()
	err := im.AddCustomAnalyzer(textAnalyzer, map[string]any{
		"type":          custom.Name,
		"tokenizer":     unicodetok.Name,
		"token_filters": []any{lowercase.Name, es.LightStemmerName},
	})
	if err != nil {
		return nil, err
	}
	doc := bleve.NewDocumentStaticMapping()
	text := bleve.NewTextFieldMapping()
	text.Analyzer = textAnalyzer
	text.Store = true
	text.IncludeTermVectors = true // match locations, for the concordance
	text.IncludeInAll = false
	doc.AddFieldMappingsAt(fieldText, text)
	for _, f := range []string{fieldVariety, fieldSource, fieldID} {
		km := bleve.NewKeywordFieldMapping()
		km.Analyzer = keyword.Name
		km.Store = true
		km.IncludeInAll = false
		km.DocValues = true
		doc.AddFieldMappingsAt(f, km)
	}
	origin := bleve.NewTextFieldMapping()
	origin.Index = false
	origin.Store = true
	origin.IncludeInAll = false
	doc.AddFieldMappingsAt(fieldOrigin, origin)
	im.DefaultMapping = doc
	im.DefaultField = fieldText
	im.DefaultAnalyzer = textAnalyzer
	return im, nil
}
