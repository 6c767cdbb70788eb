package dialects

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/language"
)

// Allowed values of the closed fields.
var (
	pronouns   = []string{"tú", "vos"}
	plurals    = []string{"ustedes", "vosotros"}
	voseoTypes = []string{VoseoNone, VoseoPronominal, VoseoVerbal, VoseoBoth}
	paradigms  = []string{"rioplatense", "chilean", "zulian", "central-american"}
	pasts      = []string{"perfect", "preterite"}
	decimals   = []string{",", "."}
	groupSeps  = []string{".", ",", "\u00a0", "\u202f", " "}
	dateOrders = []string{"dmy", "mdy", "ymd"}
	clocks     = []string{"12h", "24h"}

	currencyCode = regexp.MustCompile(`^[A-Z]{3}$`)
	groupID      = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)
)

var spanish = language.MustParseBase("es")

// place says where a tag sits: whether it names a country (es-VE, and the
// sub-national es-VE-u-sd-vev) or has a region subtag at all (es-419).
type place struct{ country, region bool }

// parseTag checks that tag is a canonical Spanish BCP 47 tag.
func parseTag(tag string) (place, error) {
	t, err := language.Parse(tag)
	if err != nil {
		return place{}, fmt.Errorf("invalid BCP 47 tag %q: %v", tag, err)
	}
	if t.String() != tag {
		return place{}, fmt.Errorf("%q is not canonical, want %q", tag, t.String())
	}
	if b, conf := t.Base(); b != spanish || conf != language.Exact {
		return place{}, fmt.Errorf("%q is not a Spanish tag", tag)
	}
	r, conf := t.Region()
	exact := conf == language.Exact
	return place{country: exact && r.IsCountry(), region: exact}, nil
}

// checkProfile checks the fields of one profile on their own; checks that
// need the whole set are in checkSet.
func checkProfile(p *Profile, d *document) {
	pl := checkTag(p, d)
	required(d, "names.es", p.Names.Es)
	required(d, "names.en", p.Names.En)
	if p.Tag != "es" {
		required(d, "parent", p.Parent)
	} else if p.Parent != "" {
		d.Fieldf("parent", "the root profile es has no parent")
	}
	if pl.country {
		required(d, "group", p.Group)
	}
	checkAliases(p.Aliases, d)
	checkAddress(p.Address, d)
	if p.Tenses.RecentPast != "" || pl.region {
		oneOf(d, "tenses.recent_past", p.Tenses.RecentPast, pasts)
	}
	checkConventions(p.Conventions, pl, d)
	checkList(d, "sources", p.Sources)
}

func checkTag(p *Profile, d *document) place {
	if !required(d, "tag", p.Tag) {
		return place{}
	}
	pl, err := parseTag(p.Tag)
	if err != nil {
		d.Fieldf("tag", "%v", err)
		return pl
	}
	if base := path.Base(d.Path); base != p.Tag+".yaml" {
		d.Fieldf("tag", "%q does not match the file name %q; want %s.yaml", p.Tag, base, p.Tag)
	}
	return pl
}

func checkAliases(aliases []string, d *document) {
	seen := map[string]int{}
	for i, a := range aliases {
		at := fmt.Sprintf("aliases[%d]", i)
		switch {
		case a == "":
			d.Fieldf(at, "must not be empty")
		case a != strings.ToLower(a):
			d.Fieldf(at, "%q must be lowercase", a)
		case strings.IndexFunc(a, unicode.IsSpace) >= 0:
			d.Fieldf(at, "%q must not contain spaces; use hyphens", a)
		}
		if j, dup := seen[foldKey(a)]; dup {
			d.Fieldf(at, "%q repeats aliases[%d]", a, j)
		}
		seen[foldKey(a)] = i
	}
}

func checkAddress(a Address, d *document) {
	checkList(d, "address.informal", a.Informal)
	for i, p := range a.Informal {
		at := fmt.Sprintf("address.informal[%d]", i)
		oneOf(d, at, p, pronouns)
		if slices.Index(a.Informal, p) < i {
			d.Fieldf(at, "%q is listed twice", p)
		}
	}
	if len(a.Informal) > 1 {
		required(d, "address.distribution", a.Distribution)
	}
	oneOf(d, "address.formal", a.Formal, []string{"usted"})
	oneOf(d, "address.plural", a.Plural, plurals)
	if oneOf(d, "address.voseo.type", a.Voseo.Type, voseoTypes) {
		checkVoseo(a, d)
	}
}

// checkVoseo checks that the voseo type agrees with the paradigm and with
// the informal pronouns: voseo verb forms need a paradigm, and vos is
// listed exactly when the pronoun itself is in use.
func checkVoseo(a Address, d *document) {
	v, vos := a.Voseo, a.HasInformal("vos")
	verbs := v.Type == VoseoVerbal || v.Type == VoseoBoth
	switch {
	case verbs && v.Paradigm == "":
		d.Fieldf("address.voseo.paradigm", "required when voseo type is %q", v.Type)
	case verbs:
		oneOf(d, "address.voseo.paradigm", v.Paradigm, paradigms)
	case v.Paradigm != "":
		d.Fieldf("address.voseo.paradigm", "must be empty when voseo type is %q (no voseo verb forms)", v.Type)
	}
	switch v.Type {
	case VoseoNone, VoseoVerbal:
		if vos {
			d.Fieldf("address.informal", "lists \"vos\" but voseo type %q has no pronoun vos", v.Type)
		}
	default:
		if !vos {
			d.Fieldf("address.informal", "voseo type %q needs \"vos\" among the informal pronouns", v.Type)
		}
	}
	if v.Type == VoseoVerbal && !a.HasInformal("tú") {
		d.Fieldf("address.informal", "verbal voseo combines voseo verbs with \"tú\", which is not listed")
	}
}

