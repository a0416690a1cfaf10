#!/usr/bin/env bash
# Determinism (issue 10): the same input gives the same set of leaves and the same summary
# (apart from "stats") for any thread count and in repeated runs: a refuted no-saddle claim of
# test-cubic and an R/S/E/E extrema claim (whose pruning incumbents are fixed up front).
# Usage: certify_determinism.sh <gancert-binary> <source-dir>
set -u
G="$1"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
leaves() { grep -v '"summary"' "$1" | tail -n +2 | sort; }
summary() { tail -1 "$1" | python3 -c 'import json,sys; s=json.load(sys.stdin)["summary"]; s.pop("stats",None); print(json.dumps(s,sort_keys=True))'; }
check() {  # check <name> <expected-exit> <certify args...>
    local name="$1" code="$2"
    shift 2
    local k=0 ref=""
    for threads in 1 2 2 3; do
        k=$((k + 1))
        "$G" certify "$@" --threads $threads --quiet --out "$T/$name.$k.jsonl" > "$T/$name.$k.out" 2>&1
        local rc=$?
        [ $rc = "$code" ] || { echo "FAIL: $name threads=$threads exit $rc (want $code)"; cat "$T/$name.$k.out"; fail=1; }
        leaves "$T/$name.$k.jsonl" > "$T/$name.$k.leaves"
        summary "$T/$name.$k.jsonl" > "$T/$name.$k.summary"
        if [ $k -gt 1 ]; then
            cmp -s "$T/$name.1.leaves" "$T/$name.$k.leaves" || { echo "FAIL: $name: leaves differ (threads 1 vs run $k, threads $threads): $(wc -l < "$T/$name.1.leaves") vs $(wc -l < "$T/$name.$k.leaves")"; fail=1; }
            cmp -s "$T/$name.1.summary" "$T/$name.$k.summary" || { echo "FAIL: $name: summaries differ (run $k)"; diff "$T/$name.1.summary" "$T/$name.$k.summary"; fail=1; }
        fi
    done
    echo "$name: $(wc -l < "$T/$name.1.leaves") leaves, $(cat "$T/$name.1.summary" | head -c 200)"
}
check cubic 1 --model test-cubic --box "x1=-3:3.1,x2=-2.7:3" --claim no-saddle
check cubic3 1 --model test-cubic --box "x1=-3:3.1,x2=-2.7:3,x3=-2.2:2.5" --claim no-stationary --min-width 1e-3
# early stop at the first refutation (level by level): the same leaves for any thread count
# (cubic3 above stops early; the Case A box is refuted at the first level by S7, the rest by S1/S10)
check earlystop 1 --case A --box "a=-1:1,b=-1:1,g=0.5:2,h=-1:2" --claim no-saddle
grep -q '"not examined: claim refuted"' "$T/cubic3.1.jsonl" || { echo "FAIL: cubic3: no early stop recorded"; fail=1; }
check unbounded 0 --case B --box "a=-inf:inf,b=0.5:3,g=0:4,h=-5:3" --claim no-stationary
check extrema 0 --case A --box "b=-6:6,h=-6:6" --claim extrema --delta 1e-3 --min-width 1e-3
"$G" verify "$T/extrema.1.jsonl" > "$T/v.out" 2>&1 || { echo "FAIL: extrema certificate does not verify"; cat "$T/v.out"; fail=1; }
exit $fail
