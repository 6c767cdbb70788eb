// Package morph generates Spanish verb forms for every address paradigm:
// tú, vos (rioplatense / central american, chilean, zulian), usted,
// nosotros, vosotros and ustedes.
//
// Regular verbs are conjugated by rule; irregular classes (stem changes,
// -zc-, -g- and -y- insertions, strong preterites, irregular futures and
// participles, accent shifts) come from the embedded table classes.tsv.
// Compounds (detener, componer, prevenir…) are resolved by prefix.
//
// Sources: RAE/ASALE, Nueva gramática de la lengua española (2009), ch. 4;
// Diccionario panhispánico de dudas (2005), "voseo" and "usted".
// Spelling follows the Ortografía (2010): rio, frio, guio carry no accent.
package morph
