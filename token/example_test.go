package token_test

import (
	"fmt"

	"github.com/habla-es/habla/token"
)

func ExampleTokenize() {
	for _, t := range token.Tokenize("¿Vienes, café 👍🏽?") {
		fmt.Printf("%-6s %q code points [%d,%d) bytes [%d,%d)\n", t.Kind, t.Text, t.Start, t.End, t.ByteStart, t.ByteEnd)
	}
	// Output:
	// punct  "¿" code points [0,1) bytes [0,2)
	// word   "Vienes" code points [1,7) bytes [2,8)
	// punct  "," code points [7,8) bytes [8,9)
	// word   "café" code points [9,13) bytes [10,15)
	// emoji  "👍🏽" code points [14,16) bytes [16,24)
	// punct  "?" code points [16,17) bytes [24,25)
}

func ExampleSentences() {
	s := "El Sr. Pérez llegó a las 10 a. m. ¿Y usted? Yo, tarde."
	for _, sp := range token.Sentences(s) {
		fmt.Println(s[sp.ByteStart:sp.ByteEnd])
	}
	// Output:
	// El Sr. Pérez llegó a las 10 a. m.
	// ¿Y usted?
	// Yo, tarde.
}

func ExampleFold() {
	fmt.Println(token.Fold("AÑO"), token.Fold("Pingüino"), token.Fold("Está"), token.Fold("año") == token.Fold("ano"))
	// Output: año pinguino esta false
}
