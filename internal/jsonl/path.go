package jsonl

import (
	"fmt"
	"strconv"
	"strings"
)

// Path is a dotted field path such as "text" or "messages.-1.content".
// A segment that is an integer indexes an array (negative counts from the
// end) when the value there is an array, and is a key otherwise. A literal
// dot in a key is written "\.".
type Path struct {
	raw  string
	segs []string
}

// ParsePath parses a dotted field path.
func ParsePath(s string) (Path, error) {
	if s == "" {
		return Path{}, fmt.Errorf("empty field path")
	}
	var segs []string
	var cur strings.Builder
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\' && i+1 < len(s) && s[i+1] == '.':
			cur.WriteByte('.')
			i++
		case s[i] == '.':
			segs = append(segs, cur.String())
			cur.Reset()
		default:
			cur.WriteByte(s[i])
		}
	}
	segs = append(segs, cur.String())
	for _, seg := range segs {
		if seg == "" {
			return Path{}, fmt.Errorf("field path %q has an empty segment", s)
		}
	}
	return Path{raw: s, segs: segs}, nil
}

// MustParsePath is ParsePath for paths known to be valid.
func MustParsePath(s string) Path {
	p, err := ParsePath(s)
	if err != nil {
		panic(err)
	}
	return p
}

// String returns the path as written.
func (p Path) String() string { return p.raw }

// IsZero reports whether p is the zero Path.
func (p Path) IsZero() bool { return len(p.segs) == 0 }

// lookup finds the value at p in the JSON object obj (already validated).
// It returns the value's byte span, or a description of where it stopped.
func (p Path) lookup(obj []byte) (start, end int, err error) {
	i := skipSpace(obj, 0)
	for n, seg := range p.segs {
		switch obj[i] {
		case '{':
			m, ok := findMember(obj, i, seg)
			if !ok {
				return 0, 0, fmt.Errorf("missing field %q", p.prefix(n+1))
			}
			i = m.valStart
		case '[':
			idx, convErr := strconv.Atoi(seg)
			starts := elements(obj, i)
			if convErr != nil {
				return 0, 0, fmt.Errorf("field %q is an array, not an object", p.prefix(n))
			}
			if idx < 0 {
				idx += len(starts)
			}
			if idx < 0 || idx >= len(starts) {
				return 0, 0, fmt.Errorf("missing field %q: array has %d elements", p.prefix(n+1), len(starts))
			}
			i = starts[idx]
		default:
			return 0, 0, fmt.Errorf("field %q is %s, not an object", p.prefix(n), kindOf(obj, i))
		}
	}
	return i, skipValue(obj, i), nil
}

// prefix is the path made of its first n segments, for messages.
func (p Path) prefix(n int) string {
	return strings.Join(p.segs[:n], ".")
}
