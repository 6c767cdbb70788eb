package dialects

import (
	"errors"
	"io/fs"
	"testing"
	"testing/fstest"
)

// FuzzResolve checks that Resolve never panics, returns exactly one of a
// profile of the set or an *UnknownTagError, and is idempotent on tags.
func FuzzResolve(f *testing.F) {
	for _, seed := range []string{
		"es-VE", "es_VE", "ES-VE", "ve", "venezolano", "rioplatense", "caribbean", "zuliano",
		"antioqueño", "es-VE-u-sd-vev", "es-Latn-VE", "es-BZ", "fr-FR", "es-VEE", "und-VE",
		"es-Cyrl", "", "-", "es--VE", "es-u", "es-x-", "es-VE-u-sd", "x-private", "i-klingon",
		"es-419", "es-ES-u-sd-escn-co-trad", "\xff\xfe", "ES_ve_U_sd_VEV", "es-" + string(make([]byte, 300)),
	} {
		f.Add(seed)
	}
	s, err := Load()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, in string) {
		p, err := s.Resolve(in)
		if err != nil {
			var ute *UnknownTagError
			if !errors.As(err, &ute) || p != nil {
				t.Fatalf("Resolve(%q) = %v, %v (%T)", in, p, err, err)
			}
			_ = ute.Error()
			return
		}
		if q, ok := s.Profile(p.Tag); !ok || q != p {
			t.Fatalf("Resolve(%q) = %s, not a profile of the set", in, p.Tag)
		}
		if again, err := s.Resolve(p.Tag); err != nil || again != p {
			t.Fatalf("Resolve(%q) = %v, %v; want %s", p.Tag, again, err, p.Tag)
		}
	})
}

// FuzzLoad feeds arbitrary bytes as one profile file beside valid ones,
// seeded with broken files and with every embedded data file: loading must
// not panic, and must fail only with *LoadError values.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(testESES))
	f.Add([]byte(testESES + "colour: red\n"))
	f.Add([]byte("tag: es-ES\naddress: &a {informal: *a}\n"))
	f.Add([]byte("tag: es-ES\n---\ntag: es-ES\n"))
	f.Add([]byte("[1, 2"))
	f.Add([]byte("tag: [es-ES]\nnames: x\n"))
	f.Add([]byte("conventions: {quotes: {primary: []}}\n"))
	f.Add([]byte("\t- x"))
	files, err := fs.Glob(dataFS, "data/*.yaml")
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range files {
		data, err := fs.ReadFile(dataFS, name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := testFS(nil)
		fsys["data/es-ES.yaml"] = &fstest.MapFile{Data: data}
		set, err := LoadFS(fsys, "data")
		if err == nil {
			if set == nil {
				t.Fatal("LoadFS returned neither a set nor an error")
			}
			return
		}
		joined, ok := err.(interface{ Unwrap() []error })
		if !ok {
			t.Fatalf("error %T is not joined", err)
		}
		for _, e := range joined.Unwrap() {
			if _, ok := e.(*LoadError); !ok {
				t.Fatalf("error %q is %T, not *LoadError", e, e)
			}
		}
	})
}
