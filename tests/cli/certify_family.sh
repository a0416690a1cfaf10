#!/usr/bin/env bash
# certify / verify / atlas / surface with --model SPEC (issue 12, certify part) on the model
#   data=gaussian(mu=0.5,sigma=1) latent=gaussian gen=affine disc=erf cost=ls.
# Its stationary set contains the line {a = 0, b = 0, h = mu} (any g): at a = 0, D = (1+erf b)/2
# is constant, ∂_b J = D'(b)(4D − 2) = 0 iff b = 0; there ∂_a J = (E[X] − E[G(Z)])/√π = (mu − h)/√π
# and ∂_g J, ∂_h J carry the factor a. With g = 1 fixed, (a, h) = (0, mu) is an isolated
# stationary point of the 2-D restriction (Hessian [[*, −1/√π], [−1/√π, 0]], det −1/π):
#  * --claim no-stationary on a box around it ends `refuted` with a Krawczyk witness box that
#    contains it; the independent mpmath oracle (tests/reference/family_mpmath.py) confirms
#    ∇J = 0 there;
#  * on a in [0.5, 0.75] it ends `proved` (∂_h J = −2a E[(1 − D)D'] < 0 for a > 0; the oracle
#    confirms the sign at the box's corners) and `verify` accepts; tampered copies (a leaf's
#    enclosure moved, a leaf dropped, the summary's status changed) are rejected;
#  * bad input (spec, parameter names, boxes outside the domain, --case with a spec) exits 2
#    naming the part; atlas and surface accept the spec.
# usage: certify_family.sh GANCERT_BINARY SOURCE_DIR
set -u
G=$1
SRC=$2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
note() { echo "FAIL: $*"; fail=1; }
M="data=gaussian(mu=0.5,sigma=1) latent=gaussian gen=affine disc=erf cost=ls"
PY=/usr/bin/python3
ORACLE="$SRC/tests/reference/family_mpmath.py"

# ---- refuted around the stationary point (a, h) = (0, 0.5) -----------------------------------
"$G" certify --model "$M" --params b=0,g=1 --box "a=-0.2:0.3,h=0.3:0.8" --claim no-stationary \
    --no-progress --time-limit 120 --out "$T/r.jsonl" > "$T/r" 2>&1
rc=$?
[ $rc = 1 ] && grep -q "^refuted" "$T/r" || note "refutation: exit $rc, want refuted/1: $(cat "$T/r")"
$PY - "$T/r.jsonl" <<'PY' || fail=1
import json, sys
from fractions import Fraction as F
lines = [json.loads(l) for l in open(sys.argv[1])]
hdr = lines[0]
assert hdr["model"]["model"] == "family", hdr["model"]
wit = [j for j in lines if j.get("evidence") == "unique"]
if not wit:
    print("FAIL: no unique (Krawczyk witness) leaf"); sys.exit(1)
names = hdr["box"]["names"]
ok = False
for w in wit:
    b = dict(zip(names, w["box"]))
    if F(b["a"][0]) <= 0 <= F(b["a"][1]) and F(b["h"][0]) <= F(1, 2) <= F(b["h"][1]):
        ok = True
if not ok:
    print("FAIL: no witness box contains (a, h) = (0, 0.5):", [w["box"] for w in wit]); sys.exit(1)
PY
$PY "$ORACLE" --dps 30 "$M" 0 0 1 0.5 > "$T/o0.json" || note "oracle at the stationary point"
$PY - "$T/o0.json" <<'PY' || fail=1
import json, sys
v = json.load(open(sys.argv[1]))["values"]
g = [abs(float(x)) for x in v[3:7]]
if max(g) > 1e-25:
    print("FAIL: the oracle's gradient at (0, 0, 1, 0.5) is not 0:", g); sys.exit(1)
PY
"$G" verify "$T/r.jsonl" > "$T/rv" 2>&1
grep -q "^valid: refuted" "$T/rv" || note "verify of the refutation: $(cat "$T/rv")"

echo "refutation: ${SECONDS}s"
# ---- proved away from it ------------------------------------------------------------------------
"$G" certify --model "$M" --params b=0,g=1 --box "a=0.5:0.75,h=0.25:0.75" --claim no-stationary \
    --initial-boxes 4 --no-witness-search --no-progress --time-limit 120 --out "$T/p.jsonl" > "$T/p" 2>&1
