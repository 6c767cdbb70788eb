package corpus

import (
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// scanPage is the number of stored documents read per request.
const scanPage = 500

var storedFields = []string{fieldText, fieldVariety, fieldSource, fieldOrigin}

// Scan calls fn for every document of the corpus with the given variety
// ("" for all), in document id order.
func (c *Corpus) Scan(variety string, fn func(Doc) error) error {
	var q query.Query = bleve.NewMatchAllQuery()
	if variety != "" {
		q = termQuery(fieldVariety, variety)
	}
	var after []string
	for {
		req := bleve.NewSearchRequestOptions(q, scanPage, 0, false)
		req.SortBy([]string{"_id"})
		req.Fields = storedFields
		if after != nil {
			req.SetSearchAfter(after)
		}
		res, err := c.alias.Search(req)
		if err != nil {
			return fmt.Errorf("corpus %s: scan: %w", c.dir, err)
		}
		for _, h := range res.Hits {
			if err := fn(docOf(h.ID, h.Fields)); err != nil {
				return err
			}
		}
		if len(res.Hits) < scanPage {
			return nil
		}
		after = []string{res.Hits[len(res.Hits)-1].ID}
	}
}

func docOf(id string, f map[string]any) Doc {
	str := func(k string) string { s, _ := f[k].(string); return s }
	return Doc{ID: id, Text: str(fieldText), Variety: str(fieldVariety), Source: str(fieldSource), Origin: str(fieldOrigin)}
}

func termQuery(field, value string) query.Query {
	tq := bleve.NewTermQuery(value)
	tq.SetField(field)
	return tq
}
