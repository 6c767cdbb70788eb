package main

import (
	"errors"

	"github.com/habla-es/habla/dialects"
	"github.com/habla-es/habla/lexicon"
)

// loadLexicon loads the built-in lexicon with the packs of --lexicon, or
// of lexicon: in habla.yaml when no --lexicon is given. Errors in a pack
// are usage errors, each line file:line:col.
func (g *globalOptions) loadLexicon() (*lexicon.Lexicon, error) {
	if g.lexicon != nil {
		return g.lexicon, nil
	}
	c, err := g.loadConfig()
	if err != nil {
		return nil, err
	}
	packs, only := g.packs, g.packsOnly || c.LexiconOnly
	if len(packs) == 0 {
		packs = c.Lexicon
	}
	if only && len(packs) == 0 {
		return nil, usageErr(errors.New("--lexicon-only needs at least one --lexicon pack"))
	}
	var l *lexicon.Lexicon
	if len(packs) == 0 {
		l, err = lexicon.Builtin()
	} else {
		var set *dialects.Set
		if set, err = dialects.Load(); err == nil && only {
			l, err = lexicon.LoadPacks(set, packs...)
		} else if err == nil {
			l, err = lexicon.Load(set, packs...)
		}
	}
	if err != nil {
		return nil, usageErr(err)
	}
	g.lexicon = l
	return l, nil
}
