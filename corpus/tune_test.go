package corpus

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestModelTuning chooses the model on the training data only: it holds
// out a fifth of the ACTIV-ES train documents (IMDb id ≡ 1 mod 5; the eval
// split is ≡ 0) and of DSL-TL ES_train (row id ≡ 1 mod 5), trains on the
// rest and compares the candidates on what was held out. EVALUATION.md
// records the figures. Run with:
// HABLA_TUNE=1 go test ./corpus -run TestModelTuning -v
func TestModelTuning(t *testing.T) {
	if os.Getenv("HABLA_TUNE") == "" {
		t.Skip("set HABLA_TUNE=1 to compare the candidate models (a minute)")
	}
	fit, tune := heldOut(activESNamed(t, "train"))
	tlFit, tlTune := heldOut(tsvNamed(t, "dsl-tl/ES_train.tsv"))
	three, two := []string{"es-AR", "es-ES", "es-MX"}, []string{"es-AR", "es-ES"}
	report := func(name string, m *Model, took time.Duration) {
		d := score(classify(m, tune, three, -1, ""))
		c := score(classify(m, chunks(tune, 200), three, -1, ""))
		s := score(classify(m, onlyOf(tlTune, two), two, -1, ""))
		t.Logf("%-22s docs %.3f | 200-word %.3f (macro-F1 %.3f) | DSL-TL AR/ES %.3f | %s",
			name, d.acc, c.acc, c.macroF1, s.acc, took.Round(time.Millisecond))
	}
	for _, w := range []int{0, 30, 100, 1000} {
		for _, alpha := range []float64{0.01, 0.1, 1} {
			start := time.Now()
			tr := NewTrainer(0, w)
			tr.noBigrams = true
			addAll(tr, fit, tlFit)
			m, err := tr.Model(alpha)
			if err != nil {
				t.Fatal(err)
			}
			report("naive Bayes w"+strconv.Itoa(w)+" α"+strconv.FormatFloat(alpha, 'g', -1, 64), m, time.Since(start))
		}
	}
	start := time.Now()
	tr := NewTrainer(0, 100)
	addAll(tr, fit, tlFit)
	m, err := tr.Model(0.1)
	if err != nil {
		t.Fatal(err)
	}
	report("naive Bayes w100 α0.1 + word pairs", m, time.Since(start))
	start = time.Now()
	tr = NewTrainer(0, 0)
	tr.noBigrams = true
	addAll(tr, fit, tlFit)
	m, err = tr.Logistic(LogisticOptions{})
	if err != nil {
		t.Fatal(err)
	}
	report("logistic (SGD)", m, time.Since(start))
}

type named struct {
	id int
	labelled
}

func heldOut(docs []named) (fit, tune []labelled) {
	for _, d := range docs {
		if d.id%5 == 1 {
			tune = append(tune, d.labelled)
		} else {
			fit = append(fit, d.labelled)
		}
	}
	return fit, tune
}

func activESNamed(t testing.TB, split string) []named {
	var out []named
	for _, d := range activESFiles(t, split) {
		parts := strings.Split(strings.TrimSuffix(d.name, ".run"), "_")
		id, _ := strconv.Atoi(parts[len(parts)-1])
		out = append(out, named{id, d.labelled})
	}
	return out
}

func tsvNamed(t testing.TB, path string) []named {
	var out []named
	rows := tsv(t, path, 1, 2)
	ids := tsv(t, path, 0, 2)
	for i, r := range rows {
		id, _ := strconv.Atoi(ids[i].text)
		out = append(out, named{id, r})
	}
	return out
}

func onlyOf(docs []labelled, tags []string) []labelled {
	var out []labelled
	for _, d := range docs {
		if d.variety == tags[0] || d.variety == tags[1] {
			out = append(out, d)
		}
	}
	return out
}

func addAll(tr *Trainer, docs ...[]labelled) {
	for _, ds := range docs {
		for _, d := range ds {
			if d.variety == "es-AR" || d.variety == "es-ES" || d.variety == "es-MX" {
				tr.Add(d.variety, d.text)
			}
		}
	}
}
