#!/usr/bin/env bash
# gancert certify / verify: exit codes and messages for bad input, tampered certificates.
# Usage: certify.sh <gancert-binary> <source-dir>
set -u
G="$1"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
. "$(dirname "$0")/../support/cli_expect.sh"
# bad input -> 2, naming the item
expect 2 "b=-6" certify --case A --box "b=-6" --claim no-saddle
expect 2 "empty or degenerate" certify --case A --box "b=6:-6,h=-6:6" --claim no-saddle
expect 2 "'q'" certify --case A --box "q=-1:1" --claim no-saddle
expect 2 "'z'" certify --params a=1,b=0,g=1,h=0,c=1,z=3 --box "b=-1:1" --claim no-saddle
expect 2 "c" certify --params a=1,b=0,g=1,h=0,c=-1 --box "b=-1:1" --claim no-saddle
expect 2 "g" certify --case A --box "g=-0.5:1" --claim no-saddle
expect 2 "g" certify --params a=1,b=0,g=-1,h=0,c=1 --box "b=-1:1" --claim no-saddle
expect 2 "--claim" certify --case A --box "b=-1:1" --claim saddle-free
expect 2 "--case" certify --case C --box "b=-1:1" --claim no-saddle
expect 2 "hi" certify --case A --box "b=-1:hi" --claim no-saddle
expect 2 "--eps" certify --model test-cubic --box "x1=2:3,x2=2:3" --claim plateau --delta 1
# a real run, verified, then tampered
# exit 0 only for a proved claim: a refuted claim exits 1 naming the violated condition
expect 1 "refuted: violated 'no saddle': grad J has exactly one zero in {x1 in" certify --model test-cubic --box "x1=-3:3.1,x2=-2.7:3" --claim no-saddle --out "$T/c.jsonl"
expect 1 "witness unique saddle" verify "$T/c.jsonl"
expect 1 "valid: refuted" verify "$T/c.jsonl"
expect 1 "not proved" verify "$T/c.jsonl" --bits 256
expect 0 "^proved" certify --model test-cubic --box "x1=0.5:1.5,x2=0.5:1.6" --claim no-saddle --out "$T/p.jsonl"
expect 0 "valid: proved" verify "$T/p.jsonl"
expect 0 "valid: proved" verify "$T/p.jsonl" --bits 256
expect 1 "violated |dJ/dx" certify --model test-cubic --box "x1=0:2,x2=0:2" --claim plateau --eps 0.5 --delta 1 --level -4
sed '3d' "$T/c.jsonl" > "$T/removed.jsonl"
expect 1 "do not cover" verify "$T/removed.jsonl"
sed '0,/"type":"saddle"/s//"type":"min"/' "$T/c.jsonl" > "$T/relabel.jsonl"
expect 1 "INVALID" verify "$T/relabel.jsonl"
sed '1s/"version":1/"version":7/' "$T/c.jsonl" > "$T/v7.jsonl"
expect 2 "version" verify "$T/v7.jsonl"
expect 2 "missing.jsonl" verify "$T/missing.jsonl"
echo "garbage" > "$T/garbage.jsonl"
expect 2 "garbage.jsonl" verify "$T/garbage.jsonl"
# degenerate stationary line: never proved
"$G" certify --model test-degenerate --box "x=-1:2,y=-1:1.5" --claim no-stationary --min-width 1e-3 > "$T/deg" 2>&1
rc=$?
grep -q "^incomplete" "$T/deg" && [ $rc = 1 ] || { echo "FAIL: degenerate line not incomplete with exit 1 (exit $rc)"; cat "$T/deg"; fail=1; }
# one writer per --out: a second run (fresh or --resume) on a certificate being written exits 1
# a claim of ~12 s on one thread (1095 leaves), far above the 0.3 s the races below need
slow=(certify --case A --box "a=-0.5:0.5,b=-3:3" --claim no-stationary --no-progress --threads 1)
"$G" "${slow[@]}" --out "$T/w.jsonl" > "$T/w1" 2>&1 &
first=$!
for i in $(seq 1 100); do [ -f "$T/w.jsonl" ] && [ "$(wc -l < "$T/w.jsonl")" -gt 3 ] && break; sleep 0.05; done
expect 1 "being written by another gancert run" "${slow[@]}" --out "$T/w.jsonl"
expect 1 "being written by another gancert run" "${slow[@]}" --out "$T/w.jsonl" --resume
wait $first || { echo "FAIL: the first writer did not prove its claim"; cat "$T/w1"; fail=1; }
expect 0 "valid: proved" verify "$T/w.jsonl"
# two --resume runs of one checkpoint: the second is refused while the first runs
head -40 "$T/w.jsonl" > "$T/r.jsonl"
"$G" "${slow[@]}" --out "$T/r.jsonl" --resume > "$T/r1" 2>&1 &
first=$!
sleep 0.3
expect 1 "being written by another gancert run" "${slow[@]}" --out "$T/r.jsonl" --resume
wait $first || { echo "FAIL: the first resume did not prove its claim"; cat "$T/r1"; fail=1; }
grep -q '"resumed_leaves":39' "$T/r.jsonl" || { echo "FAIL: resume did not keep the 39 finished leaves"; fail=1; }
expect 0 "valid: proved" verify "$T/r.jsonl"
exit $fail
