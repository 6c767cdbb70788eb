package lexicon

import (
	"slices"

	"github.com/habla-es/habla/dialects"
)

// Stats counts what the lexicon knows.
type Stats struct {
	Concepts  int                     `json:"concepts"`
	Variants  int                     `json:"variants"`
	Taboo     int                     `json:"taboo"` // concepts with a variant to avoid somewhere
	Domains   map[string]int          `json:"domains"`
	Varieties map[string]VarietyStats `json:"varieties"`
}

// VarietyStats counts concepts from one variety's side.
type VarietyStats struct {
	Common   int `json:"common"`   // concepts with a common word there
	Distinct int `json:"distinct"` // of those, concepts whose common words differ from another variety's
	Regional int `json:"regional"` // of those, concepts with a common word that is not common everywhere
	Avoid    int `json:"avoid"`    // concepts with a word to avoid there
}

// Stats counts concepts, variants and, for every variety, the concepts
// where its usual word differs from some other variety's usual word.
func (l *Lexicon) Stats() Stats {
	st := Stats{Concepts: len(l.concepts), Variants: len(l.variants),
		Domains: map[string]int{}, Varieties: map[string]VarietyStats{}}
	profiles := l.set.Profiles()
	for _, c := range l.concepts {
		st.Domains[c.Domain]++
		common := make([][]*Variant, len(profiles))
		taboo := false
		for i, p := range profiles {
			vs := st.Varieties[p.Tag]
			avoid := false
			for _, v := range c.Variants {
				u, _ := l.Usage(v, p)
				switch u.Level {
				case Common:
					common[i] = append(common[i], v)
				case Avoid:
					avoid = true
				}
			}
			if avoid {
				vs.Avoid++
				taboo = true
			}
			st.Varieties[p.Tag] = vs
		}
		if taboo {
			st.Taboo++
		}
		countDistinct(st.Varieties, profiles, common)
	}
	return st
}

// countDistinct adds one concept's counts: a variety with a common word
// counts as distinct when some other variety's common words differ.
func countDistinct(vs map[string]VarietyStats, profiles []*dialects.Profile, common [][]*Variant) {
	for i, p := range profiles {
		if len(common[i]) == 0 {
			continue
		}
		s := vs[p.Tag]
		s.Common++
		for j := range profiles {
			if j != i && len(common[j]) > 0 && !slices.Equal(common[i], common[j]) {
				s.Distinct++
				break
			}
		}
		if regional(common, i) {
			s.Regional++
		}
		vs[p.Tag] = s
	}
}

// regional reports whether variety i has a common word that some other
// variety with a common word of its own does not share.
func regional(common [][]*Variant, i int) bool {
	for _, v := range common[i] {
		for j := range common {
			if j != i && len(common[j]) > 0 && !slices.Contains(common[j], v) {
				return true
			}
		}
	}
	return false
}
