// Package localize makes the rewrites toward a target variety that a
// machine can make safely, and leaves everything else to a human.
//
// A text is first aligned (package align); then only these are applied:
//
//   - lexical swaps: a lexical finding with a single suggestion (the
//     target has one common variant of the concept), with the determiner
//     that align already makes agree (el ordenador → la computadora); when
//     the gender changes and a word next to the noun could be an adjective
//     that agrees with it (el ordenador nuevo), the swap is a task;
//   - address: tú → vos where the target's first informal pronoun is vos,
//     vos → tú where the target does not use the pronoun vos, and
//     vosotros → ustedes (with clitics and possessives) where the target
//     says ustedes, all by lexicon/morph.ConvertText, and only where
//     align found an address problem; its ambiguities (os veo: los, las
//     or les) become tasks, and a conversion is applied whole or not at
//     all, so that no text comes out half in tú and half in vos;
//   - conventions: decimal and grouping separators, quotation marks (a
//     text's marks only all together, so that pairs stay pairs) and the
//     position of a currency sign next to its amount.
//
// Each edit carries a confidence; edits below the threshold, edits that
// overlap another edit, edits that touch code, markup, a placeholder or a
// URL (which must come out byte for byte), and every finding that no edit
// resolves become tasks. Offsets of edits and tasks refer to the
// input text, in code points and in UTF-8 bytes, as findings do.
//
// Localizing is idempotent: a localized text, localized again, does not
// change. Where the edits would change how the rest of the text reads
// (so that a second pass would edit again), none is applied: they become
// tasks.
package localize
