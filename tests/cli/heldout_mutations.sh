#!/usr/bin/env bash
# Held-out mutated certificates (issue 15, acceptance): tests/data/hostile/heldout_mutations.py's
# edits (kinds semantic_mutations.py does not make: a leaf box shrunk by 10^-19, the header box
# widened by 10^-21, non-finite or reversed ends, an enclosure made a point or reversed, a
# foreign leaf, a torn leaf or summary, a region end opened, a dropped fixed parameter, ...) of
# eight committed certificates, run by verify_mutations.sh with its rules: a `break-*` file is
# never accepted, a `same-*` file always, each ends 0/1/2 within the bound.
# ctest runs PER (default 12) per certificate, 96 in all; the whole held-out set is
#   tests/cli/heldout_mutations.sh build/gancert . 250     (2,000 mutated certificates)
# Usage: heldout_mutations.sh <gancert-binary> <source-dir> [PER_CERT (default 12)] [BOUND s (default 60)]
MUTATIONS=heldout_mutations.py MUTATION_OTHER=plateau-B-2d \
MUTATION_CERTS="no-saddle-A-2d no-saddle-B-4d plateau-A-one-sided extrema-B-2d stationary-set-B no-stationary-A-halfspace no-stationary-A-touching-a0 plateau-A-saturated" \
    exec bash "$(dirname "$0")/verify_mutations.sh" "$1" "$2" "${3:-12}" "${4:-60}"
