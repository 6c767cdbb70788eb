package morph

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
)

//go:embed classes.tsv
var classesTSV string

// entry is one line of classes.tsv: the irregular class of a lemma.
type entry struct {
	ch, p1, pret, fut, imp, part, ger, strong, weak string
	cmp, noimp                                      bool
	over                                            map[string][6]string
}

var (
	tableOnce sync.Once
	table     map[string]*entry
	tableErr  error
)

// classes parses the embedded table once.
func classes() (map[string]*entry, error) {
	tableOnce.Do(func() { table, tableErr = parseClasses(classesTSV) })
	return table, tableErr
}

func parseClasses(src string) (map[string]*entry, error) {
	m := make(map[string]*entry)
	for n, line := range strings.Split(src, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		lemma, fields, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("morph: classes.tsv:%d: missing tab", n+1)
		}
		e := &entry{}
		for _, f := range strings.Fields(fields) {
			if err := e.set(f); err != nil {
				return nil, fmt.Errorf("morph: classes.tsv:%d: %s: %w", n+1, lemma, err)
			}
		}
		m[lemma] = e
	}
	return m, nil
}

// set applies one key=value field to the entry.
func (e *entry) set(f string) error {
	k, v, _ := strings.Cut(f, "=")
	if cell, ok := strings.CutPrefix(k, "o:"); ok {
		forms := strings.Split(v, ",")
		if len(forms) != 6 {
			return fmt.Errorf("override %s: want 6 forms, got %d", cell, len(forms))
		}
		if e.over == nil {
			e.over = make(map[string][6]string)
		}
		var six [6]string
		for i, s := range forms {
			if s != "_" {
				six[i] = s
			}
		}
		e.over[cell] = six
		return nil
	}
	dst := map[string]*string{"ch": &e.ch, "p1": &e.p1, "pret": &e.pret, "fut": &e.fut,
		"imp": &e.imp, "part": &e.part, "ger": &e.ger, "S": &e.strong, "W": &e.weak}
	switch {
	case k == "cmp":
		e.cmp = true
	case k == "noimp":
		e.noimp = true
	case dst[k] != nil:
		*dst[k] = v
	default:
		return fmt.Errorf("unknown field %q", k)
	}
	return nil
}
