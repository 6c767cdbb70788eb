package jsonl

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// countRunes is the map function of these tests: it adds {"runes":N}.
func countRunes() MapFunc {
	return func(rec *Record, dst []byte) ([]byte, error) {
		if rec.Text == "fail" {
			return nil, errors.New("asked to fail")
		}
		dst = append(dst, `{"runes":`...)
		dst = strconv.AppendInt(dst, int64(utf8.RuneCountInString(rec.Text)), 10)
		return append(dst, '}'), nil
	}
}

func runString(t *testing.T, cfg Config, input string) (string, []string, error) {
	t.Helper()
	var out bytes.Buffer
	var errs []string
	cfg.OnError = func(e *LineError) { errs = append(errs, e.Error()) }
	_, err := Run(context.Background(), cfg, []Input{{Name: "in.jsonl", R: strings.NewReader(input)}}, &out, countRunes)
	return out.String(), errs, err
}

func TestRunPassThrough(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"adds key", `{"id":1,"text":"hola"}`, `{"id":1,"text":"hola","habla":{"runes":4}}`},
		{"keeps spelling", `{ "n" : 1.50e3 , "text":"añ\u00f1o" , "z":[1,2] }`, `{ "n" : 1.50e3 , "text":"añ\u00f1o" , "z":[1,2] ,"habla":{"runes":4}}`},
		{"replaces key", `{"text":"ab","habla":{"old":true},"x":1}`, `{"text":"ab","habla":{"runes":2},"x":1}`},
		{"key only in a value", `{"text":"habla"}`, `{"text":"habla","habla":{"runes":5}}`},
		{"crlf", "{\"text\":\"a\"}\r", `{"text":"a","habla":{"runes":1}}`},
		{"bom", "\xef\xbb\xbf{\"text\":\"a\"}", `{"text":"a","habla":{"runes":1}}`},
		{"escapes", `{"text":"\"¿sí?\"\n👍🏽"}`, `{"text":"\"¿sí?\"\n👍🏽","habla":{"runes":9}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, errs, err := runString(t, Config{}, tt.in+"\n")
			if err != nil || errs != nil {
				t.Fatalf("err = %v, %v", err, errs)
			}
			if diff := cmp.Diff(tt.want+"\n", got); diff != "" {
				t.Errorf("output (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRunBadLines(t *testing.T) {
	in := strings.Join([]string{
		`{"text":"uno"}`,
		`{"text":"dos"`,
		`["text"]`,
		`{"id":4}`,
		`{"text":5}`,
		"{\"text\":\"\xff\"}",
		``,
		`{"text":"` + strings.Repeat("x", 100) + `"}`,
		`{"text":"fail"}`,
		`{"text":"diez"}`,
	}, "\n")
	got, errs, err := runString(t, Config{MaxLine: 64}, in)
	want := strings.Join([]string{
		`{"text":"uno","habla":{"runes":3}}`,
		`{"line":2,"habla":{"error":"column 14: invalid JSON: unexpected end of JSON input"}}`,
		`{"line":3,"habla":{"error":"column 1: not a JSON object: the line is an array"}}`,
		`{"id":4,"habla":{"error":"no text: missing field \"text\""}}`,
		`{"text":5,"habla":{"error":"no text: field \"text\" is a number, not a string"}}`,
		`{"line":6,"habla":{"error":"column 10: invalid UTF-8: bytes that are not UTF-8 text"}}`,
		`{"line":7,"habla":{"error":"empty line: expected a JSON object"}}`,
		`{"line":8,"habla":{"error":"line too long: 111 bytes is over the limit of 64 (--max-line)"}}`,
		`{"text":"fail","habla":{"error":"cannot process: asked to fail"}}`,
		`{"text":"diez","habla":{"runes":4}}`,
	}, "\n") + "\n"
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
	wantErrs := []string{
		"in.jsonl:2:14: invalid JSON: unexpected end of JSON input",
		"in.jsonl:3:1: not a JSON object: the line is an array",
		`in.jsonl:4: no text: missing field "text"`,
		`in.jsonl:5: no text: field "text" is a number, not a string`,
		"in.jsonl:6:10: invalid UTF-8: bytes that are not UTF-8 text",
		"in.jsonl:7: empty line: expected a JSON object",
		"in.jsonl:8: line too long: 111 bytes is over the limit of 64 (--max-line)",
		"in.jsonl:9: cannot process: asked to fail",
	}
	if diff := cmp.Diff(wantErrs, errs); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
	var bad *BadLinesError
	if !errors.As(err, &bad) || bad.Count != 8 {
		t.Errorf("err = %v, want 8 bad lines", err)
	}
}

func TestRunStrict(t *testing.T) {
	in := "{\"text\":\"a\"}\n{\"text\":\"b\"}\nnope\n{\"text\":\"c\"}\n"
	got, errs, err := runString(t, Config{Strict: true}, in)
	if want := "{\"text\":\"a\",\"habla\":{\"runes\":1}}\n{\"text\":\"b\",\"habla\":{\"runes\":1}}\n"; got != want {
		t.Errorf("output = %q, want %q", got, want)
	}
	var lerr *LineError
	if !errors.As(err, &lerr) || lerr.Line != 3 || len(errs) != 1 {
		t.Errorf("err = %v (%d reported), want line 3 once", err, len(errs))
	}
}

func TestRunFieldPaths(t *testing.T) {
	chat := `{"messages":[{"role":"user","content":"¿qué?"},{"role":"assistant","content":"vosotros"}]}`
	tests := []struct {
		path, in, want string
	}{
		{"messages.-1.content", chat, `"runes":8`},
		{"messages.0.content", chat, `"runes":5`},
		{"messages.2.content", chat, `missing field \"messages.2\": array has 2 elements`},
		{"messages.role", chat, `field \"messages\" is an array, not an object`},
		{"a\\.b", `{"a.b":"xy"}`, `"runes":2`},
		{"out.text", `{"out":{"text":"hola"}}`, `"runes":4`},
		{"out.text", `{"out":"hola"}`, `field \"out\" is a string, not an object`},
	}
	for _, tt := range tests {
		got, _, _ := runString(t, Config{Field: MustParsePath(tt.path)}, tt.in)
		if !strings.Contains(got, tt.want) {
			t.Errorf("%s: got %s, want it to contain %s", tt.path, got, tt.want)
		}
	}
}

