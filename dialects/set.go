package dialects

import (
	"github.com/habla-es/habla/internal/yamlfile"

	"embed"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/language"
)

//go:embed data/*.yaml
var dataFS embed.FS

// groupsFile is the name of the file that holds the region groups, beside
// the one file per variety.
const groupsFile = "groups.yaml"

// Set is a validated collection of profiles and groups. It is immutable
// after loading and safe for concurrent use; the profiles and groups it
// hands out are shared and must not be modified.
type Set struct {
	profiles []*Profile // sorted by tag
	groups   []*Group   // sorted by id
	byTag    map[string]*Profile
	byGroup  map[string]*Group
	parents  map[string]string   // id (tag or group) → parent id
	chains   map[string][]string // tag → ids from the tag up to "es"
	names    map[string]*Profile // folded aliases and tags → profile
	tags     []string            // supported tags, sorted

	matcher   language.Matcher
	matchable []*Profile // the matcher's supported list, in order
}

var loadEmbedded = sync.OnceValues(func() (*Set, error) {
	return LoadFS(dataFS, "data")
})

// Load returns the profiles embedded in the binary. The data are parsed and
// validated once; later calls return the same Set.
func Load() (*Set, error) {
	return loadEmbedded()
}

// LoadFS loads and validates the profiles in directory dir of fsys: one
// <tag>.yaml file per variety and groups.yaml with the region groups. All
// problems found are returned together, joined, each a *LoadError.
func LoadFS(fsys fs.FS, dir string) (*Set, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, yamlfile.JoinErrors([]*LoadError{{Path: dir, Msg: "cannot read directory: " + err.Error()}})
	}
	l := &loader{docs: map[*Profile]*document{}}
	for _, e := range entries {
		if e.IsDir() || path.Ext(e.Name()) != ".yaml" {
			continue
		}
		file := path.Join(dir, e.Name())
		if e.Name() == groupsFile {
			l.readGroups(fsys, file)
		} else {
			l.readProfile(fsys, file)
		}
	}
	if l.groupDoc == nil {
		l.errs = append(l.errs, &LoadError{Path: path.Join(dir, groupsFile), Msg: "missing: the region groups are required"})
	}
	if errs := l.check(dir); len(errs) > 0 {
		return nil, yamlfile.JoinErrors(errs)
	}
	return newSet(l.profiles, l.groups), nil
}

func newSet(profiles []*Profile, groups []*Group) *Set {
	s := &Set{
		byTag:   map[string]*Profile{},
		byGroup: map[string]*Group{},
		parents: map[string]string{},
		chains:  map[string][]string{},
		names:   map[string]*Profile{},
	}
	s.profiles = slices.SortedFunc(slices.Values(profiles), func(a, b *Profile) int { return strings.Compare(a.Tag, b.Tag) })
	s.groups = slices.SortedFunc(slices.Values(groups), func(a, b *Group) int { return strings.Compare(a.ID, b.ID) })
	for _, g := range s.groups {
		s.byGroup[g.ID] = g
		s.parents[g.ID] = g.Parent
	}
	for _, p := range s.profiles {
		s.byTag[p.Tag] = p
		s.parents[p.Tag] = p.Parent
		s.tags = append(s.tags, p.Tag)
		s.names[foldKey(p.Tag)] = p
		for _, a := range p.Aliases {
			s.names[foldKey(a)] = p
		}
	}
	for _, p := range s.profiles {
		s.chains[p.Tag], _ = chainFrom(p.Tag, s.parents)
	}
	s.buildMatcher()
	return s
}

// buildMatcher sets up language matching over the national and
// supranational profiles. Sub-national profiles are left out: x/text ignores
// the -u-sd- extension, so they are reached by exact tag or alias only.
func (s *Set) buildMatcher() {
	var tags []language.Tag
	for _, p := range s.profiles {
		if strings.Contains(p.Tag, "-u-") {
			continue
		}
		s.matchable = append(s.matchable, p)
		tags = append(tags, language.Make(p.Tag))
	}
	s.matcher = language.NewMatcher(tags)
}

// chainFrom follows parents from start to the root. It reports false, with
// the repeated id last, when the chain loops.
func chainFrom(start string, parents map[string]string) ([]string, bool) {
	var chain []string
	for id := start; id != ""; id = parents[id] {
		if slices.Contains(chain, id) {
			return append(chain, id), false
		}
		chain = append(chain, id)
	}
	return chain, true
}

// Profiles returns all profiles sorted by tag.
func (s *Set) Profiles() []*Profile {
	return slices.Clone(s.profiles)
}

// Groups returns all region groups sorted by id.
func (s *Set) Groups() []*Group {
	return slices.Clone(s.groups)
}

// Group returns the region group with the given id.
func (s *Set) Group(id string) (*Group, bool) {
	g, ok := s.byGroup[id]
	return g, ok
}

// Profile returns the profile with exactly the canonical tag; use Resolve
// for user input.
func (s *Set) Profile(tag string) (*Profile, bool) {
	p, ok := s.byTag[tag]
	return p, ok
}

// Tags returns the supported tags, sorted.
func (s *Set) Tags() []string {
	return slices.Clone(s.tags)
}

// Chain returns the ids from p's tag up to the root "es", through groups
// and supranational tags: ["es-VE", "caribbean", "es-419", "es"]. Lookups
// that fall back from a variety to more general data walk this chain.
func (s *Set) Chain(p *Profile) []string {
	if p == nil {
		return nil
	}
	if c, ok := s.chains[p.Tag]; ok && s.byTag[p.Tag] == p {
		return slices.Clone(c)
	}
	c, _ := chainFrom(p.Parent, s.parents)
	return append([]string{p.Tag}, c...)
}

// Members returns the profiles below id in the parent chains, sorted by
// tag: for a group, its countries and their sub-national varieties,
// transitively ("caribbean" includes es-VE and es-VE-u-sd-vev). It also
// accepts a tag ("es-419" gives every American variety). The profile id
// itself is not included.
func (s *Set) Members(id string) []*Profile {
	var out []*Profile
	for _, p := range s.profiles {
		if c := s.chains[p.Tag]; len(c) > 1 && slices.Contains(c[1:], id) {
			out = append(out, p)
		}
	}
	return out
}
