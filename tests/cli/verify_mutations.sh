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
# foreign leaves come from) runs the held-out kinds instead (tests/cli/heldout_mutations.sh);
# MUTATIONS=splice_mutations.py the splice and claim kinds (tests/cli/splice_mutations.sh).
# A certificate of a refuted or incomplete claim is valid with exit 1 ("valid: ..."): its `same`
# edits must keep that verdict. MUTATION_CROSS_CHECK=1: an accepted edit (exit 0) must also be
# accepted by `verify --independent`.
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
    timeout -k 5 "$BOUND" "$G" verify "$cert" --threads 1 >"$T/out" 2>&1
    rc=$?  # a valid certificate of a refuted or incomplete claim: exit 1 with "valid: ..."
    [ "$rc" = 0 ] || { [ "$rc" = 1 ] && grep -q "^valid: " "$T/out"; } ||
        { echo "FAIL: control: verify $c exited $rc"; head -5 "$T/out"; fail=1; continue; }
    crc=$rc
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
        elif [ "$cls" = same ] && [ "$rc" != 0 ] && [ "$rc" != "$crc" ]; then why="rejected an equivalent certificate (exit $rc)"
        elif [ "$cls" = same ] && [ "$crc" = 1 ] && ! grep -q "^valid: " "$T/out"; then why="rejected an equivalent certificate"
        elif [ -n "${MUTATION_CROSS_CHECK:-}" ] && [ "$rc" = 0 ]; then
            # an accepted edit must be accepted by the independent route too (or one of the two is wrong)
            timeout -k 5 "$BOUND" "$G" verify "$m" --independent --threads 1 >"$T/out2" 2>&1
            irc=$?
            [ "$irc" = 0 ] || { why="accepted, but verify --independent exits $irc"; cat "$T/out2" >>"$T/out"; }
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
