package report

import (
	"bytes"
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/habla-es/habla/align"
)

// percentileOracle is the 7th definition of Hyndman and Fan (numpy's
// default) over the sorted scores, in thousandths of a point, rounded half
// up to hundredths as Percentile rounds.
func percentileOracle(xs []float64, p int) float64 {
	s := make([]int, len(xs))
	for i, x := range xs {
		s[i] = int(math.Round(x * 10))
	}
	slices.Sort(s)
	h := big.NewRat(int64((len(s)-1)*p), 100)
	lo := int(new(big.Int).Quo(h.Num(), h.Denom()).Int64())
	if lo+1 >= len(s) {
		return float64(s[lo]) / 10
	}
	frac := new(big.Rat).Sub(h, big.NewRat(int64(lo), 1))
	v := new(big.Rat).Add(big.NewRat(int64(s[lo]), 10),
		new(big.Rat).Mul(frac, big.NewRat(int64(s[lo+1]-s[lo]), 10)))
	// round half up to hundredths
	v.Mul(v, big.NewRat(100, 1)).Add(v, big.NewRat(1, 2))
	return float64(new(big.Int).Quo(v.Num(), v.Denom()).Int64()) / 100
}

func TestPercentileMatchesSortedScores(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := 1; n <= 60; n++ {
		st := newStats()
		var xs []float64
		for range n {
			x := float64(r.IntN(1001)) / 10
			xs = append(xs, x)
			st.add(&Record{Naturalness: x})
		}
		for _, p := range []int{0, 10, 25, 50, 90, 100} {
			if got, want := st.Percentile(p), percentileOracle(xs, p); math.Abs(got-want) > 1e-9 {
				t.Errorf("n=%d p%d = %v, want %v (scores %v)", n, p, got, want, xs)
			}
		}
	}
}

func TestFiguresByHand(t *testing.T) {
	s := New(Options{Target: "es-VE", PassMark: 90})
	for i, n := range []float64{100, 100, 75, 50, 0} {
		var fs []Finding
		if n < 100 {
			fs = []Finding{{Start: 0, End: 3, Text: "vos", Kind: align.Address, Severity: align.Major, Suggestions: []string{"tú"}}}
		}
		s.Add(&Record{ID: fmt.Sprint(i), Text: "vos sabés", Words: 50, Naturalness: n, Findings: fs})
	}
	got := map[string]float64{"mean": s.Mean(), "median": s.Median(), "p10": s.Percentile(10),
		"apt": s.APT(s.Weights), "oqs": s.OQS(s.Weights)}
	// 3 major findings × 5 = 15 over 250 words: 100 − 15·1000/250 = 40.
	want := map[string]float64{"mean": 65, "median": 75, "p10": 20, "apt": 15, "oqs": 40}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("figures (-want +got):\n%s", d)
	}
	if s.Pass() {
		t.Error("OQS 40 passes a mark of 90")
	}
	is := s.TopIssues()
	if len(is) != 1 || is[0].Count != 3 || is[0].Records != 3 || is[0].Example.ID != "2" {
		t.Errorf("issues = %+v, want one group of 3 in 3 records, example from record 2", is)
	}
}

// randomRecords are records with random scores, findings and --by values,
// some with an earlier error, some with detection.
func randomRecords(r *rand.Rand, n int) []Record {
	words := []string{"vos", "coche", "Vosotros", "vosotros", "os", "3.5", "coger"}
	kinds := []align.Kind{align.Address, align.Lexical, align.Taboo, align.Convention, align.Review}
	var out []Record
	for i := range n {
		rec := Record{ID: fmt.Sprintf("r%03d", i), Text: "texto de prueba con vos y coche", Words: 5 + r.IntN(40),
			Naturalness: float64(r.IntN(1001)) / 10, By: []string{"m-a", "m-b", ""}[r.IntN(3)]}
		if r.IntN(20) == 0 {
			out = append(out, Record{ID: rec.ID, Error: "invalid JSON"})
			continue
		}
		if r.IntN(3) == 0 {
			rec.Detected = []string{"es-ES", "es-AR", "es-VE"}[r.IntN(3)]
		}
		for range r.IntN(4) {
			w := words[r.IntN(len(words))]
			start := r.IntN(20)
			rec.Findings = append(rec.Findings, Finding{Start: start, End: start + 3, Text: w,
				Kind: kinds[r.IntN(len(kinds))], Severity: Severities[r.IntN(3)],
				Suggestions: []string{[]string{"tú", "carro", "Ustedes"}[r.IntN(3)]}, Message: "m"})
		}
		out = append(out, rec)
	}
	return out
}

