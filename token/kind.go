package token

import "strconv"

// Kind says what a token is, so that later stages can skip what they do
// not read (the lexicon matches words, the convention checks read numbers).
type Kind uint8

// The kinds of token. The zero Kind is invalid so that a zero Token is
// never mistaken for a word.
const (
	Word    Kind = iota + 1 // letters and marks, with inner apostrophes and hyphens
	Number                  // digits with separators, sign and ordinal indicator
	Punct                   // punctuation, including ¿ ¡ and "..."
	Symbol                  // currency, math and other symbols
	URL                     // http://, https://, ftp:// and www. addresses
	Email                   // local@domain.tld
	Emoji                   // one emoji sequence (ZWJ, modifiers, flags, keycaps)
	Mention                 // @usuario or #etiqueta
)

var kindNames = [...]string{
	Word:    "word",
	Number:  "number",
	Punct:   "punct",
	Symbol:  "symbol",
	URL:     "url",
	Email:   "email",
	Emoji:   "emoji",
	Mention: "mention",
}

// String returns the lowercase name used in JSON output and reports.
func (k Kind) String() string {
	if int(k) < len(kindNames) && kindNames[k] != "" {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Token is one token with its offsets into the original input.
type Token struct {
	// Text is the token exactly as in the input: a substring of it, never
	// normalized, so that tokenizing allocates nothing per token.
	Text string
	Kind Kind
	// Start and End count code points from the start of the input; End is
	// exclusive.
	Start, End int
	// ByteStart and ByteEnd count UTF-8 bytes from the start of the input;
	// Text == input[ByteStart:ByteEnd].
	ByteStart, ByteEnd int
}

// Span is a stretch of the input, such as a sentence, in code points and
// in bytes; ends are exclusive.
type Span struct{ Start, End, ByteStart, ByteEnd int }
