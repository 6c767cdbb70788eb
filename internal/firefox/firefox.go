// Package firefox reads the Firefox parallel strings of ../shared/data
// (mozilla-firefox/firefox_es_parallel.tsv), which several packages'
// evaluations read in place. The file is tab-separated with a header
// (product, file, key, es-ES, es-AR, es-CL, es-MX) and quotes fields the
// CSV way: a field with quotes is wrapped in quotes and its own quotes are
// doubled. Splitting lines on tabs would keep those quotes and read
// «"Editar atributo ""%S"""» for «Editar atributo "%S"».
package firefox

import (
	"encoding/csv"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
)

// Path is the file's place relative to a package directory of the
// repository, with ../shared beside the checkout.
const Path = "../../shared/data/mozilla-firefox/firefox_es_parallel.tsv"

// Locales are the localized columns, in file order.
var Locales = []string{"es-AR", "es-CL", "es-MX"}

// Row is one string key: its es-ES string and each locale's ("" when a
// locale lacks it).
type Row struct {
	File, Key string
	ES        string
	Localized [3]string // by Locales
}

// Read returns the rows with an es-ES string, in file order. A missing
// file is an error satisfying errors.Is(err, os.ErrNotExist), so that
// tests can skip.
func Read(path string) ([]Row, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma, r.LazyQuotes, r.FieldsPerRecord, r.ReuseRecord = '\t', true, -1, true
	if _, err := r.Read(); err != nil {
		return nil, fmt.Errorf("%s: header: %w", path, err)
	}
	var out []Row
	for {
		cols, err := r.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if len(cols) != 7 || cols[3] == "" {
			continue
		}
		out = append(out, Row{File: cols[1], Key: cols[2], ES: cols[3],
			Localized: [3]string{cols[4], cols[5], cols[6]}})
	}
}

// Halves of the file for evaluations that develop on the data: tune and
// mine on Dev, report on Test.
const (
	Dev  = "dev"
	Test = "test"
)

// Half puts a row in the dev or the test half by its key alone, so that
// the split is the same on every run and for every locale and does not
// depend on the file's order: the 32-bit FNV-1a hash of the file name, a
// tab and the key; even hashes are dev, odd ones test.
func (r Row) Half() string {
	h := fnv.New32a()
	h.Write([]byte(r.File + "\t" + r.Key))
	if h.Sum32()%2 == 0 {
		return Dev
	}
	return Test
}
