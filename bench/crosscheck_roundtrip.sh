#!/bin/sh
# Round trip: every named solution of `cogo construct` on every cyclic group of order 2..64 and a list of
# product groups, exported as float weights and cross-checked; prints one line per (group, solution) and a
# tally of the network verdicts. Usage: bench/crosscheck_roundtrip.sh [path/to/cogo] (default build/src/cogo).
# Takes a few minutes on one core; the unit tests run a sampled, disguised version.
set -u
COGO=${1:-build/src/cogo}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
groups="$(seq 2 64) 2x2 2x4 3x3 2x2x2 2x6 2x8 4x4 2x2x4 3x6 2x2x2x2 2x10 3x9 5x5 2x3x4 4x8 2x2x8 2x4x4 2x2x2x4
2x2x2x2x2 6x6 2x12 2x18 3x12 7x7 2x2x2x2x4 8x8 4x16 2x32 4x4x4"
for g in $groups; do
  for sol in F6 F46 nui-synab order4 cyclic order8 syn-dc M min min-zero-mean F6R; do
    d="$TMP/$g-$sol"
    "$COGO" construct --group "$g" --solution "$sol" --out "$d" >/dev/null 2>&1 || continue  # not defined on g
    "$COGO" crosscheck "$d" > "$d.txt" 2>&1
    echo "$g $sol rc=$? $(grep '^network' "$d.txt")"
    rm -rf "$d" "$d.txt"
  done
done | tee "$TMP/all.txt"
echo "--- network verdicts per solution:"
awk '{split($4, v, " "); print $2, $4}' "$TMP/all.txt" | sort | uniq -c
