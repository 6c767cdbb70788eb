package dialects

import "slices"

// Profile describes one variety of Spanish: a country, a sub-national
// region or a supranational norm (es, es-419). Profiles are loaded from YAML
// and shared: treat every field as read-only.
type Profile struct {
	// Tag is the canonical BCP 47 tag, e.g. "es-VE" or "es-VE-u-sd-vev".
	Tag string `yaml:"tag" json:"tag,omitempty"`
	// Names are the variety's names in Spanish and English.
	Names Names `yaml:"names" json:"names,omitempty"`
	// Parent is the id of the next node up the chain: a group id or a tag.
	// It is empty only for the root, "es".
	Parent string `yaml:"parent" json:"parent,omitempty"`
	// Group is the region group the variety belongs to; empty for the
	// supranational profiles es and es-419, which sit above the groups.
	Group string `yaml:"group" json:"group,omitempty"`
	// Aliases are extra lowercase names that Resolve accepts for the profile
	// (e.g. "ve", "venezuelan", "venezolano"). An alias equal to a group id
	// makes the profile that group's representative.
	Aliases []string `yaml:"aliases" json:"aliases,omitempty"`
	// Address is the system of address pronouns.
	Address Address `yaml:"address" json:"address,omitempty"`
	// Tenses records tense preferences that localization checks rely on.
	Tenses Tenses `yaml:"tenses" json:"tenses,omitempty"`
	// Conventions are the locale's formatting conventions.
	Conventions Conventions `yaml:"conventions" json:"conventions,omitempty"`
	// Sources say where the facts in the profile come from.
	Sources []string `yaml:"sources" json:"sources,omitempty"`
	// Notes hold caveats, hedges and facts that do not fit a field.
	Notes string `yaml:"notes" json:"notes,omitempty"`
}

// Names are the display names of a variety or a group.
type Names struct {
	// Es is the name in Spanish, e.g. "español de Venezuela".
	Es string `yaml:"es" json:"es,omitempty"`
	// En is the name in English, e.g. "Venezuelan Spanish".
	En string `yaml:"en" json:"en,omitempty"`
}

// Address is a variety's system of address (tratamiento): which pronouns
// speakers use for one familiar person, for one person with deference, and
// for several people.
type Address struct {
	// Informal lists the singular informal pronouns in use, a subset of
	// "tú" and "vos", most prevalent first.
	Informal []string `yaml:"informal" json:"informal,omitempty"`
	// Distribution notes the social and regional spread of the informal
	// pronouns; required when both are in use.
	Distribution string `yaml:"distribution" json:"distribution,omitempty"`
	// Formal is the singular formal pronoun, "usted".
	Formal string `yaml:"formal" json:"formal,omitempty"`
	// Plural is the second person plural: "ustedes" or "vosotros".
	Plural string `yaml:"plural" json:"plural,omitempty"`
	// Voseo says whether and how vos and its verb forms are used.
	Voseo Voseo `yaml:"voseo" json:"voseo,omitempty"`
}

// Voseo describes the use of vos and of voseo verb forms (RAE/ASALE, DPD
// "voseo"; NGLE §4.7).
type Voseo struct {
	// Type is "none"; "pronominal" (vos with tuteo verbs: vos tienes);
	// "verbal" (tú with voseo verbs: tú tenís, as in Chile); or "both"
	// (vos with voseo verbs: vos tenés).
	Type string `yaml:"type" json:"type,omitempty"`
	// Paradigm names the voseo verb paradigm: "rioplatense", "chilean",
	// "zulian" or "central-american"; empty when Type is "none" or
	// "pronominal".
	Paradigm string `yaml:"paradigm" json:"paradigm,omitempty"`
}

// Voseo types.
const (
	VoseoNone       = "none"
	VoseoPronominal = "pronominal"
	VoseoVerbal     = "verbal"
	VoseoBoth       = "both"
)

