// Package corpus owns regional corpora: it ingests texts labelled with a
// variety into a bleve index on disk (sharded, searched through an index
// alias), reads them back as concordances (KWIC), counts word frequencies
// and their dispersion per variety, ranks the words that mark a variety
// statistically (keyness: G², Log Ratio, %DIFF), and trains a variety
// model (multinomial naive Bayes over character 1–5-grams and words) whose
// per-variety log-scores feed dialect detection.
//
// Documents are identified by a hash of their content, so adding the same
// text twice stores it once, and an ingest interrupted at any point can be
// rerun: the batches already committed are skipped. Frequencies, keyness
// and training read the stored texts and tokenize them with package token,
// so they count word forms as written (lowercased, accents kept), not the
// stems the search analyzer indexes.
package corpus
