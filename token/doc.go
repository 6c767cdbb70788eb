// Package token owns the first step of every habla pipeline: it splits
// Spanish text into tokens and sentences with offsets into the text as
// given, and it normalizes strings for matching (NFC, lowercasing, and
// accent folding that keeps ñ).
//
// # Offsets
//
// Every Token and Span carries two pairs of offsets into the original,
// unnormalized input: Start/End count Unicode code points (what Python,
// Prodigy, doccano and Argilla count) and ByteStart/ByteEnd count UTF-8
// bytes (what Go slices). Annotation tools highlight spans in the text as
// the user wrote it, so nothing here normalizes before tokenizing. Invalid
// UTF-8 bytes count as one code point each, as utf8.RuneCountInString does.
//
// # Tokens
//
// Tokens never overlap, come in input order, never contain whitespace, and
// never split a base character from the combining marks that follow it
// (NFD "cafe\u0301" is one Word). Whitespace, control characters and
// invisible format characters (BOM, zero-width space, bidi marks) produce
// no tokens.
//
//   - Word: letters and combining marks, plus digits after the first letter
//     ("mp3"). An apostrophe (' ’ or ´) stays inside a word when a letter
//     follows it ("d'Artagnan", "pa'l"); a trailing one does not, because it
//     cannot be told apart from a closing quote ("pa'" is Word "pa", Punct
//     "'"). A hyphen stays inside a word when a letter or digit follows it:
//     Spanish writes compound adjectives and prefixed names with a hyphen
//     ("teórico-práctico", "franco-venezolano", "anti-Maduro", "COVID-19"),
//     and a lexicon entry should be able to name such a word as one unit.
//     The em dash of dialogue (—) and the en dash (–) are always Punct.
//   - Number: digits joined by single separators . , : / - with a digit on
//     both sides, so "1.234,56", "1,234.56", "3,5", "10:30", "12/05/2024",
//     "2024-05-12" and "1990-2000" are one token each; the convention
//     checks read the separators from the token. A leading + or - is part
//     of the number when it does not follow a letter, digit or closing
//     bracket ("-5", "+58"). An ordinal indicator is kept ("1º", "2.ª").
//     Phone numbers get no special treatment: "+58 412 555 1234" is four
//     Numbers, "+58-412-5551234" is one. Letters after digits start a new
//     Word ("3er" is "3", "er"; "10km" is "10", "km").
//   - URL: http://, https://, ftp:// and www. addresses, without trailing
//     sentence punctuation or an unbalanced closing parenthesis.
//   - Email: local@domain.tld.
//   - Mention: @usuario and #etiqueta.
//   - Emoji: one token per emoji sequence: skin-tone modifiers, variation
//     selectors, ZWJ sequences (👨‍👩‍👧), flags (🇻🇪), tag sequences and
//     keycaps (1️⃣).
//   - Punct: one character each (¿ and ¡ are tokens of their own), except
//     that a run of full stops ("...") is one token.
//   - Symbol: currency, math and other symbols, one character each, and
//     separate from numbers ("$5" is "$", "5"; "50%" is "50", "%"). ©, ®, ™
//     and arrows are Symbols unless followed by the emoji variation selector
//     U+FE0F.
//
// Abbreviations are not kept whole ("Sr." is Word "Sr", Punct "."): the
// align layer matches token sequences, and Sentences knows the common
// Spanish abbreviations so that they do not end a sentence.
//
// # Sentences
//
// Sentences splits after . … ? ! or a longer run of dots, together with
// the closing quotes, brackets and emoji right after them, when whitespace
// and then an uppercase letter, ¿ or ¡ follow, possibly behind an opening
// quote or a dialogue dash. ¿ and ¡ after a terminator start a sentence
// even without a space between them, and even after an abbreviation. It does not split inside numbers, URLs
// or e-mail addresses (they are single tokens), after a single letter
// (initials, "a. m.", "p. ej."), or after the common Spanish abbreviations
// (Sr., Sra., Dr., Dra., Ud., Uds., EE. UU., núm., pág., aprox. …; the
// list is in abbreviations.go). "etc." is not in the list: before a
// capital it usually ends the sentence.
//
// Every line break ends a sentence, not only a blank line: habla reads
// model outputs and chat logs, where a line break separates list items,
// headings and turns far more often than it wraps prose.
//
// # Folding
//
// Fold lowercases and removes the accents from vowels only, as bleve's
// analysis/lang/es spanish_normalize does: à á â ä → a, è é ê ë → e,
// ì í î ï → i, ò ó ô ö → o, ù ú û ü → u. It never folds ñ, because año and
// ano are different words, and it never folds ç. A generic
// runes.Remove(runes.In(unicode.Mn)) would turn año into ano. Fold
// composes first, so NFD input folds like NFC input ("n\u0303" is ñ).
// Lower keeps the accents, for morphology that must tell hablás from
// hablas.
package token
