package lexicon

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	bolt "go.etcd.io/bbolt"

	"github.com/habla-es/habla/dialects"
)

// popcornPack is a second pack beside testdata/pack: a concept with many
// regional words, some plural, one with an accent.
const popcornPack = `domain: food
sources:
  editors: "habla editors, for tests"
concepts:
  - id: food/popcorn
    gloss: {es: "granos de maíz reventados al calor", en: popcorn}
    pos: noun
    variants:
      - form: palomitas
        gender: f
        number: plural
        usage: {peninsular: common, es-MX: common}
        sources: [editors]
      - form: cotufas
        gender: f
        number: plural
        usage: {es-VE: common}
        sources: [editors]
      - form: pochoclo
        gender: m
        usage: {es-AR: common}
        sources: [editors]
      - form: pororó
        gender: m
        register: colloquial
        usage: {es-PY: common, es-UY: used}
        sources: [editors]
`

// testLexicon loads testdata/pack and the popcorn pack.
func testLexicon(t testing.TB) *Lexicon {
	t.Helper()
	pack := filepath.Join(t.TempDir(), "popcorn.yaml")
	if err := os.WriteFile(pack, []byte(popcornPack), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := LoadPacks(testSet(t), "testdata/pack", pack)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func testIndex(t testing.TB, l *Lexicon) *Index {
	t.Helper()
	ix, err := OpenIndex(l, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

func hitIDs(hits []Hit) []string {
	var ids []string
	for _, h := range hits {
		ids = append(ids, h.Concept.ID)
	}
	return ids
}

func profile(t testing.TB, tag string) *dialects.Profile {
	t.Helper()
	p, err := testSet(t).Resolve(tag)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestSearchForms: any regional word finds its concept, whatever the
// accents, case, number, or one letter off.
func TestSearchForms(t *testing.T) {
	ix := testIndex(t, testLexicon(t))
	tests := []struct {
		query, want string
		matched     []string
	}{
		{"cotufas", "food/popcorn", []string{"cotufas"}},
		{"cotufa", "food/popcorn", []string{"cotufas"}},
		{"cotúfas", "food/popcorn", []string{"cotufas"}},
		{"COTUFAS", "food/popcorn", []string{"cotufas"}},
		{"pochoclos", "food/popcorn", []string{"pochoclo"}},
		{"palomita", "food/popcorn", []string{"palomitas"}},
		{"pororo", "food/popcorn", []string{"pororó"}},
		{"cotuffas", "food/popcorn", []string{"cotufas"}}, // one letter off
		{"chevere", "test/cool", []string{"chévere"}},
		{"ordenadores", "tech/computer", []string{"ordenador"}},
		{"Computadóra", "tech/computer", []string{"computadora"}},
		{"coche", "transport/car", []string{"coche"}},
		{"carro por puesto", "test/carro-por-puesto", []string{"carro por puesto"}},
		{"cogí", "test/take", []string{"coger"}},
		// the glosses, through the Spanish and English analyzers
		{"automóvil", "transport/car", []string{"automóvil"}},
		{"automovil", "transport/car", []string{"automóvil"}},
		{"popcorn", "food/popcorn", []string{"popcorn"}},
		{"computers", "tech/computer", []string{"computer"}},
		{"maíz", "food/popcorn", []string{"maíz"}},
	}
	for _, tt := range tests {
		hits, _, err := ix.Search(tt.query, SearchOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 || hits[0].Concept.ID != tt.want {
			t.Errorf("Search(%q) = %v, want %s first", tt.query, hitIDs(hits), tt.want)
			continue
		}
		if diff := cmp.Diff(tt.matched, hits[0].Matched); diff != "" {
			t.Errorf("Search(%q) matched (-want +got):\n%s", tt.query, diff)
		}
	}
}

// TestFormsAnalyzer: forms fold like token.Fold: NFC, lowercase, vowel
// accents off, ñ kept as a letter of its own.
func TestFormsAnalyzer(t *testing.T) {
	ix := testIndex(t, testLexicon(t))
	got := ix.analyze(formsAnalyzer, "Año CAÑÓN pingüino cotu\u0301fas")
	if want := []string{"año", "cañon", "pinguino", "cotufas"}; !slices.Equal(got, want) {
		t.Errorf("forms analyzer = %q, want %q", got, want)
	}
}

func TestSearchNoMatch(t *testing.T) {
	ix := testIndex(t, testLexicon(t))
	for _, q := range []string{"xyzzy", "la", "¿?"} {
		hits, f, err := ix.Search(q, SearchOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) != 0 || len(f.Domains) != 0 {
			t.Errorf("Search(%q) = %v %v, want nothing", q, hitIDs(hits), f)
		}
	}
}

func TestSearchDialect(t *testing.T) {
	ix := testIndex(t, testLexicon(t))
	tests := []struct {
		query, dialect string
		want           []string
	}{
		{"colectivo", "es-AR", []string{"test/carro-por-puesto"}},
		{"colectivo", "es-CL", []string{"test/carro-por-puesto"}},
		{"colectivo", "es-MX", nil},
		// the car concept is at home everywhere: carro in Mexico, coche in Spain
		{"coche", "es-MX", []string{"transport/car"}},
		// zuliano inherits es-VE's words through its parent chain
		{"cotufas", "es-VE-u-sd-vev", []string{"food/popcorn"}},
		{"cotufas", "es-CO", nil},
		{"", "es-VE", []string{"food/popcorn", "food/potato", "tech/computer", "test/carro-por-puesto", "test/cool", "test/take", "transport/car"}},
		// Paraguay is rioplatense: auto
		{"", "es-PY", []string{"food/popcorn", "food/potato", "tech/computer", "test/take", "transport/car"}},
	}
	for _, tt := range tests {
		hits, _, err := ix.Search(tt.query, SearchOptions{Dialect: profile(t, tt.dialect)})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.want, hitIDs(hits)); diff != "" {
			t.Errorf("Search(%q, %s) (-want +got):\n%s", tt.query, tt.dialect, diff)
		}
	}
}

func TestSearchDomainAndLimit(t *testing.T) {
	ix := testIndex(t, testLexicon(t))
	hits, _, err := ix.Search("", SearchOptions{Domain: "food"})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"food/popcorn"}, hitIDs(hits)); diff != "" {
		t.Errorf("domain food (-want +got):\n%s", diff)
	}
	// food/potato is in the test pack, whose file says domain: test
	hits, _, _ = ix.Search("papa", SearchOptions{Domain: "food"})
	if len(hits) != 0 {
		t.Errorf("papa in food = %v, want nothing", hitIDs(hits))
	}
	hits, _, _ = ix.Search("papa", SearchOptions{Domain: "test", Dialect: profile(t, "es-AR")})
	if diff := cmp.Diff([]string{"food/potato"}, hitIDs(hits)); diff != "" {
		t.Errorf("papa in test, es-AR (-want +got):\n%s", diff)
	}
	hits, f, _ := ix.Search("", SearchOptions{Limit: 2})
	if diff := cmp.Diff([]string{"food/popcorn", "food/potato"}, hitIDs(hits)); diff != "" {
		t.Errorf("limit 2 (-want +got):\n%s", diff)
	}
	if f.Domains["test"] != 6 {
		t.Errorf("facets count %d test concepts beyond the limit, want 6", f.Domains["test"])
	}
}

// TestSearchRanking: the concept whose form matches outranks the one that
// only shares a word, and equal scores come out by concept id.
func TestSearchRanking(t *testing.T) {
	ix := testIndex(t, testLexicon(t))
	hits, _, err := ix.Search("carro", SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"transport/car", "test/carro-por-puesto"}, hitIDs(hits)); diff != "" {
		t.Errorf("carro (-want +got):\n%s", diff)
	}
	for i := 1; i < len(hits); i++ {
		if hits[i].Score > hits[i-1].Score {
			t.Errorf("hit %d scores %v above hit %d (%v)", i, hits[i].Score, i-1, hits[i-1].Score)
		}
	}
	all, _, _ := ix.Search("", SearchOptions{})
	if !slices.IsSortedFunc(all, func(a, b Hit) int { return strings.Compare(a.Concept.ID, b.Concept.ID) }) {
		t.Errorf("equal scores not by id: %v", hitIDs(all))
	}
}

func TestSearchFacets(t *testing.T) {
	ix := testIndex(t, testLexicon(t))
	_, f, err := ix.Search("", SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string]int{"food": 1, "test": 6}, f.Domains); diff != "" {
		t.Errorf("domains (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]int{"neutral": 7, "colloquial": 1}, f.Registers); diff != "" {
		t.Errorf("registers (-want +got):\n%s", diff)
	}
	// es-VE: every concept; es-ES: neither cool (chévere, chido) nor the
	// shared taxi; es-CL: not popcorn nor cool
	for tag, want := range map[string]int{"es-VE": 7, "es-PY": 5, "es-ES": 5, "es-ES-u-sd-escn": 5, "es-CL": 5} {
		if f.Varieties[tag] != want {
			t.Errorf("varieties[%s] = %d, want %d", tag, f.Varieties[tag], want)
		}
	}
	// a concept counts in every variety where one of its words is at
	// home, whichever word matched
	_, f, _ = ix.Search("colectivo", SearchOptions{})
	want := map[string]int{"es-AR": 1, "es-CL": 1, "es-VE": 1, "es-VE-u-sd-vev": 1}
	if diff := cmp.Diff(want, f.Varieties); diff != "" {
		t.Errorf("colectivo varieties (-want +got):\n%s", diff)
	}
}

// TestIndexCache: the second open reuses the first build; a changed
// lexicon gets its own index.
func TestIndexCache(t *testing.T) {
	l, root := testLexicon(t), t.TempDir()
	before := builds.Load()
	for range 3 {
		ix, err := OpenIndex(l, root)
		if err != nil {
			t.Fatal(err)
		}
		if want := filepath.Join(root, "lexicon-"+l.Hash()); ix.Dir() != want {
			t.Errorf("dir = %s, want %s", ix.Dir(), want)
		}
		ix.Close()
	}
	if n := builds.Load() - before; n != 1 {
		t.Errorf("%d builds for three opens, want 1", n)
	}
	other, err := LoadPacks(testSet(t), "testdata/pack")
	if err != nil {
		t.Fatal(err)
	}
	ix, err := OpenIndex(other, root)
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	if got := listDir(t, root); len(got) != 2 {
		t.Errorf("root holds %v, want two indexes", got)
	}
}

// TestIndexRace: two opens of a missing index at once both get it.
func TestIndexRace(t *testing.T) {
	l, root := testLexicon(t), t.TempDir()
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Go(func() {
			ix, err := OpenIndex(l, root)
			if err == nil {
				var hits []Hit
				hits, _, err = ix.Search("cotufas", SearchOptions{})
				if err == nil && len(hits) == 0 {
					err = fmt.Errorf("no hits")
				}
				ix.Close()
			}
			errs[i] = err
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("open %d: %v", i, err)
		}
	}
	if got := listDir(t, root); !slices.Equal(got, []string{"lexicon-" + l.Hash()}) {
		t.Errorf("root holds %v, want the index alone (no build left behind)", got)
	}
}

// TestIndexLoseRace: a build that finds the index renamed into place by
// another process before it gives its own up and succeeds.
func TestIndexLoseRace(t *testing.T) {
	l, root := testLexicon(t), t.TempDir()
	dir := filepath.Join(root, "lexicon-"+l.Hash())
	before := builds.Load()
	for range 2 {
		if err := build(l, root, dir); err != nil {
			t.Fatal(err)
		}
	}
	if n := builds.Load() - before; n != 1 {
		t.Errorf("%d builds renamed into place, want 1", n)
	}
	if got := listDir(t, root); !slices.Equal(got, []string{"lexicon-" + l.Hash()}) {
		t.Errorf("root holds %v, want the index alone", got)
	}
}

// TestIndexProcesses: processes opening a missing index at once all get
// it. Each runs TestIndexHelperProcess.
func TestIndexProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	root := t.TempDir()
	cmds := make([]*exec.Cmd, 3)
	outs := make([]strings.Builder, len(cmds))
	for i := range cmds {
		cmds[i] = exec.Command(os.Args[0], "-test.run=^TestIndexHelperProcess$")
		cmds[i].Env = append(os.Environ(), "HABLA_INDEX_HELPER_ROOT="+root)
		cmds[i].Stdout, cmds[i].Stderr = &outs[i], &outs[i]
		if err := cmds[i].Start(); err != nil {
			t.Fatal(err)
		}
	}
	for i, c := range cmds {
		if err := c.Wait(); err != nil || !strings.Contains(outs[i].String(), "hit food/popcorn") {
			t.Errorf("process %d: %v\n%s", i, err, outs[i].String())
		}
	}
}

func TestIndexHelperProcess(t *testing.T) {
	root := os.Getenv("HABLA_INDEX_HELPER_ROOT")
	if root == "" {
		t.Skip("run by TestIndexProcesses")
	}
	ix, err := OpenIndex(testLexicon(t), root)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	hits, _, err := ix.Search("pochoclos", SearchOptions{})
	if err != nil || len(hits) == 0 {
		t.Fatal(hits, err)
	}
	fmt.Println("hit", hits[0].Concept.ID)
}

// TestIndexLocked: an index held exclusively (by a writer that should
// not exist) gives an error naming the directory, not a hang.
func TestIndexLocked(t *testing.T) {
	l, root := testLexicon(t), t.TempDir()
	ix, err := OpenIndex(l, root)
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	db, err := bolt.Open(filepath.Join(ix.Dir(), "store", "root.bolt"), 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	defer func(d time.Duration) { openTimeout = d }(openTimeout)
	openTimeout = 200 * time.Millisecond
	start := time.Now()
	_, err = OpenIndex(l, root)
	if err == nil || !strings.Contains(err.Error(), ix.Dir()) || !strings.Contains(err.Error(), "locked") {
		t.Errorf("err = %v, want a lock error naming %s", err, ix.Dir())
	}
	t.Log(err)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %v", d)
	}
}

func TestIndexErrors(t *testing.T) {
	l := testLexicon(t)
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o644)
	if _, err := OpenIndex(l, file); err == nil || !strings.Contains(err.Error(), file) {
		t.Errorf("root is a file: err = %v, want it named", err)
	}
	root := t.TempDir()
	broken := filepath.Join(root, "lexicon-"+l.Hash())
	os.Mkdir(broken, 0o755)
	if _, err := OpenIndex(l, root); err == nil || !strings.Contains(err.Error(), broken) {
		t.Errorf("broken index: err = %v, want it named", err)
	}
}

