package tasks

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func annotated(t *testing.T, ts []Task, who string, answers ...Annotation) []Task {
	t.Helper()
	out := make([]Task, len(ts))
	for i := range ts {
		out[i] = ts[i]
		out[i].Annotations = nil
		if i < len(answers) && (answers[i] != Annotation{}) {
			a := answers[i]
			a.Annotator = who
			out[i].Annotations = []Annotation{a}
		}
	}
	return out
}

var (
	acc = Annotation{Decision: "accept"}
	rej = Annotation{Decision: "reject"}
)

func TestDecide(t *testing.T) {
	tk := Task{Suggestions: []string{"carro"}, Annotations: []Annotation{
		{Annotator: "a", Decision: "accept", Edit: "auto"},
		{Annotator: "b", Edit: "auto"}, // an edit alone is an accept
		{Annotator: "c", Decision: "reject"},
	}}
	d := Decide(&tk)
	if !d.Accepted || d.Edit != "auto" || d.Accept != 2 || d.Reject != 1 || d.Pairs != 3 || d.AgreeingPairs != 1 {
		t.Errorf("got %+v", d)
	}
	tk.Annotations = tk.Annotations[:1]
	tk.Annotations[0].Edit = ""
	if d := Decide(&tk); d.Edit != "carro" {
		t.Errorf("accepted without edit: %q, want the first suggestion", d.Edit)
	}
	tk.Annotations = append(tk.Annotations, Annotation{Annotator: "b", Decision: "reject"})
	if d := Decide(&tk); d.Accepted {
		t.Error("a tie is not an acceptance")
	}
	// The same annotator twice (a file given twice, or a changed mind):
	// the last answer counts, once.
	tk.Annotations = append(tk.Annotations, Annotation{Annotator: "a", Decision: "reject"})
	if d := Decide(&tk); d.Accepted || d.Reject != 2 || d.Accept != 0 || d.Pairs != 1 {
		t.Errorf("repeated annotator: %+v", d)
	}
}

func TestEditsAndApply(t *testing.T) {
	recs := trickyRecords(t)
	ts := Build(recs, Options{Group: true})
	// coche accepted, tenéis rejected, café accepted with an edit.
	ts = annotated(t, ts, "ana", acc, rej, Annotation{Decision: "accept", Edit: "café"})
	edits := Edits(ts)
	if len(edits["r1"]) != 1 || len(edits["r2"]) != 2 {
		t.Fatalf("edits %+v", edits)
	}
	got, done, refused := Apply(recs[0].Text, edits["r1"])
	want := strings.Replace(recs[0].Text, "coche", "carro", 1)
	if got != want || len(done) != 1 || len(refused) != 0 {
		t.Errorf("Apply = %q, %v, %v; want %q", got, done, refused, want)
	}
	// The text changed since the tasks were made: refused, nothing applied.
	changed := strings.Replace(recs[0].Text, "coche", "bus", 1)
	got, done, refused = Apply(changed, edits["r1"])
	if got != changed || len(done) != 0 || len(refused) != 1 || !strings.Contains(refused[0].Reason, "text changed") {
		t.Errorf("changed text: %q, %v, %v", got, done, refused)
	}
	// Overlapping edits: the later one is refused.
	es := []Edit{{Start: 0, End: 4, From: "Hola", To: "Buenas"}, {Start: 2, End: 4, From: "la", To: "X"}}
	got, _, refused = Apply("Hola mundo", es)
	if got != "Buenas mundo" || len(refused) != 1 || refused[0].Reason != "overlaps an earlier edit" {
		t.Errorf("overlap: %q, %v", got, refused)
	}
}

func TestEditsMatchCase(t *testing.T) {
	for _, c := range [][3]string{{"Coche", "carro", "Carro"}, {"coche", "Carro", "carro"}, {"coche", "ONU", "ONU"},
		{"vos", "tú", "tú"}, {"Vosotros", "ustedes", "Ustedes"}, {"12", "doce", "doce"}} {
		if got := matchCase(c[0], c[1]); got != c[2] {
			t.Errorf("matchCase(%q, %q) = %q, want %q", c[0], c[1], got, c[2])
		}
	}
}

