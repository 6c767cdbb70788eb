package localize

import (
	"testing"
	"unicode/utf8"
)

// FuzzLocalize checks what must hold for any text: edits are sorted,
// disjoint and point into the input (bytes and code points); applied, they
// give the localized text; and localizing that again changes nothing.
//
//	go test ./localize/ -run '^$' -fuzz FuzzLocalize -fuzztime 60s
func FuzzLocalize(f *testing.F) {
	for _, s := range idempotenceTexts {
		f.Add(s)
	}
	w := newLocalizer(f, "es-AR", 0).NewWorker()
	wt := termbaseLocalizer(f, "es-MX", testTermbase).NewWorker() // with a termbase
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // the stream engine rejects invalid UTF-8 before localize
		}
		checkEdits(t, w, "es-AR", s)
		checkEdits(t, wt, "es-MX", s)
	})
}

func checkEdits(t *testing.T, w *Worker, tag, s string) {
	res := w.Localize(s)
	runes := []rune(s)
	end := 0
	for _, e := range res.Edits {
		if e.ByteStart < end || e.ByteEnd < e.ByteStart || e.ByteEnd > len(s) {
			t.Fatalf("edit %+v out of order or range in %q", e, s)
		}
		end = e.ByteEnd
		if s[e.ByteStart:e.ByteEnd] != e.From || string(runes[e.Start:e.End]) != e.From {
			t.Fatalf("edit %+v does not point at its text in %q", e, s)
		}
	}
	if got := apply(s, res.Edits); got != res.Localized {
		t.Fatalf("edits give %q, localized is %q", got, res.Localized)
	}
	checkIdempotent(t, w, tag, s)
}
