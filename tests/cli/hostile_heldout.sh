#!/usr/bin/env bash
# Held-out hostile invocations (issue 15, acceptance): tests/data/hostile/heldout_invocations.py's
# set (none of it in invocations.txt or generate_invocations.py: family model specs that are
# malformed, deep, huge, from odd files or with NaN/inf parameters for `eval --model` and
# `reference --model`, hostile players' parameters, unbounded certification boxes without a
# time limit, `surface` with its certifier, odd certificate and CSV files, the command line
# itself), replayed by hostile_invocations.sh with its rules (exit 0/1/2 within the bound, no
# signal, no core file, no NaN in any output). ctest runs every EVERY-th line (default 4); the
# whole set is   tests/cli/hostile_heldout.sh build/gancert . 1
# Usage: hostile_heldout.sh <gancert-binary> <source-dir> [EVERY (default 4)] [BOUND s (default 60)]
HOSTILE_HELDOUT="${3:-4}" exec bash "$(dirname "$0")/hostile_invocations.sh" "$1" "$2" "${4:-60}"
