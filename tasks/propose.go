package tasks

import (
	"cmp"
	"io"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/habla-es/habla/lexicon"
	"github.com/habla-es/habla/token"
)

// Candidate is an accepted replacement the lexicon does not know at home in
// the target, with the evidence a linguist needs to judge it.
type Candidate struct {
	From     string   `yaml:"from"`
	To       string   `yaml:"to"`
	Target   string   `yaml:"target"`
	Concept  string   `yaml:"concept,omitempty"`
	Entry    Skeleton `yaml:"entry"`
	Evidence Evidence `yaml:"evidence"`
}

// Skeleton is the variant as it would enter a lexicon pack, to be checked
// and completed (concept, gender, sources) by a linguist.
type Skeleton struct {
	Form    string            `yaml:"form"`
	Usage   map[string]string `yaml:"usage"`
	Sources []string          `yaml:"sources"`
}

// Evidence is what supports a candidate.
type Evidence struct {
	Occurrences int      `yaml:"occurrences"`
	Accept      int      `yaml:"accept"`
	Reject      int      `yaml:"reject"`
	Tasks       []string `yaml:"tasks"`
	Records     []string `yaml:"records"`
	Annotators  []string `yaml:"annotators"`
}

// Knows reports whether l has a variant spelled like form (folded) that
// is at home (common or used) in the variety tagged target.
func Knows(l *lexicon.Lexicon) func(target, form string) bool {
	m := l.Matcher()
	return func(target, form string) bool {
		p, ok := l.Dialects().Profile(target)
		if !ok {
			return false
		}
		for _, e := range m.Lookup(form) {
			if u, ok := l.Usage(e.Variant, p); ok && u.Level.AtHome() {
				return true
			}
		}
		return false
	}
}

// Propose lists the accepted word replacements (replace, remove-taboo and
// review tasks) whose replacement known does not know, one candidate per
// target, folded original and folded replacement, most occurrences first.
func Propose(ts []Task, known func(target, form string) bool) []Candidate {
	var out []Candidate
	at := map[string]int{}
	for i := range ts {
		t := &ts[i]
		if t.Kind != Replace && t.Kind != RemoveTaboo && t.Kind != Review {
			continue
		}
		d := Decide(t)
		if !d.Accepted || d.Edit == "" || known(t.Target, d.Edit) {
			continue
		}
		key := t.Target + "\x00" + token.Fold(t.Text) + "\x00" + token.Fold(d.Edit)
		j, ok := at[key]
		if !ok {
			j = len(out)
			at[key] = j
			out = append(out, Candidate{From: t.Text, To: d.Edit, Target: t.Target, Concept: t.Concept,
				Entry: Skeleton{Form: strings.ToLower(d.Edit), Usage: map[string]string{t.Target: "common"},
					Sources: []string{"annotators"}}})
		}
		c := &out[j]
		c.Evidence.Occurrences += len(t.Occurrences)
		c.Evidence.Accept += d.Accept
		c.Evidence.Reject += d.Reject
		c.Evidence.Tasks = append(c.Evidence.Tasks, t.ID)
		for _, o := range t.Occurrences {
			c.Evidence.Records = append(c.Evidence.Records, o.Record)
		}
		for _, a := range latest(t.Annotations) {
			if a.Decision == "accept" || a.Decision == "" && a.Edit != "" {
				c.Evidence.Annotators = append(c.Evidence.Annotators, a.Annotator)
			}
		}
	}
	for i := range out {
		e := &out[i].Evidence
		e.Records = sortedUnique(e.Records)
		e.Annotators = sortedUnique(e.Annotators)
	}
	slices.SortStableFunc(out, func(a, b Candidate) int {
		return cmp.Or(cmp.Compare(b.Evidence.Occurrences, a.Evidence.Occurrences),
			strings.Compare(a.Target, b.Target), strings.Compare(a.From, b.From), strings.Compare(a.To, b.To))
	})
	return out
}

func sortedUnique(s []string) []string {
	slices.Sort(s)
	return slices.Compact(s)
}

// WriteCandidates writes candidates as YAML for a linguist to review.
func WriteCandidates(w io.Writer, cs []Candidate) error {
	if _, err := io.WriteString(w, "# Candidate lexicon entries from annotated tasks (habla tasks import).\n"+
		"# Annotators accepted these replacements; the lexicon does not know them at home\n"+
		"# in the target. Review each before it enters a pack (see lexicon/data/README.md).\n"); err != nil {
		return err
	}
	if cs == nil {
		cs = []Candidate{}
	}
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(map[string][]Candidate{"candidates": cs}); err != nil {
		return err
	}
	return enc.Close()
}
