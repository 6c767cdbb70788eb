package align

import (
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
	dst = strconv.AppendFloat(dst, r.Naturalness, 'f', -1, 64)
	if r.Detected {
		dst = append(dst, `,"fit":`...)
		dst = strconv.AppendFloat(dst, r.Fit, 'f', -1, 64)
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
	dst = strconv.AppendFloat(dst, f.Confidence, 'f', -1, 64)
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
