#!/usr/bin/env bash
# Sweep of hostile invocations (issue 15, acceptance): tests/data/hostile/sweep_invocations.py's
# set (every subcommand and option of `gancert --help` and the Python API, one factor at a time
# and in seeded pairs, no --time-limit unless the option swept is the budget; rules differ from
# generate_invocations.py and heldout_invocations.py). Each must end within BOUND s with exit
# 0/1/2 (or its line's statuses), no signal, no core file, no NaN as an interval end or value in
# any output, an exit 2 naming the argument; a Python call returns or raises ValueError/TypeError.
# Two run at a time (the loaded CI machine). ctest runs every EVERY-th line (default 16) of those
# that end within seconds; the whole set (also the runs that stop at a default budget) is
#   tests/cli/hostile_sweep.sh build/gancert . 1        (about 1,300 invocations, ~30 min)
# Usage: hostile_sweep.sh <gancert-binary> <source-dir> [EVERY (default 16)] [BOUND s (default 60)] [REPORT.json]
exec /usr/bin/python3 "$2/tests/data/hostile/sweep_invocations.py" run "$1" "$2" "${3:-16}" 2 "${4:-60}" ${5:+"$5"}
