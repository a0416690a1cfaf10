#!/usr/bin/env python3
"""Held-out hostile gancert invocations (issue 15, acceptance): about 300 invocations none of
which is in invocations.txt or made by generate_invocations.py, across every command: model
specs of the family (`eval --model`, `reference --model`) that are malformed, deep, huge, from
odd files or with NaN/inf/out-of-domain parameters, the players' parameters of valid models at
hostile values, unbounded and extreme certification boxes without a time limit, `surface` with
its certifier, odd certificate and CSV files, and the command line itself.

usage: heldout_invocations.py lines SEED        the invocations (format of invocations.txt,
                                                placeholders @T@ @CERT@ @CSV@ and @FIX@)
       heldout_invocations.py fixtures DIR CERT  writes the files @FIX@ names into DIR (CERT: a
                                                valid certificate to derive odd ones from)

Every line must end within the runner's bound (60 s) by exit 0/1/2 (or the statuses its mode
requires), without a signal or core file, and with no NaN in any output.
"""
import json
import os
import random
import shlex
import sys

HOSTILE_NUMBERS = ["nan", "-nan", "NaN", "inf", "-inf", "+inf", "1e400", "-1e400", "1e-400", "",
                   "1e999999999", "-1e-999999999", "0x1p3", "1,5", "1..2", "--1", "1e", ".", "-",
                   "9" * 2000, "0." + "0" * 3000 + "1", "1e308", "-1e308", "1e30", "-0"]

VALID_MODELS = [
    "data=exp(c=0.5) latent=rayleigh gen=square disc=erf cost=ls",
    "data=gaussian(mu=1,sigma=0.5) latent=gaussian gen=affine disc=logistic cost=log",
    "data=mixture(w=0.3,mu1=-1,s1=0.5,mu2=2,s2=1) latent=uniform gen=affine disc=erf cost=nonsat",
    "data=exp(c=2) latent=uniform gen=square disc=indicator cost=ls",
    '{"data": {"kind": "gaussian", "mu": 0.30000000000000001, "sigma": 1e-1}, "latent": "rayleigh",'
    ' "gen": "affine", "disc": "erf", "cost": "ls"}',
]

