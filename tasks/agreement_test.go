package tasks

import (
	"math"
	"testing"
)

// Cohen's κ on Wikipedia's worked example (50 proposals, two readers):
// yes/yes 20, yes/no 5, no/yes 10, no/no 15: p_o = 0.7, p_e = 0.5, κ = 0.4.
func TestCohenKappaWorkedExample(t *testing.T) {
	var a, b []string
	add := func(n int, x, y string) {
		for range n {
			a, b = append(a, x), append(b, y)
		}
	}
	add(20, "accept", "accept")
	add(5, "accept", "reject")
	add(10, "reject", "accept")
	add(15, "reject", "reject")
	k, err := CohenKappa(a, b)
	if err != nil {
		t.Fatal(err)
	}
	if k.Items != 50 || !near(k.Observed, 0.7) || !near(k.Expected, 0.5) || k.Kappa == nil || !near(*k.Kappa, 0.4) {
		t.Errorf("got %+v (κ %v), want p_o 0.7, p_e 0.5, κ 0.4", k, deref(k.Kappa))
	}
}

// A small example computed by hand: 4 items, annotators agree on 3.
// A: acc acc rej rej; B: acc acc rej acc. p_o = 3/4; p_A(acc) = 1/2,
// p_B(acc) = 3/4, p_e = 1/2·3/4 + 1/2·1/4 = 1/2; κ = (0.75 − 0.5)/0.5 = 0.5.
func TestCohenKappaByHand(t *testing.T) {
	k, err := CohenKappa([]string{"accept", "accept", "reject", "reject"},
		[]string{"accept", "accept", "reject", "accept"})
	if err != nil {
		t.Fatal(err)
	}
	if !near(k.Observed, 0.75) || !near(k.Expected, 0.5) || !near(*k.Kappa, 0.5) {
		t.Errorf("got %+v κ %v, want 0.75, 0.5, 0.5", k, deref(k.Kappa))
	}
	// Perfect disagreement on a balanced split: κ = −1.
	k, _ = CohenKappa([]string{"accept", "reject"}, []string{"reject", "accept"})
	if !near(*k.Kappa, -1) {
		t.Errorf("κ = %v, want −1", deref(k.Kappa))
	}
	// One label throughout: p_e = 1, κ undefined.
	k, _ = CohenKappa([]string{"accept", "accept"}, []string{"accept", "accept"})
	if k.Kappa != nil {
		t.Errorf("κ = %v, want undefined", *k.Kappa)
	}
	if _, err := CohenKappa([]string{"accept"}, nil); err == nil {
		t.Error("no error for unpaired labels")
	}
}

// Krippendorff (2011), "Computing Krippendorff's alpha-reliability",
// example C: 4 observers, 12 units, values 1–5, missing data. Published:
// nominal α = 0.743, ordinal 0.815, interval 0.849.
func TestAlphaKrippendorffExample(t *testing.T) {
	const M = Missing
	obs := [][]int{
		{1, 2, 3, 3, 2, 1, 4, 1, 2, M, M, M},
		{1, 2, 3, 3, 2, 2, 4, 1, 2, 5, M, 3},
		{M, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, M},
		{1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, M},
	}
	units := make([][]int, 12)
	for u := range units {
		for _, o := range obs {
			units[u] = append(units[u], o[u])
		}
	}
	for _, c := range []struct {
		name   string
		metric Metric
		want   float64
	}{{"nominal", Nominal, 0.743}, {"ordinal", Ordinal, 0.815}, {"interval", Interval, 0.849}} {
		a, err := Alpha(units, c.metric)
		if err != nil {
			t.Fatal(err)
		}
		if a.Units != 11 || a.Values != 40 {
			t.Errorf("%s: %d units, %d values; want 11 and 40 (unit 12 has one value)", c.name, a.Units, a.Values)
		}
		if a.Alpha == nil || math.Abs(*a.Alpha-c.want) > 0.0005 {
			t.Errorf("%s α = %v, want %.3f", c.name, deref(a.Alpha), c.want)
		}
	}
}

// By hand, ordinal: two units, two raters: (1,1) and (1,2). Values 1,1,1,2:
// n_1 = 3, n_2 = 1, n = 4. o_11 = 2, o_12 = o_21 = 1. δ²_12 =
// (n_1 + n_2 − (n_1 + n_2)/2)² = (4 − 2)² = 4. D_o = (1·4 + 1·4)/4 = 2.
// D_e = (3·1·4 + 1·3·4)/(4·3) = 2. α = 1 − 2/2 = 0.
func TestAlphaByHand(t *testing.T) {
	a, err := Alpha([][]int{{1, 1}, {1, 2}}, Ordinal)
	if err != nil {
		t.Fatal(err)
	}
	if !near(a.Do, 2) || !near(a.De, 2) || !near(*a.Alpha, 0) {
		t.Errorf("got %+v α %v, want D_o 2, D_e 2, α 0", a, deref(a.Alpha))
	}
	a, _ = Alpha([][]int{{3, 3}, {3, 3, Missing}}, Ordinal)
	if a.Alpha != nil {
		t.Errorf("no variation: α = %v, want undefined", *a.Alpha)
	}
	if _, err := Alpha([][]int{{1, Missing}}, Ordinal); err == nil {
		t.Error("no error without pairable values")
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}
