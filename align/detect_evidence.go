package align

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/habla-es/habla/dialects"
	"github.com/habla-es/habla/lexicon"
	"github.com/habla-es/habla/token"
)

// The weights of each kind of evidence, in nats per item. They were set on
// DSL-TL ES_train.tsv (EVALUATION.md, "Dialect detection"); the lexicon's
// usage levels are log-likelihoods of meeting a variant in a variety.
type detectWeights struct {
	lexicon float64
	address float64 // a voseo or vosotros form where the variety has none
	tuteo   float64 // tú where the variety says vos
	place   float64 // a place, demonym or currency named or written
	name    float64 // an institution, person or organisation named
	format  float64
	cue     map[string]float64 // by source of data/cues.tsv
}

var defaultWeights = detectWeights{lexicon: 1.0, address: 2.5, tuteo: 0.7, place: 4.0, name: 4.0, format: 0.3,
	cue: map[string]float64{"dsl-tl": 1.0, "activ-es": 1.0}}

// maxFormatHits bounds the number formats read in one text.
const maxFormatHits = 3

// levelWeight is the log-weight of meeting a variant of a level: a
// variety's usual word costs nothing, a foreign one a lot.
func levelWeight(u lexicon.Usage, known bool) float64 {
	if !known {
		return -1.0
	}
	switch u.Level {
	case lexicon.Common:
		return 0
	case lexicon.Used:
		return -0.3
	case lexicon.Understood:
		return -1.2
	}
	return -2.0 // rare, avoid
}

// lexWeights computes each variant's vector over the candidates once,
// keeping only variants whose levels differ between candidates.
func lexWeights(l *lexicon.Lexicon, cands []*dialects.Profile) map[*lexicon.Variant][]float64 {
	chains := make([][]string, len(cands))
	for i, p := range cands {
		chains[i] = l.Dialects().Chain(p)
	}
	out := map[*lexicon.Variant][]float64{}
	w := make([]float64, len(cands))
	for _, c := range l.Concepts() {
		for _, v := range c.Variants {
			same := true
			for i := range cands {
				u, ok := usageAlong(v, chains[i])
				w[i] = levelWeight(u, ok)
				same = same && w[i] == w[0]
			}
			if !same {
				out[v] = slices.Clone(w)
			}
		}
	}
	return out
}

// usageAlong is lexicon.Usage with the chain computed once per candidate.
func usageAlong(v *lexicon.Variant, chain []string) (lexicon.Usage, bool) {
	for _, id := range chain {
		if u, ok := v.Usage[id]; ok {
			return u, true
		}
	}
	return lexicon.Usage{}, false
}

// addLexicon adds, for each matched form, its best reading's weight in
// each variety (a form with several senses is at home where any is).
func (d *Detector) addLexicon(sc *scratch, in detectInput) {
	for _, m := range in.lexms {
		single := in.facts != nil && in.matched && m.End == m.First+1
		if single && in.hot[m.First]&factDetLexNone != 0 {
			continue // decided on the word's hot flags, before likelyName reads the text
		}
		if likelyName(in.tokens, m.First) {
			continue
		}
		item, found := sc.item, false
		if single {
			item, found = in.facts[m.First].detLexicon(d, sc.item)
		} else {
			found = d.lexVector(sc.item, m.Entries)
		}
		if found {
			d.add(sc, "lexicon", spanOf(in.text, in.tokens, m.First, m.End), item, d.w.lexicon)
		}
	}
}

// lexVector sets dst to the best weight of the entries' readings in each
// variety and reports whether they say anything about the variety.
func (d *Detector) lexVector(dst []float64, es []lexicon.Entry) bool {
	found := false
	for _, e := range es {
		w, ok := d.lexw[e.Variant]
		if !ok {
			// One reading that is the same everywhere: the form says
			// nothing about the variety.
			return false
		}
		if !found {
			copy(dst, w)
			found = true
			continue
		}
		for i := range dst {
			dst[i] = math.Max(dst[i], w[i])
		}
	}
	return found
}

func spanOf(text string, ts []token.Token, first, end int) string {
	return text[ts[first].ByteStart:ts[end-1].ByteEnd]
}

