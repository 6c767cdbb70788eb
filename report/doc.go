// Package report turns aligned records into audit summaries and renders
// them for people and pipelines.
//
// A Summary holds only what can be merged exactly: counts, the severity
// counts behind the MQM score, the naturalness scores as an exact histogram
// (align rounds them to tenths, so 1,001 possible values), every issue
// group, and the worst records. Merging the summaries of the shards of a
// set therefore gives the summary of the whole set, figure for figure,
// percentiles included: the reduce step of DESIGN.md's "Scaling past one
// machine". Everything shown (mean, median, 10th percentile, OQS, pass or
// fail) is derived from those counts when rendered.
//
// Ties are broken by total orders that do not depend on where a record
// sat in its file (naturalness, penalty, id, text), so that the worst
// records and each issue's example are the same however the set was split.
// A set whose records have no id field gets line numbers as ids, and those
// do change with the split.
//
// The renderers write the terminal text (aligned tables, optional colour),
// Markdown, self-contained HTML with inline SVG charts, and JSON, the
// mergeable form. Diff compares two summaries: the score shift, findings
// per 1,000 words by kind, and the issues that are new.
//
// report reads what align produced; it knows nothing of streams, flags or
// exit codes.
package report
