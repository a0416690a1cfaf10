#!/usr/bin/env bash
# mpirun -np 2 gancert certify gives a certificate that verifies and covers the same box with
# the same evidence counts as the threaded run. Skipped when mpirun is not installed.
set -u
G="$1"
command -v mpirun > /dev/null || { echo "mpirun not found: skipped"; exit 0; }
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
args=(certify --model test-cubic --box "x1=-3:3.1,x2=-2.7:3,x3=-2.2:2.5" --claim no-saddle --no-progress)
mpirun -np 2 "$G" "${args[@]}" --threads 1 --out "$T/mpi.jsonl" > "$T/mpi.out" 2>&1 || { echo "FAIL: mpirun"; cat "$T/mpi.out"; fail=1; }
"$G" "${args[@]}" --threads 2 --out "$T/thr.jsonl" > "$T/thr.out" 2>&1
"$G" verify "$T/mpi.jsonl" || { echo "FAIL: MPI certificate does not verify"; fail=1; }
h1=$(head -1 "$T/mpi.jsonl" | sed 's/"settings".*//'); h2=$(head -1 "$T/thr.jsonl" | sed 's/"settings".*//')
[ "$h1" = "$h2" ] || { echo "FAIL: different headers (box/claim/model)"; fail=1; }
c1=$(tail -1 "$T/mpi.jsonl" | grep -o '"unique_types":{[^}]*}'); c2=$(tail -1 "$T/thr.jsonl" | grep -o '"unique_types":{[^}]*}')
[ -n "$c1" ] && [ "$c1" = "$c2" ] || { echo "FAIL: stationary points differ: $c1 vs $c2"; fail=1; }
exit $fail
