package localize

import (
	"strconv"

	"github.com/habla-es/habla/internal/jsonl"
)

// RecordVersion is the version of the record format ("v").
const RecordVersion = 1

// AppendJSON appends r as the record value ("habla" in output):
// {"v":1,"target":…,"localized":…,"edits":[…],"tasks":[…]}. With dryRun
// the localized text is left out and "dry_run":true says so.
func (r *Result) AppendJSON(dst []byte, dryRun bool) []byte {
	dst = append(dst, `{"v":`...)
	dst = strconv.AppendInt(dst, RecordVersion, 10)
	dst = appendString(dst, `,"target":`, r.Target)
	if dryRun {
		dst = append(dst, `,"dry_run":true`...)
	} else {
		dst = appendString(dst, `,"localized":`, r.Localized)
	}
	dst = append(dst, `,"edits":[`...)
	for i := range r.Edits {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = r.Edits[i].AppendJSON(dst)
	}
	dst = append(dst, `],"tasks":[`...)
	for i := range r.Tasks {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = r.Tasks[i].AppendJSON(dst)
	}
	return append(dst, "]}"...)
}

// AppendJSON appends e as a JSON object.
func (e *Edit) AppendJSON(dst []byte) []byte {
	dst = appendOffsets(dst, e.Start, e.End, e.ByteStart, e.ByteEnd)
	dst = appendString(dst, `,"from":`, e.From)
	dst = appendString(dst, `,"to":`, e.To)
	dst = appendString(dst, `,"rule":`, e.Rule)
	dst = append(dst, `,"confidence":`...)
	dst = strconv.AppendFloat(dst, e.Confidence, 'f', -1, 64)
	return append(dst, '}')
}

// AppendJSON appends t as a JSON object, with the field names of findings.
func (t *Task) AppendJSON(dst []byte) []byte {
	dst = appendOffsets(dst, t.Start, t.End, t.ByteStart, t.ByteEnd)
	dst = appendString(dst, `,"text":`, t.Text)
	dst = appendString(dst, `,"kind":`, string(t.Kind))
	if t.Severity != "" {
		dst = appendString(dst, `,"severity":`, string(t.Severity))
	}
	dst = appendString(dst, `,"rule":`, t.Rule)
	dst = append(dst, `,"suggestions":[`...)
	for i, s := range t.Suggestions {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = jsonl.AppendString(dst, s)
	}
	dst = append(dst, `],"confidence":`...)
	dst = strconv.AppendFloat(dst, t.Confidence, 'f', -1, 64)
	dst = appendString(dst, `,"reason":`, t.Reason)
	dst = appendString(dst, `,"message":`, t.Message)
	return append(dst, '}')
}

func appendOffsets(dst []byte, start, end, byteStart, byteEnd int) []byte {
	dst = strconv.AppendInt(append(dst, `{"start":`...), int64(start), 10)
	dst = strconv.AppendInt(append(dst, `,"end":`...), int64(end), 10)
	dst = strconv.AppendInt(append(dst, `,"byte_start":`...), int64(byteStart), 10)
	return strconv.AppendInt(append(dst, `,"byte_end":`...), int64(byteEnd), 10)
}

func appendString(dst []byte, name, v string) []byte {
	return jsonl.AppendString(append(dst, name...), v)
}
