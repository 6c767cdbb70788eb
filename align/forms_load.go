package align

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
	"gopkg.in/yaml.v3"

	"github.com/habla-es/habla/internal/yamlfile"
)

// formsLoadError is a problem in the verb-form table: path, 1-based line
// and column (either 0 when unknown), message.
type formsLoadError = yamlfile.Error

// formsDoc is the decoded data/forms.yaml.
type formsDoc struct {
	sources    []formsSource
	homographs []formsHomograph
	verbs      []*formVerb
}

// formsSource is an entry of the top-level sources list.
type formsSource struct {
	id, cite, url, covers string
}

// formsHomograph is a surface that is also a non-verb word or another
// person's form the rules cannot see (sal, sé, di).
type formsHomograph struct {
	surface, desc string
	line, col     int
}

// formVerb is one verb of the table: its lemma, its stem change, and the
// tenses listed form by form; the others follow the regular rule.
type formVerb struct {
	lemma    string
	stem     string   // "", "ie", "ue" or "i"
	skip     []string // tenses left out (the imperative of poder)
	explicit map[string]formRow
	enclitic []formRow // imperatives with enclitics: siéntate, decime
	sources  []string
	lemmaAt  *yaml.Node
	sourceAt []*yaml.Node
}

var (
	formsFileKeys   = []string{"sources", "homographs", "verbs"}
	formsSourceKeys = []string{"id", "cite", "url", "covers"}
	formsVerbKeys   = []string{"lemma", "stem", "skip", "tenses", "enclitic", "note", "sources"}
	formsRowKeys    = []string{"tu", "vos", "vos-cl", "vos-zu", "vosotros", "ustedes", "usted", "alt", "alt-note", "note"}
)

// loadForms decodes and builds the table; errors are *formsLoadError
// positioned in path.
func loadForms(path string, data []byte) (*formTable, error) {
	doc, err := decodeForms(data)
	if err != nil {
		return nil, formsAt(path, err)
	}
	t, err := newFormTable(doc)
	if err != nil {
		return nil, formsAt(path, err)
	}
	return t, nil
}

func decodeForms(data []byte) (*formsDoc, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true) // formsDoc checks its own fields; this guards the rest
	doc := &formsDoc{}
	if err := dec.Decode(doc); err == io.EOF {
		return nil, &formsLoadError{Msg: "empty file: want a mapping with sources and verbs"}
	} else if err != nil {
		return nil, err
	}
	return doc, nil
}

// formsYAMLLine matches the position prefix of yaml.v3 error messages.
var formsYAMLLine = regexp.MustCompile(`^line (\d+): (.*)$`)

// formsAt puts err in path, turning yaml.v3 messages into positions.
func formsAt(path string, err error) error {
	var le *formsLoadError
	if errors.As(err, &le) {
		le.Path = path
		return le
	}
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	e := &formsLoadError{Path: path, Msg: msg}
	if m := formsYAMLLine.FindStringSubmatch(msg); m != nil {
		e.Line, _ = strconv.Atoi(m[1])
		e.Msg = m[2]
	}
	return e
}

// UnmarshalYAML decodes the file by hand, so that every error has a line
// and a column.
func (d *formsDoc) UnmarshalYAML(n *yaml.Node) error {
	err := formsFields(n, "the file", formsFileKeys, func(key string, _, v *yaml.Node) error {
		switch key {
		case "sources":
			return d.parseSources(v)
		case "homographs":
			return d.parseHomographs(v)
		}
		return d.parseVerbs(v)
	})
	switch {
	case err != nil:
		return err
	case len(d.sources) == 0:
		return formsErrorf(n, "the file: want a non-empty sources list")
	case len(d.verbs) == 0:
		return formsErrorf(n, "the file: want a non-empty verbs list")
	}
	return d.checkSourceRefs()
}

func (d *formsDoc) parseSources(n *yaml.Node) error {
	return formsItems(n, "sources", func(item *yaml.Node) error {
		var s formsSource
		err := formsFields(item, "source", formsSourceKeys, func(key string, _, v *yaml.Node) (err error) {
			field := map[string]*string{"id": &s.id, "cite": &s.cite, "url": &s.url, "covers": &s.covers}[key]
			*field, err = formsString(v, "source: "+key)
			return err
		})
		switch {
		case err != nil:
			return err
		case s.id == "" || s.cite == "":
			return formsErrorf(item, "source: want an id and a cite")
		case slices.ContainsFunc(d.sources, func(o formsSource) bool { return o.id == s.id }):
			return formsErrorf(item, "source: duplicate id %q", s.id)
		}
		d.sources = append(d.sources, s)
		return nil
	})
}

func (d *formsDoc) parseHomographs(n *yaml.Node) error {
	return formsFields(n, "homographs", nil, func(key string, k, v *yaml.Node) error {
		if _, err := formsWord(k, "homographs"); err != nil {
			return err
		}
		desc, err := formsString(v, "homographs: "+key)
		if err == nil && desc == "" {
			err = formsErrorf(v, "homographs: %s: want a description", key)
		}
		d.homographs = append(d.homographs, formsHomograph{key, desc, k.Line, k.Column})
		return err
	})
}

