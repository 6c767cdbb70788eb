package lexicon

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/habla-es/habla/token"
)

func TestMatch(t *testing.T) {
	l, err := LoadPacks(testSet(t), "testdata/pack")
	if err != nil {
		t.Fatal(err)
	}
	m := l.Matcher()
	tests := []struct {
		text string
		want []string // matched text and concept/surface
	}{
		{"Los coches nuevos", []string{"coches=transport/car:coches"}},
		{"Tomé un carro por puesto.", []string{"carro por puesto=test/carro-por-puesto:carro por puesto"}},
		{"Un carro, por puesto", []string{"carro=transport/car:carro"}},
		{"El ORDENADOR", []string{"ORDENADOR=tech/computer:ordenador"}},
		{"Mi papá come papas", []string{"papas=food/potato:papas"}},
		{"Las chéveres, las chevere", []string{"chéveres=test/cool:chéveres", "chevere=test/cool:chévere"}},
		{"Lo cojo", []string{"cojo=test/take:cojo"}},
		{"año ano", nil},
	}
	for _, tt := range tests {
		ts := token.Tokenize(tt.text)
		ms, _ := m.Match(nil, tt.text, ts, nil)
		var got []string
		for _, mt := range ms {
			span := tt.text[ts[mt.First].ByteStart:ts[mt.End-1].ByteEnd]
			for _, e := range mt.Entries {
				got = append(got, span+"="+e.Concept.ID+":"+e.Surface)
			}
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%q (-want +got):\n%s", tt.text, diff)
		}
		if diff := cmp.Diff(matchKeys(ms), matchKeys(matchWords(m, tt.text, ts))); diff != "" {
			t.Errorf("%q: MatchWords differs from Match (-Match +MatchWords):\n%s", tt.text, diff)
		}
		if diff := cmp.Diff(matchKeys(ms), matchKeys(matchWordsAt(m, tt.text, ts, false))); diff != "" {
			t.Errorf("%q: MatchWordsAt differs from Match (-Match +MatchWordsAt):\n%s", tt.text, diff)
		}
		if diff := cmp.Diff(matchKeys(ms), matchKeys(matchWordsAt(m, tt.text, ts, true))); diff != "" {
			t.Errorf("%q: MatchWordsAt with pairs differs from Match (-Match +MatchWordsAt):\n%s", tt.text, diff)
		}
	}
}

// matchKeys renders matches as their token spans and readings.
func matchKeys(ms []Match) []string {
	var out []string
	for _, m := range ms {
		for _, e := range m.Entries {
			out = append(out, fmt.Sprintf("%d-%d %p %s %v %v", m.First, m.End, e.Variant, e.Surface, e.Plural, e.Feminine))
		}
	}
	return out
}

// matchWords is MatchWords with each word looked up on its own.
func matchWords(m *Matcher, text string, ts []token.Token) []Match {
	words := make([]*Word, len(ts))
	for i := range ts {
		if ts[i].Kind == token.Word {
			w := m.Word(ts[i].Text)
			words[i] = &w
		}
	}
	ms, _ := m.MatchWords(nil, text, ts, words, nil)
	return ms
}

// matchWordsAt is MatchWordsAt told the words that Start, and with
// withPairs their pair hashes.
func matchWordsAt(m *Matcher, text string, ts []token.Token, withPairs bool) []Match {
	words := make([]*Word, len(ts))
	var starts []int32
	for i := range ts {
		if ts[i].Kind == token.Word {
			w := m.Word(ts[i].Text)
			words[i] = &w
			if w.Starts() {
				starts = append(starts, int32(i))
			}
		}
	}
	var pairs []uint16
	if withPairs {
		pairs = make([]uint16, len(ts))
		for i, w := range words {
			if w != nil {
				pairs[i] = w.PairHash()
			}
		}
	}
	ms, _ := m.MatchWordsAt(nil, text, ts, words, pairs, starts, nil)
	return ms
}

func BenchmarkMatch(b *testing.B) {
	l, err := LoadPacks(testSet(b), "testdata/pack")
	if err != nil {
		b.Fatal(err)
	}
	m := l.Matcher()
	text := "Para renovar el pasaporte hay que pedir una cita en la página oficial y llevar la cédula vigente en el carro."
	ts := token.Tokenize(text)
	var ms []Match
	var buf []byte
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		ms, buf = m.Match(ms[:0], text, ts, buf)
	}
}
