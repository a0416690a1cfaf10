#!/usr/bin/env bash
# Valid but extreme inputs of `gancert eval`, failed writes, and interrupts:
#  * huge g, huge |b| (beyond 3.04e9, where x² exceeds LONG_MAX), tiny nonzero a, --digits 1:
#    under `timeout 30` each must exit 0 with finite enclosures (lo <= hi, checked against
#    independent limits where the mathematics gives them) or exit 2 naming the argument —
#    never a timeout (124), an abort (134) or a crash (139);
#  * writes to /dev/full (trajectory --csv/--plot, surface --csv/--plot, reference --out,
#    standard output) must exit 1 and name the file on stderr;
#  * SIGINT (even when started in the background of a script, where the shell ignores SIGINT)
#    and SIGTERM end a long evaluation within 5 s.
# usage: eval_extremes.sh GANCERT_BINARY SOURCE_DIR
set -u
G=$1
SRC=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail=0
note() { echo "FAIL: $*"; fail=1; }

# check_eval NAME CHECK args... — CHECK is a Python expression over J1, J2, J (pairs of
# decimal.Decimal (lo, hi)) that must hold; "True" for none.
check_eval() {
    local name=$1 check=$2
    shift 2
    local start end rc
    start=$(date +%s.%N)
    timeout 30 "$G" eval "$@" --json >"$TMP/out.json" 2>"$TMP/err"
    rc=$?
    end=$(date +%s.%N)
    echo "eval $* -> exit $rc in $(python3 -c "print('%.2f' % ($end - $start))") s"
    case $rc in
        0)
            python3 - "$TMP/out.json" "$check" <<'PY' || note "eval $*: output check failed"
import json, sys
from decimal import Decimal as D, getcontext
getcontext().prec = 60
doc = json.load(open(sys.argv[1]))
def enc(e):
    lo, hi = D(e["lo"]), D(e["hi"])
    assert lo.is_finite() and hi.is_finite(), e
    assert lo <= hi, e
    return lo, hi
entries = [doc["J1"], doc["J2"], doc["J"]] + doc["grad"] + [x for row in doc["hess"] for x in row]
assert len(entries) == 3 + 4 + 16
for e in entries: enc(e)
J1, J2, J = enc(doc["J1"]), enc(doc["J2"]), enc(doc["J"])
ok = eval(sys.argv[2])
if not ok:
    print("check failed: %s with J1=%s J2=%s J=%s" % (sys.argv[2], J1, J2, J)); sys.exit(1)
PY
            ;;
        2)
            grep -q -- "$name" "$TMP/err" || note "eval $*: exit 2 but the message does not name $name: $(cat "$TMP/err")"
            grep -q "outside the supported range" "$TMP/err" || note "eval $*: exit 2 without 'outside the supported range': $(cat "$TMP/err")"
            ;;
        *) note "eval $* exited $rc (124 timeout, 134 abort, 139 crash): $(head -c 400 "$TMP/err")" ;;
    esac
}

# Case A's independent mpmath values (tests/data/rsee_reference_40.csv, row A).
J1A=0.465922211468331744468596999
J2A=0.878246197996683062913620179492
# (27 and 30 digits: allow 1e-27 for their own rounding)
inA="J1[0] - D('1e-27') <= D('$J1A') <= J1[1] + D('1e-27') and J2[0] - D('1e-27') <= D('$J2A') <= J2[1] + D('1e-27')"
# D(b) = erfc(-b)/2 at b = -3, for the limit a -> 0 (J1 -> D(b)^2, J2 -> (1 - D(b))^2).
Db=$(python3 -c "import math; print(repr(math.erfc(3) / 2))")
a0="abs(J1[0] - D('$Db')**2) <= D('1e-14') * D('$Db')**2 and abs(J2[0] - (1 - D('$Db'))**2) <= D('1e-14')"

