#!/usr/bin/env bash
# CLI test of `gancert counterexample` (issue 6): exit 0 with both verdicts; JSON enclosures
# meet the requested digits (checked with exact decimal arithmetic in Python); J for k >= 1e3 in
# (2 - 1e-2, 2); V < 0 increasing in k; bad input exits 2 naming the argument.
# Usage: bash counterexample.sh <gancert-binary> [source-dir]
set -euo pipefail
bin="$1"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$bin" counterexample --digits 20 > "$tmp/out.txt" || fail "default run exited $?"
grep -q "VERDICT    dim z = 1 < dim x = 2: REFUTED" "$tmp/out.txt" || fail "no REFUTED verdict"
grep -q "VERDICT    dim z = dim x = 1: CONSISTENT" "$tmp/out.txt" || fail "no CONSISTENT verdict"
grep -q "0 failed" "$tmp/out.txt" || fail "some check failed"

"$bin" counterexample --c1 3 --c2 0.25 --c 7 --digits 40 --json > "$tmp/out.json" || fail "json run exited $?"
/usr/bin/python3 - "$tmp/out.json" <<'PY' || fail "JSON content check"
import json, sys
from decimal import Decimal, getcontext
getcontext().prec = 200
j = json.load(open(sys.argv[1]))
d = j["input"]["digits"]
assert j["dim_z_lt_dim_x"]["verdict"] == "REFUTED", j["dim_z_lt_dim_x"]["verdict"]
assert j["dim_z_eq_dim_x"]["verdict"] == "CONSISTENT"
assert j["expected_verdicts"] is True and not j["checks_failed"]
def meets(x):
    lo, hi = Decimal(x["lo"]), Decimal(x["hi"])
    assert lo <= hi, x
    if lo == hi: return True
    m = min(abs(lo), abs(hi)) if lo * hi > 0 else Decimal(0)
    return hi - lo <= Decimal(10) ** (-d) * m
n = 0
for g in j["dim_z_lt_dim_x"]["generators"]:
    prevV = None
    for row in g["rows"]:
        for key in ("M_k2", "M_2k2", "J", "V"):
            assert meets(row[key]), (g["name"], row["k"], key, row[key]); n += 1
        J, V = row["J"], row["V"]
        if Decimal(row["k"]) >= 1000:
            assert Decimal(J["lo"]) > Decimal(2) - Decimal("0.01") and Decimal(J["hi"]) < 2, (g["name"], row["k"], J)
        assert Decimal(V["hi"]) < 0
        if prevV is not None: assert Decimal(prevV["hi"]) < Decimal(V["lo"]), (g["name"], row["k"])
        prevV = V
for g in j["dim_z_eq_dim_x"]["generators"]:
    for key in ("TV", "C_LS", "C_log") + (() if g["optimum"] else ("JSD",)):
        assert meets(g[key]), (g["name"], key); n += 1
    if g["optimum"]:
        assert g["TV"]["lo"] == g["TV"]["hi"] and Decimal(g["TV"]["lo"]) == 0
    else:
        assert Decimal(g["TV"]["lo"]) > 0
print("ok:", n, "enclosures meet", d, "digits")
PY

expect_bad() {  # args: expected-word-in-message, command args...
    local word="$1"; shift
    set +e
    "$bin" counterexample "$@" > /dev/null 2> "$tmp/err.txt"
    local rc=$?
    set -e
    [ "$rc" -eq 2 ] || fail "'$*' exited $rc, expected 2"
    grep -qi -- "$word" "$tmp/err.txt" || fail "'$*': message does not name '$word': $(cat "$tmp/err.txt")"
}
expect_bad c1 --c1 0
expect_bad c1 --c1 -0.5
expect_bad c2 --c2 abc
expect_bad c2 --c2 nan
expect_bad c --c 0
expect_bad digits --digits 0
expect_bad digits --digits 10001
expect_bad digits --digits 2.5
echo "counterexample CLI: all checks passed"
