package align

import (
	_ "embed"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/habla-es/habla/internal/yamlfile"
	"github.com/habla-es/habla/token"
)

//go:embed data/places.yaml
var placesYAML []byte

const placesPath = "align/data/places.yaml"

// placesFile is data/places.yaml.
type placesFile struct {
	Sources   []string       `yaml:"sources"`
	Countries []placeCountry `yaml:"countries"`
}

type placeCountry struct {
	Tag           string   `yaml:"tag"`
	Places        []string `yaml:"places"`
	Demonyms      []string `yaml:"demonyms"`
	Currencies    []string `yaml:"currencies"`
	Institutions  []string `yaml:"institutions"`
	People        []string `yaml:"people"`
	Organizations []string `yaml:"organizations"`
}

// gazName is one name and the countries (tags) it points to.
type gazName struct {
	kind    string // place, demonym, currency, institution, person, organization
	written string // as in the data, for the capitalisation rule
	caps    []bool // whether each word of written begins with a capital
	tags    []string
}

// loadedPlaces is the parsed data, shared by every Detector.
var loadedPlaces = sync.OnceValues(func() (map[string]*gazName, error) { return parsePlaces(placesYAML) })

// parsePlaces reads places.yaml; a name it cannot key is reported with
// its line and column.
func parsePlaces(data []byte) (map[string]*gazName, error) {
	var f placesFile
	doc := yamlfile.DecodeBytes(placesPath, data, &f)
	if err := yamlfile.JoinErrors(doc.Errs); err != nil {
		return nil, err
	}
	names := map[string]*gazName{}
	for ci, c := range f.Countries {
		for _, l := range []struct {
			kind, field string
			names       []string
		}{{"place", "places", c.Places}, {"demonym", "demonyms", c.Demonyms}, {"currency", "currencies", c.Currencies},
			{"institution", "institutions", c.Institutions}, {"person", "people", c.People},
			{"organization", "organizations", c.Organizations}} {
			for ni, n := range l.names {
				key, caps, ok := gazWords(n)
				if !ok {
					doc.Fieldf(fmt.Sprintf("countries[%d].%s[%d]", ci, l.field, ni),
						"%s: %q: a name is one or more words, without numbers", c.Tag, n)
					continue
				}
				g, ok := names[key]
				if !ok {
					g = &gazName{kind: l.kind, written: n, caps: caps}
					names[key] = g
				}
				if !containsString(g.tags, c.Tag) {
					g.tags = append(g.tags, c.Tag)
				}
			}
		}
	}
	if err := yamlfile.JoinErrors(doc.Errs); err != nil {
		return nil, err
	}
	return names, nil
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// gazKey is a name's words, lowercased with accents kept, joined by one
// space; punctuation inside the name (EE. UU.) is dropped.
func gazKey(s string) string {
	key, _, _ := gazWords(s)
	return key
}

// gazWords is gazKey and whether each word begins with a capital; ok is
// false for a name with no word or with a number in it (Página/12 would
// be keyed as Página alone).
func gazWords(s string) (key string, caps []bool, ok bool) {
	var words []string
	for _, t := range token.Tokenize(s) {
		switch t.Kind {
		case token.Word:
			words = append(words, token.Lower(t.Text))
			r, _ := utf8.DecodeRuneInString(t.Text)
			caps = append(caps, isUpperRune(r))
		case token.Number:
			return "", nil, false
		}
	}
	return strings.Join(words, " "), caps, len(words) > 0
}

// gazetteer is the names seen from one Detector's candidates.
type gazetteer struct {
	names    map[string]gazEntry
	prefixes map[string]bool
	// The one-word names' entries, and the index of each in list.
	list    []gazEntry
	oneWord map[string]int32
}

type gazEntry struct {
	name  *gazName
	cands []int
}

func loadGazetteer(tags []string) (*gazetteer, error) {
	names, err := loadedPlaces()
	if err != nil {
		return nil, err
	}
	g := &gazetteer{names: map[string]gazEntry{}, prefixes: map[string]bool{}, oneWord: map[string]int32{}}
	for key, n := range names {
		var cands []int
		for _, t := range n.tags {
			for i, c := range tags {
				if c == t {
					cands = append(cands, i)
				}
			}
		}
		if len(cands) == 0 {
			continue // no candidate lives there
		}
		g.names[key] = gazEntry{name: n, cands: cands}
		for i := 0; i < len(key); i++ {
			if key[i] == ' ' {
				g.prefixes[key[:i]] = true
			}
		}
	}
	for _, key := range slices.Sorted(maps.Keys(g.names)) {
		if !strings.Contains(key, " ") {
			g.oneWord[key] = int32(len(g.list))
			g.list = append(g.list, g.names[key])
		}
	}
	return g, nil
}

// match finds the longest name starting at word i (lowercased as key,
// whose entry in the detector's word table is info) and adds it as
// evidence; it returns the token after the name. The word's own name and
// whether it begins longer ones are read from info, not looked up again:
// the gazetteer's map lookups were 2% of align's time.
func (g *gazetteer) match(d *Detector, sc *scratch, text string, ts []token.Token, i int, key string, info wordInfo) (int, bool) {
	if info.place == 0 && !info.prefix {
		return 0, false
	}
	end, best := -1, gazEntry{}
	if info.place != 0 {
		end, best = i+1, g.list[info.place-1]
	}
	if info.prefix {
		k := append(sc.gbuf[:0], key...)
		for j := i; ; {
			n := nextPlaceWord(ts, j)
			if n < 0 {
				break
			}
			k = append(k, ' ')
			k = append(k, token.Lower(ts[n].Text)...)
			if e, ok := g.names[string(k)]; ok {
				end, best = n+1, e
			}
			if !g.prefixes[string(k)] {
				break
			}
			j = n
		}
		sc.gbuf = k
	}
	if end < 0 || !best.name.writtenOK(ts, i, end) {
		return 0, false
	}
	clear(sc.item)
	for _, c := range best.cands {
		sc.item[c] = 1
	}
	w := d.w.place
	switch best.name.kind {
	case "institution", "person", "organization":
		w = d.w.name
	}
	d.add(sc, best.name.kind, text[ts[i].ByteStart:ts[end-1].ByteEnd], sc.item, w)
	return end, true
}

// nextPlaceWord is the word after token j, across one full stop (EE. UU.).
func nextPlaceWord(ts []token.Token, j int) int {
	switch {
	case j+1 < len(ts) && ts[j+1].Kind == token.Word:
		return j + 1
	case j+2 < len(ts) && ts[j+1].Text == "." && ts[j+2].Kind == token.Word:
		return j + 2
	}
	return -1
}

// writtenOK applies the capitalisation rule: names of places,
// institutions, people and organisations are written with their capitals
// in the text (every word capitalised in the data: El País, not "El país";
// acronyms all in capitals) and a one-word name does not count at the
// start of a sentence, where any word is capitalised (Podemos, Guerrero,
// Florida); demonyms and currencies count as written.
func (n *gazName) writtenOK(ts []token.Token, i, end int) bool {
	if n.kind == "demonym" || n.kind == "currency" && !isAllCaps(n.written) {
		return true
	}
	first := ts[i].Text
	if isAllCaps(n.written) && utf8.RuneCountInString(n.written) > 1 {
		return first == n.written || end-i > 1
	}
	k := 0
	for j := i; j < end; j++ {
		if ts[j].Kind != token.Word {
			continue
		}
		r, _ := utf8.DecodeRuneInString(ts[j].Text)
		if k < len(n.caps) && n.caps[k] && !isUpperRune(r) {
			return false
		}
		k++
	}
	return end-i > 1 || !sentenceStart(ts, i)
}

// sentenceStart reports whether token i begins a sentence.
func sentenceStart(ts []token.Token, i int) bool {
	for j := i - 1; j >= 0; j-- {
		switch ts[j].Kind {
		case token.Word, token.Number:
			return false
		case token.Punct:
			if sentenceMarks.in(ts[j].Text) {
				return true
			}
		}
	}
	return true
}
