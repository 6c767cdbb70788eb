package align

import (
	"strconv"

	"github.com/habla-es/habla/internal/jsonl"
)

// appendRanking appends [{"dialect":…,"p":…},…].
func appendRanking(dst []byte, rs []Ranked) []byte {
	dst = append(dst, '[')
	for i, r := range rs {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendRanked(dst, r)
	}
	return append(dst, ']')
}

func appendRanked(dst []byte, r Ranked) []byte {
	dst = appendStringField(dst, `{"dialect":`, r.Dialect)
	return append(appendFloatField(dst, `,"p":`, r.P), '}')
}

func appendFloatField(dst []byte, name string, v float64) []byte {
	return appendFloat(append(dst, name...), v)
}

// AppendJSON appends d as the record value of habla detect:
//
//	{"v":1,"dialect":"es-AR","p":0.91,"margin":3.1,"ranking":[…]}
//
// or, abstaining, {"v":1,"dialect":"es","runner_up":{"dialect":…,"p":…},…},
// with "region" after runner_up when the close varieties share one;
// with explain, "evidence" lists per variety what spoke for and against it.
func (d *Detection) AppendJSON(dst []byte) []byte {
	dst = append(dst, `{"v":`...)
	dst = strconv.AppendInt(dst, RecordVersion, 10)
	dst = appendStringField(dst, `,"dialect":`, d.Dialect)
	if d.Abstained {
		dst = appendRanked(append(dst, `,"runner_up":`...), d.Ranking[0])
		if d.Region != "" {
			dst = appendStringField(dst, `,"region":`, d.Region)
		}
	} else {
		dst = appendFloatField(dst, `,"p":`, d.Ranking[0].P)
	}
	dst = appendFloatField(dst, `,"margin":`, d.Margin)
	dst = appendRanking(append(dst, `,"ranking":`...), d.Ranking)
	if d.Evidence != nil {
		dst = append(dst, `,"evidence":[`...)
		for i := range d.Evidence {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = d.Evidence[i].appendJSON(dst)
		}
		dst = append(dst, ']')
	}
	return append(dst, '}')
}

func (v *VarietyEvidence) appendJSON(dst []byte) []byte {
	dst = appendStringField(dst, `{"dialect":`, v.Dialect)
	dst = appendFloatField(dst, `,"score":`, v.Score)
	dst = appendItems(append(dst, `,"for":`...), v.For)
	dst = appendItems(append(dst, `,"against":`...), v.Against)
	return append(dst, '}')
}

func appendItems(dst []byte, items []Item) []byte {
	dst = append(dst, '[')
	for i, it := range items {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendStringField(dst, `{"kind":`, it.Kind)
		dst = appendStringField(dst, `,"text":`, it.Text)
		dst = append(appendFloatField(dst, `,"weight":`, it.Weight), '}')
	}
	return append(dst, ']')
}

// kindOrder and severityOrder fix the order of the counts in JSON.
var (
	kindOrder     = []Kind{Lexical, Taboo, Address, Morphology, Convention, Review}
	severityOrder = []Severity{Minor, Major, Critical}
)

// AppendScoreJSON appends the compact record of habla score: the
// numbers of the Result without its findings.
//
//	{"v":1,"target":"es-VE","words":42,"naturalness":88.1,"fit":0.71,
//	 "findings":3,"kinds":{"lexical":2,"address":1},"severities":{"major":3}}
func (r *Result) AppendScoreJSON(dst []byte) []byte {
	dst = append(dst, `{"v":`...)
	dst = strconv.AppendInt(dst, RecordVersion, 10)
	dst = appendStringField(dst, `,"target":`, r.Target)
	dst = appendIntField(dst, `,"words":`, r.Words)
	dst = appendFloatField(dst, `,"naturalness":`, r.Naturalness)
	if r.Detected {
		dst = appendFloatField(dst, `,"fit":`, r.Fit)
	}
	dst = appendIntField(dst, `,"findings":`, len(r.Findings))
	dst = append(dst, `,"kinds":{`...)
	n := 0
	for _, k := range kindOrder {
		if c := r.count(func(f *Finding) bool { return f.Kind == k }); c > 0 {
			dst = appendCount(dst, n, string(k), c)
			n++
		}
	}
	dst = append(dst, `},"severities":{`...)
	n = 0
	for _, s := range severityOrder {
		if c := r.count(func(f *Finding) bool { return f.Severity == s }); c > 0 {
			dst = appendCount(dst, n, string(s), c)
			n++
		}
	}
	return append(dst, "}}"...)
}

func (r *Result) count(pred func(*Finding) bool) int {
	n := 0
	for i := range r.Findings {
		if pred(&r.Findings[i]) {
			n++
		}
	}
	return n
}

func appendCount(dst []byte, n int, name string, c int) []byte {
	if n > 0 {
		dst = append(dst, ',')
	}
	dst = jsonl.AppendString(dst, name)
	return strconv.AppendInt(append(dst, ':'), int64(c), 10)
}
