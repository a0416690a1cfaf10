#!/usr/bin/env bash
# The stationary-set claim (proofs/stationary-set.md, lemmas §S): proves and verifies in
# seconds; tampered certificates are rejected; boxes meeting the stationary line L_c refute
# no-stationary and no-saddle with the stationary-line witness (lemma S7); boxes away from it
# behave as before. Usage: bash stationary_set.sh <gancert> <source-dir>
set -u
G="$1"
SRC="$2"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
err() { echo "FAIL: $*"; fail=1; }

# --- the claim proves and verifies, whole space and bounded domains
for spec in "--case A" "--case B" "--params c=0.5 --box c=0.25:8" "--case A --box a=-1:1,b=0:2,g=0.5:2,h=-1:2" \
            "--case A --box a=0.5:5"; do
    start=$(date +%s)
    out=$("$G" certify --claim stationary-set $spec --out "$T/s.jsonl" 2>&1); rc=$?
    [ $rc -eq 0 ] || err "certify stationary-set $spec exit $rc: $out"
    case "$out" in proved*) ;; *) err "certify stationary-set $spec not proved: $out" ;; esac
    v=$("$G" verify "$T/s.jsonl" 2>&1); rc=$?
    [ $rc -eq 0 ] || err "verify stationary-set $spec exit $rc: $v"
    echo "$v" | grep -q "^valid: proved" || err "verify stationary-set $spec: $v"
    [ $(( $(date +%s) - start )) -le 10 ] || err "stationary-set $spec took more than 10 s"
done
"$G" certify --claim stationary-set --case A --box a=0.5:5 --out "$T/far.jsonl" > /dev/null
grep -q '"line_meets_domain":false' "$T/far.jsonl" || err "a = 0.5:5: line_meets_domain should be false"
grep -q '"id":"a<0"' "$T/far.jsonl" && err "a = 0.5:5: region a<0 should be omitted"

# --- bad input exits 2
for bad in "--params c=0" "--params c=-1" "--case A --box g=-1:2" "--case A --box a=2:1" "--params a=1,c=0.5" \
           "--case C" "--case A --box c=0:1" "--case A --box x=0:1"; do
    "$G" certify --claim stationary-set $bad --out "$T/bad.jsonl" > /dev/null 2>&1; rc=$?
    [ $rc -eq 2 ] || err "stationary-set $bad: exit $rc, expected 2"
done

# --- tampered copies are rejected (exit 1, INVALID)
"$G" certify --claim stationary-set --case A --out "$T/A.jsonl" > /dev/null || err "case A not proved"
tamper() {  # name, python expression on the list of JSON lines L
    python3 - "$T/A.jsonl" "$T/t.jsonl" "$2" <<'EOF'
import json, sys
L = [json.loads(x) for x in open(sys.argv[1])]
def leaf(lemma, rid=None):
    return next(x for x in L if x.get("lemma") == lemma and (rid is None or x["region"]["id"] == rid))
exec(sys.argv[3])
open(sys.argv[2], "w").write("".join(json.dumps(x) + "\n" for x in L))
EOF
    out=$("$G" verify "$T/t.jsonl" 2>&1); rc=$?
    [ $rc -eq 1 ] || err "tampered ($1): verify exit $rc: $out"
    echo "$out" | grep -q "^INVALID" || err "tampered ($1): not INVALID: $out"
}
tamper "hypothesis bound a_lo" 'leaf("S1","a>0")["region"]["a"]["lo"] = "-1"'
tamper "hypothesis bound open flag" 'leaf("S1","a>0")["region"]["a"]["lo_open"] = False'
tamper "hypothesis text" 'leaf("S2","a=0,b>0")["hypotheses"][1] = "b > 0 on the region: b_lo = 1"'
tamper "c bound" 'leaf("S3","a=b=0,c(g+h)>1")["region"]["c"]["lo"] = "-0.5"'
tamper "wrong lemma for region" 'leaf("S2","a=0,b<0")["lemma"] = "S1"'
tamper "wrong sign conclusion" 'x = leaf("S1","a<0"); x["conclusion"] = leaf("S1","a>0")["conclusion"]'
tamper "dropped leaf S1" 'L.remove(leaf("S1","a<0"))'
tamper "dropped leaf S5" 'L.remove(leaf("S5"))'
tamper "duplicated leaf" 'L.insert(2, dict(leaf("S1","a>0")))'
tamper "changed inertia" 'leaf("S5")["inertia"] = [3, 0]'
tamper "changed null direction" 'leaf("S5")["null_direction"] = ["0", "0", "1", "1"]'
tamper "changed disc block" 'leaf("S5")["disc_block"] = "negative semidefinite"'
tamper "shrunk enclosure" 'leaf("S5")["enclosures"]["d2"] = ["0.9", "1.0"]'
tamper "wrong minor sign" 'leaf("S5")["enclosures"]["d3"] = ["-1", "1"]'
tamper "changed Nash verdict" 'leaf("S6")["nash"] = "yes"'
tamper "summary Nash" 'L[-1]["summary"]["nash_equilibria"] = "the line L_c"'
tamper "summary inertia" 'L[-1]["summary"]["classification"]["inertia"] = [2, 2]'
tamper "summary status" 'L[-1]["summary"]["status"] = "refuted"'
tamper "summary enclosure" 'L[-1]["summary"]["enclosure"] = "approximate"'
tamper "summary dropped" 'L.pop()'
tamper "domain widened" 'L[0]["box"]["hi"][4] = "1"'
tamper "extra field" 'leaf("S4")["nash"] = "yes"'
tamper "region moved off line" 'leaf("S4")["region"]["s"] = ">"'

