package morph

import (
	_ "embed"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/unicode/norm"
)

// verbsTXT is the verb list: one infinitive per line, sorted in byte order,
// extracted from the RLA-ES dictionaries (see the header of verbs.txt).
//
//go:embed verbs.txt
var verbsTXT string

// verbList parses verbs.txt once.
var verbList = sync.OnceValue(func() []string {
	var out []string
	for line := range strings.Lines(verbsTXT) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	// Defective verbs: the dictionaries spell out their few forms and
	// carry them without the conjugation flags verbs.txt was built from.
	for v := range defective {
		out = append(out, v)
	}
	slices.Sort(out)
	return slices.Compact(out)
})

// Verbs returns the infinitives of the embedded verb list, sorted in byte
// order. The caller owns the returned slice.
func Verbs() []string { return slices.Clone(verbList()) }

// Known reports whether infinitive is in the embedded verb list. Case and
// Unicode normalisation are ignored; pronominal forms (sentarse) are not
// listed, only their base verb (sentar).
func Known(infinitive string) bool {
	_, ok := verbIndex(norm.NFC.String(strings.ToLower(strings.TrimSpace(infinitive))))
	return ok
}

// verbIndex returns the position of an infinitive in the verb list.
func verbIndex(inf string) (int, bool) {
	return slices.BinarySearch(verbList(), inf)
}
