#!/usr/bin/env bash
# gancert eval --model against the independent mpmath reference (tests/reference/family_mpmath.py,
# two precisions) for every composition of tests/reference/family_points.txt: the certified
# enclosures at 15 and 30 digits contain the reference values (allowing for the reference's
# own uncertainty, its two-precision difference ×10), and --arith double is within 1e-13
# relative (or 1e-16 absolute) of them. One composition (the logistic discriminator) also at 100
# digits (the --digits maximum, docs/limits.md) against a 110-digit reference.
# usage: family_reference.sh GANCERT_BINARY SOURCE_DIR
set -u
G=$1
SRC=$2
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 "$SRC/tests/reference/family_mpmath.py" --table --dps 40 > "$tmp/ref.json" || { echo "FAIL: mpmath reference"; exit 1; }
n=0
while IFS='|' read -r spec theta; do
    case "$spec" in '#'* | '') continue ;; esac
    spec=$(echo "$spec" | sed 's/ *$//')
    read -r t0 t1 g h <<< "$theta"
    case "$spec" in *indicator*) names=(l r g h) ;; *) names=(a b g h) ;; esac
    args=(--"${names[0]}" "$t0" --"${names[1]}" "$t1" --g "$g" --h "$h")
    for d in 15 30; do
        "$G" eval --model "$spec" "${args[@]}" --digits $d --json > "$tmp/e_${n}_$d.json" ||
            { echo "FAIL: eval --model '$spec' ${args[*]} --digits $d"; fail=1; }
    done
    "$G" eval --model "$spec" "${args[@]}" --arith double --json > "$tmp/e_${n}_double.json" ||
        { echo "FAIL: eval --model '$spec' --arith double"; fail=1; }
    n=$((n + 1))
done < "$SRC/tests/reference/family_points.txt"
/usr/bin/python3 - "$tmp" "$n" <<'PY' || fail=1
import json, sys
import mpmath as mp
mp.mp.dps = 60
tmp, n = sys.argv[1], int(sys.argv[2])
ref = json.load(open(f"{tmp}/ref.json"))
assert len(ref) == n, (len(ref), n)
def quantities(j):
    out = [j["J1"], j["J2"], j["J"]] + j["grad"]
    out += [j["hess"][i][k] for i in range(4) for k in range(i, 4)]
    return out
bad = 0
for i, r in enumerate(ref):
    if r["digits"] < 32:
        print(f"FAIL: reference point {i} ({r['spec']}) agrees on only {r['digits']} digits"); bad += 1
    vals = [mp.mpf(v) for v in r["values"]]
    rad = [mp.mpf(v) for v in r["radius"]]
    for d in ("15", "30"):
        e = json.load(open(f"{tmp}/e_{i}_{d}.json"))
        for q, (v, rr, x) in enumerate(zip(vals, rad, quantities(e))):
            lo, hi = mp.mpf(x["lo"]), mp.mpf(x["hi"])
            if not (lo - rr <= v <= hi + rr):
                print(f"FAIL: {r['spec']} {r['theta']} digits {d} quantity {q}: [{x['lo']}, {x['hi']}] misses {r['values'][q]}"); bad += 1
    e = json.load(open(f"{tmp}/e_{i}_double.json"))
    for q, (v, x) in enumerate(zip(vals, quantities(e))):
        err = abs(mp.mpf(x["value"]) - v)
        if err > max(mp.mpf("1e-13") * abs(v), mp.mpf("1e-16")):
            print(f"FAIL: {r['spec']} double quantity {q}: {x['value']} vs {r['values'][q]}"); bad += 1
print(f"{n} compositions checked against mpmath, {bad} failures")
sys.exit(1 if bad else 0)
PY

# 100 digits (the maximum): the logistic discriminator with the paper's data, latent and generator.
spec100="data=exp(c=0.5) latent=rayleigh gen=square disc=logistic cost=ls"
/usr/bin/python3 "$SRC/tests/reference/family_mpmath.py" --dps 110 "$spec100" 2 1.5 1.2 -0.5 > "$tmp/ref100.json" ||
    { echo "FAIL: mpmath reference at 110 digits"; fail=1; }
"$G" eval --model "$spec100" --a 2 --b 1.5 --g 1.2 --h -0.5 --digits 100 --json > "$tmp/e100.json" ||
    { echo "FAIL: eval --digits 100"; fail=1; }
/usr/bin/python3 - "$tmp" <<'PY' || fail=1
import json, sys
import mpmath as mp
mp.mp.dps = 140
r = json.load(open(sys.argv[1] + "/ref100.json"))
e = json.load(open(sys.argv[1] + "/e100.json"))
q = [e["J1"], e["J2"], e["J"]] + e["grad"] + [e["hess"][i][k] for i in range(4) for k in range(i, 4)]
bad = 0 if r["digits"] >= 102 else 1
if bad: print(f"FAIL: the 110-digit reference agrees on only {r['digits']} digits")
for k, (v, rad, x) in enumerate(zip(r["values"], r["radius"], q)):
    v, rad = mp.mpf(v), mp.mpf(rad)
    if not (mp.mpf(x["lo"]) - rad <= v <= mp.mpf(x["hi"]) + rad):
        print(f"FAIL: 100 digits, quantity {k}: [{x['lo']}, {x['hi']}] misses {r['values'][k]}"); bad += 1
sys.exit(1 if bad else 0)
PY
exit $fail
