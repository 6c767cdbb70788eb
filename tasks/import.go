package tasks

import (
	"cmp"
	"slices"
	"strings"
)

// Merge joins annotated tasks read from several files: a task seen in more
// than one file keeps its first full definition (with occurrences) and
// gathers every annotation.
// Tasks come out in the order first seen.
func Merge(lists ...[]Task) []Task {
	var out []Task
	at := map[string]int{}
	for _, l := range lists {
		for _, t := range l {
			if i, ok := at[t.ID]; ok {
				as := append(out[i].Annotations, t.Annotations...)
				if len(out[i].Occurrences) == 0 && len(t.Occurrences) > 0 {
					out[i] = t // the first full definition wins
				}
				out[i].Annotations = as
				continue
			}
			at[t.ID] = len(out)
			t.Annotations = slices.Clone(t.Annotations)
			out = append(out, t)
		}
	}
	return out
}

// Decision is what the annotators decided about a task.
type Decision struct {
	Accepted bool
	// Edit is the replacement: the edit most accepting annotators gave
	// (ties: the first in code-point order), else the first suggestion.
	// Empty when accepted without one: nothing can be applied.
	Edit           string
	Accept, Reject int
	// AgreeingPairs of Pairs of annotators gave the same decision.
	AgreeingPairs, Pairs int
	Ratings              []int
}

// Decide counts a task's annotations, one per annotator (the last one an
// annotator gave, should a file be given twice). A task is accepted when
// more annotators accept than reject; an annotation with an edit and no
// decision counts as an accept.
func Decide(t *Task) Decision {
	var d Decision
	edits := map[string]int{}
	var labels []string
	for _, a := range latest(t.Annotations) {
		dec := a.Decision
		if dec == "" && a.Edit != "" {
			dec = "accept"
		}
		switch dec {
		case "accept":
			d.Accept++
			if e := strings.TrimSpace(a.Edit); e != "" {
				edits[e]++
			}
		case "reject":
			d.Reject++
		}
		if dec != "" {
			labels = append(labels, dec)
		}
		if a.Rating > 0 {
			d.Ratings = append(d.Ratings, a.Rating)
		}
	}
	for i := range labels {
		for j := i + 1; j < len(labels); j++ {
			d.Pairs++
			if labels[i] == labels[j] {
				d.AgreeingPairs++
			}
		}
	}
	d.Accepted = d.Accept > d.Reject
	if !d.Accepted {
		return d
	}
	best, n := "", 0
	for e, c := range edits {
		if c > n || c == n && e < best {
			best, n = e, c
		}
	}
	d.Edit = cmp.Or(best, firstSuggestion(t))
	return d
}

// Edit is one replacement in a record's text, in code points of the
// original text.
type Edit struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	From  string `json:"from"`
	To    string `json:"to"`
	Rule  string `json:"rule,omitempty"`
	Task  string `json:"task"`
	// Reason says why an edit was refused (only in refused lists).
	Reason string `json:"reason,omitempty"`
}

// Edits are the accepted edits of tasks, by record id. Rate and
// rejected tasks make none; a grouped task makes one per occurrence, with
// the replacement's first letter cased like each occurrence's.
func Edits(ts []Task) map[string][]Edit {
	out := map[string][]Edit{}
	for i := range ts {
		t := &ts[i]
		if t.Kind == Rate {
			continue
		}
		d := Decide(t)
		if !d.Accepted || d.Edit == "" {
			continue
		}
		for _, o := range t.Occurrences {
			to := d.Edit
			if len(t.Occurrences) > 1 || o.Text != t.Text {
				to = matchCase(o.Text, d.Edit)
			}
			out[o.Record] = append(out[o.Record], Edit{Start: o.Start, End: o.End, From: o.Text, To: to, Rule: t.Rule, Task: t.ID})
		}
	}
	return out
}

// Apply applies edits to text. An edit whose span no longer reads its
// From text, or that overlaps an edit applied before it, is refused with
// a reason. Edits are applied in order of position.
func Apply(text string, edits []Edit) (string, []Edit, []Edit) {
	es := slices.Clone(edits)
	slices.SortStableFunc(es, func(a, b Edit) int { return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End)) })
	var b strings.Builder
	var applied, refused []Edit
	last, lastByte := 0, 0
	for _, e := range es {
		got, ok := spanText(text, e.Start, e.End)
		switch {
		case !ok:
			e.Reason = "span outside the text"
		case got != e.From:
			e.Reason = "text changed: the span reads «" + got + "»"
		case e.Start < last:
			e.Reason = "overlaps an earlier edit"
		}
		if e.Reason != "" {
			refused = append(refused, e)
			continue
		}
		bs, be, _ := byteSpan(text, e.Start, e.End)
		b.WriteString(text[lastByte:bs])
		b.WriteString(e.To)
		last, lastByte = e.End, be
		applied = append(applied, e)
	}
	b.WriteString(text[lastByte:])
	return b.String(), applied, refused
}

// latest keeps each annotator's last annotation, in the order annotators
// first appear.
func latest(as []Annotation) []Annotation {
	at := map[string]int{}
	var out []Annotation
	for _, a := range as {
		if i, ok := at[a.Annotator]; ok {
			out[i] = a
			continue
		}
		at[a.Annotator] = len(out)
		out = append(out, a)
	}
	return out
}
