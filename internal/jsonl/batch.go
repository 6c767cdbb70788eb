package jsonl

import (
	"context"
	"io"
	"sync"
)

// A batch is a run of lines read together and mapped by one worker. The
// writer receives batches in read order and waits on done for each.
type batch struct {
	name  string
	lines []line
	arena []byte
	err   error // a read error after these lines

	out  []byte
	ends []int // ends[i] is the end of line i's output in out
	bad  []badLine
	done chan struct{}
}

type badLine struct {
	index int
	err   *LineError
}

// end is the length of out holding the first n lines' output.
func (b *batch) end(n int) int {
	if n == 0 {
		return 0
	}
	return b.ends[n-1]
}

const (
	batchLines = 256
	batchBytes = 1 << 20
)

// readAll reads every input into batches, sending each to the writer (to
// fix its place in the output) and then to the workers.
func readAll(ctx context.Context, cfg Config, inputs []Input, order, jobs chan<- *batch) {
	defer close(order)
	defer close(jobs)
	for _, in := range inputs {
		if !readInput(ctx, cfg, in, order, jobs) {
			return
		}
	}
}

func readInput(ctx context.Context, cfg Config, in Input, order, jobs chan<- *batch) bool {
	lr := newLineReader(in.R, cfg.MaxLine)
	b := newBatch(in.Name)
	for {
		l, arena, err := lr.next(b.arena)
		b.arena = arena
		if err == nil {
			b.lines = append(b.lines, l)
		}
		full := len(b.lines) >= batchLines || len(b.arena) >= batchBytes || !lr.buffered()
		if err == nil && !full {
			continue
		}
		if err != nil && err != io.EOF {
			b.err = &readError{name: in.Name, err: err}
		}
		if len(b.lines) > 0 || b.err != nil {
			if !send(ctx, b, order, jobs) {
				return false
			}
		}
		if err != nil {
			return b.err == nil
		}
		b = newBatch(in.Name)
	}
}

func newBatch(name string) *batch {
	return &batch{name: name, arena: getBuffer(), done: make(chan struct{})}
}

// buffers recycles batch arenas and outputs: a run moves every byte
// through one of each, and growing fresh ones per batch was a third of
// the allocation on the align path.
var buffers = sync.Pool{New: func() any { b := make([]byte, 0, 64<<10); return &b }}

func getBuffer() []byte { return (*buffers.Get().(*[]byte))[:0] }

// putBuffer returns b for reuse; very large buffers (a 16 MiB line) are
// left to the garbage collector rather than kept alive.
func putBuffer(b []byte) {
	if cap(b) > 0 && cap(b) <= 4<<20 {
		buffers.Put(&b)
	}
}

func send(ctx context.Context, b *batch, order, jobs chan<- *batch) bool {
	select {
	case order <- b:
	case <-ctx.Done():
		return false
	}
	select {
	case jobs <- b:
		return true
	case <-ctx.Done():
		return false
	}
}

// readError is an input that could not be read (not a bad line).
type readError struct {
	name string
	err  error
}

func (e *readError) Error() string { return e.name + ": read: " + e.err.Error() }
func (e *readError) Unwrap() error { return e.err }
