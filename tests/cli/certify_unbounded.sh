#!/usr/bin/env bash
# Held-out-style boxes (issue 10, items 3 and 8): a < 0, boxes touching a = 0 from both sides,
# a = 0 interior, unbounded ranges in each coordinate, both paper cases and --params c values.
# Each run must end with the verdict stated (proved: exit 0, refuted/incomplete: exit 1) within
# a few seconds, and `gancert verify` must accept the certificate. The expected verdicts follow
# from proofs/lemmas.md §S (the stationary set is L_c = {a = 0, b = 0, g + h = 1/c}), not from
# this program: a box meeting L_c is refuted, one missing it proved. Then planted false lemma
# hypotheses must be rejected by the verifier, and bad unbounded input is exit 2.
# Usage: certify_unbounded.sh <gancert-binary> <source-dir>
set -u
G="$1"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
source "$2/tests/support/cli_expect.sh"
n=0
run() {  # run <want: proved|refuted|incomplete> <max seconds> <certify args...>
    local want="$1" limit="$2"
    shift 2
    n=$((n + 1))
    local out="$T/c$n.jsonl" t0 t1 rc
    t0=$(date +%s.%N)
    "$G" certify "$@" --quiet --threads 2 --out "$out" > "$T/o" 2>&1
    rc=$?
    t1=$(date +%s.%N)
    local code=1
    [ "$want" = proved ] && code=0
    if [ $rc != $code ] || ! grep -q "^$want" "$T/o"; then
        echo "FAIL: certify $* -> exit $rc (want $want/$code)"; cat "$T/o"; fail=1; return
    fi
    local secs
    secs=$(python3 -c "print(f'{$t1 - $t0:.2f}')")
    python3 -c "import sys; sys.exit(0 if $secs <= $limit else 1)" || { echo "FAIL: certify $* took $secs s (> $limit s)"; fail=1; }
    "$G" verify "$out" > "$T/v" 2>&1
    grep -q "^valid: $want" "$T/v" || { echo "FAIL: verify of certify $* :"; cat "$T/v"; fail=1; }
    echo "$want ($secs s, $(sed -n 's/.*(\([0-9]*\) leaves).*/\1/p' "$T/o" | head -1) leaves): $*"
}
for case in A B; do
    run proved 10 --case $case --box "a=-5:-0.5,b=-6:6,g=0.2:4,h=-5:3" --claim no-stationary
    run proved 10 --case $case --box "a=0:2,b=0.5:3,g=0.2:4,h=-5:3" --claim no-stationary
    run proved 10 --case $case --box "a=-1.5:0,b=-2.5:-0.3,g=0:3,h=-4:2" --claim no-saddle
    run proved 10 --case $case --box "a=-0.7:1.3,b=0.2:2,g=0.1:1,h=-1:1" --claim no-stationary
    run refuted 10 --case $case --box "a=-1:1,b=-1:1,g=0:3,h=-3:3" --claim no-saddle
    run refuted 10 --case $case --box "a=-inf:inf,b=-inf:inf,g=0:inf,h=-inf:inf" --claim no-stationary
    run proved 10 --case $case --box "a=0.5:inf,b=-inf:inf,g=0:inf,h=-inf:inf" --claim no-stationary
    run proved 10 --case $case --box "a=-inf:-0.25,b=-inf:inf,g=0:inf,h=-inf:inf" --claim no-saddle
    run proved 10 --case $case --box "a=-inf:inf,b=0.5:3,g=0:4,h=-5:3" --claim no-stationary
    run proved 10 --case $case --box "a=-INF:-1,b=-5:5,g=2:Infinity,h=-inf:+inf" --claim no-stationary
