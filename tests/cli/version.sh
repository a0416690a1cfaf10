#!/usr/bin/env bash
# One version (project(VERSION) in CMakeLists.txt) everywhere: `gancert --version`, certificate
# headers ("tool_version"), reference tables (first line "# gancert V reference table") and the
# Python module's __version__ (when the build tree has the Python package). Certificates written before
# the field existed (proofs/certificates) and a new certificate with the field removed verify.
# Usage: version.sh GANCERT_BINARY SOURCE_DIR
set -uo pipefail
gancert=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
want=$(sed -n 's/^project(gancert VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")
[ -n "$want" ] || { echo "FAIL: no project(VERSION) in CMakeLists.txt"; exit 1; }

out=$("$gancert" --version 2>&1); rc=$?
[ $rc -eq 0 ] && [ "$out" = "gancert $want" ] || bad "--version: exit $rc, '$out' (want 'gancert $want')"

"$gancert" reference --grid "b=-3:-3:1" --fixed a=2.2,g=1.5,c=0.5,h=-2 --digits 10 --quantities J \
    --out "$tmp/r.csv" 2> "$tmp/err" || bad "reference: $(cat "$tmp/err")"
[ "$(head -1 "$tmp/r.csv")" = "# gancert $want reference table" ] || bad "reference table line 1: $(head -1 "$tmp/r.csv")"
"$gancert" reference --grid "b=-3:-3:1" --fixed a=2.2,g=1.5,c=0.5,h=-2 --digits 10 --quantities J \
    --format json > "$tmp/r.json" 2> "$tmp/err" || bad "reference json: $(cat "$tmp/err")"
/usr/bin/python3 -c "import json,sys; r=json.load(open(sys.argv[1])); sys.exit(0 if all(x['tool_version']==sys.argv[2] for x in r) else 1)" \
    "$tmp/r.json" "$want" || bad "reference json rows lack tool_version $want"

"$gancert" certify --case A --box "b=-6:6,h=-6:6" --claim no-saddle --out "$tmp/c.jsonl" > "$tmp/out" 2>&1 \
    || bad "certify: $(cat "$tmp/out")"
/usr/bin/python3 - "$tmp/c.jsonl" "$tmp/old.jsonl" "$want" <<'PYEOF' || bad "certificate header tool_version"
import json, sys
lines = open(sys.argv[1]).read().splitlines()
h = json.loads(lines[0])
if h.get("tool_version") != sys.argv[3]:
    print("header:", lines[0][:200]); sys.exit(1)
del h["tool_version"]
open(sys.argv[2], "w").write("\n".join([json.dumps(h)] + lines[1:]) + "\n")
PYEOF
"$gancert" verify "$tmp/c.jsonl" > "$tmp/out" 2>&1 || bad "verify new certificate: $(cat "$tmp/out")"
"$gancert" verify "$tmp/old.jsonl" > "$tmp/out" 2>&1 || bad "verify certificate without tool_version: $(cat "$tmp/out")"
"$gancert" verify "$src/proofs/certificates/no-saddle-A-2d.jsonl" > "$tmp/out" 2>&1 || bad "verify checked-in certificate: $(cat "$tmp/out")"

pkg="$(dirname "$gancert")/python/package"  # the build tree's Python package, when built
if [ -d "$pkg/gancert" ]; then
  v=$(PYTHONPATH="$pkg" /usr/bin/python3 -c "import gancert; print(gancert.__version__)" 2>&1) || bad "import gancert: $v"
  [ "$v" = "$want" ] || bad "gancert.__version__ = '$v' (want $want)"
fi
[ $fail -eq 0 ] && echo "version.sh: all checks passed"
exit $fail
