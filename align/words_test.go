package align

import (
	"bytes"
	"encoding/binary"
	"strings"
	"testing"

	"github.com/habla-es/habla/dialects"
	"github.com/habla-es/habla/lexicon"
)

// TestWordCacheSameResults aligns a fixed sample of ACTIV-ES train
// sentences (read in place from ../shared/data) for three targets, through
// a Worker's word cache and through the path without it (the one
// DetectWorker takes), and wants the same records byte for byte, and the
// same as a fresh worker's. The texts are run through twice so that the
// second pass reads every word from the cache.
func TestWordCacheSameResults(t *testing.T) {
	docs := readActiv(t, "train")
	var texts []string
	n := 0
	for _, doc := range docs {
		var text strings.Builder
		for s := range strings.SplitSeq(doc.text, " . ") {
			if s = strings.TrimSpace(s); len(s) <= 10 {
				continue
			}
			if n++; n%7 != 0 {
				continue // a sample spread over every document
			}
			if text.Len() > 0 {
				text.WriteByte(' ')
			}
			text.WriteString(s + ".")
			if text.Len() >= 140 {
				texts = append(texts, text.String())
				text.Reset()
			}
		}
	}
	if len(texts) > 3000 {
		texts = texts[:3000]
	}
	// Capitalised and shouted copies: words as written differ, their
	// lowercase and folded keys do not.
	for _, s := range texts[:200] {
		texts = append(texts, strings.ToUpper(s[:1])+s[1:], strings.ToUpper(s))
	}
	set, err := dialects.Load()
	if err != nil {
		t.Fatal(err)
	}
	lex, err := lexicon.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	det, err := NewDetector(DetectOptions{Lexicon: lex})
	if err != nil {
		t.Fatal(err)
	}
	findings := 0
	for _, tag := range []string{"es-VE", "es-AR", "es-ES"} {
		p, err := set.Resolve(tag)
		if err != nil {
			t.Fatal(err)
		}
		for _, opts := range []Options{{Target: p, Lexicon: lex, Detector: det}, {Target: p}} {
			a, err := New(opts)
			if err != nil {
				t.Fatal(err)
			}
			cached, small, plain := a.NewWorker(), a.NewWorker(), a.NewWorker()
			small.words.size = 100 // emptied every few texts
			plain.uncached = true
			for pass := range 2 {
				for k, s := range texts {
					ref := plain.Align(s)
					want := ref.AppendJSON(nil)
					got := cached.Align(s)
					findings += len(got.Findings)
					if g := got.AppendJSON(nil); !bytes.Equal(g, want) {
						t.Fatalf("%s, lexicon %v, pass %d, %q:\ncached   %s\nuncached %s", tag, opts.Lexicon != nil, pass, s, g, want)
					}
					if k%50 == 0 {
						// Nothing of the texts before may leak into this
						// one: a fresh worker agrees.
						if r := a.Align(s); !bytes.Equal(r.AppendJSON(nil), want) {
							t.Fatalf("%s, lexicon %v, pass %d, %q:\nfresh worker %s\nlong-lived   %s", tag, opts.Lexicon != nil, pass, s, r.AppendJSON(nil), want)
						}
					}
					if r := small.Align(s); !bytes.Equal(r.AppendJSON(nil), want) {
						t.Fatalf("%s, lexicon %v, pass %d, %q:\nsmall cache %s\nuncached    %s", tag, opts.Lexicon != nil, pass, s, r.AppendJSON(nil), want)
					}
				}
			}
			if cached.words.front == nil {
				t.Errorf("%s: the sample never filled the front table", tag)
			}
		}
	}
	if findings < len(texts) {
		t.Errorf("only %d findings in %d texts: the sample does not exercise the checks", findings, len(texts))
	}
}

// TestWordBits compares wordBits with copying the word into 16 zeroed
// bytes, for every length the front table holds.
func TestWordBits(t *testing.T) {
	text := "¿Vosotros habéis ido a la estación? Sí, ayer\xff."
	for n := 0; n <= 16; n++ {
		for start := 0; start+n <= len(text); start++ {
			s := text[start : start+n]
			var buf [16]byte
			copy(buf[:], s)
			wantA, wantB := binary.LittleEndian.Uint64(buf[:8]), binary.LittleEndian.Uint64(buf[8:])
			if a, b := wordBits(s); a != wantA || b != wantB {
				t.Fatalf("wordBits(%q) = %#x, %#x, want %#x, %#x", s, a, b, wantA, wantB)
			}
		}
	}
}

// TestPlaceNextSameResults aligns texts built on every name of more than
// one word in the gazetteer, written as in the data, lowercased, shouted
// and cut after its first word, through the word cache (which skips the
// gazetteer when the next word continues no name: placeNextOK) and
// without it, and wants the same records.
func TestPlaceNextSameResults(t *testing.T) {
	set, err := dialects.Load()
	if err != nil {
		t.Fatal(err)
	}
	det, err := NewDetector(DetectOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p, err := set.Resolve("es-VE")
	if err != nil {
		t.Fatal(err)
	}
	a, err := New(Options{Target: p, Detector: det})
	if err != nil {
		t.Fatal(err)
	}
	cached, plain := a.NewWorker(), a.NewWorker()
	plain.uncached = true
	var texts []string
	for key, e := range det.places.names {
		first, rest, ok := strings.Cut(key, " ")
		if !ok {
			continue
		}
		n := e.name.written
		texts = append(texts,
			"Vivimos en "+n+" desde marzo y "+n+". "+n+" queda lejos.",
			"Hablamos de "+strings.ToLower(n)+" y de "+strings.ToUpper(n)+" ayer.",
			"Fuimos a "+first+" casa y a "+first+" "+rest+"s, no a "+first+".")
	}
	if len(texts) < 30 {
		t.Fatalf("only %d texts: the gazetteer has few names of several words", len(texts))
	}
	skipped := 0
	for _, s := range texts {
		ref, res := plain.Align(s), cached.Align(s)
		want := ref.AppendJSON(nil)
		if got := res.AppendJSON(nil); !bytes.Equal(got, want) {
			t.Fatalf("%q:\ncached   %s\nuncached %s", s, got, want)
		}
		for i, f := range cached.facts {
			if f != nil && f.detOK && f.det.prefix && f.det.place == 0 && !placeNextOK(cached.tokens, cached.hot, i) {
				skipped++
			}
		}
	}
	if skipped == 0 {
		t.Error("placeNextOK never skipped the gazetteer: the test does not exercise it")
	}
}
