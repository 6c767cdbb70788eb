package morph

import (
	"cmp"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Notes of enclitic readings.
const (
	// NoteIros marks iros read as the vosotros imperative of irse: the RAE
	// accepts it beside the traditional idos (DPD "ir", 2; RAE 2014 note on
	// iros), as colloquial.
	NoteIros = "imperativo coloquial de irse, admitido por la RAE (normativo: «idos»)"
	// noteEncliticAccent prefixes the note of a reading found only by
	// ignoring the written accents; it names the correct spelling.
	noteEncliticAccent = "tilde: se escribe "
)

// CliticReading is one analysis of a verb with enclitic pronouns.
type CliticReading struct {
	// Reading is the host's reading: an affirmative imperative (Person and
	// Paradigm as Analyze gives them; the nosotros imperative is 1p with no
	// paradigm), a gerund, or an infinitive (NonFinite, InfinitiveForm).
	// Its Note is set for a word spelled with a wrong or missing accent
	// ("tilde: se escribe «siéntate»") and for iros (NoteIros).
	Reading
	// Host is the host as written alone: sentá for sentate, sienta for
	// siéntate, sentad for sentaos, sentemos for sentémonos.
	Host string
	// Clitics are the pronouns in written order: [me lo] for dímelo.
	Clitics []string
	// Form is the correctly written word, Enclitic's output.
	Form string
}

// maxClitics is the longest cluster read (se te lo: NGLE §16.4).
const maxClitics = 3

// AnalyzeEnclitic returns every reading of a word as a verb host followed
// by unstressed pronouns (dímelo: decir, imperative tú, [me lo]). Each
// candidate host is restored (accent removed or added, the -d of sentaos
// and the -s of sentémonos put back), read with Analyze or, for an
// infinitive, with Known, and kept only if Enclitic writes the same word
// back for that reading and cluster. So tomate is the vos imperative
// tomá+te and no tú reading; siéntete is sentir (tú) and not sentar
// (usted: te does not suit usted); mate, parte or frente have none.
//
// As with Analyze, accents count: when no reading regenerates the word
// exactly, the readings that match once accents are ignored are returned,
// each with a note naming the correct spelling (sientate, sentáte).
// Case is ignored. Readings are sorted like Analyze's, then by cluster.
func AnalyzeEnclitic(surface string) []CliticReading {
	return defaultAnalyzer().AnalyzeEnclitic(surface)
}

// AnalyzeEnclitic is the package-level AnalyzeEnclitic through a's cache
// of host analyses.
func (a *Analyzer) AnalyzeEnclitic(surface string) []CliticReading {
	s := norm.NFC.String(strings.ToLower(strings.TrimSpace(surface)))
	var exact, loose []CliticReading
	for _, sp := range cliticSplits(s) {
		for _, c := range a.hostReadings(sp.host, sp.clitics) {
			v, err := Lookup(c.Lemma)
			if err != nil {
				continue
			}
			c.Form = v.Enclitic(c.Mood, c.Tense, hostParadigm(c.Reading), c.Clitics...)
			switch {
			case c.Form == "":
			case c.Form == s:
				exact = append(exact, c)
			case stripAcute(c.Form) == stripAcute(s):
				c.Note = noteEncliticAccent + "«" + c.Form + "»"
				loose = append(loose, c)
			}
		}
	}
	if s == "iros" {
		exact = append(exact, CliticReading{Reading: Reading{Lemma: "ir", Mood: Imperative,
			Tense: Affirmative, Person: P2p, Paradigm: Vosotros, Note: NoteIros},
			Host: "id", Clitics: []string{"os"}, Form: "iros"})
	}
	out := exact
	if len(out) == 0 {
		out = loose
	}
	slices.SortFunc(out, compareCliticReadings)
	return slices.CompactFunc(out, func(a, b CliticReading) bool {
		return compareCliticReadings(a, b) == 0
	})
}

func compareCliticReadings(a, b CliticReading) int {
	return cmp.Or(compareReadings(a.Reading, b.Reading),
		slices.Compare(a.Clitics, b.Clitics), strings.Compare(a.Host, b.Host))
}

// hostParadigm is the paradigm argument of Enclitic for a host reading.
func hostParadigm(r Reading) Paradigm {
	if r.Mood == Imperative && r.Person == P1p {
		return Nosotros
	}
	return r.Paradigm
}

type cliticSplit struct {
	host    string
	clitics []string
}

// cliticSplits lists the ways to read s as a host of two or more letters
// followed by one to maxClitics pronouns.
func cliticSplits(s string) []cliticSplit {
	var out []cliticSplit
	var walk func(rest string, tail []string)
	walk = func(rest string, tail []string) {
		if len(tail) == maxClitics {
			return
		}
		for c := range cliticRank {
			host, ok := strings.CutSuffix(rest, c)
			if !ok || len([]rune(host)) < 2 {
				continue
			}
			cl := append([]string{c}, tail...)
			out = append(out, cliticSplit{host, cl})
			walk(host, cl)
		}
	}
	walk(s, nil)
	return out
}

// hostReadings returns the readings of the written host of a cluster that
// can carry enclitics, each restored to its form as a word on its own.
func (a *Analyzer) hostReadings(written string, cl []string) []CliticReading {
	var out []CliticReading
	for _, host := range hostCandidates(written, cl) {
		if host == "vamos" && cl[0] == "nos" { // vámonos (NGLE §16.11)
			out = append(out, CliticReading{Reading: Reading{Lemma: "ir",
				Mood: Imperative, Tense: Affirmative, Person: P1p}, Host: host, Clitics: cl})
		}
		if strings.HasSuffix(host, "r") && Known(host) {
			out = append(out, CliticReading{Reading: Reading{Lemma: host,
				Mood: NonFinite, Tense: InfinitiveForm}, Host: host, Clitics: cl})
		}
		for _, r := range a.exactHost(host) {
			out = append(out, CliticReading{Reading: r, Host: host, Clitics: cl})
		}
	}
	return out
}

// hostCandidates returns the written host without its accents, with the
// -d or -s that the cluster may have removed put back, each also with an
// acute accent on any one of its vowels.
func hostCandidates(written string, cl []string) []string {
	bare := stripAcute(written)
	bases := []string{bare}
	if isVowel(lastRuneOf(bare)) {
		switch cl[0] {
		case "os":
			bases = append(bases, bare+"d")
		case "nos", "se":
			bases = append(bases, bare+"s")
		}
	}
	var out []string
	for _, b := range bases {
		out = append(out, b)
		r := []rune(b)
		for i, c := range r {
			if a, ok := acute[c]; ok {
				r[i] = a
				out = append(out, string(r))
				r[i] = c
			}
		}
	}
	return out
}

func lastRuneOf(s string) rune {
	r := []rune(s)
	if len(r) == 0 {
		return 0
	}
	return r[len(r)-1]
}
