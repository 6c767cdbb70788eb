package jsonl

import (
	"encoding/json"
	"testing"
)

var validCases = []struct {
	in    string
	valid bool
}{
	{`{"id":"r1","model":"m-1","text":"¿Vosotros habéis visto el coche? \"Sí\", dijo.\n\u00e9\ud83d\ude00 \/ \\ \b\f\r\t"}`, true},
	{` {"a":[1,-2.5,3e10,4E-2,0.5e+3,-0,[],{},[{}]],"b":true,"c":false,"d":null,"e":{"f":{"g":[]}}} `, true},
	{"\t[ 1 , \"x\" ]\r\n", true},
	{`"solo"`, true},
	{`0`, true},
	{`{}`, true},
	{``, false},
	{`   `, false},
	{`{`, false},
	{`{"a"}`, false},
	{`{"a":}`, false},
	{`{"a":1,}`, false},
	{`[1,]`, false},
	{`{"a":1}}`, false},
	{`{"a":1} x`, false},
	{`{a:1}`, false},
	{`{"a":01}`, false},
	{`{"a":1.}`, false},
	{`{"a":.5}`, false},
	{`{"a":1e}`, false},
	{`{"a":-}`, false},
	{`{"a":+1}`, false},
	{`{"a":tru}`, false},
	{`{"a":truex}`, false},
	{`{"a":"\x"}`, false},
	{`{"a":"\u12G4"}`, false},
	{`{"a":"\u12"}`, false},
	{"{\"a\":\"tab\there\"}", false},
	{`{"a":"unterminated}`, false},
	{`{"a":'x'}`, false},
	{`{"a":NaN}`, false},
}

// TestQuickValid checks quickValid against json.Valid on hand-picked
// lines: it must accept the ordinary valid ones (or it saves nothing)
// and reject every invalid one.
func TestQuickValid(t *testing.T) {
	for _, c := range validCases {
		if got := json.Valid([]byte(c.in)); got != c.valid {
			t.Fatalf("json.Valid(%q) = %v, the table says %v", c.in, got, c.valid)
		}
		if got := quickValid([]byte(c.in)); got != c.valid {
			t.Errorf("quickValid(%q) = %v, want %v", c.in, got, c.valid)
		}
		if got := validJSON([]byte(c.in)); got != c.valid {
			t.Errorf("validJSON(%q) = %v, want %v", c.in, got, c.valid)
		}
	}
	deep := make([]byte, 0, 2*(quickMaxDepth+2))
	for range quickMaxDepth + 1 {
		deep = append(deep, '[')
	}
	for range quickMaxDepth + 1 {
		deep = append(deep, ']')
	}
	if quickValid(deep) || !validJSON(deep) {
		t.Errorf("%d nested arrays: quickValid %v (want false: left to json.Valid), validJSON %v (want true)",
			quickMaxDepth+1, quickValid(deep), validJSON(deep))
	}
}

// FuzzQuickValid: whatever quickValid accepts, json.Valid accepts.
func FuzzQuickValid(f *testing.F) {
	for _, c := range validCases {
		f.Add([]byte(c.in))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if quickValid(b) && !json.Valid(b) {
			t.Errorf("quickValid accepts %q, json.Valid does not", b)
		}
		if validJSON(b) != json.Valid(b) {
			t.Errorf("validJSON(%q) = %v, json.Valid %v", b, validJSON(b), json.Valid(b))
		}
	})
}

// FuzzSkipString holds skipString, which skips eight plain bytes at a
// time, to the same walk byte by byte, from every quote of the input.
func FuzzSkipString(f *testing.F) {
	for _, c := range validCases {
		f.Add([]byte(c.in))
	}
	f.Add([]byte(`"ñandú \"12345678\" 12345678\\\\12345678"`))
	f.Fuzz(func(t *testing.T, b []byte) {
		for i := range b {
			if b[i] != '"' {
				continue
			}
			want := len(b)
			for j := i + 1; j < len(b); j++ {
				if b[j] == '\\' {
					j++
				} else if b[j] == '"' {
					want = j + 1
					break
				}
			}
			if got := skipString(b, i); got != want {
				t.Fatalf("skipString(%q, %d) = %d, want %d", b, i, got, want)
			}
		}
	})
}
