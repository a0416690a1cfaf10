#!/usr/bin/env bash
# `make demo` part: the optimal-discriminator check (issue 6). Prints the claim and verdict of
# both cases (dim z < dim x: REFUTED; dim z = dim x: CONSISTENT) and the certified numbers of the
# marginal-matching generator.
# Usage: proofs/counterexample-demo.sh PATH_TO_GANCERT_BINARY
set -euo pipefail
gancert=${1:?usage: counterexample-demo.sh PATH_TO_GANCERT_BINARY}
echo "== Optimal-discriminator counterexample: gancert counterexample --digits 30"
out=$("$gancert" counterexample --digits 30) && rc=0 || rc=$?
# The matching generator's block (k = 1 … 10^6), then every CLAIM / VERDICT / RESULT line.
printf '%s\n' "$out" | awk '/^GENERATOR  matching/{on=1} /^GENERATOR  G1/{on=0} on'
printf '%s\n' "$out" | grep -E '^(CLAIM|VERDICT|CHECKS|RESULT) '
exit "$rc"
