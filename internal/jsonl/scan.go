package jsonl

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"strings"
	"unicode/utf8"
)

// The scanner below walks JSON that json.Valid has already accepted, so it
// only needs to find where values start and end, not to diagnose errors.

func skipSpace(b []byte, i int) int {
	for i < len(b) {
		switch b[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// skipString returns the index just past the string starting at b[i] == '"'.
func skipString(b []byte, i int) int {
	for i++; i < len(b); i++ {
		if i+8 <= len(b) && stringBytes8(binary.LittleEndian.Uint64(b[i:])) {
			i += 7 // eight bytes without a quote or a backslash
			continue
		}
		switch b[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return len(b)
}

// skipValue returns the index just past the value starting at b[i].
func skipValue(b []byte, i int) int {
	switch b[i] {
	case '"':
		return skipString(b, i)
	case '{', '[':
		depth := 0
		for ; i < len(b); i++ {
			switch b[i] {
			case '"':
				i = skipString(b, i) - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
		}
		return len(b)
	default:
		for ; i < len(b); i++ {
			switch b[i] {
			case ',', '}', ']', ' ', '\t', '\n', '\r':
				return i
			}
		}
		return len(b)
	}
}

// member is one key/value pair of an object, as byte offsets.
type member struct {
	keyStart, valStart, valEnd int
}

// findMember returns the last member of the object at b[i] whose key is key.
// The last one wins, as in most JSON readers.
func findMember(b []byte, i int, key string) (member, bool) {
	var found member
	ok := false
	i = skipSpace(b, i+1)
	for i < len(b) && b[i] == '"' {
		ks := i
		ke := skipString(b, i)
		vs := skipSpace(b, skipSpace(b, ke)+1)
		ve := skipValue(b, vs)
		if keyEquals(b[ks:ke], key) {
			found, ok = member{keyStart: ks, valStart: vs, valEnd: ve}, true
		}
		i = skipSpace(b, ve)
		if i < len(b) && b[i] == ',' {
			i = skipSpace(b, i+1)
		}
	}
	return found, ok
}

// keyEquals reports whether the quoted JSON string raw decodes to key.
func keyEquals(raw []byte, key string) bool {
	inner := raw[1 : len(raw)-1]
	if !strings.ContainsRune(string(inner), '\\') {
		return string(inner) == key
	}
	s, ok := decodeString(raw)
	return ok && s == key
}

// elements returns the start offsets of the elements of the array at b[i].
func elements(b []byte, i int) []int {
	var starts []int
	i = skipSpace(b, i+1)
	for i < len(b) && b[i] != ']' {
		starts = append(starts, i)
		i = skipSpace(b, skipValue(b, i))
		if i < len(b) && b[i] == ',' {
			i = skipSpace(b, i+1)
		}
	}
	return starts
}

// decodeString decodes the quoted JSON string raw. Strings without escapes,
// the common case, are converted directly.
func decodeString(raw []byte) (string, bool) {
	return decodeStringIn(raw, false)
}

// decodeStringIn is decodeString for raw from a line known to be UTF-8
// (valid): the line's check covers its strings, and checking the record's
// text again was 1.5% of align's time on the 200,000-record benchmark.
func decodeStringIn(raw []byte, valid bool) (string, bool) {
	inner := raw[1 : len(raw)-1]
	if bytes.IndexByte(inner, '\\') < 0 && (valid || utf8.Valid(inner)) {
		return string(inner), true
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", false
	}
	return s, true
}

// kindOf names the JSON type of the value starting at b[i], for messages.
func kindOf(b []byte, i int) string {
	switch b[i] {
	case '"':
		return "a string"
	case '{':
		return "an object"
	case '[':
		return "an array"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	default:
		return "a number"
	}
}
