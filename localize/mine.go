package localize

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/habla-es/habla/align"
	"github.com/habla-es/habla/lexicon"
	"github.com/habla-es/habla/token"
)

// Mining a termbase from parallel data: for every lexical swap localize
// would offer on a source text (a lexical finding of align, applied or
// left as a task, or a word of several senses, lexicon/ambiguous), what
// did the team's localized text do with the word?
//
//   - kept: the localized text has the source word and none of the
//     suggestions;
//   - swapped: it has a suggestion and not the source word;
//   - other: neither; the words that replaced it (the token diff's run of
//     localized tokens where the source word was, up to three words) are
//     counted as such, a longer rewording as "(reworded)";
//   - mixed: both; not counted for any choice.
//
// A row is written when one choice has at least MinCount occurrences and
// at least MinShare of the kept, swapped and other ones.

// Reworded counts the occurrences where the word vanished in a longer
// rewording.
const Reworded = "(reworded)"

// MineOptions are the thresholds of a mined termbase.
type MineOptions struct {
	MinCount int     // at least this many occurrences of the choice; 0: 2
	MinShare float64 // and at least this share of the occurrences; 0: 0.6
}

// TermEvidence is what the localizers did with one source word.
type TermEvidence struct {
	Source           string // lower case, as written in the source texts
	Kept, Mixed      int
	Swapped, Other   map[string]int // by suggestion; by replacing words
	suggestionsOrder []string
}

func (e *TermEvidence) total() int {
	n := e.Kept
	for _, c := range e.Swapped {
		n += c
	}
	for _, c := range e.Other {
		n += c
	}
	return n
}

// Miner counts, over pairs of a source text and its localization, what
// the localizers did with each lexical swap. It must not be shared between
// goroutines.
type Miner struct {
	w     *Worker
	terms map[string]*TermEvidence
	Pairs int
}

// NewMiner returns a Miner for l's target and lexicon (l's termbase, if
// any, is not consulted: its aligner sees every lexical finding).
func (l *Localizer) NewMiner() *Miner {
	return &Miner{w: l.NewWorker(), terms: map[string]*TermEvidence{}}
}

// Add counts one pair.
func (m *Miner) Add(source, localized string) {
	m.Pairs++
	res := m.w.a.Align(source)
	var es, real []string
	var ets []token.Token
	for i := range res.Findings {
		f := &res.Findings[i]
		if !isSwapFinding(f) {
			continue
		}
		if es == nil {
			es, ets = lowerTokens(source)
			real, _ = lowerTokens(localized)
		}
		m.count(f, es, ets, real)
	}
}

func (m *Miner) count(f *align.Finding, es []string, ets []token.Token, real []string) {
	src := stripDeterminer(f.Text)
	// The plural of a listed form counts for its singular (ficheros for
	// fichero; swapped archivos for archivo), as the termbase applies a
	// singular's row to its plural.
	key, plural := token.Lower(src), false
	if sg, ok := m.singular(key); ok {
		key, plural = sg, true
	}
	ev := m.terms[key]
	if ev == nil {
		ev = &TermEvidence{Source: key, Swapped: map[string]int{}, Other: map[string]int{}}
		m.terms[ev.Source] = ev
	}
	single := func(w string) string {
		if sg := lexicon.SingularOf(w); plural && sg != "" && !strings.Contains(w, " ") {
			return sg
		}
		return w
	}
	srcWords, _ := lowerTokens(src)
	kept := contains(real, srcWords)
	swap := ""
	for _, s := range f.Suggestions {
		s = token.Lower(stripDeterminer(s))
		if w, _ := lowerTokens(s); swap == "" && contains(real, w) {
			swap = single(s)
		}
		if s = single(s); !slices.Contains(ev.suggestionsOrder, s) {
			ev.suggestionsOrder = append(ev.suggestionsOrder, s)
		}
	}
	switch {
	case kept && swap != "":
		ev.Mixed++
	case kept:
		ev.Kept++
	case swap != "":
		ev.Swapped[swap]++
	default:
		r := replacement(es, ets, real, f.ByteEnd-len(src), f.ByteEnd)
		if r != Reworded {
			r = single(r)
		}
		ev.Other[r]++
	}
}

// singular returns the listed singular form of a plural word the lexicon
// matches (ficheros → fichero).
func (m *Miner) singular(low string) (string, bool) {
	if m.w.l.lex == nil || strings.Contains(low, " ") {
		return "", false
	}
	for _, e := range m.w.l.lex.Matcher().Lookup(low) {
		if e.Plural {
			return token.Lower(e.Variant.Form), true
		}
	}
	return "", false
}

