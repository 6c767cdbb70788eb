package localize

import (
	"strings"
	"testing"
)

// BenchmarkLocalize localizes the hand-made sentences for es-AR: address,
// lexical and convention rewrites, and usted text that needs none.
func BenchmarkLocalize(b *testing.B) {
	w := newLocalizer(b, "es-AR", 0).NewWorker()
	text := strings.Join(idempotenceTexts, " ")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		w.Localize(text)
	}
}

// BenchmarkLocalizeNothing is the common case of a pipeline: a text with
// nothing to change.
func BenchmarkLocalizeNothing(b *testing.B) {
	w := newLocalizer(b, "es-AR", 0).NewWorker()
	text := "Pulse aquí para guardar su archivo y vuelva a intentarlo más tarde, por favor."
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		w.Localize(text)
	}
}

// BenchmarkAlignNothing aligns the text of BenchmarkLocalizeNothing with
// the same aligner: what localize adds is the difference.
func BenchmarkAlignNothing(b *testing.B) {
	w := newLocalizer(b, "es-AR", 0).aligner.NewWorker()
	text := "Pulse aquí para guardar su archivo y vuelva a intentarlo más tarde, por favor."
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		w.Align(text)
	}
}