func TestRunText(t *testing.T) {
	got, _, err := runString(t, Config{Format: Text, Key: "h"}, "hola \"che\"\n\nvos\xfe\n")
	want := "{\"line\":1,\"text\":\"hola \\\"che\\\"\",\"h\":{\"runes\":10}}\n" +
		"{\"line\":2,\"text\":\"\",\"h\":{\"runes\":0}}\n" +
		"{\"line\":3,\"h\":{\"error\":\"column 4: invalid UTF-8: bytes that are not UTF-8 text\"}}\n"
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
	if err == nil {
		t.Error("want a bad-lines error")
	}
}

func TestRunDeterministicAcrossWorkers(t *testing.T) {
	var in strings.Builder
	for i := range 5000 {
		if i%97 == 0 {
			fmt.Fprintf(&in, "bad %d\n", i)
			continue
		}
		fmt.Fprintf(&in, "{\"id\":%d,\"text\":%q}\n", i, strings.Repeat("ñ", i%50))
	}
	var first string
	for _, w := range []int{1, 2, 3, 8} {
		got, errs, _ := runString(t, Config{Workers: w}, in.String())
		if w == 1 {
			first = got
			if n := strings.Count(got, "\n"); n != 5000 {
				t.Fatalf("%d output lines, want 5000", n)
			}
			if len(errs) != 52 {
				t.Fatalf("%d errors, want 52", len(errs))
			}
			continue
		}
		if got != first {
			t.Errorf("workers=%d: output differs from workers=1", w)
		}
	}
}

