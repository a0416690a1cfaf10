#!/usr/bin/env bash
# Whole output files (issue 15, api/output_file.hpp): a run interrupted by SIGINT or SIGTERM, or
# ended by a write error, leaves the previous file (or none) under the name and no temporary
# file; a full device is a write error (exit 1).
# Usage: output_files.sh <gancert-binary> <source-dir>
set -u
G="$1"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
REF=(reference --grid b=-6:6:2001,h=0:1:2 --fixed a=2.2,g=1.5,c=0.5 --digits 10 --progress never)
for sig in INT TERM; do
    echo "previous" >"$T/r.csv"
    "$G" "${REF[@]}" --out "$T/r.csv" >/dev/null 2>&1 &
    pid=$!
    for _ in $(seq 100); do compgen -G "$T/r.csv.tmp-*" >/dev/null && break; sleep 0.1; done
    sleep 1
    kill -0 $pid 2>/dev/null || { echo "FAIL: SIG$sig: reference ended before the signal"; fail=1; }
    kill -$sig $pid
    wait $pid
    rc=$?
    [ $rc -ge 128 ] || [ $rc = 1 ] || { echo "FAIL: SIG$sig: exit $rc"; fail=1; }
    [ "$(cat "$T/r.csv")" = previous ] || { echo "FAIL: SIG$sig: r.csv replaced by a partial table"; fail=1; }
    compgen -G "$T/*.tmp-*" >/dev/null && { echo "FAIL: SIG$sig: temporary left: $(ls "$T")"; fail=1; }
done
timeout 60 "$G" reference --grid b=-1:1:3 --fixed a=1,g=1,h=0,c=0.5 --digits 10 --out /dev/full >/dev/null 2>"$T/err"
[ $? = 1 ] && grep -q -- "--out" "$T/err" || { echo "FAIL: --out /dev/full: $(cat "$T/err")"; fail=1; }
timeout 60 "$G" trajectory --steps 20 --csv /dev/full >/dev/null 2>"$T/err"
[ $? = 1 ] && grep -q -- "--csv" "$T/err" || { echo "FAIL: --csv /dev/full: $(cat "$T/err")"; fail=1; }
timeout 60 "$G" reference --grid b=-1:1:3 --fixed a=1,g=1,h=0,c=0.5 --digits 10 --out "$T/ok.csv" >/dev/null &&
    [ "$(grep -c . "$T/ok.csv")" = 5 ] || { echo "FAIL: a complete --out table"; fail=1; }
compgen -G "$T/*.tmp-*" >/dev/null && { echo "FAIL: temporary left: $(ls "$T")"; fail=1; }
[ $fail = 0 ] && echo "output_files: all checks passed"
exit $fail
