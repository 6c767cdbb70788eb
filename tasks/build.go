package tasks

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/habla-es/habla/align"
	"github.com/habla-es/habla/token"
)

// Options say which tasks to make.
type Options struct {
	// Group makes one task per issue instead of one per finding.
	Group bool
	// Kinds keeps only these task kinds; empty keeps all.
	Kinds []Kind
	// MinSeverity drops finding tasks below it; "" keeps all. Rate tasks
	// have no severity of their own and are kept.
	MinSeverity align.Severity
	// Limit keeps the first Limit tasks after sorting; 0 keeps all.
	Limit int
	// RateSample makes rate tasks for this many records, chosen by a hash
	// of their id and text (so the choice does not depend on input order).
	RateSample int
	// Weights are the MQM severity weights; zero means the defaults.
	Weights align.Weights
}

// Build makes the tasks for records, sorted by priority.
func Build(records []Record, opts Options) []Task {
	w := opts.Weights
	if w == (align.Weights{}) {
		w = align.DefaultWeights
	}
	var out []Task
	byKey := map[string]int{}
	for ri := range records {
		r := &records[ri]
		for fi := range r.Findings {
			f := &r.Findings[fi]
			if opts.MinSeverity != "" && f.Severity.Rank() < opts.MinSeverity.Rank() {
				continue
			}
			occ := newOccurrence(r, f)
			if !opts.Group {
				out = append(out, newTask(r, f, occ, singleID(r, f)))
				continue
			}
			key := groupKey(r.Target, f)
			if i, ok := byKey[key]; ok {
				addOccurrence(&out[i], f, occ)
				continue
			}
			byKey[key] = len(out)
			out = append(out, newTask(r, f, occ, hashID(key)))
		}
	}
	out = append(out, rateTasks(records, opts.RateSample)...)
	out = slices.DeleteFunc(out, func(t Task) bool {
		return len(opts.Kinds) > 0 && !slices.Contains(opts.Kinds, t.Kind)
	})
	words := map[string]int{} // contexts repeat: a record's findings share one
	for i := range out {
		finish(&out[i], w, words)
	}
	sortTasks(out)
	if opts.Limit > 0 && len(out) > opts.Limit {
		out = out[:opts.Limit]
	}
	return out
}

func newTask(r *Record, f *align.Finding, occ Occurrence, id string) Task {
	return Task{
		ID: id, Kind: KindOf(f), Target: r.Target, Finding: f.Kind, Rule: f.Rule,
		MQM: f.MQM(), Concept: f.Concept, Severity: f.Severity, Text: f.Text,
		Suggestions: slices.Clone(f.Suggestions), Message: f.Message,
		Occurrences: []Occurrence{occ}, order: r.Order,
	}
}

func addOccurrence(t *Task, f *align.Finding, occ Occurrence) {
	if f.Severity.Rank() > t.Severity.Rank() {
		t.Severity = f.Severity
	}
	t.Occurrences = append(t.Occurrences, occ)
}

// finish fills what depends on the whole task.
func finish(t *Task, w align.Weights, words map[string]int) {
	sev := t.Severity
	if t.Kind == Rate {
		sev = align.Minor
	}
	t.Priority = w.Of(sev) * float64(len(t.Occurrences))
	t.Instructions = instructions(t)
	ctx := t.Occurrences[0].Context
	n, ok := words[ctx]
	if !ok {
		n = countWords(ctx)
		words[ctx] = n
	}
	t.EstimatedSeconds = estimate(t, n)
}

func sortTasks(ts []Task) {
	slices.SortStableFunc(ts, func(a, b Task) int {
		return cmp.Or(
			cmp.Compare(b.Priority, a.Priority),
			cmp.Compare(b.Severity.Rank(), a.Severity.Rank()),
			cmp.Compare(a.order, b.order),
			cmp.Compare(a.Occurrences[0].Start, b.Occurrences[0].Start),
			strings.Compare(a.ID, b.ID),
		)
	})
}

