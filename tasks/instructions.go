package tasks

import (
	"fmt"
	"strings"
)

// instructions tell the annotator, in Spanish, what to decide.
func instructions(t *Task) string {
	sugg := "otra forma"
	if len(t.Suggestions) > 0 {
		sugg = "«" + strings.Join(t.Suggestions, "» o «") + "»"
	}
	var b strings.Builder
	switch t.Kind {
	case Replace:
		fmt.Fprintf(&b, "¿Cambiar «%s» por %s en esta variedad (%s)? Acepte si el cambio suena natural allí y conserva el sentido; si no, rechace. Puede escribir otra palabra mejor.", t.Text, sugg, t.Target)
	case ConvertAddress:
		fmt.Fprintf(&b, "El tratamiento no es el de %s: ¿cambiar «%s» por %s? Revise que verbos, pronombres y posesivos de la frase concuerden con el cambio.", t.Target, t.Text, sugg)
	case FixConvention:
		fmt.Fprintf(&b, "¿Adaptar «%s» a la convención de %s (%s)? Acepte si la forma sugerida es la correcta allí.", t.Text, t.Target, sugg)
	case RemoveTaboo:
		fmt.Fprintf(&b, "«%s» puede sonar vulgar u ofensivo en %s. ¿Reemplazarlo por %s? Si el sentido vulgar es intencionado, rechace.", t.Text, t.Target, sugg)
	case Review:
		change := "escriba el cambio"
		if len(t.Suggestions) > 0 {
			change = "por " + sugg + ", o escriba otro cambio"
		}
		fmt.Fprintf(&b, "habla no pudo decidir sobre «%s» en %s. Lea el contexto: acepte si hay que cambiarlo (%s) o rechace si está bien como está.", t.Text, t.Target, change)
	case Rate:
		fmt.Fprintf(&b, "Puntúe de 1 a 5 qué tan natural suena este texto para un hablante de %s (1: claramente de otra variedad; 5: natural). La puntuación propuesta viene de habla.", t.Target)
	}
	if n := len(t.Occurrences); n > 1 && t.Kind != Rate {
		fmt.Fprintf(&b, " La decisión vale para las %d apariciones.", n)
	}
	return b.String()
}
