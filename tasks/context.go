package tasks

import (
	"github.com/habla-es/habla/align"
	"github.com/habla-es/habla/token"
)

// wholeText is the longest text (in code points) shown whole as context;
// a longer one is cut to the sentences the span touches.
const wholeText = 280

func newOccurrence(r *Record, f *align.Finding) Occurrence {
	occ := Occurrence{Record: r.ID, Start: f.Start, End: f.End, ByteStart: f.ByteStart,
		ByteEnd: f.ByteEnd, Text: f.Text, Context: r.Text}
	if runeLen(r.Text) <= wholeText {
		return occ
	}
	first, last := -1, -1
	for i, s := range token.Sentences(r.Text) {
		if s.End > f.Start && s.Start < f.End || s.Start <= f.Start && f.Start < s.End {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return occ
	}
	ss := token.Sentences(r.Text)
	bs, be := ss[first].ByteStart, ss[last].ByteEnd
	if f.ByteStart < bs || f.ByteEnd > be {
		return occ
	}
	occ.Context = r.Text[bs:be]
	occ.ContextStart = ss[first].Start
	return occ
}
