#!/usr/bin/env bash
# Splice and claim mutations of committed certificates (issue 15, acceptance):
# tests/data/hostile/splice_mutations.py's edits (kinds neither semantic_mutations.py nor
# heldout_mutations.py makes: a leaf doubled with another leaf's evidence, another certificate's
# summary or header spliced in, a leaf box past the root, paths exchanged or extended, lemma
# names swapped, a stationary-set region's constraint changed, plateau eps/delta/level and the
# extrema target tightened below what the recorded enclosures allow, no-saddle strengthened to
# no-stationary over a stationary leaf, the fixed slope negated under lemma S1 leaves, disjoint
# enclosures transplanted, unknown leaves of a refuted or incomplete run forged into a proof),
# run by verify_mutations.sh with its rules: a `break-*` file is never accepted, a `same-*` file
# keeps the verdict, each ends 0/1/2 within the bound; an accepted `any-*` edit must also be
# accepted by `verify --independent`.
# ctest runs PER (default 5) per certificate of the paper's model (17 certificates, the fast
# ones); the whole set over every committed certificate (the 6 family ones get PER/5 each) is
#   tests/cli/splice_mutations.sh build/gancert . 30 all
# Usage: splice_mutations.sh <gancert-binary> <source-dir> [PER_CERT (default 5)] [all] [BOUND s (default 60)]
FAST="extrema-A-2d extrema-B-2d no-saddle-A-2d no-saddle-A-4d no-saddle-B-2d no-saddle-B-4d no-stationary-A-4d
no-stationary-A-across-a0 no-stationary-A-halfspace no-stationary-A-touching-a0 no-stationary-B-4d plateau-A-2d
plateau-A-one-sided plateau-A-saturated plateau-B-2d stationary-set-A stationary-set-B"
FAMILY="family/logistic-log-no-saddle-bh family/logistic-log-no-stationary-4d-incomplete family/logistic-log-no-stationary-bh
family/logistic-ls-no-saddle-bh family/logistic-ls-no-stationary-4d-bneg family/logistic-ls-no-stationary-4d"
PER="${3:-5}"
run() { MUTATIONS=splice_mutations.py MUTATION_CROSS_CHECK=1 MUTATION_CERTS="$(echo $1)" \
    bash "$(dirname "$0")/verify_mutations.sh" "$G" "$SRC" "$2" "$BOUND"; }
G="$1" SRC="$2" BOUND="${5:-60}"
[ "${4:-}" = all ] || { run "$FAST" "$PER"; exit; }
# all: the family certificates too, a fifth as many each (one verify takes up to 25 s)
run "$FAST" "$PER"; rc=$?
run "$FAMILY" $(( PER / 5 > 2 ? PER / 5 : 2 )) || rc=1
exit $rc
