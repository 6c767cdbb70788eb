package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/habla-es/habla/align"
	"github.com/habla-es/habla/dialects"
	"github.com/habla-es/habla/internal/jsonl"
	"github.com/habla-es/habla/lexicon"
)

// benchSentences are neutral answers with no address findings for es-VE,
// so the benchmark measures the engine and the address scan, not the
// building of findings.
var benchSentences = []string{
	"Para renovar el pasaporte hay que pedir una cita en la página oficial y llevar la cédula vigente.",
	"Usted puede pagar la factura en cualquier agencia bancaria o desde la aplicación del banco.",
	"El clima en Mérida es templado todo el año; en diciembre las temperaturas bajan por las noches.",
	"La receta lleva harina de maíz precocida, agua, sal y un poco de aceite para la plancha.",
	"Si tienes dudas, escríbeme y te explico los pasos con más detalle. ¡Mucho éxito! 👍🏽",
}

// benchLexical are answers with Peninsular words a Venezuelan reader
// would change: the lexical path, findings and suggestions included.
var benchLexical = []string{
	"Aparca el coche delante del piso y coge el móvil; te espero en la acera con el ordenador.",
	"Para la merienda hay zumo de melocotón, palomitas y una tarta de fresa en la nevera.",
	"Ponte la chaqueta y el jersey, que en el autobús hace frío; vale, nos vemos a las cinco.",
	"Descarga el fichero, guárdalo en la carpeta y pulsa el botón de añadir para terminar.",
	"Usted puede pagar la factura en cualquier agencia bancaria o desde la aplicación del banco.",
}

// benchConventions are answers with numbers, prices, dates, times and
// quotation marks, some in a foreign convention for es-VE: the
// convention checks, findings included.
var benchConventions = []string{
	"La entrada cuesta 3.5 euros y el concierto empieza a las 21:00 del 03/15/2025.",
	"En 2024 había 1.234.567 usuarios; la versión 2.1 salió el 5 de enero a las 8:00 a. m.",
	"Dijo \"gracias\" y pagó Bs. 1.250,50 en efectivo, unos 35 $ al cambio del día.",
	"Vienes mañana? Llámame al 0414-555-1234 antes de las 6 pm, por favor.",
	"El 12,5 % de los votos fue para la lista «Unidad», según el boletín de las 10:30 p. m.",
}

// benchInput is n JSONL records of about 180 bytes each.
func benchInput(n int) []byte { return benchRecords(n, benchSentences) }

func benchRecords(n int, sentences []string) []byte {
	var b bytes.Buffer
	for i := range n {
		s := sentences[i%len(sentences)]
		fmt.Fprintf(&b, "{\"id\":\"r%d\",\"model\":\"m-%d\",\"score\":0.%03d,\"text\":%q}\n", i, i%3, i%1000, s)
	}
	return b.Bytes()
}

// BenchmarkEcho is the baseline: decode each line and encode it again,
// the least a JSON-rewriting filter does.
func BenchmarkEcho(b *testing.B) { benchEcho(b, benchInput(10000)) }

func benchEcho(b *testing.B, in []byte) {
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		sc := bufio.NewScanner(bytes.NewReader(in))
		w := bufio.NewWriter(io.Discard)
		for sc.Scan() {
			var v map[string]any
			if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
				b.Fatal(err)
			}
			out, err := json.Marshal(v)
			if err != nil {
				b.Fatal(err)
			}
			w.Write(out)
			w.WriteByte('\n')
		}
		w.Flush()
	}
}

// BenchmarkEngine is the streaming engine with a map function that adds
// an empty object: reading, validating, splicing, ordering, writing.
func BenchmarkEngine(b *testing.B) {
	in := benchInput(10000)
	newMap := func() jsonl.MapFunc {
		return func(_ *jsonl.Record, dst []byte) ([]byte, error) { return append(dst, "{}"...), nil }
	}
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			benchRun(b, in, workers, newMap)
		})
	}
}

// BenchmarkAlign is habla align --target es-VE on texts with no findings,
// with detection (fit, detected) as the command does.
func BenchmarkAlign(b *testing.B) {
	benchAlign(b, benchInput(10000), nil, false, true)
}

// BenchmarkAlignNoDetect is BenchmarkAlign without detection: the cost of
// fit and detected is the difference, measured in the same run.
func BenchmarkAlignNoDetect(b *testing.B) {
	benchAlign(b, benchInput(10000), nil, false, false)
}

// BenchmarkAlignLexicon is habla align --target es-VE with the built-in
// lexicon on texts where most records have lexical findings.
func BenchmarkAlignLexicon(b *testing.B) {
	lex, err := lexicon.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	benchAlign(b, benchRecords(10000, benchLexical), lex, true, true)
}

// BenchmarkAlignLexiconNoDetect is BenchmarkAlignLexicon without detection.
func BenchmarkAlignLexiconNoDetect(b *testing.B) {
	lex, err := lexicon.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	benchAlign(b, benchRecords(10000, benchLexical), lex, true, false)
}

