#!/usr/bin/env bash
# trajectory / reference --points / compare for models of the family (--model) against the
# independent mpmath gradient play (tests/reference/family_trajectory_mpmath.py, two precisions)
# and the independent mpmath reference values (tests/reference/family_mpmath.py):
#   * two non-paper compositions (logistic discriminator with the paper's data, latent, generator
#     and least squares, 4-D; Gaussian data and latent, affine generator, erf discriminator, log
#     cost, 2-D): the double trajectory within 1e-12, the mpfr one (24 digits) within 1e-21, and
#     the certified boxes contain the mpmath iterates (allowing the reference's own radius);
#   * family SGD refuses the indicator (exit 2 naming --sgd), SGD with large N stays near the
#     analytic trajectory;
#   * reference --model --points: the enclosures contain the mpmath values;
#   * compare --model: the correctly rounded float64 values pass (with and without --reference),
#     a planted 1e-10 relative error fails naming the quantity and the point;
#   * bad input exits 2 naming the option.
# usage: family_trajectory.sh GANCERT_BINARY SOURCE_DIR
set -u
G=$1
SRC=$2
PY=/usr/bin/python3
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
S1="data=exp(c=0.5) latent=rayleigh gen=square disc=logistic cost=ls"
S2="data=gaussian(mu=1,sigma=0.5) latent=gaussian gen=affine disc=erf cost=log"

# ---- trajectories against mpmath --------------------------------------------------------------
run_case() {  # name spec dims t0 t1 g h
    local n=$1 spec=$2 dims=$3
    shift 3
    local p="a=$1,b=$2,g=$3,h=$4"
    "$G" trajectory --model "$spec" --params "$p" --dims "$dims" --steps 3 --csv "$tmp/$n.double.csv" > /dev/null ||
        { echo "FAIL: trajectory --model $n (double)"; fail=1; }
    "$G" trajectory --model "$spec" --params "$p" --dims "$dims" --steps 3 --digits 24 --csv "$tmp/$n.mpfr.csv" > /dev/null ||
        { echo "FAIL: trajectory --model $n --digits 24"; fail=1; }
    "$G" trajectory --model "$spec" --a "$1" --b "$2" --g "$3" --h "$4" --dims "$dims" --steps 3 --certified \
        --csv "$tmp/$n.cert.csv" > "$tmp/$n.cert.out" || { echo "FAIL: trajectory --model $n --certified"; fail=1; }
}
# the independent references run in the background while gancert computes
$PY "$SRC/tests/reference/family_trajectory_mpmath.py" --steps 3 --dims 4 "$S1" 2 1.5 1.2 -0.5 > "$tmp/logistic.ref.json" &
m1=$!
$PY "$SRC/tests/reference/family_trajectory_mpmath.py" --steps 3 --dims 2 "$S2" 0.7 0.3 0.6 0.4 > "$tmp/gausslog.ref.json" &
m2=$!
( for t in "2 1.5 1.2 -0.5" "1.5 0.8 0.9 0.3"; do
      $PY "$SRC/tests/reference/family_mpmath.py" --dps 30 "$S1" $t || exit 1
  done > "$tmp/mp.jsonl" ) &
m3=$!
run_case logistic "$S1" 4 2 1.5 1.2 -0.5
run_case gausslog "$S2" 2 0.7 0.3 0.6 0.4
wait $m1 || { echo "FAIL: mpmath trajectory (logistic)"; fail=1; }
wait $m2 || { echo "FAIL: mpmath trajectory (gausslog)"; fail=1; }
$PY - "$tmp" <<'PY' || fail=1
import csv, json, sys
import mpmath as mp
mp.mp.dps = 60
tmp = sys.argv[1]
bad = 0
cols = ["a", "b", "g", "h", "J1", "J2", "J", "gnorm"]
for name in ("logistic", "gausslog"):
    ref = json.load(open(f"{tmp}/{name}.ref.json"))
    for kind, tol in (("double", "1e-12"), ("mpfr", "1e-21")):
        rows = list(csv.DictReader(open(f"{tmp}/{name}.{kind}.csv")))
        assert len(rows) == 3, (name, kind, len(rows))
        for k, (row, r) in enumerate(zip(rows, ref["iterates"])):
            for c, v in zip(cols, r):
                err = abs(mp.mpf(row[c]) - mp.mpf(v))
                if err > mp.mpf(tol) * max(1, abs(mp.mpf(v))):
                    print(f"FAIL: {name} {kind} k={k} {c}: {row[c]} vs mpmath {v}"); bad += 1
    rows = list(csv.DictReader(open(f"{tmp}/{name}.cert.csv")))
    worst = mp.mpf(0)
    for k, (row, r, rad) in enumerate(zip(rows, ref["iterates"], ref["radius"])):
        for c, v, rr in zip(cols, r, rad):
            lo, hi, v, rr = mp.mpf(row[c + "_lo"]), mp.mpf(row[c + "_hi"]), mp.mpf(v), mp.mpf(rr)
            worst = max(worst, hi - lo)
            if not (lo - rr <= v <= hi + rr):
                print(f"FAIL: {name} certified k={k} {c}: [{row[c+'_lo']}, {row[c+'_hi']}] misses mpmath {v}"); bad += 1
    if not worst < mp.mpf("1e-25"):  # the enclosures must be tight enough to mean something
        print(f"FAIL: {name} certified widths up to {worst}"); bad += 1
