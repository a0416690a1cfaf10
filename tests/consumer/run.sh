#!/usr/bin/env bash
# ctest package:consumer — install gancert into a prefix inside the build tree, then
# configure, build and run tests/consumer against it with find_package(gancert).
# Usage: run.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
work="$build/consumer-test"
rm -rf "$work"
mkdir -p "$work"
cmake --install "$build" --prefix "$work/prefix" > "$work/install.log"
test -f "$work/prefix/lib/cmake/gancert/gancertConfig.cmake" || { echo "no gancertConfig.cmake installed"; exit 1; }
test -f "$work/prefix/lib/cmake/gancert/gancertConfigVersion.cmake" || { echo "no version file installed"; exit 1; }
test -x "$work/prefix/bin/gancert" || { echo "CLI not installed"; exit 1; }
cmake -S "$src/tests/consumer" -B "$work/build" -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_PREFIX_PATH="$work/prefix" > "$work/configure.log"
# the package must come from the temporary prefix, not from the build tree
grep -q "gancert_DIR:PATH=$work/prefix" "$work/build/CMakeCache.txt" || { echo "gancert found elsewhere"; exit 1; }
cmake --build "$work/build" -j2 > "$work/build.log" || { cat "$work/build.log"; exit 1; }
# J at case A from the independent mpmath reference table (tests/data)
jref=$(awk -F, '!/^#/ && $1 == "A" { print $10 }' "$src/tests/data/rsee_reference_40.csv")
test -n "$jref"
"$work/build/gancert_consumer" "$jref"
# the installed CLI runs and parses its arguments
"$work/prefix/bin/gancert" reference --help > /dev/null
echo "consumer OK"
