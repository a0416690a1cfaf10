#!/usr/bin/env bash
# Soundness: headers certify would never write, wrapped integers, an excluded leaf without its
# own sign, recorded extrema far below 1e-100000, and forged --resume checkpoints are refused
# (never a proof). See tests/support/untrusted_inputs.py.
set -u
G="$1"
SRC="$2"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
python3 "$SRC/tests/support/untrusted_inputs.py" "$G" "$T"
