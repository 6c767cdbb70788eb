// Package lexicon is habla's knowledge of regional vocabulary: concepts
// (a car, popcorn, "cool") and their variants (coche, carro, auto), each
// with its usage per variety or region group, register and sources.
//
// The built-in lexicon lives in data/*.yaml (format: data/README.md),
// embedded and loaded strictly: every problem is reported as
// file:line:col. User packs in the same format add concepts or replace
// built-in ones by id.
//
// The hot path (align) never searches: it uses the Matcher, an immutable
// hash of folded token sequences (ñ kept) up to the longest entry, built
// once, with every inflected form (number, and gender for adjectives)
// compiled in. Search for people (habla lexicon search) goes through a
// bleve index (index.go).
package lexicon
