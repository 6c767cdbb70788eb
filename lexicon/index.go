package lexicon

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/lang/es"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/unicodenorm"
	unicodetok "github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/habla-es/habla/dialects"
)

// The index's fields and analyzers. Forms are folded like token.Fold:
// NFC, lowercase, vowel accents off (bleve's normalize_es), ñ kept, no
// stemming, so a form is found as written, inflected or misspelt.
const (
	fieldID        = "id"
	fieldDomain    = "domain"
	fieldPOS       = "pos"
	fieldGlossEs   = "gloss_es"
	fieldGlossEn   = "gloss_en"
	fieldForms     = "forms"
	fieldVarieties = "varieties"
	fieldRegisters = "registers"

	formsAnalyzer = "habla_forms"
	nfcFilter     = "habla_nfc"

	indexPrefix = "lexicon-"
	buildPrefix = ".lexicon-build-"
)

var (
	// openTimeout bounds the wait for the index's file lock: a second
	// process gets an answer, never a hang.
	openTimeout = 3 * time.Second
	// pruneAfter is how long an index for another lexicon may go unused
	// before a build removes it; staleBuild, how old a build directory
	// left by a crashed process must be before it is removed.
	pruneAfter = 7 * 24 * time.Hour
	staleBuild = time.Hour
	// builds counts the indexes this process has built, for tests.
	builds atomic.Int64
)

// Index is a bleve index over a lexicon's concepts, for people searching
// (habla lexicon search); the hot path uses the Matcher. It is opened
// read-only and safe for concurrent searches; Close it when done.
type Index struct {
	lex *Lexicon
	idx bleve.Index
	dir string
	// facet sizes: every value, so that the counts are complete
	nVarieties, nDomains int
}

// DefaultIndexRoot is where indexes are cached when no directory is
// given: the user cache directory ($XDG_CACHE_HOME, else ~/.cache on
// Linux) and habla.
func DefaultIndexRoot() (string, error) {
	d, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("lexicon index: no cache directory (set $XDG_CACHE_HOME): %w", err)
	}
	return filepath.Join(d, "habla"), nil
}

// OpenIndex opens the index of l under the cache root (DefaultIndexRoot
// when root is ""), building it first if it is not there. The index lives
// in <root>/lexicon-<l.Hash()>, so a changed lexicon gets a new one. It
// is built in a temporary directory and renamed into place; when several
// processes build at once, the first rename wins and the others open it.
func OpenIndex(l *Lexicon, root string) (*Index, error) {
	if root == "" {
		var err error
		if root, err = DefaultIndexRoot(); err != nil {
			return nil, err
		}
	}
	if err := os.MkdirAll(root, 0o755); err != nil {
		return nil, fmt.Errorf("lexicon index %s: %w", root, err)
	}
	dir := filepath.Join(root, indexPrefix+l.Hash())
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		if err := build(l, root, dir); err != nil {
			return nil, err
		}
	}
	return openReadOnly(l, dir)
}

// openReadOnly opens a built index. Read-only opens share the file lock,
// and the lock wait is bounded in case something holds it exclusively.
func openReadOnly(l *Lexicon, dir string) (*Index, error) {
	idx, err := bleve.OpenUsing(dir, map[string]any{
		"read_only":    true,
		"bolt_timeout": openTimeout.String(),
	})
	if err != nil {
		if errors.Is(err, bolterrors.ErrTimeout) {
			return nil, fmt.Errorf("lexicon index %s: locked by another process (waited %s): %w", dir, openTimeout, err)
		}
		return nil, fmt.Errorf("lexicon index %s: cannot open (remove the directory to rebuild it): %w", dir, err)
	}
	now := time.Now()
	_ = os.Chtimes(dir, now, now) // marks it used, for pruning; best effort
	ix := &Index{lex: l, idx: idx, dir: dir, nVarieties: len(l.Dialects().Profiles())}
	ix.nDomains = len(domains(l))
	return ix, nil
}