print(f"family trajectories against mpmath: {bad} failures")
sys.exit(1 if bad else 0)
PY
grep -q "^model $S1" "$tmp/logistic.cert.out" && grep -q "a, b ascend J (discriminator); g, h descend J" "$tmp/logistic.cert.out" ||
    { echo "FAIL: the certified run does not print the model and its players"; fail=1; }
grep -q "moving coordinates (b, h)" <("$G" trajectory --model "$S2" --params "a=0.7,b=0.3,g=0.6,h=0.4" --dims 2 --steps 1) ||
    { echo "FAIL: dims 2 must move b and h"; fail=1; }

# an iterate leaving the domain (the logistic a <= 0) ends the run: exit 1 naming a, no CSV
"$G" trajectory --model "$S1" --params "a=0.05,b=1.5,g=1.2,h=-0.5" --steps 2 --csv "$tmp/left.csv" > /dev/null 2> "$tmp/err"
rc=$?
[ $rc -eq 1 ] && grep -q "left the domain of logistic: a = " "$tmp/err" && [ ! -e "$tmp/left.csv" ] ||
    { echo "FAIL: leaving the domain: exit $rc, $(cat "$tmp/err")"; fail=1; }

# ---- SGD ------------------------------------------------------------------------------------------
out=$("$G" trajectory --model "$S1" --params "a=2,b=1.5,g=1.2,h=-0.5" --steps 3 --sgd 20000 --runs 4) ||
    { echo "FAIL: family SGD"; fail=1; }
dist=$(echo "$out" | sed -n 's/.*distance of the mean from the analytic trajectory: final \([^,]*\),.*/\1/p')
$PY -c "import sys; sys.exit(0 if float('$dist') < 0.01 else 1)" ||
    { echo "FAIL: family SGD mean is $dist away from the analytic trajectory"; fail=1; }
IND="data=exp(c=1.5) latent=rayleigh gen=square disc=indicator cost=ls"
"$G" trajectory --model "$IND" --params "l=0.3,r=2,g=1.1,h=-0.2" --steps 2 --sgd 100 > /dev/null 2> "$tmp/err"
rc=$?
[ $rc -eq 2 ] && grep -q -- "--sgd" "$tmp/err" && grep -q "indicator" "$tmp/err" ||
    { echo "FAIL: SGD with disc=indicator: exit $rc, $(cat "$tmp/err")"; fail=1; }
"$G" trajectory --model "$IND" --params "l=0.3,r=2,g=1.1,h=-0.2" --steps 2 > /dev/null ||
    { echo "FAIL: the deterministic indicator trajectory"; fail=1; }

# ---- reference --model --points and compare --model ------------------------------------------
printf 'a,b,g,h\n2,1.5,1.2,-0.5\n1.5,0.8,0.9,0.3\n' > "$tmp/points.csv"
"$G" reference --model "$S1" --points "$tmp/points.csv" --digits 20 --progress never --out "$tmp/ref.csv" ||
    { echo "FAIL: reference --model --points"; fail=1; }
wait $m3 || { echo "FAIL: mpmath reference points"; fail=1; }
$PY - "$tmp" <<'PY' || fail=1
import csv, json, sys
import mpmath as mp
mp.mp.dps = 60
tmp = sys.argv[1]
names = ["J1", "J2", "J", "g_a", "g_b", "g_g", "g_h", "H_aa", "H_ab", "H_ag", "H_ah", "H_bb", "H_bg", "H_bh",
         "H_gg", "H_gh", "H_hh"]
text = open(f"{tmp}/mp.jsonl").read()
refs, dec, i = [], json.JSONDecoder(), 0
while i < len(text):
    if text[i].isspace():
        i += 1; continue
    obj, i = dec.raw_decode(text, i); refs.append(obj)
rows = list(csv.DictReader(l for l in open(f"{tmp}/ref.csv") if not l.startswith("#")))
bad = 0
for row, r in zip(rows, refs):
    for q, v, rad in zip(names, r["values"], r["radius"]):
        if not (mp.mpf(row[q + "_lo"]) - mp.mpf(rad) <= mp.mpf(v) <= mp.mpf(row[q + "_hi"]) + mp.mpf(rad)):
            print(f"FAIL: reference --points {q} at {r['theta']}: [{row[q+'_lo']}, {row[q+'_hi']}] misses {v}"); bad += 1
