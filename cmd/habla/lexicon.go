package main

import (
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
	packs := g.packs
	if len(packs) == 0 {
		c, err := g.loadConfig()
		if err != nil {
			return nil, err
		}
		packs = c.Lexicon
	}
	var l *lexicon.Lexicon
	var err error
	if len(packs) == 0 {
		l, err = lexicon.Builtin()
	} else {
		var set *dialects.Set
		if set, err = dialects.Load(); err == nil {
			l, err = lexicon.Load(set, packs...)
		}
	}
	if err != nil {
		return nil, usageErr(err)
	}
	g.lexicon = l
	return l, nil
}
