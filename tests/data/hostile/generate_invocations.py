#!/usr/bin/env python3
"""Seeded random hostile gancert invocations for tests/cli/hostile_invocations.sh (issue 15).

usage: generate_invocations.py COUNT SEED

Prints COUNT lines in the format of invocations.txt (MODE ARGS..., shell syntax, placeholders
@T@ @CERT@ @CSV@): a command, then options drawn from its own options and from other commands',
each with a value that is valid, hostile (huge, NaN, inf, empty, malformed, a directory, a full
device) or missing. Work that could be long is bounded (certify and atlas carry a --time-limit,
grids and trajectories stay small unless the value is the hostile one), so each line ends
within the runner's bound when gancert behaves.
"""
import random
import shlex
import sys

HOSTILE = ["", "0", "-1", "nan", "NaN", "inf", "-inf", "1e400", "-1e400", "1e-400", "2147483648",
           "4294967296", "18446744073709551616", "1e", "0x10", "--", "=", ",", ":", "a=1", "\u00e9",
           "9" * 400, "1" + "0" * 30, "-0", " 1", "1 ", "1,2", "@T@", "/dev/full", "/nonexistent/x"]
BOXES = ["b=-6:6,h=-6:6", "b=0:1e308,h=-6:6", "b=-inf:inf,h=-inf:inf", "a=-inf:-0.1,b=-inf:inf",
         "b=6:-6,h=0:1", "b=nan:1,h=0:1", "b=1:1,h=1:1", "b=-6:6", "b=-6:6,h=-6:6,g=0:1",
         "a=0.5:4,b=-6:6,g=1:2,h=-1:1", "zz=0:1", "b=-6:6,,h=0:1", "b=-6:6,b=0:1", "b=1e-400:1e-399,h=0:1"]
PARAMS = ["a=2.2,b=-3,g=1.5,h=-2,c=0.5", "a=nan,b=1,g=1,h=0,c=0.5", "a=1,g=1,c=-0.5", "a=1,g=1,c=0",
          "a=1e308,g=1e308,c=1e-308", "a=0,g=0,c=0.5", "===,,,", "a=1,a=2,g=1,c=1", ""]
OUTS = ["@T@/o", "@T@", "/dev/full", "/nonexistent/o", "", "@T@/sub/o", "/dev/null"]

COMMON = {
    "certify": {"--case": ["A", "B", "C", ""], "--box": BOXES, "--claim": ["no-saddle", "no-stationary",
                "plateau", "extrema", "stationary-set", "atlas", "nonsense"], "--params": PARAMS,
                "--eps": ["1e-2", "0"], "--delta": ["1e-2", "1"], "--level": ["1"], "--out": OUTS,
                "--threads": ["1", "2"], "--max-bits": ["64", "512"], "--min-width": ["1e-6"],
                "--initial-boxes": ["1", "64"], "--max-leaves": ["10"], "--progress-interval": ["1"]},
    "atlas": {"--case": ["A", "B"], "--box": BOXES, "--params": PARAMS, "--eps": ["1e-2"],
              "--delta": ["1e-2"], "--out": OUTS, "--threads": ["1"], "--initial-boxes": ["4"],
              "--figure": ["@T@/f", "/dev/full"], "--plot-dims": ["a,b", "b,h", "x,y"]},
    "verify": {"--bits": ["53", "128"], "--threads": ["1", "2"]},
    "eval": {"--a": ["2.2"], "--b": ["-3", "-1e10"], "--g": ["1.5"], "--h": ["-2"], "--c": ["0.5"],
             "--digits": ["1", "20", "60"], "--arith": ["interval", "mpfr", "double", "float"]},
    "reference": {"--grid": ["b=-1:1:3,h=0:1:2", "b=-6:6:4294967297", "b=0:1:0", "b=nan:1:2"],
                  "--fixed": ["a=1,g=1,c=0.5", "a=2.2,g=1.5,c=0.5", "x=1"], "--points": ["@CSV@", "/dev/null",
                  "@T@", "/dev/zero"], "--quantities": ["J", "all", "nonsense"], "--digits": ["10", "30"],
                  "--format": ["csv", "json", "xml"], "--out": OUTS, "--progress": ["never", "always"]},
    "compare": {"--reference": ["@CSV@", "/dev/null", "@T@", "/dev/zero"], "--candidate": ["@CSV@", "/dev/null"],
                "--rtol": ["1e-10", "0"], "--atol": ["0"], "--tolerance-digits": ["5"], "--max-failures": ["3"]},
    "trajectory": {"--case": ["A", "B"], "--dims": ["2", "4", "3"], "--steps": ["5", "20"],
                   "--step-size": ["0.4", "1e308"], "--start": ["2.2,-3,1.5,-2,0.5", "1,2,3"],
                   "--sgd": ["10"], "--runs": ["2"], "--seed": ["1"], "--csv": OUTS, "--plot": ["@T@/t.png", "/dev/full"],
                   "--eps": ["1e-2"], "--delta": ["1e-2"]},
    "surface": {"--case": ["A", "B"], "--box": BOXES, "--grid": ["4", "8"], "--csv": OUTS,
                "--plot": ["@T@/s.png", "/dev/full", "@T@"], "--threads": ["1", "2"]},
    "counterexample": {"--c1": ["0.5"], "--c2": ["2"], "--c": ["0.5"], "--digits": ["5", "10"]},
}
FLAGS = {"certify": ["--quiet", "--resume", "--no-progress", "--no-witness-search"], "atlas": ["--quiet", "--resume"],
         "verify": ["--independent"], "eval": ["--json"], "trajectory": ["--certified"],
         "surface": ["--no-certify"], "counterexample": ["--json"]}


def line(rng):
    cmd = rng.choice(sorted(COMMON))
    opts = COMMON[cmd]
    args = [cmd]
    if cmd == "verify":
        args.append(rng.choice(["@CERT@", "@CERT@", "/dev/null", "@T@", "/dev/zero", "", "/nonexistent"]))
    names = sorted(opts)
    for name in rng.sample(names, rng.randint(1, min(6, len(names)))):
        r = rng.random()
        value = rng.choice(HOSTILE) if r < 0.35 else rng.choice(opts[name])
        args += [name, value] if r < 0.95 else [name]  # 5%: the value missing
    if rng.random() < 0.2:  # an option of another command
        other = rng.choice(sorted(COMMON))
        args += [rng.choice(sorted(COMMON[other])), rng.choice(HOSTILE)]
    for f in FLAGS.get(cmd, []):
        if rng.random() < 0.25:
            args.append(f)
    if cmd in ("certify", "atlas"):
        args += ["--time-limit", "3"]  # the bound of a valid run (last: it wins over a hostile one)
    if cmd == "surface" and rng.random() < 0.7:
        args.append("--no-certify")
    mode = rng.choice(["run"] * 8 + ["full", "pipe:0,1,2"])  # mostly bad input: 2 is allowed in a pipe too
    return mode + " " + " ".join(shlex.quote(a) for a in args)


def main():
    count, seed = int(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(seed)
    for _ in range(count):
        print(line(rng))


if __name__ == "__main__":
    main()
