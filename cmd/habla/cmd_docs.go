package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

func newDocsCmd(root *cobra.Command) *cobra.Command {
	docs := &cobra.Command{
		Use:   "docs",
		Short: "Generate documentation",
	}
	docs.AddCommand(&cobra.Command{
		Use:   "man DIR",
		Short: "Write man pages for every command into DIR",
		Example: `  habla docs man ./man
  man ./man/habla-align.1`,
		Long: "Write one man page (section 1) per command into DIR, creating it if needed." + exitStatusHelp,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			if err := os.MkdirAll(args[0], 0o755); err != nil {
				return usageErr(fmt.Errorf("docs man: %w", err))
			}
			header := &doc.GenManHeader{Title: "HABLA", Section: "1", Source: "habla " + version()}
			root.DisableAutoGenTag = true
			return doc.GenManTree(root, header, args[0])
		},
	})
	return docs
}
