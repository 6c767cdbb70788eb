package align

import (
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/habla-es/habla/lexicon/morph"
	"github.com/habla-es/habla/token"
)

var updateVerbs = flag.Bool("update-verbs", false, "rewrite data/verbs-common.txt from ACTIV-ES train")

const activDir = "../../shared/data/activ-es/"

// activTrain returns the ACTIV-ES train documents of a country.
func activTrain(t testing.TB, country string) []string {
	split, err := os.ReadFile(activDir + "SPLIT.tsv")
	if err != nil {
		t.Skipf("ACTIV-ES: %v", err)
	}
	var out []string
	for line := range strings.Lines(string(split)) {
		name, s, _ := strings.Cut(strings.TrimSpace(line), "\t")
		if s == "train" && strings.HasPrefix(name, "es_"+country+"_") {
			out = append(out, filepath.Join(activDir, "corpus_plain", name))
		}
	}
	return out
}

// deriveVerbGate counts, over the ACTIV-ES train documents, how often each
// verb of the list occurs as an infinitive (alone or with enclitics: irse,
// decírselo) and which words with a voseo-only reading occur in the
// Mexican and Peninsular documents, where voseo is absent.
func deriveVerbGate(t testing.TB) string {
	infinitives := map[string]int{}
	// Occurrences of words with a voseo-only reading, and all tokens, in
	// the Argentine documents and in the others.
	var vosAR, vosElse = map[string]int{}, map[string]int{}
	var tokAR, tokElse int
	a := morph.NewAnalyzer()
	for _, country := range []string{"Argentina", "Mexico", "Spain"} {
		docs := activTrain(t, country)
		for _, doc := range docs {
			b, err := os.ReadFile(doc)
			if err != nil {
				t.Fatal(err)
			}
			for _, tk := range token.Tokenize(string(b)) {
				if tk.Kind != token.Word {
					continue
				}
				w := token.Lower(tk.Text)
				if inf, ok := infinitiveOf(w); ok {
					infinitives[inf]++
				}
				only := voseoOnly(a.Analyze(w))
				if country == "Argentina" {
					tokAR++
					if only {
						vosAR[w]++
					}
				} else {
					tokElse++
					if only {
						vosElse[w]++
					}
				}
			}
		}
	}
	// A homograph is as frequent where nobody vosea as in Argentina.
	homographs := map[string]int{}
	for w, n := range vosElse {
		if n >= 2 && float64(n)/float64(tokElse) >= 0.5*float64(vosAR[w])/float64(tokAR) {
			homographs[w] = n
		}
	}
	var b strings.Builder
	b.WriteString(`# Derived by go test ./align -run TestVerbGate -update-verbs from the ACTIV-ES
# subtitle corpus, train split only (Argentina, Mexico, Spain; GPL-2.0,
# ../shared/data/activ-es). Read by align/morph.go.
#
# common: verbs of lexicon/morph's list seen at least twice as an infinitive
# (alone or with enclitics); align reads the second-person forms of these
# verbs, and of the verbs of data/forms.yaml, as address markers. Rarer
# verbs are left out: their forms collide with common words (asir: así,
# ademar: además).
# homograph: words whose only verb reading is voseo, seen at least twice in
# the Mexican and Peninsular documents and there at least half as often (per
# token) as in the Argentine ones: they are other words (mamá, además), not
# voseo, and are never markers.
`)
	for _, v := range slices.Sorted(maps.Keys(infinitives)) {
		if infinitives[v] >= 2 {
			fmt.Fprintf(&b, "common\t%s\t%d\n", v, infinitives[v])
		}
	}
	for _, w := range slices.Sorted(maps.Keys(homographs)) {
		if homographs[w] >= 2 {
			fmt.Fprintf(&b, "homograph\t%s\t%d\n", w, homographs[w])
		}
	}
	return b.String()
}

// infinitiveOf returns the listed verb w is the infinitive of, with any
// enclitics removed (irse, decírselo, dármelo).
func infinitiveOf(w string) (string, bool) {
	for range 3 {
		if morph.Known(w) {
			return w, true
		}
		cut := false
		for _, c := range []string{"nos", "les", "los", "las", "se", "me", "te", "le", "lo", "la", "os"} {
			if rest, ok := strings.CutSuffix(w, c); ok && len(rest) > 2 {
				w, cut = rest, true
				break
			}
		}
		if !cut {
			return "", false
		}
		w = strings.NewReplacer("ár", "ar", "ér", "er", "ír", "ir").Replace(w)
	}
	return "", false
}

// voseoOnly reports whether some reading of a word is a rioplatense or
// Chilean voseo form that is no other form of its verb (tenés, but not
// tengas, which is also tú's, nor abrí, also yo's preterite).
func voseoOnly(rs []morph.Reading) bool {
	for _, r := range rs {
		if r.Note != "" || !strings.HasPrefix(string(r.Paradigm), "vos-") {
			continue
		}
		if r.Paradigm == morph.VosZulian {
			continue // the vosotros form
		}
		other := slices.ContainsFunc(rs, func(q morph.Reading) bool {
			return q.Lemma == r.Lemma && !strings.HasPrefix(string(q.Paradigm), "vos-")
		})
		if !other {
			return true
		}
	}
	return false
}

func TestVerbGate(t *testing.T) {
	want := deriveVerbGate(t)
	if *updateVerbs {
		if err := os.WriteFile("data/verbs-common.txt", []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile("data/verbs-common.txt")
	if err != nil || string(got) != want {
		t.Fatal("data/verbs-common.txt is missing or stale: run go test ./align -run TestVerbGate -update-verbs")
	}
}
