#!/usr/bin/env bash
# Witness-first refutation (certify/witness_search.hpp) through the CLI: a claim that is false
# because of one stationary point far inside a large or unbounded box ends `refuted` (exit 1)
# with a Krawczyk witness, the certificate verifies (also independently), and 2 MPI ranks write
# the same leaves as one process. A true claim on the same kind of box is not refuted.
set -u
G="$1"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
run=(certify --case A --box "a=-inf:-0.1,b=-inf:inf" --claim no-stationary --no-progress --time-limit 120)
"$G" "${run[@]}" --threads 2 --out "$T/w.jsonl" > "$T/o" 2>&1
rc=$?
if [ $rc != 1 ] || ! grep -q "^refuted: violated 'no stationary point': grad J has exactly one zero in {a in \[-1.18" "$T/o"; then
    echo "FAIL: unbounded a < 0 half-plane: exit $rc, want refuted/1 with the witness near a = -1.188"; cat "$T/o"; fail=1
fi
"$G" verify "$T/w.jsonl" > "$T/v" 2>&1; rc=$?
[ $rc = 1 ] && grep -q "^valid: refuted" "$T/v" || { echo "FAIL: verify: exit $rc"; cat "$T/v"; fail=1; }
"$G" verify --independent "$T/w.jsonl" > "$T/vi" 2>&1
grep -q "^valid: refuted" "$T/vi" || { echo "FAIL: verify --independent"; cat "$T/vi"; fail=1; }
# the refuting leaf with a wrong recorded type is rejected
python3 - "$T/w.jsonl" "$T/bad.jsonl" <<'PY'
import json, sys
lines = open(sys.argv[1]).read().splitlines()
out = []
for l in lines:
    j = json.loads(l)
    if j.get("evidence") == "unique":
        j["type"] = "saddle"
    out.append(json.dumps(j))
open(sys.argv[2], "w").write("\n".join(out) + "\n")
PY
"$G" verify "$T/bad.jsonl" > "$T/vb" 2>&1; rc=$?
[ $rc = 1 ] && grep -q "recorded .saddle., recomputed .min." "$T/vb" || { echo "FAIL: a relabelled witness verified (exit $rc)"; cat "$T/vb"; fail=1; }
# the mirror claim at a > 0 is true on Case A's discriminator block: never refuted
"$G" certify --case A --box "a=0.5:3,b=-4:4" --claim no-stationary --no-progress --time-limit 120 --out "$T/p.jsonl" > "$T/p" 2>&1
grep -q "^refuted" "$T/p" && { echo "FAIL: a true claim refuted"; cat "$T/p"; fail=1; }
# a stationary point ON the hyperplane a = 0 off the stationary line: Case B's (a, h) slice at
# b = -1, g = 0.35, where dJ/dh = 0 for a = 0 and dJ/da(0, h) = 2phi(b)(D(b)/c - (1 - D(b))(g + h))
# vanishes at h* = D(b)/((1 - D(b))c) - g (math.erf here); a nondegenerate saddle of the slice.
# It must be refuted with a witness box holding (0, h*), and a box beside it proved.
"$G" certify --case B --box "a=-1:1,h=-0.58:2.12" --claim no-saddle --no-progress --time-limit 120 --out "$T/s.jsonl" > "$T/s" 2>&1
rc=$?
python3 - "$T/s" <<'PY' || { echo "FAIL: (a, h) slice of Case B: exit $rc, want refuted by a saddle holding (0, h*)"; cat "$T/s"; fail=1; }
import math, re, sys
out = open(sys.argv[1]).read()
D = (1 + math.erf(-1)) / 2
hs = D / ((1 - D) * 4.04) - 0.35
m = re.search(r"one zero in \{a in \[([-0-9.e]+), ([-0-9.e]+)\], h in \[([-0-9.e]+), ([-0-9.e]+)\]\}.*a saddle", out)
sys.exit(0 if out.startswith("refuted") and m and float(m[1]) <= 0 <= float(m[2]) and float(m[3]) <= hs <= float(m[4]) else 1)
PY
"$G" verify "$T/s.jsonl" > "$T/sv" 2>&1; rc=$?
[ $rc = 1 ] && grep -q "^valid: refuted" "$T/sv" || { echo "FAIL: verify of the (a, h) slice: exit $rc"; cat "$T/sv"; fail=1; }
"$G" certify --case B --box "a=-1:1,h=-0.2:2.12" --claim no-stationary --no-progress --time-limit 120 --out "$T/s2.jsonl" > "$T/s2" 2>&1
grep -q "^proved" "$T/s2" || { echo "FAIL: the (a, h) slice beside h*: want proved"; cat "$T/s2"; fail=1; }
if command -v mpirun > /dev/null; then
    export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
    mpirun -np 2 "$G" "${run[@]}" --threads 1 --out "$T/m.jsonl" > "$T/mo" 2>&1
    grep -q "^refuted" "$T/mo" || { echo "FAIL: witness under MPI"; cat "$T/mo"; fail=1; }
    leafset() { grep -v '"summary"' "$1" | tail -n +2 | sort; }
    cmp -s <(leafset "$T/w.jsonl") <(leafset "$T/m.jsonl") || { echo "FAIL: witness leaves differ, 1 process vs 2 ranks"; fail=1; }
fi
exit $fail
