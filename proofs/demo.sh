#!/usr/bin/env bash
# The main job of `make demo`: certify the paper's claims and print the verdicts.
# Usage: proofs/demo.sh BUILD_DIR        (outputs go to BUILD_DIR/demo/)
# Set GANCERT_SKIP_EXTREMA=1 to skip the two slow extrema certificates (~3 min).
set -euo pipefail
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
gancert="$build/gancert"
out="$build/demo"
mkdir -p "$out"

echo "== 1. Case A (a,b,g,h,c) = (2.2, -3, 1.5, -2, 0.5): certified J, grad J, Hessian (30 digits)"
"$gancert" eval --a 2.2 --b -3 --g 1.5 --h -2 --c 0.5 --digits 30

echo
echo "== 2. The paper's gradient trajectories (issue 4)"
"$here/trajectories.sh" "$gancert" "$out/trajectories"

echo
echo "== 3. The optimal-discriminator counterexample (issue 6)"
"$here/counterexample-demo.sh" "$gancert"

echo
echo "== 4. Certificates of the paper's claims (issue 5), each re-checked by gancert verify"
"$here/certify-all.sh" "$gancert" "$out/certificates"