# --- boxes meeting L_c refute no-stationary and no-saddle with the stationary-line witness.
# (The engine does not stop at the first witness: with the default 64 initial boxes and
# min-width 1e-6 the boxes *near* L_c that do not meet it are bisected at length, as before;
# --initial-boxes 1 makes the root itself the witness, the second run mixes leaf kinds.)
for claim in no-stationary no-saddle; do
  for opts in "--initial-boxes 1" "--initial-boxes 8 --min-width 0.3"; do
    out=$("$G" certify --case A --box "a=-1:1,b=-1:1,g=0.5:2,h=-1:2" --claim $claim $opts --out "$T/w.jsonl" \
          --no-progress 2>&1); rc=$?
    [ $rc -eq 1 ] || err "$claim on a box meeting L_c: exit $rc: $out"
    case "$out" in refuted*stationary-line*) ;; *) err "$claim on a box meeting L_c not refuted by the witness: $out" ;; esac
    grep -q '"evidence":"stationary-line"' "$T/w.jsonl" || err "$claim: no stationary-line leaf"
    v=$("$G" verify "$T/w.jsonl" 2>&1); rc=$?
    [ $rc -eq 1 ] || err "$claim: verify of the refuted certificate exit $rc: $v"
    echo "$v" | grep -q "^valid: refuted" || err "$claim: refuted certificate does not verify: $v"
    # a stationary-line leaf moved to a box that does not meet L_c is rejected
    python3 - "$T/w.jsonl" "$T/wt.jsonl" <<'EOF'
import json, sys
L = [json.loads(x) for x in open(sys.argv[1])]
for x in L:
    if x.get("evidence") == "stationary-line":
        x["hypotheses"][0] = "a_lo <= 0 <= a_hi: a in [0.5, 1]"
        break
open(sys.argv[2], "w").write("".join(json.dumps(x) + "\n" for x in L))
EOF
    v=$("$G" verify "$T/wt.jsonl" 2>&1)
    echo "$v" | grep -q "^INVALID" || err "$claim: tampered stationary-line leaf accepted: $v"
  done
done
# the witness forged onto a leaf away from the line is rejected
python3 - "$T/w.jsonl" "$T/wf.jsonl" <<'EOF'
import json, sys
L = [json.loads(x) for x in open(sys.argv[1])]
w = next(x for x in L if x.get("evidence") == "stationary-line")
for x in L[1:-1]:
    if x.get("evidence") != "stationary-line":
        keep = {"path": x["path"], "box": x["box"]}
        x.clear(); x.update(keep)
        for k, v in w.items():
            if k not in ("path", "box"): x[k] = v
        break
open(sys.argv[2], "w").write("".join(json.dumps(x) + "\n" for x in L))
EOF
v=$("$G" verify "$T/wf.jsonl" 2>&1)
echo "$v" | grep -q "^INVALID" || err "forged stationary-line leaf away from L_c accepted: $v"

# no-saddle with a fixed a = 0 (b, h free): the points of L_c are minima of the restricted cost,
# so the witness must not refute no-saddle there (but it refutes no-stationary)
out=$("$G" certify --params a=0,g=1,c=0.5 --box "b=-1:1,h=0.5:1.5" --claim no-saddle --min-width 0.05 \
      --initial-boxes 1 --out "$T/m.jsonl" --no-progress 2>&1)
case "$out" in *stationary-line*) err "no-saddle with a = 0 fixed refuted by the witness: $out" ;; esac
out=$("$G" certify --params a=0,g=1,c=0.5 --box "b=-1:1,h=0.5:1.5" --claim no-stationary --min-width 0.05 \
      --initial-boxes 1 --out "$T/m.jsonl" --no-progress 2>&1)
case "$out" in refuted*stationary-line*) ;; *) err "no-stationary with a = 0 fixed not refuted: $out" ;; esac

# --- a box not meeting the line: unchanged behaviour (no witness; proved)
out=$("$G" certify --case A --box "a=0.5:5,b=-1:1,g=0.5:2,h=-1:2" --claim no-stationary --out "$T/n.jsonl" \
      --no-progress 2>&1); rc=$?
[ $rc -eq 0 ] || err "a = 0.5:5 no-stationary: exit $rc: $out"
grep -q stationary-line "$T/n.jsonl" && err "a = 0.5:5: stationary-line leaf emitted"
"$G" verify "$T/n.jsonl" | grep -q "^valid: proved" || err "a = 0.5:5 certificate does not verify as proved"
exit $fail
