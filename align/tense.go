package align

import (
	"fmt"
	"strings"

	"github.com/habla-es/habla/lexicon/morph"
	"github.com/habla-es/habla/token"
)

// The perfect for today's past. Spain (outside the north-west and the
// Canaries) tells a past event of today with the present perfect ("hoy he
// comido con ella"); the Americas with the preterite ("hoy comí con ella").
// The perfect stays right everywhere for a past that reaches the present
// ("nunca he ido", "hasta hoy ha llovido"), so only a perfect in a
// sentence that places the event in a finished part of today is flagged,
// and only where the target's profile prefers the preterite.
// Source: RAE/ASALE, NGLE (2009) §§ 23.7h–23.8 ("antepresente" and its
// American and Peninsular uses); DPD (2005), s. v. «pretérito», 2.

// haberPresent maps the present of haber to its person.
var haberPresent = map[string]morph.Person{
	"he": morph.P1s, "has": morph.P2s, "ha": morph.P3s,
	"hemos": morph.P1p, "habéis": morph.P2p, "han": morph.P3p,
}

// todayWords place an event in a finished part of today: hoy, esta
// mañana/tarde, hace un rato/momento/poco, hace unos minutos.
var todayWords = map[string]bool{"hoy": true}

var todayAfterEsta = map[string]bool{"mañana": true, "tarde": true}

var todayAfterHace = map[string]bool{
	"un": true, "unos": true, "unas": true, "poco": true, "rato": true, "ratito": true,
}

// continuing words make the perfect right in every variety.
var continuing = map[string]bool{
	"nunca": true, "siempre": true, "todavía": true, "aún": true, "jamás": true,
	"hasta": true, "desde": true, "alguna": true, "últimamente": true,
}

// checkPerfect flags haber + participle in a sentence that says today.
// Most texts have no present of haber: one cheap pass finds out.
func (w *Worker) checkPerfect(out []Finding, text string, ts []token.Token) []Finding {
	if w.a.target.Tenses.RecentPast != "preterite" {
		return out
	}
	var hot []factFlags    // the words' hot flags, when the word cache read them
	var facts []*wordFacts // and their facts
	if !w.uncached && len(w.hot) == len(ts) {
		hot, facts = w.hot, w.facts
		if w.hotAll&factHaber == 0 {
			return out // no haber: no clause to look at
		}
	}
	start, haber := 0, false
	for i := 0; i <= len(ts); i++ {
		if i < len(ts) && !(ts[i].Kind == token.Punct && clauseEnds.in(ts[i].Text)) {
			if hot != nil {
				haber = haber || hot[i]&factHaber != 0
			} else {
				haber = haber || ts[i].Kind == token.Word && isHaberPresent(ts[i].Text)
			}
			continue
		}
		if haber {
			end := min(i, len(ts))
			var fs []*wordFacts
			if facts != nil {
				fs = facts[start:end]
			}
			out = w.perfectIn(out, text, ts[start:end], fs)
		}
		start, haber = i+1, false
	}
	return out
}

func isHaberPresent(s string) bool {
	if len(s) < 2 || len(s) > len("habéis") || s[0]|0x20 != 'h' {
		return false
	}
	for _, f := range [...]string{"he", "has", "ha", "hemos", "habéis", "han"} {
		if strings.EqualFold(s, f) {
			return true
		}
	}
	return false
}

// perfectIn checks one sentence; facts, when not nil, are its tokens'
// facts, whose lowercase forms it reads instead of lowercasing each word.
func (w *Worker) perfectIn(out []Finding, text string, ts []token.Token, facts []*wordFacts) []Finding {
	today, cont := "", false
	var words []int // indexes of the word tokens
	for i := range ts {
		if ts[i].Kind == token.Word {
			words = append(words, i)
		}
	}
	low := func(k int) string {
		if facts != nil {
			return facts[words[k]].lower // lowerKey, token.Lower's form
		}
		return token.Lower(ts[words[k]].Text)
	}
	for k := range words {
		switch l := low(k); {
		case todayWords[l] && !(k+2 < len(words) && low(k+1) == "en" && low(k+2) == "día"):
			today = l
		case (l == "esta" || l == "este") && k+1 < len(words) && todayAfterEsta[low(k+1)]:
			today = l + " " + low(k+1)
		case l == "hace" && k+1 < len(words) && todayAfterHace[low(k+1)]:
			today = l + " " + low(k+1)
		case continuing[l]:
			cont = true
		}
	}
	if today == "" || cont {
		return out
	}
	for k := 0; k+1 < len(words); k++ {
		person, ok := haberPresent[low(k)]
		if !ok || words[k+1] != words[k]+1 {
			continue
		}
		part := ts[words[k+1]]
		lemma := ""
		for _, r := range w.morph.an.Analyze(part.Text) {
			if r.Tense == morph.ParticipleForm && r.Note == "" {
				lemma = r.Lemma
				break
			}
		}
		if lemma == "" {
			continue
		}
		v, err := morph.Lookup(lemma)
		if err != nil {
			continue
		}
		if person == morph.P2p { // no vosotros where the preterite rules
			person = morph.P3p
		}
		pret := v.Form(morph.Indicative, morph.Preterite, person)
		span := joinTokens(text, ts[words[k]], part)
		sugg := matchCase(ts[words[k]].Text, pret)
		msg := fmt.Sprintf("Para un hecho de hoy ya terminado, %s se prefiere el pretérito perfecto simple: «%s» en vez de «%s %s» (lo decide «%s»).",
			w.a.address.where, sugg, ts[words[k]].Text, part.Text, today)
		f := newFinding(span, Minor, "morphology/perfect-today", msg, 0.7, sugg)
		f.Kind = Morphology
		out = append(out, f)
		k++
	}
	return out
}
