#!/usr/bin/env python3
"""Sweep of hostile gancert invocations (issue 15, acceptance): every subcommand and every option
of `gancert --help` / `gancert CMD --help` and the Python API, one factor at a time from a valid
base invocation, then seeded pairs of factors (seed 2027).

The rules differ from the other sets: generate_invocations.py draws random option mixes (with a
--time-limit on every certification), heldout_invocations.py targets model specs and odd files.
Here each option of each command takes, in turn, every value of the hostile class of its type
(exact decimals: subnormals, 1e+-308, hex floats, unicode minus and digits, whitespace, 1e400;
counts: 0, 2^31, 2^63, the documented maximum and one above it; files: odd files; specs:
every member of the model family), without a --time-limit unless the option swept is the budget
itself, so a valid request must end by gancert's own default budgets.

usage: sweep_invocations.py lines [SEED]           the invocations, one JSON object a line
       sweep_invocations.py run GANCERT SRC [EVERY [JOBS [BOUND [REPORT]]]]
                                                   (EVERY may be the REPORT of an earlier run:
                                                   only its failed lines)
                                                   runs every EVERY-th line (1: all), JOBS at a
                                                   time (default 2: the loaded CI), each within
                                                   BOUND s (default 60); REPORT: a JSON summary

A line {"mode", "codes", "args", "name"?, "py"?}: mode run (stdout to a file), full (stdout to
/dev/full), pipe (stdout into `head -c1`) or py (the Python snippet "py" with gancert imported).
Each must end within BOUND seconds with an exit status in "codes" (default 0/1/2), no signal,
no core file, no NaN as an interval end or value in any output (standard output or a file it
wrote); an exit 2 must name the argument ("name" when the line knows the culprit, otherwise some
option of the invocation). A Python snippet must return or raise ValueError/TypeError (bad input) or OSError (a failed
write).
Placeholders: @T@ (the run's empty working directory), @CERT@ (a valid certificate), @CSV@ (a
reference table), @FIX@ (odd files written by the runner).
"""
import concurrent.futures
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

MINUS = "\u2212"
# exact-decimal values of a parameter (every one is either valid or bad input)
DECIMALS = ["4.9e-324", "5e-324", "2.2250738585072014e-308", "1e-308", "-1e-308", "1e308", "-1e308",
            "1.7976931348623157e308", "1.8e308", "-0.0", "+0", "0x1p3", "0X1P-3", "1e400", "-1e400",
            MINUS + "1", "\uff11", "\u0663", " 1", "1 ", "\t1", "1\n", "+1", "1.", ".5", "1E+5", "1_0",
            "1e-4950", "-Infinity", "INF", "nan(0x1)", "NAN", "1e2147483648", "1e-2147483649",
            "0." + "0" * 40 + "1", "1" + "0" * 400, "1/2", "1e-320"]
# values of a count option (integers)
COUNTS = ["0", "1", "-0", "+1", "2147483647", "2147483648", "9223372036854775807", "9223372036854775808",
          "1e3", "0x10", "1.5", " 2", MINUS + "1", "\uff12"]
DIGITS = ["1", "2", "50", "51", "0", "-1", "100", "+5", "5.0", " 5", "\uff15", "4294967297"]
MODELS = [
    "data=exp(c=0.5) latent=rayleigh gen=square disc=erf cost=ls",
    "data=exp(c=0.5) latent=rayleigh gen=square disc=logistic cost=log",
    "data=gaussian(mu=0,sigma=1) latent=gaussian gen=affine disc=logistic cost=nonsat",
    "data=mixture(w=0.5,mu1=-1,s1=0.5,mu2=1,s2=0.5) latent=uniform gen=affine disc=erf cost=ls",
    "data=exp(c=1) latent=uniform gen=square disc=indicator cost=ls",
    "data=gaussian(mu=2,sigma=0.1) latent=rayleigh gen=affine disc=indicator cost=ls",
]
ODD_FILES = ["/dev/null", "/dev/zero", "/dev/full", "@T@", "/nonexistent/f", "@FIX@/empty", "@FIX@/nul",
             "@FIX@/utf16.csv", "@FIX@/one_col.csv", "@FIX@/long_row.csv", "@FIX@/nan_cand.csv",
             "@FIX@/inf_cand.csv", "@FIX@/dup_rows.csv", "@FIX@/no_quantity.csv", "@FIX@/missing_c.csv",
             "@FIX@/header_only.csv", "@FIX@/many_rows.csv", "@FIX@/exotic_numbers.csv", "@FIX@/fifo"]
CERT_FILES = ["@FIX@/empty", "@FIX@/nul", "@FIX@/header_twice.jsonl", "@FIX@/summary_first.jsonl",
              "@FIX@/leaves_reversed.jsonl", "@FIX@/no_summary.jsonl", "@FIX@/utf16.jsonl",
              "@FIX@/huge_index.jsonl", "@FIX@/fifo", "/dev/zero", "/dev/null", "@T@", "/proc/self/status"]
PLAYERS = {"erf": "abgh", "logistic": "abgh", "indicator": "lrgh"}


def players(model):
    return PLAYERS[re.search(r"disc=(\w+)", model).group(1)]


def theta(model):
    if "indicator" in model:
        return {"l": "0.5", "r": "1.5", "g": "1", "h": "0"}
    return {"a": "1", "b": "0.5", "g": "1", "h": "0.25"}


