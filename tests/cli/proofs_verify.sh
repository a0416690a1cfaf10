#!/usr/bin/env bash
# Re-verifies every checked-in certificate of proofs/certificates/ (incl. the stationary-set
# certificates, proofs/stationary-set.md), and checks that a box meeting the stationary line
# {a = 0, b = 0, g + h = 1/c} (docs/mathematics.md §3 and proofs/lemmas.md §C) is refuted by the stationary-line witness (lemma S7),
# never proved free of stationary points.
set -u
G="$1"
SRC="$2"
fail=0
for c in "$SRC"/proofs/certificates/*.jsonl; do
    if ! out=$("$G" verify "$c" 2>&1); then echo "FAIL: $c: $out"; fail=1; fi
    case "$(basename "$c")" in
        no-saddle-*|no-stationary-*|plateau-*|extrema-*|stationary-set-*) echo "$out" | grep -q "^valid: proved" || { echo "FAIL: $c not proved: $out"; fail=1; } ;;
    esac
done
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
out=$("$G" certify --params a=1,b=0,g=1.5,h=0,c=0.5 --box "a=0:0.01,b=-0.01:0.01,h=0.49:0.51" \
      --claim no-stationary --min-width 0.2 --initial-boxes 1 --out "$T/a0.jsonl" --no-progress 2>&1)
case "$out" in refuted*stationary-line*) ;; *) echo "FAIL: box meeting the stationary line not refuted by the stationary-line witness (lemma S7): $out"; fail=1 ;; esac
"$G" verify "$T/a0.jsonl" | grep -q "^valid: refuted" || { echo "FAIL: a = 0 certificate does not verify as refuted"; fail=1; }
# the committed stationary-set certificates state the theorem for the paper's c (lemmas §S)
for c in A:0.5 B:4.04; do
    f="$SRC/proofs/certificates/stationary-set-${c%%:*}.jsonl"
    grep -q "\"lo\":\[\"-inf\",\"-inf\",\"0\",\"-inf\",\"${c#*:}\"\]" "$f" || { echo "FAIL: $f is not the whole space at c = ${c#*:}"; fail=1; }
    "$G" verify "$f" | grep -q "Nash equilibria: none" || { echo "FAIL: $f does not state 'Nash equilibria: none'"; fail=1; }
done
exit $fail
