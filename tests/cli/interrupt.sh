#!/usr/bin/env bash
# SIGINT / SIGTERM during `gancert certify` (issue 15): the interrupted run stops as at a budget
# (exit 1, incomplete: the undecided boxes written as unknown leaves "interrupted", a summary
# line), its certificate verifies as incomplete and no temporary file is left beside it; `--resume` then finishes it, and the result verifies and has the same
# leaves and verdict as an uninterrupted run.
# Usage: interrupt.sh <gancert-binary> <source-dir>
set -u
G="$1"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
leaves() { grep -v '"summary"' "$1" | tail -n +2 | sort; }
summary() { tail -1 "$1" | python3 -c 'import json,sys; s=json.load(sys.stdin)["summary"]; s.pop("stats",None); print(json.dumps(s,sort_keys=True))'; }
run=(certify --case A --box "b=-6:6,h=-6:6" --claim extrema --delta 1e-3 --min-width 1e-3 --quiet --threads 2)

mkdir "$T/ref"
"$G" "${run[@]}" --out "$T/ref/full.jsonl" >"$T/ref.out" 2>&1 || { echo "FAIL: reference run"; cat "$T/ref.out"; exit 1; }

for trial in INT:3 TERM:8; do
    sig=${trial%:*} after=${trial#*:}
    {
        d="$T/$sig-$after"; mkdir "$d"
        "$G" "${run[@]}" --out "$d/c.jsonl" >"$d/out" 2>&1 &
        pid=$!
        sleep "$after"
        kill -"$sig" "$pid" 2>/dev/null
        wait "$pid"; rc=$?
        if [ "$rc" = 0 ]; then echo "note: SIG$sig after $after s came after the end"; fi
        # stopped as at a budget: incomplete (exit 1), "interrupted" unknown leaves, a summary line
        [ "$rc" -le 1 ] || { echo "FAIL: SIG$sig: exit $rc (want 1, incomplete)"; cat "$d/out"; fail=1; }
        if [ "$rc" = 1 ]; then
            grep -q '"reason":"interrupted"' "$d/c.jsonl" || { echo "FAIL: SIG$sig: no interrupted leaves"; fail=1; }
            tail -1 "$d/c.jsonl" | grep -q '"summary"' || { echo "FAIL: SIG$sig: no summary line"; fail=1; }
            "$G" verify "$d/c.jsonl" >"$T/v" 2>&1; [ $? = 1 ] && grep -q "incomplete" "$T/v" ||
                { echo "FAIL: SIG$sig: the checkpoint does not verify as incomplete"; cat "$T/v"; fail=1; }
        fi
        extra=$(ls -A "$d" | grep -vxE 'c\.jsonl|out')
        [ -z "$extra" ] || { echo "FAIL: SIG$sig left files: $extra"; fail=1; }
        "$G" "${run[@]}" --resume --out "$d/c.jsonl" >"$d/out2" 2>&1 ||
            { echo "FAIL: resume after SIG$sig exited $?"; cat "$d/out2"; fail=1; }
        "$G" verify "$d/c.jsonl" >"$T/v" 2>&1 || { echo "FAIL: verify after SIG$sig"; cat "$T/v"; fail=1; }
        [ "$(leaves "$d/c.jsonl")" = "$(leaves "$T/ref/full.jsonl")" ] ||
            { echo "FAIL: SIG$sig after $after s: resumed leaves differ"; fail=1; }
        [ "$(summary "$d/c.jsonl")" = "$(summary "$T/ref/full.jsonl")" ] ||
            { echo "FAIL: SIG$sig after $after s: resumed summary differs"; fail=1; }
        extra=$(ls -A "$d" | grep -vxE 'c\.jsonl|out|out2')
        [ -z "$extra" ] || { echo "FAIL: resume after SIG$sig left files: $extra"; fail=1; }
    }
done
[ $fail = 0 ] && echo "interrupt: 2 interrupted runs resumed to the uninterrupted leaves and verdict"
exit $fail