# 1. huge g (an MPFR precision assertion before): J1 does not depend on g.
check_eval --g "J1[0] - D('1e-27') <= D('$J1A') <= J1[1] + D('1e-27')" --a 2.2 --b -3 --g 1e10 --h -2 --c 0.5
check_eval --g "True" --a 2.2 --b -3 --g 1e10 --h -2 --c 0.5 --digits 40
# 2. large b, tiny a (minutes without output before).
check_eval --b "J1[1] >= 1 - D('1e-8') and J2[0] <= D('1e-8')" --a 2.2 --b 2200 --g 1.5 --h -2 --c 0.5 --digits 8
check_eval --b "J2[1] >= 1 - D('1e-8') and J1[0] <= D('1e-8')" --a 2.2 --b -2200 --g 1.5 --h -2 --c 0.5 --digits 8
for a in 4.9e-324 1e-300 -1e-300 1e-20; do
    check_eval --a "$a0" --a $a --b -3 --g 1.5 --h -2 --c 0.5
done
# 3. |b| beyond 3.04e9 (x^2 > LONG_MAX) and 1e10: saturated, J1 -> 1, J2 -> 0 (or the reverse).
for b in 3.1e9 4e9 1e10; do
    check_eval --b "J1[0] < 1 <= J1[1] + D('1e-20') and J2[1] > 0 and J2[0] <= D('1e-20')" --a 2.2 --b $b --g 1.5 --h 0.5 --c 0.5
done
for b in -3.1e9 -1e10; do
    check_eval --b "J2[0] < 1 <= J2[1] + D('1e-20') and J1[1] > 0 and J1[0] <= D('1e-20')" --a 2.2 --b $b --g 1.5 --h -2 --c 0.5
done
check_eval --b "True" --a 2.2 --b -1e10 --g 1.5 --h -2 --c 0.5 --digits 40
# slopes |a|/c, |a|*g beyond 1e300 (the double-range limit of the quadrature partition): exit 2
check_eval --a "True" --a 1e400 --b -3 --g 1.5 --h -2 --c 0.5
check_eval --g "True" --a 2.2 --b -3 --g 1e400 --h -2 --c 0.5
check_eval --g "True" --a -1e200 --b -3 --g 1e200 --h -2 --c 1e200
# ... but huge g with a tiny a (a*g = 1e10) is fine, and b, h have no limit
check_eval --a "True" --a 1e-390 --b -3 --g 1e400 --h -2 --c 0.5
check_eval --b "J1[0] < 1 <= J1[1] + D('1e-20')" --a 2.2 --b 1e400 --g 1.5 --h 1e400 --c 0.5
# 4. --digits 1 (28 bits): the enclosures still contain the reference.
check_eval --digits "$inA" --a 2.2 --b -3 --g 1.5 --h -2 --c 0.5 --digits 1
check_eval --digits "$inA" --a 2.2 --b -3 --g 1.5 --h -2 --c 0.5 --digits 2
# --arith mpfr at --digits 1 (a 20-bit precision request before: exit 2 without naming anything)
if timeout 30 "$G" eval --a 2.2 --b -3 --g 1.5 --h -2 --c 0.5 --digits 1 --arith mpfr --json >"$TMP/m.json" 2>"$TMP/err"; then
    python3 -c "
import json, sys
v = float(json.load(open(sys.argv[1]))['J1']['value'])
sys.exit(0 if abs(v - $J1A) <= 0.1 else 1)" "$TMP/m.json" || note "eval --arith mpfr --digits 1: J1 far from the reference"
else
    note "eval --arith mpfr --digits 1 failed: $(cat "$TMP/err")"
fi
for extra in "" "--certified"; do
    timeout 60 "$G" trajectory --case A --dims 2 --steps 5 --digits 1 $extra >/dev/null 2>"$TMP/err" ||
        note "trajectory --digits 1 $extra failed: $(cat "$TMP/err")"
done