// BenchmarkAlignConventions is habla align --target es-VE on texts with
// numbers, prices, dates, times and quotes, about one finding each.
func BenchmarkAlignConventions(b *testing.B) {
	benchAlign(b, benchRecords(10000, benchConventions), nil, true, true)
}

// benchAlign runs align for es-VE over in with 1 and 2 workers; without
// findingsOK a finding is an error (the no-findings baseline); detect adds
// the Detector that habla align uses.
func benchAlign(b *testing.B, in []byte, lex *lexicon.Lexicon, findingsOK, detect bool) {
	set, err := dialects.Load()
	if err != nil {
		b.Fatal(err)
	}
	p, _ := set.Resolve("es-VE")
	var det *align.Detector
	if detect {
		if det, err = align.NewDetector(align.DetectOptions{Lexicon: lex}); err != nil {
			b.Fatal(err)
		}
	}
	a, err := align.New(align.Options{Target: p, Lexicon: lex, Detector: det})
	if err != nil {
		b.Fatal(err)
	}
	newMap := func() jsonl.MapFunc {
		w := a.NewWorker()
		return func(rec *jsonl.Record, dst []byte) ([]byte, error) {
			res := w.AlignReused(rec.Text) // as habla align does
			if !findingsOK && len(res.Findings) > 0 {
				return nil, fmt.Errorf("unexpected findings in %q", rec.Text)
			}
			return res.AppendJSON(dst), nil
		}
	}
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			benchRun(b, in, workers, newMap)
		})
	}
}

// BenchmarkEchoLexical is the bare echo over the same records as
// BenchmarkAlignLexicon, for the ratio in the same run.
func BenchmarkEchoLexical(b *testing.B) { benchEcho(b, benchRecords(10000, benchLexical)) }

func benchRun(b *testing.B, in []byte, workers int, newMap func() jsonl.MapFunc) {
	b.SetBytes(int64(len(in)))
	cfg := jsonl.Config{Workers: workers}
	for b.Loop() {
		_, err := jsonl.Run(context.Background(), cfg, []jsonl.Input{{Name: "bench", R: bytes.NewReader(in)}}, io.Discard, newMap)
		if err != nil {
			b.Fatal(err)
		}
	}
}

// corpusRecords is 200,000 JSONL records (about 36 MB) whose texts are
// runs of sentences from the ACTIV-ES train documents (Argentine, Mexican
// and Peninsular film subtitles), read in place: real vocabulary, voseo,
// vosotros, Peninsular words and perfects, so every finding kind the
// engine has fires for an es-VE target.
var corpusRecords = sync.OnceValues(func() ([]byte, error) {
	const dir = "../../../shared/data/activ-es/"
	split, err := os.ReadFile(dir + "SPLIT.tsv")
	if err != nil {
		return nil, err
	}
	var sentences []string
	for line := range strings.Lines(string(split)) {
		name, role, _ := strings.Cut(strings.TrimSpace(line), "\t")
		if role != "train" {
			continue
		}
		doc, err := os.ReadFile(dir + "corpus_plain/" + name)
		if err != nil {
			return nil, err
		}
		for s := range strings.SplitSeq(string(doc), " . ") {
			if s = strings.TrimSpace(s); len(s) > 10 {
				sentences = append(sentences, s+".")
			}
		}
	}
	if len(sentences) == 0 {
		return nil, fmt.Errorf("no sentences in %s", dir)
	}
	var b bytes.Buffer
	next := 0
	for i := range 200000 {
		var text strings.Builder
		for text.Len() < 140 {
			if text.Len() > 0 {
				text.WriteByte(' ')
			}
			text.WriteString(sentences[next%len(sentences)])
			next++
		}
		fmt.Fprintf(&b, "{\"id\":\"r%d\",\"model\":\"m-%d\",\"text\":%s}\n", i, i%3, strconv.Quote(text.String()))
	}
	return b.Bytes(), nil
})

func corpusInput(b *testing.B) []byte {
	in, err := corpusRecords()
	if err != nil {
		b.Skipf("ACTIV-ES beside the checkout: %v", err)
	}
	return in
}

// BenchmarkCorpusEcho and BenchmarkCorpusAlign are issue 5's speed
// measure: align for es-VE with the lexicon (every finding kind) against
// the bare echo, on the same 200,000 records, in one run.
func BenchmarkCorpusEcho(b *testing.B) { benchEcho(b, corpusInput(b)) }

func BenchmarkCorpusAlign(b *testing.B) {
	lex, err := lexicon.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	benchAlign(b, corpusInput(b), lex, true, true)
}

// BenchmarkCorpusAlignNoLexicon is BenchmarkCorpusAlign without the
// lexicon: the address, morphology and convention checks alone.
func BenchmarkCorpusAlignNoLexicon(b *testing.B) { benchAlign(b, corpusInput(b), nil, true, true) }