done
# c(g + h) never 1 on the box (c = 2.5: g + h in [2, 5]), b through 0, a through 0: lemma S8a
run proved 10 --params c=2.5 --box "a=-1:1,b=-1:1,g=1:3,h=1:2" --claim no-stationary
run refuted 10 --params c=2.5 --box "a=-1:1,b=-1:1,g=0:0.3,h=0:0.3" --claim no-stationary
run proved 10 --params c=0.3 --box "a=-inf:-2,b=-1:1,g=0:inf,h=0:inf" --claim no-saddle
# a = 0 fixed: lemma S2 on b ≠ 0 (an unbounded b range)
run proved 10 --params a=0,c=1 --box "b=0.25:inf,g=0:3,h=-2:2" --claim no-stationary
run proved 10 --params a=0,g=1,c=1 --box "b=-inf:-0.1,h=-inf:inf" --claim no-stationary
# boxes meeting a = 0 away from L_c: lemma S10 (S1 at a != 0, S2/S3 at a = 0), any |b|
for case in A B; do
    run proved 10 --case $case --box "a=-inf:inf,b=0.5:inf,g=0:4,h=-5:3" --claim no-stationary
    run proved 10 --case $case --box "a=-0.01:0.02,b=-inf:-8,g=0:inf,h=-inf:inf" --claim no-saddle
    run proved 10 --case $case --box "a=0:3,b=-40:40,g=0:0.25,h=-1:-0.1" --claim no-stationary
done
run proved 10 --params c=2 --box "a=-1:0,b=-inf:inf,g=1:2,h=0:inf" --claim no-stationary
run proved 10 --params b=0,c=1 --box "a=-inf:inf,g=0:0.5,h=0:0.4" --claim no-saddle
run refuted 10 --params b=0,c=1 --box "a=-inf:inf,g=0:0.5,h=0:0.6" --claim no-saddle
# g, h fixed (the discriminator's own landscape) next to a = 0 with |b| large: lemma S12 (tail
# split) decides the leaves meeting a = 0 and those where a has the sign that keeps aX + b and
# aG + b away from 0; where they cross 0 (a < 0 < b here) only evaluation decides, slowly: a time
# budget ends the run honestly incomplete
run proved 10 --case B --box "a=-0.05:0.05,b=3:9" --claim no-stationary
run proved 10 --params g=1,h=0.5,c=1 --box "a=0:1,b=9:10" --claim no-saddle
run proved 10 --params g=1,h=0.5,c=1 --box "a=-1:0,b=-30:-20" --claim no-stationary
run incomplete 10 --params g=1,h=0.5,c=1 --box "a=-1:1,b=9:10" --claim no-stationary --initial-boxes 1 --time-limit 2
# g, h fixed, a > 0 with a and b unbounded: lemmas S13-S16 (radial monotonicity where the
# generator lies below the threshold, dJ/da > 0 above it, S15 for both at once for large a, the
# heavier exponential tail far right of the data) leave only a bounded box to evaluation
run proved 30 --case B --box "a=0.1:inf,b=-inf:inf" --claim no-stationary
run proved 15 --case A --box "a=0.1:inf,b=-inf:inf" --claim no-stationary
run proved 10 --case A --box "a=1:inf,b=-inf:inf" --claim no-saddle
run proved 10 --case B --box "a=0.5:2,b=-inf:-40" --claim no-stationary
run proved 10 --params g=0.35,h=0.5,c=4.04 --box "a=4:30,b=-inf:-20" --claim no-stationary
run refuted 10 --case A --box "a=-inf:inf,b=-inf:inf" --claim no-stationary

# plateau on unbounded ranges where the discriminator saturates: lemma S9 (and a refutation
# where it does not saturate)
for case in A B; do
    run proved 10 --case $case --box "b=10:inf" --claim plateau --eps 1e-6 --delta 1e-6 --level 1
    run proved 10 --case $case --box "b=8:inf,h=0:inf" --claim plateau --eps 1e-6 --delta 1e-6 --level 1
    run refuted 10 --case $case --box "b=0:inf,h=-1:inf" --claim plateau --eps 0.01 --delta 0.01 --level 1
done
run proved 10 --params a=-2,g=1,h=1,c=1 --box "b=-inf:-9" --claim plateau --eps 1e-6 --delta 1e-6 --level 1
# one-sided saturation (a reaching 0, aX + b crossing 0 for large X): lemma S11
for case in A B; do
    run proved 10 --case $case --box "b=-inf:-80" --claim plateau --eps 1e-6 --delta 1e-6 --level 1
done
run proved 10 --params c=1 --box "a=0:1,b=-inf:-80,g=0:1,h=-1:1" --claim plateau --eps 1e-6 --delta 1e-6 --level 1
run proved 10 --params c=1 --box "a=-1:0,b=80:inf,g=0:1,h=-1:1" --claim plateau --eps 1e-6 --delta 1e-6 --level 1

