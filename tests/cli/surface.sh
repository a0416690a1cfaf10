#!/usr/bin/env bash
# CLI test of `gancert surface` (issue 7): PNG written (heatmap + certifier leaves +
# trajectory), grid CSV with N*N finite values, bad input → exit 2 naming the argument.
# usage: surface.sh <gancert binary> <source dir>
set -uo pipefail
BIN=$1
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail=0
note() { echo "FAIL: $*"; fail=1; }

expect_bad() {  # expect_bad <name the message must contain> <args...>
    local name=$1; shift
    "$BIN" surface "$@" >"$TMP/out" 2>"$TMP/err"
    local rc=$?
    if [ $rc -ne 2 ]; then note "exit $rc (want 2) for: $*"; return; fi
    grep -q -- "$name" "$TMP/err" || note "message for '$*' does not name $name: $(cat "$TMP/err")"
}
expect_bad --box --case A --box "b=-6" --plot "$TMP/x.png"
expect_bad --box --case A --box "b=-6:6" --plot "$TMP/x.png"
expect_bad --box --case A --box "b=6:-6,h=-6:6" --plot "$TMP/x.png"
expect_bad --box --case A --box "b=-6:6,q=-1:1" --plot "$TMP/x.png"
expect_bad --box --case A --box "b=-6:x,h=-6:6" --plot "$TMP/x.png"
expect_bad --grid --case A --box "b=-6:6,h=-6:6" --grid 1 --plot "$TMP/x.png"
expect_bad --case --case C --box "b=-6:6,h=-6:6" --plot "$TMP/x.png"
expect_bad --plot --case A --box "b=-6:6,h=-6:6"

"$BIN" surface --case A --box "b=-6:6,h=-6:6" --grid 30 --csv "$TMP/g.csv" --plot "$TMP/s.png" >"$TMP/out" 2>"$TMP/err"
rc=$?
[ $rc -eq 0 ] || note "surface exit $rc: $(cat "$TMP/err")"
[ -f "$TMP/s.png" ] || note "no PNG"
size=$(stat -c %s "$TMP/s.png" 2>/dev/null || echo 0)
[ "$size" -gt 20000 ] || note "PNG too small ($size bytes)"
[ "$(head -c 8 "$TMP/s.png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || note "not a PNG"
[ "$(wc -l <"$TMP/g.csv")" -eq 901 ] || note "grid CSV: want 900 rows + header, got $(wc -l <"$TMP/g.csv")"
[ "$(head -1 "$TMP/g.csv")" = "b,h,J" ] || note "grid CSV header: $(head -1 "$TMP/g.csv")"
grep -q "certifier: " "$TMP/out" || note "no certifier verdict: $(cat "$TMP/out")"
# J must be finite everywhere on the grid and > 0 (a least-squares cost)
awk -F, 'NR>1 && !($3+0 > 0) {bad=1} END {exit bad}' "$TMP/g.csv" || note "non-positive or non-finite J in the grid"

[ $fail -eq 0 ] && echo "surface.sh: all checks passed"
exit $fail
