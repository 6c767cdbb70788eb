// Package tasks turns align's findings into work for human annotators,
// exports it to annotation tools, and reads the annotations back.
//
// # Tasks
//
// A task is one decision a person makes: accept or reject a replacement
// (kind replace), an address conversion (convert-address), a convention fix
// (fix-convention), the removal of a taboo word (remove-taboo), a judgement
// habla could not make (review), or a 1–5 naturalness rating of a whole
// output (rate). One task is made per finding, or, grouped, one per issue:
// findings of the same finding kind, folded text, first suggestion and
// target become one task that lists every occurrence (record id and span),
// so a reviewer decides once for a thousand outputs.
//
// Each task has a stable id, a hash of its content (for a grouped task: the
// issue, not the records it was seen in, so that the id survives new data),
// the Spanish message of the finding and instructions for the annotator in
// Spanish, the severity (the highest among its occurrences), and its
// priority: the MQM weight of the severity (minor 1, major 5, critical 25
// by default) times the number of occurrences. Rate tasks count as one
// minor occurrence. Tasks are sorted by priority, then severity, then the
// position of their first occurrence in the input, then id: the same input
// gives the same bytes.
//
// # Estimated seconds
//
// EstimateSeconds is a documented heuristic, not a measurement:
//
//	seconds = base(kind) + ceil(words in the context / 4)
//	        + min(occurrences − 1, 50) + (suggestions − 1 when more than one)
//
// with base 6 s for replace, 5 for fix-convention, 12 for convert-address
// (verbs, clitics and possessives agree), 8 for remove-taboo, 15 for review
// and 4 for rate. Reading runs at 4 words a second (240 words a minute, the
// usual adult silent-reading rate); each further occurrence of a grouped
// task costs one second of skimming, up to 50; each extra suggestion costs
// a second of choosing.
//
// # Offsets
//
// Tasks carry offsets in Unicode code points (what Python's str indexes,
// and so Prodigy, doccano and Argilla's records) and in UTF-8 bytes. Label
// Studio's own end-to-end tests for its Text tag ("NER - Emoji - Text")
// expect code points too; older versions counted UTF-16 code units, as
// JavaScript does (label-studio issues 1347 and 4988), and the Argilla and
// doccano web UIs have had the same UTF-16 slips (argilla issue 5729,
// doccano pull request 99) although their stored records are Python's.
// Exports therefore write code points, and the tests re-extract the span
// of each exported text by code point after an emoji with a skin tone and
// a decomposed é.
//
// # Import and agreement
//
// Annotated tasks come back as native JSONL (the task lines with an
// "annotations" list, or only ids and annotations beside the exported
// tasks), as a Label Studio JSON export, or as the CSV export with its
// decision, edit and rating columns filled in (one file per annotator). A task is accepted
// when more of its annotators accept than reject; the replacement is the
// edit most of the accepting annotators typed, else the first suggestion.
// Accepted edits are applied to the records only where the record's text
// still reads the task's text at the task's span.
//
// Agreement follows LINGUISTICS.md: Cohen's κ = (p_o − p_e) / (1 − p_e) for
// each pair of annotators on accept/reject, overall and by task kind, and
// Krippendorff's α = 1 − D_o / D_e with the ordinal distance for ratings
// from any number of annotators with missing values. For one task, a
// chance-corrected coefficient is not defined; each task reports its
// observed agreement (the share of annotator pairs who agree).
package tasks