# candidates: the mpmath values correctly rounded to float64 (repr), and one planted error
with open(f"{tmp}/cand.csv", "w") as f, open(f"{tmp}/planted.csv", "w") as p:
    head = "a,b,g,h," + ",".join(names) + "\n"
    f.write(head); p.write(head)
    for k, r in enumerate(refs):
        vals = [repr(float(mp.mpf(v))) for v in r["values"]]
        f.write(",".join(r["theta"] + vals) + "\n")
        if k == 1:
            vals[names.index("g_h")] = repr(float(mp.mpf(r["values"][names.index("g_h")]) * (1 + mp.mpf("1e-10"))))
        p.write(",".join(r["theta"] + vals) + "\n")
sys.exit(1 if bad else 0)
PY
"$G" compare --model "$S1" --candidate "$tmp/cand.csv" > "$tmp/cmp1.out" ||
    { echo "FAIL: compare --model rejects the correctly rounded float64 table"; cat "$tmp/cmp1.out"; fail=1; }
"$G" compare --model "$S1" --reference "$tmp/ref.csv" --candidate "$tmp/cand.csv" > /dev/null ||
    { echo "FAIL: compare --model --reference rejects the correctly rounded float64 table"; fail=1; }
"$G" compare --model "$S1" --reference "$tmp/ref.csv" --candidate "$tmp/ref.csv" > /dev/null 2>&1 ||
    { echo "FAIL: compare --model: the reference table fails as its own candidate"; fail=1; }
"$G" compare --model "$S1" --reference "$tmp/ref.csv" --candidate "$tmp/planted.csv" > "$tmp/cmp2.out"
rc=$?
[ $rc -eq 1 ] && grep -q "g_h at a=1.5 b=0.8 g=0.9 h=0.3" "$tmp/cmp2.out" && grep -q "FAIL: 1 of" "$tmp/cmp2.out" ||
    { echo "FAIL: compare --model accepts a planted 1e-10 error (exit $rc)"; cat "$tmp/cmp2.out"; fail=1; }

# ---- bad input: exit 2 naming the option -------------------------------------------------------
expect2() {  # needle, then the command
    local needle=$1
    shift
    "$G" "$@" > /dev/null 2> "$tmp/err"
    local rc=$?
    if [ $rc -ne 2 ] || ! grep -q -- "$needle" "$tmp/err"; then
        echo "FAIL: '$*' exit $rc (expected 2 naming $needle): $(cat "$tmp/err")"; fail=1
    fi
}
expect2 "--h" trajectory --model "$S1" --params "a=2,b=1.5,g=1.2"
expect2 "--l" trajectory --model "$S1" --params "a=2,b=1.5,g=1.2,h=0,l=1"
expect2 "--a" trajectory --model "$S1" --params "a=-1,b=1.5,g=1.2,h=0"
expect2 "--a" trajectory --model "$S1" --params "a=2,b=1.5,g=1.2,h=0" --a 3
expect2 "--params" trajectory --model "$S1" --params "a=2,b"
expect2 "--params" trajectory --params "a=2,b=1,g=1,h=0"
expect2 "--start" trajectory --model "$S1" --start 2,1.5,1.2,-0.5,0.5 --params "a=2,b=1.5,g=1.2,h=0"
expect2 "--model" trajectory --model "data=exp(c=0.5) latent=rayleigh gen=cube disc=erf cost=ls" --params "a=1,b=1,g=1,h=1"
expect2 "--step-size" trajectory --model "$S1" --params "a=2,b=1.5,g=1.2,h=0" --step-size -1
expect2 "--case" trajectory --model "$S1" --params "a=2,b=1.5,g=1.2,h=0" --case B
expect2 "--dims" trajectory --model "$S1" --params "a=2,b=1.5,g=1.2,h=0" --dims 3
expect2 "--l" trajectory --model "$IND" --params "l=2,r=0.3,g=1.1,h=-0.2" --steps 2
printf 'a,b,g,c\n2,1.5,1.2,0.5\n' > "$tmp/badcol.csv"
expect2 "unknown column 'c'" reference --model "$S1" --points "$tmp/badcol.csv"
printf 'a,b,g,h\n-2,1.5,1.2,0.5\n' > "$tmp/baddom.csv"
expect2 "baddom.csv:2, column a" reference --model "$S1" --points "$tmp/baddom.csv"
printf 'a,b,g,h,J\n-2,1.5,1.2,0.5,1\n' > "$tmp/baddom2.csv"
expect2 "baddom2.csv:2, column a" compare --model "$S1" --candidate "$tmp/baddom2.csv"
expect2 "--reference" compare --candidate "$tmp/cand.csv"
exit $fail