# 5. failed writes: exit 1 and the file named on stderr.
expect_write_failure() {  # expect_write_failure FILE command args...
    local file=$1
    shift
    timeout 120 "$G" "$@" >"$TMP/wout" 2>"$TMP/werr"
    local rc=$?
    [ $rc -eq 1 ] || note "$* exited $rc, expected 1 (write failure): $(head -c 400 "$TMP/werr")"
    grep -q -- "$file" "$TMP/werr" || note "$*: stderr does not name $file: $(head -c 400 "$TMP/werr")"
}
expect_write_failure /dev/full trajectory --case A --dims 2 --steps 20 --csv /dev/full
expect_write_failure /dev/full trajectory --case A --dims 2 --steps 20 --plot /dev/full
expect_write_failure /dev/full trajectory --case A --dims 2 --steps 20 --csv "$TMP/t.csv" --plot /dev/full
expect_write_failure /dev/full surface --case A --box "b=-6:6,h=-6:6" --grid 5 --no-certify --csv /dev/full --plot "$TMP/s.png"
expect_write_failure /dev/full surface --case A --box "b=-6:6,h=-6:6" --grid 5 --no-certify --plot /dev/full
expect_write_failure /dev/full reference --grid "b=-3:-2:2" --fixed a=2.2,g=1.5,h=-2,c=0.5 --digits 10 --out /dev/full --progress never
# standard output on a full disk
timeout 60 "$G" eval --a 2.2 --b -3 --g 1.5 --h -2 --c 0.5 >/dev/full 2>"$TMP/werr"
rc=$?
[ $rc -eq 1 ] || note "eval > /dev/full exited $rc, expected 1"
grep -q "standard output" "$TMP/werr" || note "eval > /dev/full: stderr does not name standard output: $(cat "$TMP/werr")"
timeout 60 "$G" reference --grid "b=-3:-2:2" --fixed a=2.2,g=1.5,h=-2,c=0.5 --digits 10 --progress never >/dev/full 2>"$TMP/werr"
rc=$?
[ $rc -eq 1 ] || note "reference > /dev/full exited $rc, expected 1"
# and the control: the same writes to real files succeed
timeout 120 "$G" trajectory --case A --dims 2 --steps 20 --csv "$TMP/t.csv" >/dev/null 2>"$TMP/werr" || note "trajectory --csv to a file failed: $(cat "$TMP/werr")"
timeout 120 "$G" reference --grid "b=-3:-2:2" --fixed a=2.2,g=1.5,h=-2,c=0.5 --digits 10 --out "$TMP/r.csv" --progress never >/dev/null 2>"$TMP/werr" || note "reference --out to a file failed: $(cat "$TMP/werr")"

# 6. interrupts end a long evaluation (b = -1e10 at the maximum --digits runs for over 10 s;
# docs/limits.md).
# Started in the background of this non-interactive script, the child inherits SIGINT as
# "ignored" from bash: gancert must still stop.
for sig in INT TERM; do
    "$G" eval --a 2.2 --b -1e10 --g 1.5 --h -2 --c 0.5 --digits 50 >/dev/null 2>&1 &
    pid=$!
    sleep 1
    kill -0 $pid 2>/dev/null || note "SIG$sig: the long evaluation ended within 1 s; it is no test"
    kill -$sig $pid
    ended=0
    for _ in $(seq 50); do
        if ! kill -0 $pid 2>/dev/null; then ended=1; break; fi
        sleep 0.1
    done
    if [ $ended -eq 0 ]; then
        note "SIG$sig did not end gancert eval within 5 s"
        kill -KILL $pid 2>/dev/null
    fi
    wait $pid 2>/dev/null
    rc=$?
    case $rc in 130|143|1) ;; *) note "SIG$sig: exit status $rc (want 130/143/1)" ;; esac
done

if [ $fail -eq 0 ]; then echo "eval_extremes: all checks passed"; fi
exit $fail
