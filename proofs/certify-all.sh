#!/usr/bin/env bash
# Regenerates and verifies the certificates of proofs/certificates/ and prints the verdict table.
# Usage: proofs/certify-all.sh <path-to-gancert> [output-dir (default: proofs/certificates)]
set -euo pipefail
G="$1"
HERE="$(cd "$(dirname "$0")" && pwd)"
OUT="${2:-$HERE/certificates}"
mkdir -p "$OUT"
rows=()
run() {  # run <name> <certify args...>
    local name="$1"
    shift
    local t0 t1 verdict check
    t0=$(date +%s.%N)
    verdict=$("$G" certify "$@" --out "$OUT/$name.jsonl" --no-progress)
    t1=$(date +%s.%N)
    if check=$("$G" verify "$OUT/$name.jsonl" 2>&1); then check="verified"; else check="VERIFY FAILED"; fi
    rows+=("$(printf '%-28s | %-60s | %6.2f s | %s' "$name" "${verdict%% — *}" "$(echo "$t1 - $t0" | bc)" "$check")")
}
FOUR="a=0.5:5,b=-4:4,g=0.2:4,h=-5:3"
run no-saddle-A-2d   --case A --box "b=-6:6,h=-6:6" --claim no-saddle
run no-saddle-B-2d   --case B --box "b=-6:6,h=-6:6" --claim no-saddle
run no-saddle-A-4d   --case A --box "$FOUR" --claim no-saddle
run no-saddle-B-4d   --case B --box "$FOUR" --claim no-saddle
run no-stationary-A-4d --case A --box "$FOUR" --claim no-stationary
run no-stationary-B-4d --case B --box "$FOUR" --claim no-stationary
# the stationary set on the whole space (lemma leaves, proofs/stationary-set.md)
run stationary-set-A --claim stationary-set --case A
run stationary-set-B --claim stationary-set --case B
# unbounded boxes and boxes touching a = 0: lemma leaves (S1, S10, S9, S11; proofs/lemmas.md §S)
run no-stationary-A-halfspace --case A --box "a=0.5:inf,b=-inf:inf,g=0:inf,h=-inf:inf" --claim no-stationary
run no-stationary-A-touching-a0 --case A --box "a=0:2,b=0.5:3,g=0.2:4,h=-5:3" --claim no-stationary
run no-stationary-A-across-a0 --case A --box "a=-inf:inf,b=0.5:inf,g=0:inf,h=-inf:inf" --claim no-stationary
run plateau-A-saturated --case A --box "b=8:inf,h=0:inf" --claim plateau --eps 1e-6 --delta 1e-6 --level 1
run plateau-A-one-sided --case A --box "a=0:3,b=-inf:-100" --claim plateau --eps 1e-6 --delta 1e-6 --level 1
# plateaux around the end points of the paper's 2-D trajectories (249 updates, step 0.4)
run plateau-A-2d --case A --box "b=1.58:1.63,h=1.41:1.46" --claim plateau --eps 0.01 --delta 0.002 --level 1
run plateau-B-2d --case B --box "b=2.14:2.19,h=-0.16:-0.11" --claim plateau --eps 0.01 --delta 0.002 --level 1
# certified max and min of J over the 2-D boxes to 1e-12 relative width (the default --delta),
# with their location (proofs/extrema.md; ~10-15 s each on 2 cores; skip with GANCERT_SKIP_EXTREMA=1)
if [ -z "${GANCERT_SKIP_EXTREMA:-}" ]; then
    run extrema-A-2d --case A --box "b=-6:6,h=-6:6" --claim extrema
    run extrema-B-2d --case B --box "b=-6:6,h=-6:6" --claim extrema
fi
echo
printf '%-28s | %-60s | %8s | %s\n' "certificate" "verdict" "time" "independent check"
printf '%s\n' "${rows[@]}"