def flags(d):
    out = []
    for k, v in d.items():
        out += ["--" + k, v]
    return out


def lines(seed):
    rng = random.Random(seed)
    out = []

    def add(args, codes=(0, 1, 2), name=None, mode="run", slow=False):
        out.append({"mode": mode, "codes": list(codes), "args": args, "name": name, "slow": slow})

    def py(code, slow=False):
        out.append({"mode": "py", "codes": [0], "args": [], "py": code, "slow": slow})

    paper = {"a": "2.2", "b": "-3", "g": "1.5", "h": "-2", "c": "0.5"}
    # 1. eval, the paper's model: each parameter x each exotic decimal, the arithmetic cycling
    arith = ["interval", "mpfr", "double"]
    k = 0
    for p in "abghc":
        for v in DECIMALS:
            q = dict(paper, **{p: v})
            add(["eval"] + flags(q) + ["--digits", rng.choice(["1", "20", "50"]), "--arith", arith[k % 3]],
                name="--" + p)
            k += 1
    for d in DIGITS:
        for a in arith:
            add(["eval"] + flags(paper) + ["--digits", d, "--arith", a], name="--digits")
    for a in ["", "INTERVAL", "float", "mpfr ", "ball", "interval,mpfr"]:
        add(["eval"] + flags(paper) + ["--arith", a], name="--arith")
    add(["eval"] + flags(paper) + ["--json", "--digits", "50"])
    add(["eval"] + flags(paper) + ["--json"], mode="full", codes=(1,))
    add(["eval"] + flags(paper) + ["--digits", "50"], mode="pipe", codes=(0, 1))
    # 2. eval --model: each member of the family, each player x hostile decimals, digits extremes
    for m in MODELS:
        th = theta(m)
        for p in players(m):
            for v in rng.sample(DECIMALS, 3) + ["-1e30", "1e30", "1.0000000000000001e30", "-1e308"]:
                add(["eval", "--model", m] + flags(dict(th, **{p: v})) + ["--digits", rng.choice(["5", "20"])],
                    name="--" + p)
        for d in ["1", "50"]:
            add(["eval", "--model", m] + flags(th) + ["--digits", d, "--arith", rng.choice(arith)])
        add(["eval", "--model", m] + flags(th) + ["--c", "0.5"], codes=(2,), name="--c")
        add(["eval", "--model", m] + flags(th) + ["--json"], mode="pipe", codes=(0, 1))
    # 3. reference: grids (big, degenerate, exotic), points files, fixed parameters, models
    fixed = "a=1,g=1,c=0.5,h=0"
    for grid, codes in [("b=-6:6:1000001", (2,)), ("b=-6:6:1000000,h=-6:6:1001", (2,)),
                        ("b=-6:6:1001,h=-6:6:1001", (0, 1, 2)), ("b=-6:6:100001", (0, 1, 2)),
                        ("b=1:1:1000000", (0, 1, 2)), ("b=-1e308:1e308:3", (0, 1, 2)),
                        ("b=5e-324:1e-323:2", (0, 1, 2)), ("b=0x1p3:9:2", (2,)), ("b=" + MINUS + "1:1:2", (2,)),
                        ("b=-1:1:-2", (2,)), ("b=-1:1:2.5", (2,)), ("b=-1:1:2:3", (2,)), ("b=-1:1", (2,)),
                        ("b=1:-1:2", (0, 2)), ("b=-1:1:2,b=-1:1:2", (2,)), ("B=-1:1:2", (2,)),
                        ("b=-1:1:2,", (0, 2)), (",b=-1:1:2", (2,)), ("b =-1:1:2", (0, 2)), ("", (2,)),
                        ("b=-1:1:4294967297", (2,)), ("b=-1:1:18446744073709551617", (2,)),
                        ("b=-1:1:2,h=-1:1:2,g=0:1:2,a=1:2:2,c=1:2:2", (0, 1, 2))]:
        add(["reference", "--grid", grid, "--fixed", fixed if "h=" not in grid else "a=1,g=1,c=0.5", "--digits", "10", "--quantities", "J"],
            codes=codes, name="--grid")
    for fx in ["", "a=1,g=1", "a=1,g=1,c=0.5,b=0", "a=1,g=-1,c=0.5", "a=1,g=1,c=-0.5", "a=1,g=1,c=0",
               "a=1,g=1,c=1e308", "a=1,g=1,c=5e-324", "a=" + MINUS + "1,g=1,c=0.5", "a=1;g=1;c=0.5",
               "a=1,g=1,c=0.5,c=0.5", "a=nan,g=1,c=0.5"]:
        add(["reference", "--grid", "b=-1:1:2", "--fixed", fx, "--digits", "10", "--quantities", "J"],
            name="--fixed")
    for f in ODD_FILES:
        add(["reference", "--points", f, "--fixed", "g=1,c=0.5", "--digits", "8", "--quantities", "J"])
    for q in ["", "J,J", "j", "grad,hess,all", "H_zz", ",", "J;grad"]:
        add(["reference", "--grid", "b=-1:1:2", "--fixed", fixed, "--digits", "8", "--quantities", q],
            name="--quantities")
    for o in ["/dev/full", "@T@", "/nonexistent/r.csv", "@T@/r.csv", ""]:
        add(["reference", "--grid", "b=-1:1:2", "--fixed", fixed, "--digits", "8", "--out", o], name="--out")
    for m in MODELS:
        th = theta(m)
        ax = players(m)[1]
        fx = ",".join("%s=%s" % (p, th[p]) for p in players(m) if p != ax)
        for grid in ["%s=-1:1:3" % ax, "%s=-1e30:1e30:2" % ax, "%s=-1:1:100001" % ax, "c=0:1:2"]:
            add(["reference", "--model", m, "--grid", grid, "--fixed", fx, "--digits", "8", "--quantities", "J"])
        add(["reference", "--model", m, "--points", "@CSV@", "--digits", "8"])
    # 4. compare: odd reference/candidate files, tolerances
    for f in ODD_FILES:
        add(["compare", "--reference", "@CSV@", "--candidate", f])
        add(["compare", "--reference", f, "--candidate", "@CSV@"])
    for opt, vals in [("--rtol", ["4.9e-324", "1e308", "1e400", MINUS + "1", "0x1p-3", " 0"]),
                      ("--atol", ["5e-324", "1e400", "-0", "inf"]),
                      ("--tolerance-digits", ["0", "100000", "100001", "-1"]),
                      ("--max-failures", ["0", "4294967296", "-1"])]:
        for v in vals:
            add(["compare", "--reference", "@CSV@", "--candidate", "@FIX@/nan_cand.csv", opt, v], name=opt)
    for m in MODELS[:4]:
        add(["compare", "--model", m, "--candidate", "@FIX@/model_cand_%s.csv" % ("lr" if "indicator" in m else "ab")])
        add(["compare", "--model", m, "--candidate", "@FIX@/many_rows.csv", "--digits", "50"])
        add(["compare", "--model", m, "--candidate", "@FIX@/nan_cand.csv", "--digits", "0"], codes=(2,), name="--digits")
    # 5. certify: every claim, extreme and tiny boxes, many dims, models, budgets, resume files
    claims = {"no-saddle": [], "no-stationary": [], "plateau": ["--eps", "1e-3", "--delta", "1e-3", "--level", "1"],
              "extrema": ["--delta", "1e-6"]}
    boxes = ["b=1:1.0000000000001,h=0:1", "b=-1e308:1e308", "b=-inf:inf,h=-inf:inf", "a=5e-324:1e-323,b=0:1",
             "a=1e-300:1e300,b=-6:6", "a=0.1:5,b=-6:6,g=0:10,h=-6:6", "c=0.1:10,b=-6:6", "h=-1e308:-1e307",
             "b=-6:6,h=-6:6,g=0.5:2,a=0.5:4,c=0.4:0.6", "g=-1:1,h=0:1", "b=1e-320:2e-320,h=0:1",
             "b=0:" + "9" * 400, "b=" + MINUS + "1:1,h=0:1", "b=0x1p3:9,h=0:1"]
    for n, box in enumerate(boxes):
        claim = sorted(claims)[n % 4]
        add(["certify", "--case", rng.choice("AB"), "--box", box, "--claim", claim, "--quiet", "--threads", "2",
             "--out", "@T@/c.jsonl"] + claims[claim], slow=True)
    for opt, vals in [("--eps", ["5e-324", "1e308", "1e400", "0", MINUS + "1"]),
                      ("--delta", ["5e-324", "1e308", "1e400", "-0", "0x1p-3"]),
                      ("--level", ["-1e308", "1e400", "nan", " 1"])]:
        for v in vals:
            args = ["certify", "--case", "A", "--box", "b=4:6,h=4:6", "--claim", "plateau", "--eps", "1", "--delta", "1",
                    "--level", "1", "--quiet", "--out", "@T@/c.jsonl"]
            args[args.index(opt) + 1] = v
            add(args, name=opt, slow=True)
    for opt, vals in [("--threads", COUNTS), ("--initial-boxes", COUNTS + ["65536", "65537"]),
                      ("--max-bits", COUNTS + ["65536", "65537", "53", "2"]),
                      ("--time-limit", ["1e-300", "1e308", "inf", "0.001", "nan", "-1", "1e400", "0x10"]),
                      ("--max-leaves", ["1", "1e308", "18446744073709551616", "0.5"]),
                      ("--min-width", ["5e-324", "1e-300", "1", "2", "1e308", "inf", "-1e-6", "nan"]),
                      ("--progress-interval", ["1e-300", "5e-324", "1e308", "inf"])]:
        for v in vals:
            args = ["certify", "--case", "A", "--box", "b=2:6,h=2:6", "--claim", "no-saddle", "--quiet",
                    "--out", "@T@/c.jsonl", opt, v]
            if opt != "--time-limit":
                args += ["--time-limit", "20"]
            add(args, name=opt, slow=True)  # up to the 20 s budget: not in the ctest sample
    for m in MODELS:
        th = theta(m)
        ax = players(m)[1:3]
        fx = ",".join("%s=%s" % (p, th[p]) for p in players(m) if p not in ax)
        for claim in [["no-saddle", "extrema", "stationary-set"][MODELS.index(m) % 3]]:
            add(["certify", "--model", m, "--params", fx, "--box", "%s=-1:1,%s=0.5:2" % tuple(ax), "--claim", claim,
                 "--quiet", "--out", "@T@/c.jsonl"] + (["--delta", "1e-3"] if claim == "extrema" else []), slow=True)
    for params in ["a=1,g=1,c=0.5,h=0", "a=1,g=1", "c=0.5", "a=1,g=1,c=0.5,c=1", "a=1e308,g=1,c=0.5",
                   "a=5e-324,g=1,c=0.5", "a=1,g=1,c=" + MINUS + "1"]:
        add(["certify", "--params", params, "--box", "b=-6:6,h=-6:6", "--claim", "no-saddle", "--quiet",
             "--time-limit", "10", "--out", "@T@/c.jsonl"], name="--params")
    for c in ["0.5", "1e308", "5e-324", "0"]:
        add(["certify", "--claim", "stationary-set", "--params", "c=" + c, "--quiet", "--out", "@T@/c.jsonl"])
    for box in ["c=0.1:10,a=-inf:inf,b=-inf:inf,g=0:inf,h=-inf:inf", "c=0:inf", "c=1e-308:1e308", "a=0:0"]:
        add(["certify", "--claim", "stationary-set", "--case", "A", "--box", box, "--quiet", "--out", "@T@/c.jsonl"])
    for f in CERT_FILES + ["@FIX@/other_box.jsonl", "@FIX@/other_claim.jsonl", "/dev/full"]:
        add(["certify", "--case", "A", "--box", "b=-6:6,h=-6:6", "--claim", "no-saddle", "--quiet", "--resume",
             "--time-limit", "20", "--out", f], slow=True)
    add(["certify", "--case", "A", "--box", "b=-6:6,h=-6:6", "--claim", "no-saddle", "--quiet", "--out", "/dev/full"],
        codes=(1, 2))
    add(["certify", "--case", "A", "--box", "b=-6:6,h=-6:6", "--claim", "no-saddle", "--out", "@T@/c.jsonl"],
        mode="pipe", codes=(0, 1))
    # 6. atlas and surface
    for box in ["a=0.5:4,b=-1e308:1e308", "a=0.5:4,b=1:1.0000000000001", "a=-inf:inf,b=-inf:inf,g=0:inf,h=-inf:inf",
                "a=0.5:4,b=-6:6,g=0:1", "c=0.1:1,b=-6:6", "a=5e-324:1e-323,b=0:1"]:
        add(["atlas", "--case", "A", "--box", box, "--quiet", "--out", "@T@/a.jsonl", "--figure", "@T@/f"], slow=True)
    for opt, vals in [("--plot-dims", ["b,a", "a,a", "g,h", "", "a"]), ("--slice", ["", "g=1e308,h=0", "x=1", "g=1"]),
                      ("--title", ["", "\u00e9" * 1000, "$\\frac{"]), ("--figure", ["/dev/full", "@T@", ""])]:
        for v in vals:
            add(["atlas", "--case", "A", "--box", "a=0.5:4,b=-6:6,g=1:2,h=-1:1", "--quiet", "--time-limit", "5",
                 "--max-leaves", "200", "--out", "@T@/a.jsonl", opt, v])
    for m in MODELS[:3]:
        add(["atlas", "--model", m, "--params", "g=1,h=0", "--box", "a=0.5:2,b=-1:1", "--quiet", "--out",
             "@T@/a.jsonl"], slow=True)
    for grid in ["2", "1", "2000", "2001", "1e3", "-2", "2147483648"]:
        add(["surface", "--case", "A", "--box", "b=-6:6,h=-6:6", "--grid", grid, "--no-certify",
             "--plot", "@T@/s.png"], name="--grid", slow=grid == "2000")
    for box in ["b=-1e308:1e308,h=-6:6", "b=1:1.0000000000001,h=0:1", "a=5e-324:1e-323,b=0:1", "b=-6:6,h=-6:6,g=0:1",
                "b=-6:6", "g=0:1e308,h=-6:6", "c=0.1:1,b=0:1"]:
        add(["surface", "--case", "B", "--box", box, "--grid", "8", "--plot", "@T@/s.png"], slow=True)
    for m in MODELS:
        th = theta(m)
        ax = players(m)[:2]
        fx = ",".join("%s=%s" % (p, th[p]) for p in players(m) if p not in ax)
        add(["surface", "--model", m, "--params", fx, "--box", "%s=-2:2,%s=-1:1" % tuple(ax), "--grid", "6",
             "--plot", "@T@/s.png", "--csv", "@T@/s.csv"], slow=True)
    for csv in ["/dev/full", "@T@", "/nonexistent/s.csv"]:
        add(["surface", "--case", "A", "--box", "b=-6:6,h=-6:6", "--grid", "4", "--no-certify", "--plot", "@T@/s.png",
             "--csv", csv], codes=(1, 2))
    # 7. verify: odd files, precision extremes
    for f in CERT_FILES:
        add(["verify", f, "--threads", "1"])
    for b in ["0", "1", "2", "65536", "65537", "4294967296", "1e3", "-1"]:
        add(["verify", "@CERT@", "--bits", b, "--threads", "1"], name="--bits")
    for t in ["0", "1024", "1025", "9223372036854775808"]:
        add(["verify", "@CERT@", "--threads", t], name="--threads")
    add(["verify", "@CERT@", "--independent", "--bits", "4096"])
    # 8. trajectory: every kind, large --steps, odd step sizes, models
    kinds = [[], ["--certified"], ["--digits", "50"], ["--sgd", "100", "--runs", "3"], ["--certified", "--digits", "50"]]
    for kind in kinds:
        for steps in ["1", "100000", "100001"]:
            add(["trajectory", "--case", "B", "--dims", "4", "--steps", steps, "--csv", "@T@/t.csv"] + kind,
                name="--steps", slow=steps == "100000")
        for eta in ["5e-324", "1e308", "1e-300", "0", "-0.4", MINUS + "0.4", "0x1p-2", "1e400", "100"]:
            add(["trajectory", "--case", "A", "--dims", "2", "--steps", "20", "--step-size", eta] + kind,
                name="--step-size")
    for sgd, runs, steps in [("1", "1", "5"), ("50000000", "1", "1"), ("10000", "10000", "1"), ("100000", "1000", "500"),
                             ("0", "1", "5"), ("-1", "1", "5"), ("4294967297", "1", "5")]:
        add(["trajectory", "--steps", steps, "--sgd", sgd, "--runs", runs, "--seed", "18446744073709551615"])
    for start in ["5e-324,-3,1.5,-2,0.5", "2.2,-3,1e308,-2,0.5", "2.2,-3,1.5,-2,1e-308", MINUS + "2.2,-3,1.5,-2,0.5",
                  "2.2, -3,1.5,-2,0.5", "2.2,-3,1.5,-2,0.5,", "0,0,1,1,1"]:
        add(["trajectory", "--start", start, "--steps", "10", "--certified"])
    for m in MODELS:
        th = theta(m)
        for extra in [[], ["--steps", "100000"], ["--certified", "--steps", "5"], ["--sgd", "10", "--runs", "2", "--steps", "5"],
                      ["--step-size", "1e308", "--steps", "5"]]:
            add(["trajectory", "--model", m] + flags(th) + extra, slow="100000" in extra)
        add(["trajectory", "--model", m, "--params", ",".join("%s=%s" % kv for kv in th.items()), "--case", "A"],
            codes=(2,), name="--case")
    add(["trajectory", "--steps", "5", "--plot", "@T@/t.png", "--csv", "@T@/t.csv"], mode="full", codes=(0, 1))
    # 9. counterexample
    for opt in ["--c1", "--c2", "--c"]:
        for v in ["5e-324", "1e308", "1e-308", MINUS + "1", "0x1p-1", " 0.5", "1e400"]:
            add(["counterexample", opt, v, "--digits", "10"], name=opt)
    for d in ["1", "100", "101", "0", "-1", "1e2"]:
        add(["counterexample", "--digits", d], name="--digits", slow=d == "100")
    # 10. the command line: every subcommand's --help, misspelt options, equals forms, repeats
    for cmd in ["eval", "reference", "compare", "certify", "atlas", "surface", "verify", "trajectory", "counterexample"]:
        add([cmd, "--help"], codes=(0,))
        add([cmd, "--nonexistent-option", "1"], codes=(2,), name="--nonexistent-option")
    add(["eval", "--a=2.2", "--b=-3", "--g=1.5", "--h=-2", "--c=0.5", "--digits=5"], codes=(0,))
    add(["eval", "--a", "2.2", "--b", "-3", "--g", "1.5", "--h", "-2", "--c", "0.5", "--a", "1"])
    add(["eval", "--a", "2.2", "--b", "-3", "--g", "1.5", "--h", "-2"], codes=(2,), name="--c")
    add(["eval", "-a", "2.2"], codes=(2,))
    add(["\u00e9val"], codes=(2,))
    # 11. the Python API
    bad = ["float('nan')", "float('inf')", "1e308", "-1e308", "5e-324", "'1e400'", "'0x1p3'", "'\u22121'", "None",
           "[1, 2]", "{}", "b'1'", "True", "2**64", "-0.0", "'  1 '", "object()", "complex(1, 1)"]
    for p in "abghc":
        for v in bad:
            q = dict(dict(a="'2.2'", b="'-3'", g="'1.5'", h="'-2'", c="'0.5'"), **{p: v})
            py("gancert.eval(%s, digits=10)" % ", ".join("%s=%s" % kv for kv in q.items()))
            q = dict(dict(a="2.2", b="-3", g="1.5", h="-2", c="0.5"), **{p: v})
            py("gancert.evaluate(%s)" % ", ".join("%s=%s" % kv for kv in q.items()))
    for d in ["0", "51", "-1", "1e3", "'20'", "2**70", "None", "50"]:
        py("gancert.eval(a='2.2', b='-3', g='1.5', h='-2', c='0.5', digits=%s)" % d)
        py("gancert.reference(a=2.2, b=-3, g=1.5, h=-2, c=0.5, digits=%s)" % d)
    for m in MODELS:
        th = theta(m)
        kw = ", ".join("%s=%s" % kv for kv in th.items())
        py("gancert.eval(model=%r, %s, digits=10)" % (m, kw))
        py("gancert.evaluate(model=%r, %s)" % (m, kw))
        py("gancert.eval(model=%r, %s, digits=10, c=0.5)" % (m, kw))
        py("gancert.player_names(%r)" % m)
    for m in ["''", "'@/dev/zero'", "'data=exp(c=nan)'", "5", "None", "'[' * 100000", "'{\"data\": 1}'"]:
        py("gancert.eval(model=%s, a=1, b=0.5, g=1, h=0, digits=10)" % m)
        py("gancert.player_names(%s)" % m)
    py("gancert.evaluate(2.2, np.linspace(-3, 3, 100000), 1.5, -2, 0.5)", slow=True)
    py("gancert.evaluate(np.array([np.nan, 1.0]), -3, 1.5, -2, 0.5)")
    py("gancert.evaluate(np.zeros((0, 3)), -3, 1.5, -2, 0.5)")
    py("gancert.evaluate(np.ones((2, 3)), np.ones((4,)), 1.5, -2, 0.5)")
    py("gancert.evaluate(np.array(['1', '2']), -3, 1.5, -2, 0.5)")
    py("gancert.evaluate(2.2, -3, 1.5, -2, 0.5, rel_width=float('nan'))")
    py("gancert.evaluate(2.2, -3, 1.5, -2, 0.5, digits=10**9)")
    py("gancert.evaluate(2.2, -3, 1.5, -2, 0.5, exact=True, digits=0)")
    for ref, cand in [("'/dev/zero'", "'/dev/null'"), ("None", "None"), ("5", "'x'"), ("REF", "'/nonexistent'"),
                      ("REF", "REF"), ("REF", "FIX + '/nan_cand.csv'"), ("FIX + '/nul'", "REF")]:
        py("gancert.compare(reference=%s, candidate=%s)" % (ref, cand))
    py("gancert.compare(reference=REF, candidate=REF, rtol=float('nan'))")
    py("gancert.compare(reference=REF, candidate=REF, atol=-1)")
    py("gancert.compare(model=%r, candidate=FIX + '/many_rows.csv', digits=50)" % MODELS[0], slow=True)
    for kw in ["box='b=0:1e308'", "box='b=-inf:inf,h=-inf:inf', claim='no-stationary'", "threads=100000", "threads=-1",
               "threads=2**64", "threads=1.5", "time_limit=float('nan')", "time_limit=-1", "time_limit=float('inf')",
               "time_limit=1e308", "claim='nonsense'", "case='C'", "box=''", "box=None", "out='/dev/full'",
               "out=T + '/c.jsonl', claim='plateau', eps='1e-3', delta='1e-3', level='1'", "eps=float('nan'), claim='plateau'",
               "model='test-cubic', box='x1=-1:1,x2=-1:1'", "model=%r, params='a=1,g=1', box='b=-1:1,h=0:1'" % MODELS[1],
               "claim='extrema', delta='1e-300'", "box='b=1:1.0000000000001,h=0:1'"]:
        py("gancert.certify(%s)" % kw, slow="inf" in kw or "1e308" in kw or "extrema" in kw)
    for kw in ["steps=100000", "steps=100001", "steps=0", "steps=-5", "step_size='1e308'", "step_size=float('nan')",
               "dims=3", "case='Z'", "model=%r, a=1, b=0.5, g=1, h=0.25, steps=100000" % MODELS[1]]:
        py("gancert.trajectory(%s)" % kw, slow="100000" in kw)
        py("gancert.certified_trajectory(%s)" % kw.replace("100000", "2000"), slow="2000" in kw.replace("100000", "2000"))
    py("gancert.certified_trajectory(bits=0)")
    py("gancert.certified_trajectory(bits=2**20)")
    py("gancert.certified_trajectory(bits=65537, steps=2)")
    py("gancert.exact_decimal(float('nan'))")
    py("gancert.exact_decimal(5e-324)")
    # 12. seeded pairs: two options of one command at hostile values at once (no time limit)
    pools = {"eval": [("--a", DECIMALS), ("--b", DECIMALS), ("--g", DECIMALS), ("--c", DECIMALS),
                      ("--digits", DIGITS), ("--arith", ["mpfr", "double", "interval"])],
             "trajectory": [("--steps", ["100000", "1", "2"]), ("--step-size", DECIMALS[:12]),
                            ("--digits", DIGITS), ("--dims", ["2", "4", "3"]), ("--sgd", ["1", "1000"]),
                            ("--runs", ["1", "10000"])],
             "counterexample": [("--c1", DECIMALS[:12]), ("--c2", DECIMALS[:12]), ("--digits", ["1", "30", "100"])]}
    for _ in range(40):
        cmd = rng.choice(sorted(pools))
        args = [cmd] + (flags(paper) if cmd == "eval" else [])
        for opt, vals in rng.sample(pools[cmd], 2):
            if opt in args:
                args[args.index(opt) + 1] = rng.choice(vals)
            else:
                args += [opt, rng.choice(vals)]
        if cmd == "trajectory" and rng.random() < 0.5:
            args.append("--certified")
        add(args, slow=cmd != "eval")
    for i, x in enumerate(out):
        x["id"] = i
    return out


