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
// Sources: RAE/ASALE, Nueva gramática de la lengua española (2009), ch. 4;
// Diccionario panhispánico de dudas (2005), "voseo" and "usted".
// Spelling follows the Ortografía (2010): rio, frio, guio carry no accent.
package morph
