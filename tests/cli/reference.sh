#!/usr/bin/env bash
# `gancert reference`: bad input → exit 2 naming the item; grids are exact; CSV/JSON agree;
# values enclose the independent mpmath reference (tests/data) and midpoints are correctly
# rounded. Usage: reference.sh GANCERT_BINARY SOURCE_DIR
set -uo pipefail
gancert=$1
src=$2
py=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

# --- bad input: exit 2 and the message names the offending item --------------------------
expect_bad() {  # expect_bad NEEDLE ARGS...
  local needle=$1; shift
  "$gancert" reference "$@" > "$tmp/out" 2> "$tmp/err"
  local rc=$?
  [ $rc -eq 2 ] || bad "reference $* → exit $rc, expected 2"
  grep -qF -- "$needle" "$tmp/err" || bad "reference $*: stderr lacks '$needle': $(cat "$tmp/err")"
  [ ! -s "$tmp/out" ] || bad "reference $*: wrote output before failing"
}
expect_bad "1/3 is not a terminating decimal" --grid b=0:1:4 --fixed a=1,g=1,h=0,c=1
expect_bad "missing parameter 'c'" --grid b=-6:6:25,h=-6:6:25 --fixed a=2.2,g=1.5
expect_bad "unknown parameter 'x'" --grid x=0:1:3 --fixed a=1,g=1,h=0,c=1
expect_bad "b=0:1" --grid b=0:1 --fixed a=1,g=1,h=0,c=1
expect_bad "'-1' is outside the domain" --grid c=-1:1:3 --fixed a=1,b=0,g=1,h=0
expect_bad "unknown quantity 'foo'" --grid b=0:1:3 --fixed a=1,g=1,h=0,c=1 --quantities J,foo
expect_bad "--points or --grid" --fixed a=1,b=1,g=1,h=0,c=1
expect_bad "nofile.csv: cannot open" --points "$tmp/nofile.csv"
expect_bad "--digits" --grid b=0:1:3 --fixed a=1,g=1,h=0,c=1 --digits 0
expect_bad "--format" --grid b=0:1:3 --fixed a=1,g=1,h=0,c=1 --format xml
expect_bad "excludes" --grid b=0:1:3 --points x.csv --fixed a=1,g=1,h=0,c=1
printf 'a,b,g,h,c\n2.2,-3,1.5,-2,0.5\n2.2,-3,1.5,-2,zero\n' > "$tmp/pts.csv"
expect_bad "pts.csv:3" --points "$tmp/pts.csv"
printf 'a,b,g,h,c,q\n2.2,-3,1.5,-2,0.5,1\n' > "$tmp/pts2.csv"
expect_bad "unknown column 'q'" --points "$tmp/pts2.csv"

# --- a small grid: exact grid points, header, CSV = JSON, mpmath value enclosed ------------
# b = -3, h = -2 with a = 2.2, g = 1.5, c = 0.5 is the paper's case A (row A of tests/data).
"$gancert" reference --grid "b=-3:-2.5:3,h=-2:-2:1" --fixed a=2.2,g=1.5,c=0.5 --digits 25 \
    --quantities cost,g_b,H_ah --out "$tmp/grid.csv" 2> "$tmp/err" || bad "grid run failed: $(cat "$tmp/err")"
"$gancert" reference --grid "b=-3:-2.5:3,h=-2:-2:1" --fixed a=2.2,g=1.5,c=0.5 --digits 25 \
    --quantities cost,g_b,H_ah --format json > "$tmp/grid.json" 2> "$tmp/err" || bad "json run failed: $(cat "$tmp/err")"
$py - "$tmp/grid.csv" "$tmp/grid.json" "$src/tests/data/rsee_reference_40.csv" <<'PYEOF' || fail=1
import csv, json, re, sys
from fractions import Fraction
from decimal import Decimal, getcontext, ROUND_HALF_EVEN
getcontext().prec = 200
lines = open(sys.argv[1]).read().splitlines()
rows = list(csv.DictReader(l for l in lines if not l.startswith("#")))
header = lines[1].strip()
want = "a,b,g,h,c,J1,J1_lo,J1_hi,J2,J2_lo,J2_hi,J,J_lo,J_hi,g_b,g_b_lo,g_b_hi,H_ah,H_ah_lo,H_ah_hi"
ok = True
def check(cond, msg):
    global ok
    if not cond:
        print("FAIL:", msg); ok = False