func (d *formsDoc) parseVerbs(n *yaml.Node) error {
	seen := map[string]bool{}
	return formsItems(n, "verbs", func(item *yaml.Node) error {
		v, err := parseFormVerb(item)
		if err != nil {
			return err
		}
		if seen[v.lemma] {
			return formsErrorf(v.lemmaAt, "verb: duplicate lemma %q", v.lemma)
		}
		seen[v.lemma] = true
		d.verbs = append(d.verbs, v)
		return nil
	})
}

func (d *formsDoc) checkSourceRefs() error {
	for _, v := range d.verbs {
		for i, id := range v.sources {
			if !slices.ContainsFunc(d.sources, func(s formsSource) bool { return s.id == id }) {
				return formsErrorf(v.sourceAt[i], "verb %s: unknown source %q", v.lemma, id)
			}
		}
	}
	return nil
}

func parseFormVerb(n *yaml.Node) (*formVerb, error) {
	v := &formVerb{explicit: map[string]formRow{}}
	err := formsFields(n, "verb", formsVerbKeys, func(key string, _, val *yaml.Node) (err error) {
		switch key {
		case "lemma":
			v.lemmaAt = val
			v.lemma, err = formsWord(val, "verb: lemma")
		case "stem":
			v.stem, err = formsString(val, "verb: stem")
			if err == nil && !slices.Contains([]string{"ie", "ue", "i"}, v.stem) {
				err = formsErrorf(val, "verb: stem: %q is not a stem change (want ie, ue or i)", v.stem)
			}
		case "skip":
			v.skip, _, err = formsList(val, "verb: skip", formsTenses)
		case "tenses":
			err = v.parseTenses(val)
		case "enclitic":
			err = v.parseEnclitic(val)
		case "note":
			_, err = formsString(val, "verb: note") // documentation for people
		case "sources":
			v.sources, v.sourceAt, err = formsList(val, "verb: sources", nil)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return v, v.check(n)
}

// check validates what the fields cannot validate one by one.
func (v *formVerb) check(n *yaml.Node) error {
	if v.lemmaAt == nil {
		return formsErrorf(n, "verb: missing lemma")
	}
	ending := len(v.lemma) - 2
	if strings.HasSuffix(v.lemma, "ír") {
		ending = len(v.lemma) - len("ír")
	}
	ok := v.lemma == "ir" || ending > 0 && strings.Contains("ar er ir ír", v.lemma[ending:])
	if !ok {
		return formsErrorf(v.lemmaAt, "verb: lemma %q is not an infinitive in -ar, -er or -ir", v.lemma)
	}
	if v.stem == "i" && !strings.HasSuffix(v.lemma, "ir") {
		return formsErrorf(v.lemmaAt, "verb %s: stem change i is for -ir verbs", v.lemma)
	}
	for _, t := range v.skip {
		if _, ok := v.explicit[t]; ok {
			return formsErrorf(n, "verb %s: %s is both skipped and listed", v.lemma, t)
		}
	}
	return nil
}

func (v *formVerb) parseTenses(n *yaml.Node) error {
	return formsFields(n, "tenses", formsTenses, func(tense string, _, val *yaml.Node) error {
		r, err := parseFormRow(val, tense, false)
		if err != nil {
			return err
		}
		r.tense = tense
		for i, a := range r.alts {
			if tense == "subjunctive" && a.sys == VoseoRioplatense && a.note == "" {
				r.alts[i].note = formsMarkedSubj(r.forms[0])
			}
		}
		v.explicit[tense] = r
		return nil
	})
}

func (v *formVerb) parseEnclitic(n *yaml.Node) error {
	return formsItems(n, "enclitic", func(item *yaml.Node) error {
		r, err := parseFormRow(item, "enclitic", true)
		r.tense = "imperative"
		v.enclitic = append(v.enclitic, r)
		return err
	})
}

// parseFormRow reads one paradigm's forms. Every row has a tú form and,
// when it has a vosotros form, an ustedes form to suggest.
func parseFormRow(n *yaml.Node, what string, clitic bool) (formRow, error) {
	var r formRow
	var alt *yaml.Node
	var altNote string
	keys := formsRowKeys
	if clitic {
		keys = append([]string{"clitic"}, keys...)
	}
	err := formsFields(n, what, keys, func(key string, _, v *yaml.Node) (err error) {
		switch key {
		case "clitic":
			r.clitic, err = formsWord(v, what+": clitic")
		case "alt":
			alt = v
		case "alt-note":
			altNote, err = formsString(v, what+": alt-note")
		case "note":
			_, err = formsString(v, what+": note")
		default:
			r.forms[formSystemIndex(key)], err = formsWord(v, what+": "+key)
		}
		return err
	})
	switch {
	case err != nil:
		return r, err
	case clitic && r.clitic == "":
		return r, formsErrorf(n, "%s: missing clitic", what)
	case r.forms[0] == "":
		return r, formsErrorf(n, "%s: missing tu (every row has a tú form)", what)
	case r.forms[4] != "" && r.forms[5] == "":
		return r, formsErrorf(n, "%s: a vosotros form needs an ustedes form to suggest", what)
	case alt != nil:
		r.alts, err = parseFormAlts(alt, what, &r, altNote)
	}
	return r, err
}

// parseFormAlts reads the variants of a row's marker forms.
func parseFormAlts(n *yaml.Node, what string, r *formRow, note string) ([]formAlt, error) {
	var alts []formAlt
	err := formsFields(n, what+": alt", formsRowKeys[:5], func(key string, _, v *yaml.Node) error {
		i := formSystemIndex(key)
		form, err := formsWord(v, what+": alt: "+key)
		switch {
		case err != nil:
			return err
		case r.forms[i] == "":
			return formsErrorf(v, "%s: alt: %s: a variant needs the main %s form", what, key, key)
		case r.forms[i] == form:
			return formsErrorf(v, "%s: alt: %s: %q is the main form", what, key, form)
		}
		alts = append(alts, formAlt{formSystems[i].sys, form, note})
		return nil
	})
	return alts, err
}

// formSystemIndex is the index in formSystems of the YAML key, or -1.
func formSystemIndex(key string) int {
	for i, fs := range formSystems {
		if fs.key == key {
			return i
		}
	}
	return -1
}

func formsErrorf(n *yaml.Node, format string, args ...any) error {
	return &formsLoadError{Line: n.Line, Col: n.Column, Msg: fmt.Sprintf(format, args...)}
}

// formsFields calls f for each field of the mapping n. what names n in
// messages; keys lists its fields (nil: any).
func formsFields(n *yaml.Node, what string, keys []string, f func(key string, k, v *yaml.Node) error) error {
	if n.Kind != yaml.MappingNode {
		return formsErrorf(n, "%s: want a mapping, got %s", what, formsKind(n))
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch {
		case k.Kind != yaml.ScalarNode:
			return formsErrorf(k, "%s: want a word as key, got %s", what, formsKind(k))
		case keys != nil && !slices.Contains(keys, k.Value):
			return formsErrorf(k, "unknown field %q in %s (want one of %s)", k.Value, what, strings.Join(keys, ", "))
		case seen[k.Value]:
			return formsErrorf(k, "%s: duplicate field %q", what, k.Value)
		}
		seen[k.Value] = true
		if err := f(k.Value, k, v); err != nil {
			return err
		}
	}
	return nil
}

// formsItems calls f for each item of the list n.
func formsItems(n *yaml.Node, what string, f func(item *yaml.Node) error) error {
	if n.Kind != yaml.SequenceNode {
		return formsErrorf(n, "%s: want a list, got %s", what, formsKind(n))
	}
	for _, item := range n.Content {
		if err := f(item); err != nil {
			return err
		}
	}
	return nil
}

// formsList reads a list of strings, each one of allowed (nil: any).
func formsList(n *yaml.Node, what string, allowed []string) (out []string, at []*yaml.Node, err error) {
	err = formsItems(n, what, func(item *yaml.Node) error {
		s, err := formsString(item, what)
		switch {
		case err != nil:
			return err
		case allowed != nil && !slices.Contains(allowed, s):
			return formsErrorf(item, "%s: unknown %q (want one of %s)", what, s, strings.Join(allowed, ", "))
		case slices.Contains(out, s):
			return formsErrorf(item, "%s: %q twice", what, s)
		}
		out, at = append(out, s), append(at, item)
		return nil
	})
	return out, at, err
}

func formsString(n *yaml.Node, what string) (string, error) {
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!str" {
		return "", formsErrorf(n, "%s: want a string, got %s", what, formsKind(n))
	}
	return n.Value, nil
}

// formsWord reads a surface form: lowercase letters in NFC, as LookupForm
// is given them.
func formsWord(n *yaml.Node, what string) (string, error) {
	s, err := formsString(n, what)
	switch {
	case err != nil:
		return "", err
	case !norm.NFC.IsNormalString(s):
		return "", formsErrorf(n, "%s: %q is not in NFC (write accented letters precomposed)", what, s)
	case s == "" || strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLower(r) }) >= 0:
		return "", formsErrorf(n, "%s: %q is not a lowercase word", what, s)
	}
	return s, nil
}

// formsKind describes a node for messages.
func formsKind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias (anchors are not supported)"
	}
	switch n.ShortTag() {
	case "!!null":
		return "nothing"
	case "!!str":
		return strconv.Quote(n.Value)
	}
	return n.Value + " (" + strings.TrimPrefix(n.ShortTag(), "!!") + ")"
}
