package align

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The data sets of detection, read in place beside the checkout. Their
// roles (shared/data/README.md): DSLCC is for evaluation only; DSL-TL is
// tuned on ES_train.tsv and reported on ES_dev.tsv; ACTIV-ES derives only
// from train documents and reports on eval.
const (
	sharedData     = "../../shared/data/"
	dsltlTrain     = sharedData + "dsl-tl/ES_train.tsv"
	dsltlDev       = sharedData + "dsl-tl/ES_dev.tsv"
	dslccA         = sharedData + "dslcc/dslcc_v2.0_testA_gold_es.tsv"
	dslccB         = sharedData + "dslcc/dslcc_v2.0_testB_NEblinded_gold_es.tsv"
	activCorpusDir = sharedData + "activ-es/corpus_plain/"
	activSplit     = sharedData + "activ-es/SPLIT.tsv"
	labelAbstain   = "es"
)

// labelled is a text and its gold variety ("es" for DSL-TL's undecidable).
type labelled struct {
	text, gold string
}

// readDSLTL reads id<TAB>"sentence"<TAB>label; ES-AR → es-AR, ES-ES →
// es-ES, ES (no marker) → es.
func readDSLTL(t testing.TB, path string) []labelled {
	var out []labelled
	for _, cols := range readTSV(t, path) {
		if len(cols) < 3 {
			continue
		}
		gold := map[string]string{"ES-AR": "es-AR", "ES-ES": "es-ES", "ES": labelAbstain}[cols[2]]
		out = append(out, labelled{text: strings.Trim(cols[1], `"`), gold: gold})
	}
	return out
}

// readDSLCC reads sentence<TAB>label.
func readDSLCC(t testing.TB, path string) []labelled {
	var out []labelled
	for _, cols := range readTSV(t, path) {
		if len(cols) == 2 {
			out = append(out, labelled{text: cols[0], gold: cols[1]})
		}
	}
	return out
}

func readTSV(t testing.TB, path string) [][]string {
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("data not found beside the checkout: %v", err)
	}
	defer f.Close()
	var out [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		out = append(out, strings.Split(sc.Text(), "\t"))
	}
	return out
}

// activDoc is one ACTIV-ES document.
type activDoc struct {
	name, gold, text string
}

var activCountry = map[string]string{"Argentina": "es-AR", "Mexico": "es-MX", "Spain": "es-ES"}

// readActiv reads the documents of one split (train or eval).
func readActiv(t testing.TB, split string) []activDoc {
	var out []activDoc
	for _, cols := range readTSV(t, activSplit) {
		if len(cols) != 2 || cols[1] != split {
			continue
		}
		parts := strings.SplitN(cols[0], "_", 3)
		data, err := os.ReadFile(filepath.Join(activCorpusDir, cols[0]))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, activDoc{name: cols[0], gold: activCountry[parts[1]], text: string(data)})
	}
	return out
}
