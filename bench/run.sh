#!/usr/bin/env bash
# Runs every bench_* program of a build directory (used by `make bench`):
#   bench/run.sh <build-dir> [extra Google Benchmark flags...]
# Console output goes to stdout; JSON results to <build-dir>/bench-results/<program>.json.
set -euo pipefail
build="${1:?usage: bench/run.sh <build-dir> [benchmark flags]}"
shift
out="$build/bench-results"
mkdir -p "$out"
shopt -s nullglob
progs=("$build"/bench/bench_*)
if [ ${#progs[@]} -eq 0 ]; then
  echo "bench/run.sh: no bench_* programs in $build/bench (configure with -DGANCERT_BUILD_BENCH=ON and build)" >&2
  exit 1
fi
for prog in "${progs[@]}"; do
  [ -x "$prog" ] && [ -f "$prog" ] || continue
  name="$(basename "$prog")"
  echo "== $name"
  "$prog" --benchmark_out="$out/$name.json" --benchmark_out_format=json "$@"
done

# the vectorised Python path (issue 13: 10^4 double enclosures; prints time and fallbacks)
if [ -d "$build/python/package/gancert" ]; then
  echo "== python_batch"
  PYTHONPATH="$build/python/package" /usr/bin/python3 "$(dirname "$0")/python_batch.py" || true
fi
echo "JSON results in $out/"
