package dialects

import (
	"errors"
	"fmt"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// UnknownTagError reports input that Resolve cannot map to a profile.
type UnknownTagError struct {
	// Input is the text as given.
	Input string
	// Part is the offending part of Input: the ill-formed or unknown
	// subtag, the non-Spanish language ("fr" in "fr-FR"), or the whole
	// input when no single part is to blame.
	Part string
	// Group is set when Input names a region group without a single
	// representative variety; Supported then lists the group's members.
	Group string
	// Supported lists the tags that could be used instead.
	Supported []string
}

// Error names the bad part and lists the supported tags.
func (e *UnknownTagError) Error() string {
	list := strings.Join(e.Supported, ", ")
	switch {
	case e.Group != "":
		return fmt.Sprintf("%q is a region group, not a variety: pick one of %s", e.Input, list)
	case strings.TrimSpace(e.Input) == "":
		return "empty variety tag; supported: " + list
	case e.Part == e.Input:
		return fmt.Sprintf("unknown variety %q; supported: %s", e.Input, list)
	}
	return fmt.Sprintf("unknown variety %q: bad part %q; supported: %s", e.Input, e.Part, list)
}

// Resolve maps user input to a profile. It accepts, in this order:
//   - a supported tag or an alias, ignoring case, accents on vowels and
//     "_" for "-": "es-VE", "es_ve", "ve", "venezolano", "zuliano";
//   - a group id that is also the alias of one member (its representative,
//     e.g. "rioplatense" → es-AR); other group ids are an error listing the
//     group's members;
//   - any other well-formed Spanish BCP 47 tag: a sub-national tag whose
//     -u-sd- value is supported, else the closest profile by
//     golang.org/x/text/language's Matcher when its confidence is at least
//     Low ("es-Latn-VE" → es-VE, "es-BZ" → es-419).
//
// Anything else is an *UnknownTagError. A bare two-letter code is read as a
// country alias ("ar" is Argentina, not Arabic): habla only knows Spanish.
func (s *Set) Resolve(input string) (*Profile, error) {
	in := strings.TrimSpace(input)
	key := foldKey(in)
	if p, ok := s.names[key]; ok {
		return p, nil
	}
	if g, ok := s.byGroup[key]; ok {
		return nil, &UnknownTagError{Input: input, Part: in, Group: g.ID, Supported: tagsOf(s.Members(g.ID))}
	}
	tag, err := language.Parse(strings.ReplaceAll(in, "_", "-"))
	if err != nil {
		return nil, s.unknown(input, badPart(in, err))
	}
	return s.match(input, tag)
}

// match resolves a well-formed tag that is not a supported tag verbatim.
func (s *Set) match(input string, tag language.Tag) (*Profile, error) {
	in := strings.TrimSpace(input)
	if base, conf := tag.Base(); base != spanish || conf != language.Exact {
		return nil, s.unknown(input, subtags(in)[0])
	}
	if p, ok := s.byTag[tag.String()]; ok {
		return p, nil
	}
	if p, ok := s.subdivision(tag); ok {
		return p, nil
	}
	// A private-use or unassigned region (es-XX, es-ZZ) is a typo or a
	// private convention, not a place: matching it to es would hide it.
	if r, conf := tag.Region(); conf == language.Exact && (r.IsPrivateUse() || r.String() == "ZZ") {
		return nil, s.unknown(input, typed(in, r.String()))
	}
	_, i, conf := s.matcher.Match(tag)
	if conf < language.Low {
		return nil, s.unknown(input, unmatchedPart(in, tag))
	}
	return s.matchable[i], nil
}

// subdivision finds the sub-national profile for a tag carrying the
// Unicode subdivision extension among others (es-VE-u-ca-gregory-sd-vev).
func (s *Set) subdivision(tag language.Tag) (*Profile, bool) {
	sd := tag.TypeForKey("sd")
	region, conf := tag.Region()
	if sd == "" || conf != language.Exact {
		return nil, false
	}
	p, ok := s.byTag["es-"+region.String()+"-u-sd-"+sd]
	return p, ok
}

func (s *Set) unknown(input, part string) *UnknownTagError {
	return &UnknownTagError{Input: input, Part: part, Supported: s.Tags()}
}

// badPart picks the part of in to blame for a parse error: the subtag
// x/text names, else the first subtag that is not 1 to 8 letters or
// digits, else the whole input.
func badPart(in string, err error) string {
	var ve language.ValueError
	if errors.As(err, &ve) {
		return typed(in, ve.Subtag())
	}
	for _, st := range subtags(in) {
		if len(st) > 8 || strings.IndexFunc(st, notAlnum) >= 0 {
			return st
		}
	}
	return in
}

// unmatchedPart blames the script of a tag the matcher rejects when it is
// not Latin ("es-Cyrl"), else its region, else the whole input.
func unmatchedPart(in string, tag language.Tag) string {
	if sc, conf := tag.Script(); conf == language.Exact && sc.String() != "Latn" {
		return typed(in, sc.String())
	}
	if r, conf := tag.Region(); conf == language.Exact {
		return typed(in, r.String())
	}
	return in
}

// typed returns the subtag of in that equals canonical ignoring case, so
// that errors quote the input as the user wrote it.
func typed(in, canonical string) string {
	for _, st := range subtags(in) {
		if strings.EqualFold(st, canonical) {
			return st
		}
	}
	return canonical
}

func subtags(in string) []string {
	return strings.FieldsFunc(in, func(r rune) bool { return r == '-' || r == '_' })
}

func notAlnum(r rune) bool {
	return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9')
}

func tagsOf(ps []*Profile) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Tag)
	}
	return out
}

// vowelFold removes accents and diaeresis from vowels only: ñ stays ñ, as
// in bleve's Spanish normalizer (año must not become ano).
var vowelFold = strings.NewReplacer(
	"á", "a", "à", "a", "â", "a", "ä", "a",
	"é", "e", "è", "e", "ê", "e", "ë", "e",
	"í", "i", "ì", "i", "î", "i", "ï", "i",
	"ó", "o", "ò", "o", "ô", "o", "ö", "o",
	"ú", "u", "ù", "u", "û", "u", "ü", "u",
)

// foldKey is the form in which names are compared: NFC, lowercase, "_" as
// "-", vowels without accents.
func foldKey(s string) string {
	s = strings.ToLower(norm.NFC.String(s))
	return vowelFold.Replace(strings.ReplaceAll(s, "_", "-"))
}
