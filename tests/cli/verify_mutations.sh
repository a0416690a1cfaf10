#!/usr/bin/env bash
# Mutated proof certificates (issue 15): committed certificates of proofs/certificates (one per
# kind of evidence and verifier: lemma leaves, plateau enclosures, extrema enclosures, the
# stationary-set partition) are given seeded semantic edits by
# tests/data/hostile/semantic_mutations.py. `verify` must end each within BOUND seconds by exit
# 0, 1 or 2 without a signal, and
#   break-*  (a number or type the proof depends on changed: a leaf or header box end, a split of
#            the path, a sign, a recorded enclosure moved off the value, the evidence kind, a leaf
#            dropped or doubled, a summary field, the summary dropped) is never accepted (exit 0);
#   same-*   (the same JSON values: keys reordered, other spacing) is accepted (exit 0);
#   any-*    (a lemma name, a fixed parameter, the recorded precision, a run statistic) may go
#            either way.
# The unmutated certificates verify (exit 0) first: the control.
# Usage: verify_mutations.sh <gancert-binary> <source-dir> [PER_CERT (default 30)] [BOUND s (default 60)]
# MUTATIONS=heldout_mutations.py (with MUTATION_CERTS, MUTATION_OTHER: the certificate its
# foreign leaves come from) runs the held-out kinds instead (tests/cli/heldout_mutations.sh).
set -u
G="$1"
SRC="$2"
PER="${3:-30}"
BOUND="${4:-60}"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
runs=0
declare -A seen=()
CERTS="${MUTATION_CERTS:-no-saddle-A-2d plateau-A-2d extrema-A-2d stationary-set-A no-stationary-A-across-a0}"
MUT="${MUTATIONS:-semantic_mutations.py}"
OTHER=()
[ -n "${MUTATION_OTHER:-}" ] && OTHER=("$SRC/proofs/certificates/$MUTATION_OTHER.jsonl")
seed=15
for c in $CERTS; do
    cert="$SRC/proofs/certificates/$c.jsonl"
    timeout -k 5 "$BOUND" "$G" verify "$cert" --threads 1 >"$T/out" 2>&1 ||
        { echo "FAIL: control: verify $c exited $?"; head -5 "$T/out"; fail=1; continue; }
    python3 "$SRC/tests/data/hostile/$MUT" "$cert" "$T/$c" "$PER" "$seed" "${OTHER[@]}" ||
        { echo "FAIL: $MUT $c"; fail=1; continue; }
    seed=$((seed + 1))
    for m in "$T/$c"/*.jsonl; do
        name=$(basename "$m" .jsonl)
        cls=${name%%-*}
        kind=${name#*-}; kind=${kind%-*}
        seen["$cls-$kind"]=1
        timeout -k 5 "$BOUND" "$G" verify "$m" --threads 1 >"$T/out" 2>&1
        rc=$?
        runs=$((runs + 1))
        why=""
        if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then why="no end within ${BOUND} s"
        elif [ "$rc" -ge 128 ]; then why="killed by signal $((rc - 128))"
        elif [ "$rc" -gt 2 ]; then why="exit $rc"
        elif [ "$cls" = break ] && [ "$rc" = 0 ]; then why="accepted a certificate that is no proof"
        elif [ "$cls" = same ] && [ "$rc" != 0 ]; then why="rejected an equivalent certificate (exit $rc)"
        fi
        if [ -n "$why" ]; then
            echo "FAIL: [$why] $c / $name"
            head -c 800 "$T/out"; echo
            diff <(tr ',' '\n' <"$SRC/proofs/certificates/$c.jsonl") <(tr ',' '\n' <"$m") | head -8
            fail=1
        fi
    done
done
echo "$runs mutated certificates verified; mutation kinds: ${!seen[*]}"
exit $fail
