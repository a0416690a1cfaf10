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
if command -v mpirun > /dev/null; then
    export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
    mpirun -np 2 "$G" "${run[@]}" --threads 1 --out "$T/m.jsonl" > "$T/mo" 2>&1
    grep -q "^refuted" "$T/mo" || { echo "FAIL: witness under MPI"; cat "$T/mo"; fail=1; }
    leafset() { grep -v '"summary"' "$1" | tail -n +2 | sort; }
    cmp -s <(leafset "$T/w.jsonl") <(leafset "$T/m.jsonl") || { echo "FAIL: witness leaves differ, 1 process vs 2 ranks"; fail=1; }
fi
exit $fail
