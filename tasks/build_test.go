package tasks

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/habla-es/habla/align"
)

func ids(ts []Task) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.ID)
	}
	return out
}

func summary(ts []Task) []string {
	var out []string
	for _, t := range ts {
		out = append(out, string(t.Kind)+":"+t.Text+":"+fmtFloat(t.Priority))
	}
	return out
}

func TestBuildOnePerFinding(t *testing.T) {
	ts := Build(trickyRecords(t), Options{})
	want := []string{"replace:coche:5", "convert-address:tenéis:5", "replace:coche:5", "review:cafe\u0301:1"}
	if diff := cmp.Diff(want, summary(ts)); diff != "" {
		t.Errorf("tasks (-want +got):\n%s", diff)
	}
	if !slices.Equal(ids(ts), ids(Build(trickyRecords(t), Options{}))) {
		t.Error("ids differ between two runs")
	}
	if ts[0].ID == ts[2].ID {
		t.Error("two findings in two records share an id")
	}
	// 12 words in the context: ceil(12/4) = 3, plus 6 for a replacement.
	if ts[0].EstimatedSeconds != 9 {
		t.Errorf("estimated %d s, want 9", ts[0].EstimatedSeconds)
	}
	if !strings.Contains(ts[0].Instructions, "«coche» por «carro»") {
		t.Errorf("instructions %q", ts[0].Instructions)
	}
}

func TestBuildGroup(t *testing.T) {
	recs := trickyRecords(t)
	ts := Build(recs, Options{Group: true})
	want := []string{"replace:coche:10", "convert-address:tenéis:5", "review:cafe\u0301:1"}
	if diff := cmp.Diff(want, summary(ts)); diff != "" {
		t.Fatalf("tasks (-want +got):\n%s", diff)
	}
	g := ts[0]
	if len(g.Occurrences) != 2 || g.Occurrences[0].Record != "r1" || g.Occurrences[1].Record != "r2" {
		t.Errorf("occurrences %+v", g.Occurrences)
	}
	// The long record's context is the sentence, not the whole text.
	o := g.Occurrences[1]
	if o.ContextStart == 0 || len(o.Context) >= len(recs[1].Text) || codePoints(o.Context, o.Start-o.ContextStart, o.End-o.ContextStart) != "coche" {
		t.Errorf("context %q at %d", o.Context, o.ContextStart)
	}
	// 6 + 3 + one more occurrence.
	if g.EstimatedSeconds != 10 {
		t.Errorf("estimated %d s, want 10", g.EstimatedSeconds)
	}
	// A group's id is the issue's: it stays when records come and go.
	if only := Build(recs[:1], Options{Group: true}); only[0].ID != g.ID {
		t.Errorf("group id changed with the records: %s, %s", only[0].ID, g.ID)
	}
	// Case does not split a group; the first suggestion does.
	recs[1].Findings[0].Suggestions = []string{"auto"}
	if n := len(Build(recs, Options{Group: true})); n != 4 {
		t.Errorf("%d tasks with different suggestions, want 4", n)
	}
	// Nor do accents of suggestions: they tell words apart (sentate is
	// vos's imperative, séntate tú's), as audit reports' issues do.
	recs[0].Findings[0].Suggestions = []string{"áuto"} // beside r2's auto
	if n := len(Build(recs, Options{Group: true})); n != 4 {
		t.Errorf("%d tasks with suggestions that differ in an accent, want 4", n)
	}
}

func TestBuildFilters(t *testing.T) {
	recs := trickyRecords(t)
	got := summary(Build(recs, Options{Group: true, MinSeverity: align.Major}))
	if diff := cmp.Diff([]string{"replace:coche:10", "convert-address:tenéis:5"}, got); diff != "" {
		t.Errorf("--min-severity major (-want +got):\n%s", diff)
	}
	got = summary(Build(recs, Options{Kinds: []Kind{Review, ConvertAddress}}))
	if diff := cmp.Diff([]string{"convert-address:tenéis:5", "review:cafe\u0301:1"}, got); diff != "" {
		t.Errorf("--kinds (-want +got):\n%s", diff)
	}
	if got := Build(recs, Options{Limit: 1}); len(got) != 1 || got[0].Text != "coche" {
		t.Errorf("--limit 1: %v", summary(got))
	}
	w := align.Weights{Minor: 2, Major: 10, Critical: 100}
	if got := Build(recs, Options{Group: true, Weights: w}); got[0].Priority != 20 {
		t.Errorf("priority with weights %+v: %v", w, got[0].Priority)
	}
}

func TestRateSample(t *testing.T) {
	recs := trickyRecords(t)
	a := Build(recs, Options{RateSample: 1, Kinds: []Kind{Rate}})
	slices.Reverse(recs)
	b := Build(recs, Options{RateSample: 1, Kinds: []Kind{Rate}})
	if len(a) != 1 || !slices.Equal(ids(a), ids(b)) {
		t.Fatalf("rate sample depends on input order: %v, %v", ids(a), ids(b))
	}
	r := a[0]
	wantPre := map[string]int{"r1": 3, "r2": 4}[r.Occurrences[0].Record] // naturalness 80, 90
	if r.PreRating != wantPre || r.Naturalness == nil || r.Severity != "" || r.Priority != 1 {
		t.Errorf("rate task %+v", r)
	}
	if n := len(Build(recs, Options{RateSample: 10, Kinds: []Kind{Rate}})); n != 2 {
		t.Errorf("%d rate tasks for 2 records", n)
	}
}

func TestPreRating(t *testing.T) {
	for nat, want := range map[float64]int{100: 5, 95: 5, 94.9: 4, 85: 4, 70: 3, 50: 2, 49.9: 1, 0: 1} {
		if got := PreRating(nat); got != want {
			t.Errorf("PreRating(%v) = %d, want %d", nat, got, want)
		}
	}
}
