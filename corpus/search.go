package corpus

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Line is one concordance line: a match in its context.
type Line struct {
	Doc     string `json:"doc"`
	Variety string `json:"variety"`
	Source  string `json:"source,omitempty"`
	Origin  string `json:"origin,omitempty"`
	// Start and End are the match's code-point offsets in the document.
	Start int    `json:"start"`
	End   int    `json:"end"`
	Left  string `json:"left"`
	Match string `json:"match"`
	Right string `json:"right"`
}

// SearchOptions narrow a concordance.
type SearchOptions struct {
	// Variety keeps the documents of one variety ("" for all).
	Variety string
	// Context is the number of characters shown on each side; 0 means 40.
	Context int
	// Limit is the number of lines; 0 means 50.
	Limit int
	// PerDoc caps the lines taken from one document (0: no cap), so that
	// a concordance shows many documents, not one film's.
	PerDoc int
}

// Search returns the concordance of q, in bleve's query string syntax
// (words, "phrases", fuzzy~1, wild*cards, +must -not, field:value): one
// line per match, documents by score then id, matches in text order.
// Words match through the Spanish analyzer: casa finds casas.
func (c *Corpus) Search(q string, opts SearchOptions) ([]Line, error) {
	if opts.Context <= 0 {
		opts.Context = 40
	}
	if opts.Limit <= 0 {
		opts.Limit = 50
	}
	qs := bleve.NewQueryStringQuery(q)
	if err := qs.Validate(); err != nil {
		return nil, fmt.Errorf("corpus search %q: %w", q, err)
	}
	var qq query.Query = qs
	if opts.Variety != "" {
		bq := bleve.NewBooleanQuery()
		bq.AddMust(qs)
		bq.AddFilter(termQuery(fieldVariety, opts.Variety))
		qq = bq
	}
	var lines []Line
	// A document can hold many matches, and a whole film's text and
	// match locations are large: read a few documents at a time.
	const page = 10
	for from := 0; len(lines) < opts.Limit; from += page {
		req := bleve.NewSearchRequestOptions(qq, page, from, false)
		req.SortBy([]string{"-_score", "_id"})
		req.Fields = storedFields
		req.IncludeLocations = true
		res, err := c.alias.Search(req)
		if err != nil {
			return nil, fmt.Errorf("corpus search %q: %w", q, err)
		}
		for _, h := range res.Hits {
			d := docOf(h.ID, h.Fields)
			for i, sp := range spans(h.Locations[fieldText]) {
				if opts.PerDoc > 0 && i == opts.PerDoc {
					break
				}
				lines = append(lines, line(d, sp, opts.Context))
			}
		}
		if len(res.Hits) < page {
			break
		}
	}
	if len(lines) > opts.Limit {
		lines = lines[:opts.Limit]
	}
	return lines, nil
}

type span struct{ start, end int }

// spans turns the match locations of a field into byte spans, joining
// different terms at consecutive positions (the words of a phrase) into
// one; a word matched twice in a row (¿sabés? ¿sabés?) stays two lines.
func spans(tlm search.TermLocationMap) []span {
	type loc struct {
		term string
		*search.Location
	}
	var locs []loc
	for term, ls := range tlm {
		for _, l := range ls {
			locs = append(locs, loc{term, l})
		}
	}
	slices.SortFunc(locs, func(a, b loc) int {
		if a.Pos != b.Pos {
			return int(a.Pos) - int(b.Pos)
		}
		return strings.Compare(a.term, b.term)
	})
	var out []span
	var last loc
	for i, l := range locs {
		switch {
		case i > 0 && l.Pos == last.Pos:
			continue // the same word matched by two terms
		case i > 0 && l.Pos == last.Pos+1 && l.term != last.term:
			out[len(out)-1].end = max(out[len(out)-1].end, int(l.End))
		default:
			out = append(out, span{int(l.Start), int(l.End)})
		}
		last = l
	}
	return out
}

// line is the concordance line of the span sp of d, with width characters
// of context each side, line breaks and tabs shown as spaces.
func line(d Doc, sp span, width int) Line {
	t := d.Text
	l := Line{Doc: d.ID, Variety: d.Variety, Source: d.Source, Origin: d.Origin,
		Start: utf8.RuneCountInString(t[:sp.start]), Match: flat(t[sp.start:sp.end])}
	l.End = l.Start + utf8.RuneCountInString(t[sp.start:sp.end])
	// A code point is at most 4 bytes: look no further than that.
	lo := max(0, sp.start-4*width)
	for lo > 0 && !utf8.RuneStart(t[lo]) {
		lo--
	}
	left := []rune(flat(t[lo:sp.start]))
	if len(left) > width {
		left = left[len(left)-width:]
	}
	right := []rune(flat(t[sp.end:min(len(t), sp.end+4*width)]))
	if len(right) > width {
		right = right[:width]
	}
	l.Left, l.Right = string(left), string(right)
	return l
}

var flattener = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ")

func flat(s string) string { return flattener.Replace(s) }
