package firefox

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.tsv")
	data := "product\tfile\tkey\tes-ES\tes-AR\tes-CL\tes-MX\n" +
		"ff\tf.ftl\tk1\t\"Editar atributo \"\"%S\"\"\"\tEditar atributo “%S”\t\tEditar\n" +
		"ff\tf.ftl\tk2\t\tsin es-ES\tx\ty\n" +
		"ff\tf.ftl\tk3\tFichero\tArchivo\tArchivo\tArchivo\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	rows, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 {
		t.Fatalf("got %d rows, want 2 (the row without es-ES left out): %+v", len(rows), rows)
	}
	if got, want := rows[0].ES, `Editar atributo "%S"`; got != want {
		t.Errorf("quoted field: got %q, want %q", got, want)
	}
	if rows[0].Localized != [3]string{"Editar atributo “%S”", "", "Editar"} || rows[1].Key != "k3" {
		t.Errorf("rows: %+v", rows)
	}
	if _, err := Read(filepath.Join(t.TempDir(), "missing.tsv")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v, want os.ErrNotExist", err)
	}
}

// The split is fixed by the key: a change here moves strings between the
// halves and invalidates the figures reported on the test half.
func TestHalf(t *testing.T) {
	for _, c := range []struct{ file, key, want string }{
		{"f.ftl", "k1", Dev},
		{"f.ftl", "k2", Test},
		{"browser/chrome/LOCALE/locale/LOCALE/devtools/client/accessibility.properties", "accessibility.accessible.notAvailable", Test},
	} {
		if got := (Row{File: c.file, Key: c.key}).Half(); got != c.want {
			t.Errorf("Half(%q, %q) = %s, want %s", c.file, c.key, got, c.want)
		}
	}
}