// HasInformal reports whether pronoun ("tú" or "vos") is among the
// variety's informal singular pronouns.
func (a Address) HasInformal(pronoun string) bool {
	return slices.Contains(a.Informal, pronoun)
}

// UsesVosotros reports whether the variety addresses several people
// familiarly with vosotros rather than ustedes.
func (a Address) UsesVosotros() bool {
	return a.Plural == "vosotros"
}

// Tenses records the tense preferences of a variety.
type Tenses struct {
	// RecentPast is the tense preferred for a past event within the present
	// period ("hoy he comido" vs "hoy comí"): "perfect" or "preterite".
	// It is empty for the general profile "es", which prefers neither.
	RecentPast string `yaml:"recent_past" json:"recent_past,omitempty"`
	// Notes qualify the preference (regional and social differences).
	Notes string `yaml:"notes" json:"notes,omitempty"`
}

// Conventions are a locale's formatting conventions. Numbers and currency
// are checked against CLDR 32 as shipped in golang.org/x/text; Override
// says where and why a profile departs from it.
type Conventions struct {
	// Decimal is the decimal separator, "," or ".".
	Decimal string `yaml:"decimal" json:"decimal,omitempty"`
	// Group is the digit grouping separator (".", "," or U+00A0).
	Group string `yaml:"group" json:"group,omitempty"`
	// Currency is the local currency and its written forms.
	Currency Currency `yaml:"currency" json:"currency,omitempty"`
	// DateOrder is the order of numeric dates: "dmy", "mdy" or "ymd".
	DateOrder string `yaml:"date_order" json:"date_order,omitempty"`
	// Time is the clock convention.
	Time Time `yaml:"time" json:"time,omitempty"`
	// Quotes are the quotation marks in use.
	Quotes Quotes `yaml:"quotes" json:"quotes,omitempty"`
	// Units are the measurement units in everyday use, where the profile
	// declares them; undeclared ones come from the parent chain
	// (Set.Units).
	Units Units `yaml:"units" json:"units,omitempty"`
	// Override says what deliberately departs from CLDR 32 and why; it
	// names each overridden field (e.g. "currency", "date_order").
	Override string `yaml:"override" json:"override,omitempty"`
}

// Currency is a locale's currency.
type Currency struct {
	// Code is the ISO 4217 code; empty for profiles without a country.
	Code string `yaml:"code" json:"code,omitempty"`
	// Symbols are the symbols actually written for Code, most usual first.
	Symbols []string `yaml:"symbols" json:"symbols,omitempty"`
	// Also lists other ISO 4217 codes in wide use (e.g. USD in Venezuela).
	Also []string `yaml:"also" json:"also,omitempty"`
	// Notes qualify the currency data.
	Notes string `yaml:"notes" json:"notes,omitempty"`
}

// Time is a locale's clock convention.
type Time struct {
	// Clock is "12h" or "24h".
	Clock string `yaml:"clock" json:"clock,omitempty"`
	// AMPM are the before- and after-noon markers, e.g. ["a. m.", "p. m."].
	AMPM []string `yaml:"ampm" json:"ampm,omitempty"`
}

// Quotes are the quotation marks in use, as opening and closing pairs.
type Quotes struct {
	// Primary are the first-level marks, e.g. « » in Spain (RAE).
	Primary [2]string `yaml:"primary" json:"primary,omitempty"`
	// Secondary are the marks for a quotation within a quotation.
	Secondary [2]string `yaml:"secondary" json:"secondary,omitempty"`
}

// Group is a region group of varieties (rioplatense, caribbean, ...). Groups
// and tags share one namespace of ids and form the parent chains.
type Group struct {
	// ID is the group's lowercase id, e.g. "caribbean".
	ID string `yaml:"id" json:"id,omitempty"`
	// Names are the group's names in Spanish and English.
	Names Names `yaml:"names" json:"names,omitempty"`
	// Parent is the id above the group: another group or a tag.
	Parent string `yaml:"parent" json:"parent,omitempty"`
}
