#!/usr/bin/env bash
# The main job of `make demo`: certify the paper's claims and print the verdicts.
# Usage: proofs/demo.sh BUILD_DIR
set -euo pipefail
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
gancert="$build/gancert"

echo "== 1. Case A (a,b,g,h,c) = (2.2, -3, 1.5, -2, 0.5): certified J, grad J, Hessian (30 digits)"
"$gancert" eval --a 2.2 --b -3 --g 1.5 --h -2 --c 0.5 --digits 30

for part in trajectories counterexample-demo certify-all; do
  script="$here/$part.sh"
  if [ -x "$script" ]; then
    echo
    "$script" "$gancert"
  fi
done
