package corpus

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func smallModel(t *testing.T) *Model {
	t.Helper()
	var docs []Doc
	ar := []string{"vos sabés que el colectivo no viene, che", "¿querés venir mañana? dale, che", "vos tenés que laburar, boludo"}
	es := []string{"vosotros sabéis que el autobús no viene, tío", "¿queréis venir mañana? vale, tío", "tenéis que currar, tío"}
	for i := range 20 {
		docs = append(docs, Doc{Variety: "es-AR", Text: ar[i%3] + strings.Repeat(" x", i)})
		docs = append(docs, Doc{Variety: "es-ES", Text: es[i%3] + strings.Repeat(" y", i)})
	}
	m, err := Train(docs, TrainOptions{Buckets: 1 << 12})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestModelSaveLoadScore(t *testing.T) {
	m := smallModel(t)
	if got, _ := m.Best("che, ¿vos sabés?", nil); got != "es-AR" {
		t.Errorf("Best(voseo) = %s, want es-AR", got)
	}
	if got, _ := m.Best("vale, tío, ¿sabéis?", nil); got != "es-ES" {
		t.Errorf("Best(vosotros) = %s, want es-ES", got)
	}
	if m.Scale <= 0 || m.Scale > 1 {
		t.Errorf("Scale = %v, want in (0, 1]", m.Scale)
	}
	path := filepath.Join(t.TempDir(), "m.model")
	if err := m.Save(path); err != nil {
		t.Fatal(err)
	}
	m2, err := LoadModel(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(m, m2); diff != "" {
		t.Errorf("loaded model differs (-saved +loaded):\n%s", diff)
	}
	// Score: centred on the known tags' mean, 0 for a tag it does not know,
	// zeros without words.
	s := m.Score("che, vos", nil, []string{"es-ES", "es-VE", "es-AR"}, make([]float64, 3))
	if s[1] != 0 || s[2] <= 0 || s[0] != -s[2] {
		t.Errorf("Score = %v, want [-x 0 x] with x > 0", s)
	}
	if s := m.Score("¡¿...?!", nil, []string{"es-AR", "es-ES"}, make([]float64, 2)); s[0] != 0 || s[1] != 0 {
		t.Errorf("Score without words = %v, want zeros", s)
	}
}

func TestLoadModelErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad")
	os.WriteFile(bad, []byte("hello\n"), 0o644)
	if _, err := LoadModel(bad); err == nil || !strings.Contains(err.Error(), "not a habla variety model") {
		t.Errorf("LoadModel(text) = %v", err)
	}
	old := filepath.Join(dir, "old")
	os.WriteFile(old, []byte(modelMagic+" 0\n"), 0o644)
	if _, err := LoadModel(old); err == nil || !strings.Contains(err.Error(), "model version 0") {
		t.Errorf("LoadModel(version 0) = %v", err)
	}
}

// echoRules are rules that repeat the model's own scores, times k.
type echoRules struct {
	m *Model
	k float64
}

func (r echoRules) RuleScores(text string, tags []string, dst []float64) []float64 {
	dst = r.m.Score(text, nil, tags, slices.Grow(dst[:0], len(tags))[:len(tags)])
	for i := range dst {
		dst[i] *= r.k
	}
	return dst
}

func TestCalibrateWeight(t *testing.T) {
	m := smallModel(t)
	docs := []Doc{
		{Variety: "es-AR", Text: "che, vos sabés"}, {Variety: "es-AR", Text: "dale, ¿querés?"},
		{Variety: "es-AR", Text: "el colectivo, tío"}, {Variety: "es-ES", Text: "vale, tío, ¿sabéis?"},
		{Variety: "es-ES", Text: "currar mañana"}, {Variety: "es-ES", Text: "vos tenéis, che"},
	}
	m.Scale = Calibrate(m, docs)
	// The scale is fitted on the same pieces, so the model's best total
	// factor is 1: rules that already say k times what the model says
	// leave it 1−k.
	for _, tc := range []struct {
		k, want float64
	}{
		{0, 1}, {0.25, 0.75}, {0.5, 0.5}, {1, minWeight}, {3, minWeight},
	} {
		got := CalibrateWeight(m, docs, echoRules{m, tc.k})
		if math.Abs(got-tc.want) > 0.01 {
			t.Errorf("rules = %v × model: weight %.4f, want %.4f", tc.k, got, tc.want)
		}
	}
	if got := CalibrateWeight(m, nil, echoRules{m, 0}); got != 1 {
		t.Errorf("no docs: weight %v, want 1", got)
	}
}

func TestCalibrateAbstain(t *testing.T) {
	m := smallModel(t)
	docs := []Doc{
		{Variety: "es-AR", Source: "news", Text: "che, vos sabés, boludo"}, {Variety: "es-AR", Source: "news", Text: "dale, ¿querés?, che"},
		{Variety: "es-ES", Source: "news", Text: "vale, tío, ¿sabéis?"}, {Variety: "es-ES", Source: "news", Text: "currar mañana, tío"},
		{Variety: "es-ES", Source: "films", Text: "hola"}, // a source without General texts: not used
	}
	general := []Doc{
		{Variety: General, Source: "news", Text: "¡¿...?!"}, // no words: no evidence
		{Variety: General, Source: "news", Text: "—"},
	}
	rules := echoRules{m, 0}
	tau := CalibrateAbstain(m, 1, docs, general, rules)
	margin := func(text string) float64 {
		s := m.Score(text, nil, m.Varieties, make([]float64, 2))
		return math.Abs(s[0] - s[1])
	}
	for _, d := range general {
		if margin(d.Text) >= tau {
			t.Errorf("margin %.2f: the General text %q (margin %.3f) is not abstained on", tau, d.Text, margin(d.Text))
		}
	}
	for _, d := range docs[:4] {
		if margin(d.Text) < tau {
			t.Errorf("margin %.2f: %q (margin %.3f) is abstained on", tau, d.Text, margin(d.Text))
		}
	}
	if tau != 0.05 {
		t.Errorf("margin %v, want 0.05: the smallest of the margins that separate them", tau)
	}
	if got := CalibrateAbstain(m, 1, docs, nil, rules); got != 0 {
		t.Errorf("without General texts: %v, want 0", got)
	}
}
