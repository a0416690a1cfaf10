#!/usr/bin/env bash
# Resource limits are input validation (issue 15): a value above its documented maximum
# (lib/include/gancert/api/limits.hpp, docs/limits.md) exits 2 naming the option at once — no
# abort, no hang, no output file; the value at the maximum is accepted; a certificate line
# nested 10⁶ levels deep is rejected by `verify` (exit 1, naming the line) without overflowing
# the stack; an endless CSV input (/dev/zero) is refused at the file-size limit.
# Usage: resource_limits.sh <gancert-binary> <source-dir>
set -u
G="$1"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
. "$(dirname "$0")/../support/cli_expect.sh"

BOX=(--case A --box "b=-6:6,h=-6:6" --claim no-saddle --quiet)
expect 2 "--threads" certify "${BOX[@]}" --threads 100000 --out "$T/a.jsonl"
[ -e "$T/a.jsonl" ] && { echo "FAIL: a refused run left $T/a.jsonl"; fail=1; }
expect 2 "--initial-boxes" certify "${BOX[@]}" --initial-boxes 4294967296 --out "$T/a.jsonl"
expect 2 "--initial-boxes" certify "${BOX[@]}" --initial-boxes 0 --out "$T/a.jsonl"
expect 0 "proved" certify "${BOX[@]}" --threads 1024 --out "$T/ok.jsonl"
expect 2 "--threads" verify "$T/ok.jsonl" --threads 2147483648
expect 0 "valid" verify "$T/ok.jsonl"

# a hostile line: 10^6 nested arrays inserted as line 3
python3 - "$T/ok.jsonl" "$T/deep.jsonl" <<'PY'
import sys
lines = open(sys.argv[1]).read().split("\n")
lines.insert(2, "[" * 1000000 + "]" * 1000000)
open(sys.argv[2], "w").write("\n".join(lines))
PY
expect 1 "nested deeper" verify "$T/deep.jsonl"

# the limits of limits.hpp, one above and (where fast) at the maximum; read from the header so
# that the test follows it
H="$(dirname "$0")/../../lib/include/gancert/api/limits.hpp"
lim() { sed -n "s/.*inline constexpr [a-z ]* $1 = \([0-9]*\);.*/\1/p" "$H"; }
D=$(lim max_eval_digits); S=$(lim max_trajectory_steps); N=$(lim max_surface_grid)
[ -n "$D" ] && [ -n "$S" ] && [ -n "$N" ] || { echo "FAIL: limits.hpp not read"; exit 1; }
EV=(eval --a 2.2 --b -3 --g 1.5 --h -2 --c 0.5)
expect 2 "--digits" "${EV[@]}" --digits $((D + 1))
expect 0 "J" "${EV[@]}" --digits "$D"
expect 2 "--digits" reference --grid b=-1:1:2 --fixed a=1,g=1,h=0,c=0.5 --digits $((D + 1)) --out "$T/r.csv"
[ -e "$T/r.csv" ] && { echo "FAIL: a refused reference run left $T/r.csv"; fail=1; }
expect 2 "--steps" trajectory --steps $((S + 1))
expect 2 "--grid" surface --case A --box b=-6:6,h=-6:6 --grid $((N + 1)) --no-certify --plot "$T/s.png"
expect 2 "--digits: must be in" counterexample --digits 101
expect 2 "larger than the maximum" compare --reference /dev/zero --candidate /dev/zero
expect 2 "larger than the maximum" reference --points /dev/zero --fixed a=1,g=1,h=0,c=0.5
# the message names the option the bad value came from (the held-out sweep's findings)
expect 2 "--nonexistent-option" compare --nonexistent-option 1
expect 2 "certificate: required" verify
expect 2 "--params: c = '0'" certify --claim stationary-set --params c=0 --quiet --out "$T/s.jsonl"
IND="data=exp(c=1) latent=uniform gen=square disc=indicator cost=ls"
expect 2 "--fixed: l: '0.5'" reference --model "$IND" --grid r=-1:1:3 --fixed l=0.5,g=1,h=0 --digits 8 --quantities J
expect 2 "--fixed: parameter 'b' given both" reference --grid b=-1:1:2 --fixed a=1,g=1,c=0.5,b=0 --digits 10 --quantities J
ls "$T" | grep -q '\.tmp-' && { echo "FAIL: temporary files left: $(ls "$T")"; fail=1; }
exit $fail
