// Package yamlfile decodes YAML data files strictly, with positions.
//
// Every problem is an *Error that names the file, line and column, so a
// linguist editing a profile or a lexicon pack is sent to the right place:
// unknown and duplicate fields, wrong kinds, and whatever later checks
// report through Document.Fieldf at the node of a field path.
package yamlfile

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Error is a problem in a data file. Line and Col are 1-based; either is
// 0 when the YAML parser does not report it.
type Error struct {
	Path      string
	Line, Col int
	Msg       string
}

// Error formats the error as "path:line:col: message", leaving out the
// parts of the position that are unknown.
func (e *Error) Error() string {
	switch {
	case e.Line == 0:
		return e.Path + ": " + e.Msg
	case e.Col == 0:
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Col, e.Msg)
}

// JoinErrors sorts errs by position and joins them; nil when there are none.
func JoinErrors(errs []*Error) error {
	if len(errs) == 0 {
		return nil
	}
	slices.SortStableFunc(errs, func(a, b *Error) int {
		return cmp.Or(strings.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	})
	out := make([]error, len(errs))
	for i, e := range errs {
		out[i] = e
	}
	return errors.Join(out...)
}

// Document is one decoded data file: its value nodes by field path (""
// is the root, "address.voseo.type" a nested field, "aliases[2]" a list
// item), so that checks after decoding can point at the right line.
type Document struct {
	Path  string
	nodes map[string]*yaml.Node
	Errs  []*Error
}

// Decode reads file from fsys strictly into v, a pointer to a struct.
// Problems are collected in the returned document's Errs.
func Decode(fsys fs.FS, file string, v any) *Document {
	data, err := fs.ReadFile(fsys, file)
	if err != nil {
		d := &Document{Path: file, nodes: map[string]*yaml.Node{}}
		d.Errs = append(d.Errs, &Error{Path: file, Msg: "cannot read: " + err.Error()})
		return d
	}
	return DecodeBytes(file, data, v)
}

// DecodeBytes decodes data, read from path, strictly into v, a pointer to
// a struct: unknown and duplicate fields and wrong kinds are reported with
// their line and column, and every node is kept by field path (Node) so
// that checks after decoding can point at the right place.
func DecodeBytes(path string, data []byte, v any) *Document {
	d := &Document{Path: path, nodes: map[string]*yaml.Node{}}
	root, err := parseNode(data)
	if err != nil {
		d.addYAMLError(err)
		return d
	}
	d.walk(root, reflect.TypeOf(v).Elem(), "")
	if len(d.Errs) > 0 {
		return d
	}
	// The walk has already reported unknown fields with their columns, so
	// the value is decoded from the parsed nodes rather than parsed again:
	// parsing is most of the cost of loading the lexicon.
	if err := root.Decode(v); err != nil {
		d.addYAMLError(err)
	}
	return d
}

// errEmpty reports a file with no YAML document in it.
var errEmpty = errors.New("empty file: want a YAML mapping")

// parseNode parses data as exactly one YAML document and returns its root.
func parseNode(data []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var doc yaml.Node
	if err := dec.Decode(&doc); err == io.EOF {
		return nil, errEmpty
	} else if err != nil {
		return nil, err
	}
	if len(doc.Content) == 0 {
		return nil, errEmpty
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == nil:
		return nil, fmt.Errorf("line %d: more than one YAML document; want one per file", extra.Line)
	case err != io.EOF:
		return nil, err
	}
	return doc.Content[0], nil
}

// yamlLine matches the position prefix of yaml.v3 error messages.
var yamlLine = regexp.MustCompile(`^line (\d+): (.*)$`)

// addYAMLError records an error from yaml.v3, which gives lines but no
// columns.
func (d *Document) addYAMLError(err error) {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		for _, msg := range te.Errors {
			d.addMessage(msg)
		}
		return
	}
	d.addMessage(strings.TrimPrefix(err.Error(), "yaml: "))
}

func (d *Document) addMessage(msg string) {
	e := &Error{Path: d.Path, Msg: msg}
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		e.Line, _ = strconv.Atoi(m[1])
		e.Msg = m[2]
	}
	if isParserProblem(e.Msg) {
		// yaml.v3 (decode.go, parser.fail) reports parser errors, unlike
		// scanner errors, with the 0-based line of the construct, and no
		// line at all when that is the first.
		e.Line++
	}
	d.Errs = append(d.Errs, e)
}

