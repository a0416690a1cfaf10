#!/usr/bin/env bash
# gancert certify --time-limit / --max-leaves (issue 10): a budget-hit run ends `incomplete`
# (exit 1) with the undecided boxes as unknown leaves (reason "time limit reached" / "leaf
# budget reached") and the unknown volume in the summary; --resume re-opens exactly those
# leaves and completes the run, which verifies and has the same leaves as an uninterrupted
# run. Also the status line on stderr when stderr is a file (--progress-interval, --quiet).
# Usage: certify_budget.sh <gancert-binary> <source-dir>
set -u
G="$1"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
. "$(dirname "$0")/../support/cli_expect.sh"
# sorted leaf lines (the whole leaf records) and the summary without "stats"
leaves() { grep -v '"summary"' "$1" | tail -n +2 | sort; }
summary() { tail -1 "$1" | python3 -c 'import json,sys; s=json.load(sys.stdin)["summary"]; s.pop("stats",None); print(json.dumps(s,sort_keys=True))'; }
field() { tail -1 "$1" | python3 -c "import json,sys; s=json.load(sys.stdin)['summary']; print(s$2)"; }

# bad budgets -> 2 naming the argument
expect 2 "--time-limit" certify --model test-cubic --box "x1=0.5:1.5,x2=0.5:1.6" --claim no-saddle --time-limit 0
expect 2 "--time-limit" certify --model test-cubic --box "x1=0.5:1.5,x2=0.5:1.6" --claim no-saddle --time-limit abc
expect 2 "--max-leaves" certify --model test-cubic --box "x1=0.5:1.5,x2=0.5:1.6" --claim no-saddle --max-leaves 0
expect 2 "--max-leaves" certify --model test-cubic --box "x1=0.5:1.5,x2=0.5:1.6" --claim no-saddle --max-leaves -3
expect 2 "--progress-interval" certify --model test-cubic --box "x1=0.5:1.5,x2=0.5:1.6" --claim no-saddle --progress-interval 0

run=(certify --model test-cubic --box "x1=-2.5:2.1,x2=-2.2:2.4,x3=-2:2.3" --claim extrema --delta 1e-4 --initial-boxes 8 --quiet)
# the reference: uninterrupted
"$G" "${run[@]}" --threads 2 --out "$T/full.jsonl" > "$T/full.out" 2>&1
[ $? = 0 ] && grep -q "^proved" "$T/full.out" || { echo "FAIL: reference run"; cat "$T/full.out"; fail=1; }

# --max-leaves: incomplete, exit 1, unknown volume reported, budget leaves recorded
expect 1 "^incomplete.*unknown volume" "${run[@]}" --threads 2 --max-leaves 20 --out "$T/m.jsonl"
grep -q "leaf budget reached" "$T/err" || { echo "FAIL: no budget note on stderr"; cat "$T/err"; fail=1; }
[ "$(field "$T/m.jsonl" '["status"]')" = incomplete ] || { echo "FAIL: max-leaves status"; fail=1; }
python3 -c "import sys; sys.exit(0 if $(field "$T/m.jsonl" '["unknown_volume"]') > 0 else 1)" || { echo "FAIL: unknown volume 0"; fail=1; }
grep -q '"reason":"leaf budget reached"' "$T/m.jsonl" || { echo "FAIL: no budget leaves"; fail=1; }
expect 1 "valid: incomplete" verify "$T/m.jsonl"
# resume (leaf budget again: several rounds), then without a budget: completes
for i in 1 2 3; do "$G" "${run[@]}" --threads 2 --max-leaves 40 --resume --out "$T/m.jsonl" > /dev/null 2>&1; done
expect 0 "^proved" "${run[@]}" --threads 1 --resume --out "$T/m.jsonl"
expect 0 "valid: proved" verify "$T/m.jsonl"
grep -q '"reason":"leaf budget reached"' "$T/m.jsonl" && { echo "FAIL: budget leaves left after the final resume"; fail=1; }
[ "$(leaves "$T/m.jsonl")" = "$(leaves "$T/full.jsonl")" ] || { echo "FAIL: resumed leaves differ from the uninterrupted run"; diff <(leaves "$T/m.jsonl") <(leaves "$T/full.jsonl") | head; fail=1; }
[ "$(summary "$T/m.jsonl")" = "$(summary "$T/full.jsonl")" ] || { echo "FAIL: resumed summary differs"; fail=1; }
# resuming a finished certificate changes nothing
cp "$T/m.jsonl" "$T/m2.jsonl"
expect 0 "^proved" "${run[@]}" --resume --out "$T/m.jsonl"
cmp -s "$T/m.jsonl" "$T/m2.jsonl" || { echo "FAIL: resume of a finished certificate modified it"; fail=1; }

# --time-limit on a slow claim (R/S/E/E no-stationary near a = 0), then resume to the end
# a claim of ~12 s on one thread (1095 leaves): far above the 0.5 s limit and 0.3 s status interval
slow=(certify --case A --box "a=-0.5:0.5,b=-3:3" --claim no-stationary)
start=$(date +%s)
expect 1 "^incomplete.*unknown volume" "${slow[@]}" --threads 1 --time-limit 0.5 --quiet --out "$T/t.jsonl"
took=$(( $(date +%s) - start ))
[ $took -le 40 ] || { echo "FAIL: --time-limit 0.5 took $took s"; fail=1; }
grep -q "time limit reached" "$T/err" || { echo "FAIL: no time-limit note"; cat "$T/err"; fail=1; }
grep -q '"reason":"time limit reached"' "$T/t.jsonl" || { echo "FAIL: no time-limit leaves"; fail=1; }
[ "$(field "$T/t.jsonl" '["stats"]["budget"]')" = "time limit reached" ] || { echo "FAIL: stats.budget"; fail=1; }
expect 1 "valid: incomplete" verify "$T/t.jsonl"
expect 0 "^proved" "${slow[@]}" --threads 2 --resume --quiet --out "$T/t.jsonl"
expect 0 "valid: proved" verify "$T/t.jsonl"
"$G" "${slow[@]}" --threads 2 --quiet --out "$T/tfull.jsonl" > /dev/null 2>&1
[ "$(leaves "$T/t.jsonl")" = "$(leaves "$T/tfull.jsonl")" ] || { echo "FAIL: time-limit resume leaves differ from the uninterrupted run"; fail=1; }
[ "$(summary "$T/t.jsonl")" = "$(summary "$T/tfull.jsonl")" ] || { echo "FAIL: time-limit resume summary differs"; fail=1; }

# status lines on stderr when stderr is a file; --quiet silences them
"$G" "${slow[@]}" --threads 1 --time-limit 3 --progress-interval 0.3 --out "$T/p.jsonl" > /dev/null 2> "$T/p.err"
grep -Eq '^certify: [0-9.]+% of the box done, [0-9]+ leaves, [0-9.]+ s elapsed$' "$T/p.err" || { echo "FAIL: no status line"; cat "$T/p.err"; fail=1; }
"$G" "${slow[@]}" --threads 1 --time-limit 3 --progress-interval 0.3 --quiet --out "$T/q.jsonl" > /dev/null 2> "$T/q.err"
grep -q '% of the box' "$T/q.err" && { echo "FAIL: --quiet printed a status line"; fail=1; }
expect 2 "--progress" "${slow[@]}" --progress --quiet --out "$T/x.jsonl"
exit $fail