BAD_MODELS = [
    "", " ", "\t", "data=exp(c=0.5)", "data=exp(c=nan) latent=rayleigh gen=square disc=erf cost=ls",
    "data=exp(c=inf) latent=rayleigh gen=square disc=erf cost=ls",
    "data=exp(c=-inf) latent=rayleigh gen=square disc=erf cost=ls",
    "data=exp(c=1e999999999) latent=rayleigh gen=square disc=erf cost=ls",
    "data=exp(c=-1e-999999999) latent=rayleigh gen=square disc=erf cost=ls",
    "data=exp(c=0) latent=rayleigh gen=square disc=erf cost=ls",
    "data=exp(c=-0) latent=rayleigh gen=square disc=erf cost=ls",
    "data=exp(c=0x10) latent=rayleigh gen=square disc=erf cost=ls",
    "data=exp(c=) latent=rayleigh gen=square disc=erf cost=ls",
    "data=exp(c) latent=rayleigh gen=square disc=erf cost=ls",
    "data=exp(c=0.5 latent=rayleigh gen=square disc=erf cost=ls",
    "data=exp((c=0.5)) latent=rayleigh gen=square disc=erf cost=ls",
    "data=exp(c=0.5)) latent=rayleigh gen=square disc=erf cost=ls",
    "data=exp(c=0.5,c=0.5) latent=rayleigh gen=square disc=erf cost=ls",
    "data=exp(c=0.5,x=1) latent=rayleigh gen=square disc=erf cost=ls",
    "data=exp(c=0.5) data=exp(c=1) latent=rayleigh gen=square disc=erf cost=ls",
    "data=exp(c=0.5) latent=rayleigh(mu=1) gen=square disc=erf cost=ls",
    "data=mixture(w=1,mu1=0,s1=1,mu2=1,s2=1) latent=rayleigh gen=square disc=erf cost=ls",
    "data=mixture(w=0,mu1=0,s1=1,mu2=1,s2=1) latent=rayleigh gen=square disc=erf cost=ls",
    "data=mixture(w=0.5,mu1=0,s1=0,mu2=1,s2=1) latent=rayleigh gen=square disc=erf cost=ls",
    "data=gaussian(mu=inf,sigma=1) latent=rayleigh gen=square disc=erf cost=ls",
    "data=gaussian(mu=0,sigma=-1) latent=rayleigh gen=square disc=erf cost=ls",
    "data=gaussian(mu=0,sigma=1) latent=gaussian(sigma=0) gen=square disc=erf cost=ls",
    "data=exp(c=0.5) latent=rayleigh gen=square disc=indicator cost=log",
    "data=exp(c=0.5) latent=rayleigh gen=cube disc=erf cost=ls",
    "DATA=exp(c=0.5) latent=rayleigh gen=square disc=erf cost=ls",
    "data=exp(c=0.5) latent=rayleigh gen=square disc=erf cost=ls extra=1",
    "data=exp(c=0.5)latent=rayleigh gen=square disc=erf cost=ls",
    "=exp(c=0.5) latent=rayleigh gen=square disc=erf cost=ls",
    "data=exp(c=0.5) latent=rayleigh gen=square disc=erf cost=ls " + "(" * 5000,
    "data=exp(c=" + "9" * 5000 + ") latent=rayleigh gen=square disc=erf cost=ls",
    "data=exp(c=0." + "0" * 5000 + "1) latent=rayleigh gen=square disc=erf cost=ls",
    "data=exp(c=0.5) latent=rayleigh gen=square disc=erf cost=ls\u00e9",
    "{", "}", "[1,2]", "null", "{}", '{"data": 1}', '{"data": null}', '{"data": [["exp"]]}',
    '{"data": {"kind": "exp", "c": 1e400}, "latent": "rayleigh", "gen": "square", "disc": "erf", "cost": "ls"}',
    '{"data": {"kind": "exp", "c": -1e-400}, "latent": "rayleigh", "gen": "square", "disc": "erf", "cost": "ls"}',
    '{"data": {"kind": "exp", "c": true}, "latent": "rayleigh", "gen": "square", "disc": "erf", "cost": "ls"}',
    '{"data": {"kind": "exp", "c": "0.5", "c": "1"}, "latent": "rayleigh", "gen": "square", "disc": "erf", "cost": "ls"}',
    '{"data": {"kind": 5, "c": "0.5"}, "latent": "rayleigh", "gen": "square", "disc": "erf", "cost": "ls"}',
    '{"data": {"c": "0.5"}, "latent": "rayleigh", "gen": "square", "disc": "erf", "cost": "ls"}',
    '{"data": "exp(c=0.5)", "latent": "rayleigh", "gen": "square", "disc": "erf", "cost": "ls", "x": 1}',
    '{"data": "exp(c=0.5)", "latent": {"kind": "rayleigh", "mu": [[[[[[[[[[1]]]]]]]]]]}, "gen": "square", "disc": "erf", "cost": "ls"}',
    '{"data": "exp(c=0.5\\u0000)", "latent": "rayleigh", "gen": "square", "disc": "erf", "cost": "ls"}',
    '{"data": "exp(c=0.5)", "latent": "rayleigh", "gen": "square", "disc": "erf", "cost": "ls"} trailing',
    "[" * 20000, "{\"a\":" * 10000,
    "@/dev/zero", "@/dev/full", "@/dev/null", "@/nonexistent/spec", "@", "@@T@", "@/proc/self/mem",
    "@@FIX@/deep.json", "@@FIX@/big.txt", "@@FIX@/nul.txt", "@@FIX@/bom.txt", "@@FIX@/recursive.txt",
]

GOOD_FILE_MODELS = ["@@FIX@/spec.json", "@@FIX@/spec.txt",
                    "data=mixture(w=0.99999999999999999999999999999999999,mu1=0,s1=1,mu2=1,s2=1) latent=rayleigh "
                    "gen=square disc=erf cost=ls"]


def players_of(model):
    return ["l", "r", "g", "h"] if "indicator" in model else ["a", "b", "g", "h"]