rc=$?
[ $rc = 0 ] && grep -q "^proved" "$T/p" || note "proof on a in [0.5, 0.75]: exit $rc: $(cat "$T/p")"
for pt in "0.5 0.25" "0.5 0.75" "0.75 0.25" "0.75 0.75"; do
    read -r a h <<< "$pt"
    $PY "$ORACLE" --dps 20 "$M" "$a" 0 1 "$h" |
        $PY -c "import json,sys; v=json.load(sys.stdin)['values']; sys.exit(0 if float(v[6]) < 0 else 1)" ||
        note "oracle: dJ/dh not < 0 at a=$a h=$h"
done
"$G" verify "$T/p.jsonl" > "$T/pv" 2>&1; rc=$?
[ $rc = 0 ] && grep -q "^valid: proved" "$T/pv" || note "verify of the proof: exit $rc: $(cat "$T/pv")"
"$G" verify --independent "$T/p.jsonl" > "$T/pi" 2>&1; rc=$?
[ $rc = 0 ] || note "verify --independent (shared route for the family): exit $rc: $(cat "$T/pi")"
# tampered copies
$PY - "$T/p.jsonl" "$T" <<'PY'
import json, sys
lines = open(sys.argv[1]).read().splitlines()
T = sys.argv[2]
recs = [json.loads(l) for l in lines]
leaf = next(i for i, j in enumerate(recs) if j.get("evidence") == "excluded")
def write(name, rs):
    open(f"{T}/{name}.jsonl", "w").write("".join(json.dumps(r) + "\n" for r in rs))
moved = [dict(r) for r in recs]
g = moved[leaf]["grad"]
moved[leaf]["grad"] = {"lo": "-1e-9", "hi": "-1e-10"} if isinstance(g, dict) else ["-1e-9", "-1e-10"]
write("moved", moved)
write("dropped", recs[:leaf] + recs[leaf + 1:])
status = [dict(r) for r in recs]
status[-1] = json.loads(json.dumps(status[-1]))
status[-1]["summary"]["status"] = "refuted"
write("status", status)
PY
for t in moved dropped status; do
    "$G" verify "$T/$t.jsonl" > "$T/tv" 2>&1; rc=$?
    [ $rc = 1 ] || note "tampered certificate ($t) not rejected: exit $rc: $(cat "$T/tv")"
    grep -q "^invalid\|FAIL\|line\|summary" "$T/tv" || note "tampered ($t): no reason given: $(cat "$T/tv")"
done

echo "proof + tampering: ${SECONDS}s"
# ---- bad input: exit 2 naming the part --------------------------------------------------------
expect_bad() {  # expect_bad <text the message must contain> <args...>
    local name=$1; shift
    "$G" "$@" > "$T/b" 2>&1
    local rc=$?
    [ $rc = 2 ] || { note "exit $rc (want 2) for: $*: $(cat "$T/b")"; return; }
    grep -q -- "$name" "$T/b" || note "message for '$*' does not name $name: $(cat "$T/b")"
}
L="data=exp(c=0.5) latent=rayleigh gen=square disc=logistic cost=ls"
expect_bad "\-\-model.*unknown disc 'nosuch'" certify --model "data=exp(c=0.5) latent=rayleigh gen=square disc=nosuch cost=ls" --params b=0,g=1 --box "a=0.5:1,h=0:1"
expect_bad "\-\-model" certify --model "data=exp(c=-1) latent=rayleigh gen=square disc=erf cost=ls" --params b=0,g=1 --box "a=0.5:1,h=0:1"
expect_bad "\-\-params.*'c'" certify --model "$L" --params b=0,g=1,c=2 --box "a=0.5:1,h=0:1"
expect_bad "\-\-params.*'g'" certify --model "$L" --params b=0 --box "a=0.5:1,h=0:1"
expect_bad "\-\-box.*'q'" certify --model "$L" --params b=0,g=1 --box "a=0.5:1,q=0:1"
expect_bad "\-\-box.*a > 0" certify --model "$L" --params b=0,g=1 --box "a=-0.5:1,h=0:1"
expect_bad "\-\-params.*a > 0" certify --model "$L" --params a=0,g=1 --box "b=-1:1,h=0:1"
expect_bad "\-\-box.*g >= 0" certify --model "$L" --params a=1,b=0 --box "g=-0.5:1,h=0:1"
expect_bad "\-\-box.*l < r" certify --model "data=gaussian(mu=0,sigma=1) latent=gaussian gen=affine disc=indicator cost=ls" --params g=1,h=0 --box "l=-1:0.6,r=0.5:1"
expect_bad "\-\-box.*unbounded" certify --model "$L" --params b=0,g=1 --box "a=0.5:inf,h=0:1"
expect_bad "\-\-case" certify --model "$L" --case A --box "a=0.5:1,h=0:1"
expect_bad "\-\-box.*'x'" atlas --model "$L" --params b=0,g=1 --box "a=0.5:1,x=0:1" --out "$T/x.jsonl"
expect_bad "\-\-box.*a > 0" surface --model "$L" --params b=0,g=1 --box "a=-1:1,h=0:1" --plot "$T/x.png"

