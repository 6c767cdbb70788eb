package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
	"gopkg.in/yaml.v3"

	"github.com/habla-es/habla/dialects"
)

func newDialectsCmd(g *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "dialects",
		Aliases: []string{"dialect", "varieties"},
		Short:   "List and show the varieties of Spanish habla knows",
	}
	cmd.AddCommand(newDialectsListCmd(g), newDialectsShowCmd(g))
	return cmd
}

type dialectsListOptions struct {
	io     *IOStreams
	format string
}

func newDialectsListCmd(g *globalOptions) *cobra.Command {
	opts := &dialectsListOptions{io: g.io}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the varieties: tag, name, region group, address system",
		Long:  "List every variety profile: its tag, names, region group and address system." + exitStatusHelp,
		Example: `  habla dialects list
  habla dialects list --format json | jq -r '.[].tag'`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if err := checkFormat(opts.format, "table", "json"); err != nil {
				return err
			}
			return dialectsListRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "table", "output format: table or json")
	return cmd
}

func dialectsListRun(o *dialectsListOptions) error {
	set, err := dialects.Load()
	if err != nil {
		return err
	}
	if o.format == "json" {
		return writeJSON(o.io.Out, set.Profiles())
	}
	tw := tabwriter.NewWriter(o.io.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TAG\tNAME\tGROUP\tINFORMAL\tPLURAL\tVOSEO")
	for _, p := range set.Profiles() {
		a := p.Address
		voseo := a.Voseo.Type
		if a.Voseo.Paradigm != "" {
			voseo += " (" + a.Voseo.Paradigm + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", p.Tag, p.Names.En, p.Group,
			strings.Join(a.Informal, ", "), a.Plural, voseo)
	}
	return tw.Flush()
}

type dialectsShowOptions struct {
	io     *IOStreams
	format string
	tag    string
}

func newDialectsShowCmd(g *globalOptions) *cobra.Command {
	opts := &dialectsShowOptions{io: g.io}
	cmd := &cobra.Command{
		Use:   "show TAG",
		Short: "Show one variety's profile",
		Long: `Show a variety's whole profile: names, parent chain, address system, tense
preferences, conventions (numbers, currency, dates, times, quotes) and the
sources of each fact. TAG may be a tag (es-VE, es_VE) or a name (venezuelan,
rioplatense, zuliano).` + exitStatusHelp,
		Example: `  habla dialects show es-VE
  habla dialects show rioplatense --format json
  habla dialects show zuliano`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.tag = args[0]
			if err := checkFormat(opts.format, "yaml", "json"); err != nil {
				return err
			}
			return dialectsShowRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "yaml", "output format: yaml or json")
	return cmd
}

// profileView is a profile as shown, with its resolved parent chain.
type profileView struct {
	*dialects.Profile `yaml:",inline"`
	Chain             []string `json:"chain" yaml:"chain"`
}

func dialectsShowRun(o *dialectsShowOptions) error {
	set, err := dialects.Load()
	if err != nil {
		return err
	}
	p, err := set.Resolve(o.tag)
	if err != nil {
		return usageErr(err)
	}
	view := profileView{Profile: p, Chain: set.Chain(p)}
	if o.format == "json" {
		return writeJSON(o.io.Out, view)
	}
	enc := yaml.NewEncoder(o.io.Out)
	enc.SetIndent(2)
	if err := enc.Encode(view); err != nil {
		return err
	}
	return enc.Close()
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