# ------------------------------------------------------------------------------------------ fixtures
def fixtures(d, cert, csv):
    os.makedirs(d, exist_ok=True)

    def w(name, data):
        with open(os.path.join(d, name), "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode())

    ls = [x for x in open(cert).read().split("\n") if x]
    ref = [x for x in open(csv).read().split("\n") if x and not x.startswith("#")]
    head = ref[0]
    w("empty", b"")
    w("nul", b"\0" * 100)
    w("utf16.csv", "\n".join(ref).encode("utf-16"))
    w("utf16.jsonl", "\n".join(ls).encode("utf-16"))
    w("one_col.csv", "b\n1\n2\n")
    w("long_row.csv", head + "\n" + ",".join(["1"] * 200000) + "\n")
    cols = head.split(",")
    row = ref[1].split(",")
    w("nan_cand.csv", head + "\n" + ",".join(v if i < 5 else "nan" for i, v in enumerate(row)) + "\n")
    w("inf_cand.csv", head + "\n" + ",".join(v if i < 5 else "-inf" for i, v in enumerate(row)) + "\n")
    w("dup_rows.csv", head + "\n" + "\n".join([ref[1]] * 3) + "\n")
    w("no_quantity.csv", ",".join(cols[:5]) + "\n" + ",".join(row[:5]) + "\n")
    w("missing_c.csv", ",".join(cols[:4] + cols[5:]) + "\n" + ",".join(row[:4] + row[5:]) + "\n")
    w("header_only.csv", head + "\n")
    w("many_rows.csv", "a,b,g,h,c,J\n" + "".join("1,%d.%d,1,0.5,0.5,1.5\n" % (i % 7, i) for i in range(200000)))
    w("exotic_numbers.csv", "a,b,g,h,c,J\n0x1p3,1,1,0,0.5,1\n\u22121,1,1,0,0.5,1\n1e400,1,1,0,0.5,1\n 1 ,1,1,0,0.5,1\n")
    w("model_cand_ab.csv", "a,b,g,h,J\n1,0.5,1,0.25,1.5\n1e30,0.5,1,0.25,nan\n5e-324,0,1,0,inf\n")
    w("model_cand_lr.csv", "l,r,g,h,J\n0.5,1.5,1,0,1\n1.5,0.5,1,0,1\n")
    w("header_twice.jsonl", "\n".join([ls[0]] + ls) + "\n")
    w("summary_first.jsonl", "\n".join([ls[0], ls[-1]] + ls[1:-1]) + "\n")
    w("leaves_reversed.jsonl", "\n".join([ls[0]] + ls[1:-1][::-1] + [ls[-1]]) + "\n")
    w("no_summary.jsonl", "\n".join(ls[:-1]) + "\n")
    w("huge_index.jsonl", "\n".join([ls[0]] + [re.sub(r'"index":\d+', '"index":18446744073709551616', x) for x in ls[1:]]) + "\n")
    h = json.loads(ls[0])
    h["box"]["hi"] = [str(float(x) + 1) for x in h["box"]["hi"]]
    w("other_box.jsonl", json.dumps(h) + "\n" + "\n".join(ls[1:-1]) + "\n")
    h = json.loads(ls[0])
    h["claim"] = {"kind": "no-stationary"}
    w("other_claim.jsonl", json.dumps(h) + "\n" + "\n".join(ls[1:-1]) + "\n")
    fifo = os.path.join(d, "fifo")
    if not os.path.exists(fifo):
        os.mkfifo(fifo)  # nobody writes it: a reader must not block forever (bounded by the runner)


# ------------------------------------------------------------------------------------------ runner
NAN = re.compile(r'(\[|[,;] ?|"(lo|hi|mid|value)": ?"?|^)-?nan\b', re.I | re.M)
PY_WRAP = r'''
import sys, numpy as np, gancert
REF, FIX, T = sys.argv[1], sys.argv[2], sys.argv[3]
def nan_inside(r, depth=0):
    if depth > 4 or r is None:
        return False
    for k in ("lo", "hi"):
        v = getattr(r, k, None)
        if v is not None:
            try:
                if np.isnan(np.asarray(v, dtype=float)).any():
                    return True
            except (TypeError, ValueError):
                pass
    if isinstance(r, dict):
        return any(nan_inside(v, depth + 1) for v in r.values())
    if isinstance(r, (list, tuple)):
        return any(nan_inside(v, depth + 1) for v in r[:100])
    return False
try:
    r = eval(sys.argv[4])
except (ValueError, TypeError, OSError) as e:  # bad input; a failed write (full disk) is an OSError
    print("raised %s: %s" % (type(e).__name__, e))
    sys.exit(0)
except BaseException as e:
    print("RAISED %s: %s" % (type(e).__name__, e))
    sys.exit(3)
if nan_inside(r):
    print("NaN inside an interval of the result")
    sys.exit(4)
print("returned", type(r).__name__)
'''


def run_line(x, g, src, tmp, bound):
    w = tempfile.mkdtemp(dir=tmp)
    sub = lambda a: a.replace("@T@", w).replace("@CERT@", tmp + "/cert.jsonl").replace(
        "@CSV@", tmp + "/ref.csv").replace("@FIX@", tmp + "/fix")
    env = dict(os.environ, PYTHONPATH=os.path.join(os.path.dirname(g), "python", "package"))
    out_path = os.path.join(tmp, "out-%d" % x["id"])
    t0 = time.time()
    if x["mode"] == "py":
        cmd = ["/usr/bin/python3", "-c", PY_WRAP, tmp + "/ref.csv", tmp + "/fix", w, x["py"]]
    else:
        cmd = [g] + [sub(a) for a in x["args"]]
    stdout = open(out_path, "wb") if x["mode"] in ("run", "py") else None
    if x["mode"] == "full":
        stdout = open("/dev/full", "wb")
    if x["mode"] == "pipe":
        stdout = subprocess.PIPE
    p = subprocess.Popen(cmd, cwd=w, stdin=subprocess.DEVNULL, stdout=stdout, stderr=subprocess.PIPE, env=env,
                         start_new_session=True,
                         preexec_fn=lambda: __import__("resource").setrlimit(
                             __import__("resource").RLIMIT_CORE, (-1, -1)))
    if x["mode"] == "pipe":
        p.stdout.read(1)
        p.stdout.close()
    try:
        _, err = p.communicate(timeout=bound)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, 9)
        _, err = p.communicate()
        rc = "timeout"
    else:
        rc = p.returncode
    secs = time.time() - t0
    if stdout not in (None, subprocess.PIPE):
        stdout.close()
    err = err.decode("utf-8", "replace")
    why = ""
    if rc == "timeout":
        why = "no end within %g s" % bound
    elif rc < 0:
        why = "killed by signal %d" % -rc
    elif rc not in x["codes"]:
        why = "exit %d (want one of %s)" % (rc, x["codes"])
    elif any(n.startswith("core") for n in os.listdir(w)):
        why = "core file"
    else:
        texts = []
        if os.path.exists(out_path):
            texts.append(open(out_path, "rb").read(1 << 24).decode("utf-8", "replace"))
        for root, _, files in os.walk(w):
            for f in files:
                if not f.endswith((".png", ".pdf")):
                    texts.append(open(os.path.join(root, f), "rb").read(1 << 24).decode("utf-8", "replace"))
        if any(NAN.search(t) for t in texts):
            why = "NaN in the output"
        elif rc == 2 and x["mode"] != "py":
            names = [x["name"]] if x.get("name") else [a.split("=")[0] for a in x["args"] if a.startswith("-")]
            plain = [n.lstrip("-") for n in names]
            # the option, or the file or value it was given (a file's message names its path)
            values = [sub(a) for a in x["args"] if len(sub(a)) > 1 and not a.startswith("--")]
            if names and not any(n in err for n in names) and not any(
                    ("--" + n) in err or ("'%s'" % n) in err for n in plain) and not any(v in err for v in values):
                why = "bad input without naming %s" % (names[0] if x.get("name") else "an option")
    if os.path.exists(out_path):
        if why and x["mode"] == "py":
            err = open(out_path).read()[:600] + err
        os.remove(out_path)
    shutil.rmtree(w, ignore_errors=True)
    return {"id": x["id"], "rc": rc, "secs": round(secs, 2), "why": why, "err": err[-600:],
            "what": x.get("py") or " ".join(x["args"])}