// addAddress adds the address markers Align found: a form of a system the
// variety does not use counts against it.
func (d *Detector) addAddress(sc *scratch, in detectInput) {
	if len(in.marks) == 0 {
		return
	}
	ctx := textContext(in.marks)
	for i := range in.marks {
		m := &in.marks[i]
		if m.weak && m.systems&ctx.systems == 0 {
			continue
		}
		weight := d.w.address
		if m.systems&^Tuteo == 0 {
			weight = d.w.tuteo
		}
		any := false
		for c := range d.norms {
			sc.item[c] = 0
			if !d.norms[c].acceptsMarker(m) {
				sc.item[c] = -1
				any = true
			}
		}
		if any {
			d.add(sc, "address", in.text[in.tokens[m.tok].ByteStart:in.tokens[m.tok].ByteEnd], sc.item, weight)
		}
	}
}

// acceptsMarker reports whether the variety uses the marker's system.
func (n *addressNorm) acceptsMarker(m *marker) bool {
	if m.pronoun == nil {
		return m.systems&n.accepts != 0
	}
	switch {
	case m.lower == "vos":
		return n.vosPron || n.accepts&voseoAll != 0 && !n.verbal
	case m.pronoun.system == Tuteo:
		return n.tuPron
	}
	return m.pronoun.system&n.accepts != 0
}

// addWords reads the word-level evidence in one pass: cue words, names of
// places, currencies and institutions, and number formats. With the
// words' facts it visits only the tokens in.at lists.
func (d *Detector) addWords(sc *scratch, in detectInput, buf []byte) []byte {
	formats, next := 0, 0
	if in.facts != nil {
		for _, k := range in.at {
			if i := int(k); i >= next {
				next, buf = d.addToken(sc, in, i, &formats, buf)
			}
		}
		return buf
	}
	for i := 0; i < len(in.tokens); {
		i, buf = d.addToken(sc, in, i, &formats, buf)
	}
	return buf
}

// addToken adds what token i is evidence of and returns the token after
// it (after the name it begins, if any).
func (d *Detector) addToken(sc *scratch, in detectInput, i int, formats *int, buf []byte) (int, []byte) {
	ts := in.tokens
	switch ts[i].Kind {
	case token.Number:
		if *formats < maxFormatHits && d.formats.addNumber(d, sc, ts, i) {
			*formats++
		}
		return i + 1, buf
	case token.Symbol:
		d.formats.addSymbol(d, sc, ts[i].Text)
		return i + 1, buf
	case token.Word:
	default:
		return i + 1, buf
	}
	var info wordInfo
	var key string
	var ok bool
	if in.facts != nil {
		if in.hot[i]&factDetUse == 0 {
			return i + 1, buf // no evidence: decided on the word's hot flags
		}
		if in.hot[i]&factDetFacts == 0 {
			// A cue word and no name: its vector's index is kept beside
			// the token, and the facts (a cache miss for most words) are
			// not read.
			d.addCue(sc, ts[i].Text, int(in.cues[i])-1)
			return i + 1, buf
		}
		f := in.facts[i]
		info, key, ok = f.det, f.detKey, f.detOK
	} else {
		info, key, ok = d.lookupWord(ts[i].Text, &buf)
	}
	if !ok {
		return i + 1, buf
	}
	if info.place != 0 || info.prefix && (in.facts == nil || placeNextOK(ts, in.hot, i)) {
		if end, ok := d.places.match(d, sc, in.text, ts, i, key, info); ok {
			return end, buf
		}
	}
	if info.cue != 0 {
		d.addCue(sc, ts[i].Text, int(info.cue-1))
	}
	return i + 1, buf
}

// placeNextWords lists the words that follow another in some name of g:
// the keys' words but their first.
func placeNextWords(g *gazetteer) map[string]bool {
	out := map[string]bool{}
	for k := range g.names {
		_, rest, _ := strings.Cut(k, " ")
		for w := range strings.SplitSeq(rest, " ") {
			if w != "" {
				out[w] = true
			}
		}
	}
	return out
}

// placeNextOK reports whether the word after token i, as the gazetteer
// reads it (nextPlaceWord), may continue a name: false when its hot
// flags say it follows no word in any name, so that a name's first word
// that is no name itself (la, san, el) matches nothing there. Most such
// words are followed by a word of no name: the gazetteer's joined-key
// lookups were 3% of align's time on the 200,000-record benchmark.
func placeNextOK(ts []token.Token, hs []factFlags, i int) bool {
	n := nextPlaceWord(ts, i)
	return n >= 0 && hs[n]&factPlaceNext != 0
}

