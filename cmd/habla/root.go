package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/habla-es/habla/lexicon"
)

// run is the whole program: it parses args, runs a command and returns the
// exit status.
func run(args []string, io *IOStreams) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// Ignore SIGPIPE so that writing to a closed pipe (habla … | head -1)
	// fails with EPIPE, which exitCode turns into a quiet success.
	signal.Ignore(syscall.SIGPIPE)

	g := &globalOptions{io: io}
	root := newRootCmd(g)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err != nil && ctx.Err() != nil {
		err = errInterrupted
	}
	return exitCode(err, io)
}

// globalOptions are the flags every command sees.
type globalOptions struct {
	io         *IOStreams
	configPath string
	config     *config // loaded on first use
	packs      []string
	packsOnly  bool
	lexicon    *lexicon.Lexicon // loaded on first use
}

func newRootCmd(g *globalOptions) *cobra.Command {
	root := &cobra.Command{
		Use:   "habla",
		Short: "Check and localize Spanish text for a regional variety",
		Long: `habla knows the regional varieties of Spanish (Venezuelan, Rioplatense,
Mexican, Peninsular and the rest). It checks model outputs against a target
variety, reports what sounds foreign there, and scores how natural each
output sounds. Per-record commands read JSONL (one object per line) or plain
text and write each input object back with one key added.`,
		SilenceErrors: true,
		SilenceUsage:  true,
		Version:       version(),
	}
	root.SetIn(g.io.In)
	root.SetOut(g.io.Out)
	root.SetErr(g.io.ErrOut)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageErr(err) })
	root.PersistentFlags().StringVar(&g.configPath, "config", "",
		"read settings from this habla.yaml (default: $HABLA_CONFIG if set)")
	root.PersistentFlags().StringArrayVar(&g.packs, "lexicon", nil,
		"add a lexicon pack (a YAML file or a directory of them); repeatable; replaces lexicon: in habla.yaml")
	root.PersistentFlags().BoolVar(&g.packsOnly, "lexicon-only", false,
		"use only the --lexicon packs, without the built-in lexicon")
	root.AddCommand(
		newAlignCmd(g, nil),
		newScoreCmd(g, nil),
		newDetectCmd(g, nil),
		newLocalizeCmd(g, nil),
		newAuditCmd(g, nil),
		newDialectsCmd(g),
		newLexiconCmd(g),
		newCorpusCmd(g),
		newConjugateCmd(g),
		newAnalyzeCmd(g),
		newTasksCmd(g, nil),
		newDocsCmd(root),
		newVersionCmd(g),
	)
	return root
}
