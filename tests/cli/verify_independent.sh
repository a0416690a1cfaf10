#!/usr/bin/env bash
# `gancert verify --independent` on committed certificates (lemma leaves re-checked by exact
# comparisons, plateau leaves re-derived from the integral path): valid, proved, every leaf of
# an independent kind re-derived independently; and tampered copies rejected by the independent
# route (a lemma S1 leaf with the wrong sign, a plateau leaf with a shifted J).
set -u
G="$1"
SRC="$2"
fail=0
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
for c in no-stationary-A-across-a0 no-saddle-A-4d plateau-A-2d; do
    f="$SRC/proofs/certificates/$c.jsonl"
    out=$("$G" verify --independent --threads 2 "$f" 2>&1) || { echo "FAIL: $c: $out"; fail=1; continue; }
    echo "$out" | grep -q "^valid: proved" || { echo "FAIL: $c not proved: $out"; fail=1; }
    echo "$out" | grep -q "by the shared route" || { echo "FAIL: $c: no route report: $out"; fail=1; }
    if echo "$out" | grep "^route:" | grep -qv " 0 by the shared route"; then echo "FAIL: $c: a leaf took the shared route: $out"; fail=1; fi
done
# the extrema leaves have no independent route: reported as such, still valid
out=$("$G" verify --independent --threads 2 "$SRC/proofs/certificates/extrema-A-2d.jsonl" 2>&1)
echo "$out" | grep -q "^route: bounded: 0 re-derived independently, [1-9][0-9]* by the shared route" ||
    { echo "FAIL: extrema route report: $out"; fail=1; }
# tampered: a plateau leaf whose J is moved outside level ± delta (and away from the truth)
python3 - "$SRC/proofs/certificates/plateau-A-2d.jsonl" "$T/p.jsonl" <<'PY'
import json, sys
lines = open(sys.argv[1]).read().splitlines()
leaf = json.loads(lines[1]); leaf["J"] = ["1.0005", "1.001"]
lines[1] = json.dumps(leaf, separators=(",", ":"), sort_keys=True)
open(sys.argv[2], "w").write("\n".join(lines) + "\n")
PY
out=$("$G" verify --independent --threads 2 "$T/p.jsonl" 2>&1) && { echo "FAIL: tampered plateau J accepted: $out"; fail=1; }
echo "$out" | grep -q "line 2: independent: plateau: J" || { echo "FAIL: tampered plateau J not rejected by the independent route: $out"; fail=1; }
# tampered: an S1 leaf asserting the wrong sign of dJ/dh
python3 - "$SRC/proofs/certificates/no-saddle-A-4d.jsonl" "$T/s.jsonl" <<'PY'
import json, sys
lines = open(sys.argv[1]).read().splitlines()
leaf = json.loads(lines[1]); assert leaf["lemma"] == "S1"; leaf["sign"] = -leaf["sign"]
lines[1] = json.dumps(leaf, separators=(",", ":"), sort_keys=True, ensure_ascii=False)
open(sys.argv[2], "w").write("\n".join(lines) + "\n")
PY
out=$("$G" verify --independent --threads 2 "$T/s.jsonl" 2>&1) && { echo "FAIL: S1 leaf with the wrong sign accepted: $out"; fail=1; }
echo "$out" | grep -q "line 2: independent: lemma S1: the recorded sign is not -sign a" ||
    { echo "FAIL: wrong S1 sign not rejected by the independent route: $out"; fail=1; }
exit $fail