// Close releases the index's files.
func (ix *Index) Close() error { return ix.idx.Close() }

// Dir is the directory the index lives in.
func (ix *Index) Dir() string { return ix.dir }

// build writes the index in a temporary directory under root and renames
// it to dir. Losing the rename to another process is not an error.
func build(l *Lexicon, root, dir string) error {
	tmp, err := os.MkdirTemp(root, buildPrefix+"*")
	if err != nil {
		return fmt.Errorf("lexicon index %s: %w", root, err)
	}
	if err := write(l, tmp); err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("lexicon index %s: build: %w", tmp, err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		os.RemoveAll(tmp)
		if _, serr := os.Stat(dir); serr == nil {
			return nil // another process renamed its build into place first
		}
		return fmt.Errorf("lexicon index %s: %w", dir, err)
	}
	builds.Add(1)
	prune(root, dir)
	return nil
}

// write indexes every concept of l into a new index at path.
func write(l *Lexicon, path string) error {
	m, err := newMapping()
	if err != nil {
		return err
	}
	idx, err := bleve.NewUsing(path, m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return err
	}
	b := idx.NewBatch()
	for _, c := range l.concepts {
		if err := b.Index(c.ID, l.document(c)); err != nil {
			idx.Close()
			return fmt.Errorf("%s: %w", c.ID, err)
		}
	}
	if b.Size() > 0 {
		if err := idx.Batch(b); err != nil {
			idx.Close()
			return err
		}
	}
	return idx.Close()
}