def run(g, src, every=1, jobs=2, bound=60.0, report=None):
    g = os.path.abspath(g)
    tmp = tempfile.mkdtemp(prefix="gancert-sweep-")
    try:
        ok = subprocess.run([g, "certify", "--case", "A", "--box", "b=-6:6,h=-6:6", "--claim", "no-saddle", "--quiet",
                             "--threads", "1", "--out", tmp + "/cert.jsonl"], capture_output=True).returncode == 0
        ok = ok and subprocess.run([g, "reference", "--grid", "b=-1:1:3,h=0:1:2", "--fixed", "a=1,g=1,c=0.5",
                                    "--quantities", "J", "--digits", "10", "--out", tmp + "/ref.csv"],
                                   capture_output=True).returncode == 0
        if not ok:
            print("FAIL: the fixtures")
            return 1
        fixtures(tmp + "/fix", tmp + "/cert.jsonl", tmp + "/ref.csv")
        if isinstance(every, str):  # a report of an earlier run: its failed lines again
            again = {r["id"] for r in json.load(open(every))["results"] if r["why"]}
            todo = [x for x in lines(2027) if x["id"] in again]
        else:
            todo = [x for x in lines(2027) if x["id"] % every == 0 and (every == 1 or not x["slow"])]
        with concurrent.futures.ThreadPoolExecutor(jobs) as ex:
            results = list(ex.map(lambda x: run_line(x, g, src, tmp, bound), todo))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    failures = [r for r in results if r["why"]]
    for r in failures:
        print("FAIL: [%s] (%.1f s) %s\n    %s" % (r["why"], r["secs"], r["what"][:400], r["err"].strip()[-400:]))
    slowest = sorted(results, key=lambda r: -r["secs"])[:5]
    print("%d swept invocations run (%d at a time, bound %g s), %d failures; slowest: %s" % (
        len(results), jobs, bound, len(failures), ", ".join("%.1f s" % r["secs"] for r in slowest)))
    if report:
        with open(report, "w") as f:
            json.dump({"invocations": len(results), "failures": len(failures), "jobs": jobs, "bound": bound,
                       "max_seconds": slowest[0]["secs"] if slowest else 0, "results": results}, f, indent=1)
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "lines":
        for x in lines(int(sys.argv[2]) if len(sys.argv) > 2 else 2027):
            print(json.dumps(x))
    elif len(sys.argv) >= 4 and sys.argv[1] == "run":
        a = sys.argv[2:]
        sys.exit(run(a[0], a[1], (int(a[2]) if a[2].isdigit() else a[2]) if len(a) > 2 else 1, int(a[3]) if len(a) > 3 else 2,
                     float(a[4]) if len(a) > 4 else 60.0, a[5] if len(a) > 5 else None))
    else:
        sys.exit(__doc__)
