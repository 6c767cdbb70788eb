package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/habla-es/habla/dialects"
	"github.com/habla-es/habla/lexicon"
)

// searchColumns are the varieties the table shows when no --dialect is
// given: one from each big area.
var searchColumns = []string{"es-VE", "es-AR", "es-MX", "es-ES"}

type lexiconSearchOptions struct {
	g        *globalOptions
	query    string
	dialect  string
	domain   string
	limit    int
	format   string
	indexDir string
	// set in RunE
	profile *dialects.Profile
	table   bool
}

func newLexiconSearchCmd(g *globalOptions, runF func(*lexiconSearchOptions) error) *cobra.Command {
	opts := &lexiconSearchOptions{g: g}
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "Find concepts by any regional word or by their meaning",
		Long: `Find the lexicon's concepts by any of their regional words (coche, carro,
auto), in any number or gender (pochoclos), one letter off (cotuffas), or by
a word of their Spanish or English gloss (maíz, popcorn). Accents and case
do not matter; ñ does (año is not ano). The lexicon searched is the
built-in one with the packs of --lexicon (or lexicon: in habla.yaml).

With --dialect, only the concepts with a word at home (common or used) in
that variety are shown, with that word. Without it, the table shows the
usual words of es-VE, es-AR, es-MX and es-ES.

On a terminal, or with --format table, the output is a table; otherwise one
JSON object per concept, best match first:
  {"concept":…,"score":…,"gloss":{"es":…,"en":…},"domain":…,
   "variants":[{"form":…,"usage":{"es-VE":{"level":"common"},…}}],"matched":[…]}

The search index is built on first use and kept in the user cache directory
($XDG_CACHE_HOME/habla, usually ~/.cache/habla; --index DIR to change it),
one per version of the lexicon. No match is not an error: a note on stderr,
exit status 0.` + exitStatusHelp,
		Example: `  # Every word for popcorn: palomitas, cotufas, pochoclo…
  habla lexicon search cotufas
  habla lexicon search pochoclos

  # How do they say "car" in Venezuela?
  habla lexicon search car --dialect es-VE

  # Only the food domain, as JSON lines
  habla lexicon search palomitas --domain food --format jsonl

  # The ids of the five best matches
  habla lexicon search carro --limit 5 | jq -r .concept`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.query = args[0]
			if err := opts.complete(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return lexiconSearchRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.dialect, "dialect", "", "only concepts with a word at home in this variety: a tag (es-VE) or a name (venezuelan)")
	cmd.Flags().StringVar(&opts.domain, "domain", "", "only concepts of this domain (food, transport…)")
	cmd.Flags().IntVar(&opts.limit, "limit", 20, "show at most this many concepts")
	cmd.Flags().StringVar(&opts.format, "format", "", "output format: table or jsonl (default: table on a terminal, else jsonl)")
	cmd.Flags().StringVar(&opts.indexDir, "index", "", "keep the search index under this directory (default: $XDG_CACHE_HOME/habla)")
	return cmd
}

// complete validates the flags and resolves --dialect.
func (o *lexiconSearchOptions) complete() error {
	switch o.format {
	case "":
		o.table = o.g.io.OutTTY
	case "table", "jsonl":
		o.table = o.format == "table"
	default:
		return checkFormat(o.format, "table", "jsonl")
	}
	if o.limit < 1 {
		return usageErr(fmt.Errorf("--limit %d: want 1 or more", o.limit))
	}
	if strings.TrimSpace(o.query) == "" {
		return usageErr(errors.New("lexicon search: empty query (e.g. habla lexicon search cotufas)"))
	}
	if o.dialect == "" {
		return nil
	}
	set, err := dialects.Load()
	if err != nil {
		return err
	}
	if o.profile, err = set.Resolve(o.dialect); err != nil {
		return usageErr(fmt.Errorf("--dialect: %w", err))
	}
	return nil
}

// searchLexicon loads the lexicon to search: the built-in one and the
// user's packs (--lexicon, or lexicon: in habla.yaml).
func searchLexicon(g *globalOptions) (*lexicon.Lexicon, error) {
	return g.loadLexicon()
}

func lexiconSearchRun(o *lexiconSearchOptions) error {
	l, err := searchLexicon(o.g)
	if err != nil {
		return err
	}
	if err := checkDomain(l, o.domain); err != nil {
		return err
	}
	ix, err := lexicon.OpenIndex(l, o.indexDir)
	if err != nil {
		return err
	}
	defer ix.Close()
	hits, facets, err := ix.Search(o.query, lexicon.SearchOptions{Dialect: o.profile, Domain: o.domain, Limit: o.limit})
	if err != nil {
		return err
	}
	if len(hits) == 0 {
		fmt.Fprintf(o.g.io.ErrOut, "habla: no concept matches «%s»%s\n", o.query, o.scope())
		return nil
	}
	if !o.table {
		return writeSearchJSONL(o.g.io.Out, l, hits, o.profile)
	}
	if err := writeSearchTable(o.g.io.Out, l, hits, o.profile); err != nil {
		return err
	}
	writeSearchSummary(o.g.io.ErrOut, len(hits), facets)
	return nil
}

