package lexicon

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/habla-es/habla/dialects"
	"github.com/habla-es/habla/internal/yamlfile"
)

var (
	idPattern  = regexp.MustCompile(`^[a-z0-9-]+/[a-z0-9-]+$`)
	posValues  = []string{"noun", "verb", "adjective", "adverb", "interjection", "phrase", "pronoun"}
	genders    = []string{"", "m", "f", "mf"}
	numbers    = []string{"", "singular", "plural"}
	registers  = []string{"", "neutral", "colloquial", "slang", "vulgar", "formal"}
	strengths  = []string{"mild", "strong"}
	usageNodes = []string{"level", "why", "strength"}
)

// checker checks one decoded file; problems go to doc, at their node.
type checker struct {
	set  *dialects.Set
	doc  *yamlfile.Document
	file *file
}

func (c *checker) checkFile() {
	if len(c.file.Sources) == 0 {
		c.doc.Fieldf("sources", "a file needs its sources: id → citation")
	}
	for id, cite := range c.file.Sources {
		if strings.TrimSpace(cite) == "" {
			c.doc.Fieldf("sources."+id, "empty citation")
		}
	}
	for i, con := range c.file.Concepts {
		c.checkConcept(fmt.Sprintf("concepts[%d]", i), con)
	}
}

func (c *checker) checkConcept(at string, con *Concept) {
	if !idPattern.MatchString(con.ID) {
		c.doc.Fieldf(at+".id", "id %q: want domain/slug in lowercase a-z, 0-9 and -", con.ID)
	}
	if con.Gloss.Es == "" || con.Gloss.En == "" {
		c.doc.Fieldf(at+".gloss", "a gloss needs es and en")
	}
	c.oneOf(at+".pos", con.POS, posValues[:], false)
	if con.Domain == "" {
		con.Domain = c.file.Domain
	}
	if con.Domain == "" {
		c.doc.Fieldf(at, "no domain: set domain: in the file or the concept")
	}
	forms := map[string]string{}
	avoid := false
	for j, v := range con.Variants {
		vat := fmt.Sprintf("%s.variants[%d]", at, j)
		c.checkVariant(vat, v)
		key := strings.ToLower(v.Form)
		if prev, dup := forms[key]; dup {
			c.doc.Fieldf(vat+".form", "form %q twice in concept %s (first at %s)", v.Form, con.ID, prev)
		}
		forms[key] = c.where(vat)
		for _, u := range v.Usage {
			avoid = avoid || u.Level == Avoid
		}
	}
	if len(con.Variants) < 2 && !avoid {
		c.doc.Fieldf(at+".variants", "a concept needs two variants, or one to avoid somewhere")
	}
	con.Cites = c.cites(con)
}

func (c *checker) checkVariant(at string, v *Variant) {
	if strings.TrimSpace(v.Form) == "" {
		c.doc.Fieldf(at+".form", "empty form")
	}
	c.oneOf(at+".gender", v.Gender, genders, true)
	c.oneOf(at+".number", v.Number, numbers, true)
	c.oneOf(at+".register", v.Register, registers, true)
	if len(v.Usage) == 0 {
		c.doc.Fieldf(at+".usage", "no usage: say where the form is used")
	}
	c.checkUsageNodes(at + ".usage")
	for key, u := range v.Usage {
		c.checkUsage(at+".usage."+key, key, u)
	}
	if len(v.Sources) == 0 {
		c.doc.Fieldf(at+".sources", "no sources: say where the fact comes from")
	}
	for k, id := range v.Sources {
		if _, ok := c.file.Sources[id]; !ok {
			c.doc.Fieldf(fmt.Sprintf("%s.sources[%d]", at, k), "unknown source %q (define it under sources: at the top of the file)", id)
		}
	}
}

func (c *checker) checkUsage(at, key string, u Usage) {
	keyNode, valNode := c.usageNodes(at, key)
	_, isTag := c.set.Profile(key)
	_, isGroup := c.set.Group(key)
	if !isTag && !isGroup {
		c.doc.Errorf(keyNode, "%s: unknown variety or group %q", at, key)
	}
	if !u.Level.valid() {
		c.doc.Errorf(valNode, "%s: unknown level %q (want common, used, understood, rare or avoid)", at, u.Level)
	}
	switch {
	case u.Level == Avoid && (u.Why == "" || !slices.Contains(strengths, u.Strength)):
		c.doc.Errorf(valNode, "%s: avoid needs why (in Spanish) and strength (mild or strong)", at)
	case u.Level != Avoid && (u.Why != "" || u.Strength != ""):
		c.doc.Errorf(valNode, "%s: why and strength belong to avoid only", at)
	}
}

// usageNodes finds the key and value nodes of one usage entry; the
// generic walk does not record map entries.
func (c *checker) usageNodes(at, key string) (*yaml.Node, *yaml.Node) {
	n := c.doc.Node(at)
	if n != nil && n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == key {
				return n.Content[i], n.Content[i+1]
			}
		}
	}
	return n, n
}

// checkUsageNodes rejects unknown keys inside {level, why, strength}
// mappings, which Usage's own decoding would silently drop.
func (c *checker) checkUsageNodes(at string) {
	n := c.doc.Node(at)
	if n == nil || n.Kind != yaml.MappingNode {
		return
	}
	for i := 1; i < len(n.Content); i += 2 {
		v := n.Content[i]
		if v.Kind != yaml.MappingNode {
			continue
		}
		for k := 0; k < len(v.Content); k += 2 {
			if key := v.Content[k]; !slices.Contains(usageNodes, key.Value) {
				c.doc.Errorf(key, "unknown field %q in usage (known: level, why, strength)", key.Value)
			}
		}
	}
}

func (c *checker) oneOf(at, value string, allowed []string, emptyOK bool) {
	if value == "" && emptyOK {
		return
	}
	if !slices.Contains(allowed, value) {
		var shown []string
		for _, a := range allowed {
			if a != "" {
				shown = append(shown, a)
			}
		}
		c.doc.Fieldf(at, "%q: want one of %s", value, strings.Join(shown, ", "))
	}
}

// cites are the citations of the source ids a concept's variants use.
func (c *checker) cites(con *Concept) map[string]string {
	out := map[string]string{}
	for _, v := range con.Variants {
		for _, id := range v.Sources {
			if cite, ok := c.file.Sources[id]; ok {
				out[id] = cite
			}
		}
	}
	return out
}

func (c *checker) where(at string) string {
	if n := c.doc.Node(at); n != nil {
		return fmt.Sprintf("%s:%d:%d", c.doc.Path, n.Line, n.Column)
	}
	return c.doc.Path
}
