// Package jsonl is the streaming engine under every per-record command.
//
// It reads records (one JSON object per line, or one text per line), finds
// the text at a field path, hands each record to a map function on a pool of
// workers, and writes every input object back byte for byte with one key
// added. Output keeps input order and has exactly one line per input line:
// a line that cannot be processed comes out as an error record in its place
// and is reported as a *LineError, never dropped.
//
// The engine never decodes a whole object: it validates the line, walks the
// bytes to the field it needs, and splices the new key in before the closing
// brace (or over an earlier value of the same key). That keeps key order,
// number spelling and escapes exactly as the producer wrote them, and it is
// what lets the engine run close to the speed of a bare copy.
package jsonl
