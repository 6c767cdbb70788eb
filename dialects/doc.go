// Package dialects owns habla's knowledge of the varieties of Spanish: one
// Profile per variety with its BCP 47 tag, names, parent chain and region
// group, its system of address (tú / vos / usted, ustedes / vosotros, the
// voseo paradigm), its tense preferences and its locale conventions
// (numbers, currency, dates, times, quotation marks, everyday measurement
// units); and the mapping of
// user input (tags, aliases, region names) to those profiles.
//
// # Data
//
// The profiles live in data/, one <tag>.yaml file per variety, and the
// region groups in data/groups.yaml; both are embedded in the binary and
// loaded once by Load. LoadFS loads the same layout from any fs.FS, for
// tests and packs. Loading is strict: unknown fields, wrong kinds, missing
// or out-of-range values, unknown parents, parent loops and duplicate
// tags or aliases are all reported together as *LoadError values, each
// formatted "path:line:col: message". Every profile lists its sources, and
// says in its notes what is uncertain.
//
// The tree of ids runs from a variety through its region group to the
// supranational tags and the root: es-VE → caribbean → es-419 → es, and
// es-ES → peninsular → es. Sub-national varieties use the Unicode
// subdivision extension and hang under their country: es-VE-u-sd-vev
// (Zulia), es-ES-u-sd-escn (Canarias), es-CO-u-sd-coant (Antioquia).
// Set.Chain gives the path from a profile to the root, for lookups that
// fall back from a variety to more general data; Set.Units resolves the
// everyday measurement units that way, so that a country declares only
// what differs from the general norm (es: °C, km, km/h, kg) and a
// subdivision inherits its country's. A unit nobody can source is left
// undeclared, or declared "unknown" with a note to stop inheritance.
//
// # CLDR
//
// Number separators and currencies are checked by the tests against
// golang.org/x/text, which ships CLDR 32 (2017). Where CLDR 32 is out of
// date or wrong for habla's purposes a profile overrides it and says so in
// Conventions.Override. The overrides are: es-VE and es-VE-u-sd-vev use
// VES, not CLDR 32's VEF (the bolívar fuerte was replaced in 2018, and the
// bolívar digital of 2021 is still VES); es-US writes numeric dates
// month first, as U.S. forms in Spanish do, where CLDR 32 has d/M/y.
// x/text has no date formatting, so date order, clock and a. m. markers
// were taken from the CLDR 32 tables by hand and are not tested against it.
//
// # Resolving input
//
// Set.Resolve accepts canonical tags in any case and with "_", aliases
// ("ve", "venezolano", "rioplatense", "zuliano", "latam", "neutral"),
// folding case and accents on vowels, and otherwise matches well-formed
// Spanish tags with x/text's language.Matcher. What it cannot resolve is an
// *UnknownTagError that names the bad part and lists the supported tags.
package dialects