// scope says which filters a "no match" note applied.
func (o *lexiconSearchOptions) scope() string {
	var s string
	if o.profile != nil {
		s += " in " + o.profile.Tag
	}
	if o.domain != "" {
		s += " in domain " + o.domain
	}
	return s
}

// checkDomain rejects a --domain no concept has, listing those there are.
func checkDomain(l *lexicon.Lexicon, domain string) error {
	if domain == "" {
		return nil
	}
	var known []string
	for _, c := range l.Concepts() {
		if c.Domain == domain {
			return nil
		}
		if !slices.Contains(known, c.Domain) {
			known = append(known, c.Domain)
		}
	}
	slices.Sort(known)
	return usageErr(fmt.Errorf("--domain %q: no such domain (known: %s)", domain, strings.Join(known, ", ")))
}

// searchRecord is one hit as a JSON line.
type searchRecord struct {
	Concept  string          `json:"concept"`
	Score    float64         `json:"score"`
	Gloss    lexicon.Gloss   `json:"gloss"`
	Domain   string          `json:"domain"`
	Variants []searchVariant `json:"variants"`
	Matched  []string        `json:"matched,omitempty"`
}

// searchVariant is a variant's form and usage as in the data; with
// --dialect, Level is its usage there, resolved along the parent chain.
type searchVariant struct {
	Form  string                   `json:"form"`
	Usage map[string]lexicon.Usage `json:"usage"`
	Level lexicon.Level            `json:"level,omitempty"`
}

func writeSearchJSONL(w io.Writer, l *lexicon.Lexicon, hits []lexicon.Hit, p *dialects.Profile) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, h := range hits {
		c := h.Concept
		rec := searchRecord{Concept: c.ID, Score: math.Round(h.Score*1e4) / 1e4,
			Gloss: c.Gloss, Domain: c.Domain, Matched: h.Matched}
		for _, v := range c.Variants {
			sv := searchVariant{Form: v.Form, Usage: v.Usage}
			if u, ok := l.Usage(v, p); ok && p != nil {
				sv.Level = u.Level
			}
			rec.Variants = append(rec.Variants, sv)
		}
		if err := enc.Encode(rec); err != nil {
			return err
		}
	}
	return nil
}

func writeSearchTable(w io.Writer, l *lexicon.Lexicon, hits []lexicon.Hit, p *dialects.Profile) error {
	cols := []*dialects.Profile{p}
	if p == nil {
		cols = cols[:0]
		for _, tag := range searchColumns {
			if q, ok := l.Dialects().Profile(tag); ok {
				cols = append(cols, q)
			}
		}
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	header := []string{"CONCEPT"}
	for _, q := range cols {
		header = append(header, q.Tag)
	}
	fmt.Fprintln(tw, strings.Join(append(header, "GLOSS"), "\t"))
	for _, h := range hits {
		row := []string{h.Concept.ID}
		for _, q := range cols {
			row = append(row, wordsIn(l, h.Concept, q))
		}
		fmt.Fprintln(tw, strings.Join(append(row, glossOf(h.Concept)), "\t"))
	}
	return tw.Flush()
}

// wordsIn is what people in variety p call concept c: its common words,
// else the ones used there, else "-".
func wordsIn(l *lexicon.Lexicon, c *lexicon.Concept, p *dialects.Profile) string {
	for _, level := range []lexicon.Level{lexicon.Common, lexicon.Used} {
		var words []string
		for _, v := range c.Variants {
			if u, ok := l.Usage(v, p); ok && u.Level == level {
				words = append(words, v.Form)
			}
		}
		if len(words) > 0 {
			return strings.Join(words, ", ")
		}
	}
	return "-"
}

func glossOf(c *lexicon.Concept) string {
	switch {
	case c.Gloss.En == "" || c.Gloss.En == c.Gloss.Es:
		return c.Gloss.Es
	case c.Gloss.Es == "":
		return c.Gloss.En
	}
	return fmt.Sprintf("%s (%s)", c.Gloss.Es, c.Gloss.En)
}

// writeSearchSummary tells people on stderr how many concepts matched in
// all (the facet counts cover every match, not only those shown) and
// where they are at home.
func writeSearchSummary(w io.Writer, shown int, f lexicon.Facets) {
	total := 0
	for _, n := range f.Domains {
		total += n
	}
	if total > shown {
		fmt.Fprintf(w, "habla: showing %d of %d concepts; see more with --limit %d\n", shown, total, total)
	}
	if len(f.Varieties) > 0 {
		fmt.Fprintf(w, "habla: at home in: %s\n", facetLine(f.Varieties))
	}
}

// facetLine lists facet counts, most first, ties by name: "es-VE 3, es-AR 2".
func facetLine(counts map[string]int) string {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		if counts[a] != counts[b] {
			return counts[b] - counts[a]
		}
		return strings.Compare(a, b)
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, counts[k])
	}
	return strings.Join(parts, ", ")
}
