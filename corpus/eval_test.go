package corpus

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/habla-es/habla/token"
)

// The evaluation of the variety model on ../shared/data (EVALUATION.md,
// "Variety model"): trained on the ACTIV-ES train split and DSL-TL
// ES_train.tsv only, reported on ACTIV-ES eval, DSLCC v2.0 and DSL-TL dev.
// Run with: go test ./corpus -run TestModelEvaluation -v
const dataDir = "../../shared/data/"

type labelled struct{ variety, text string }

var activCountries = map[string]string{"Argentina": "es-AR", "Mexico": "es-MX", "Spain": "es-ES"}

func activES(t testing.TB, split string) []labelled {
	var out []labelled
	for _, d := range activESFiles(t, split) {
		out = append(out, d.labelled)
	}
	return out
}

type file struct {
	name string
	labelled
}

func activESFiles(t testing.TB, split string) []file {
	f, err := os.Open(dataDir + "activ-es/SPLIT.tsv")
	if err != nil {
		t.Skipf("ACTIV-ES not available: %v", err)
	}
	defer f.Close()
	var out []file
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, s, _ := strings.Cut(sc.Text(), "\t")
		if s != split {
			continue
		}
		country := strings.Split(name, "_")[1]
		b, err := os.ReadFile(filepath.Join(dataDir, "activ-es/corpus_plain", name))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, file{name, labelled{activCountries[country], string(b)}})
	}
	return out
}

// tsv reads sentence and label columns (0-based) of a TSV file, mapping
// labels through labels (a label not there is kept as is).
func tsv(t testing.TB, path string, text, label int) []labelled {
	f, err := os.Open(dataDir + path)
	if err != nil {
		t.Skipf("%s not available: %v", path, err)
	}
	defer f.Close()
	var out []labelled
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		l := cols[label]
		switch l {
		case "ES-AR", "es-AR":
			l = "es-AR"
		case "ES-ES", "es-ES":
			l = "es-ES"
		}
		out = append(out, labelled{l, unquote(strings.TrimSpace(cols[text]))})
	}
	return out
}

// chunks cuts each document into pieces of n words (the last, shorter
// piece dropped).
func chunks(docs []labelled, n int) []labelled {
	var out []labelled
	for _, d := range docs {
		var words []token.Token
		for _, tk := range token.Tokenize(d.text) {
			if tk.Kind == token.Word {
				words = append(words, tk)
			}
		}
		for i := 0; i+n <= len(words); i += n {
			out = append(out, labelled{d.variety, d.text[words[i].ByteStart:words[i+n-1].ByteEnd]})
		}
	}
	return out
}

func trainOn(docs ...[]labelled) *Model {
	tr := NewTrainer(0, 0)
	for _, ds := range docs {
		for _, d := range ds {
			if d.variety == "es-AR" || d.variety == "es-ES" || d.variety == "es-MX" {
				tr.Add(d.variety, d.text)
			}
		}
	}
	m, err := tr.Model(0)
	if err != nil {
		panic(err)
	}
	return m
}

// scores are accuracy and per-class F1 of predictions against gold.
type scores struct {
	acc, macroF1 float64
	f1           map[string]float64
}

func score(gold, pred []string) scores {
	classes := slices.Clone(gold)
	slices.Sort(classes)
	classes = slices.Compact(classes)
	s := scores{f1: map[string]float64{}}
	right := 0
	for i := range gold {
		if gold[i] == pred[i] {
			right++
		}
	}
	s.acc = float64(right) / float64(len(gold))
	for _, c := range classes {
		tp, fp, fn := 0, 0, 0
		for i := range gold {
			switch {
			case gold[i] == c && pred[i] == c:
				tp++
			case pred[i] == c:
				fp++
			case gold[i] == c:
				fn++
			}
		}
		if tp > 0 {
			p, r := float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn)
			s.f1[c] = 2 * p * r / (p + r)
		}
		s.macroF1 += s.f1[c] / float64(len(classes))
	}
	return s
}

func (s scores) String() string {
	var parts []string
	for _, c := range slices.Sorted(func(yield func(string) bool) {
		for c := range s.f1 {
			if !yield(c) {
				return
			}
		}
	}) {
		parts = append(parts, fmt.Sprintf("%s %.3f", c, s.f1[c]))
	}
	return fmt.Sprintf("accuracy %.3f, macro-F1 %.3f (F1: %s)", s.acc, s.macroF1, strings.Join(parts, ", "))
}

// classify predicts among the tags; below the margin (nats, after Scale)
// it abstains with the label abstain.
func classify(m *Model, docs []labelled, among []string, margin float64, abstain string) (gold, pred []string) {
	for _, d := range docs {
		best, mg := m.Best(d.text, among)
		if mg < margin {
			best = abstain
		}
		gold, pred = append(gold, d.variety), append(pred, best)
	}
	return gold, pred
}

func trainLogistic(docs ...[]labelled) *Model {
	tr := NewTrainer(0, 0)
	for _, ds := range docs {
		for _, d := range ds {
			if d.variety == "es-AR" || d.variety == "es-ES" || d.variety == "es-MX" {
				tr.Add(d.variety, d.text)
			}
		}
	}
	m, err := tr.Logistic(LogisticOptions{})
	if err != nil {
		panic(err)
	}
	return m
}