// wordInfo is what a lowercase word can be evidence of.
type wordInfo struct {
	cue    int32 // 1 + the index of its cue vector in Detector.cueVecs; 0: no cue word
	place  int32 // 1 + the index of the name it is alone in gazetteer.list; 0: none
	prefix bool  // the first words of a longer name of places.yaml
}

func wordTable(cues map[string]int32, g *gazetteer) map[string]wordInfo {
	out := make(map[string]wordInfo, len(cues)+len(g.names))
	for w, id := range cues {
		out[w] = wordInfo{cue: id + 1}
	}
	for k, i := range g.oneWord {
		wi := out[k]
		wi.place = i + 1
		out[k] = wi
	}
	for k := range g.prefixes {
		wi := out[k]
		wi.prefix = true
		out[k] = wi
	}
	return out
}

// lookupWord finds a word as written, and else lowercased: most words
// are written in lowercase, and lowercasing costs more than a lookup.
func (d *Detector) lookupWord(s string, buf *[]byte) (wordInfo, string, bool) {
	if wi, ok := d.words[s]; ok {
		return wi, s, true
	}
	if !needsLower(s) {
		return wordInfo{}, "", false
	}
	var key string
	key, *buf = lowerKey(s, *buf)
	wi, ok := d.words[key]
	return wi, key, ok
}

// needsLower reports whether s has a capital or a combining mark (a word
// not in NFC), so that its lowercase NFC form may differ from it.
func needsLower(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			return true
		}
		if c >= utf8.RuneSelf {
			for _, r := range s[i:] {
				if unicode.IsUpper(r) || unicode.Is(unicode.Mn, r) {
					return true
				}
			}
			return false
		}
	}
	return false
}

// cueVector sets dst to the cue weights cw by candidate.
func cueVector(dst []float64, cw []cueWeight) []float64 {
	clear(dst)
	for _, c := range cw {
		dst[c.cand] += c.w
	}
	return dst
}

// VarietyEvidence is what spoke for and against one variety.
type VarietyEvidence struct {
	Dialect string
	Score   float64 // the variety's total, relative to the candidates' mean
	For     []Item
	Against []Item
}

// Item is one piece of evidence: its kind (lexicon, address, cue, place,
// currency, institution, demonym, format, model), the text that carried
// it and its weight for the variety relative to the candidates' mean.
type Item struct {
	Kind   string
	Text   string
	Weight float64
}

// evidenceLog keeps every item with its vector, when explaining.
type evidenceLog struct {
	items []loggedItem
}

type loggedItem struct {
	kind, text string
	v          []float64
}

func (l *evidenceLog) add(kind, text string, v []float64, weight float64) {
	w := make([]float64, len(v))
	mean := 0.0
	for _, x := range v {
		mean += x
	}
	mean /= float64(len(v))
	for i, x := range v {
		w[i] = weight * (x - mean)
	}
	l.items = append(l.items, loggedItem{kind: kind, text: text, v: w})
}

// byVariety lists, in ranking order, the varieties that any item moved,
// with the items for and against each, strongest first.
func (l *evidenceLog) byVariety(tags []string, order []int, score []float64) []VarietyEvidence {
	mean := 0.0
	for _, s := range score {
		mean += s
	}
	mean /= float64(len(score))
	var out []VarietyEvidence
	for _, c := range order {
		ve := VarietyEvidence{Dialect: tags[c], Score: round3(score[c] - mean)}
		for _, it := range l.items {
			x := round3(it.v[c])
			switch {
			case x > 0:
				ve.For = append(ve.For, Item{it.kind, it.text, x})
			case x < 0:
				ve.Against = append(ve.Against, Item{it.kind, it.text, x})
			}
		}
		if len(ve.For)+len(ve.Against) == 0 {
			continue
		}
		sort.SliceStable(ve.For, func(i, j int) bool { return ve.For[i].Weight > ve.For[j].Weight })
		sort.SliceStable(ve.Against, func(i, j int) bool { return ve.Against[i].Weight < ve.Against[j].Weight })
		out = append(out, ve)
	}
	return out
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }
