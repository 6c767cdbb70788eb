package jsonl

import (
	"bufio"
	"context"
	"errors"
	"io"
	"runtime"
)

// Format is the input format.
type Format int

const (
	// JSONL is one JSON object per line.
	JSONL Format = iota
	// Text is one plain-text record per line.
	Text
)

// DefaultMaxLine is the default longest line accepted, in bytes.
const DefaultMaxLine = 16 << 20

// Config says how to read, map and write records.
type Config struct {
	Format  Format
	Field   Path   // the text; default "text"
	IDField Path   // the id; default "id"
	Key     string // the key added to each object; default "habla"
	MaxLine int    // longest line in bytes; default DefaultMaxLine
	Workers int    // parallel workers; default runtime.NumCPU()
	Strict  bool   // stop at the first bad line
	// OnError is called for each bad line, in input order.
	OnError func(*LineError)
}

// Input is one named input stream.
type Input struct {
	Name string
	R    io.Reader
}

// MapFunc appends the JSON value to add to rec (under Config.Key) to dst.
// An error marks the record as bad; dst is then discarded.
type MapFunc func(rec *Record, dst []byte) ([]byte, error)

// Stats counts what a run saw.
type Stats struct {
	Lines int // lines read and written
	Bad   int // lines written as error records
}

// Run reads every input in turn, maps each record with a function made by
// newMap (one per worker, so workers can keep scratch space), and writes
// the results to w in input order. It returns a *BadLinesError when some
// lines were bad, the first bad line's *LineError under Strict, the write
// error when w fails (for example a closed pipe), or ctx.Err().
func Run(ctx context.Context, cfg Config, inputs []Input, w io.Writer, newMap func() MapFunc) (Stats, error) {
	cfg = cfg.withDefaults()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	order := make(chan *batch, 2*cfg.Workers)
	jobs := make(chan *batch, cfg.Workers)
	go readAll(ctx, cfg, inputs, order, jobs)
	for range cfg.Workers {
		p := newProcessor(cfg, newMap())
		go func() {
			for b := range jobs {
				p.process(b)
				close(b.done)
			}
		}()
	}
	return writeAll(ctx, cfg, order, w)
}

func (c Config) withDefaults() Config {
	if c.Field.IsZero() {
		c.Field = MustParsePath("text")
	}
	if c.IDField.IsZero() {
		c.IDField = MustParsePath("id")
	}
	if c.Key == "" {
		c.Key = "habla"
	}
	if c.MaxLine <= 0 {
		c.MaxLine = DefaultMaxLine
	}
	if c.Workers <= 0 {
		c.Workers = runtime.NumCPU()
	}
	return c
}

// writeAll writes batches in the order they were read.
func writeAll(ctx context.Context, cfg Config, order <-chan *batch, w io.Writer) (Stats, error) {
	var st Stats
	bw := bufio.NewWriterSize(w, 256<<10)
	for {
		b, ok := next(ctx, order)
		if !ok {
			break
		}
		select {
		case <-b.done:
		case <-ctx.Done():
			bw.Flush()
			return st, ctx.Err()
		}
		if b.err != nil {
			return st, errors.Join(b.err, bw.Flush())
		}
		n := len(b.ends)
		if cfg.Strict && len(b.bad) > 0 {
			n = b.bad[0].index
		}
		_, err := bw.Write(b.out[:b.end(n)])
		putBuffer(b.out)
		if err != nil {
			return st, err
		}
		st.Lines += n
		for _, bad := range b.bad {
			if cfg.OnError != nil {
				cfg.OnError(bad.err)
			}
			st.Bad++
			if cfg.Strict {
				return st, errors.Join(bad.err, bw.Flush())
			}
		}
		if len(order) == 0 {
			if err := bw.Flush(); err != nil {
				return st, err
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return st, err
	}
	if err := ctx.Err(); err != nil {
		return st, err
	}
	if st.Bad > 0 {
		return st, &BadLinesError{Count: st.Bad}
	}
	return st, nil
}

// next receives the next batch, or reports false when the reader is done or
// the run was cancelled (the reader may be blocked on a terminal or a pipe
// that never closes, so cancellation must not wait for it).
func next(ctx context.Context, order <-chan *batch) (*batch, bool) {
	select {
	case b, ok := <-order:
		return b, ok
	case <-ctx.Done():
		return nil, false
	}
}
