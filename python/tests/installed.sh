#!/usr/bin/env bash
# ctest python:installed — the Python tests against installed packages, not the build tree:
#   1. `cmake --install BUILD --prefix P --component python`, PYTHONPATH=P/lib/python3/dist-packages;
#   2. `pip install --no-build-isolation --no-index .` into a venv (--system-site-packages for
#      Debian's numpy/pytest) created inside the build tree, reusing the CMake build (no network).
# Each time `import gancert` must come from the installed location, and the example runs.
# Usage: installed.sh BUILD_DIR SOURCE_DIR PYTHON
set -euo pipefail
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
py=$3
work="$build/python-installed-test"
rm -rf "$work"
mkdir -p "$work"
cd "$work"  # never the source tree's python/ directory

run_tests() {  # run_tests PYTHON WHERE
  local where
  where=$("$1" -c "import gancert, os; print(os.path.dirname(gancert.__file__))")
  case "$where" in "$2"*) ;; *) echo "FAIL: gancert imported from $where, not $2"; exit 1 ;; esac
  "$1" -c "import gancert; assert gancert.__version__ == '$(sed -n 's/^project(gancert VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")'"
  "$1" -m pytest -q -p no:cacheprovider "$src/python/tests"
  "$1" "$src/python/examples/naive_scipy.py" > "$work/example.out" || { cat "$work/example.out"; exit 1; }
}

# 1. cmake --install
cmake --install "$build" --prefix "$work/prefix" --component python > "$work/install.log"
PYTHONPATH="$work/prefix/lib/python3/dist-packages" run_tests "$py" "$work/prefix/lib/python3/dist-packages"
echo "cmake --install: OK"

# 2. pip install into a venv
"$py" -m venv --system-site-packages "$work/venv"
( cd "$src" && GANCERT_CMAKE_BUILD_DIR="$build" "$work/venv/bin/python" -m pip install -q --no-build-isolation \
      --no-index --no-deps . ) > "$work/pip.log" 2>&1 || { cat "$work/pip.log"; exit 1; }
env -u PYTHONPATH bash -c "$(declare -f run_tests); work='$work'; src='$src'; run_tests '$work/venv/bin/python' '$work/venv'"
echo "pip install: OK"
