package localize

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Parallel data for mining a termbase is TSV: one pair a line, the source
// text, a tab, its localized text. A tab, a line break or a backslash
// inside a text is written \t, \n (\r) or \\ (the "linear TSV"
// convention). A line with an empty localized text is skipped (the
// string was not localized).

var (
	tsvEscaper   = strings.NewReplacer("\\", `\\`, "\t", `\t`, "\n", `\n`, "\r", `\r`)
	tsvUnescaper = strings.NewReplacer(`\\`, "\\", `\t`, "\t", `\n`, "\n", `\r`, "\r")
)

// EscapeTSV escapes s for a field of a pairs file.
func EscapeTSV(s string) string { return tsvEscaper.Replace(s) }

// ReadPairs calls fn with each pair of a pairs file; a line without
// exactly two fields is an error naming path:line:col.
func ReadPairs(r io.Reader, path string, fn func(source, localized string)) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 16<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSuffix(sc.Text(), "\r")
		if line == "" {
			continue
		}
		src, loc, ok := strings.Cut(line, "\t")
		if !ok {
			return &TermbaseError{path, n, len(line) + 1, "want two tab-separated fields (source text, localized text), found one"}
		}
		if i := strings.IndexByte(loc, '\t'); i >= 0 {
			return &TermbaseError{path, n, len(src) + 2 + i, "want two tab-separated fields (source text, localized text), found more"}
		}
		if loc == "" {
			continue
		}
		fn(tsvUnescaper.Replace(src), tsvUnescaper.Replace(loc))
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
