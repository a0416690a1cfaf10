#!/usr/bin/env bash
# The paper's four gradient-play runs (Case A/B × 2-D/4-D, step 0.4, K = 250 iterates counting
# the start): double trajectory with CSV + PNG, then the certified trajectory (interval<mpfr>,
# 256 bits) with its plateau summary and end-of-run enclosures. Part of `make demo`.
# usage: proofs/trajectories.sh GANCERT_BINARY [OUTPUT_DIR]   (default: <binary dir>/trajectories)
set -euo pipefail
gancert=${1:?usage: trajectories.sh GANCERT_BINARY [OUTPUT_DIR]}
out=${2:-$(dirname "$gancert")/trajectories}
mkdir -p "$out"
echo "== Gradient play of the paper (docs/mathematics.md §1): four runs, plateau criterion ||grad J||_2 <= 0.01, |J-1| <= 0.01"
for case in A B; do
  for dims in 2 4; do
    tag="case${case}-${dims}d"
    echo
    echo "-- Case $case, ${dims}-D: double trajectory (CSV $out/$tag.csv, plot $out/$tag.png)"
    "$gancert" trajectory --case "$case" --dims "$dims" --csv "$out/$tag.csv" --plot "$out/$tag.png" \
      | grep -E "^(plateau|final|  )"
    echo "-- Case $case, ${dims}-D: certified trajectory (every iterate an enclosure of the exact one)"
    "$gancert" trajectory --case "$case" --dims "$dims" --certified --csv "$out/$tag-certified.csv" --plot "$out/$tag-certified.png" \
      | grep -vE "^(gancert trajectory|start|plateau criterion|CSV written|plot written)"
  done
done
