package tasks

import (
	"fmt"
	"io"
	"strconv"
	"testing"

	"github.com/habla-es/habla/align"
)

// benchRecords are n aligned records with three findings each, drawn from
// 50 distinct issues, as a large audit would produce.
func benchRecords(b *testing.B, n int) []Record {
	b.Helper()
	recs := make([]Record, n)
	for i := range recs {
		w := fmt.Sprintf("palabra%d", i%50)
		text := "👍 El " + w + " y vosotros tenéis el coche listo para el viaje de mañana."
		recs[i] = Record{ID: strconv.Itoa(i), Text: text, Target: "es-VE", Naturalness: 80, Order: i,
			Findings: []align.Finding{
				find(b, text, w, align.Lexical, align.Major, "otra"),
				find(b, text, "tenéis", align.Address, align.Major, "tienen"),
				find(b, text, "coche", align.Review, align.Minor, "carro"),
			}}
	}
	return recs
}

// Run: go test ./tasks/ -run '^$' -bench . -benchtime 10x -count 6
func BenchmarkBuild(b *testing.B) {
	for _, group := range []bool{false, true} {
		b.Run(fmt.Sprintf("group=%v", group), func(b *testing.B) {
			recs := benchRecords(b, 10000)
			for b.Loop() {
				Build(recs, Options{Group: group, RateSample: 100})
			}
		})
	}
}

func BenchmarkExport(b *testing.B) {
	ts := Build(benchRecords(b, 10000), Options{})
	for _, f := range Formats {
		b.Run(f, func(b *testing.B) {
			for b.Loop() {
				if err := Export(io.Discard, f, ts); err != nil && f != "xliff" {
					b.Fatal(err)
				}
			}
		})
	}
}
