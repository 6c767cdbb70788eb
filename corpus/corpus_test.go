package corpus

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestKeynessFormulas(t *testing.T) {
	// Hand-computed: E1 = 1000·12/3000 = 4, E2 = 8;
	// G² = 2[10 ln(10/4) + 2 ln(2/8)] = 12.780638;
	// LR = log2((10/1000)/(2/2000)) = log2 10; %DIFF = 100(10000−1000)/1000.
	tests := []struct {
		a, b, c, d  float64
		g2, lr, pct float64
	}{
		{10, 2, 1000, 2000, 12.780638, 3.321928, 900},
		// a zero count: G² = 2·5 ln(5/2.5) = 10 ln 2; LR with b = 0.5
		{5, 0, 1000, 1000, 6.931472, 3.321928, math.Inf(1)},
		{0, 4, 1000, 1000, 5.545177, -3, -100},
	}
	for _, tt := range tests {
		if g := G2(tt.a, tt.b, tt.c, tt.d); math.Abs(g-tt.g2) > 1e-6 {
			t.Errorf("G2(%v,%v,%v,%v) = %v, want %v", tt.a, tt.b, tt.c, tt.d, g, tt.g2)
		}
		if lr := LogRatio(tt.a, tt.b, tt.c, tt.d); math.Abs(lr-tt.lr) > 1e-6 {
			t.Errorf("LogRatio(%v,%v,%v,%v) = %v, want %v", tt.a, tt.b, tt.c, tt.d, lr, tt.lr)
		}
		if p := PercentDiff(tt.a, tt.b, tt.c, tt.d); p != tt.pct && math.Abs(p-tt.pct) > 1e-9 {
			t.Errorf("PercentDiff(%v,%v,%v,%v) = %v, want %v", tt.a, tt.b, tt.c, tt.d, p, tt.pct)
		}
	}
}

func TestAddSearchCount(t *testing.T) {
	dir := t.TempDir()
	c, err := Open(dir, true)
	if err != nil {
		t.Fatal(err)
	}
	a, err := c.NewAdder(AddOptions{ShardSize: 2, BatchSize: 1})
	if err != nil {
		t.Fatal(err)
	}
	docs := []Doc{
		{Text: "Vos sabés que el colectivo no viene.", Variety: "es-AR", Source: "t"},
		{Text: "Che, ¿vos querés venir a Rosario?", Variety: "es-AR", Source: "t"},
		{Text: "Vosotros sabéis que el autobús no viene.", Variety: "es-ES", Source: "t"},
		{Text: "  Vos sabés que el colectivo no viene.\n", Variety: "es-AR", Source: "u"}, // duplicate
		{Text: "", Variety: "es-ES"},
	}
	for _, d := range docs {
		if err := a.Add(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := a.Flush(); err != nil {
		t.Fatal(err)
	}
	want := AddStats{Read: 5, Added: 3, Duplicates: 1, Empty: 1, Bytes: a.Stats().Bytes}
	if diff := cmp.Diff(want, a.Stats()); diff != "" {
		t.Errorf("stats (-want +got):\n%s", diff)
	}
	if c.Shards() != 2 {
		t.Errorf("shards = %d, want 2 (shard size 2, 3 documents)", c.Shards())
	}
	c.Close()

	c, err = Open(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	lines, err := c.Search(`"no viene"`, SearchOptions{Context: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) != 2 || lines[0].Match != "no viene" || lines[0].Right != "." {
		t.Errorf("phrase search: %+v", lines)
	}
	lines, err = c.Search("sabés", SearchOptions{Variety: "es-AR", Context: 8})
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) != 1 || lines[0].Left != "Vos " || lines[0].Start != 4 || lines[0].End != 9 {
		t.Errorf("variety search: %+v", lines)
	}
	cs, err := c.Count()
	if err != nil {
		t.Fatal(err)
	}
	ar := cs.Varieties["es-AR"]
	if ar.Docs != 2 || ar.Tokens != 13 || ar.Words["vos"].Freq != 2 || !ar.Words["rosario"].Name() || ar.Words["che"].Name() {
		t.Errorf("es-AR counts: docs %d tokens %d vos %+v rosario %+v", ar.Docs, ar.Tokens, ar.Words["vos"], ar.Words["rosario"])
	}
	f, err := c.Frequencies([]string{"Vos"})
	if err != nil {
		t.Fatal(err)
	}
	wantF := []Freq{
		{Word: "vos", Variety: "es-AR", Count: 2, PerMillion: 153846.15, Docs: 2, DocsTotal: 2, DP: 0.038},
		{Word: "vos", Variety: "es-ES", Count: 0, PerMillion: 0, Docs: 0, DocsTotal: 1},
	}
	if diff := cmp.Diff(wantF, f); diff != "" {
		t.Errorf("freq (-want +got):\n%s", diff)
	}
}

func TestOpenLocked(t *testing.T) {
	defer func(d time.Duration) { openTimeout = d }(openTimeout)
	openTimeout = 200 * time.Millisecond
	dir := t.TempDir()
	w, err := Open(dir, true)
	if err != nil {
		t.Fatal(err)
	}
	a, err := w.NewAdder(AddOptions{})
	if err != nil {
		t.Fatal(err)
	}
	a.Add(Doc{Text: "hola", Variety: "es-AR"})
	a.Flush()
	defer w.Close()
	_, err = Open(dir, false)
	if err == nil || !strings.Contains(err.Error(), "locked by another process (waited 200ms)") {
		t.Errorf("Open while a writer holds the corpus = %v, want a lock error", err)
	}
}

func TestProposeFilters(t *testing.T) {
	for w, want := range map[string]bool{"vení": true, "hacés": true, "sos": true, "decime": true, "vos": true,
		"sabéis": true, "os": true, "quilombo": false, "órale": false, "agarro": false, "nomás": false} {
		if got := addressForm(w); got != want {
			t.Errorf("addressForm(%q) = %v, want %v", w, got, want)
		}
	}
	for w, want := range map[string]string{"órale": "orale", "ñapa": "napa", "güey": "guey", "o'clock": "o-clock"} {
		if got := slug(w); got != want {
			t.Errorf("slug(%q) = %q, want %q", w, got, want)
		}
	}
}

func TestStaleBuildRemoved(t *testing.T) {
	dir := t.TempDir()
	stale, fresh := filepath.Join(dir, buildPrefix+"1"), filepath.Join(dir, buildPrefix+"2")
	os.Mkdir(stale, 0o755)
	os.Mkdir(fresh, 0o755)
	old := time.Now().Add(-2 * staleBuild)
	os.Chtimes(stale, old, old)
	c, err := Open(dir, true)
	if err != nil {
		t.Fatal(err)
	}
	c.Close()
	if _, err := os.Stat(stale); err == nil {
		t.Error("a build abandoned two hours ago is still there")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("a build in progress was removed")
	}
}
