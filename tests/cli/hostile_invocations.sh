#!/usr/bin/env bash
# Hostile invocations (issue 15): replays tests/data/hostile/invocations.txt, every numeric option
# of every command (numeric_options.txt) crossed with the hostile values of numeric_values.txt,
# 300 seeded random invocations (generate_invocations.py; HOSTILE_GENERATED=N for another count)
# and mutated certificates given to `verify`. Each run must end within BOUND seconds with exit
# 0, 1 or 2 (or the statuses its line requires), not by a signal, leave no core file, and no
# output (standard output or a file it wrote) may hold a NaN as an interval end or a value (an
# interval "[lo, hi]", a JSON lo/hi/mid/value, a CSV field; a verifier quoting a mutated input
# line is not a value).
# Usage: hostile_invocations.sh <gancert-binary> <source-dir> [BOUND seconds, default 60]
set -u
G="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
D="$2/tests/data/hostile"
BOUND="${3:-60}"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
runs=0
ulimit -c unlimited 2>/dev/null || true

"$G" certify --case A --box b=-6:6,h=-6:6 --claim no-saddle --quiet --threads 1 --out "$T/cert.jsonl" >/dev/null 2>&1 ||
    { echo "FAIL: the fixture certificate"; exit 1; }
"$G" reference --grid b=-1:1:3,h=0:1:2 --fixed a=1,g=1,c=0.5 --quantities J --digits 10 --out "$T/ref.csv" >/dev/null 2>&1 ||
    { echo "FAIL: the fixture reference CSV"; exit 1; }

# run_one MODE[:CODES] ARGS... — one invocation in a fresh directory $T/w (also @T@)
run_one() {
    local mode="${1%%:*}" codes="0 1 2" explicit=""
    [[ "$1" == *:* ]] && codes="${1#*:}" && codes="${codes//,/ }" && explicit=1
    shift
    local args=() a
    for a in "$@"; do
        a="${a//@T@/$T/w}"; a="${a//@CERT@/$T/cert.jsonl}"; a="${a//@CSV@/$T/ref.csv}"; a="${a//@FIX@/$T/fix}"
        args+=("$a")
    done
    rm -rf "$T/w"; mkdir "$T/w"
    local rc
    case "$mode" in
        run)  (cd "$T/w" && exec timeout -k 5 "$BOUND" "$G" "${args[@]}" >"$T/out" 2>"$T/err" </dev/null); rc=$? ;;
        full) (cd "$T/w" && exec timeout -k 5 "$BOUND" "$G" "${args[@]}" >/dev/full 2>"$T/err" </dev/null); rc=$?; : >"$T/out" ;;
        pipe) (cd "$T/w" && timeout -k 5 "$BOUND" "$G" "${args[@]}" 2>"$T/err" </dev/null | head -c1 >"$T/out"; exit "${PIPESTATUS[0]}"); rc=$?
              [ -n "$explicit" ] || codes="0 1" ;;  # a valid run into a closed pipe: not bad input
        *) echo "FAIL: unknown mode '$mode'"; fail=1; return ;;
    esac
    runs=$((runs + 1))
    local why=""
    if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then why="no end within ${BOUND} s"
    elif [ "$rc" -ge 128 ]; then why="killed by signal $((rc - 128))"
    elif [[ " $codes " != *" $rc "* ]]; then why="exit $rc (want one of: $codes)"
    elif compgen -G "$T/w/core*" >/dev/null; then why="core file"
    elif grep -rqiE -- '(\[|[,;] ?|"(lo|hi|mid|value)": ?"?|^)-?nan\b' "$T/out" "$T/w" 2>/dev/null; then
        why="NaN in the output"
    fi
    if [ -n "$why" ]; then
        echo "FAIL: [$why] gancert ${args[*]}"
        head -c 600 "$T/err"; echo
        fail=1
    fi
}

# 0. HOSTILE_HELDOUT=K: only the held-out set (heldout_invocations.py, fixtures in @FIX@), every
#    K-th line of it (1: all; tests/cli/hostile_heldout.sh runs a sample, the whole set on request)
if [ -n "${HOSTILE_HELDOUT:-}" ]; then
    python3 "$D/heldout_invocations.py" fixtures "$T/fix" "$T/cert.jsonl" || { echo "FAIL: fixtures"; exit 1; }
    k=0
    while IFS= read -r line; do
        k=$((k + 1))
        [ $(( (k - 1) % HOSTILE_HELDOUT )) = 0 ] || continue
        eval "words=($line)"
        run_one "${words[@]}"
    done < <(python3 "$D/heldout_invocations.py" lines 15)
    echo "$runs held-out hostile invocations run"
    exit $fail
fi

# 1. the corpus
while IFS= read -r line; do
    [[ -z "$line" || "$line" == \#* ]] && continue
    eval "words=($line)"
    run_one "${words[@]}"
done <"$D/invocations.txt"

# (HOSTILE_CORPUS_ONLY=1: the corpus only, as tests/sanitize.sh runs it)
if [ -n "${HOSTILE_CORPUS_ONLY:-}" ]; then echo "$runs hostile invocations run"; exit $fail; fi

# 2. every numeric option x every hostile value
values=()
while IFS= read -r line; do
    [[ -z "$line" || "$line" == \#* ]] && continue
    eval "v=($line)"; values+=("${v[0]-}")
done <"$D/numeric_values.txt"
while IFS= read -r line; do
    [[ -z "$line" || "$line" == \#* ]] && continue
    eval "words=($line)"
    for v in "${values[@]}"; do run_one run "${words[@]:1}" "${words[0]}" "$v"; done
done <"$D/numeric_options.txt"

# 3. generated invocations (seeded: the same lines every run)
while IFS= read -r line; do
    eval "words=($line)"
    run_one "${words[@]}"
done < <(python3 "$D/generate_invocations.py" "${HOSTILE_GENERATED:-300}" 15)

# 4. mutated certificates (deterministic): verify ends 0/1/2 on each
python3 "$D/mutate_certificate.py" "$T/cert.jsonl" "$T/mut" 150 || { echo "FAIL: mutate_certificate.py"; fail=1; }
for m in "$T"/mut/*.jsonl; do run_one run verify "$m" --threads 1; done

echo "$runs hostile invocations run"
exit $fail
