package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Format is how a file holds its documents.
type Format int

// The input formats.
const (
	Text    Format = iota // the whole file is one document
	PerLine               // each non-empty line is a document
	JSONL                 // each line is a JSON object; a field holds the text
	TSV                   // each line has tab-separated columns; one holds the text
)

// ReadOptions say how to read documents from a file.
type ReadOptions struct {
	Format Format
	// Field is the dotted path of the text in a JSONL object (text,
	// message.body; an integer indexes an array, negative from the end:
	// messages.-1.content).
	Field string
	// Column is the 1-based column of the text in a TSV line.
	Column int
}

// LineError is a line that holds no document: bad JSON, a missing field
// or column. Reading goes on after it.
type LineError struct {
	Path      string
	Line, Col int
	Err       error
}

func (e *LineError) Error() string {
	if e.Col > 0 {
		return fmt.Sprintf("%s:%d:%d: %v", e.Path, e.Line, e.Col, e.Err)
	}
	return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
}

func (e *LineError) Unwrap() error { return e.Err }

const maxLine = 16 << 20

// ReadFile reads the documents of the file at path and calls doc for each
// with its text and origin (path, or path:line), and bad for each line
// that holds none. An error from doc stops the reading and is returned.
func ReadFile(path string, opts ReadOptions, doc func(text, origin string) error, bad func(*LineError)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return Read(f, path, opts, doc, bad)
}

// Read is ReadFile over a reader; name is used in origins and errors.
func Read(r io.Reader, name string, opts ReadOptions, doc func(text, origin string) error, bad func(*LineError)) error {
	if opts.Format == Text {
		b, err := io.ReadAll(r)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if !utf8.Valid(b) {
			return fmt.Errorf("%s: not UTF-8 text", name)
		}
		return doc(string(b), name)
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxLine)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSuffix(sc.Bytes(), []byte("\r"))
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		text, col, err := lineText(line, opts)
		if err != nil {
			bad(&LineError{Path: name, Line: n, Col: col, Err: err})
			continue
		}
		if err := doc(text, name+":"+strconv.Itoa(n)); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// lineText is the text a line holds in format opts, or why it holds
// none and at which column (1-based, in bytes; 0 if not known).
func lineText(line []byte, opts ReadOptions) (string, int, error) {
	if !utf8.Valid(line) {
		return "", 0, errors.New("not UTF-8 text")
	}
	switch opts.Format {
	case JSONL:
		return jsonField(line, opts.Field)
	case TSV:
		cols := strings.Split(string(line), "\t")
		if opts.Column > len(cols) {
			return "", 0, fmt.Errorf("no column %d (the line has %d)", opts.Column, len(cols))
		}
		return unquote(cols[opts.Column-1]), 0, nil
	}
	return string(line), 0, nil
}

// jsonField is the string at the dotted path field of the JSON object
// line.
func jsonField(line []byte, field string) (string, int, error) {
	var v any
	if err := json.Unmarshal(line, &v); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return "", int(se.Offset), fmt.Errorf("bad JSON: %v", err)
		}
		return "", 0, fmt.Errorf("bad JSON: %v", err)
	}
	for _, seg := range strings.Split(field, ".") {
		switch x := v.(type) {
		case map[string]any:
			var ok bool
			if v, ok = x[seg]; !ok {
				return "", 0, fmt.Errorf("missing field %q", field)
			}
		case []any:
			i, err := strconv.Atoi(seg)
			if err != nil {
				return "", 0, fmt.Errorf("field %q: %q indexes an array", field, seg)
			}
			if i < 0 {
				i += len(x)
			}
			if i < 0 || i >= len(x) {
				return "", 0, fmt.Errorf("field %q: no element %s", field, seg)
			}
			v = x[i]
		default:
			return "", 0, fmt.Errorf("field %q: %q is not inside an object or array", field, seg)
		}
	}
	s, ok := v.(string)
	if !ok {
		return "", 0, fmt.Errorf("field %q is not a string", field)
	}
	return s, 0, nil
}

// unquote removes the double quotes some tools put around a TSV field
// ("a ""b"" c" is a "b" c); a field not wholly quoted is kept as is.
func unquote(s string) string {
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		return strings.ReplaceAll(s[1:len(s)-1], `""`, `"`)
	}
	return s
}
