#!/usr/bin/env bash
# Re-verifies every checked-in certificate of proofs/certificates/, and checks that a box
# touching a = 0 around the stationary line {a = 0, b = 0, g + h = 1/c} (design §3.3) is never
# proved free of stationary points.
set -u
G="$1"
SRC="$2"
fail=0
for c in "$SRC"/proofs/certificates/*.jsonl; do
    if ! out=$("$G" verify "$c" 2>&1); then echo "FAIL: $c: $out"; fail=1; fi
    case "$(basename "$c")" in
        no-saddle-*|no-stationary-*|plateau-*|extrema-*) echo "$out" | grep -q "^valid: proved" || { echo "FAIL: $c not proved: $out"; fail=1; } ;;
    esac
done
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
out=$("$G" certify --params a=1,b=0,g=1.5,h=0,c=0.5 --box "a=0:0.01,b=-0.01:0.01,h=0.49:0.51" \
      --claim no-stationary --min-width 0.2 --initial-boxes 1 --out "$T/a0.jsonl" --no-progress 2>&1)
case "$out" in proved*) echo "FAIL: box with the a = 0 stationary line proved: $out"; fail=1 ;; esac
"$G" verify "$T/a0.jsonl" | grep -q "^valid: " || { echo "FAIL: a = 0 certificate does not verify"; fail=1; }
exit $fail
