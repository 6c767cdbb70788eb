package jsonl

import (
	"strconv"
)

// Record is one input line handed to a map function.
type Record struct {
	// Name is the input's name ("<stdin>" for standard input).
	Name string
	// Line is the 1-based line number within the input.
	Line int
	// Raw is the line as read: the JSON object, or the text in text format.
	// It is only valid during the call.
	Raw []byte
	// Text is the text found at the field path.
	Text string

	idPath Path
}

// ID returns the record's id: the value at the id field (strings unquoted,
// other JSON values as written), or the line number when there is none.
func (r *Record) ID() string {
	if !r.idPath.IsZero() && len(r.Raw) > 0 && r.Raw[skipSpace(r.Raw, 0)] == '{' {
		if s, e, err := r.idPath.lookup(r.Raw); err == nil {
			if r.Raw[s] == '"' {
				if v, ok := decodeString(r.Raw[s:e]); ok {
					return v
				}
			}
			return string(r.Raw[s:e])
		}
	}
	return strconv.Itoa(r.Line)
}

// Field returns the raw JSON value at path p in the record, if any.
func (r *Record) Field(p Path) ([]byte, bool) {
	if len(r.Raw) == 0 || r.Raw[skipSpace(r.Raw, 0)] != '{' {
		return nil, false
	}
	s, e, err := p.lookup(r.Raw)
	if err != nil {
		return nil, false
	}
	return r.Raw[s:e], true
}