# planted false lemma hypotheses: rejected by the verifier
"$G" certify --params g=0.5,h=0.5,c=1 --box "a=-2:2,b=-1:-0.1" --claim no-stationary --quiet --out "$T/p.jsonl" > /dev/null
plant() {  # plant <name> <python expression editing leaf l (dict); return True if edited>
    python3 - "$T/p.jsonl" "$T/bad.jsonl" "$2" <<'EOF'
import json, sys
src, dst, edit = sys.argv[1], sys.argv[2], sys.argv[3]
lines = open(src).read().splitlines()
done = False
out = [lines[0]]
for s in lines[1:]:
    l = json.loads(s)
    if not done and "summary" not in l and eval(edit):
        done = True
        s = json.dumps(l)
    out.append(s)
open(dst, "w").write("\n".join(out) + "\n")
sys.exit(0 if done else 3)
EOF
    [ $? = 0 ] || { echo "FAIL: planting '$1' found no leaf"; fail=1; return; }
    "$G" verify "$T/bad.jsonl" > "$T/v" 2>&1
    local rc=$?
    if [ $rc = 0 ] || grep -q "^valid" "$T/v"; then echo "FAIL: planted '$1' accepted"; cat "$T/v"; fail=1
    else echo "rejected as required: $1 ($(grep -m1 "line" "$T/v" | cut -c1-120))"; fi
}
# an S8b leaf (its a-range contains 0) relabelled as S1
plant "S1 on a leaf whose a-range contains 0" \
  'l.get("lemma") == "S8b" and (l.update(lemma="S1", index=3, sign=-1, hypotheses=["a_lo > 0"], conclusion="x") or [l.pop(k) for k in ("base", "remainder")])'
plant "S8b remainder recorded too small" \
  'l.get("lemma") == "S8b" and (l.update(remainder=["0", "1e-300"]) or True)'
plant "S8b leaf relabelled S2 (a is free, not fixed to 0)" \
  'l.get("lemma") == "S8b" and (l.update(lemma="S2") or True)'
plant "S8b leaf relabelled S10 (g and h are fixed)" \
  'l.get("lemma") == "S8b" and (l.update(lemma="S10") or [l.pop(k) for k in ("base", "remainder", "index", "sign")])'
"$G" certify --case B --box "a=-0.05:0.05,b=3:9" --claim no-stationary --quiet --out "$T/p.jsonl" > /dev/null
plant "S12 remainder recorded too small" 'l.get("lemma") == "S12" and (l.update(remainder=["0", "1e-300"]) or True)'
plant "S12 split point s moved (beta1 < 0)" 'l.get("lemma") == "S12" and (l.update(s="1e6") or True)'
plant "S12 leaf relabelled S8b" 'l.get("lemma") == "S12" and (l.update(lemma="S8b") or l.pop("s") or True)'
plant "S12 leaf with the wrong sign" 'l.get("lemma") == "S12" and (l.update(sign=-l["sign"]) or True)'
"$G" certify --case A --box "a=-5:-0.5,b=-6:6,g=0.2:4,h=-5:3" --claim no-stationary --quiet --out "$T/p.jsonl" > /dev/null
plant "S1 leaf with the wrong sign" 'l.get("lemma") == "S1" and (l.update(sign=-l["sign"]) or True)'
plant "S1 leaf citing the gradient component b" 'l.get("lemma") == "S1" and (l.update(index=1) or True)'
plant "unknown lemma" 'l.get("lemma") == "S1" and (l.update(lemma="S99") or True)'
"$G" certify --case A --box "a=-1:1,b=-1:1,g=0:3,h=-3:3" --claim no-stationary --quiet --out "$T/p.jsonl" > /dev/null
plant "S10 on a leaf meeting the stationary line" \
  'l.get("evidence") == "stationary-line" and ((lambda p, b: l.clear() or l.update(path=p, box=b, evidence="lemma", bits=53, lemma="S10", hypotheses=[], conclusion="x"))(l["path"], l["box"]) or True)'
