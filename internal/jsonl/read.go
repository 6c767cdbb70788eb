package jsonl

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// line is one input line as the reader hands it on.
type line struct {
	num     int
	data    []byte // without the line terminator; nil when too long
	tooLong int    // length in bytes when the line exceeded the limit
}

// lineReader reads lines of at most max bytes. A longer line is consumed
// and reported by its length, so one oversized record never stops a run and
// never holds more than max bytes in memory.
type lineReader struct {
	r    *bufio.Reader
	max  int
	num  int
	long []byte
}

func newLineReader(r io.Reader, max int) *lineReader {
	return &lineReader{r: bufio.NewReaderSize(r, 64<<10), max: max}
}

// next appends the next line's bytes to arena and returns the line. It
// returns io.EOF when there are no more lines.
func (lr *lineReader) next(arena []byte) (line, []byte, error) {
	start := len(arena)
	total := 0 // bytes of the line, without its final newline
	for {
		chunk, err := lr.r.ReadSlice('\n')
		total += len(chunk)
		if err == nil {
			total-- // the newline
		}
		if total <= lr.max+1 { // room for a final "\r"
			arena = append(arena, chunk...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil && err != io.EOF {
			return line{}, arena[:start], err
		}
		if total == 0 && len(chunk) == 0 && err == io.EOF {
			return line{}, arena[:start], io.EOF
		}
		lr.num++
		return lr.finish(arena, start, total)
	}
}

func (lr *lineReader) finish(arena []byte, start, total int) (line, []byte, error) {
	l := line{num: lr.num}
	data := arena[start:]
	if total > len(bytes.TrimSuffix(data, []byte("\n"))) {
		l.tooLong = total
		return l, arena[:start], nil
	}
	data = bytes.TrimSuffix(data, []byte("\n"))
	data = bytes.TrimSuffix(data, []byte("\r"))
	if lr.num == 1 {
		data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	}
	if len(data) > lr.max {
		l.tooLong = len(data)
		return l, arena[:start], nil
	}
	l.data = data
	return l, arena, nil
}

// buffered reports whether the next line can be read without blocking on
// the underlying reader, so a batch waiting for more lines is sent on first.
func (lr *lineReader) buffered() bool { return lr.r.Buffered() > 0 }
