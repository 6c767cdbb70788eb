package align

import (
	"errors"
	"os"
	"testing"

	"github.com/habla-es/habla/dialects"
	"github.com/habla-es/habla/internal/firefox"
	"github.com/habla-es/habla/lexicon"
	"github.com/habla-es/habla/token"
)

// TestFirefoxParallel is issue 5's evaluation on the Firefox strings
// (EVALUATION.md): each es-ES string is aligned for es-AR, es-CL and es-MX
// with every finding kind and the built-in lexicon.
//
//	recall:       of the es-ES word tokens that the real localized string
//	              does not keep (outside the longest common subsequence of
//	              the two strings' words), the share inside a finding;
//	false alarms: findings on the real localized strings, per 100 strings;
//	naturalness:  of the pairs that differ, the share where the localized
//	              string scores higher than the es-ES one, and the ties.
//
// Run: go test ./align/ -run FirefoxParallel -v
func TestFirefoxParallel(t *testing.T) {
	rows, err := firefox.Read(firefox.Path)
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("Firefox data not found beside the checkout: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	lex, err := lexicon.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	set, _ := dialects.Load()
	locales := firefox.Locales
	type tally struct {
		strings, differ, diffTokens, flaggedTokens, alarms int
		quoteAlarms                                        int
		higher, ties                                       int
		alarmRules                                         map[string]int
	}
	workers := map[string]*Worker{}
	tallies := map[string]*tally{}
	for _, loc := range locales {
		p, err := set.Resolve(loc)
		if err != nil {
			t.Fatal(err)
		}
		a, err := New(Options{Target: p, Lexicon: lex})
		if err != nil {
			t.Fatal(err)
		}
		workers[loc], tallies[loc] = a.NewWorker(), &tally{alarmRules: map[string]int{}}
	}
	for _, row := range rows {
		es := row.ES
		for i, loc := range locales {
			tr, w, tl := row.Localized[i], workers[loc], tallies[loc]
			if tr == "" || es == "" {
				continue
			}
			tl.strings++
			rt := w.Align(tr)
			tl.alarms += len(rt.Findings)
			for _, f := range rt.Findings {
				tl.alarmRules[f.Rule]++
				if f.Rule == "convention/quotes" {
					tl.quoteAlarms++
				}
			}
			if tr == es {
				continue
			}
			tl.differ++
			rs := w.Align(es)
			switch {
			case rt.Naturalness > rs.Naturalness:
				tl.higher++
			case rt.Naturalness == rs.Naturalness:
				tl.ties++
			}
			for _, tok := range droppedTokens(es, tr) {
				tl.diffTokens++
				for _, f := range rs.Findings {
					if f.ByteStart < tok.ByteEnd && tok.ByteStart < f.ByteEnd {
						tl.flaggedTokens++
						break
					}
				}
			}
		}
	}
	for _, loc := range locales {
		tl := tallies[loc]
		t.Logf("%s: %d strings, %d differ from es-ES; recall %.1f%% of %d dropped es-ES tokens; "+
			"false alarms %.2f per 100 localized strings (%.2f without straight quotes, which Mozilla's strings use); "+
			"localized scores higher in %.1f%% of differing pairs, ties %.1f%%",
			loc, tl.strings, tl.differ, pct(tl.flaggedTokens, tl.diffTokens), tl.diffTokens,
			100*float64(tl.alarms)/float64(max(tl.strings, 1)),
			100*float64(tl.alarms-tl.quoteAlarms)/float64(max(tl.strings, 1)),
			pct(tl.higher, tl.differ), pct(tl.ties, tl.differ))
		t.Logf("%s: false alarms by rule: %v", loc, tl.alarmRules)
	}
}

// droppedTokens are the word tokens of a outside the longest common
// subsequence of a's and b's words (compared folded).
func droppedTokens(a, b string) []token.Token {
	var ta, tb []token.Token
	for _, tk := range token.Tokenize(a) {
		if tk.Kind == token.Word {
			ta = append(ta, tk)
		}
	}
	for _, tk := range token.Tokenize(b) {
		if tk.Kind == token.Word {
			tb = append(tb, tk)
		}
	}
	fa, fb := make([]string, len(ta)), make([]string, len(tb))
	for i := range ta {
		fa[i] = token.Fold(ta[i].Text)
	}
	for i := range tb {
		fb[i] = token.Fold(tb[i].Text)
	}
	// lcs[i][j]: LCS length of fa[i:] and fb[j:].
	lcs := make([][]int, len(fa)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(fb)+1)
	}
	for i := len(fa) - 1; i >= 0; i-- {
		for j := len(fb) - 1; j >= 0; j-- {
			if fa[i] == fb[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []token.Token
	i, j := 0, 0
	for i < len(fa) {
		switch {
		case j < len(fb) && fa[i] == fb[j]:
			i, j = i+1, j+1
		case j < len(fb) && lcs[i][j+1] >= lcs[i+1][j]:
			j++
		default:
			out = append(out, ta[i])
			i++
		}
	}
	return out
}
