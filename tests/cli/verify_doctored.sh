#!/usr/bin/env bash
# Soundness: doctored certificates (every leaf kind x every claim, numbers moved inside their
# enclosures, forged summaries, empty extrema, dropped/duplicated leaves) are never accepted,
# at the default precision and at --bits 256. See tests/support/doctor_certificates.py.
set -u
G="$1"
SRC="$2"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
python3 "$SRC/tests/support/doctor_certificates.py" "$G" "$T"