func checkConventions(c Conventions, pl place, d *document) {
	oneOf(d, "conventions.decimal", c.Decimal, decimals)
	oneOf(d, "conventions.group", c.Group, groupSeps)
	if c.Decimal != "" && c.Decimal == c.Group {
		d.Fieldf("conventions.group", "same as the decimal separator %q", c.Decimal)
	}
	checkCurrency(c.Currency, pl, d)
	oneOf(d, "conventions.date_order", c.DateOrder, dateOrders)
	oneOf(d, "conventions.time.clock", c.Time.Clock, clocks)
	if len(c.Time.AMPM) != 2 {
		d.Fieldf("conventions.time.ampm", "want 2 items (before and after noon), got %d", len(c.Time.AMPM))
	} else {
		checkList(d, "conventions.time.ampm", c.Time.AMPM)
	}
	checkUnits(&c.Units, d)
	quotes := map[string][2]string{"primary": c.Quotes.Primary, "secondary": c.Quotes.Secondary}
	for _, q := range []string{"primary", "secondary"} {
		at, marks := "conventions.quotes."+q, quotes[q]
		if !d.Has(at) {
			d.Fieldf(at, "missing")
			continue
		}
		checkList(d, at, marks[:])
	}
}

func checkCurrency(c Currency, pl place, d *document) {
	if c.Code == "" {
		if pl.country {
			required(d, "conventions.currency.code", c.Code)
		}
		return
	}
	if !currencyCode.MatchString(c.Code) {
		d.Fieldf("conventions.currency.code", "%q is not an ISO 4217 code", c.Code)
	}
	checkList(d, "conventions.currency.symbols", c.Symbols)
	for i, code := range c.Also {
		at := fmt.Sprintf("conventions.currency.also[%d]", i)
		if !currencyCode.MatchString(code) || code == c.Code {
			d.Fieldf(at, "%q is not another ISO 4217 code", code)
		}
	}
}

// required reports a missing or empty string field.
func required(d *document, path, v string) bool {
	if v != "" {
		return true
	}
	if d.Has(path) {
		d.Fieldf(path, "must not be empty")
	} else {
		d.Fieldf(path, "missing")
	}
	return false
}

// checkList reports a missing or empty list, or an empty item.
func checkList(d *document, path string, items []string) {
	if len(items) == 0 {
		if d.Has(path) {
			d.Fieldf(path, "must not be empty")
		} else {
			d.Fieldf(path, "missing")
		}
		return
	}
	for i, s := range items {
		if s == "" {
			d.Fieldf(fmt.Sprintf("%s[%d]", path, i), "must not be empty")
		}
	}
}

// oneOf reports a value outside allowed; a missing value is reported once.
func oneOf(d *document, path, v string, allowed []string) bool {
	if !required(d, path, v) {
		return false
	}
	if !slices.Contains(allowed, v) {
		d.Fieldf(path, "%q is not one of %s", v, quoteList(allowed))
		return false
	}
	return true
}

func quoteList(vals []string) string {
	q := make([]string, len(vals))
	for i, v := range vals {
		q[i] = fmt.Sprintf("%q", v)
	}
	return strings.Join(q, ", ")
}

// checkGroup checks one group's own fields; at is its path in the file.
func checkGroup(g *Group, at string, d *document) {
	if required(d, at+".id", g.ID) && !groupID.MatchString(g.ID) {
		d.Fieldf(at+".id", "%q must be lowercase letters, digits and hyphens", g.ID)
	}
	required(d, at+".names.es", g.Names.Es)
	required(d, at+".names.en", g.Names.En)
	required(d, at+".parent", g.Parent)
}

// checkUnits checks the declared units: a known value for the quantity, a
// source for every fact (its own or the block's), a note for every "unknown", and libra only for
// mass.
func checkUnits(u *Units, d *document) {
	for _, f := range u.fields() {
		unit := *f.unit
		if unit == nil {
			continue
		}
		at := "conventions.units." + f.name
		vals := unitValues[f.name]
		allowed := []string{vals[0], vals[1], UnitBoth, UnitUnknown}
		oneOf(d, at+".unit", unit.Unit, allowed)
		if unit.Unit == UnitUnknown {
			required(d, at+".notes", unit.Notes)
		} else if u.Source == "" {
			required(d, at+".source", unit.Source)
		}
		switch {
		case unit.Libra != 0 && f.name != "mass":
			d.Fieldf(at+".libra", "only mass has a libra")
		case unit.Libra < 0 || unit.Libra > 1000:
			d.Fieldf(at+".libra", "%d g is not a plausible libra (0 or 1..1000)", unit.Libra)
		}
	}
}
