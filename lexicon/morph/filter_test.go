package morph

import (
	"reflect"
	"testing"
)

// TestRuleFilters checks that the filters in front of the rule set's
// maps let every key through (a filter may only turn away non-keys), and
// that they do turn most non-keys away.
func TestRuleFilters(t *testing.T) {
	rs := rules()
	for _, v := range rs.verbs {
		if !rs.mayBeVerb([]byte(v)) {
			t.Fatalf("mayBeVerb(%q) = false for a verb of the list", v)
		}
	}
	for y := range rs.byEnding {
		if !rs.mayEnd(y) {
			t.Fatalf("mayEnd(%q) = false for a rule's ending", y)
		}
	}
	passed := 0
	words := []string{"casa", "mesa", "perro", "ventana", "azul", "rápido", "ciudad", "nosotros", "tiempo", "problema"}
	for _, w := range words {
		for _, suffix := range []string{"", "x", "qq", "zzz"} {
			if _, ok := rs.verbNum[w+suffix]; !ok && rs.mayBeVerb([]byte(w+suffix)) {
				passed++
			}
		}
	}
	if passed > 4 {
		t.Errorf("the verb filter let %d of 40 non-verbs through", passed)
	}
}

// TestExactHost compares exactHost with exact's readings in the cells
// that host enclitics, on forms built from every tenth verb of the list
// with the endings of imperatives, gerunds and other tenses.
func TestExactHost(t *testing.T) {
	a := NewAnalyzer()
	endings := []string{"", "a", "e", "á", "é", "í", "ad", "ed", "id", "ando", "iendo", "yendo", "emos", "amos",
		"en", "an", "as", "es", "ás", "és", "ís", "o", "ó", "aste", "iste", "ara", "iera", "ado", "ido"}
	hostable := 0
	for i, v := range verbList() {
		if i%10 != 0 || len(v) < 3 {
			continue
		}
		stem := v[:len(v)-2]
		for _, e := range endings {
			for _, s := range []string{stem + e, v[:len(v)-1] + e} {
				var want []Reading
				for _, r := range a.exact(s) {
					if r.Mood == Imperative && r.Tense == Affirmative || r.Mood == NonFinite && r.Tense == GerundForm {
						want = append(want, r)
					}
				}
				got := a.exactHost(s)
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("exactHost(%q) = %v, want %v", s, got, want)
				}
				hostable += len(got)
			}
		}
	}
	if hostable < 1000 {
		t.Errorf("only %d hostable readings: the forms do not exercise exactHost", hostable)
	}
}