def valid_theta(model):
    return {"l": "0.5", "r": "1", "g": "1", "h": "0"} if "indicator" in model else \
        {"a": "1", "b": "0.5", "g": "1", "h": "0"}


def eval_args(model, theta, digits="10"):
    args = ["eval", "--model", model]
    for k, v in theta.items():
        args += ["--" + k, v]
    return args + ["--digits", digits]


def reference_args(model, digits="8"):
    th = valid_theta(model)
    names = list(th)
    grid = "%s=2:3:2" % names[1]
    fixed = ",".join("%s=%s" % (k, th[k]) for k in names if k != names[1])
    return ["reference", "--model", model, "--grid", grid, "--fixed", fixed, "--digits", digits, "--quantities", "J"]


def lines(seed):
    rng = random.Random(seed)
    out = []
    add = lambda mode, args: out.append(mode + " " + " ".join(shlex.quote(a) for a in args))

    # 1. malformed, deep, huge and odd-file model specs: eval and reference (exit 2, or 1 for a
    #    file that cannot be read)
    for m in BAD_MODELS:
        add("run:1,2", eval_args(m, valid_theta(m)))
    for m in rng.sample(BAD_MODELS, 30):
        add("run:1,2", reference_args(m))
    for m in GOOD_FILE_MODELS:
        add("run:0", eval_args(m, valid_theta("")))
        add("run:0", reference_args(m))
    # 2. valid models, hostile players' parameters (and players that are not the model's)
    for _ in range(60):
        m = rng.choice(VALID_MODELS)
        th = valid_theta(m)
        th[rng.choice(players_of(m))] = rng.choice(HOSTILE_NUMBERS)
        add("run", eval_args(m, th, rng.choice(["5", "20"])))
    for m in VALID_MODELS:
        add("run", eval_args(m, valid_theta(m)))
        th = valid_theta(m)
        th["c"] = "0.5"  # a fixed parameter given as a player
        add("run:2", eval_args(m, th))
        th = valid_theta(m)
        del th[players_of(m)[rng.randrange(4)]]
        add("run:2", eval_args(m, th))
        add("run:2", eval_args(m, valid_theta(m), rng.choice(["0", "101", "-1", "nan", "1e3"])))
        add("run", eval_args(m, valid_theta(m)) + ["--arith", rng.choice(["mpfr", "double", "ball", ""])])
        add("run", eval_args(m, valid_theta(m)) + ["--json"])
        add("full:1", eval_args(m, valid_theta(m)))
    # 3. reference --model: hostile grids and fixed parameters
    for m in VALID_MODELS[:4]:
        names = players_of(m)
        for grid in ["%s=1:1:1" % names[0], "%s=nan:1:2" % names[1], "%s=0:1:0" % names[1],
                     "%s=-1e400:1:2" % names[1], "%s=0:1:2,%s=0:1:2" % (names[1], names[1]), "c=0:1:2"]:
            th = valid_theta(m)
            fixed = ",".join("%s=%s" % (k, th[k]) for k in names if k + "=" not in grid)
            add("run", ["reference", "--model", m, "--grid", grid, "--fixed", fixed, "--digits", "6",
                        "--quantities", "J"])
        add("run:2", ["reference", "--model", m, "--points", "@CSV@", "--digits", "6"])
        add("run:1", reference_args(m) + ["--out", "/dev/full"])
        add("pipe", reference_args(m) + ["--format", "json"])
    # 4. eval without --model: parameters of the family given, extreme R/S/E/E points
    for extra in [["--l", "0"], ["--r", "1"], ["--model", ""]]:
        add("run", ["eval", "--a", "1", "--b", "2", "--g", "1", "--h", "0", "--c", "0.5"] + extra)
    for _ in range(20):
        p = {"a": "2.2", "b": "-3", "g": "1.5", "h": "-2", "c": "0.5"}
        p[rng.choice(sorted(p))] = rng.choice(HOSTILE_NUMBERS + ["1e-300", "5e-324", "1e300"])
        args = ["eval"]
        for k, v in p.items():
            args += ["--" + k, v]
        add("run", args + ["--digits", "10", "--arith", rng.choice(["interval", "mpfr", "double"])])
    # 5. certify and atlas: extreme and unbounded boxes WITHOUT a time limit (a default budget
    #    or lemma leaves must end them), test models, resume mismatches
    for box in ["b=0:1e308", "b=-1e308:0", "b=0:1e308,h=-6:6", "b=-1e308:1e308,h=-1e308:1e308",
                "h=0:1e308", "b=1e300:1e308", "b=-1e-320:1e-320,h=0:1"]:
        add("run", ["certify", "--case", "A", "--box", box, "--claim", "no-saddle", "--quiet",
                    "--out", "@T@/c.jsonl"])
    for box in ["a=-inf:inf,b=-inf:inf,g=0:inf,h=-inf:inf", "a=0:inf,b=-inf:inf", "a=-inf:0,b=0:1e308"]:
        for claim in ["no-stationary", "no-saddle"]:
            add("run", ["certify", "--case", "B", "--box", box, "--claim", claim, "--quiet",
                        "--time-limit", "20", "--out", "@T@/c.jsonl"])
    for claim, extra in [("plateau", ["--eps", "1e-3", "--delta", "1e-3"]), ("extrema", ["--delta", "1e-3"])]:
        add("run", ["certify", "--case", "A", "--box", "b=0:1e308,h=-6:6", "--claim", claim, "--quiet",
                    "--time-limit", "10", "--out", "@T@/c.jsonl"] + extra)
    for model in ["test-cubic", "test-degenerate", "rsee", "RSEE", "test-", "data=exp(c=0.5)"]:
        add("run", ["certify", "--model", model, "--box", "x1=-1:1,x2=-1:1", "--claim", "no-stationary",
                    "--quiet", "--time-limit", "10", "--out", "@T@/c.jsonl"])
    for params in ["a=1e300,g=1,c=0.5", "a=1,g=1e-300,c=0.5", "a=1,g=0,c=0.5", "a=1,g=1,c=1e-300",
                   "a=1,g=1,c=1e300", "a=-1,g=1,c=0.5", "a=1,g=1,c=0.5,x=1", "a=1 ,g=1,c=0.5"]:
        add("run", ["certify", "--params", params, "--box", "b=-6:6,h=-6:6", "--claim", "no-saddle",
                    "--quiet", "--time-limit", "10", "--out", "@T@/c.jsonl"])
    add("run:2", ["certify", "--case", "A", "--box", "b=-5:5,h=-6:6", "--claim", "no-saddle", "--quiet",
                  "--resume", "--out", "@FIX@/resume.jsonl"])
    add("run", ["certify", "--case", "A", "--box", "b=-6:6,h=-6:6", "--claim", "no-saddle", "--quiet",
                "--resume", "--out", "@FIX@/bad_resume.jsonl"])
    add("run", ["certify", "--case", "A", "--box", "b=-6:6,h=-6:6", "--claim", "no-saddle", "--quiet",
                "--resume", "--out", "@FIX@/csv_nan.csv"])
    for box in ["a=0.5:4,b=0:1e308", "a=-inf:inf,b=-inf:inf", "a=0:0,b=0:1", "a=0.5:4"]:
        add("run", ["atlas", "--case", "A", "--box", box, "--quiet", "--time-limit", "10",
                    "--initial-boxes", "4", "--out", "@T@/a.jsonl"])
    add("run:1,2", ["atlas", "--case", "A", "--box", "a=0.5:4,b=-6:6", "--quiet", "--time-limit", "5",
                    "--out", "@T@/a.jsonl", "--figure", "/dev/full"])
    add("run", ["atlas", "--case", "A", "--box", "a=0.5:4,b=-6:6,g=1:2,h=-1:1", "--quiet", "--time-limit", "5",
                "--slice", "g=nan,h=0", "--out", "@T@/a.jsonl"])
    add("run", ["atlas", "--case", "A", "--box", "a=0.5:4,b=-6:6,g=1:2,h=-1:1", "--quiet", "--time-limit", "5",
                "--slice", "g=5,h=0", "--out", "@T@/a.jsonl"])
    # 6. verify: odd certificate files
    for f in ["nul.txt", "cert_crlf.jsonl", "cert_bom.jsonl", "cert_twice.jsonl", "header_only.jsonl",
              "summary_only.jsonl", "csv_nan.csv", "array.json", "long_line.jsonl", "deep_leaf.jsonl",
              "no_newline.jsonl", "spaces.jsonl", "big.txt", "bad_resume.jsonl"]:
        add("run", ["verify", "@FIX@/" + f, "--threads", "1"])
        add("run", ["verify", "@FIX@/" + f, "--independent", "--threads", "1"])
    for v in ["0", "1", "53", "54"]:
        add("run", ["verify", "@CERT@", "--bits", v, "--threads", "1"])
    add("run", ["verify", "@CERT@", "@CERT@"])
    add("run", ["verify", "/proc/self/mem"])
    add("run", ["verify", "/dev/stdin"])
    # 7. surface WITH its certifier (budgeted, no --no-certify): huge boxes, full devices
    for box in ["b=0:1e308,h=-6:6", "b=-1e308:1e308,h=-1e308:1e308", "a=-1:1,b=-6:6", "g=0:1e-300,h=0:1",
                "a=0:0,b=0:1", "b=-6:6,h=-6:6"]:
        add("run", ["surface", "--case", "A", "--box", box, "--grid", "6", "--threads", "1",
                    "--plot", "@T@/s.png"])
    add("run:1", ["surface", "--case", "A", "--box", "b=-6:6,h=-6:6", "--grid", "6", "--csv", "/dev/full",
                  "--plot", "@T@/s.png"])
    add("run:1", ["surface", "--case", "A", "--box", "b=-6:6,h=-6:6", "--grid", "6", "--plot", "/dev/full"])
    add("run:1,2", ["surface", "--case", "B", "--box", "b=-6:6,h=-6:6", "--grid", "6", "--plot", "@T@"])
    add("full:1", ["surface", "--case", "B", "--box", "b=-6:6,h=-6:6", "--grid", "6", "--plot", "@T@/s.png"])
    add("run:2", ["surface", "--box", "b=-6:6,h=-6:6", "--plot", "@T@/s.png", "--threads", "0"])
    # 8. trajectory, counterexample
    for start in ["nan,0,1,0,0.5", "inf,-inf,1,0,0.5", "1e400,0,1,0,0.5", "1,2,3,4", "1,2,3,4,5,6", "",
                  "2.2,-3,1.5,-2,0", "2.2,-3,-1.5,-2,0.5", "2.2,-3,1.5,-2,1e-300"]:
        add("run", ["trajectory", "--start", start, "--steps", "5"])
        add("run", ["trajectory", "--start", start, "--steps", "3", "--certified", "--digits", "10"])
    add("run:1", ["trajectory", "--steps", "5", "--plot", "/dev/full"])
    add("run:1,2", ["trajectory", "--steps", "5", "--plot", "@T@"])
    add("run", ["trajectory", "--steps", "5", "--sgd", "0"])
    add("run", ["trajectory", "--steps", "5", "--dims", "4", "--certified", "--step-size", "1e-300"])
    for opt in ["--c1", "--c2", "--c"]:
        for v in ["nan", "inf", "1e400", "1e-400", "0", "-1", "1e300", "1e-300", "9" * 2000]:
            add("run", ["counterexample", opt, v, "--digits", "6"])
    # 9. compare and reference --points: odd CSV files
    for f in ["csv_nan.csv", "csv_inf.csv", "csv_wide.csv", "csv_cr.csv", "csv_bom.csv", "csv_header.csv",
              "csv_quotes.csv", "csv_huge_number.csv", "nul.txt", "csv_ragged.csv"]:
        add("run", ["compare", "--reference", "@CSV@", "--candidate", "@FIX@/" + f])
        add("run", ["compare", "--reference", "@FIX@/" + f, "--candidate", "@CSV@"])
        add("run", ["reference", "--points", "@FIX@/" + f, "--fixed", "g=1,c=0.5", "--digits", "6",
                    "--quantities", "J"])
    for opt, v in [("--rtol", "nan"), ("--rtol", "-1"), ("--atol", "inf"), ("--atol", "-0"),
                   ("--tolerance-digits", "100000"), ("--max-failures", "-1")]:
        add("run", ["compare", "--reference", "@CSV@", "--candidate", "@CSV@", opt, v])
    # 10. the command line itself
    for args in [[], ["nonsense"], ["--version"], ["--help"], ["eval", "--help"], ["certify", "--help"],
                 ["eval", "--a"], ["eval", "--digits=5", "--a", "1", "--b", "2", "--g", "1", "--h", "0", "--c", "0.5"],
                 ["eval", "--digits", "5", "--digits", "6", "--a", "1", "--b", "2", "--g", "1", "--h", "0", "--c", "0.5"],
                 ["--", "eval"], ["eval", "--\u00e9", "1"], ["verify"], ["certify"], ["surface"], ["atlas"],
                 ["eval", "--a", "1", "--b", "2", "--g", "1", "--h", "0", "--c", "0.5", "extra-positional"]]:
        add("run", args)
    return out


