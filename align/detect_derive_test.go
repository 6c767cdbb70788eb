package align

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// Cue words are derived here, not by hand: HABLA_DERIVE_CUES=1 go test
// ./align -run TestDeriveCues rewrites data/cues.tsv from DSL-TL
// ES_train.tsv (es-AR vs es-ES news) and the ACTIV-ES train documents
// (es-AR, es-MX, es-ES subtitles). Nothing else is read.

func deriveDSLTL(rows []labelled) []cueRow {
	var texts []LabelledText
	for _, r := range rows {
		texts = append(texts, LabelledText{Variety: r.gold, Text: r.text})
	}
	return deriveCues("dsl-tl", texts)
}

func deriveActiv(docs []activDoc) []cueRow {
	var texts []LabelledText
	for _, d := range docs {
		texts = append(texts, LabelledText{Variety: d.gold, Text: d.text})
	}
	return deriveCues("activ-es", texts)
}

const cuesHeader = `# Cue words for align.Detect, derived statistically (align/detect_derive.go;
# HABLA_DERIVE_CUES=1 go test ./align -run TestDeriveCues). Only words and weights.
# Each weight is a class's smoothed log-probability of the word minus the mean over
# the source's classes (nats); Detect adds it once per occurrence, times the
# source's weight in align/detect_evidence.go (defaultWeights).
# Sources and filters:
#   dsl-tl    DSL-TL (Zampieri et al. 2023, VarDial), ES_train.tsv only: the 851 ES-AR
#             and 1,485 ES-ES news sentences; a word counts once per sentence;
#             kept if seen %d+ times, in %d+ sentences of its class, |weight| >= %.1f,
#             add-%g smoothing; names (words capitalised in mid-sentence) are kept:
#             in news they are the markers. ES_dev.tsv was not read.
#   activ-es  ACTIV-ES (Francom, Hulden & Ussishkin 2014), train documents of SPLIT.tsv
#             only (AR, ES, MX film and TV subtitles); kept if seen %d+ times, in %d+
#             documents of its class, |weight| >= %.1f, add-%g smoothing; words
#             capitalised in mid-sentence in most of their occurrences (characters'
#             names) are left out. Eval documents were not read.
# Words with digits are left out. DSLCC was not read.
`

func TestDeriveCues(t *testing.T) {
	if os.Getenv("HABLA_DERIVE_CUES") == "" {
		t.Skip("set HABLA_DERIVE_CUES=1 to rewrite data/cues.tsv")
	}
	if err := os.WriteFile("data/cues.tsv", []byte(derivedCuesFile(t)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestCuesUpToDate: data/cues.tsv is what the derivation gives on the
// training data today (skipped without ../shared/data), so that a model's
// training, which derives them again without its held-out texts, weighs
// it against the rules habla ships.
func TestCuesUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the ACTIV-ES train documents")
	}
	if got := derivedCuesFile(t); got != cuesTSV {
		t.Errorf("data/cues.tsv is stale: HABLA_DERIVE_CUES=1 go test ./align -run TestDeriveCues rewrites it")
	}
}

func derivedCuesFile(t *testing.T) string {
	rows := append(deriveDSLTL(readDSLTL(t, dsltlTrain)), deriveActiv(readActiv(t, "train"))...)
	d, a := dsltlCueParams, activCueParams
	var b strings.Builder
	fmt.Fprintf(&b, cuesHeader, d.minTotal, d.minDocs, d.minWeight, d.alpha, a.minTotal, a.minDocs, a.minWeight, a.alpha)
	writeCueRows(&b, rows)
	t.Logf("%d cue rows", len(rows))
	return b.String()
}

// TestCueTexts: cue words derived again from given texts replace the
// shipped ones of that source only; an unknown source is refused.
func TestCueTexts(t *testing.T) {
	texts := []LabelledText{
		{"es-AR", "El subte estaba lleno."}, {"es-AR", "Tomé el subte temprano."},
		{"es-AR", "El subte llega tarde."}, {"es-ES", "El metro estaba lleno."},
		{"es-ES", "Tomé el metro temprano."}, {"es-ES", "El metro llega tarde."},
	}
	d, err := NewDetector(DetectOptions{Among: among(t, "es-AR", "es-ES"), CueTexts: map[string][]LabelledText{"dsl-tl": texts}, Abstain: -1})
	if err != nil {
		t.Fatal(err)
	}
	got := d.NewWorker().RuleScores("Otra vez el subte.", []string{"es-AR", "es-ES"}, nil)
	if got[0] <= got[1] {
		t.Errorf("a cue word learnt from the texts did not count: %v", got)
	}
	if _, ok := d.cues["subte"]; !ok {
		t.Error("subte is not a cue word")
	}
	if _, ok := d.cues["metro"]; !ok {
		t.Error("metro is not a cue word")
	}
	shipped, err := loadedCues()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range shipped {
		if r.source == "activ-es" {
			if _, ok := d.cues[r.word]; !ok {
				t.Errorf("the activ-es cue word %q was lost", r.word)
			}
			break
		}
	}
	if _, err := NewDetector(DetectOptions{Among: among(t, "es-AR", "es-ES"), CueTexts: map[string][]LabelledText{"wiki": texts}}); err == nil {
		t.Error("an unknown cue source was accepted")
	}
}

func writeCueRows(b *strings.Builder, rows []cueRow) {
	tags := []string{"es-AR", "es-ES", "es-MX"}
	b.WriteString("word\tsource\t" + strings.Join(tags, "\t") + "\n")
	for _, r := range rows {
		cols := []string{r.word, r.source}
		for _, tg := range tags {
			if w, ok := r.weights[tg]; ok {
				cols = append(cols, fmt.Sprint(w))
			} else {
				cols = append(cols, "")
			}
		}
		b.WriteString(strings.Join(cols, "\t") + "\n")
	}
}