// replacement is what the localized tokens have where the source tokens
// in bytes [start, end) were: the words of the overlapping diff hunks,
// determiners left out, when they are one to three words.
func replacement(es []string, ets []token.Token, real []string, start, end int) string {
	from, to := -1, -1
	for i, t := range ets {
		if t.ByteStart < end && start < t.ByteEnd {
			if from < 0 {
				from = i
			}
			to = i + 1
		}
	}
	var words []string
	for _, h := range diff(es, real) {
		if h.esFrom < to && from < h.esTo {
			rf, rt := h.realFrom, h.realTo
			if h.esTo-h.esFrom == rt-rf {
				// As many tokens on each side (Apague su ordenador →
				// Apaga tu equipo): the ones in the same places.
				rf, rt = rf+max(from, h.esFrom)-h.esFrom, rf+min(to, h.esTo)-h.esFrom
			}
			for _, w := range real[rf:rt] {
				if !determiners[w] && !possessives[w] && isWordText(w) {
					words = append(words, w)
				}
			}
		}
	}
	if len(words) == 0 || len(words) > 3 {
		return Reworded
	}
	return strings.Join(words, " ")
}

// possessives before a noun are left out of a replacement (su ordenador →
// tu computadora: the word is computadora).
var possessives = map[string]bool{"mi": true, "mis": true, "tu": true, "tus": true, "su": true, "sus": true}

func isWordText(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return r >= 'a' && r <= 'z' || r > 127 }) >= 0
}

func lowerTokens(s string) ([]string, []token.Token) {
	ts := token.AppendTokens(nil, s)
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = token.Lower(t.Text)
	}
	return out, ts
}

// contains reports whether ws holds the run sub, ignoring case.
func contains(ws, sub []string) bool {
	for i := 0; i+len(sub) <= len(ws); i++ {
		if slices.EqualFunc(ws[i:i+len(sub)], sub, strings.EqualFold) {
			return true
		}
	}
	return false
}

// Evidence returns the counts, by source word.
func (m *Miner) Evidence() []*TermEvidence {
	out := make([]*TermEvidence, 0, len(m.terms))
	for _, e := range m.terms {
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b *TermEvidence) int { return cmp.Compare(a.Source, b.Source) })
	return out
}

// Choice is the termbase target the evidence supports, Keep for the
// source word, with its count; ok is false when no choice has opts'
// count and share.
func (e *TermEvidence) Choice(opts MineOptions) (target string, n int, ok bool) {
	minCount, minShare := cmp.Or(opts.MinCount, 2), cmp.Or(opts.MinShare, 0.6)
	target, n = Keep, e.Kept
	for _, s := range e.suggestionsOrder {
		if e.Swapped[s] > n {
			target, n = s, e.Swapped[s]
		}
	}
	for _, w := range sortedByCount(e.Other) {
		if w != Reworded && e.Other[w] > n {
			target, n = w, e.Other[w]
		}
	}
	return target, n, n >= minCount && float64(n) >= minShare*float64(e.total())
}

// Termbase returns the termbase the counts support for variety, with the
// counts as evidence columns (kept, swapped, other, mixed), and the
// undecided words' evidence as lines for a linguist (comments in the file).
func (m *Miner) Termbase(variety string, opts MineOptions) (tb *Termbase, undecided []string) {
	tb = &Termbase{index: map[string]map[string]Term{}}
	for _, e := range m.Evidence() {
		target, _, ok := e.Choice(opts)
		ev := []string{fmt.Sprintf("kept=%d", e.Kept), "swapped=" + counts(e.Swapped), "other=" + counts(e.Other), fmt.Sprintf("mixed=%d", e.Mixed)}
		if !ok {
			undecided = append(undecided, strings.Join(append([]string{e.Source, variety, "?"}, ev...), "\t"))
			continue
		}
		tb.add(Term{Source: e.Source, Variety: variety, Target: target, Evidence: ev})
	}
	return tb, undecided
}

// MinedHeader names a mined termbase's evidence columns.
var MinedHeader = []string{"kept", "swapped", "other", "mixed"}

func counts(m map[string]int) string {
	var parts []string
	for _, k := range sortedByCount(m) {
		parts = append(parts, fmt.Sprintf("%s:%d", k, m[k]))
	}
	return strings.Join(parts, ",")
}

func sortedByCount(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return cmp.Or(cmp.Compare(m[b], m[a]), cmp.Compare(a, b)) })
	return keys
}

// hunk is a run of tokens that the real localized string does not keep:
// es[esFrom:esTo] became real[realFrom:realTo] (either may be empty).
type hunk struct{ esFrom, esTo, realFrom, realTo int }

// diff aligns two token sequences by their longest common subsequence and
// returns the hunks between the kept tokens.
func diff(a, b []string) []hunk {
	n, m := len(a), len(b)
	l := make([][]int32, n+1)
	for i := range l {
		l[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				l[i][j] = l[i+1][j+1] + 1
			} else {
				l[i][j] = max(l[i+1][j], l[i][j+1])
			}
		}
	}
	var hs []hunk
	i, j := 0, 0
	open := false
	for i < n || j < m {
		if i < n && j < m && a[i] == b[j] {
			open = false
			i, j = i+1, j+1
			continue
		}
		if !open {
			hs = append(hs, hunk{i, i, j, j})
			open = true
		}
		h := &hs[len(hs)-1]
		if j >= m || i < n && l[i+1][j] >= l[i][j+1] {
			i++
			h.esTo = i
		} else {
			j++
			h.realTo = j
		}
	}
	return hs
}
