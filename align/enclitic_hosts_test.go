package align

import (
	"testing"

	"github.com/habla-es/habla/lexicon/morph"
	"github.com/habla-es/habla/token"
)

// TestEncliticHostsPrecheck holds analyseEnclitic's pre-check
// (mayHostEnclitics) to the analysis it skips: on every word written
// with enclitics from the common verbs (every paradigm, cell and cluster
// below, with and without its accent) and on every distinct word of the
// ACTIV-ES train documents, a word the pre-check turns away has no
// reading in the full analysis.
func TestEncliticHostsPrecheck(t *testing.T) {
	words := map[string]bool{}
	clusters := [][]string{{"te"}, {"me"}, {"os"}, {"nos"}, {"se"}, {"lo"}, {"la"}, {"los"}, {"las"}, {"le"}, {"les"},
		{"te", "lo"}, {"me", "lo"}, {"me", "la"}, {"os", "lo"}, {"se", "lo"}, {"se", "las"}, {"nos", "lo"}, {"te", "me"}, {"os", "me"}}
	paradigms := []morph.Paradigm{morph.Tu, morph.VosRioplatense, morph.VosChilean, morph.VosZulian,
		morph.Usted, morph.Nosotros, morph.Vosotros, morph.Ustedes}
	for lemma := range loadedGate().common {
		v, err := morph.Lookup(lemma)
		if err != nil {
			continue
		}
		for _, cl := range clusters {
			for _, p := range paradigms {
				if f := v.Enclitic(morph.Imperative, morph.Affirmative, p, cl...); f != "" {
					words[f], words[stripAcutes(f)] = true, true
				}
			}
			for _, tense := range []morph.Tense{morph.InfinitiveForm, morph.GerundForm} {
				if f := v.Enclitic(morph.NonFinite, tense, "", cl...); f != "" {
					words[f], words[stripAcutes(f)] = true, true
				}
			}
		}
	}
	generated := len(words)
	for _, doc := range readActiv(t, "train") {
		for _, tk := range token.Tokenize(doc.text) {
			if tk.Kind == token.Word {
				words[token.Lower(tk.Text)] = true
			}
		}
	}
	r := newMorphReader()
	asked, skipped, found := 0, 0, 0
	for w := range words {
		if len([]rune(w)) < 5 || !encliticShape(w) {
			continue
		}
		asked++
		full := r.analyseEncliticFull(w)
		if len(full) > 0 {
			found++
		}
		if mayHostEnclitics(w) {
			continue
		}
		skipped++
		if len(full) > 0 {
			t.Errorf("%q: the pre-check skips it, the analysis reads %d readings (%s)", w, len(full), full[0].Paradigm.Lemma)
		}
		if got := r.analyseEnclitic(w); len(got) > 0 {
			t.Errorf("%q: analyseEnclitic reads it past its pre-check", w)
		}
	}
	t.Logf("%d words (%d generated), %d of the enclitic shape, %d skipped, %d with readings", len(words), generated, asked, skipped, found)
	if found < 1000 || skipped < asked/3 {
		t.Errorf("found %d, skipped %d of %d: the sample does not exercise the pre-check", found, skipped, asked)
	}
}
