#!/usr/bin/env bash
# `gancert compare` — the acceptance round trip of issue 7:
#   reference table → an ideal double candidate (nearest doubles) passes at 14 digits;
#   the same candidate with ONE value off in the 12th digit → exactly that value is flagged;
#   the independent mpmath table (tests/data) lies inside gancert's enclosures (to its 40 digits);
#   bad input (missing column, unparsable number, unknown point) → exit 2 naming file/line/column.
# Usage: compare.sh GANCERT_BINARY SOURCE_DIR
set -uo pipefail
gancert=$1
src=$2
py=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
data="$src/tests/data/rsee_reference_40.csv"

# Points: 6 rows of the mpmath table (every 12th), as a points file.
# The same rows with all columns of the mpmath table (id, digits, 17 quantities) are a candidate.
$py - "$data" "$tmp/points.csv" "$tmp/mpmath.csv" <<'PYEOF'
import sys
lines = [l for l in open(sys.argv[1]) if not l.startswith("#")]
head = lines[0].strip().split(",")
rows = lines[1:][::12][:6]
with open(sys.argv[2], "w") as f:
    f.write("a,b,g,h,c\n")
    for l in rows:
        r = dict(zip(head, l.strip().split(",")))
        f.write(",".join(r[k] for k in "abghc") + "\n")
open(sys.argv[3], "w").write(lines[0] + "".join(rows))
PYEOF
"$gancert" reference --points "$tmp/points.csv" --digits 30 --out "$tmp/ref.csv" 2> "$tmp/err" \
    || { echo "FAIL: reference: $(cat "$tmp/err")"; exit 1; }

# 1. independent values (mpmath, >= 40 correct digits) lie in the enclosures widened by their
#    own uncertainty (10^-39 relative).
"$gancert" compare --reference "$tmp/ref.csv" --candidate "$tmp/mpmath.csv" -D 39 > "$tmp/mp.out" 2> "$tmp/mp.err"
rc=$?
[ $rc -eq 0 ] || bad "mpmath table vs gancert reference: exit $rc: $(cat "$tmp/mp.out" "$tmp/mp.err")"
grep -q "ignoring column 'id'" "$tmp/mp.err" || bad "no warning for the id column"

# 2. an ideal double implementation: every independent (mpmath, 40-digit) value rounded to the
#    nearest double (Python's float() of the decimal string is correctly rounded), printed with
#    repr. Points with values outside the normal double range (J2 ~ 1e-439 at a=3.3 b=6.68 …)
#    are left out, as a double implementation would have to; hence --subset.
$py - "$tmp/mpmath.csv" "$tmp/double.csv" <<'PYEOF' || bad "building the double candidate"
import csv, sys
rows = list(csv.DictReader(l for l in open(sys.argv[1]) if not l.startswith("#")))
names = [k for k in rows[0] if k not in ("a", "b", "g", "h", "c", "id", "digits")]
with open(sys.argv[2], "w") as out:
    out.write("a,b,g,h,c," + ",".join(names) + "\n")
    for r in rows:
        if all(1e-300 < abs(float(r[q])) < 1e300 for q in names):
            out.write(",".join(r[k] for k in "abghc") + "," + ",".join(repr(float(r[q])) for q in names) + "\n")
PYEOF
[ "$(wc -l < "$tmp/double.csv")" -eq 6 ] || bad "expected 5 points in the double range: $(cat "$tmp/double.csv")"
"$gancert" compare --reference "$tmp/ref.csv" --candidate "$tmp/double.csv" --subset --tolerance-digits 14 > "$tmp/d.out" 2>&1
rc=$?
[ $rc -eq 0 ] || bad "double candidate at 14 digits: exit $rc: $(cat "$tmp/d.out")"
grep -q "^PASS" "$tmp/d.out" || bad "no PASS line: $(cat "$tmp/d.out")"
# every quantity reported, each with at least 15.6 correct digits (double: 2^-53 relative)
$py - "$tmp/d.out" <<'PYEOF' || fail=1
import sys
names = ["J1","J2","J","g_a","g_b","g_g","g_h","H_aa","H_ab","H_ag","H_ah","H_bb","H_bg","H_bh","H_gg","H_gh","H_hh"]
lines = {l.split()[0]: l.split() for l in open(sys.argv[1]) if l.split() and l.split()[0] in names}
ok = sorted(lines) == sorted(names)
for q, f in lines.items():
    if not (f[1] == "5" and float(f[2]) >= 15.6 and f[4] == "0"):
        ok = False
        print("FAIL: summary line", " ".join(f))
if sorted(lines) != sorted(names):
    print("FAIL: summary lines", sorted(lines))
