package localize

import (
	"slices"
	"sort"
	"unicode/utf8"

	"github.com/habla-es/habla/align"
)

// candidate is an edit localize could make, or a span it knows it cannot
// decide (reason set).
type candidate struct {
	edit Edit // bytes, From, To, Rule, Confidence; To empty with a reason
	// group names candidates applied only all together (a text's
	// quotation marks); empty for none.
	group    string
	alts     []string // other forms, offered when it becomes a task
	kind     align.Kind
	severity align.Severity // of the finding behind it
	message  string
	reason   string // non-empty: never applied
	silent   bool   // with a reason: blocks its group but is no task
}

func (c *candidate) overlaps(d *candidate) bool {
	return c.edit.ByteStart < d.edit.ByteEnd && d.edit.ByteStart < c.edit.ByteEnd
}

// decide splits the candidates into the edits to apply, sorted and
// disjoint, and tasks: a candidate with a reason, one below the
// threshold, one that overlaps another candidate (neither is applied, so
// that a second pass meets the same choice and also makes none), and the
// rest of a group with a member not applied.
func (l *Localizer) decide(cs []candidate) ([]candidate, []Task) {
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].edit.ByteStart < cs[j].edit.ByteStart })
	cs = dedupeCandidates(cs)
	reasons := make([]string, len(cs))
	for i := range cs {
		switch {
		case cs[i].reason != "":
			reasons[i] = cs[i].reason
		case cs[i].edit.Confidence < l.threshold:
			reasons[i] = ReasonLowConfidence
		}
	}
	for i := range cs {
		for j := i + 1; j < len(cs) && cs[j].edit.ByteStart < cs[i].edit.ByteEnd; j++ {
			// A silent candidate only blocks its own group: an ambiguity
			// ConvertText saw where align saw nothing is no reason to
			// hold back a lexical swap of the same word.
			if cs[i].overlaps(&cs[j]) && !cs[i].silent && !cs[j].silent {
				reasons[i], reasons[j] = firstNonEmpty(reasons[i], ReasonOverlap), firstNonEmpty(reasons[j], ReasonOverlap)
			}
		}
	}
	failed := map[string]string{}
	for i := range cs {
		if cs[i].group != "" && reasons[i] != "" {
			failed[cs[i].group] = ReasonPartial
		}
	}
	var applied []candidate
	var tasks []Task
	for i := range cs {
		r := firstNonEmpty(reasons[i], failed[cs[i].group])
		if r == "" {
			applied = append(applied, cs[i])
			continue
		}
		if !cs[i].silent {
			tasks = appendTask(tasks, cs[i].task(r))
		}
	}
	return applied, tasks
}

// appendTask appends t, or merges it into the last task when both cover
// the same span (preferís: vos prefieres or vosotros prefieren), so that
// a human sees one question with every suggestion.
func appendTask(ts []Task, t Task) []Task {
	if n := len(ts); n > 0 && ts[n-1].ByteStart == t.ByteStart && ts[n-1].ByteEnd == t.ByteEnd {
		last := &ts[n-1]
		for _, s := range t.Suggestions {
			if !slices.Contains(last.Suggestions, s) {
				last.Suggestions = append(last.Suggestions, s)
			}
		}
		last.Confidence = min(last.Confidence, t.Confidence)
		return ts
	}
	return append(ts, t)
}

// dedupeCandidates drops a candidate equal in span and replacement to the
// one before it (sorted by start).
func dedupeCandidates(cs []candidate) []candidate {
	out := cs[:0]
	for _, c := range cs {
		if slices.ContainsFunc(out, func(d candidate) bool {
			return d.edit.ByteStart == c.edit.ByteStart && d.edit.ByteEnd == c.edit.ByteEnd && d.edit.To == c.edit.To
		}) {
			continue
		}
		out = append(out, c)
	}
	return out
}

func (c *candidate) task(reason string) Task {
	var sugg []string
	if c.edit.To != "" {
		sugg = append(sugg, c.edit.To)
	}
	for _, a := range c.alts {
		if !slices.Contains(sugg, a) {
			sugg = append(sugg, a)
		}
	}
	return Task{ByteStart: c.edit.ByteStart, ByteEnd: c.edit.ByteEnd, Text: c.edit.From,
		Kind: c.kind, Severity: c.severity, Rule: c.edit.Rule, Suggestions: sugg, Confidence: c.edit.Confidence,
		Reason: reason, Message: c.message}
}

// unresolved turns the findings that no applied edit touches and no task
// already covers (same span) into tasks.
func unresolved(fs []align.Finding, applied []candidate, tasks []Task) []Task {
	var out []Task
	for i := range fs {
		f := &fs[i]
		touched := slices.ContainsFunc(applied, func(c candidate) bool {
			return c.edit.ByteStart < f.ByteEnd && f.ByteStart < c.edit.ByteEnd
		})
		covered := slices.ContainsFunc(tasks, func(t Task) bool {
			return t.ByteStart == f.ByteStart && t.ByteEnd == f.ByteEnd
		})
		if touched || covered {
			continue
		}
		reason := ReasonManual
		if f.Kind == align.Review {
			reason = ReasonAmbiguous
		}
		out = append(out, Task{ByteStart: f.ByteStart, ByteEnd: f.ByteEnd, Text: f.Text,
			Kind: f.Kind, Severity: f.Severity, Rule: f.Rule, Suggestions: f.Suggestions, Confidence: f.Confidence,
			Reason: reason, Message: f.Message})
	}
	return out
}

// fillOffsets sets the code-point offsets of edits and tasks from their
// byte offsets, in one pass over text.
func fillOffsets(text string, edits []Edit, tasks []Task) {
	type ref struct {
		b  int
		cp *int
	}
	var refs []ref
	for i := range edits {
		refs = append(refs, ref{edits[i].ByteStart, &edits[i].Start}, ref{edits[i].ByteEnd, &edits[i].End})
	}
	for i := range tasks {
		refs = append(refs, ref{tasks[i].ByteStart, &tasks[i].Start}, ref{tasks[i].ByteEnd, &tasks[i].End})
	}
	sort.Slice(refs, func(i, j int) bool { return refs[i].b < refs[j].b })
	b, cp := 0, 0
	for _, r := range refs {
		cp += utf8.RuneCountInString(text[b:r.b])
		b = r.b
		*r.cp = cp
	}
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
