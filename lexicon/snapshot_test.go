package lexicon

import (
	"flag"
	"fmt"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

var update = flag.Bool("update", false, "rewrite the compiled lexicon snapshot from the YAML")

// TestSnapshot checks that the compiled snapshot holds exactly what the
// YAML files say, so that start-up from the snapshot and from the YAML
// give the same lexicon. With -update it rewrites the snapshot.
func TestSnapshot(t *testing.T) {
	srcs, err := builtinSources()
	if err != nil {
		t.Fatal(err)
	}
	b := newBuilder(testSet(t))
	for _, s := range srcs {
		b.addFile(s.path, s.data)
	}
	fromYAML, err := b.finish()
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		data, err := encodeSnapshot(srcs, fromYAML.Concepts())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(snapshotPath, data, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s (%d bytes, %d concepts)", snapshotPath, len(data), len(fromYAML.Concepts()))
		return
	}
	snap, ok := readSnapshot()
	if !ok && len(srcs) == 0 {
		return // nothing to compile
	}
	if !ok || !snap.matches(srcs) {
		t.Fatalf("%s is missing or stale: run go test ./lexicon -run TestSnapshot -update", snapshotPath)
	}
	if diff := cmp.Diff(fromYAML.Concepts(), snap.concepts(), cmpopts.IgnoreUnexported(Variant{}), cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("snapshot differs from the YAML (-yaml +snapshot):\n%s", diff)
	}
	builtin, err := Load(testSet(t))
	if err != nil {
		t.Fatal(err)
	}
	if builtin.compiled == nil {
		t.Fatal("the built-in lexicon did not load from the snapshot")
	}
	if diff := cmp.Diff(matcherView(fromYAML.Matcher()), matcherView(builtin.Matcher())); diff != "" {
		t.Errorf("snapshot matcher differs from the compiled YAML (-yaml +snapshot):\n%s", diff)
	}
}

// matcherView is a matcher as comparable strings: key → concept:surface.
func matcherView(m *Matcher) map[string][]string {
	out := map[string][]string{}
	for key, k := range m.keys {
		for _, e := range k.entries {
			out[key] = append(out[key], fmt.Sprintf("%s:%s:%v:%v", e.Concept.ID, e.Surface, e.Plural, e.Feminine))
		}
		if k.prefix {
			out["prefix "+key] = nil
		}
	}
	return out
}