sys.exit(0 if ok else 1)
PYEOF

# 2b. gancert's own double evaluation as a candidate. Its accuracy is not asserted here, but a
#     value below the double range must be flagged: at a=3.3 b=6.68 g=2.45 h=4.73 c=5.98 the
#     exact J2 is ~6.8e-439 (mpmath), which no double can represent.
$py - "$gancert" "$tmp/points.csv" "$tmp/own_double.csv" <<'PYEOF' || bad "building the gancert --arith double candidate"
import csv, json, subprocess, sys
names = ["J1","J2","J","g_a","g_b","g_g","g_h","H_aa","H_ab","H_ag","H_ah","H_bb","H_bg","H_bh","H_gg","H_gh","H_hh"]
upper = [(0,0),(0,1),(0,2),(0,3),(1,1),(1,2),(1,3),(2,2),(2,3),(3,3)]
out = open(sys.argv[3], "w")
out.write("a,b,g,h,c," + ",".join(names) + "\n")
for p in csv.DictReader(open(sys.argv[2])):
    args = [sys.argv[1], "eval", "--arith", "double", "--json"] + sum((["--" + k, p[k]] for k in "abghc"), [])
    j = json.loads(subprocess.run(args, check=True, capture_output=True, text=True).stdout)
    vals = [j["J1"], j["J2"], j["J"]] + j["grad"] + [j["hess"][i][k] for i, k in upper]
    out.write(",".join(p[k] for k in "abghc") + "," + ",".join(v["value"] for v in vals) + "\n")
PYEOF
grep -q "^3.3,6.68,2.45,4.73,5.98$" "$tmp/points.csv" || bad "test point a=3.3 b=6.68 … not among the chosen rows"
"$gancert" compare --reference "$tmp/ref.csv" --candidate "$tmp/own_double.csv" -D 10 --max-failures 200 > "$tmp/own.out" 2>&1
rc=$?
[ $rc -eq 1 ] || bad "gancert --arith double candidate: exit $rc (expected 1: J2 underflows)"
grep -qE "own_double.csv:[0-9]+ J2 at a=3.3 b=6.68 g=2.45 h=4.73 c=5.98: .* \(0\.0 correct digits\)" "$tmp/own.out" \
    || bad "the underflowed J2 is not flagged: $(cat "$tmp/own.out")"

# 3. one value (line 5, column H_bg) off in the 12th significant digit.
$py - "$tmp/double.csv" "$tmp/perturbed.csv" <<'PYEOF'
import sys
lines = open(sys.argv[1]).read().splitlines()
head = lines[0].split(",")
col = head.index("H_bg")
cells = lines[4].split(",")  # file line 5
v = cells[col]
neg = v.startswith("-")
mant, _, exp = v.lstrip("-").partition("e")
digits = mant.replace(".", "")
lead = len(digits) - len(digits.lstrip("0"))
i = lead + 11  # 12th significant digit
d = list(digits.ljust(i + 1, "0"))
d[i] = str((int(d[i]) + 5) % 10)
digits = "".join(d)
mant = digits[0] + "." + digits[1:] if "." in mant or len(digits) > 1 else digits
if mant.split(".")[0] != v.lstrip("-").split(".")[0].split("e")[0]:
    raise SystemExit("unexpected number format " + v)
cells[col] = ("-" if neg else "") + mant + ("e" + exp if exp else "")
lines[4] = ",".join(cells)
open(sys.argv[2], "w").write("\n".join(lines) + "\n")
PYEOF
"$gancert" compare --reference "$tmp/ref.csv" --candidate "$tmp/perturbed.csv" --subset --tolerance-digits 14 > "$tmp/p.out" 2>&1
rc=$?
[ $rc -eq 1 ] || bad "perturbed candidate: exit $rc (expected 1): $(cat "$tmp/p.out")"
grep -q "^FAIL: 1 of 85 values" "$tmp/p.out" || bad "expected exactly one failing value: $(cat "$tmp/p.out")"
grep -q "perturbed.csv:5 H_bg at" "$tmp/p.out" || bad "the failing value is not line 5, H_bg: $(cat "$tmp/p.out")"
[ "$(grep -c '^  .*perturbed.csv:' "$tmp/p.out")" -eq 1 ] || bad "more than one value listed"
# the perturbed value has about 11 correct digits
grep -E "perturbed.csv:5 H_bg .*\((10|11|12)\.[0-9] correct digits\)" "$tmp/p.out" > /dev/null \
    || bad "correct digits of the perturbed value: $(grep 'perturbed.csv:5' "$tmp/p.out")"
