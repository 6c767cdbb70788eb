package dialects

import (
	"github.com/habla-es/habla/internal/yamlfile"

	"fmt"
	"io/fs"
	"slices"
	"strings"
)

// loader collects decoded files and checks them as a whole. Errors live in
// the document of the file they are about; errs holds the others.
type loader struct {
	files    []*document // every file read, in directory order
	profiles []*Profile  // profiles that decoded and passed their own checks
	docs     map[*Profile]*document
	groups   []*Group
	groupDoc *document
	errs     []*LoadError
}

// def is where an id (a tag or a group id) is defined.
type def struct {
	doc    *document
	at     string // path of the id field in doc
	parent string
	group  bool
}

// where formats the position of the field at path in d for messages.
func where(d *document, at string) string {
	if n := d.Node(at); n != nil {
		return fmt.Sprintf("%s:%d:%d", d.Path, n.Line, n.Column)
	}
	return d.Path
}

func (l *loader) readProfile(fsys fs.FS, file string) {
	p := &Profile{}
	d := yamlfile.Decode(fsys, file, p)
	l.files = append(l.files, d)
	if len(d.Errs) > 0 {
		return
	}
	checkProfile(p, d)
	if len(d.Errs) == 0 {
		l.profiles = append(l.profiles, p)
		l.docs[p] = d
	}
}

func (l *loader) readGroups(fsys fs.FS, file string) {
	var gf struct {
		Groups []*Group `yaml:"groups"`
	}
	d := yamlfile.Decode(fsys, file, &gf)
	l.files = append(l.files, d)
	l.groupDoc = d
	if len(d.Errs) > 0 {
		return
	}
	if len(gf.Groups) == 0 {
		checkList(d, "groups", nil)
	}
	for i, g := range gf.Groups {
		at := fmt.Sprintf("groups[%d]", i)
		if g == nil {
			d.Fieldf(at, "must not be empty")
			continue
		}
		checkGroup(g, at, d)
	}
	l.groups = gf.Groups
}

// allErrors returns every error recorded so far.
func (l *loader) allErrors() []*LoadError {
	errs := slices.Clone(l.errs)
	for _, d := range l.files {
		errs = append(errs, d.Errs...)
	}
	return errs
}

// check runs the checks that need every file: unique ids, existing parents
// without loops, group membership and unique aliases. It returns all
// errors found.
func (l *loader) check(dir string) []*LoadError {
	if errs := l.allErrors(); len(errs) > 0 {
		// Cross-file checks on partly loaded data would mostly report
		// consequences (unknown parents) of the errors already found.
		return errs
	}
	ids := l.defineIDs()
	if _, ok := ids["es"]; !ok {
		l.errs = append(l.errs, &LoadError{Path: dir, Msg: "no profile for the root tag es"})
	}
	parents := map[string]string{}
	for id, d := range ids {
		parents[id] = d.parent
	}
	for id, d := range ids {
		checkParent(id, d, ids, parents)
	}
	for _, p := range l.profiles {
		l.checkGroupField(p, ids, parents)
	}
	l.checkNames(ids, parents)
	return l.allErrors()
}

// defineIDs indexes tags and group ids, which share one namespace, and
// reports duplicates with both positions.
func (l *loader) defineIDs() map[string]def {
	ids := map[string]def{}
	add := func(id string, nd def) {
		if prev, dup := ids[id]; dup {
			nd.doc.Fieldf(nd.at, "duplicate id %q (first at %s)", id, where(prev.doc, prev.at))
			return
		}
		ids[id] = nd
	}
	for i, g := range l.groups {
		add(g.ID, def{doc: l.groupDoc, at: fmt.Sprintf("groups[%d].id", i), parent: g.Parent, group: true})
	}
	for _, p := range l.profiles {
		add(p.Tag, def{doc: l.docs[p], at: "tag", parent: p.Parent})
	}
	return ids
}

// checkParent checks that id's parent exists and that its chain ends at
// the root. A loop is reported once for each id on it.
func checkParent(id string, d def, ids map[string]def, parents map[string]string) {
	at := "parent"
	if d.group {
		at = strings.TrimSuffix(d.at, "id") + "parent"
	}
	if _, ok := ids[d.parent]; d.parent != "" && !ok {
		d.doc.Fieldf(at, "unknown id %q: want a group id or a tag", d.parent)
		return
	}
	if chain, ok := chainFrom(id, parents); !ok && chain[len(chain)-1] == id {
		d.doc.Fieldf(at, "parent chain loops: %s", strings.Join(chain, " → "))
	}
}

// checkGroupField checks that a profile's group is a group on its chain.
func (l *loader) checkGroupField(p *Profile, ids map[string]def, parents map[string]string) {
	if p.Group == "" {
		return
	}
	chain, _ := chainFrom(p.Tag, parents)
	if chain[len(chain)-1] != "es" {
		return // a broken chain is reported at the parent
	}
	switch {
	case !ids[p.Group].group:
		l.docs[p].Fieldf("group", "unknown group %q", p.Group)
	case !slices.Contains(chain, p.Group):
		l.docs[p].Fieldf("group", "%q is not on the parent chain %s", p.Group, strings.Join(chain, " → "))
	}
}

// checkNames checks that aliases and tags fold to distinct names, and that
// an alias equal to a group id belongs to a member of that group (it makes
// the profile the group's representative in Resolve).
func (l *loader) checkNames(ids map[string]def, parents map[string]string) {
	type use struct {
		d  *document
		at string
		p  *Profile
	}
	seen := map[string]use{}
	for _, p := range l.profiles {
		seen[foldKey(p.Tag)] = use{l.docs[p], "tag", p}
	}
	for _, p := range l.profiles {
		d := l.docs[p]
		chain, _ := chainFrom(p.Tag, parents)
		for i, a := range p.Aliases {
			at, key := fmt.Sprintf("aliases[%d]", i), foldKey(a)
			if prev, dup := seen[key]; dup && prev.p != p {
				d.Fieldf(at, "%q is already used by %s (at %s)", a, prev.p.Tag, where(prev.d, prev.at))
				continue
			}
			seen[key] = use{d, at, p}
			if ids[key].group && !slices.Contains(chain, key) {
				d.Fieldf(at, "%q names a group that %s is not in", a, p.Tag)
			}
		}
	}
}
