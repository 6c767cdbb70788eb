package align

import (
	"math"
	"strconv"

	"github.com/habla-es/habla/internal/jsonl"
)

// RecordVersion is the version of the record format ("v").
const RecordVersion = 1

// AppendJSON appends r as the record value of DESIGN.md ("habla" in output).
func (r *Result) AppendJSON(dst []byte) []byte {
	dst = append(dst, `{"v":`...)
	dst = strconv.AppendInt(dst, RecordVersion, 10)
	dst = append(dst, `,"target":`...)
	dst = jsonl.AppendString(dst, r.Target)
	dst = append(dst, `,"words":`...)
	dst = strconv.AppendInt(dst, int64(r.Words), 10)
	dst = append(dst, `,"naturalness":`...)
	dst = appendFloat(dst, r.Naturalness)
	if r.Detected {
		dst = append(dst, `,"fit":`...)
		dst = appendFloat(dst, r.Fit)
		dst = appendRanking(append(dst, `,"detected":`...), r.Top)
	}
	dst = append(dst, `,"findings":[`...)
	for i := range r.Findings {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = r.Findings[i].AppendJSON(dst)
	}
	return append(dst, "]}"...)
}

// appendFloat appends v as strconv.AppendFloat(dst, v, 'f', -1, 64) does.
// The record's numbers are rounded to thousandths (probabilities, fit) or
// tenths (naturalness), whose shortest form is their digits with the
// trailing zeros cut: written directly, at a fraction of the cost of the
// general algorithm (the ranking's probabilities were 2% of align's time).
// Other values take strconv.
func appendFloat(dst []byte, v float64) []byte {
	m := math.Round(v * 1000)
	if !(m >= 0 && m < 1e15 && m/1000 == v) || math.Signbit(v) {
		return strconv.AppendFloat(dst, v, 'f', -1, 64)
	}
	k := uint64(m)
	dst = strconv.AppendUint(dst, k/1000, 10)
	frac := k % 1000
	if frac == 0 {
		return dst
	}
	digits := [3]byte{byte('0' + frac/100), byte('0' + frac/10%10), byte('0' + frac%10)}
	n := 3
	for digits[n-1] == '0' {
		n--
	}
	return append(append(dst, '.'), digits[:n]...)
}

// AppendJSON appends f as a JSON object with DESIGN.md's field names.
func (f *Finding) AppendJSON(dst []byte) []byte {
	dst = appendIntField(dst, `{"start":`, f.Start)
	dst = appendIntField(dst, `,"end":`, f.End)
	dst = appendIntField(dst, `,"byte_start":`, f.ByteStart)
	dst = appendIntField(dst, `,"byte_end":`, f.ByteEnd)
	dst = appendStringField(dst, `,"text":`, f.Text)
	dst = appendStringField(dst, `,"kind":`, string(f.Kind))
	dst = appendStringField(dst, `,"mqm":`, f.MQM())
	dst = appendStringField(dst, `,"severity":`, string(f.Severity))
	if f.Concept != "" {
		dst = appendStringField(dst, `,"concept":`, f.Concept)
	}
	dst = append(dst, `,"suggestions":[`...)
	for i, s := range f.Suggestions {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = jsonl.AppendString(dst, s)
	}
	dst = append(dst, `],"confidence":`...)
	dst = appendFloat(dst, f.Confidence)
	dst = appendStringField(dst, `,"rule":`, f.Rule)
	dst = appendStringField(dst, `,"message":`, f.Message)
	if len(f.Sources) > 0 {
		dst = append(dst, `,"sources":[`...)
		for i, s := range f.Sources {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = jsonl.AppendString(dst, s)
		}
		dst = append(dst, ']')
	}
	return append(dst, '}')
}

func appendIntField(dst []byte, name string, v int) []byte {
	return strconv.AppendInt(append(dst, name...), int64(v), 10)
}

func appendStringField(dst []byte, name, v string) []byte {
	return jsonl.AppendString(append(dst, name...), v)
}
