#!/usr/bin/env bash
# gancert atlas: 2-D and 4-D boxes of the paper's cases and the test cubic; the region volumes
# sum exactly to the box volume; PNG and PDF figures by their magic bytes; verify accepts the
# atlas and rejects doctored regions (flipped monotone sign, faked plateau bound, changed
# stationary type, forged fraction); budgets end incomplete (exit 1); bad input exits 2 naming
# the argument.
set -u
G="$1"
SRC="$2"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
. "$SRC/tests/support/cli_expect.sh"

# The exact partition: the per-class volumes (exact decimals) sum to total_volume, which is
# the product of the box widths of the header; fractions sum to 1 up to double rounding.
check_partition() {
    python3 - "$1" <<'EOF' || { echo "FAIL: partition of $1"; fail=1; }
import json, sys
from decimal import Decimal, getcontext
getcontext().prec = 200
lines = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
head, summ = lines[0], lines[-1]["summary"]
vol = Decimal(1)
for lo, hi in zip(head["box"]["lo"], head["box"]["hi"]):
    vol *= Decimal(hi) - Decimal(lo)
reg = summ["regions"]
assert Decimal(reg["total_volume"]) == vol, (reg["total_volume"], vol)
assert sum(Decimal(e["volume"]) for e in reg["classes"].values()) == vol
leaf_vol = Decimal(0)
for l in lines[1:-1]:
    v = Decimal(1)
    for lo, hi in l["box"]:
        v *= Decimal(hi) - Decimal(lo)
    leaf_vol += v
assert leaf_vol == vol
assert abs(sum(e["fraction"] for e in reg["classes"].values()) - 1) < 1e-12
EOF
}
check_figure() {
    head -c 8 "$1.png" | od -An -tx1 | grep -q "89 50 4e 47 0d 0a 1a 0a" || { echo "FAIL: $1.png is not a PNG"; fail=1; }
    head -c 5 "$1.pdf" | grep -q "%PDF-" || { echo "FAIL: $1.pdf is not a PDF"; fail=1; }
    tail -c 8 "$1.pdf" | grep -q "%%EOF" || { echo "FAIL: $1.pdf is incomplete"; fail=1; }
}

# 2-D, Case A (g, h) with the trajectory: complete (exit 0), verified
expect 0 "atlas complete" atlas --case A --box "g=0.2:4,h=-5:3" --out "$T/a.jsonl" --figure "$T/a" --trajectory --quiet --threads 2
check_partition "$T/a.jsonl"
check_figure "$T/a"
expect 0 "valid: proved" verify "$T/a.jsonl"
grep -q '"monotone"' "$T/a.jsonl" || { echo "FAIL: no monotone region in Case A (g, h)"; fail=1; }

# 2-D, Case B (a, b) on a box with plateau and monotone regions
expect 0 "atlas complete" atlas --case B --box "a=0.5:2,b=-3:3" --out "$T/b.jsonl" --figure "$T/b" --quiet --threads 2
check_partition "$T/b.jsonl"
check_figure "$T/b"
expect 0 "valid: proved" verify "$T/b.jsonl"

# 4-D, Case B: a slice in (g, h) at fixed a, b
expect 0 "atlas complete" atlas --case B --box "a=1:1.5,b=-1.5:-0.5,g=0.2:1,h=-4.5:-3.5" --out "$T/c.jsonl" \
    --figure "$T/c" --plot-dims g,h --slice a=1.21,b=-1 --quiet --threads 2
check_partition "$T/c.jsonl"
check_figure "$T/c"
expect 0 "valid: proved" verify "$T/c.jsonl"

# the test cubic: unique stationary points with their types
expect 0 "atlas complete" atlas --model test-cubic --box "x1=-2.3:1.7,x2=-1.9:2.1" --out "$T/d.jsonl" --quiet --threads 2
check_partition "$T/d.jsonl"
expect 0 "valid: proved" verify "$T/d.jsonl"
for t in min max saddle; do
    grep -q "\"type\":\"$t\"" "$T/d.jsonl" || { echo "FAIL: no $t region for the test cubic"; fail=1; }