# a 10-digit tolerance accepts it
"$gancert" compare --reference "$tmp/ref.csv" --candidate "$tmp/perturbed.csv" --subset -D 10 > /dev/null 2>&1 \
    || bad "perturbed candidate should pass at 10 digits"

# 4. bad input → exit 2, message names file, line and column.
expect_bad() {  # expect_bad NEEDLE CANDIDATE_CONTENT
  printf '%s' "$2" > "$tmp/cand.csv"
  "$gancert" compare --reference "$tmp/ref.csv" --candidate "$tmp/cand.csv" > "$tmp/out" 2> "$tmp/err"
  local rc=$?
  [ $rc -eq 2 ] || bad "candidate <<$2>> → exit $rc, expected 2"
  grep -qF -- "$1" "$tmp/err" || bad "stderr lacks '$1': $(cat "$tmp/err")"
}
p1=$(sed -n 2p "$tmp/points.csv")
p2=$(sed -n 3p "$tmp/points.csv")
expect_bad "missing column 'c'" "$(printf 'a,b,g,h,J\n1,2,3,4,5\n')"
expect_bad "cand.csv:3, column J" "$(printf 'a,b,g,h,c,J\n%s,1.5\n%s,1.2x\n' "$p1" "$p2")"
expect_bad "is not in the reference" "$(printf 'a,b,g,h,c,J\n1,2,3,4,5,6\n')"
expect_bad "is missing (use --subset" "$(printf 'a,b,g,h,c,J\n%s,1.5\n' "$p1")"
expect_bad "cand.csv:2: expected 6 fields" "$(printf 'a,b,g,h,c,J\n1,2,3,4,5\n')"
expect_bad "no quantity columns" "$(printf 'a,b,g,h,c,K\n%s,1\n' "$p1")"
"$gancert" compare --reference "$tmp/nothere.csv" --candidate "$tmp/double.csv" > /dev/null 2> "$tmp/err"
[ $? -eq 2 ] && grep -q "nothere.csv: cannot open" "$tmp/err" || bad "missing reference file"

# 5. issue 13: default options fit float64 code. Held-out candidates built here by independent
#    means (Python floats / Decimal from the mpmath table), never from gancert's own output.
#  5a. the nearest-double candidate passes with no options at all (default rtol 2^-51)
"$gancert" compare --reference "$tmp/ref.csv" --candidate "$tmp/double.csv" --subset > "$tmp/d0.out" 2>&1 \
    || bad "double candidate with default options: $(cat "$tmp/d0.out")"
#  5b. the reference table is its own candidate: passes by default and with --rtol 0
for opt in "" "--rtol 0"; do
  "$gancert" compare --reference "$tmp/ref.csv" --candidate "$tmp/ref.csv" $opt > "$tmp/self.out" 2>&1 \
      || bad "reference as its own candidate ($opt): $(cat "$tmp/self.out")"
done
#  5c. the mpmath values correctly rounded to 12 digits (Decimal): every one is proved correctly
#      rounded, so they pass without any tolerance; one last digit moved by one is flagged.
$py - "$tmp/mpmath.csv" "$tmp/mp12.csv" "$tmp/mp12bad.csv" <<'PYEOF' || bad "building the 12-digit candidate"
import csv, sys
from decimal import Decimal, getcontext, ROUND_HALF_EVEN
getcontext().prec = 60
rows = list(csv.DictReader(l for l in open(sys.argv[1]) if not l.startswith("#")))
names = ["J1","J2","J","g_a","g_b","g_g","g_h","H_aa","H_ab","H_ag","H_ah","H_bb","H_bg","H_bh","H_gg","H_gh","H_hh"]
def r12(v):
    d = Decimal(v)
    return str(d.quantize(Decimal(1).scaleb(d.adjusted() - 11), rounding=ROUND_HALF_EVEN))
out = [[r[k] for k in "abghc"] + [r12(r[q]) for q in names] for r in rows]
open(sys.argv[2], "w").write("a,b,g,h,c," + ",".join(names) + "\n" + "".join(",".join(o) + "\n" for o in out))
d = Decimal(out[2][5 + names.index("g_h")])
out[2][5 + names.index("g_h")] = str(d + Decimal(1).scaleb(d.adjusted() - 11))  # line 4, g_h: +1 in the 12th digit
open(sys.argv[3], "w").write("a,b,g,h,c," + ",".join(names) + "\n" + "".join(",".join(o) + "\n" for o in out))
PYEOF
"$gancert" compare --reference "$tmp/ref.csv" --candidate "$tmp/mp12.csv" --rtol 0 > "$tmp/m12.out" 2>&1 \
    || bad "12-digit rounded mpmath values with --rtol 0: $(cat "$tmp/m12.out")"
