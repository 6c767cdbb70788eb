package align

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/habla-es/habla/dialects"
	"github.com/habla-es/habla/token"
)

// The MQM categories of convention findings (DESIGN.md). Punctuation is
// not among DESIGN.md's convention formats: the missing ¿ and ¡ are a
// fluency error in the MQM core typology.
const (
	mqmNumber      = "locale-convention/number-format"
	mqmCurrency    = "locale-convention/currency-format"
	mqmDate        = "locale-convention/date-format"
	mqmTime        = "locale-convention/time-format"
	mqmQuote       = "locale-convention/quote-format"
	mqmPunctuation = "fluency/punctuation"
)

// convNorm is what the target variety's conventions (dialects.Conventions)
// accept, computed once per Aligner.
type convNorm struct {
	c     dialects.Conventions
	where string // "en Venezuela", for messages
	// dollarLocal: "$" is a local symbol of a currency other than the US
	// dollar (MXN, ARS…); dollarHome: "$" reads as a currency at home
	// (the local one, or USD where it is in wide use).
	dollarLocal, dollarHome bool
	localDollar             string // the unambiguous local form: "MX$", "ARS"
	quoteMsg                string
	units                   unitNorm // everyday units (conventions_units.go)
}

func newConvNorm(p *dialects.Profile) convNorm {
	n := convNorm{c: p.Conventions, where: placeOf(p), units: newUnitNorm(p)}
	n.quoteMsg = quoteMessage(n.where, p.Conventions.Quotes)
	cur := p.Conventions.Currency
	hasDollar := false
	for _, s := range cur.Symbols {
		hasDollar = hasDollar || s == "$"
	}
	n.dollarLocal = hasDollar && cur.Code != "USD"
	n.dollarHome = hasDollar || n.atHome("USD")
	n.localDollar = cur.Code
	for _, s := range cur.Symbols {
		if s != "$" && strings.Contains(s, "$") {
			n.localDollar = s
			break
		}
	}
	return n
}

// placeOf is where a profile's variety is spoken, for messages: "en
// Venezuela", "en la Argentina", "en el Perú", "en español dominicano".
func placeOf(p *dialects.Profile) string {
	name := p.Names.Es
	if rest, ok := strings.CutPrefix(name, "español del "); ok {
		return "en el " + rest
	}
	if rest, ok := strings.CutPrefix(name, "español de "); ok {
		return "en " + rest
	}
	return "en " + name
}

// atHome reports whether the ISO 4217 code is the target's currency or
// one in wide use there.
func (n *convNorm) atHome(code string) bool {
	cur := n.c.Currency
	if code == cur.Code {
		return true
	}
	for _, c := range cur.Also {
		if c == code {
			return true
		}
	}
	return false
}

// convScratch is a Worker's reusable space for the convention checks.
type convScratch struct {
	code    []span // inline code and code blocks: `…`, ```…```
	numbers []numberInfo
}

// span is a byte range of the text.
type span struct{ start, end int }

// convText is one text as the convention checks see it.
type convText struct {
	n    *convNorm
	text string
	ts   []token.Token
	code []span
	fs   []Finding
	usd  int8 // mentionsUSD, computed once: 0 unknown, 1 no, 2 yes
	// facts are the words' facts by token (Worker.facts), whose
	// lowercase forms the checks read; nil: lowercased here.
	facts []*wordFacts
}

// check appends the convention findings of text to dst. It costs one
// pass over the tokens when the text has nothing a convention applies to.
// hot, when not nil, holds the tokens' hot flags (Worker.hot): month
// names are found on them (factMonth) instead of looked up; facts, when
// not nil, the words' facts (Worker.facts), whose lowercase forms are
// read instead of lowering the words again.
func (n *convNorm) check(dst []Finding, text string, ts []token.Token, hot []factFlags, facts []*wordFacts, sc *convScratch) []Finding {
	if n.c.Decimal == "" {
		return dst // a profile without conventions
	}
	sc.code = codeSpans(sc.code[:0], text)
	t := convText{n: n, text: text, ts: ts, code: sc.code, fs: dst, facts: facts}
	var hasNumber, hasSymbol, hasQuote, hasMark bool
	for i := range ts {
		switch tok := &ts[i]; tok.Kind {
		case token.Number:
			hasNumber = true
		case token.Symbol:
			hasSymbol = true
		case token.Punct:
			switch tok.Text {
			case "?", "!":
				hasMark = true
			case "\"", "“", "”", "«", "»":
				hasQuote = true
			}
		case token.Word:
			if hot != nil && hot[i]&factMonth != 0 || hot == nil && isMonthShaped(tok.Text) {
				t.month(i)
			}
		}
	}
	if hasNumber {
		// Units first: a converted amount is written in the target's
		// number convention, so it wins over a separator finding on the
		// same number (dedupe keeps the first of equal severity).
		t.units()
		sc.numbers = t.numbers(sc.numbers[:0])
	}
	if hasSymbol || hasNumber {
		t.currencies()
	}
	if hasQuote {
		t.quotes()
	}
	if hasMark {
		t.invertedMarks()
	}
	return t.fs
}