done

# doctored atlases are rejected
doctor() {  # doctor IN OUT PYTHON-EXPRESSION-ON-LEAF-j (first leaf with evidence EV is edited)
    python3 - "$1" "$2" "$3" "$4" <<'EOF'
import json, sys
src, dst, ev, expr = sys.argv[1:]
out, done = [], False
for line in open(src):
    j = json.loads(line)
    if not done and j.get("evidence") == ev:
        exec(expr)
        done = True
    out.append(json.dumps(j))
assert done, "no leaf with evidence " + ev
open(dst, "w").write("\n".join(out) + "\n")
EOF
}
doctor "$T/a.jsonl" "$T/x1.jsonl" monotone 'j["signs"] = [-s for s in j["signs"]]'
expect 1 "INVALID" verify "$T/x1.jsonl"
doctor "$T/a.jsonl" "$T/x2.jsonl" monotone 'j.update(evidence="plateau", grad=[["-0.001","0.001"]]*2, J=["0.999","1.001"])'
expect 1 "INVALID" verify "$T/x2.jsonl"
doctor "$T/b.jsonl" "$T/x3.jsonl" plateau 'j["J"] = ["0.9999", "1.0001"]'
expect 1 "INVALID" verify "$T/x3.jsonl"
doctor "$T/d.jsonl" "$T/x4.jsonl" unique 'j["type"] = "min" if j["type"] != "min" else "max"'
expect 1 "INVALID" verify "$T/x4.jsonl"
python3 - "$T/a.jsonl" "$T/x5.jsonl" <<'EOF'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
c = lines[-1]["summary"]["regions"]["classes"]
k = next(iter(c))
c[k]["volume"] = str(float(c[k]["volume"]) / 2)
open(sys.argv[2], "w").write("\n".join(json.dumps(l) for l in lines) + "\n")
EOF
expect 1 "summary.regions" verify "$T/x5.jsonl"

# budgets: incomplete, exit 1, honest unknown volume
expect 1 "atlas incomplete" atlas --case A --box "a=0.5:4,b=-6:6" --out "$T/e.jsonl" --max-leaves 3 --quiet --threads 1
grep -q '"unknown":{"fraction"' "$T/e.jsonl" || { echo "FAIL: budget run without unknown region"; fail=1; }
expect 1 "valid: incomplete" verify "$T/e.jsonl"

# bad input names the argument
expect 2 "--eps" atlas --case A --box "g=0.2:4,h=-5:3" --out "$T/f.jsonl" --eps -1
expect 2 "--delta" atlas --case A --box "g=0.2:4,h=-5:3" --out "$T/f.jsonl" --delta x
expect 2 "--box" atlas --case A --box "a=0.5:4,b=-6:6,g=1:2" --out "$T/f.jsonl"
expect 2 "--box" atlas --case A --box "a=4:0.5,b=-6:6" --out "$T/f.jsonl"
expect 2 "--out" atlas --case A --box "g=0.2:4,h=-5:3"
expect 2 "--case" atlas --case C --box "g=0.2:4,h=-5:3" --out "$T/f.jsonl"
expect 2 "--trajectory" atlas --box "g=0.2:4,h=-5:3" --params a=1,b=0,c=1 --out "$T/f.jsonl" --trajectory
expect 2 "--plot-dims" atlas --case A --box "g=0.2:4,h=-5:3" --out "$T/f.jsonl" --figure "$T/f" --plot-dims g,q
expect 2 "--slice" atlas --case A --box "g=0.2:4,h=-5:3" --out "$T/f.jsonl" --figure "$T/f" --slice a=1
expect 2 "--max-leaves" atlas --case A --box "g=0.2:4,h=-5:3" --out "$T/f.jsonl" --max-leaves 0
exit $fail