$py - "$tmp/m12.out" <<'PYEOF' || bad "rounded counts: $(cat "$tmp/m12.out")"
import sys
rows = [l.split() for l in open(sys.argv[1]) if l[:1] in "JgH" and len(l.split()) > 5]
sys.exit(0 if len(rows) == 17 and all(r[1] == "6" and r[5] == "6" and 11.0 <= float(r[2]) for r in rows) else 1)
PYEOF
"$gancert" compare --reference "$tmp/ref.csv" --candidate "$tmp/mp12bad.csv" --rtol 0 > "$tmp/m12b.out" 2>&1
rc=$?
[ $rc -eq 1 ] && grep -q "^FAIL: 1 of 102 values" "$tmp/m12b.out" && grep -q "mp12bad.csv:4 g_h at" "$tmp/m12b.out" \
    || bad "12-digit value off by one unit: exit $rc: $(cat "$tmp/m12b.out")"
#  5d. planted relative errors of 1e-10 in three doubles: exactly those three are flagged by default
$py - "$tmp/double.csv" "$tmp/planted.csv" <<'PYEOF'
import sys
lines = open(sys.argv[1]).read().splitlines()
head = lines[0].split(",")
for line, q in [(2, "J"), (4, "g_b"), (6, "H_hh")]:
    cells = lines[line - 1].split(",")
    cells[head.index(q)] = repr(float(cells[head.index(q)]) * (1 + 1e-10))
    lines[line - 1] = ",".join(cells)
open(sys.argv[2], "w").write("\n".join(lines) + "\n")
PYEOF
"$gancert" compare --reference "$tmp/ref.csv" --candidate "$tmp/planted.csv" --subset > "$tmp/pl.out" 2>&1
rc=$?
[ $rc -eq 1 ] && grep -q "^FAIL: 3 of 85 values" "$tmp/pl.out" || bad "planted 1e-10 errors: exit $rc: $(cat "$tmp/pl.out")"
for want in "planted.csv:2 J at" "planted.csv:4 g_b at" "planted.csv:6 H_hh at"; do
  grep -E "$want .*\((9|10)\.[0-9] correct digits\)" "$tmp/pl.out" > /dev/null || bad "planted error '$want' not flagged with ~10 digits"
done
#  5e. underflow: every mpmath value as the nearest double, where values below the normal
#      range become 0 as float64 code computes them. Flagged by default; accepted with --atol.
$py - "$tmp/mpmath.csv" "$tmp/under.csv" <<'PYEOF' || bad "building the underflow candidate"
import csv, sys
rows = list(csv.DictReader(l for l in open(sys.argv[1]) if not l.startswith("#")))
names = [k for k in rows[0] if k not in ("a", "b", "g", "h", "c", "id", "digits")]
zeros = 0
with open(sys.argv[2], "w") as out:
    out.write("a,b,g,h,c," + ",".join(names) + "\n")
    for r in rows:
        vals = []
        for q in names:
            v = float(r[q])
            if abs(v) < 2.2250738585072014e-308: v, zeros = 0.0, zeros + 1
            vals.append(repr(v))
        out.write(",".join(r[k] for k in "abghc") + "," + ",".join(vals) + "\n")
sys.exit(0 if zeros > 0 else 1)
PYEOF
"$gancert" compare --reference "$tmp/ref.csv" --candidate "$tmp/under.csv" > "$tmp/u.out" 2>&1
rc=$?
[ $rc -eq 1 ] && grep -qE "under.csv:[0-9]+ J2 at a=3.3 b=6.68 g=2.45 h=4.73 c=5.98: 0.0 not in" "$tmp/u.out" \
    || bad "underflowed zeros without --atol: exit $rc: $(cat "$tmp/u.out")"
"$gancert" compare --reference "$tmp/ref.csv" --candidate "$tmp/under.csv" --atol 1e-300 > "$tmp/u2.out" 2>&1 \
    || bad "underflowed zeros with --atol 1e-300: $(cat "$tmp/u2.out")"
#  5f. bad tolerances → exit 2 naming the option
for args in "--rtol -1" "--atol x" "--rtol 1e-10 -D 5"; do
  "$gancert" compare --reference "$tmp/ref.csv" --candidate "$tmp/double.csv" --subset $args > /dev/null 2> "$tmp/err"
  rc=$?
  [ $rc -eq 2 ] && grep -qE -- "--rtol|--atol" "$tmp/err" || bad "compare $args: exit $rc: $(cat "$tmp/err")"
done

[ $fail -eq 0 ] && echo "compare.sh: all checks passed"
exit $fail
