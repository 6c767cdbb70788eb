// Package morph generates Spanish verb forms for every address paradigm:
// tú, vos (rioplatense / central american, chilean, zulian), usted,
// nosotros, vosotros and ustedes.
//
// Regular verbs are conjugated by rule; irregular classes (stem changes,
// -zc-, -g- and -y- insertions, strong preterites, irregular futures and
// participles, accent shifts) come from the embedded table classes.tsv.
// Compounds (detener, componer, prevenir…) are resolved by prefix.
//
// Analyze reads a word back into its readings. Enclitic attaches
// unstressed pronouns to the affirmative imperative of every paradigm, the
// infinitive and the gerund (siéntate, sentate, sentaos, sentémonos,
// dámelo, diciéndomelo), placing the written accent by the general rules;
// AnalyzeEnclitic splits such a word into host and pronouns and keeps only
// the readings that Enclitic writes back. Sources: NGLE (2009) §16 on
// clitics; DPD "pronombres personales átonos", "os", "imperativo";
// Ortografía (2010) §4.6 on accents.
//
// Convert and ConvertText change the address of a word or a text between
// paradigms: tú and the three voseos, vosotros and ustedes, in both
// directions. A word is converted where its readings make it certain; the
// context (subject pronouns, exclamations, the verb a clitic goes with)
// decides some others, and what remains ambiguous (os as direct or
// indirect object, canta as imperative or present, su for vuestro) is
// reported with its candidates, never guessed. Sources: DPD "voseo",
// "vosotros", "os", "usted"; NGLE §16.
//
// Sources: RAE/ASALE, Nueva gramática de la lengua española (2009), ch. 4;
// Diccionario panhispánico de dudas (2005), "voseo" and "usted".
// Spelling follows the Ortografía (2010): rio, frio, guio carry no accent.
package morph
