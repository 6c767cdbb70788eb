package lexicon

import (
	"testing"
)

// BenchmarkStartup is what a run pays before its first record: loading
// and validating the embedded lexicon and compiling the matcher.
func BenchmarkStartup(b *testing.B) {
	set := testSet(b)
	for b.Loop() {
		l, err := Load(set)
		if err != nil {
			b.Fatal(err)
		}
		l.Matcher()
	}
}