// codeSpans appends the stretches of text between backticks: numbers,
// quotes and question marks in code are not prose.
func codeSpans(dst []span, text string) []span {
	i := 0
	for {
		j := strings.IndexByte(text[i:], '`')
		if j < 0 {
			return dst
		}
		start := i + j
		fence := "`"
		if strings.HasPrefix(text[start:], "```") {
			fence = "```"
		}
		k := strings.Index(text[start+len(fence):], fence)
		if k < 0 {
			return dst
		}
		end := start + len(fence) + k + len(fence)
		dst = append(dst, span{start, end})
		i = end
	}
}

// inCode reports whether the token starting at byte b is inside code.
func (t *convText) inCode(b int) bool {
	// Small enough to be inlined: most texts have no code span.
	return len(t.code) > 0 && t.inCodeSpan(b)
}

func (t *convText) inCodeSpan(b int) bool {
	// The spans are sorted and disjoint: the last one starting at or
	// before b is the only candidate.
	k := sort.Search(len(t.code), func(k int) bool { return t.code[k].start > b })
	return k > 0 && b < t.code[k-1].end
}

// add appends a convention finding over the tokens from..to (inclusive).
func (t *convText) add(from, to int, kind Kind, cat string, sev Severity, rule, msg string, conf float64, sugg ...string) {
	a, b := t.ts[from], t.ts[to]
	t.fs = append(t.fs, Finding{
		Start: a.Start, End: b.End, ByteStart: a.ByteStart, ByteEnd: b.ByteEnd,
		Text: t.text[a.ByteStart:b.ByteEnd], Kind: kind, Category: cat, Severity: sev,
		Suggestions: sugg, Confidence: conf, Rule: rule, Message: msg,
	})
}

// glued reports whether tokens i and j (i < j) touch, with no space.
func (t *convText) glued(i, j int) bool {
	return i >= 0 && j < len(t.ts) && t.ts[i].ByteEnd == t.ts[j].ByteStart
}

// lower is word token i lowercased (token.Lower), from its facts when
// there are.
func (t *convText) lower(i int) string {
	if t.facts != nil && t.facts[i] != nil {
		return t.facts[i].lower
	}
	return token.Lower(t.ts[i].Text)
}

// gap is the text between tokens i and i+1.
func (t *convText) gap(i int) string {
	return t.text[t.ts[i].ByteEnd:t.ts[i+1].ByteStart]
}

// is reports whether token i exists and has kind k and text s.
func (t *convText) is(i int, k token.Kind, s string) bool {
	return i >= 0 && i < len(t.ts) && t.ts[i].Kind == k && t.ts[i].Text == s
}

// sentenceInitial reports whether token i starts a sentence, a line, a
// quotation or a clause after a colon: there a capital proves nothing.
func (t *convText) sentenceInitial(i int) bool {
	for j := i - 1; j >= 0; j-- {
		if lineBreaks.in(t.gap(j)) {
			return true
		}
		tok := t.ts[j]
		switch tok.Kind {
		case token.Emoji:
			return true
		case token.Punct:
			r, _ := utf8.DecodeRuneInString(tok.Text)
			if strings.ContainsRune(".?!…:¿¡«“\"(—–-", r) {
				return true
			}
		}
		return false
	}
	return true
}

// capitalizedName reports whether token i is a word with a capital inside
// a sentence, or with more than one capital (iOS, USB, Python in mid
// sentence): a name, a product or a code.
func (t *convText) capitalizedName(i int) bool {
	if i < 0 || t.ts[i].Kind != token.Word {
		return false
	}
	s := t.ts[i].Text
	caps := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			caps++
		}
	}
	return caps > 1 || caps == 1 && !t.sentenceInitial(i)
}
