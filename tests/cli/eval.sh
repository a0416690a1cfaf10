#!/usr/bin/env bash
# gancert eval (README.md (command-line tool)): bad input → exit 2 naming the argument; the JSON contract; the
# certified enclosures contain the independent mpmath values of tests/data (Case A, B);
# double within 1e-14 relative of them.
# usage: eval.sh GANCERT_BINARY SOURCE_DIR
set -u
G=$1
SRC=$2
fail=0
expect_bad() {  # expect_bad ARGNAME args...
    local name=$1
    shift
    local err rc
    err=$("$G" eval "$@" 2>&1 >/dev/null)
    rc=$?
    if [ "$rc" -ne 2 ]; then echo "FAIL: eval $* exited $rc, expected 2"; fail=1; fi
    case "$err" in *"$name"*) ;; *) echo "FAIL: eval $*: message does not name $name: $err"; fail=1 ;; esac
}
ok="--a 2.2 --b -3 --g 1.5 --h -2"
expect_bad "--c" $ok --c 0
expect_bad "--c" $ok --c -0.5
expect_bad "--g" --a 2.2 --b -3 --g -1 --h -2 --c 0.5
expect_bad "--a" --a nan --b -3 --g 1.5 --h -2 --c 0.5
expect_bad "--b" --a 2.2 --b inf --g 1.5 --h -2 --c 0.5
expect_bad "--h" --a 2.2 --b -3 --g 1.5 --h 1e --c 0.5
expect_bad "--h" --a 2.2 --b -3 --g 1.5 --h 0x10 --c 0.5
expect_bad "--digits" $ok --c 0.5 --digits 0
expect_bad "--digits" $ok --c 0.5 --digits 100000
expect_bad "--arith" $ok --c 0.5 --arith float

# Interval and double results against the independent reference rows A and B.
for id in A B; do
    row=$(grep "^$id," "$SRC/tests/data/rsee_reference_40.csv")
    IFS=, read -r _ a b g h c _ rest <<< "$row"
    "$G" eval --a "$a" --b "$b" --g "$g" --h "$h" --c "$c" --digits 30 --json > /tmp/gancert_eval_$$.json || { echo "FAIL: eval $id"; fail=1; }
    "$G" eval --a "$a" --b "$b" --g "$g" --h "$h" --c "$c" --arith double --json > /tmp/gancert_evald_$$.json || { echo "FAIL: eval double $id"; fail=1; }
    /usr/bin/python3 - "$row" /tmp/gancert_eval_$$.json /tmp/gancert_evald_$$.json <<'PY' || fail=1
import json, sys
from fractions import Fraction as F
row = sys.argv[1].split(',')
iv = json.load(open(sys.argv[2])); dv = json.load(open(sys.argv[3]))
for key in ("model", "params", "arith", "precision_bits", "J1", "J2", "J", "grad", "hess"):
    assert key in iv, "missing key " + key
assert iv["arith"] == "interval" and dv["arith"] == "double"
ref = dict(zip("J1 J2 J g_a g_b g_g g_h H_aa H_ab H_ag H_ah H_bb H_bg H_bh H_gg H_gh H_hh".split(), row[7:]))
idx = {"a": 0, "b": 1, "g": 2, "h": 3}
def pick(doc, name):
    if name in ("J1", "J2", "J"): return doc[name]
    if name.startswith("g_"): return doc["grad"][idx[name[2]]]
    return doc["hess"][idx[name[2]]][idx[name[3]]]
bad = 0
for name, r in ref.items():
    x = F(r); e = abs(x) * F(1, 10**38)          # the table is good to >= 40 digits
    enc = pick(iv, name)
    lo, hi = F(enc["lo"]), F(enc["hi"])
    if not (lo - e <= x <= hi + e):
        print("FAIL: %s %s not enclosed: %s not in [%s, %s]" % (row[0], name, r, enc["lo"], enc["hi"])); bad = 1
    if (hi - lo) > abs(x) * F(1, 10**30):
        print("FAIL: %s %s wider than 30 digits" % (row[0], name)); bad = 1
    d = F(pick(dv, name)["value"])
    if abs(d - x) > abs(x) * F(1, 10**14) + F(1, 10**16):
        print("FAIL: %s %s double %s vs %s" % (row[0], name, pick(dv, name)["value"], r)); bad = 1
sys.exit(bad)
PY
done
rm -f /tmp/gancert_eval_$$.json /tmp/gancert_evald_$$.json
exit $fail