func TestRecordID(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{"id":"q17","text":""}`, "q17"},
		{`{"id":17,"text":""}`, "17"},
		{`{"text":""}`, "1"},
	}
	for _, tt := range tests {
		rec := Record{Line: 1, Raw: []byte(tt.in), idPath: MustParsePath("id")}
		if got := rec.ID(); got != tt.want {
			t.Errorf("ID(%s) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAppendStringMatchesEncodingJSON(t *testing.T) {
	for _, s := range []string{"", "a\"b\\c", "<&>", "\x00\x1f\n\t", "ñ👍🏽e\u0301", "\u2028", "bad\xffx"} {
		got := AppendString(nil, s)
		var back string
		if err := json.Unmarshal(got, &back); err != nil {
			t.Fatalf("%q: invalid JSON %s: %v", s, got, err)
		}
		if want := strings.ToValidUTF8(s, "\ufffd"); back != want {
			t.Errorf("%q round-trips to %q", s, back)
		}
	}
}

// FuzzRun checks the engine's contract on any input: one output line per
// input line, each a JSON object.
func FuzzRun(f *testing.F) {
	f.Add("{\"text\":\"hola\"}\n[1]\n")
	f.Add("{\"text\":\"a\",\"habla\":1}\r\n\n\xff")
	f.Add(`{"text":"\ud800"}`)
	f.Fuzz(func(t *testing.T, in string) {
		var out bytes.Buffer
		_, err := Run(context.Background(), Config{MaxLine: 40}, []Input{{Name: "f", R: strings.NewReader(in)}}, &out, countRunes)
		var bad *BadLinesError
		if err != nil && !errors.As(err, &bad) {
			t.Fatal(err)
		}
		wantLines := strings.Count(in, "\n")
		if in != "" && !strings.HasSuffix(in, "\n") {
			wantLines++
		}
		lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
		if out.Len() == 0 {
			lines = nil
		}
		if len(lines) != wantLines {
			t.Fatalf("%d output lines for %d input lines", len(lines), wantLines)
		}
		for _, l := range lines {
			var obj map[string]any
			if err := json.Unmarshal([]byte(l), &obj); err != nil {
				t.Fatalf("output line %q is not an object: %v", l, err)
			}
		}
	})
}

// TestRunCancelWhileReading checks that cancelling a run returns even when
// the input blocks forever, as a terminal or a quiet pipe does.
func TestRunCancelWhileReading(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	var out bytes.Buffer
	go func() {
		_, err := Run(ctx, Config{}, []Input{{Name: "pipe", R: pr}}, &out, countRunes)
		done <- err
	}()
	fmt.Fprintln(pw, `{"text":"hola"}`)
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

func TestRecordField(t *testing.T) {
	rec := Record{Raw: []byte(`{"meta":{"model":"m-a","n":[1,2]},"text":"x"}`)}
	tests := []struct{ path, want string }{
		{"meta.model", `"m-a"`}, {"meta.n.-1", "2"}, {"meta", `{"model":"m-a","n":[1,2]}`},
	}
	for _, tt := range tests {
		got, ok := rec.Field(MustParsePath(tt.path))
		if !ok || string(got) != tt.want {
			t.Errorf("Field(%s) = %s, %v; want %s", tt.path, got, ok, tt.want)
		}
	}
	if _, ok := rec.Field(MustParsePath("meta.missing")); ok {
		t.Error("Field(meta.missing) found something")
	}
}

// FuzzAppendString holds AppendString, which skips eight plain bytes at a
// time, to the same encoding written byte by byte (appendStringSlow), and
// its output to encoding/json's reading of it.
func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "plain ascii text here", "a\"b\\c 12345678", "\x00\x1f\n\t12345678",
		"ñandú, pingüino y camión", "\u2028 ok \u2029", "bad\xffxxxxxxxxx", "\x7f\x80abcdefgh", "!#$%&'()*+,-./[]^_`{|}~"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := AppendString(nil, s)
		if want := appendStringSlow(nil, s); !bytes.Equal(got, want) {
			t.Fatalf("%q: %s, byte by byte %s", s, got, want)
		}
		var back string
		if err := json.Unmarshal(got, &back); err != nil {
			t.Fatalf("%q: invalid JSON %s: %v", s, got, err)
		}
		if want := strings.ToValidUTF8(s, "\ufffd"); back != want && utf8.ValidString(s) {
			t.Errorf("%q round-trips to %q", s, back)
		}
	})
}

// appendStringSlow is AppendString without the eight-byte shortcut.
func appendStringSlow(dst []byte, s string) []byte {
	dst = append(dst, '"')
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '"' || r == '\\':
			dst = append(dst, '\\', byte(r))
		case r == '\n':
			dst = append(dst, '\\', 'n')
		case r == '\r':
			dst = append(dst, '\\', 'r')
		case r == '\t':
			dst = append(dst, '\\', 't')
		case r < 0x20:
			dst = append(dst, '\\', 'u', '0', '0', hexDigits[r>>4], hexDigits[r&0xF])
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, `\u202`...)
			dst = append(dst, hexDigits[r&0xF])
		case r == utf8.RuneError && size == 1:
			dst = append(dst, `\ufffd`...)
		default:
			dst = utf8.AppendRune(dst, r)
		}
	}
	return append(dst, '"')
}
