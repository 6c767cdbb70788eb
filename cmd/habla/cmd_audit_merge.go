package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/habla-es/habla/report"
)

type auditMergeOptions struct {
	g           *globalOptions
	passMark    float64
	setPassMark bool
	render      renderFlags
	files       []string
}

const auditFilesExitHelp = `

EXIT STATUS
  0    success
  2    usage error, or a file that is not an audit summary, or summaries that
       do not go together (other target, weights, --by field or pass mark)
  130  interrupted`

func newAuditMergeCmd(g *globalOptions, runF func(*auditMergeOptions) error) *cobra.Command {
	opts := &auditMergeOptions{g: g}
	cmd := &cobra.Command{
		Use:   "merge PART.json...",
		Short: "Add up audit summaries of the parts of a set",
		Long: `Merge the JSON summaries of habla audit run on the parts of a set (shards of
a file, days of logs, the workers of a cluster job) into the summary of the
whole: the same figures, percentiles included, as auditing the whole set at
once. The parts must share the target, the severity weights, the --by field
and the pass mark (--pass-mark here sets a new one). Each part keeps its
worst records; the merge keeps the fewest any part kept.` + auditFilesExitHelp,
		Example: `  # The reduce step of a sharded run
  habla audit merge part-*.json > audit.json

  # The merged report, for people
  habla audit merge --format html part-*.json > audit.html`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.files = args
			if err := opts.render.complete(g.io, "text", "md", "html", "json"); err != nil {
				return err
			}
			if opts.setPassMark = cmd.Flags().Changed("pass-mark"); opts.setPassMark {
				if err := checkPassMark(opts.passMark); err != nil {
					return err
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return auditMergeRun(opts)
		},
	}
	cmd.Flags().Float64Var(&opts.passMark, "pass-mark", 0, "the OQS the set needs to pass (default: the parts')")
	opts.render.register(cmd, "text, md, html or json")
	return cmd
}

func auditMergeRun(o *auditMergeOptions) error {
	parts := make([]*report.Summary, len(o.files))
	for i, name := range o.files {
		s, err := readSummary(name)
		if err != nil {
			return err
		}
		if o.setPassMark {
			s.PassMark = o.passMark
		}
		parts[i] = s
	}
	sum, err := report.MergeAll(parts)
	if err != nil {
		return usageErr(fmt.Errorf("audit merge: %w", err))
	}
	return writeReport(o.g.io, sum, o.render)
}

// readSummary reads one JSON audit summary.
func readSummary(name string) (*report.Summary, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, usageErr(err)
	}
	defer f.Close()
	s, err := report.ReadJSON(f)
	if err != nil {
		return nil, usageErr(fmt.Errorf("%s: %w", name, err))
	}
	return s, nil
}

type auditDiffOptions struct {
	g        *globalOptions
	render   renderFlags
	old, new string
}

func newAuditDiffCmd(g *globalOptions, runF func(*auditDiffOptions) error) *cobra.Command {
	opts := &auditDiffOptions{g: g}
	cmd := &cobra.Command{
		Use:   "diff OLD.json NEW.json",
		Short: "Compare two audit summaries: what improved, what regressed",
		Long: `Compare the JSON audit summaries of two sets for the same target, such as
two versions of a model answering the same prompts: the shift of the OQS
and of the naturalness mean, median and 10th percentile, the findings per
1,000 words by kind, and the issues that are new (and those that are gone).` + auditFilesExitHelp,
		Example: `  habla audit --target es-VE --format json v1.jsonl > v1.json
  habla audit --target es-VE --format json v2.jsonl > v2.json
  habla audit diff v1.json v2.json

  # For a pull request description
  habla audit diff --format md v1.json v2.json`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.old, opts.new = args[0], args[1]
			if err := opts.render.complete(g.io, "text", "md", "json"); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return auditDiffRun(opts)
		},
	}
	opts.render.register(cmd, "text, md or json")
	return cmd
}

func auditDiffRun(o *auditDiffOptions) error {
	old, err := readSummary(o.old)
	if err != nil {
		return err
	}
	new, err := readSummary(o.new)
	if err != nil {
		return err
	}
	d, err := report.Compare(old, new)
	if err != nil {
		return usageErr(fmt.Errorf("audit diff: %w", err))
	}
	ro := report.RenderOptions{Top: o.render.top, Color: useColor(o.g.io)}
	switch o.render.format {
	case "text":
		return d.WriteText(o.g.io.Out, ro)
	case "md":
		return d.WriteMarkdown(o.g.io.Out, ro)
	default:
		return d.WriteJSON(o.g.io.Out)
	}
}
