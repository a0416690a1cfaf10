#!/usr/bin/env bash
# Distributed certification (issue 16). Under mpirun with 2 and 3 ranks, with and without
# --out, a claim false in only part of the box must end `refuted` (exit 1) every time; a true
# claim gives the single-process leaf set; a killed rank leaves parts that a rerun resumes from
# (no finished leaf lost or recomputed, no part file left). Skipped when mpirun is missing.
set -u
G="$1"
command -v mpirun > /dev/null || { echo "mpirun not found: skipped"; exit 0; }
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
false_in_part=(certify --model test-cubic --box "x1=-3:3.1,x2=-2.7:3" --claim no-saddle --no-progress --threads 1)
for np in 2 3; do
    for out in "" "--out $T/np$np.jsonl"; do
        mpirun -np $np "$G" "${false_in_part[@]}" $out > "$T/o" 2>&1
        rc=$?
        if [ $rc != 1 ] || ! grep -q "^refuted: violated 'no saddle'" "$T/o"; then
            echo "FAIL: mpirun -np $np ${out:-(no --out)}: exit $rc, want refuted/1"; cat "$T/o"; fail=1
        fi
    done
    "$G" verify "$T/np$np.jsonl" | grep -q "^valid: refuted" || { echo "FAIL: np=$np certificate does not verify"; fail=1; }
    ls "$T"/np$np.jsonl.part* > /dev/null 2>&1 && { echo "FAIL: part files left after success"; fail=1; }
done
ls /tmp/gancert-cert-* > /dev/null 2>&1 && echo "note: temporary certificates from other runs exist in /tmp"

# a true claim: same leaves as one process, proved, verified
args=(certify --model test-cubic --box "x1=-3:3.1,x2=-2.7:3,x3=-2.2:2.5" --claim no-saddle --no-progress)
"$G" "${args[@]}" --threads 2 --out "$T/thr.jsonl" > /dev/null 2>&1
mpirun -np 2 "$G" "${args[@]}" --threads 1 --out "$T/mpi.jsonl" > "$T/mpi.out" 2>&1
"$G" verify "$T/mpi.jsonl" > "$T/v" 2>&1
c1=$(tail -1 "$T/mpi.jsonl" | grep -o '"unique_types":{[^}]*}'); c2=$(tail -1 "$T/thr.jsonl" | grep -o '"unique_types":{[^}]*}')
[ -n "$c1" ] && [ "$c1" = "$c2" ] || { echo "FAIL: stationary points differ: $c1 vs $c2"; fail=1; }
grep -q "^valid" "$T/v" || { echo "FAIL: MPI certificate does not verify"; cat "$T/v"; fail=1; }
mpirun -np 2 "$G" certify --case A --box "b=-6:6,h=-6:6" --claim no-saddle --threads 1 --no-progress > "$T/a" 2>&1 \
    && grep -q "^proved (64 leaves)" "$T/a" || { echo "FAIL: Case A under MPI"; cat "$T/a"; fail=1; }

# early stop at the first refutation: 2 ranks give the single-process leaves
es=(certify --case A --box "a=-1:1,b=-1:1,g=0.5:2,h=-1:2" --claim no-saddle --no-progress)
"$G" "${es[@]}" --threads 1 --out "$T/es1.jsonl" > /dev/null 2>&1
mpirun -np 2 "$G" "${es[@]}" --threads 1 --out "$T/es2.jsonl" > "$T/es.out" 2>&1
grep -q "^refuted" "$T/es.out" || { echo "FAIL: early stop under MPI"; cat "$T/es.out"; fail=1; }
leafset() { grep -v '"summary"' "$1" | tail -n +2 | sort; }
cmp -s <(leafset "$T/es1.jsonl") <(leafset "$T/es2.jsonl") || { echo "FAIL: early-stop leaves differ, 1 process vs 2 ranks"; fail=1; }

