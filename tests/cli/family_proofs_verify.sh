#!/usr/bin/env bash
# Re-verifies the committed certificates of the model-family study (proofs/family-study.md,
# proofs/certificates/family/, written by proofs/family-study.sh): each must be a valid
# certificate of a family model with the verdict the write-up reports — the no-stationary
# claims over the 4-D boxes proved (exit 0), the no-saddle claims on the 2-D slices refuted by a
# Krawczyk-unique saddle (exit 1, "valid: refuted"), a run stopped by its time limit (named
# *-incomplete) a valid incomplete certificate (exit 1, "valid: incomplete").
# usage: family_proofs_verify.sh GANCERT_BINARY SOURCE_DIR
set -u
G=$1
SRC=$2
fail=0
n=0
for c in "$SRC"/proofs/certificates/family/*.jsonl; do
    [ -e "$c" ] || { echo "FAIL: no family certificates in proofs/certificates/family"; exit 1; }
    n=$((n + 1))
    head -1 "$c" | grep -q '"model":"family"' || { echo "FAIL: $c is not a family certificate"; fail=1; }
    out=$("$G" verify --threads 2 --time-limit 600 "$c" 2>&1); rc=$?  # the slowest take ~25 s unloaded
    case "$(basename "$c")" in
        *-incomplete.jsonl) [ $rc = 1 ] && echo "$out" | grep -q "^valid: incomplete" || { echo "FAIL: $c: exit $rc: $out"; fail=1; } ;;
        *no-stationary*) [ $rc = 0 ] && echo "$out" | grep -q "^valid: proved" || { echo "FAIL: $c: exit $rc: $out"; fail=1; } ;;
        *no-saddle*) [ $rc = 1 ] && echo "$out" | grep -q "^valid: refuted" || { echo "FAIL: $c: exit $rc: $out"; fail=1; } ;;
        *) echo "FAIL: $c: no expected verdict for this name"; fail=1 ;;
    esac
done
[ $n -ge 4 ] || { echo "FAIL: only $n family certificates"; fail=1; }
exit $fail
