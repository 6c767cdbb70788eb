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
	"unicode/utf8"

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
	// Unaccented voseo imperatives with enclitics (soltame), by country
	// group, and how often each was capitalised mid-sentence (a name).
	enclAR, enclElse, enclCap := map[string]int{}, map[string]int{}, map[string]int{}
	r := newMorphReader()
	a := morph.NewAnalyzer()
	for _, country := range []string{"Argentina", "Mexico", "Spain"} {
		docs := activTrain(t, country)
		for _, doc := range docs {
			b, err := os.ReadFile(doc)
			if err != nil {
				t.Fatal(err)
			}
			ts := token.Tokenize(string(b))
			for i, tk := range ts {
				if tk.Kind != token.Word {
					continue
				}
				w := token.Lower(tk.Text)
				if unaccentedVoseoEnclitic(r, w) {
					if country == "Argentina" {
						enclAR[w]++
					} else {
						enclElse[w]++
					}
					if first, _ := utf8.DecodeRuneInString(tk.Text); isUpperRune(first) && !sentenceStart(ts, i) {
						enclCap[w]++
					}
				}
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
	// An unaccented vos imperative with enclitics is the vos form, not tú's
	// without its accent nor another word, when it is frequent in the
	// Argentine documents, never seen in the others (twice their size)
	// and not mostly a name.
	enclitics := map[string]int{}
	for w, n := range enclAR {
		// -ales is the plural of adjectives in -al (funcionales) as
		// often as -á + les: never listed.
		if n >= 3 && enclElse[w] == 0 && 2*enclCap[w] <= n && !strings.HasSuffix(w, "ales") {
			enclitics[w] = n
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
# voseo-enclitic: vos imperatives with enclitics written without an accent
# (soltame, abrime), which could be tú's without its accent or another word
# (tomate, remate), seen at least three times in the Argentine documents,
# never in the others, mostly not capitalised mid-sentence and not in -ales
# (funcionales is an adjective): they are
# read as voseo without another marker in the text to back them.
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
	for _, w := range slices.Sorted(maps.Keys(enclitics)) {
		fmt.Fprintf(&b, "voseo-enclitic\t%s\t%d\n", w, enclitics[w])
	}
	return b.String()
}

// unaccentedVoseoEnclitic reports whether w, with no written accent, reads
// as a rioplatense vos imperative with enclitics (soltame: soltá + me).
func unaccentedVoseoEnclitic(r *morphReader, w string) bool {
	if strings.ContainsAny(w, "áéíóú") {
		return false
	}
	for _, f := range r.analyseEnclitic(w) {
		if f.Systems&VoseoRioplatense != 0 {
			return true
		}
	}
	return false
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
