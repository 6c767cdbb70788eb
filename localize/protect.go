package localize

import (
	"regexp"
	"slices"
	"strings"
)

// span is a byte range [start, end) of a text.
type span struct{ start, end int }

// protected returns the parts of text that are not prose and must come
// out byte for byte: code between backticks (inline or fenced), markup
// tags (<a href="…">), and placeholders in braces ({ $name }, {0},
// { -brand-short-name }). Braces with spaces inside hold an expression
// whose variants may be prose (Fluent: { PLATFORM() -> [macos] … }): only
// its variables, terms, variant keys and function calls are protected. A
// rewrite there would break a program's string, so an edit that touches
// one is a task.
func protected(text string) []span {
	var out []span
	out = appendDelimited(out, text, "```", "```")
	out = appendDelimited(out, text, "`", "`")
	out = appendDelimited(out, text, "<", ">")
	n := len(out)
	out = appendDelimited(out, text, "{", "}")
	var exprs []span
	for _, s := range out[n:] {
		if inner := strings.TrimSpace(text[s.start+1 : s.end-1]); strings.ContainsAny(inner, " \t\n") {
			exprs = append(exprs, s)
		}
	}
	out = slices.DeleteFunc(out, func(s span) bool { return slices.Contains(exprs, s) })
	for _, e := range exprs {
		for _, m := range identifiers.FindAllStringIndex(text[e.start:e.end], -1) {
			out = append(out, span{e.start + m[0], e.start + m[1]})
		}
	}
	return out
}

// identifiers are the parts of a brace expression that are code: $name,
// -term, [key] and *[key], FUNCTION(…), the braces and the arrow.
var identifiers = regexp.MustCompile(`\$[\w-]+|(?:^|[\s{(])-[a-z][\w-]*|\*?\[[^\]\s]+\]|[A-Z][A-Z0-9_]+\([^)]*\)|[{}]|->`)

// appendDelimited appends the spans from each open to the next close on
// the same line (for "```", anywhere), skipping those inside spans found
// before.
func appendDelimited(out []span, text, open, close string) []span {
	for i := 0; i < len(text); {
		j := strings.Index(text[i:], open)
		if j < 0 {
			break
		}
		start := i + j
		if inside(out, start) {
			i = start + len(open)
			continue
		}
		k := strings.Index(text[start+len(open):], close)
		if k < 0 {
			break
		}
		end := start + len(open) + k + len(close)
		if open != "```" && open != "{" && strings.ContainsAny(text[start:end], "\n") {
			i = start + len(open)
			continue
		}
		if open == "<" && !tagLike(text[start+1:end-1]) {
			i = start + 1 // a < b > c is no tag
			continue
		}
		out = append(out, span{start, end})
		i = end
	}
	return out
}

// tagLike reports whether the inside of <…> looks like markup: it starts
// with a letter, / or ! and does not start with a space.
func tagLike(s string) bool {
	if s == "" {
		return false
	}
	c := s[0]
	return c == '/' || c == '!' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

func inside(ss []span, b int) bool {
	for _, s := range ss {
		if s.start <= b && b < s.end {
			return true
		}
	}
	return false
}

func overlapsAny(ss []span, start, end int) bool {
	for _, s := range ss {
		if s.start < end && start < s.end {
			return true
		}
	}
	return false
}