"$G" certify --case A --box "a=-1:1,b=0.5:1,g=0:3,h=-3:3" --claim no-stationary --quiet --out "$T/p.jsonl" > /dev/null
plant "S10 leaf with an extra index" 'l.get("lemma") == "S10" and (l.update(index=3, sign=1) or True)'
plant "S10 hypotheses changed" 'l.get("lemma") == "S10" and (l.update(hypotheses=["b_lo > 0"]) or True)'
# S13-S16 leaves: a cited lemma whose hypotheses fail, a flipped sign, a shrunk remainder
"$G" certify --case B --box "a=0.5:inf,b=-inf:inf" --claim no-stationary --quiet --out "$T/p.jsonl" > /dev/null
plant "S15 leaf relabelled S13 (b unbounded above: -b - a h >= 1 fails)" \
  'l.get("lemma") == "S15" and l["box"][1][1] == "inf" and (l.update(lemma="S13") or True)'
plant "S15 leaf relabelled S14 (a unbounded: a h + b >= -1 fails)" \
  'l.get("lemma") == "S15" and (l.update(lemma="S14", index=0, sign=1) or True)'
plant "S14 leaf with the wrong sign" 'l.get("lemma") == "S14" and (l.update(sign=-1) or True)'
plant "S14 leaf citing dJ/db" 'l.get("lemma") == "S14" and (l.update(index=1) or True)'
plant "S16 leaf with the wrong sign" 'l.get("lemma") == "S16" and (l.update(sign=-l["sign"]) or True)'
plant "S16 remainder recorded too small" 'l.get("lemma") == "S16" and (l.update(remainder=["-1e9", "-1e8"]) or True)'
plant "S16 leaf relabelled S15 (a_lo below c sqrt(pi)/2)" \
  'l.get("lemma") == "S16" and (l.update(lemma="S15") or [l.pop(k) for k in ("base", "remainder", "index", "sign")])'
plant "S16 leaf moved next to the data (b_hi raised to -1)" \
  'l.get("lemma") == "S16" and (l["box"][1].__setitem__(1, "-1") or True)'
# S9 (plateau) leaves: a threshold T moved into the non-saturated range, a J bound shrunk
"$G" certify --case A --box "b=8:inf,h=0:inf" --claim plateau --eps 1e-6 --delta 1e-6 --level 1 --quiet --out "$T/p.jsonl" > /dev/null
plant "S9 threshold T recorded larger" 'l.get("lemma") == "S9" and (l.update(T="50") or True)'
plant "S9 J bound recorded narrower than the lemma gives" 'l.get("lemma") == "S9" and (l.update(J=["1", "1"]) or True)'
"$G" certify --params c=1 --box "a=0:1,b=-inf:-80,g=0:1,h=-1:1" --claim plateau --eps 1e-6 --delta 1e-6 --level 1 --quiet --out "$T/p.jsonl" > /dev/null
plant "S11 tau recorded above beta" 'l.get("lemma") == "S11" and (l.update(tau="1e9") or True)'
plant "S11 tau recorded as 0" 'l.get("lemma") == "S11" and (l.update(tau="0") or True)'
plant "S11 gradient bound recorded narrower" 'l.get("lemma") == "S11" and (l.update(grad=[["0", "0"]] * len(l["grad"])) or True)'
plant "S11 leaf relabelled S9 (a reaches 0: not uniformly saturated)" 'l.get("lemma") == "S11" and (l.update(lemma="S9") or True)'

# bad input
expect 2 "--box: a: lower bound +inf is +inf" certify --case A --box "a=+inf:inf,b=0:1" --claim no-saddle --out "$T/x.jsonl"
expect 2 "--box: b: upper bound -inf is -inf" certify --case A --box "a=0:1,b=-1:-inf" --claim no-saddle --out "$T/x.jsonl"
expect 2 "--params: a:" certify --params a=inf,g=1,h=0,c=1 --box "b=0:1" --claim no-saddle --out "$T/x.jsonl"
expect 2 "--level" certify --case A --box "b=0:inf,h=0:1" --claim plateau --eps 1e-3 --delta 1e-3 --out "$T/x.jsonl"
expect 2 "unbounded ranges" certify --case A --box "b=0:inf,h=0:1" --claim extrema --out "$T/x.jsonl"
exit $fail
