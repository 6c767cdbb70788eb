package morph

import "testing"

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