func TestReadJSONLErrors(t *testing.T) {
	_, err := ReadAnnotated(strings.NewReader("{\"id\":\"t-1\",\"kind\":\"replace\",\"occurrences\":[{}]}\n{\"id\": x}\n"), "ana.jsonl", "jsonl")
	if err == nil || !strings.HasPrefix(err.Error(), "ana.jsonl:2:8: invalid JSON") {
		t.Errorf("err = %v, want ana.jsonl:2:8: invalid JSON", err)
	}
	_, err = ReadAnnotated(strings.NewReader(`{"id":"t-1","kind":"replace","occurrences":[{}],"annotations":[{"decision":"maybe"}]}`), "ana.jsonl", "jsonl")
	if err == nil || !strings.Contains(err.Error(), `ana.jsonl:1: task t-1, annotation 1: decision "maybe"`) {
		t.Errorf("err = %v", err)
	}
	ts, err := ReadAnnotated(strings.NewReader(`{"id":"t-1","kind":"replace","occurrences":[{}],"annotations":[{"decision":"accept"}]}`), "ana.jsonl", "jsonl")
	if err != nil || ts[0].Annotations[0].Annotator != "ana.jsonl" {
		t.Errorf("annotator without a name: %v, %+v", err, ts)
	}
}

// A Label Studio export of our own tasks: annotations by two users (ids and
// a user object), a cancelled one ignored, choices by alias, a typed edit
// and a rating.
func TestReadLabelStudioExport(t *testing.T) {
	ts := Build(trickyRecords(t), Options{Group: true, RateSample: 1})
	var buf bytes.Buffer
	if err := Export(&buf, "label-studio", ts); err != nil {
		t.Fatal(err)
	}
	var tasks []map[string]any
	mustJSON(t, buf.String(), &tasks)
	res := func(from, typ string, value map[string]any) map[string]any {
		return map[string]any{"from_name": from, "to_name": "text", "type": typ, "value": value}
	}
	for i, task := range tasks {
		task["id"] = i + 1
		habla := task["data"].(map[string]any)["habla"].(map[string]any)
		if habla["kind"] == "rate" {
			task["annotations"] = []any{
				map[string]any{"completed_by": 1, "result": []any{res("rating", "rating", map[string]any{"rating": 4})}},
				map[string]any{"completed_by": map[string]any{"id": 2, "email": "beto@example.org"}, "result": []any{res("rating", "rating", map[string]any{"rating": 5})}},
			}
			continue
		}
		task["annotations"] = []any{
			map[string]any{"completed_by": 1, "result": []any{res("decision", "choices", map[string]any{"choices": []any{"accept"}}),
				res("edit", "textarea", map[string]any{"text": []any{"auto"}})}},
			map[string]any{"completed_by": map[string]any{"id": 2, "email": "beto@example.org"}, "result": []any{res("decision", "choices", map[string]any{"choices": []any{"reject"}})}},
			map[string]any{"completed_by": 3, "was_cancelled": true, "result": []any{res("decision", "choices", map[string]any{"choices": []any{"reject"}})}},
		}
	}
	b, err := marshal(tasks)
	if err != nil {
		t.Fatal(err)
	}
	got, err := ReadAnnotated(bytes.NewReader(b), "export.json", "label-studio")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(ts) {
		t.Fatalf("%d tasks back, want %d", len(got), len(ts))
	}
	want := []Annotation{{Annotator: "label-studio:1", Decision: "accept", Edit: "auto"}, {Annotator: "beto@example.org", Decision: "reject"}}
	if diff := cmp.Diff(want, got[0].Annotations); diff != "" {
		t.Errorf("annotations (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(ts[0].Occurrences, got[0].Occurrences); diff != "" {
		t.Errorf("occurrences changed on the round trip (-want +got):\n%s", diff)
	}
	r := Agreement(got)
	if r.Ratings == nil || r.Ratings.Units != 1 || len(r.Decisions) != 1 || r.Decisions[0].Observed != 0 || r.Decisions[0].Items != 3 {
		t.Errorf("agreement %+v", r)
	}
	// The same export, one task per line.
	var lines []string
	for _, task := range tasks {
		b, _ := marshal(task)
		lines = append(lines, string(b))
	}
	again, err := ReadAnnotated(strings.NewReader(strings.Join(lines, "\n")+"\n"), "export.jsonl", "label-studio")
	if err != nil || !cmp.Equal(got, again, cmp.AllowUnexported(Task{})) {
		t.Errorf("JSONL export: %v, %d tasks", err, len(again))
	}
	if _, err := ReadAnnotated(strings.NewReader("[{\"data\":{\"text\":\"x\"}}]"), "other.json", "label-studio"); err == nil || !strings.Contains(err.Error(), "no data.habla") {
		t.Errorf("foreign export: %v", err)
	}
}

// The hand-computed examples of agreement_test.go, through annotated
// tasks: κ = 0.5 between ana and beto on four tasks, α = 0 on two rated
// outputs, and the per-task observed agreement.
func TestAgreementReport(t *testing.T) {
	mk := func(id string, kind Kind, as ...Annotation) Task {
		return Task{ID: id, Kind: kind, Suggestions: []string{"x"}, Occurrences: []Occurrence{{Record: id}}, Annotations: as}
	}
	a := func(who, dec string) Annotation { return Annotation{Annotator: who, Decision: dec} }
	r := func(who string, n int) Annotation { return Annotation{Annotator: who, Rating: n} }
	ts := []Task{
		mk("t1", Replace, a("ana", "accept"), a("beto", "accept")),
		mk("t2", Replace, a("ana", "accept"), a("beto", "accept")),
		mk("t3", ConvertAddress, a("ana", "reject"), a("beto", "reject")),
		mk("t4", ConvertAddress, a("ana", "reject"), a("beto", "accept"), a("caro", "accept")),
		mk("t5", Rate, r("ana", 1), r("beto", 1)),
		mk("t6", Rate, r("ana", 1), r("caro", 2)),
	}
	rep := Agreement(ts)
	if diff := cmp.Diff([]string{"ana", "beto", "caro"}, rep.Annotators); diff != "" {
		t.Errorf("annotators (-want +got):\n%s", diff)
	}
	var ab *PairKappa
	for i := range rep.Decisions {
		if rep.Decisions[i].A == "ana" && rep.Decisions[i].B == "beto" {
			ab = &rep.Decisions[i]
		}
	}
	if ab == nil || ab.Items != 4 || ab.Kappa.Kappa == nil || !near(*ab.Kappa.Kappa, 0.5) {
		t.Fatalf("κ ana–beto = %+v, want 0.5 over 4 tasks", ab)
	}
	// By kind, convert-address: ana rejects both, beto splits: p_o = 1/2,
	// p_e = 1·1/2 + 0·1/2 = 1/2, κ = 0.
	ca := rep.ByKind["convert-address"]
	if len(ca) == 0 || ca[0].Kappa.Kappa == nil || !near(*ca[0].Kappa.Kappa, 0) {
		t.Errorf("convert-address κ %+v, want 0", ca)
	}
	if rep.Ratings == nil || rep.Ratings.Alpha == nil || !near(*rep.Ratings.Alpha, 0) {
		t.Errorf("α %+v, want 0", rep.Ratings)
	}
	t4 := rep.PerTask[3]
	if t4.Accept != 2 || t4.Reject != 1 || !t4.Accepted || t4.Observed == nil || !near(*t4.Observed, 1.0/3) {
		t.Errorf("t4 %+v, want 2 accept, 1 reject, observed 1/3", t4)
	}
}

func TestPropose(t *testing.T) {
	mk := func(id, text, target string, as ...Annotation) Task {
		return Task{ID: id, Kind: Replace, Target: target, Text: text, Suggestions: []string{"carro"},
			Occurrences: []Occurrence{{Record: "r-" + id, Text: text}}, Annotations: as}
	}
	ts := []Task{
		mk("t1", "coche", "es-AR", Annotation{Annotator: "ana", Decision: "accept", Edit: "auto"}),
		mk("t2", "Coche", "es-AR", Annotation{Annotator: "beto", Edit: "auto"}),
		mk("t3", "coche", "es-VE", Annotation{Annotator: "ana", Decision: "accept"}), // carro: known
		mk("t4", "coche", "es-AR", Annotation{Annotator: "ana", Decision: "reject", Edit: "bondi"}),
	}
	known := func(target, form string) bool { return form == "carro" }
	cs := Propose(ts, known)
	if len(cs) != 1 {
		t.Fatalf("%d candidates, want 1: %+v", len(cs), cs)
	}
	want := Evidence{Occurrences: 2, Accept: 2, Tasks: []string{"t1", "t2"}, Records: []string{"r-t1", "r-t2"}, Annotators: []string{"ana", "beto"}}
	if diff := cmp.Diff(want, cs[0].Evidence); diff != "" || cs[0].To != "auto" || cs[0].Entry.Usage["es-AR"] != "common" {
		t.Errorf("candidate %+v (-want +got evidence):\n%s", cs[0], diff)
	}
	var buf bytes.Buffer
	if err := WriteCandidates(&buf, cs); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "candidates:\n  - from: coche\n    to: auto\n") {
		t.Errorf("yaml:\n%s", buf.String())
	}
}

