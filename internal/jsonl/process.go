package jsonl

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"unicode/utf8"
)

// processor maps lines to output lines; each worker owns one.
type processor struct {
	cfg      Config
	fn       MapFunc
	key      []byte // the key, quoted
	firstSep []byte // "key": for an empty object
	nextSep  []byte // ,"key": after other members
	rec      Record
}

func newProcessor(cfg Config, fn MapFunc) *processor {
	key := AppendString(nil, cfg.Key)
	first := append(append([]byte{}, key...), ':')
	next := append([]byte{','}, first...)
	return &processor{cfg: cfg, fn: fn, key: key, firstSep: first, nextSep: next}
}

func (p *processor) process(b *batch) {
	b.ends = make([]int, 0, len(b.lines))
	b.out = getBuffer()
	for i, l := range b.lines {
		var lerr *LineError
		b.out, lerr = p.line(b.name, l, b.out)
		b.out = append(b.out, '\n')
		b.ends = append(b.ends, len(b.out))
		if lerr != nil {
			b.bad = append(b.bad, badLine{index: i, err: lerr})
		}
	}
	putBuffer(b.arena)
	b.lines, b.arena = nil, nil
}

// line appends the output for one input line to dst.
func (p *processor) line(name string, l line, dst []byte) ([]byte, *LineError) {
	if l.tooLong > 0 {
		err := fmt.Errorf("%d bytes is over the limit of %d (--max-line)", l.tooLong, p.cfg.MaxLine)
		return p.badLine(dst, name, l.num, 0, "line too long", err)
	}
	if !utf8.Valid(l.data) {
		col := utf8.RuneCount(l.data[:invalidAt(l.data)]) + 1
		return p.badLine(dst, name, l.num, col, "invalid UTF-8", errors.New("bytes that are not UTF-8 text"))
	}
	p.rec = Record{Name: name, Line: l.num, Raw: l.data, idPath: p.cfg.IDField}
	if p.cfg.Format == Text {
		return p.textLine(dst)
	}
	return p.jsonLine(dst)
}

func (p *processor) jsonLine(dst []byte) ([]byte, *LineError) {
	data, rec := p.rec.Raw, &p.rec
	start := skipSpace(data, 0)
	if start == len(data) {
		return p.badLine(dst, rec.Name, rec.Line, 0, "empty line", errors.New("expected a JSON object"))
	}
	if !validJSON(data) {
		col, err := syntaxError(data)
		return p.badLine(dst, rec.Name, rec.Line, col, "invalid JSON", err)
	}
	if data[start] != '{' {
		err := fmt.Errorf("the line is %s", kindOf(data, start))
		return p.badLine(dst, rec.Name, rec.Line, start+1, "not a JSON object", err)
	}
	sp := p.splice(data)
	vs, ve, err := p.cfg.Field.lookup(data)
	if err == nil && data[vs] != '"' {
		err = fmt.Errorf("field %q is %s, not a string", p.cfg.Field, kindOf(data, vs))
	}
	if err != nil {
		return p.badField(dst, sp, "no text", err)
	}
	rec.Text, _ = decodeStringIn(data[vs:ve], true) // line checked the UTF-8
	return p.mapped(dst, sp)
}

// mapped appends the record with the map function's value spliced in.
func (p *processor) mapped(dst []byte, sp splice) ([]byte, *LineError) {
	n := len(dst)
	dst = append(append(dst, sp.before...), sp.sep...)
	out, err := p.fn(&p.rec, dst)
	if err != nil {
		return p.badField(dst[:n], sp, "cannot process", err)
	}
	return append(out, sp.after...), nil
}

func (p *processor) textLine(dst []byte) ([]byte, *LineError) {
	p.rec.Text = string(p.rec.Raw)
	var head []byte
	head = append(head, `{"line":`...)
	head = strconv.AppendInt(head, int64(p.rec.Line), 10)
	head = append(head, `,"text":`...)
	head = AppendString(head, p.rec.Text)
	return p.mapped(dst, splice{before: head, sep: p.nextSep, after: []byte{'}'}})
}

// splice says where the added value goes: after before+sep and ahead of
// after. The value goes before the object's closing brace, or replaces an
// earlier value of the same key, so rerunning a command does not nest.
type splice struct {
	before, sep, after []byte
}

func (p *processor) splice(data []byte) splice {
	start := skipSpace(data, 0)
	if bytes.Contains(data, p.key[1:len(p.key)-1]) {
		if m, ok := findMember(data, start, p.cfg.Key); ok {
			return splice{before: data[:m.valStart], after: data[m.valEnd:]}
		}
	}
	end := bytes.LastIndexByte(data, '}')
	sep := p.firstSep
	if skipSpace(data, start+1) != end {
		sep = p.nextSep
	}
	return splice{before: data[:end], sep: sep, after: data[end:]}
}