echo "bad input: ${SECONDS}s"
# ---- atlas and surface accept the spec ------------------------------------------------------------
"$G" atlas --model "$M" --params b=0,g=1 --box "a=0.5:0.75,h=0.25:0.75" --initial-boxes 4 --no-progress --time-limit 60 \
    --out "$T/at.jsonl" > "$T/at" 2>&1; rc=$?
{ [ $rc = 0 ] || [ $rc = 1 ]; } && grep -q "^atlas " "$T/at" || note "atlas --model: exit $rc: $(cat "$T/at")"
"$G" verify "$T/at.jsonl" > "$T/atv" 2>&1
grep -q "^valid" "$T/atv" || note "verify of the family atlas: $(cat "$T/atv")"
"$G" surface --model "$M" --params b=0,g=1 --box "a=0.5:0.75,h=0.25:0.75" --grid 6 --plot "$T/s.png" \
    --csv "$T/s.csv" > "$T/s" 2>&1; rc=$?
[ $rc = 0 ] || note "surface --model: exit $rc: $(cat "$T/s")"
[ "$(wc -l < "$T/s.csv" 2>/dev/null)" = 37 ] || note "surface grid CSV: want 36 rows + header"
awk -F, 'NR>1 && !($3+0 > 0) {bad=1} END {exit bad}' "$T/s.csv" || note "surface: non-positive or non-finite J"
echo "atlas + surface: ${SECONDS}s"

# the 2-D data (data=exp2, lemma F.7(f)): certify + verify + a tampered copy, and an SGD run
M2="data=exp2(c1=0.5,c2=1.5,w1=1,w2=1) latent=rayleigh gen=square disc=erf cost=ls"
"$G" certify --model "$M2" --params "g=1.1,h=-0.4" --box "a=1:1.1,b=-1:-0.9" --claim no-stationary --initial-boxes 1 \
    --no-witness-search --no-progress --out "$T/x2.jsonl" > "$T/x2" 2>&1; rc=$?
[ $rc = 0 ] && grep -q "^proved" "$T/x2" || note "certify exp2: exit $rc: $(cat "$T/x2")"
"$G" verify "$T/x2.jsonl" > "$T/x2v" 2>&1 && grep -q "^valid: proved" "$T/x2v" || note "verify exp2: $(cat "$T/x2v")"
sed 's/c2=1.5,/c2=0.15,/' "$T/x2.jsonl" > "$T/x2t.jsonl"
grep -q 'c2=0.15,' "$T/x2t.jsonl" || note "exp2 tamper: the spec's c2 was not found in the certificate"
"$G" verify "$T/x2t.jsonl" > "$T/x2tv" 2>&1 && note "exp2: a certificate with a changed data law verified: $(cat "$T/x2tv")"
"$G" trajectory --model "$M2" --params "a=1.3,b=-0.8,g=1.1,h=-0.4" --steps 5 --sgd 200 > "$T/x2s" 2>&1 ||
    note "trajectory --sgd exp2: $(cat "$T/x2s")"
grep -q "distance of the mean" "$T/x2s" || note "trajectory --sgd exp2: no comparison line: $(cat "$T/x2s")"
exit $fail
