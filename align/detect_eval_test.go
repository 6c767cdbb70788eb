package align

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/habla-es/habla/corpus"
	"github.com/habla-es/habla/dialects"
	"github.com/habla-es/habla/lexicon"
)

// The evaluation of EVALUATION.md, "Dialect detection". Each test reads
// its data in place and skips without it; HABLA_EVAL=1 runs them:
//
//	HABLA_EVAL=1 go test ./align -run 'TestDetectEval' -v -count=1
//	HABLA_EVAL=1 HABLA_MODEL=variety.model go test ./align -run 'TestDetectEval' -v -count=1
//	HABLA_TUNE=1 go test ./align -run 'TestDetectTune' -v -count=1

func among(t testing.TB, tags ...string) []*dialects.Profile {
	set, err := dialects.Load()
	if err != nil {
		t.Fatal(err)
	}
	var out []*dialects.Profile
	for _, tg := range tags {
		p, ok := set.Profile(tg)
		if !ok {
			t.Fatalf("no profile %s", tg)
		}
		out = append(out, p)
	}
	return out
}

func builtinLexicon(t testing.TB) *lexicon.Lexicon {
	l, err := lexicon.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// outcome is one detection against its gold label.
type outcome struct {
	gold, top string
	margin    float64
}

func (o outcome) decided(tau float64) string {
	if o.margin < tau {
		return labelAbstain
	}
	return o.top
}

func detectAll(d *Detector, rows []labelled) []outcome {
	w := d.NewWorker()
	out := make([]outcome, len(rows))
	for i, r := range rows {
		det := w.Detect(r.text, false)
		out[i] = outcome{gold: r.gold, top: det.Ranking[0].Dialect, margin: det.Margin}
	}
	return out
}

// macroF1 over classes, with the decision at margin tau.
func macroF1(os []outcome, tau float64, classes []string) float64 {
	sum := 0.0
	for _, c := range classes {
		tp, fp, fn := 0.0, 0.0, 0.0
		for _, o := range os {
			p := o.decided(tau)
			switch {
			case p == c && o.gold == c:
				tp++
			case p == c:
				fp++
			case o.gold == c:
				fn++
			}
		}
		if tp > 0 {
			sum += 2 * tp / (2*tp + fp + fn)
		}
	}
	return sum / float64(len(classes))
}

// forced is the accuracy of the top variety, never abstaining, on the
// rows whose gold is a variety; covered is the share not abstained at tau
// and accuracy the accuracy on those.
func forced(os []outcome, tau float64) (acc, covered, accCovered float64) {
	n, ok, cov, okCov := 0, 0, 0, 0
	for _, o := range os {
		if o.gold == labelAbstain {
			continue
		}
		n++
		if o.top == o.gold {
			ok++
		}
		if o.margin >= tau {
			cov++
			if o.top == o.gold {
				okCov++
			}
		}
	}
	return ratio(ok, n), ratio(cov, n), ratio(okCov, cov)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

var dsltlClasses = []string{"es-AR", "es-ES", labelAbstain}

// crossValidate runs 5-fold cross-validation on DSL-TL train: the DSL-TL
// cue words of each fold are derived from the other four.
func crossValidate(t testing.TB, rows []labelled, w detectWeights) []outcome {
	var all []outcome
	activ := deriveActivCached(t)
	for fold := range 5 {
		var train, held []labelled
		for i, r := range rows {
			if i%5 == fold {
				held = append(held, r)
			} else {
				train = append(train, r)
			}
		}
		cues := append(deriveDSLTL(train), activ...)
		d, err := newDetector(DetectOptions{Among: among(t, "es-AR", "es-ES"), Lexicon: builtinLexicon(t), Abstain: -1}, w, cues)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, detectAll(d, held)...)
	}
	return all
}

var activCues []cueRow

func deriveActivCached(t testing.TB) []cueRow {
	if activCues == nil {
		activCues = deriveActiv(readActiv(t, "train"))
	}
	return activCues
}

func bestTau(os []outcome) (float64, float64) {
	bestT, bestF := 0.0, -1.0
	for tau := 0.0; tau <= 8; tau += 0.25 {
		if f := macroF1(os, tau, dsltlClasses); f > bestF {
			bestT, bestF = tau, f
		}
	}
	return bestT, bestF
}

// TestDetectTune chooses the weights and the abstention margin on DSL-TL
// ES_train.tsv by cross-validation (the dev set is not read).
func TestDetectTune(t *testing.T) {
	if os.Getenv("HABLA_TUNE") == "" {
		t.Skip("set HABLA_TUNE=1")
	}
	rows := readDSLTL(t, dsltlTrain)
	for _, lex := range []float64{1} {
		for _, act := range []float64{0.6, 1, 1.5, 2} {
			for _, place := range [][2]float64{{4, 4}} {
				w := defaultWeights
				w.lexicon, w.place, w.name = lex, place[0], place[1]
				w.cue = map[string]float64{"dsl-tl": 1, "activ-es": act}
				os := crossValidate(t, rows, w)
				tau, f1 := bestTau(os)
				acc, cov, accCov := forced(os, tau)
				t.Logf("lex=%.1f activ=%.1f place=%.1f name=%.1f: tau=%.2f macroF1=%.3f forced=%.3f covered=%.3f acc@covered=%.3f;%s",
					lex, act, place[0], place[1], tau, f1, acc, cov, accCov, perClass(os))
			}
		}
	}
}

// TestDetectTuneCurve prints the effect of the abstention margin with the
// shipped weights, cross-validated on DSL-TL train.
func TestDetectTuneCurve(t *testing.T) {
	if os.Getenv("HABLA_TUNE") == "" {
		t.Skip("set HABLA_TUNE=1")
	}
	os := crossValidate(t, readDSLTL(t, dsltlTrain), defaultWeights)
	var b strings.Builder
	for _, tau := range []float64{0, 1, 2, 2.5, 3, 3.5, 4, 5} {
		acc, cov, accCov := forced(os, tau)
		fmt.Fprintf(&b, "| %.1f | %.3f | %.3f | %.3f | %.3f |\n", tau, macroF1(os, tau, dsltlClasses), cov, accCov, acc)
	}
	t.Logf("margin | macro-F1 | coverage | accuracy covered | forced\n%s", b.String())
	t.Logf("forced accuracy by class:%s", perClass(os))
}

// TestDetectTuneCues compares filters of the DSL-TL cue words.
func TestDetectTuneCues(t *testing.T) {
	if os.Getenv("HABLA_TUNE") == "" {
		t.Skip("set HABLA_TUNE=1")
	}
	rows := readDSLTL(t, dsltlTrain)
	saved := cueSources["dsl-tl"]
	defer func() { cueSources["dsl-tl"] = saved }()
	for _, p := range []cueParams{
		{2, 2, 0.3, 1, true, false}, {2, 2, 0.3, 1, true, true}, {2, 2, 0.2, 1, true, true}, {2, 2, 0.5, 1, true, true}, {2, 2, 0.3, 0.5, true, true}, {2, 1, 0.3, 1, true, true},
	} {
		src := saved
		src.params = p
		cueSources["dsl-tl"] = src
		w := defaultWeights
		os := crossValidate(t, rows, w)
		tau, f1 := bestTau(os)
		acc, cov, accCov := forced(os, tau)
		t.Logf("%+v: tau=%.2f macroF1=%.3f forced=%.3f covered=%.3f acc@covered=%.3f;%s", p, tau, f1, acc, cov, accCov, perClass(os))
	}
}

// shippedDetector is the detector habla ships among tags, with the
// variety model at $HABLA_MODEL (habla corpus train's file, at the weight
// it was trained to have) when that is set.
func shippedDetector(t testing.TB, tags ...string) *Detector {
	opts := DetectOptions{Among: among(t, tags...), Lexicon: builtinLexicon(t)}
	if path := os.Getenv("HABLA_MODEL"); path != "" {
		m, err := corpus.LoadModel(path)
		if err != nil {
			t.Fatal(err)
		}
		opts.Scorer, opts.ScorerWeight = m, m.Weight
		if m.Abstain > 0 {
			opts.Abstain = m.Abstain
		}
		if w := os.Getenv("HABLA_MODEL_WEIGHT"); w != "" {
			if opts.ScorerWeight, err = strconv.ParseFloat(w, 64); err != nil {
				t.Fatal(err)
			}
		}
		t.Logf("model %s (corpus %s) at weight %.3f, abstention margin %.2f (0: detection's own)", path, m.CorpusHash, opts.ScorerWeight, m.Abstain)
	}
	d, err := NewDetector(opts)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestDetectEvalDSLCC: es-AR vs es-ES on DSLCC v2.0 test A and test B
// (names blanked). Evaluation only: nothing was derived or tuned on it.
func TestDetectEvalDSLCC(t *testing.T) {
	if os.Getenv("HABLA_EVAL") == "" {
		t.Skip("set HABLA_EVAL=1")
	}
	d := shippedDetector(t, "es-AR", "es-ES")
	for _, set := range []struct{ name, path string }{{"A", dslccA}, {"B (names blanked)", dslccB}} {
		os := detectAll(d, readDSLCC(t, set.path))
		acc, cov, accCov := forced(os, d.abstain)
		t.Logf("DSLCC v2.0 test %s: n=%d accuracy=%.3f; not abstaining: coverage=%.3f accuracy=%.3f; by class:%s",
			set.name, len(os), acc, cov, accCov, perClass(os))
	}
}

// TestDetectEvalAblation: DSLCC v2.0 test A with each kind of evidence
// alone (reported, not used to choose anything).
func TestDetectEvalAblation(t *testing.T) {
	if os.Getenv("HABLA_EVAL") == "" {
		t.Skip("set HABLA_EVAL=1")
	}
	rows := readDSLCC(t, dslccA)
	none := detectWeights{cue: map[string]float64{}}
	for _, c := range []struct {
		name string
		w    detectWeights
	}{
		{"all (shipped)", defaultWeights},
		{"no cue words (lexicon, address, places, formats)", func() detectWeights { w := defaultWeights; w.cue = map[string]float64{}; return w }()},
		{"lexicon only", func() detectWeights { w := none; w.lexicon = defaultWeights.lexicon; return w }()},
		{"address only", func() detectWeights {
			w := none
			w.address, w.tuteo = defaultWeights.address, defaultWeights.tuteo
			return w
		}()},
		{"names (places, institutions, people, organisations), currencies and formats only", func() detectWeights {
			w := none
			w.place, w.name, w.format = defaultWeights.place, defaultWeights.name, defaultWeights.format
			return w
		}()},
		{"DSL-TL cue words only", func() detectWeights { w := none; w.cue = map[string]float64{"dsl-tl": 1}; return w }()},
		{"ACTIV-ES cue words only", func() detectWeights {
			w := none
			w.cue = map[string]float64{"activ-es": defaultWeights.cue["activ-es"]}
			return w
		}()},
	} {
		d, err := newDetector(DetectOptions{Among: among(t, "es-AR", "es-ES"), Lexicon: builtinLexicon(t)}, c.w, nil)
		if err != nil {
			t.Fatal(err)
		}
		os := detectAll(d, rows)
		acc, cov, accCov := forced(os, d.abstain)
		moved := 0
		for _, o := range os {
			if o.margin > 0 {
				moved++
			}
		}
		t.Logf("%s: forced accuracy=%.3f; with any evidence=%.3f; not abstaining: coverage=%.3f accuracy=%.3f",
			c.name, acc, float64(moved)/float64(len(os)), cov, accCov)
	}
}

// TestDetectEvalDSLTL: DSL-TL dev, macro-F1 over es-AR, es-ES and
// abstention (the "ES" class).
func TestDetectEvalDSLTL(t *testing.T) {
	if os.Getenv("HABLA_EVAL") == "" {
		t.Skip("set HABLA_EVAL=1")
	}
	d := shippedDetector(t, "es-AR", "es-ES")
	os := detectAll(d, readDSLTL(t, dsltlDev))
	acc, cov, accCov := forced(os, d.abstain)
	t.Logf("DSL-TL dev: n=%d macro-F1=%.3f (margin %.1f); on AR/ES rows: forced accuracy=%.3f coverage=%.3f accuracy covered=%.3f",
		len(os), macroF1(os, d.abstain, dsltlClasses), d.abstain, acc, cov, accCov)
	for _, c := range dsltlClasses {
		t.Logf("  F1 %s = %.3f", c, macroF1(os, d.abstain, []string{c}))
	}
}

// TestDetectEvalActiv: ACTIV-ES eval documents, es-AR / es-MX / es-ES,
// whole documents and 200-word chunks.
func TestDetectEvalActiv(t *testing.T) {
	if os.Getenv("HABLA_EVAL") == "" {
		t.Skip("set HABLA_EVAL=1")
	}
	d := shippedDetector(t, "es-AR", "es-ES", "es-MX")
	docs := readActiv(t, "eval")
	var whole, chunks []labelled
	for _, doc := range docs {
		whole = append(whole, labelled{text: doc.text, gold: doc.gold})
		ws := strings.Fields(doc.text)
		for i := 0; i+200 <= len(ws); i += 200 {
			chunks = append(chunks, labelled{text: strings.Join(ws[i:i+200], " "), gold: doc.gold})
		}
	}
	for _, set := range []struct {
		name string
		rows []labelled
	}{{"documents", whole}, {"200-word chunks", chunks}} {
		os := detectAll(d, set.rows)
		acc, cov, accCov := forced(os, d.abstain)
		t.Logf("ACTIV-ES eval %s: n=%d accuracy=%.3f; not abstaining: coverage=%.3f accuracy=%.3f", set.name, len(os), acc, cov, accCov)
		for _, g := range []string{"es-AR", "es-ES", "es-MX"} {
			var sub []outcome
			for _, o := range os {
				if o.gold == g {
					sub = append(sub, o)
				}
			}
			a, _, _ := forced(sub, d.abstain)
			t.Logf("  %s: n=%d accuracy=%.3f", g, len(sub), a)
		}
	}
}

// TestDetectTuneActiv compares the weight of tuteo against voseo
// varieties and of the DSL-TL cues on ACTIV-ES train documents (the cue
// words of activ-es are derived from these same documents, so absolute
// figures are optimistic; only the comparison is used).
func TestDetectTuneActiv(t *testing.T) {
	if os.Getenv("HABLA_TUNE") == "" {
		t.Skip("set HABLA_TUNE=1")
	}
	var rows []labelled
	for _, doc := range readActiv(t, "train") {
		rows = append(rows, activPieces(doc)...)
	}
	for _, place := range []float64{1, 2, 3} {
		for _, dsl := range []float64{1} {
			w := defaultWeights
			w.place = place
			w.cue = map[string]float64{"dsl-tl": dsl, "activ-es": w.cue["activ-es"]}
			d, err := newDetector(DetectOptions{Among: among(t, "es-AR", "es-ES", "es-MX"), Lexicon: builtinLexicon(t)}, w, nil)
			if err != nil {
				t.Fatal(err)
			}
			chunks, docs := splitPieces(nil, nil, detectAll(d, rows))
			a, _, _ := forced(chunks, 0)
			b, _, _ := forced(docs, 0)
			t.Logf("place=%.1f dsl-tl=%.1f: chunks %.3f documents %.3f", place, dsl, a, b)
		}
	}
}

func perClass(os []outcome) string {
	var b strings.Builder
	for _, g := range []string{"es-AR", "es-ES", "es-MX"} {
		var sub []outcome
		for _, o := range os {
			if o.gold == g {
				sub = append(sub, o)
			}
		}
		if len(sub) > 0 {
			a, _, _ := forced(sub, 0)
			fmt.Fprintf(&b, " %s %.3f (n=%d)", g, a, len(sub))
		}
	}
	return b.String()
}

// TestDetectTuneActivCV compares the filters and the weight of the
// ACTIV-ES cue words by 5-fold cross-validation over the train documents:
// the cue words of each fold come from the other four, the held-out
// documents are cut in 200-word chunks (every 2,000 words) and read whole,
// among es-AR, es-ES and es-MX. The eval split is not read.
func TestDetectTuneActivCV(t *testing.T) {
	if os.Getenv("HABLA_TUNE") == "" {
		t.Skip("set HABLA_TUNE=1")
	}
	docs := readActiv(t, "train")
	saved := cueSources["activ-es"]
	defer func() { cueSources["activ-es"] = saved }()
	shipped, err := loadedCues()
	if err != nil {
		t.Fatal(err)
	}
	var dsltl []cueRow
	for _, r := range shipped {
		if r.source == "dsl-tl" {
			dsltl = append(dsltl, r)
		}
	}
	for _, c := range []struct {
		p      cueParams
		weight float64
	}{
		{activCueParams, 0.6},
		{activCueParams, 0.8},
		{activCueParams, 1},
		{activCueParams, 1.5},
		{activCueParams, 2},
		{activCueParams, 3},
		{cueParams{minTotal: 20, minDocs: 4, minWeight: 0.5, alpha: 1}, 1},
		{cueParams{minTotal: 10, minDocs: 3, minWeight: 0.7, alpha: 1}, 1},
	} {
		src := saved
		src.params = c.p
		cueSources["activ-es"] = src
		var chunks, whole []outcome
		for fold := range 5 {
			var train []LabelledText
			var held []labelled
			for i, d := range docs {
				if i%5 != fold {
					train = append(train, LabelledText{Variety: d.gold, Text: d.text})
					continue
				}
				held = append(held, activPieces(d)...)
			}
			w := defaultWeights
			w.cue = map[string]float64{"dsl-tl": 1, "activ-es": c.weight}
			cues := append(deriveCues("activ-es", train), dsltl...)
			d, err := newDetector(DetectOptions{Among: among(t, "es-AR", "es-ES", "es-MX"), Lexicon: builtinLexicon(t)}, w, cues)
			if err != nil {
				t.Fatal(err)
			}
			chunks, whole = splitPieces(chunks, whole, detectAll(d, held))
		}
		a, _, _ := forced(chunks, 0)
		b, _, _ := forced(whole, 0)
		t.Logf("%+v weight %.1f: chunks %.3f (n=%d;%s) documents %.3f (n=%d)", c.p, c.weight, a, len(chunks), perClass(chunks), b, len(whole))
	}
}

// activPieces are a document's 200-word chunks (one every 2,000 words)
// and the whole document, its gold marked "/doc".
func activPieces(doc activDoc) []labelled {
	var out []labelled
	ws := strings.Fields(doc.text)
	for i := 0; i+200 <= len(ws); i += 2000 {
		out = append(out, labelled{text: strings.Join(ws[i:i+200], " "), gold: doc.gold})
	}
	return append(out, labelled{text: doc.text, gold: doc.gold + "/doc"})
}

// splitPieces appends the outcomes of activPieces to chunks and docs.
func splitPieces(chunks, docs, os []outcome) ([]outcome, []outcome) {
	for _, o := range os {
		if g, ok := strings.CutSuffix(o.gold, "/doc"); ok {
			o.gold = g
			docs = append(docs, o)
		} else {
			chunks = append(chunks, o)
		}
	}
	return chunks, docs
}
