package tasks

import (
	"errors"
	"math"
	"slices"
)

// Kappa is Cohen's κ for two annotators' labels of the same items
// (LINGUISTICS.md): κ = (p_o − p_e) / (1 − p_e), p_e = Σ_k p_1k · p_2k.
type Kappa struct {
	Items    int     `json:"items"`
	Observed float64 `json:"observed"` // p_o
	Expected float64 `json:"expected"` // p_e
	// Kappa is nil when p_e = 1 (both annotators always gave the same
	// single label): chance agreement is total and κ is not defined.
	Kappa *float64 `json:"kappa"`
}

// CohenKappa computes κ for paired labels a[i], b[i].
func CohenKappa(a, b []string) (Kappa, error) {
	if len(a) != len(b) {
		return Kappa{}, errors.New("kappa: the annotators labelled different numbers of items")
	}
	if len(a) == 0 {
		return Kappa{}, errors.New("kappa: no items labelled by both annotators")
	}
	n := float64(len(a))
	agree := 0
	ca, cb := map[string]float64{}, map[string]float64{}
	for i := range a {
		if a[i] == b[i] {
			agree++
		}
		ca[a[i]]++
		cb[b[i]]++
	}
	k := Kappa{Items: len(a), Observed: float64(agree) / n}
	for label, x := range ca {
		k.Expected += x / n * cb[label] / n
	}
	if k.Expected < 1 {
		v := (k.Observed - k.Expected) / (1 - k.Expected)
		k.Kappa = &v
	}
	return k, nil
}

// Missing marks a value an annotator did not give, for Alpha.
const Missing = math.MaxInt

// Metric is Krippendorff's δ² between two values, given the count of each
// value among all pairable values (the ordinal metric needs them).
type Metric func(c, k int, counts map[int]float64) float64

// Nominal is δ² = 0 for equal values, 1 otherwise.
func Nominal(c, k int, _ map[int]float64) float64 {
	if c == k {
		return 0
	}
	return 1
}

// Interval is δ² = (c − k)².
func Interval(c, k int, _ map[int]float64) float64 { return float64((c - k) * (c - k)) }

// Ordinal is δ²_ck = (Σ_{g=c..k} n_g − (n_c + n_k)/2)²: the distance is the
// number of values that lie between c and k, so a scale's steps need not
// be equal.
func Ordinal(c, k int, counts map[int]float64) float64 {
	if c == k {
		return 0
	}
	lo, hi := min(c, k), max(c, k)
	sum := 0.0
	for g, n := range counts {
		if g >= lo && g <= hi {
			sum += n
		}
	}
	d := sum - (counts[c]+counts[k])/2
	return d * d
}

// AlphaResult is Krippendorff's α with what it was computed from.
type AlphaResult struct {
	Units  int     `json:"units"`  // units with at least two values
	Values int     `json:"values"` // pairable values
	Do     float64 `json:"observed_disagreement"`
	De     float64 `json:"expected_disagreement"`
	// Alpha is nil when there is no variation at all (D_e = 0).
	Alpha *float64 `json:"alpha"`
}

// Alpha computes Krippendorff's α = 1 − D_o / D_e for data[unit][annotator]
// (Missing where an annotator gave no value), through the coincidence
// matrix: o_ck = Σ_u (pairs c–k in u) / (m_u − 1), n_c = Σ_k o_ck,
// D_o = Σ o_ck δ²_ck / n, D_e = Σ n_c n_k δ²_ck / (n (n − 1)).
// Units with fewer than two values are not pairable and are left out.
func Alpha(data [][]int, metric Metric) (AlphaResult, error) {
	o, res := coincidences(data)
	if res.Values == 0 {
		return res, errors.New("alpha: no unit has two values")
	}
	counts := map[int]float64{}
	for p, x := range o {
		counts[p.c] += x
	}
	values := make([]int, 0, len(counts))
	for v := range counts {
		values = append(values, v)
	}
	slices.Sort(values)
	n := float64(res.Values)
	for p, x := range o {
		res.Do += x * metric(p.c, p.k, counts)
	}
	res.Do /= n
	for _, c := range values {
		for _, k := range values {
			res.De += counts[c] * counts[k] * metric(c, k, counts)
		}
	}
	res.De /= n * (n - 1)
	if res.De > 0 {
		a := 1 - res.Do/res.De
		res.Alpha = &a
	}
	return res, nil
}

// valuePair is a cell of the coincidence matrix.
type valuePair struct{ c, k int }

// coincidences builds the coincidence matrix of the pairable units and
// counts them and their values.
func coincidences(data [][]int) (map[valuePair]float64, AlphaResult) {
	o := map[valuePair]float64{}
	var res AlphaResult
	for _, unit := range data {
		var vals []int
		for _, v := range unit {
			if v != Missing {
				vals = append(vals, v)
			}
		}
		m := len(vals)
		if m < 2 {
			continue
		}
		res.Units++
		res.Values += m
		for i := range vals {
			for j := range vals {
				if i != j {
					o[valuePair{vals[i], vals[j]}] += 1 / float64(m-1)
				}
			}
		}
	}
	return o, res
}