// prune removes, best effort, indexes of other lexicons unused for
// pruneAfter and builds abandoned for staleBuild. A process still reading
// a removed index keeps its open files.
func prune(root, keep string) {
	entries, err := os.ReadDir(root)
	if err != nil {
		return
	}
	for _, e := range entries {
		path := filepath.Join(root, e.Name())
		age := pruneAfter
		switch {
		case path == keep || !e.IsDir():
			continue
		case strings.HasPrefix(e.Name(), buildPrefix):
			age = staleBuild
		case !strings.HasPrefix(e.Name(), indexPrefix):
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > age {
			os.RemoveAll(path)
		}
	}
}

// newMapping is the index mapping: one document per concept.
func newMapping() (*mapping.IndexMappingImpl, error) {
	im := bleve.NewIndexMapping()
	err := im.AddCustomTokenFilter(nfcFilter, map[string]any{
		"type": unicodenorm.Name,
		"form": unicodenorm.NFC,
	})
	if err != nil {
		return nil, err
	}
	err = im.AddCustomAnalyzer(formsAnalyzer, map[string]any{
		"type":          custom.Name,
		"tokenizer":     unicodetok.Name,
		"token_filters": []any{nfcFilter, lowercase.Name, es.NormalizeName},
	})
	if err != nil {
		return nil, err
	}
	doc := bleve.NewDocumentStaticMapping()
	for _, f := range []string{fieldID, fieldDomain, fieldPOS, fieldVarieties, fieldRegisters} {
		doc.AddFieldMappingsAt(f, fieldMapping(keyword.Name, true))
	}
	doc.AddFieldMappingsAt(fieldGlossEs, fieldMapping(es.AnalyzerName, false))
	doc.AddFieldMappingsAt(fieldGlossEn, fieldMapping(en.AnalyzerName, false))
	doc.AddFieldMappingsAt(fieldForms, fieldMapping(formsAnalyzer, false))
	im.DefaultMapping = doc
	im.DefaultAnalyzer = formsAnalyzer
	return im, nil
}

// fieldMapping indexes a field with an analyzer; nothing is stored, the
// concepts come from the Lexicon. Term vectors give the matched terms;
// doc values serve the facets.
func fieldMapping(analyzer string, facet bool) *mapping.FieldMapping {
	fm := bleve.NewTextFieldMapping()
	fm.Analyzer = analyzer
	fm.Store = false
	fm.IncludeInAll = false
	fm.IncludeTermVectors = true
	fm.DocValues = facet
	return fm
}

// document is the bleve document of concept c.
func (l *Lexicon) document(c *Concept) map[string]any {
	var forms, registers []string
	for _, v := range c.Variants {
		for _, e := range surfaces(c, v) {
			forms = appendNew(forms, e.Surface)
		}
		registers = appendNew(registers, register(v))
	}
	return map[string]any{
		fieldID:        c.ID,
		fieldDomain:    c.Domain,
		fieldPOS:       c.POS,
		fieldGlossEs:   c.Gloss.Es,
		fieldGlossEn:   c.Gloss.En,
		fieldForms:     forms,
		fieldVarieties: l.atHome(c),
		fieldRegisters: registers,
	}
}

// atHome lists the tags of the varieties where some variant of c is
// common or used, resolved along each variety's parent chain.
func (l *Lexicon) atHome(c *Concept) []string {
	var tags []string
	for _, p := range l.set.Profiles() {
		for _, v := range c.Variants {
			if u, ok := l.Usage(v, p); ok && u.Level.AtHome() {
				tags = append(tags, p.Tag)
				break
			}
		}
	}
	return tags
}

func register(v *Variant) string {
	if v.Register == "" {
		return "neutral"
	}
	return v.Register
}

func appendNew(list []string, s string) []string {
	if s == "" || slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// domains lists the distinct domains of l's concepts, sorted.
func domains(l *Lexicon) []string {
	var ds []string
	for _, c := range l.concepts {
		ds = appendNew(ds, c.Domain)
	}
	slices.Sort(ds)
	return ds
}

// SearchOptions narrow a search.
type SearchOptions struct {
	// Dialect keeps the concepts with a variant common or used there.
	Dialect *dialects.Profile
	// Domain keeps the concepts of one domain (food, transport…).
	Domain string
	// Limit is the number of hits returned; 0 means 20.
	Limit int
}

// Hit is a concept found, with its score and what matched.
type Hit struct {
	Concept *Concept
	Score   float64
	// Matched are the variant forms (as written) and gloss words that
	// matched the query, forms first.
	Matched []string
}

// Facets count every concept matched (not only the hits returned) by the
// varieties it is at home in, its domain and its variants' registers.
type Facets struct {
	Varieties, Domains, Registers map[string]int
}

// Search finds the concepts matching q: a variant form in any variety
// and any inflection, accents and case ignored (ñ kept), one letter off
// for words of four letters or more; or a word of the Spanish or English
// gloss. Hits are ranked by score, ties by concept id. An empty q matches
// every concept the options let through.
func (ix *Index) Search(q string, opts SearchOptions) ([]Hit, Facets, error) {
	limit := opts.Limit
	if limit <= 0 {
		limit = 20
	}
	req := bleve.NewSearchRequestOptions(ix.query(q, opts), limit, 0, false)
	req.SortBy([]string{"-_score", "_id"})
	req.IncludeLocations = true
	req.AddFacet(fieldVarieties, bleve.NewFacetRequest(fieldVarieties, max(ix.nVarieties, 1)))
	req.AddFacet(fieldDomain, bleve.NewFacetRequest(fieldDomain, max(ix.nDomains, 1)))
	req.AddFacet(fieldRegisters, bleve.NewFacetRequest(fieldRegisters, 16))
	res, err := ix.idx.Search(req)
	if err != nil {
		return nil, Facets{}, fmt.Errorf("lexicon index %s: search %q: %w", ix.dir, q, err)
	}
	hits := make([]Hit, 0, len(res.Hits))
	for _, dm := range res.Hits {
		if c, ok := ix.lex.byID[dm.ID]; ok {
			hits = append(hits, Hit{Concept: c, Score: dm.Score, Matched: ix.matched(c, dm.Locations)})
		}
	}
	return hits, facetsOf(res.Facets), nil
}

// query is the text query, filtered by dialect and domain. Filters do not
// score: a concept at home in many varieties ranks as one at home in few.
func (ix *Index) query(q string, opts SearchOptions) query.Query {
	var text query.Query = bleve.NewMatchAllQuery()
	if strings.TrimSpace(q) != "" {
		text = ix.textQuery(q)
	}
	var filters []query.Query
	if opts.Dialect != nil {
		filters = append(filters, termQuery(fieldVarieties, opts.Dialect.Tag))
	}
	if opts.Domain != "" {
		filters = append(filters, termQuery(fieldDomain, opts.Domain))
	}
	if len(filters) == 0 {
		return text
	}
	bq := bleve.NewBooleanQuery()
	bq.AddMust(text)
	bq.AddFilter(bleve.NewConjunctionQuery(filters...))
	return bq
}

// textQuery matches forms (boost 3) and glosses (boost 1) through their
// own analyzers (the glosses are stemmed: a term query would miss), and
// each folded query word of four letters or more one edit away in forms.
func (ix *Index) textQuery(q string) query.Query {
	dq := bleve.NewDisjunctionQuery(
		matchQuery(fieldForms, q, 3),
		matchQuery(fieldGlossEs, q, 1),
		matchQuery(fieldGlossEn, q, 1),
	)
	for _, t := range ix.analyze(formsAnalyzer, q) {
		if utf8.RuneCountInString(t) >= 4 {
			fq := bleve.NewFuzzyQuery(t)
			fq.SetField(fieldForms)
			fq.SetFuzziness(1)
			dq.AddQuery(fq)
		}
	}
	return dq
}

func matchQuery(field, q string, boost float64) query.Query {
	mq := bleve.NewMatchQuery(q)
	mq.SetField(field)
	mq.SetBoost(boost)
	return mq
}

func termQuery(field, value string) query.Query {
	tq := bleve.NewTermQuery(value)
	tq.SetField(field)
	return tq
}

// analyze returns the distinct terms the named analyzer makes of s.
func (ix *Index) analyze(analyzer, s string) []string {
	a := ix.idx.Mapping().AnalyzerNamed(analyzer)
	if a == nil {
		return nil
	}
	var terms []string
	for _, t := range a.Analyze([]byte(s)) {
		terms = appendNew(terms, string(t.Term))
	}
	return terms
}

// matched maps the index terms a hit matched back to what people wrote:
// the variant forms with a matching surface, then the gloss words.
func (ix *Index) matched(c *Concept, locs search.FieldTermLocationMap) []string {
	var out []string
	if terms := locs[fieldForms]; len(terms) > 0 {
		for _, v := range c.Variants {
			if ix.variantMatched(c, v, terms) {
				out = appendNew(out, v.Form)
			}
		}
	}
	out = ix.glossMatched(out, c.Gloss.Es, es.AnalyzerName, locs[fieldGlossEs])
	return ix.glossMatched(out, c.Gloss.En, en.AnalyzerName, locs[fieldGlossEn])
}

func (ix *Index) variantMatched(c *Concept, v *Variant, terms search.TermLocationMap) bool {
	for _, e := range surfaces(c, v) {
		for _, t := range ix.analyze(formsAnalyzer, e.Surface) {
			if _, ok := terms[t]; ok {
				return true
			}
		}
	}
	return false
}

func (ix *Index) glossMatched(out []string, gloss, analyzer string, terms search.TermLocationMap) []string {
	if len(terms) == 0 {
		return out
	}
	for _, w := range strings.Fields(gloss) {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		for _, t := range ix.analyze(analyzer, w) {
			if _, ok := terms[t]; ok {
				out = appendNew(out, w)
				break
			}
		}
	}
	return out
}

func facetsOf(fr search.FacetResults) Facets {
	return Facets{
		Varieties: facetCounts(fr[fieldVarieties]),
		Domains:   facetCounts(fr[fieldDomain]),
		Registers: facetCounts(fr[fieldRegisters]),
	}
}

func facetCounts(r *search.FacetResult) map[string]int {
	m := map[string]int{}
	if r == nil {
		return m
	}
	for _, t := range r.Terms.Terms() {
		m[t.Term] = t.Count
	}
	return m
}