// TestIndexPrune: a build removes indexes of other lexicons unused for a
// week and abandoned builds, and keeps recent ones.
func TestIndexPrune(t *testing.T) {
	root := t.TempDir()
	old := time.Now().Add(-30 * 24 * time.Hour)
	for _, name := range []string{"lexicon-old", ".lexicon-build-old", "lexicon-recent", "notes"} {
		os.Mkdir(filepath.Join(root, name), 0o755)
		if name != "lexicon-recent" {
			os.Chtimes(filepath.Join(root, name), old, old)
		}
	}
	l := testLexicon(t)
	ix, err := OpenIndex(l, root)
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	want := []string{"lexicon-" + l.Hash(), "lexicon-recent", "notes"}
	if diff := cmp.Diff(want, listDir(t, root)); diff != "" {
		t.Errorf("after prune (-want +got):\n%s", diff)
	}
}

// TestIndexDefaultRoot: with no directory, the index goes under
// $XDG_CACHE_HOME/habla.
func TestIndexDefaultRoot(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache)
	t.Setenv("HOME", cache)
	l := testLexicon(t)
	ix, err := OpenIndex(l, "")
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	root, _ := DefaultIndexRoot()
	if want := filepath.Join(root, "lexicon-"+l.Hash()); ix.Dir() != want || !strings.HasPrefix(want, cache) {
		t.Errorf("dir = %s, want %s under %s", ix.Dir(), want, cache)
	}
}

// TestIndexBuiltin: every variant form of the built-in lexicon finds its
// concept among the hits.
func TestIndexBuiltin(t *testing.T) {
	l, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Concepts()) == 0 {
		t.Skip("no built-in concepts yet")
	}
	start := time.Now()
	ix := testIndex(t, l)
	t.Logf("built-in lexicon: %d concepts indexed in %v", len(l.Concepts()), time.Since(start))
	for _, c := range l.Concepts() {
		for _, v := range c.Variants {
			hits, _, err := ix.Search(v.Form, SearchOptions{Limit: 1000})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Contains(hitIDs(hits), c.ID) {
				t.Errorf("Search(%q) misses %s", v.Form, c.ID)
			}
		}
	}
}

func listDir(t testing.TB, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func BenchmarkIndexBuild(b *testing.B) {
	l := testLexicon(b)
	for b.Loop() {
		if err := write(l, filepath.Join(b.TempDir(), "ix")); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkIndexSearch(b *testing.B) {
	ix := testIndex(b, testLexicon(b))
	for b.Loop() {
		if _, _, err := ix.Search("cotufas", SearchOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