// The spreadsheet round trip: the CSV export, filled in, read back and
// merged with the exported tasks.
func TestReadCSV(t *testing.T) {
	ts := Build(trickyRecords(t), Options{Group: true, RateSample: 1})
	var buf bytes.Buffer
	if err := Export(&buf, "csv", ts); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	// Fill in the last three columns (decision, edit, rating): the first
	// task accepted in Spanish with an edit, the second rejected, the
	// third left blank, the rate task rated.
	fill := []string{"sí,auto,", "no,,", ",,", ",,4"}
	var rows []string
	rows = append(rows, "\ufeff"+lines[0]) // a spreadsheet may add a BOM
	for i, l := range lines[1:] {
		rows = append(rows, strings.TrimSuffix(l, ",,,")+","+fill[i])
	}
	got, err := ReadAnnotated(strings.NewReader(strings.Join(rows, "\n")), "ana.csv", "csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("%d answered rows, want 3", len(got))
	}
	merged := Merge(ts, got)
	if err := CheckDefined(merged); err != nil {
		t.Fatal(err)
	}
	want := []Annotation{{Annotator: "ana.csv", Decision: "accept", Edit: "auto"}}
	if diff := cmp.Diff(want, merged[0].Annotations); diff != "" {
		t.Errorf("first task (-want +got):\n%s", diff)
	}
	if d := Decide(&merged[0]); !d.Accepted || d.Edit != "auto" {
		t.Errorf("decision %+v", d)
	}
	if merged[3].Kind != Rate || merged[3].Annotations[0].Rating != 4 {
		t.Errorf("rate task %+v", merged[3])
	}
	bad := strings.Join([]string{lines[0], strings.TrimSuffix(lines[1], ",,,") + ",quizás,,"}, "\n")
	if _, err := ReadAnnotated(strings.NewReader(bad), "ana.csv", "csv"); err == nil || !strings.Contains(err.Error(), `ana.csv:2:`) || !strings.Contains(err.Error(), `decision "quizás"`) {
		t.Errorf("bad decision: %v", err)
	}
	if _, err := ReadAnnotated(strings.NewReader("a,b\n1,2\n"), "x.csv", "csv"); err == nil || !strings.Contains(err.Error(), `no "id" column`) {
		t.Errorf("foreign CSV: %v", err)
	}
}
