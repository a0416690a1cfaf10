#!/usr/bin/env bash
# Resource limits are input validation (issue 15): a thread count or initial-box count above
# its documented maximum (lib/include/gancert/certify/limits.hpp) exits 2 naming the option
# at once — no abort, no hang, no output file; a certificate line nested 10⁶ levels deep is
# rejected by `verify` (exit 1, naming the line) without overflowing the stack.
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
exit $fail
