package yamlfile

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

type doc struct {
	Name  string   `yaml:"name"`
	Tags  []string `yaml:"tags"`
	Inner struct {
		Level string `yaml:"level"`
	} `yaml:"inner"`
}

func TestDecodeBytes(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"ok", "name: a\ntags: [x, y]\ninner: {level: common}\n", nil},
		{"unknown field", "name: a\nnmae: b\n", []string{`f.yaml:2:1: unknown field "nmae" (known: name, tags, inner)`}},
		{"nested unknown", "inner:\n  levle: x\n", []string{`f.yaml:2:3: unknown field "levle" in inner (known: level)`}},
		{"duplicate", "name: a\nname: b\n", []string{`f.yaml:2:1: duplicate field "name" (first at 1:1)`}},
		{"wrong kind", "name: [a]\ntags: x\n", []string{`f.yaml:1:7: name: want a string, got a list`, `f.yaml:2:7: tags: want a list, got "x"`}},
		{"empty", "", []string{`f.yaml: empty file: want a YAML mapping`}},
		{"syntax", "name: [a\n", []string{`f.yaml:2: did not find expected ',' or ']'`}},
	}
	for _, tt := range tests {
		var v doc
		d := DecodeBytes("f.yaml", []byte(tt.in), &v)
		var got []string
		for _, e := range d.Errs {
			got = append(got, e.Error())
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
}

func TestFieldf(t *testing.T) {
	var v doc
	d := DecodeBytes("f.yaml", []byte("name: a\ntags: [x, y]\n"), &v)
	d.Fieldf("tags[1]", "bad tag %q", v.Tags[1])
	d.Fieldf("inner.level", "missing")
	want := []string{`f.yaml:2:11: tags[1]: bad tag "y"`, `f.yaml:1:1: inner.level: missing`}
	var got []string
	for _, e := range d.Errs {
		got = append(got, e.Error())
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
