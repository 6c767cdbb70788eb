#!/bin/sh
# Accuracy of habla detect on a DSLCC test file, es-AR vs es-ES
# (EVALUATION.md). DSLCC is evaluation only: nothing here tunes anything.
#
#   scripts/dslcc-eval.sh ../shared/data/dslcc/dslcc_v2.0_testA_gold_es.tsv [--model FILE]
#
# Prints the forced accuracy (the top variety, never abstaining), the share
# answered (not abstaining) and the accuracy when answering.
set -eu
gold=$1
shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cut -f2 "$gold" > "$tmp/gold"
cut -f1 "$gold" | habla detect --among es-AR,es-ES --input-format text "$@" > "$tmp/out"
sed -e 's/.*"habla":{"v":1,"dialect":"\([^"]*\)".*"ranking":\[{"dialect":"\([^"]*\)".*/\1 \2/' "$tmp/out" > "$tmp/pred"
paste -d' ' "$tmp/gold" "$tmp/pred" | awk '
	{ n++; if ($3 == $1) forced++; if ($2 != "es") { ans++; if ($2 == $1) right++ } }
	END { printf "forced accuracy %.3f, answered %.3f, accuracy when answering %.3f (%d sentences)\n",
		forced/n, ans/n, right/(ans ? ans : 1), n }'
