#!/usr/bin/env bash
# The default wall-clock budgets (certify: api::default_time_limit = 50 s, trajectory:
# api::default_run_time_limit = 40 s; issue 15): without --time-limit,
# a certification that cannot finish and a trajectory that would run for minutes end by
# themselves within 60 s each, with exit 1 and an honest result:
#  * certify (Case A's discriminator, a in [0, inf), b in R, no-stationary: the leaves
#    [0, a1] x (-inf, -B] next to a = 0 are covered by no lemma (proofs/lemmas.md S12-S19) and
#    are not decided in any time; a run stops taking boxes at 85 % of the
#    budget so that writing the certificate fits in it) ends
#    `incomplete`, its undecided boxes as "time limit reached" leaves, a certificate that
#    verifies as `valid: incomplete` and that `--resume` takes up (it re-opens those leaves);
#  * trajectory --certified --steps 100000 (about 16 ms an iterate) stops at the budget: exit 1,
#    the message says how many iterates were computed, and no CSV is written under its name.
# The two run side by side (the test's wall time is one budget).
# Usage: default_budget.sh <gancert-binary> <source-dir>
set -u
G="$1"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
BOUND=60

timed() {  # timed NAME ARGS...: runs gancert, records exit status and seconds in $T/NAME.{rc,s}
    local name="$1" s
    shift
    s=$(date +%s.%N)
    timeout -k 5 "$BOUND" "$G" "$@" >"$T/$name.out" 2>"$T/$name.err"
    echo $? >"$T/$name.rc"
    echo "$(date +%s.%N) - $s" | bc >"$T/$name.s"
}
timed certify certify --case A --box "a=0:inf,b=-inf:inf" --claim no-stationary --quiet --threads 1 --out "$T/c.jsonl" &
timed trajectory trajectory --steps 100000 --certified --csv "$T/t.csv" &
wait

rc=$(cat "$T/certify.rc")
echo "certify: exit $rc after $(cat "$T/certify.s") s: $(head -c 200 "$T/certify.out")"
[ "$rc" = 1 ] || { echo "FAIL: certify without --time-limit: exit $rc (want 1 within $BOUND s)"; cat "$T/certify.err"; fail=1; }
grep -q "^incomplete" "$T/certify.out" || { echo "FAIL: certify: not 'incomplete'"; fail=1; }
grep -q '"reason":"time limit reached"' "$T/c.jsonl" || { echo "FAIL: certify: no 'time limit reached' leaves"; fail=1; }
tail -1 "$T/c.jsonl" | grep -q '"status":"incomplete"' || { echo "FAIL: certify: the summary is not incomplete"; fail=1; }
timeout -k 5 "$BOUND" "$G" verify "$T/c.jsonl" --threads 1 >"$T/v.out" 2>&1
rc=$?
[ "$rc" = 1 ] && grep -q "^valid: incomplete" "$T/v.out" || { echo "FAIL: verify of the budget certificate: exit $rc"; head -5 "$T/v.out"; fail=1; }
# resumable: --resume with a short budget re-opens the budget leaves and ends incomplete again
cp "$T/c.jsonl" "$T/r.jsonl"
timeout -k 5 "$BOUND" "$G" certify --case A --box "a=0:inf,b=-inf:inf" --claim no-stationary --quiet --threads 1 \
    --resume --time-limit 2 --out "$T/r.jsonl" >"$T/r.out" 2>&1
rc=$?
[ "$rc" = 1 ] && grep -q "^incomplete" "$T/r.out" || { echo "FAIL: --resume of the budget certificate: exit $rc"; head -5 "$T/r.out"; fail=1; }
grep -q "resum" "$T/r.out" || grep -q '"resumed_leaves":[1-9]' "$T/r.jsonl" || { echo "FAIL: --resume kept no leaf"; fail=1; }

rc=$(cat "$T/trajectory.rc")
echo "trajectory: exit $rc after $(cat "$T/trajectory.s") s: $(tail -c 200 "$T/trajectory.err")"
[ "$rc" = 1 ] || { echo "FAIL: trajectory --steps 100000 --certified: exit $rc (want 1 within $BOUND s)"; fail=1; }
grep -q "time limit reached: [0-9]* of 100000 iterates" "$T/trajectory.err" || { echo "FAIL: trajectory: no budget message"; fail=1; }
[ -e "$T/t.csv" ] && { echo "FAIL: trajectory: a CSV of a run stopped short"; fail=1; }
exit $fail
