package align

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestAppendFloat compares appendFloat with strconv.AppendFloat on every
// multiple of a thousandth up to 1,000 and of a tenth up to 10,000,
// around them, and on random and special values.
func TestAppendFloat(t *testing.T) {
	check := func(v float64) {
		t.Helper()
		want := strconv.AppendFloat(nil, v, 'f', -1, 64)
		if got := appendFloat(nil, v); string(got) != string(want) {
			t.Fatalf("appendFloat(%v) = %s, want %s", v, got, want)
		}
	}
	for k := -1000000; k <= 1000000; k++ {
		check(float64(k) / 1000)
		check(float64(k/10) / 10)
		check(math.Round(float64(k)/1000*1000) / 1000)
		if k%997 == 0 {
			v := float64(k) / 1000
			check(math.Nextafter(v, math.Inf(1)))
			check(math.Nextafter(v, math.Inf(-1)))
		}
	}
	rng := rand.New(rand.NewPCG(5, 7))
	for range 100000 {
		check(rng.Float64())
		check(rng.NormFloat64() * 1e6)
		check(math.Round(rng.Float64()*1000) / 1000)
	}
	for _, v := range []float64{0, math.Copysign(0, -1), 1e15, 1e16, 1e300, math.SmallestNonzeroFloat64, math.Inf(1), math.Inf(-1), math.NaN(), 0.1 + 0.2} {
		check(v)
	}
}