// groupKey is what makes findings the same issue (align.IssueKey, as
// audit reports group them): finding kind, folded text, first suggestion
// and target.
func groupKey(target string, f *align.Finding) string {
	k := align.KeyOf(f.Kind, f.Text, f.Suggestions, target)
	return strings.Join([]string{"group", k.Target, string(k.Kind), k.Text, k.Suggestion}, "\x00")
}

func singleID(r *Record, f *align.Finding) string {
	sugg := ""
	if len(f.Suggestions) > 0 {
		sugg = f.Suggestions[0]
	}
	return hashID(strings.Join([]string{"finding", r.Target, string(f.Kind), f.Rule, r.ID,
		strconv.Itoa(f.Start), strconv.Itoa(f.End), f.Text, sugg}, "\x00"))
}

// hashID is a task id: "t-" and 12 hex digits of the SHA-256 of its
// content.
func hashID(content string) string {
	sum := sha256.Sum256([]byte(content))
	return "t-" + hex.EncodeToString(sum[:6])
}

// rateTasks asks for naturalness ratings of n records, chosen by the
// smallest hashes of id and text: deterministic, and stable when records
// are added or reordered.
func rateTasks(records []Record, n int) []Task {
	if n <= 0 {
		return nil
	}
	type pick struct {
		h string
		i int
	}
	picks := make([]pick, len(records))
	for i := range records {
		sum := sha256.Sum256([]byte(records[i].ID + "\x00" + records[i].Text))
		picks[i] = pick{hex.EncodeToString(sum[:]), i}
	}
	slices.SortFunc(picks, func(a, b pick) int { return cmp.Or(strings.Compare(a.h, b.h), cmp.Compare(a.i, b.i)) })
	var out []Task
	for _, p := range picks[:min(n, len(picks))] {
		r := &records[p.i]
		nat := r.Naturalness
		n := runeLen(r.Text)
		occ := Occurrence{Record: r.ID, End: n, ByteEnd: len(r.Text), Text: r.Text, Context: r.Text}
		out = append(out, Task{
			ID: hashID("rate\x00" + r.Target + "\x00" + r.ID + "\x00" + r.Text), Kind: Rate,
			Target: r.Target, Text: r.Text, Suggestions: []string{}, Occurrences: []Occurrence{occ},
			Naturalness: &nat, PreRating: PreRating(nat), order: r.Order,
		})
	}
	return out
}

// PreRating maps habla's naturalness score (0–100) to the 1–5 scale a rate
// task asks for: 95 and above 5, 85 4, 70 3, 50 2, below 1. Naturalness
// only measures the absence of foreign features, so it is a starting
// point for the annotator, not an answer.
func PreRating(naturalness float64) int {
	switch {
	case naturalness >= 95:
		return 5
	case naturalness >= 85:
		return 4
	case naturalness >= 70:
		return 3
	case naturalness >= 50:
		return 2
	}
	return 1
}

// EstimateSeconds is the heuristic of the package documentation.
func EstimateSeconds(t *Task) int {
	words := 0
	if len(t.Occurrences) > 0 {
		words = countWords(t.Occurrences[0].Context)
	}
	return estimate(t, words)
}

// baseSeconds is the time to decide a task of each kind, before reading.
var baseSeconds = map[Kind]int{Replace: 6, FixConvention: 5, ConvertAddress: 12, RemoveTaboo: 8, Review: 15, Rate: 4}

func estimate(t *Task, words int) int {
	s := baseSeconds[t.Kind] + int(math.Ceil(float64(words)/4)) + min(max(len(t.Occurrences)-1, 0), 50)
	if len(t.Suggestions) > 1 {
		s += len(t.Suggestions) - 1
	}
	return s
}

// countWords counts the word and number tokens of s, as align counts words.
func countWords(s string) int {
	n := 0
	for _, tk := range token.Tokenize(s) {
		if tk.Kind == token.Word || tk.Kind == token.Number {
			n++
		}
	}
	return n
}
