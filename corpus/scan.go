package corpus

import (
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

var storedFields = []string{fieldText, fieldVariety, fieldSource, fieldOrigin}

// Scan calls fn for every document of the corpus with the given variety
// ("" for all), shard by shard in index order: a walk over the stored
// documents, linear in their number (a sorted search would sort them all
// again for every page).
func (c *Corpus) Scan(variety string, fn func(Doc) error) error {
	for _, s := range c.shards {
		if err := scanShard(s, variety, fn); err != nil {
			return err
		}
	}
	return nil
}

func scanShard(s bleve.Index, variety string, fn func(Doc) error) error {
	ai, err := s.Advanced()
	if err != nil {
		return err
	}
	r, err := ai.Reader()
	if err != nil {
		return err
	}
	defer r.Close()
	ids, err := r.DocIDReaderAll()
	if err != nil {
		return err
	}
	defer ids.Close()
	for {
		iid, err := ids.Next()
		if err != nil || iid == nil {
			return err
		}
		id, err := r.ExternalID(iid)
		if err != nil {
			return err
		}
		sd, err := r.Document(id)
		if err != nil {
			return fmt.Errorf("corpus: document %s: %w", id, err)
		}
		d := storedDoc(id, sd)
		if variety != "" && d.Variety != variety {
			continue
		}
		if err := fn(d); err != nil {
			return err
		}
	}
}

// storedDoc reads the stored fields of a document.
func storedDoc(id string, sd index.Document) Doc {
	d := Doc{ID: id}
	sd.VisitFields(func(f index.Field) {
		switch f.Name() {
		case fieldText:
			d.Text = string(f.Value())
		case fieldVariety:
			d.Variety = string(f.Value())
		case fieldSource:
			d.Source = string(f.Value())
		case fieldOrigin:
			d.Origin = string(f.Value())
		}
	})
	return d
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
