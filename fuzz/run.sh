#!/usr/bin/env bash
# Builds the libFuzzer harnesses of fuzz/ with clang and runs each for a fixed number of
# executions (default 1000000) from its committed seed corpus fuzz/corpus/<name> (new inputs go
# to a scratch copy; the committed corpus is not touched). A crash, leak, sanitizer report or a
# run over -max_total_time fails the run (exit 1) and leaves the reproducer in BUILD/.
#   fuzz/run.sh [BUILD_DIR (default build-fuzz)] [RUNS] [--readme]
# --readme rewrites README.md's section between <!-- fuzz-results --> and <!-- /fuzz-results -->
# with the executions and findings of this run (run from the repository root).
set -u
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
B="${1:-build-fuzz}"; RUNS="${2:-1000000}"; README="${3:-}"
cmake -S "$ROOT/fuzz" -B "$B" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Release >/dev/null || exit 1
cmake --build "$B" -j 2 >/dev/null || { echo "fuzz: build failed"; exit 1; }
B="$(cd "$B" && pwd)"
fail=0
rows=""
for name in decimal box params model record csv; do
    work="$B/corpus-$name"; rm -rf "$work"; mkdir -p "$work"
    log="$B/fuzz_$name.log"
    (cd "$B" && ./fuzz_$name -runs="$RUNS" -max_len=4096 -max_total_time=14400 -rss_limit_mb=2048 -timeout=10 \
        "$work" "$ROOT/fuzz/corpus/$name" >"$log" 2>&1)
    rc=$?
    execs=$(grep -oE 'Done [0-9]+ runs' "$log" | grep -oE '[0-9]+' | tail -1)
    secs=$(grep -oE 'runs in [0-9]+ second' "$log" | grep -oE '[0-9]+' | tail -1)
    if [ "$rc" = 0 ] && [ -n "$execs" ] && [ "$execs" -ge "$RUNS" ]; then finding="none"
    else finding="exit $rc, see $log"; fail=1; fi
    echo "fuzz_$name: ${execs:-0} executions in ${secs:-?} s, findings: $finding"
    rows+="| \`fuzz_$name\` | ${execs:-0} | ${secs:-?} | $finding |"$'\n'
done
if [ "$README" = "--readme" ]; then
    ROWS="$rows" RUNS="$RUNS" python3 - "$ROOT/README.md" <<'PY'
import os, re, sys
p = sys.argv[1]; s = open(p).read()
body = ("Command: `make fuzz` (`fuzz/run.sh build-fuzz %s`), clang %s.\n\n"
        "| harness | executions | seconds | crashes, hangs, sanitizer reports |\n| --- | --- | --- | --- |\n%s"
        % (os.environ["RUNS"], os.popen("clang++ -dumpversion").read().strip(), os.environ["ROWS"]))
new, n = re.subn(r"(<!-- fuzz-results -->\n).*?(<!-- /fuzz-results -->)", lambda m: m.group(1) + body + m.group(2), s, flags=re.S)
if n != 1: sys.exit("fuzz/run.sh: README.md has no <!-- fuzz-results --> section")
open(p, "w").write(new)
PY
fi
exit $fail
