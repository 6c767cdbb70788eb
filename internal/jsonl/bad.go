package jsonl

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// badLine appends the error record for a line that is not a usable object,
// {"line":N,"<key>":{"error":"..."}}, and returns its LineError.
func (p *processor) badLine(dst []byte, name string, num, col int, what string, why error) ([]byte, *LineError) {
	lerr := &LineError{Name: name, Line: num, Col: col, What: what, Err: why}
	dst = append(dst, `{"line":`...)
	dst = strconv.AppendInt(dst, int64(num), 10)
	dst = append(dst, p.nextSep...)
	return append(appendErrorValue(dst, lerr), '}'), lerr
}

// badField appends the object itself with "<key>":{"error":"..."} spliced
// in, for an object whose text could not be used.
func (p *processor) badField(dst []byte, sp splice, what string, why error) ([]byte, *LineError) {
	lerr := &LineError{Name: p.rec.Name, Line: p.rec.Line, What: what, Err: why}
	dst = append(append(dst, sp.before...), sp.sep...)
	dst = appendErrorValue(dst, lerr)
	return append(dst, sp.after...), lerr
}

func appendErrorValue(dst []byte, lerr *LineError) []byte {
	dst = append(dst, `{"error":`...)
	msg := lerr.What + ": " + lerr.Err.Error()
	if lerr.Col > 0 {
		msg = fmt.Sprintf("column %d: %s", lerr.Col, msg)
	}
	dst = AppendString(dst, msg)
	return append(dst, '}')
}

// syntaxError explains why data is not valid JSON, with the 1-based column
// (in code points) where the parser gave up.
func syntaxError(data []byte) (int, error) {
	var raw json.RawMessage
	err := json.Unmarshal(data, &raw)
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		if err == nil {
			err = errors.New("not valid JSON")
		}
		return 0, err
	}
	off := max(0, min(int(se.Offset)-1, len(data))) // the offending byte
	if strings.HasPrefix(se.Error(), "unexpected end") {
		off = len(data)
	}
	return utf8.RuneCount(data[:off]) + 1, errors.New(se.Error())
}

// invalidAt returns the offset of the first byte that is not valid UTF-8.
func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(b)
}