// isParserProblem reports whether msg is one of libyaml's parser (not
// scanner) problems, listed in yaml.v3's parserc.go.
func isParserProblem(msg string) bool {
	switch msg {
	case "did not find expected ',' or ']'", "did not find expected ',' or '}'",
		"did not find expected '-' indicator", "did not find expected <document start>",
		"did not find expected <stream-start>", "did not find expected key",
		"did not find expected node content", "found duplicate %TAG directive",
		"found duplicate %YAML directive", "found incompatible YAML document",
		"found undefined tag handle":
		return true
	}
	return false
}

// Errorf records an error at node n (or at the file when n is nil).
func (d *Document) Errorf(n *yaml.Node, format string, args ...any) {
	e := &Error{Path: d.Path, Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		e.Line, e.Col = n.Line, n.Column
	}
	d.Errs = append(d.Errs, e)
}

// Fieldf records an error about the field at path, positioned at its value
// or, when the field is absent, at the nearest enclosing node present.
func (d *Document) Fieldf(path, format string, args ...any) {
	d.Errorf(d.Node(path), "%s: %s", path, fmt.Sprintf(format, args...))
}

// Node returns the node at path or at its nearest present ancestor.
func (d *Document) Node(path string) *yaml.Node {
	for {
		if n, ok := d.nodes[path]; ok {
			return n
		}
		if path == "" {
			return nil
		}
		path = parentPath(path)
	}
}

// Has reports whether the field at path is present in the file.
func (d *Document) Has(path string) bool {
	_, ok := d.nodes[path]
	return ok
}

func parentPath(path string) string {
	i := strings.LastIndexAny(path, ".[")
	if i < 0 {
		return ""
	}
	return path[:i]
}

func fieldPath(parent, name string) string {
	if parent == "" {
		return name
	}
	return parent + "." + name
}

// walk checks the shape of n against type t, reporting unknown and
// duplicate fields and mismatched kinds with their positions, and records
// every node by path.
func (d *Document) walk(n *yaml.Node, t reflect.Type, path string) {
	d.nodes[path] = n
	if n.Kind == yaml.AliasNode {
		d.Errorf(n, "%s: YAML aliases are not supported", cmp.Or(path, "document"))
		return
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		d.walk(n, t.Elem(), path)
	case reflect.Struct:
		d.walkStruct(n, t, path)
	case reflect.Slice:
		d.walkList(n, t.Elem(), -1, path)
	case reflect.Array:
		d.walkList(n, t.Elem(), t.Len(), path)
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			d.Errorf(n, "%s: want a string, got %s", path, kindName(n))
		}
	}
}

func (d *Document) walkStruct(n *yaml.Node, t reflect.Type, path string) {
	if n.Kind != yaml.MappingNode {
		d.Errorf(n, "%s: want a mapping, got %s", cmp.Or(path, "document"), kindName(n))
		return
	}
	fields, names := yamlFields(t)
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if prev, dup := seen[k.Value]; dup {
			d.Errorf(k, "duplicate field %q (first at %d:%d)", k.Value, prev.Line, prev.Column)
			continue
		}
		seen[k.Value] = k
		f, ok := fields[k.Value]
		if !ok {
			where := ""
			if path != "" {
				where = " in " + path
			}
			d.Errorf(k, "unknown field %q%s (known: %s)", k.Value, where, strings.Join(names, ", "))
			continue
		}
		d.walk(v, f.Type, fieldPath(path, k.Value))
	}
}

func (d *Document) walkList(n *yaml.Node, elem reflect.Type, size int, path string) {
	if n.Kind != yaml.SequenceNode {
		d.Errorf(n, "%s: want a list, got %s", path, kindName(n))
		return
	}
	if size >= 0 && len(n.Content) != size {
		d.Errorf(n, "%s: want %d items, got %d", path, size, len(n.Content))
		return
	}
	for i, item := range n.Content {
		d.walk(item, elem, fmt.Sprintf("%s[%d]", path, i))
	}
}

// yamlFields maps the yaml names of t's fields to the fields, and lists
// the names in declaration order.
func yamlFields(t reflect.Type) (map[string]reflect.StructField, []string) {
	fields := map[string]reflect.StructField{}
	var names []string
	for f := range t.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "" || name == "-" {
			continue
		}
		fields[name] = f
		names = append(names, name)
	}
	return fields, names
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	return fmt.Sprintf("%q", n.Value)
}
