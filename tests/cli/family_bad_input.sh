#!/usr/bin/env bash
# gancert eval/reference --model: bad model specs and out-of-domain players exit 2 and name the
# offending option and token; the JSON form and @file give the same canonical model.
# usage: family_bad_input.sh GANCERT_BINARY SOURCE_DIR
set -u
G=$1
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
expect_bad() {  # expect_bad TEXT args...   (exit 2, stderr contains TEXT)
    local want=$1
    shift
    local err rc
    err=$("$G" "$@" 2>&1 >/dev/null)
    rc=$?
    if [ "$rc" -ne 2 ]; then echo "FAIL: $* exited $rc, expected 2 ($err)"; fail=1; fi
    case "$err" in *"$want"*) ;; *) echo "FAIL: $*: message does not contain '$want': $err"; fail=1 ;; esac
}
P="latent=rayleigh gen=square disc=logistic cost=ls"
ok="--a 2 --b 1 --g 1 --h 0"
expect_bad "--model: unknown data 'foo'" eval --model "data=foo $P" $ok
expect_bad "--model: data=exp: missing parameter 'c'" eval --model "data=exp $P" $ok
expect_bad "--model: data=exp: c='-1' is outside the domain" eval --model "data=exp(c=-1) $P" $ok
expect_bad "--model: data=exp2: missing parameter 'c2'" eval --model "data=exp2(c1=1) $P" $ok
expect_bad "--model: data=exp2: w1='0' is outside the domain (w1 > 0)" eval --model "data=exp2(c1=1,c2=2,w1=0) $P" $ok
expect_bad "--model: data=exp2: w2='-1' is outside the domain (w2 > 0)" eval --model "data=exp2(c1=1,c2=2,w2=-1) $P" $ok
expect_bad "--model: data=exp2: unknown parameter 'c'" eval --model "data=exp2(c=1,c1=1,c2=2) $P" $ok
expect_bad "--model: missing 'cost='" eval --model "data=exp(c=1) latent=rayleigh gen=square disc=erf" $ok
expect_bad "--model: disc=indicator needs cost=ls" eval --model "data=exp(c=1) latent=rayleigh gen=square disc=indicator cost=log" --l 0 --r 1 --g 1 --h 0
expect_bad "--model: cannot read the model file" eval --model @/nonexistent/m.json $ok
expect_bad "--a: '0' is outside the domain" eval --model "data=exp(c=1) $P" --a 0 --b 1 --g 1 --h 0
expect_bad "--a: '-1' is outside the domain" eval --model "data=exp(c=1) $P" --a -1 --b 1 --g 1 --h 0
expect_bad "--g: '-1' is outside the domain" eval --model "data=exp(c=1) $P" --a 1 --b 1 --g -1 --h 0
expect_bad "--b: 'x' is not a finite decimal" eval --model "data=exp(c=1) $P" --a 1 --b x --g 1 --h 0
expect_bad "--h: required by --model" eval --model "data=exp(c=1) $P" --a 1 --b 1 --g 1
expect_bad "--c: not a parameter of the players" eval --model "data=exp(c=1) $P" $ok --c 0.5
expect_bad "--l: '1' is outside the domain" eval --model "data=exp(c=1) latent=uniform gen=affine disc=indicator cost=ls" --l 1 --r 1 --g 1 --h 0
expect_bad "--l" eval --a 1 --b 1 --g 1 --h 0 --c 1 --l 0
expect_bad "--fixed: 'c' is not a player's parameter" reference --model "data=exp(c=1) $P" --fixed "a=1,b=1,g=1,h=0,c=1"
expect_bad "--fixed: missing the player's parameter h" reference --model "data=exp(c=1) $P" --fixed "a=1,b=1,g=1"
expect_bad "--grid: a: '0' is outside the domain" reference --model "data=exp(c=1) $P" --grid "a=0:1:2" --fixed "b=1,g=1,h=0"

# Text, JSON and @file name the same model.
echo '{"data": {"kind": "exp", "c": "0.5"}, "latent": "rayleigh", "gen": "square", "disc": "logistic", "cost": "ls"}' > "$tmp/m.json"
a=$("$G" eval --model "data=exp(c=0.5) $P" $ok --digits 5 --json) || { echo "FAIL: text form"; fail=1; }
b=$("$G" eval --model @"$tmp/m.json" $ok --digits 5 --json) || { echo "FAIL: @file form"; fail=1; }
[ "$a" = "$b" ] || { echo "FAIL: text and @file JSON differ"; fail=1; }
case "$a" in *'"model": "data=exp(c=0.5) latent=rayleigh gen=square disc=logistic cost=ls"'*) ;; *) echo "FAIL: canonical model missing: $a"; fail=1 ;; esac
case "$a" in *'"role": "ascends"'*'"role": "descends"'*) ;; *) echo "FAIL: players' roles missing"; fail=1 ;; esac
exit $fail