func summaryJSON(t *testing.T, s *Summary) string {
	t.Helper()
	var b bytes.Buffer
	if err := s.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestMergeEqualsWhole splits a set into shards at random, audits each,
// writes and reads back each shard's JSON, merges, and compares with the
// audit of the whole: every byte of the JSON summary equal.
func TestMergeEqualsWhole(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	opts := Options{Target: "es-VE", PassMark: 90, ByField: "model", Worst: 4}
	for trial := range 20 {
		recs := randomRecords(r, 1+r.IntN(200))
		whole := New(opts)
		for i := range recs {
			whole.Add(&recs[i])
		}
		k := 1 + r.IntN(6)
		shards := make([]*Summary, k)
		for i := range shards {
			shards[i] = New(opts)
		}
		for i := range recs {
			shards[r.IntN(k)].Add(&recs[i])
		}
		var parts []*Summary
		for _, sh := range shards {
			back, err := ReadJSON(bytes.NewBufferString(summaryJSON(t, sh)))
			if err != nil {
				t.Fatal(err)
			}
			parts = append(parts, back)
		}
		r.Shuffle(len(parts), func(i, j int) { parts[i], parts[j] = parts[j], parts[i] })
		merged, err := MergeAll(parts)
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(summaryJSON(t, whole), summaryJSON(t, merged)); d != "" {
			t.Fatalf("trial %d, %d records in %d shards: merged differs from whole (-whole +merged):\n%s", trial, len(recs), k, d)
		}
	}
}

func TestMergeRefusesMismatches(t *testing.T) {
	base := Options{Target: "es-VE", PassMark: 90}
	for name, o := range map[string]Options{
		"target":  {Target: "es-AR", PassMark: 90},
		"weights": {Target: "es-VE", PassMark: 90, Weights: align.Weights{Minor: 1, Major: 10, Critical: 100}},
		"by":      {Target: "es-VE", PassMark: 90, ByField: "model"},
		"mark":    {Target: "es-VE", PassMark: 95},
	} {
		if _, err := MergeAll([]*Summary{New(base), New(o)}); err == nil {
			t.Errorf("%s: merged summaries that differ", name)
		}
	}
}

func TestReadJSONRejects(t *testing.T) {
	for name, in := range map[string]string{
		"not json":      "hola",
		"other version": `{"audit":2,"target":"es-VE"}`,
		"unknown field": `{"audit":1,"target":"es-VE","colour":1}`,
		"no target":     `{"audit":1}`,
		"bad score":     `{"audit":1,"target":"es-VE","records":1,"naturalness":{"histogram":{"101":1}}}`,
		"bad histogram": `{"audit":1,"target":"es-VE","records":2,"naturalness":{"histogram":{"50":1}}}`,
	} {
		if _, err := ReadJSON(bytes.NewBufferString(in)); err == nil {
			t.Errorf("%s: read without error", name)
		}
	}
}

func TestWorstKeepsTheLowest(t *testing.T) {
	s := New(Options{Target: "es-VE", Worst: 2})
	f := []Finding{{Start: 0, End: 1, Text: "x", Kind: align.Lexical, Severity: align.Minor}}
	for i, n := range []float64{90, 10, 50, 10, 100} {
		s.Add(&Record{ID: fmt.Sprint("id", i), Text: "x", Words: 20, Naturalness: n, Findings: f})
	}
	s.Add(&Record{ID: "clean", Text: "y", Words: 20, Naturalness: 0})
	var got []string
	for _, w := range s.Worst {
		got = append(got, w.ID)
	}
	if d := cmp.Diff([]string{"id1", "id3"}, got); d != "" {
		t.Errorf("worst (-want +got):\n%s", d)
	}
}
