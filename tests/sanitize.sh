#!/usr/bin/env bash
# The sanitizer run (issue 15; the ctest test sanitize:asan_ubsan, so part of `make test`):
# configures BUILD/sanitize with clang and -DGANCERT_SANITIZE=ON (AddressSanitizer +
# UndefinedBehaviorSanitizer, any report fatal; -O1), builds the gancert binary and a
# representative fast subset of the unit tests, and runs them: the decimal parser and bad-input
# tests (arith), the resource limits and whole-file output (api_limits, api_output_file), the
# certificate reader/writer (certify_certificate), the reference CSV
# comparison (reference_compare), the evaluation policy (model_eval_policy); then the
# hostile-invocation corpus (tests/data/hostile/invocations.txt) against the sanitized binary.
# Any sanitizer report fails the run. The subset is the code that reads untrusted input plus one
# evaluation path; the slow numeric suites (minutes each unsanitized) are left out so that the
# whole `make test` stays well inside CI's 90 minutes (README.md, Reliability).
# Usage: tests/sanitize.sh <gancert-binary> <source-dir>   (e.g. tests/sanitize.sh build/gancert .)
set -u
SRC="$2"
B="$(cd "$(dirname "$1")" && pwd)/sanitize"
SUBSET="test_arith_decimal test_arith_bad_input test_api_limits test_api_output_file test_certify_certificate test_reference_compare test_model_eval_policy"
export ASAN_OPTIONS="detect_leaks=1:exitcode=99:abort_on_error=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:exitcode=98"
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
command -v clang++ >/dev/null || { echo "FAIL: clang++ not found (Makefile DEB_PACKAGES: clang libclang-rt-dev)"; exit 1; }
cmake -S "$SRC" -B "$B" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O1 -g1 -DNDEBUG" \
      -DGANCERT_SANITIZE=ON -DGANCERT_BUILD_BENCH=OFF -DGANCERT_BUILD_PYTHON=OFF "${launcher[@]}" \
      >"$B.configure.log" 2>&1 || { echo "FAIL: configure"; cat "$B.configure.log"; exit 1; }
# shellcheck disable=SC2086
cmake --build "$B" -j 2 --target gancert_cli $SUBSET >"$B.build.log" 2>&1 || { echo "FAIL: build"; tail -30 "$B.build.log"; exit 1; }
fail=0
for t in $SUBSET; do
    "$B/tests/$t" >"$B/$t.log" 2>&1; rc=$?
    if [ $rc != 0 ]; then echo "FAIL: $t under ASan+UBSan exited $rc"; tail -40 "$B/$t.log"; fail=1
    else echo "ok: $t ($(grep -oE 'All tests passed \([0-9]+ assertions in [0-9]+ test cases\)' "$B/$t.log"))"; fi
done
# the hostile corpus against the sanitized CLI (a sanitizer report exits 98/99: not an allowed status)
HOSTILE_CORPUS_ONLY=1 bash "$SRC/tests/cli/hostile_invocations.sh" "$B/gancert" "$SRC" 120 >"$B/hostile.log" 2>&1 ||
    { echo "FAIL: hostile invocations under ASan+UBSan"; grep -A4 FAIL "$B/hostile.log" | head -60; fail=1; }
tail -1 "$B/hostile.log"
exit $fail
