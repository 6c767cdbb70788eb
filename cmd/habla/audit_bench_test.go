package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"testing"

	"github.com/habla-es/habla/align"
	"github.com/habla-es/habla/dialects"
	"github.com/habla-es/habla/internal/jsonl"
	"github.com/habla-es/habla/lexicon"
)

// BenchmarkAudit is habla audit --target es-VE --by model --format json on
// the 10,000 records of BenchmarkAlignLexicon: raw records (aligned on the
// fly, with the built-in lexicon) and the same records as align wrote them
// (read, not aligned again).
func BenchmarkAudit(b *testing.B) {
	raw := benchRecords(10000, benchLexical)
	aligned := alignedRecords(b, raw)
	for _, in := range []struct {
		name string
		data []byte
	}{{"raw", raw}, {"aligned", aligned}} {
		for _, workers := range []int{1, 2} {
			b.Run(fmt.Sprintf("%s/workers=%d", in.name, workers), func(b *testing.B) {
				benchAudit(b, in.data, workers)
			})
		}
	}
}

func benchAudit(b *testing.B, in []byte, workers int) {
	set, err := dialects.Load()
	if err != nil {
		b.Fatal(err)
	}
	p, _ := set.Resolve("es-VE")
	ios, _, _ := testStreams("")
	ios.Out = io.Discard
	g := &globalOptions{io: ios}
	if _, err := g.loadLexicon(); err != nil {
		b.Fatal(err)
	}
	o := &auditOptions{g: g, profile: p, weights: align.DefaultWeights, passMark: 90, by: "model",
		byPath: jsonl.MustParsePath("model"), worst: 5, render: renderFlags{format: "json", top: 10},
		stream: streamOptions{inputFormat: "jsonl", field: "text", idField: "id", key: "habla",
			maxLine: jsonl.DefaultMaxLine, workers: workers}}
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		ios.In = bytes.NewReader(in)
		if err := auditRun(context.Background(), o); err != nil {
			b.Fatal(err)
		}
	}
}

// alignedRecords is what habla align --target es-VE writes for in.
func alignedRecords(b *testing.B, in []byte) []byte {
	lex, err := lexicon.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	set, _ := dialects.Load()
	p, _ := set.Resolve("es-VE")
	a, err := align.New(align.Options{Target: p, Lexicon: lex})
	if err != nil {
		b.Fatal(err)
	}
	var out bytes.Buffer
	newMap := func() jsonl.MapFunc {
		w := a.NewWorker()
		return func(rec *jsonl.Record, dst []byte) ([]byte, error) {
			res := w.Align(rec.Text)
			return res.AppendJSON(dst), nil
		}
	}
	if _, err := jsonl.Run(context.Background(), jsonl.Config{}, []jsonl.Input{{Name: "bench", R: bytes.NewReader(in)}}, &out, newMap); err != nil {
		b.Fatal(err)
	}
	return out.Bytes()
}
