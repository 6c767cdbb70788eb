package morph

import (
	"strings"
	"testing"
)

func BenchmarkAnalyzeEnclitic(b *testing.B) {
	words := []string{"siéntate", "dímelo", "sentaos", "casa", "tomate", "diciéndomelo"}
	AnalyzeEnclitic("x")
	for b.Loop() {
		for _, w := range words {
			AnalyzeEnclitic(w)
		}
	}
}

func BenchmarkConvertText(b *testing.B) {
	text := strings.Join(tuCorpus, " ")
	ConvertText("x", Tu, VosRioplatense)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		ConvertText(text, Tu, VosRioplatense)
	}
}
