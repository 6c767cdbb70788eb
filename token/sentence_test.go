package token

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func sentenceTexts(s string, spans []Span) []string {
	out := []string{}
	for _, sp := range spans {
		out = append(out, s[sp.ByteStart:sp.ByteEnd])
	}
	return out
}

var sentenceTests = []struct {
	name string
	in   string
	want []string
}{
	{"empty", "", nil},
	{"blank", " \n\t ", nil},
	{"simple", "Hola. Adiós.", []string{"Hola.", "Adiós."}},
	{"surrounding space", "  Hola.  ", []string{"Hola."}},
	{"no capital after stop", "Vino el 3. y se fue.", []string{"Vino el 3. y se fue."}},
	{"no space after stop", "Hola.Adiós.", []string{"Hola.Adiós."}},
	{"number then stop", "Tengo 3. Luego 4.", []string{"Tengo 3.", "Luego 4."}},
	{"questions", "¿Vienes? ¡Claro! Bien.", []string{"¿Vienes?", "¡Claro!", "Bien."}},
	{"inverted without space", "¿Vienes?¡Claro!", []string{"¿Vienes?", "¡Claro!"}},
	{"question mid sentence", "¿Vienes? preguntó ella.", []string{"¿Vienes? preguntó ella."}},
	{"closing quote", "«¿Vienes?», preguntó. Dijo: «Ya voy.» Y se fue.", []string{"«¿Vienes?», preguntó.", "Dijo: «Ya voy.»", "Y se fue."}},
	{"dialogue dash", "—¿Vienes? —Sí. —Bueno.", []string{"—¿Vienes?", "—Sí.", "—Bueno."}},
	{"opening quote", "Llegó. «Hola», dijo.", []string{"Llegó.", "«Hola», dijo."}},
	{"ellipsis", "Y a lo mejor ... arriba no está. No sé… Tal vez... Quién sabe.", []string{"Y a lo mejor ... arriba no está.", "No sé…", "Tal vez...", "Quién sabe."}},
	{"titles", "El Sr. Pérez y la Sra. Díaz vieron a la Dra. Rangel y al Dr. Alegre. Después, nada.",
		[]string{"El Sr. Pérez y la Sra. Díaz vieron a la Dra. Rangel y al Dr. Alegre.", "Después, nada."}},
	{"usted", "¿Ud. Sabe? Uds. Vienen.", []string{"¿Ud. Sabe?", "Uds. Vienen."}},
	{"times", "Llegó a las 10 a. m. Luego se fue a las 5 p. m. Ya.", []string{"Llegó a las 10 a. m. Luego se fue a las 5 p. m. Ya."}},
	{"inverted after abbreviation", "Llegó a las 10 a. m. ¿Y usted? Vino el Sr. ¡Qué sorpresa!", []string{"Llegó a las 10 a. m.", "¿Y usted?", "Vino el Sr.", "¡Qué sorpresa!"}},
	{"p. ej.", "Frutas, p. ej. Mangos y piñas.", []string{"Frutas, p. ej. Mangos y piñas."}},
	{"EE. UU.", "Vivo en EE. UU. Trabajo allá.", []string{"Vivo en EE. UU. Trabajo allá."}},
	{"references", "Ver núm. 5 en la pág. Siete. Fin.", []string{"Ver núm. 5 en la pág. Siete.", "Fin."}},
	{"abbreviation upper", "NÚM. 5 y PÁG. Ocho.", []string{"NÚM. 5 y PÁG. Ocho."}},
	{"initials", "J. R. R. Tolkien escribió. Yo leí.", []string{"J. R. R. Tolkien escribió.", "Yo leí."}},
	{"words not abbreviations", "Tiene un don. Lo sabe. Mide 5 mm. Luego, nada.", []string{"Tiene un don.", "Lo sabe.", "Mide 5 mm.", "Luego, nada."}},
	{"etc ends", "Pan, leche, etc. Luego volví.", []string{"Pan, leche, etc.", "Luego volví."}},
	{"numbers", "Cuesta 1.234,56 Bs. Es caro: 3.5 veces más.", []string{"Cuesta 1.234,56 Bs.", "Es caro: 3.5 veces más."}},
	{"url", "Visita https://habla.es/docs. Luego vuelve a www.x.org/A.B y Juan.", []string{"Visita https://habla.es/docs.", "Luego vuelve a www.x.org/A.B y Juan."}},
	{"email", "Escribe a ana.Perez@x.com. Gracias.", []string{"Escribe a ana.Perez@x.com.", "Gracias."}},
	{"line break", "Línea uno\nLínea dos\r\n\r\nPárrafo", []string{"Línea uno", "Línea dos", "Párrafo"}},
	{"unicode line separators", "uno\u2028dos\u2029tres\u0085cuatro", []string{"uno", "dos", "tres", "cuatro"}},
	{"emoji after stop", "¡Genial! 👍🏽😀 Nos vemos. Llegué 👍🏽 Bien.", []string{"¡Genial! 👍🏽😀", "Nos vemos.", "Llegué 👍🏽 Bien."}},
	{"long ellipsis", "Bueno.... Vale.. Sí?! No.", []string{"Bueno....", "Vale..", "Sí?!", "No."}},
	{"nfd capital", "Fin. E\u0301l vino.", []string{"Fin.", "E\u0301l vino."}},
}

func TestSentences(t *testing.T) {
	for _, tc := range sentenceTests {
		t.Run(tc.name, func(t *testing.T) {
			spans := Sentences(tc.in)
			checkSentences(t, tc.in, spans)
			want := tc.want
			if want == nil {
				want = []string{}
			}
			if diff := cmp.Diff(want, sentenceTexts(tc.in, spans)); diff != "" {
				t.Errorf("Sentences(%q) mismatch (-want +got):\n%s", tc.in, diff)
			}
		})
	}
}

func TestSentenceOffsets(t *testing.T) {
	in := "👍🏽 ¡Qué! Sí."
	want := []Span{{Start: 0, End: 8, ByteStart: 0, ByteEnd: 16}, {Start: 9, End: 12, ByteStart: 17, ByteEnd: 21}}
	if diff := cmp.Diff(want, Sentences(in)); diff != "" {
		t.Errorf("Sentences(%q) mismatch (-want +got):\n%s", in, diff)
	}
}
