package morph

import (
	"slices"
	"strings"
	"testing"
)

func TestVerbList(t *testing.T) {
	vs := Verbs()
	if len(vs) < 5000 {
		t.Fatalf("verb list has %d infinitives, want at least 5000", len(vs))
	}
	if !slices.IsSorted(vs) || len(slices.Compact(slices.Clone(vs))) != len(vs) {
		t.Error("verb list not sorted and deduplicated")
	}
	for _, v := range []string{"cantar", "tener", "ser", "ir", "oír", "estar", "haber", "poder", "abolir"} {
		if !Known(v) {
			t.Errorf("Known(%q) = false", v)
		}
	}
	for _, v := range []string{"", "xyzzy", "sentarse", "casa", "par"} {
		if Known(v) {
			t.Errorf("Known(%q) = true", v)
		}
	}
	if !Known(" Tener ") {
		t.Error("Known ignores case and spaces")
	}
	var failed []string
	for _, v := range vs {
		if strings.HasSuffix(v, "se") {
			t.Errorf("pronominal lemma %q in the list", v)
		}
		if _, err := Lookup(v); err != nil {
			failed = append(failed, v+": "+err.Error())
		}
	}
	if len(failed) > 0 {
		t.Errorf("%d verbs fail Lookup: %v", len(failed), failed)
	}
	t.Logf("%d infinitives, all Lookup without error", len(vs))
}
