package jsonl

import (
	"fmt"
)

// LineError is a bad input line: where it is, what was wrong, and why.
type LineError struct {
	Name string // input name
	Line int    // 1-based line number
	Col  int    // 1-based column in code points, 0 when not known
	What string // e.g. "invalid JSON", "missing text"
	Err  error  // the reason
}

func (e *LineError) Error() string {
	where := fmt.Sprintf("%s:%d", e.Name, e.Line)
	if e.Col > 0 {
		where = fmt.Sprintf("%s:%d", where, e.Col)
	}
	return fmt.Sprintf("%s: %s: %v", where, e.What, e.Err)
}

func (e *LineError) Unwrap() error { return e.Err }

// BadLinesError is returned by Run when some lines were bad and the run went
// on past them; each was reported through Config.OnError.
type BadLinesError struct {
	Count int
}

func (e *BadLinesError) Error() string {
	if e.Count == 1 {
		return "1 input line could not be processed"
	}
	return fmt.Sprintf("%d input lines could not be processed", e.Count)
}
