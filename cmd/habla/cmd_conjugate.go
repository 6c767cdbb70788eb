package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/habla-es/habla/dialects"
	"github.com/habla-es/habla/internal/jsonl"
	"github.com/habla-es/habla/lexicon/morph"
)

type conjugateOptions struct {
	g       *globalOptions
	verb    string
	dialect string
	address string
	format  string
	rule    bool
}

func newConjugateCmd(g *globalOptions) *cobra.Command {
	opts := &conjugateOptions{g: g}
	cmd := &cobra.Command{
		Use:   "conjugate VERB",
		Short: "Conjugate a verb for a variety's address system",
		Long: `Conjugate a verb in every simple tense. The second persons are the
variety's own: 2s is vos where the variety vosea (tenés in es-AR, tenéis in
Maracaibo), tú elsewhere; 2p is vosotros in Spain and ustedes in the
Americas. --address asks for one explicitly: tu, vos, usted, vosotros or
ustedes. The subjunctive of vos is the tuteo form, the cultured norm (DPD,
"voseo"). Defective verbs (soler, atañer, concernir…) show — where the
DPD says a form is not used. A verb missing from the list (RLA-ES) is an
error, unless --rule asks for its regular conjugation.` + exitStatusHelp,
		Example: `  habla conjugate tener --dialect es-AR
  habla conjugate poder --dialect zuliano --format json
  habla conjugate ir --address vosotros`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.verb = args[0]
			if err := checkFormat(opts.format, "table", "json"); err != nil {
				return err
			}
			return conjugateRun(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.dialect, "dialect", "d", "es", "variety whose second persons to use")
	cmd.Flags().StringVar(&opts.address, "address", "", "one address for the second person: tu, vos, usted, vosotros or ustedes")
	cmd.Flags().StringVar(&opts.format, "format", "table", "output format: table or json")
	cmd.Flags().BoolVar(&opts.rule, "rule", false, "conjugate a verb missing from the list by rule, as a regular verb of its class")
	return cmd
}

// conjugation cells in the order they are shown.
var conjugationCells = []struct {
	mood  morph.Mood
	tense morph.Tense
}{
	{morph.Indicative, morph.Present}, {morph.Indicative, morph.Preterite},
	{morph.Indicative, morph.Imperfect}, {morph.Indicative, morph.Future},
	{morph.Indicative, morph.Conditional}, {morph.Subjunctive, morph.Present},
	{morph.Subjunctive, morph.ImperfectRa}, {morph.Subjunctive, morph.ImperfectSe},
	{morph.Imperative, morph.Affirmative}, {morph.Imperative, morph.Negative},
}

func conjugateRun(o *conjugateOptions) error {
	if base, ok := strings.CutSuffix(strings.ToLower(o.verb), "se"); ok && morph.Known(base) {
		return usageErr(fmt.Errorf("conjugate: %q is pronominal: conjugate %q, without the pronoun", o.verb, base))
	}
	v, err := morph.Lookup(o.verb)
	if err != nil {
		return usageErr(fmt.Errorf("conjugate: %w", err))
	}
	if !o.rule && !morph.Known(v.Infinitive) {
		return usageErr(fmt.Errorf("conjugate: %q is not in the verb list (%d verbs from the RLA-ES dictionaries); --rule conjugates it as a regular verb",
			o.verb, len(morph.Verbs())))
	}
	p, err := resolveTarget(o.dialect)
	if err != nil {
		return err
	}
	s2, p2, err := secondPersons(p, o.address)
	if err != nil {
		return err
	}
	rows := make([][6]string, len(conjugationCells))
	for i, c := range conjugationCells {
		for j, person := range morph.Persons {
			rows[i][j] = v.Form(c.mood, c.tense, person)
		}
		rows[i][1] = v.Address(c.mood, c.tense, s2)
		rows[i][4] = v.Address(c.mood, c.tense, p2)
		if c.mood == morph.Imperative && s2 == morph.Usted {
			rows[i][1] = v.Address(c.mood, c.tense, morph.Usted)
		}
	}
	if o.format == "json" {
		_, err := o.g.io.Out.Write(conjugationJSON(v, p, rows))
		return err
	}
	return writeConjugationTable(o.g.io, v, p, s2, p2, rows)
}

// secondPersons picks the paradigms of 2s and 2p: the variety's own, or
// the one --address names (vos in the variety's voseo paradigm).
func secondPersons(p *dialects.Profile, address string) (morph.Paradigm, morph.Paradigm, error) {
	vos := morph.VosRioplatense
	switch p.Address.Voseo.Paradigm {
	case "chilean":
		vos = morph.VosChilean
	case "zulian":
		vos = morph.VosZulian
	}
	s2, p2 := morph.Tu, morph.Ustedes
	if len(p.Address.Informal) > 0 && p.Address.Informal[0] == "vos" {
		s2 = vos
	}
	if p.Address.UsesVosotros() {
		p2 = morph.Vosotros
	}
	switch address {
	case "":
	case "tu", "tú":
		s2 = morph.Tu
	case "vos":
		s2 = vos
	case "usted":
		s2 = morph.Usted
	case "vosotros":
		p2 = morph.Vosotros
	case "ustedes":
		p2 = morph.Ustedes
	default:
		return "", "", usageErr(fmt.Errorf("--address %q: want tu, vos, usted, vosotros or ustedes", address))
	}
	return s2, p2, nil
}

// conjugationJSON writes the stable shape of the issue: cells in order,
// persons 1s…3p, empty cells left out.
func conjugationJSON(v *morph.Verb, p *dialects.Profile, rows [][6]string) []byte {
	b := []byte(`{"verb":`)
	b = jsonl.AppendString(b, v.Infinitive)
	b = append(b, `,"dialect":`...)
	b = jsonl.AppendString(b, p.Tag)
	b = append(b, `,"forms":{`...)
	for i, c := range conjugationCells {
		if i > 0 {
			b = append(b, ',')
		}
		b = jsonl.AppendString(b, string(c.mood)+"."+string(c.tense))
		b = append(b, ":{"...)
		first := true
		for j, person := range morph.Persons {
			if rows[i][j] == "" {
				continue
			}
			if !first {
				b = append(b, ',')
			}
			first = false
			b = jsonl.AppendString(b, string(person))
			b = append(b, ':')
			b = jsonl.AppendString(b, rows[i][j])
		}
		b = append(b, '}')
	}
	b = append(b, `},"gerund":`...)
	b = jsonl.AppendString(b, v.Gerund())
	b = append(b, `,"participle":`...)
	b = jsonl.AppendString(b, v.Participle())
	return append(b, "}\n"...)
}

func writeConjugationTable(io *IOStreams, v *morph.Verb, p *dialects.Profile, s2, p2 morph.Paradigm, rows [][6]string) error {
	fmt.Fprintf(io.Out, "%s · %s (%s) · gerundio %s · participio %s\n", v.Infinitive, p.Tag, p.Names.Es, v.Gerund(), v.Participle())
	tw := tabwriter.NewWriter(io.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "\tyo\t%s\tél/usted\tnosotros\t%s\tellos/ustedes\n", pronounOf(s2), pronounOf(p2))
	for i, c := range conjugationCells {
		cells := append([]string{string(c.mood) + "." + string(c.tense)}, rows[i][:]...)
		for j := range cells {
			if cells[j] == "" {
				cells[j] = "—"
			}
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	return tw.Flush()
}

func pronounOf(p morph.Paradigm) string {
	switch p {
	case morph.Tu:
		return "tú"
	case morph.Usted:
		return "usted"
	case morph.Vosotros:
		return "vosotros"
	case morph.Ustedes:
		return "ustedes"
	}
	return "vos"
}