# a leaf budget under MPI, then --resume: the same leaves as one process (budget + resume)
bud=(certify --case A --box "b=-6:6,h=-6:6" --claim extrema --delta 1e-3 --min-width 1e-3 --no-progress --threads 1)
"$G" "${bud[@]}" --out "$T/b1.jsonl" > /dev/null 2>&1
mpirun -np 2 "$G" "${bud[@]}" --max-leaves 20 --out "$T/b2.jsonl" > /dev/null 2>&1
mpirun -np 2 "$G" "${bud[@]}" --resume --out "$T/b2.jsonl" > "$T/b.out" 2>&1
grep -q "^proved" "$T/b.out" || { echo "FAIL: MPI budget resume"; cat "$T/b.out"; fail=1; }
cmp -s <(leafset "$T/b1.jsonl") <(leafset "$T/b2.jsonl") || { echo "FAIL: MPI budget-resume leaves differ from one process"; fail=1; }

# kill -9 one rank in the middle of a run; a rerun with --resume continues from the parts
# a claim of ~12 s on one thread (1095 leaves): rank 1 is still running when it is killed
slow=(certify --case A --box "a=-0.5:0.5,b=-3:3" --claim no-stationary --no-progress --threads 1)
leaf_paths() { grep -h '"evidence"' "$@" 2>/dev/null | python3 -c '
import json, sys
for l in sys.stdin:
    try: print(json.dumps(json.loads(l)["path"]))
    except Exception: pass' | sort; }
for rerun in mpi single; do
    C="$T/kill-$rerun.jsonl"
    mpirun -np 2 "$G" "${slow[@]}" --out "$C" > "$T/k1" 2>&1 &
    mpid=$!
    victim=""
    for i in $(seq 1 100); do  # wait until rank 1 has written some leaves
        sleep 0.1
        [ -f "$C.part1" ] && [ "$(wc -l < "$C.part1")" -gt 10 ] || continue
        for p in $(pgrep -x gancert); do
            tr '\0' '\n' < /proc/$p/environ 2>/dev/null | grep -q '^OMPI_COMM_WORLD_RANK=1$' && victim=$p
        done
        [ -n "$victim" ] && break
    done
    if [ -z "$victim" ]; then echo "FAIL: could not find rank 1 to kill"; fail=1; wait $mpid; continue; fi
    kill -9 "$victim"
    wait $mpid
    [ -f "$C.part1" ] || { echo "FAIL: the killed rank's part file is gone"; fail=1; }
    leaf_paths "$C" "$C".part* > "$T/before"
    before=$(wc -l < "$T/before")
    if [ $rerun = mpi ]; then
        mpirun -np 2 "$G" "${slow[@]}" --out "$C" --resume > "$T/k2" 2>&1
    else
        "$G" "${slow[@]}" --out "$C" --resume > "$T/k2" 2>&1
    fi
    rc=$?
    [ $rc = 0 ] && grep -q "^proved" "$T/k2" || { echo "FAIL: $rerun resume after kill: exit $rc"; cat "$T/k2"; fail=1; }
    ls "$C".part* > /dev/null 2>&1 && { echo "FAIL: part files left after the resumed run"; fail=1; }
    leaf_paths "$C" > "$T/after"
    missing=$(comm -23 "$T/before" "$T/after" | wc -l)
    dups=$(uniq -d "$T/after" | wc -l)
    [ "$missing" = 0 ] && [ "$dups" = 0 ] || { echo "FAIL: $rerun resume lost $missing finished leaves, duplicated $dups"; fail=1; }
    resumed=$(tail -1 "$C" | python3 -c 'import json,sys; print(json.load(sys.stdin)["summary"]["stats"]["resumed_leaves"])')
    [ "$resumed" -ge "$before" ] || { echo "FAIL: $rerun resume recomputed finished leaves (resumed $resumed < $before kept)"; fail=1; }
    "$G" verify "$C" > "$T/v" 2>&1 || { echo "FAIL: resumed certificate does not verify"; cat "$T/v"; fail=1; }
    echo "$rerun resume: $before finished leaves kept before the rerun, $(wc -l < "$T/after") in the final certificate"
done
exit $fail
