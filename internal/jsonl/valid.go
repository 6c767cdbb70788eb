package jsonl

import (
	"encoding/binary"
	"encoding/json"
)

// validJSON reports whether data is valid JSON, as json.Valid does. The
// records of a JSONL file are small, shallow objects made mostly of string
// bytes; quickValid checks those in one tight pass (json.Valid steps a
// state machine through a function pointer per byte, 5% of align's time
// on the corpus benchmark), and json.Valid decides whatever quickValid
// does not accept.
func validJSON(data []byte) bool {
	return quickValid(data) || json.Valid(data)
}

// quickMaxDepth bounds quickValid's nesting; deeper values are left to
// json.Valid (which has its own limit).
const quickMaxDepth = 64

// quickValid reports true only for JSON that json.Valid accepts: an
// answer of false means "not shown valid here", never "invalid".
func quickValid(data []byte) bool {
	i, ok := quickValue(data, skipSpace(data, 0), 0)
	return ok && skipSpace(data, i) == len(data)
}

// quickValue checks the value starting at data[i] and returns the index
// just past it.
func quickValue(data []byte, i, depth int) (int, bool) {
	if i >= len(data) {
		return i, false
	}
	switch c := data[i]; {
	case c == '"':
		return quickString(data, i)
	case c == '{':
		if depth >= quickMaxDepth {
			return i, false
		}
		i = skipSpace(data, i+1)
		if i < len(data) && data[i] == '}' {
			return i + 1, true
		}
		for {
			if i >= len(data) || data[i] != '"' {
				return i, false
			}
			var ok bool
			if i, ok = quickString(data, i); !ok {
				return i, false
			}
			i = skipSpace(data, i)
			if i >= len(data) || data[i] != ':' {
				return i, false
			}
			if i, ok = quickValue(data, skipSpace(data, i+1), depth+1); !ok {
				return i, false
			}
			i = skipSpace(data, i)
			if i >= len(data) {
				return i, false
			}
			switch data[i] {
			case ',':
				i = skipSpace(data, i+1)
			case '}':
				return i + 1, true
			default:
				return i, false
			}
		}
	case c == '[':
		if depth >= quickMaxDepth {
			return i, false
		}
		i = skipSpace(data, i+1)
		if i < len(data) && data[i] == ']' {
			return i + 1, true
		}
		for {
			var ok bool
			if i, ok = quickValue(data, i, depth+1); !ok {
				return i, false
			}
			i = skipSpace(data, i)
			if i >= len(data) {
				return i, false
			}
			switch data[i] {
			case ',':
				i = skipSpace(data, i+1)
			case ']':
				return i + 1, true
			default:
				return i, false
			}
		}
	case c == '-' || '0' <= c && c <= '9':
		return quickNumber(data, i)
	case c == 't':
		return quickLiteral(data, i, "true")
	case c == 'f':
		return quickLiteral(data, i, "false")
	case c == 'n':
		return quickLiteral(data, i, "null")
	}
	return i, false
}

// quickString checks the string starting at data[i] == '"'.
func quickString(data []byte, i int) (int, bool) {
	for i++; i < len(data); i++ {
		if i+8 <= len(data) && stringBytes8(binary.LittleEndian.Uint64(data[i:])) {
			i += 7 // eight bytes with nothing to look at
			continue
		}
		c := data[i]
		switch {
		case c == '"':
			return i + 1, true
		case c < 0x20:
			return i, false
		case c == '\\':
			i++
			if i >= len(data) {
				return i, false
			}
			switch data[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if i+4 >= len(data) {
					return i, false
				}
				for _, h := range data[i+1 : i+5] {
					if !isHex(h) {
						return i, false
					}
				}
				i += 4
			default:
				return i, false
			}
		}
	}
	return i, false
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// quickNumber checks the number starting at data[i]:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func quickNumber(data []byte, i int) (int, bool) {
	if data[i] == '-' {
		i++
	}
	switch {
	case i < len(data) && data[i] == '0':
		i++
	case i < len(data) && '1' <= data[i] && data[i] <= '9':
		i = digits(data, i)
	default:
		return i, false
	}
	if i < len(data) && data[i] == '.' {
		j := digits(data, i+1)
		if j == i+1 {
			return j, false
		}
		i = j
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		j := digits(data, i)
		if j == i {
			return j, false
		}
		i = j
	}
	return i, true
}

func digits(data []byte, i int) int {
	for i < len(data) && '0' <= data[i] && data[i] <= '9' {
		i++
	}
	return i
}

func quickLiteral(data []byte, i int, lit string) (int, bool) {
	if len(data)-i < len(lit) || string(data[i:i+len(lit)]) != lit {
		return i, false
	}
	return i + len(lit), true
}