check(header == want, "header " + header)
check(re.fullmatch(r"# gancert \d+\.\d+\.\d+ reference table", lines[0]) is not None, "version line " + lines[0])
check([r["b"] for r in rows] == ["-3", "-2.75", "-2.5"], "grid b values %s" % [r["b"] for r in rows])
check(all(r["h"] == "-2" and r["a"] == "2.2" and r["c"] == "0.5" for r in rows), "fixed values")
js = json.load(open(sys.argv[2]))
check(len(js) == 3, "json rows")
for r, j in zip(rows, js):
    check(j["params"]["b"] == r["b"], "json params")
    for q in ["J1", "J2", "J", "g_b", "H_ah"]:
        check((j[q]["mid"], j[q]["lo"], j[q]["hi"]) == (r[q], r[q + "_lo"], r[q + "_hi"]), "csv/json differ " + q)
        lo, hi, mid = Fraction(r[q + "_lo"]), Fraction(r[q + "_hi"]), Fraction(r[q])
        check(lo <= hi and (hi - lo) <= Fraction(1, 10**25) * min(abs(lo), abs(hi)), "width " + q)
        # mid has 25 significant digits and is within half an ulp (25 digits) of the enclosure
        check(len(r[q].lstrip("-").split("e")[0].replace(".", "").lstrip("0")) <= 25, "mid digits " + r[q])
        ulp = Fraction(10) ** (Decimal(r[q]).adjusted() - 24)
        check(lo - ulp / 2 <= mid <= hi + ulp / 2, "mid far from enclosure " + q)
# independent: mpmath row A
ref = {r["id"]: r for r in csv.DictReader(l for l in open(sys.argv[3]) if not l.startswith("#"))}["A"]
for q in ["J1", "J2", "J", "g_b", "H_ah"]:
    t = Fraction(ref[q])
    slack = abs(t) * Fraction(10) ** (1 - int(ref["digits"]))  # the table's own uncertainty
    check(Fraction(rows[0][q + "_lo"]) - slack <= t <= Fraction(rows[0][q + "_hi"]) + slack, "mpmath %s=%s outside [%s, %s]" % (q, ref[q], rows[0][q + "_lo"], rows[0][q + "_hi"]))
    rounded = Decimal(ref[q]).quantize(Decimal(1).scaleb(Decimal(ref[q]).adjusted() - 24), rounding=ROUND_HALF_EVEN)
    check(Decimal(rows[0][q]) == rounded, "mid %s=%s is not mpmath rounded to 25 digits (%s)" % (q, rows[0][q], rounded))
sys.exit(0 if ok else 1)
PYEOF

# --- points file with --fixed, rows streamed in input order --------------------------------
printf '# two points\nb,h\n-3,-2\n-1,0.25\n' > "$tmp/bh.csv"
"$gancert" reference --points "$tmp/bh.csv" --fixed a=2.2,g=1.5,c=0.5 --digits 16 --quantities J \
    > "$tmp/pts_out.csv" 2> "$tmp/err" || bad "points run failed: $(cat "$tmp/err")"
[ "$(grep -v '^#' "$tmp/pts_out.csv" | cut -d, -f1-5 | tr '\n' ' ')" = "a,b,g,h,c 2.2,-3,1.5,-2,0.5 2.2,-1,1.5,0.25,0.5 " ] \
    || bad "points output: $(cat "$tmp/pts_out.csv")"
# the same point from a grid gives byte-identical values
"$gancert" reference --grid "b=-3:-3:1" --fixed a=2.2,g=1.5,c=0.5,h=-2 --digits 16 --quantities J > "$tmp/one.csv"
[ "$(sed -n 3p "$tmp/one.csv")" = "$(sed -n 3p "$tmp/pts_out.csv")" ] || bad "grid and points differ"

# --- progress bar on request: stderr only, stdout stays clean CSV --------------------------
"$gancert" reference --grid "b=-3:3:7" --fixed a=2.2,g=1.5,c=0.5,h=-2 --digits 40 --progress always \
    > "$tmp/prog.csv" 2> "$tmp/prog.err" || bad "progress run failed"
[ "$(grep -vc '^#' "$tmp/prog.csv")" -eq 8 ] || bad "progress run: $(wc -l < "$tmp/prog.csv") lines"
grep -q '\[' "$tmp/prog.csv" && bad "progress bar on stdout"

[ $fail -eq 0 ] && echo "reference.sh: all checks passed"
exit $fail