def fixtures(d, cert):
    os.makedirs(d, exist_ok=True)
    w = lambda name, data: open(os.path.join(d, name), "wb").write(data if isinstance(data, bytes) else data.encode())
    lines_ = [x for x in open(cert).read().split("\n") if x]
    spec = VALID_MODELS[0]
    w("spec.txt", spec + "\n")
    w("spec.json", json.dumps({"data": {"kind": "exp", "c": "0.5"}, "latent": "rayleigh", "gen": "square",
                               "disc": "erf", "cost": "ls"}))
    w("deep.json", "[" * 1000000)
    w("big.txt", spec + " " * (2 << 20))
    w("nul.txt", b"\0" * 4096)
    w("bom.txt", b"\xef\xbb\xbf" + spec.encode())
    w("recursive.txt", "@" + os.path.join(d, "recursive.txt"))
    w("cert_crlf.jsonl", "\r\n".join(lines_) + "\r\n")
    w("cert_bom.jsonl", b"\xef\xbb\xbf" + "\n".join(lines_).encode() + b"\n")
    w("cert_twice.jsonl", "\n".join(lines_ + lines_) + "\n")
    w("header_only.jsonl", lines_[0] + "\n")
    w("summary_only.jsonl", lines_[-1] + "\n")
    w("array.json", "[" + ",".join(lines_) + "]\n")
    w("long_line.jsonl", lines_[0] + "\n" + '{"index":1,"box":"' + "x" * (8 << 20) + '"}\n')
    w("deep_leaf.jsonl", lines_[0] + "\n" + "[" * 60 + "]" * 60 + "\n" + lines_[-1] + "\n")
    w("no_newline.jsonl", "\n".join(lines_))
    w("spaces.jsonl", " " * (1 << 20))
    w("resume.jsonl", "\n".join(lines_[:-1]) + "\n")  # a valid checkpoint of the fixture's box
    w("bad_resume.jsonl", lines_[0] + "\n" + '{"index": "x"}\n')
    w("csv_nan.csv", "a,b,g,h,c,J,J_lo,J_hi\n1,-1,1,0,0.5,nan,nan,nan\n")
    w("csv_inf.csv", "a,b,g,h,c,J,J_lo,J_hi\n1,-1,1,0,0.5,inf,-inf,inf\n")
    w("csv_wide.csv", ",".join("x%d" % i for i in range(100000)) + "\n")
    w("csv_cr.csv", "a,b,g,h,c,J,J_lo,J_hi\r1,-1,1,0,0.5,1,0,2\r")
    w("csv_bom.csv", b"\xef\xbb\xbfb,h\n1,0\n")
    w("csv_header.csv", "b,h\n")
    w("csv_quotes.csv", 'b,h\n"1","0"\n""1"",0\n')
    w("csv_huge_number.csv", "b,h\n" + "9" * 100000 + ",0\n1e999999999,0\n")
    w("csv_ragged.csv", "b,h\n1\n1,2,3\n")


if __name__ == "__main__":
    if sys.argv[1] == "lines":
        print("\n".join(lines(int(sys.argv[2]))))
    elif sys.argv[1] == "fixtures":
        fixtures(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
