package align

import (
	"fmt"
	"strings"

	"github.com/habla-es/habla/dialects"
	"github.com/habla-es/habla/token"
)

// quotes checks the quotation marks against the target's primary pair:
// straight quotes ("…") are always flagged, English ones (“…”) where the
// primary marks are angular and they are not nested in them (Spain: « »
// first, “ ” inside, RAE, Ortografía 2010, §3.4.8.1). Angular marks are
// never flagged: the Academies recommend them everywhere.
func (t *convText) quotes() {
	q := t.n.c.Quotes.Primary
	if q[0] == "" {
		return
	}
	straight := t.pairedStraight()
	angular := q[0] == "«"
	depth, seen := 0, 0
	var flagged uint64 // a bit per open “, whether it was flagged
	level := 0
	for i := range t.ts {
		tok := t.ts[i]
		if tok.Kind != token.Punct || t.inCode(tok.ByteStart) {
			continue
		}
		switch tok.Text {
		case "«":
			depth++
		case "»":
			depth = max(0, depth-1)
		case "\"":
			if !straight || !t.straightQuote(i) {
				continue
			}
			t.quoteFinding(i, q[seen%2], 0.5)
			seen++
		case "“":
			flag := angular && depth == 0
			if flag {
				t.quoteFinding(i, q[0], 0.6)
			}
			if level < 64 && flag {
				flagged |= 1 << level
			}
			level++
		case "”":
			if level > 0 {
				level--
				if level < 64 && flagged&(1<<level) != 0 {
					flagged &^= 1 << level
					t.quoteFinding(i, q[1], 0.6)
				}
			}
		}
	}
}

// pairedStraight reports whether the text's straight quotes pair up, so
// that the first of each pair opens: not when one is unpaired, nor in
// markup (name="x").
func (t *convText) pairedStraight() bool {
	n := 0
	for i := range t.ts {
		if t.straightQuote(i) {
			n++
		}
	}
	return n > 0 && n%2 == 0 && !strings.Contains(t.text, "=\"")
}

// straightQuote reports a " used as a quotation mark: not an inch mark
// after a number (a 27" screen), not in code.
func (t *convText) straightQuote(i int) bool {
	tok := t.ts[i]
	return tok.Kind == token.Punct && tok.Text == "\"" && !t.inCode(tok.ByteStart) &&
		!(i > 0 && t.glued(i-1, i) && t.ts[i-1].Kind == token.Number)
}

func (t *convText) quoteFinding(i int, want string, conf float64) {
	t.add(i, i, Convention, mqmQuote, Minor, "convention/quotes", t.n.quoteMsg, conf, want)
}

// quoteMessage explains the target's quotation marks.
func quoteMessage(where string, q dialects.Quotes) string {
	if q.Primary[0] == "" {
		return ""
	}
	msg := fmt.Sprintf("%s las comillas de primer nivel son %s…%s", capitalize(where), q.Primary[0], q.Primary[1])
	if q.Primary[0] == "«" {
		msg += fmt.Sprintf("; %s…%s se reservan para citar dentro de una cita (RAE, Ortografía 2010, §3.4.8.1).", q.Secondary[0], q.Secondary[1])
	} else {
		msg += " (o las angulares, «…»); las rectas son las del teclado."
	}
	return msg
}

// englishWords are frequent English words that are not Spanish ones: two
// of them in a question make it English (a quoted title, a phrase).
var englishWords = map[string]bool{
	"the": true, "you": true, "what": true, "is": true, "are": true, "do": true, "does": true,
	"did": true, "how": true, "why": true, "where": true, "who": true, "can": true, "it": true,
	"this": true, "that": true, "i": true, "my": true, "your": true, "we": true, "they": true,
	"have": true, "has": true, "will": true, "was": true, "were": true, "be": true, "of": true,
	"and": true, "to": true, "in": true, "on": true, "for": true, "with": true, "not": true,
	"don't": true, "i'm": true, "it's": true, "wow": true, "hey": true, "when": true,
	"could": true, "would": true, "should": true, "let's": true, "please": true,
}

