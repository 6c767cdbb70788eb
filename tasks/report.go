package tasks

import (
	"slices"
	"sort"
)

// Report is the agreement between annotators over a set of annotated
// tasks.
type Report struct {
	Annotators []string `json:"annotators"`
	Tasks      int      `json:"tasks"`
	// Decisions: Cohen's κ on accept/reject for each pair of annotators
	// who decided at least one task in common, over all tasks and by kind.
	Decisions []PairKappa            `json:"decisions"`
	ByKind    map[string][]PairKappa `json:"decisions_by_kind"`
	// Ratings: Krippendorff's α (ordinal) over the rate tasks, any number
	// of annotators, missing ratings allowed.
	Ratings *AlphaResult `json:"ratings"`
	// PerTask is each task's counts and observed agreement.
	PerTask []TaskAgreement `json:"per_task"`
}

// PairKappa is κ between two annotators.
type PairKappa struct {
	A string `json:"a"`
	B string `json:"b"`
	Kappa
}

// TaskAgreement is one task's tally. Observed is the share of annotator
// pairs who gave the same decision (nil with fewer than two decisions).
type TaskAgreement struct {
	ID       string   `json:"id"`
	Kind     Kind     `json:"kind"`
	Accept   int      `json:"accept"`
	Reject   int      `json:"reject"`
	Accepted bool     `json:"accepted"`
	Edit     string   `json:"edit,omitempty"`
	Observed *float64 `json:"observed_agreement"`
	Ratings  []int    `json:"ratings,omitempty"`
}

// Agreement computes the report for merged annotated tasks.
func Agreement(ts []Task) Report {
	r := Report{Tasks: len(ts), ByKind: map[string][]PairKappa{}}
	names := map[string]bool{}
	var units [][]int
	for i := range ts {
		t := &ts[i]
		d := Decide(t)
		ta := TaskAgreement{ID: t.ID, Kind: t.Kind, Accept: d.Accept, Reject: d.Reject,
			Accepted: d.Accepted, Edit: d.Edit, Ratings: d.Ratings}
		if t.Kind == Rate {
			ta.Accepted, ta.Edit = false, ""
		}
		if d.Pairs > 0 {
			v := float64(d.AgreeingPairs) / float64(d.Pairs)
			ta.Observed = &v
		}
		r.PerTask = append(r.PerTask, ta)
		for _, a := range t.Annotations {
			names[a.Annotator] = true
		}
		if t.Kind == Rate {
			units = append(units, ratingsUnit(t))
		}
	}
	for n := range names {
		r.Annotators = append(r.Annotators, n)
	}
	sort.Strings(r.Annotators)
	r.Decisions = pairKappas(ts, r.Annotators, "")
	for _, k := range Kinds {
		if k == Rate {
			continue
		}
		if ps := pairKappas(ts, r.Annotators, k); len(ps) > 0 {
			r.ByKind[string(k)] = ps
		}
	}
	if len(units) > 0 {
		if a, err := Alpha(units, Ordinal); err == nil {
			r.Ratings = &a
		}
	}
	return r
}

// decisionsOf is each annotator's decision on a task (the last one when an
// annotator answered twice).
func decisionsOf(t *Task) map[string]string {
	m := map[string]string{}
	for _, a := range latest(t.Annotations) {
		dec := a.Decision
		if dec == "" && a.Edit != "" {
			dec = "accept"
		}
		if dec != "" {
			m[a.Annotator] = dec
		}
	}
	return m
}

func ratingsUnit(t *Task) []int {
	m := map[string]int{}
	for _, a := range t.Annotations {
		if a.Rating > 0 {
			m[a.Annotator] = a.Rating
		}
	}
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	slices.Sort(names)
	var u []int
	for _, n := range names {
		u = append(u, m[n])
	}
	return u
}

func pairKappas(ts []Task, names []string, kind Kind) []PairKappa {
	var out []PairKappa
	for i, a := range names {
		for _, b := range names[i+1:] {
			var la, lb []string
			for j := range ts {
				if ts[j].Kind == Rate || kind != "" && ts[j].Kind != kind {
					continue
				}
				m := decisionsOf(&ts[j])
				if da, ok := m[a]; ok {
					if db, ok := m[b]; ok {
						la, lb = append(la, da), append(lb, db)
					}
				}
			}
			if len(la) == 0 {
				continue
			}
			k, _ := CohenKappa(la, lb)
			out = append(out, PairKappa{A: a, B: b, Kappa: k})
		}
	}
	return out
}
