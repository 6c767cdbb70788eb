package token

import (
	"os"
	"strings"
	"testing"
)

// benchText is ordinary Spanish of the kind habla audits: dialogue,
// prices, dates, times, an address, a link and a few emoji. Written for
// these benchmarks.
const benchText = `—¿Ya llegaste? —preguntó Mariela desde la cocina—. Te estuve esperando toda la tarde.
—Sí, perdón. El autobús se quedó accidentado en la autopista y tuvimos que caminar casi 2 km bajo el sol. ¡Qué calor hacía!
El Sr. Rodríguez dijo que la reunión con la Dra. Pérez será el 12/05/2024 a las 10:30 a. m., en la oficina de la Av. Libertador, piso 3.
La factura llegó por Bs. 1.234,56, o sea, unos $35,50 al cambio de hoy; en México serían MXN 1,234.56 y en Madrid 30,25 €.
¿Me pasás el enlace? Está en https://www.ejemplo.com.ve/noticias/economia?id=2024 y también en www.habla.es/docs.
Escríbanle a atencion.cliente@ejemplo.com si tienen dudas 👍🏽. ¡Nos vemos el sábado! 🇻🇪🇦🇷
Vos sabés que el pingüino del zoológico ya no está; se lo llevaron a otro parque, teórico-práctico o no, ¿verdad?
Ustedes vinieron temprano, pero vosotros llegasteis tarde... Y así, señores, terminó la historia del 1.º de mayo.
`

func benchCorpus(b *testing.B) string {
	files := corpusFiles(b, 1)
	data, err := os.ReadFile(files[0])
	if err != nil {
		b.Fatal(err)
	}
	return string(data)
}

func BenchmarkTokenize(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		_ = Tokenize(benchText)
	}
}

func BenchmarkAppendTokens(b *testing.B) {
	var buf []Token
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		buf = AppendTokens(buf[:0], benchText)
	}
}

func BenchmarkAppendTokensCorpus(b *testing.B) {
	text := benchCorpus(b)
	var buf []Token
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		buf = AppendTokens(buf[:0], text)
	}
}

func BenchmarkSentences(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		_ = Sentences(benchText)
	}
}

// BenchmarkAppendFoldTokens folds every word as the lexicon matcher does:
// token by token into a reused buffer.
func BenchmarkAppendFoldTokens(b *testing.B) {
	toks := Tokenize(benchText)
	var buf []byte
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range toks {
			buf = AppendFold(buf[:0], t.Text)
		}
	}
}

func BenchmarkFold(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		_ = Fold(benchText)
	}
}

// BenchmarkFoldFolded measures the fast path: already folded text comes
// back as is.
func BenchmarkFoldFolded(b *testing.B) {
	text := Fold(benchText)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		_ = Fold(text)
	}
}

// BenchmarkFoldNFD measures decomposed input, which has to be composed.
func BenchmarkFoldNFD(b *testing.B) {
	text := strings.NewReplacer("á", "a\u0301", "é", "e\u0301", "í", "i\u0301", "ó", "o\u0301", "ú", "u\u0301", "ñ", "n\u0303").Replace(benchText)
	var buf []byte
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		buf = AppendFold(buf[:0], text)
	}
}