// spanishWords are function words that show a clause is Spanish; a
// clause of three or more words without any, and without a letter
// outside ASCII, may be English ("Delete all memories?").
var spanishWords = map[string]bool{
	"de": true, "la": true, "el": true, "que": true, "y": true, "en": true, "los": true,
	"las": true, "se": true, "no": true, "un": true, "una": true, "por": true, "con": true,
	"para": true, "es": true, "lo": true, "del": true, "al": true, "me": true, "te": true,
	"le": true, "les": true, "tu": true, "su": true, "sus": true, "mi": true, "ya": true,
	"hay": true, "muy": true, "pero": true, "si": true, "como": true, "cuando": true,
	"donde": true, "quien": true, "esto": true, "eso": true, "este": true, "esta": true,
	"ese": true, "esa": true, "nos": true, "vas": true, "va": true, "van": true, "hoy": true,
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// apostrophes normalizes the apostrophes of it´s and don’t.
var apostrophes = strings.NewReplacer("´", "'", "’", "'")

// invertedMarks flags a question or exclamation that ends with ? or ! and
// has no ¿ or ¡ since the start of its sentence or clause (after . : ; or
// a line break). Either opening mark satisfies either closing one (¿…!
// is allowed); "(?)" and "(!)" mark doubt or irony and need none.
func (t *convText) invertedMarks() {
	seg, open := -1, 0
	// Most texts are one line: their gaps need no look.
	breaks := strings.IndexByte(t.text, '\n') >= 0 || strings.IndexByte(t.text, '\r') >= 0
	for i := range t.ts {
		tok := &t.ts[i]
		if breaks && i > 0 && lineBreaks.in(t.gap(i-1)) {
			seg, open = -1, 0
		}
		if t.inCode(tok.ByteStart) {
			continue
		}
		if tok.Kind != token.Punct {
			if seg < 0 && tok.Kind != token.Emoji && tok.Kind != token.Symbol {
				seg = i
			}
			continue
		}
		switch tok.Text {
		case "¿", "¡":
			if !t.glued(i-1, i) || !t.is(i-1, token.Punct, "¿") && !t.is(i-1, token.Punct, "¡") {
				open++
			}
		case "?", "!":
			if !t.glued(i-1, i) && t.glued(i, i+1) && t.ts[i+1].Kind == token.Word {
				open++ // ?Vienes: an opening mark lost to the encoding or the keyboard
				continue
			}
			if t.glued(i-1, i) && (t.is(i-1, token.Punct, "?") || t.is(i-1, token.Punct, "!")) {
				continue // ?!, !!!: one closing run
			}
			if t.glued(i-1, i) && t.is(i-1, token.Punct, "(") && t.glued(i, i+1) && t.is(i+1, token.Punct, ")") {
				continue
			}
			if t.glued(i-1, i) && t.is(i-1, token.Symbol, "<") || t.glued(i, i+1) && t.is(i+1, token.Symbol, ">") {
				continue // <!DOCTYPE>, <?xml ?>: markup
			}
			if open > 0 {
				open--
			} else if seg >= 0 {
				t.missingOpener(seg, i)
			}
			seg = -1
		case ".", "…":
			seg, open = -1, 0
		case ":", ";":
			seg = -1 // a new clause; a question opened before it may close after it
		default:
			if tok.Text[0] == '.' { // "..."
				seg, open = -1, 0
			}
		}
	}
}

// missingOpener flags the clause seg..end, which closes with ? or ! and
// never opened.
// The messages of missingOpener.
const (
	missingQuestionOpener    = "Falta el signo de apertura: en español la pregunta se abre con «¿» y se cierra con «?»."
	missingExclamationOpener = "Falta el signo de apertura: en español la exclamación se abre con «¡» y se cierra con «!»."
)

func (t *convText) missingOpener(seg, end int) {
	english, words, spanish := 0, 0, false
	for j := seg; j < end; j++ {
		if t.ts[j].Kind != token.Word {
			continue
		}
		words++
		w := t.lower(j)
		if !isASCII(w) && (strings.Contains(w, "´") || strings.Contains(w, "’")) {
			w = apostrophes.Replace(w)
		}
		spanish = spanish || spanishWords[w] || !isASCII(w)
		if englishWords[w] {
			english++
			if j == seg {
				english++ // What worked well?
			}
		}
	}
	if english >= 2 || words >= 3 && !spanish {
		return // English, or at least nothing that shows Spanish
	}
	opener, rule, msg := "¿", "convention/inverted-question", missingQuestionOpener
	if t.ts[end].Text == "!" {
		opener, rule, msg = "¡", "convention/inverted-exclamation", missingExclamationOpener
	}
	t.add(seg, seg, Convention, mqmPunctuation, Minor, rule, msg, 0.8, opener+t.ts[seg].Text)
}
