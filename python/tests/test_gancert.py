"""pytest for the gancert Python bindings (run from ctest: python:pytest).

The bindings must agree with the CLI (`gancert eval --json`) to the last printed digit, the
floats must be rounded outward from the printed enclosures, bad input raises ValueError naming
the argument, and the NumPy example must agree with gancert's enclosures.
"""
import json
import os
import subprocess
import sys
from fractions import Fraction

import pytest

import gancert

CLI = os.environ.get("GANCERT_CLI", "gancert")
SRC = os.environ.get("GANCERT_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))

POINTS = [
    ("2.2", "-3", "1.5", "-2", "0.5"),  # case A of the paper
    ("1.21", "-1", "0.35", "-4", "4.04"),
    ("-0.7", "0.25", "0", "1e-1", "3"),  # g = 0 and a < 0
]


def cli_eval(p, digits, arith):
    args = [CLI, "eval", "--json", "--digits", str(digits), "--arith", arith]
    for k, v in zip("abghc", p):
        args += ["--" + k, v]
    return json.loads(subprocess.run(args, check=True, capture_output=True, text=True).stdout)


def strip_floats(x):
    """The binding's result without the float fields: exactly the JSON structure."""
    if isinstance(x, dict):
        return {k: strip_floats(v) for k, v in x.items() if k not in ("lo_float", "hi_float", "float")}
    if isinstance(x, list):
        return [strip_floats(v) for v in x]
    return x


def quantities(r):
    yield "J1", r["J1"]
    yield "J2", r["J2"]
    yield "J", r["J"]
    for i, g in enumerate(r["grad"]):
        yield "grad[%d]" % i, g
    for i, row in enumerate(r["hess"]):
        for k, h in enumerate(row):
            yield "hess[%d][%d]" % (i, k), h


@pytest.mark.parametrize("p", POINTS)
@pytest.mark.parametrize("digits", [17, 40])
def test_interval_agrees_with_cli_to_the_last_digit(p, digits):
    ours = gancert.eval(*p, digits=digits)
    theirs = cli_eval(p, digits, "interval")
    assert strip_floats(ours) == theirs


@pytest.mark.parametrize("arith", ["mpfr", "double"])
def test_approximations_agree_with_cli(arith):
    ours = gancert.eval(*POINTS[0], digits=25, arith=arith)
    assert strip_floats(ours) == cli_eval(POINTS[0], 25, arith)
    for name, q in quantities(ours):
        assert float(q["value"]) == pytest.approx(q["float"], rel=1e-15), name


@pytest.mark.parametrize("p", POINTS)
def test_floats_are_rounded_outward(p):
    r = gancert.eval(*p, digits=20)
    assert r["model"] == "R/S/E/E" and r["arith"] == "interval"
    assert r["params"] == dict(zip("abghc", p))
    for name, q in quantities(r):
        lo, hi = Fraction(q["lo"]), Fraction(q["hi"])
        assert lo <= hi, name
        # floats are outward of the enclosure's endpoints, which the decimal strings enclose
        # too; both contain the exact value. Float lo <= every point of [lo, hi] is all we can
        # check from outside: the float bounds must not cut into the printed enclosure by more
        # than the printing's own outward rounding (one unit in the last printed digit).
        assert Fraction(q["lo_float"]) <= hi and Fraction(q["hi_float"]) >= lo, name
        assert q["lo_float"] <= q["hi_float"], name
        # and they are tight: within a few ulps of the decimal bounds
        assert abs(q["lo_float"] - float(q["lo"])) <= 4 * abs(float(q["lo"])) * 2**-52 + 1e-300, name
        assert abs(q["hi_float"] - float(q["hi"])) <= 4 * abs(float(q["hi"])) * 2**-52 + 1e-300, name
    # the symmetric Hessian is returned in full
    for i in range(4):
        for k in range(4):
            assert r["hess"][i][k] == r["hess"][k][i]


NAMES = ["J1", "J2", "J", "g_a", "g_b", "g_g", "g_h", "H_aa", "H_ab", "H_ag", "H_ah", "H_bb", "H_bg",
         "H_bh", "H_gg", "H_gh", "H_hh"]
UPPER = [(0, 0), (0, 1), (0, 2), (0, 3), (1, 1), (1, 2), (1, 3), (2, 2), (2, 3), (3, 3)]


@pytest.mark.parametrize("row_id", ["A", "B"])
def test_floats_enclose_the_independent_reference_value(row_id):
    # rows of the mpmath table (>= 40 correct digits): the float bounds and the decimal
    # bounds must bracket every one of the 17 values exactly
    rows = [l for l in open(os.path.join(SRC, "tests", "data", "rsee_reference_40.csv")) if not l.startswith("#")]
    head = rows[0].strip().split(",")
    row = next(dict(zip(head, l.strip().split(","))) for l in rows[1:] if l.startswith(row_id + ","))
    r = gancert.eval(*(row[k] for k in "abghc"), digits=15)
    ours = [r["J1"], r["J2"], r["J"]] + r["grad"] + [r["hess"][i][k] for i, k in UPPER]
    for name, q in zip(NAMES, ours):
        t = Fraction(row[name])
        slack = abs(t) * Fraction(10) ** (1 - int(row["digits"]))  # the table's own uncertainty
        assert Fraction(q["lo_float"]) <= t <= Fraction(q["hi_float"]), name
        assert Fraction(q["lo"]) - slack <= t <= Fraction(q["hi"]) + slack, name


def test_reference_binding_matches_cli(tmp_path):
    p = POINTS[1]
    ours = gancert.reference(*p, digits=22, quantities="cost,g_h")
    out = subprocess.run([CLI, "reference", "--grid", "c=%s:%s:1" % (p[4], p[4]), "--fixed",
                          "a=%s,b=%s,g=%s,h=%s" % p[:4], "--digits", "22", "--quantities", "cost,g_h"],
                         check=True, capture_output=True, text=True).stdout.splitlines()
    assert out[0] == "# gancert %s reference table" % gancert.__version__
    head, row = out[1].split(","), out[2].split(",")
    cli = dict(zip(head, row))
    assert list(ours) == ["J1", "J2", "J", "g_h"]
    for name, v in ours.items():
        assert (v["mid"], v["lo"], v["hi"]) == (cli[name], cli[name + "_lo"], cli[name + "_hi"])
        assert Fraction(v["lo_float"]) <= Fraction(v["lo"]) and Fraction(v["hi_float"]) >= Fraction(v["hi"])


def test_float_parameters_mean_their_shortest_repr():
    r = gancert.eval(2.2, -3, 1.5, -2, 0.5, digits=15)
    assert r["params"] == {"a": "2.2", "b": "-3", "g": "1.5", "h": "-2", "c": "0.5"}
    assert strip_floats(r) == strip_floats(gancert.eval(*POINTS[0], digits=15))


@pytest.mark.parametrize("args, kwargs, needle", [
    (("2.2", "-3", "1.5", "-2", "-0.5"), {}, "c"),
    (("2.2", "-3", "-1", "-2", "0.5"), {}, "g"),
    (("2.2x", "-3", "1.5", "-2", "0.5"), {}, "a"),
    (("2.2", "-3", "1.5", "-2", "0.5"), {"digits": 0}, "digits"),
    (("2.2", "-3", "1.5", "-2", "0.5"), {"arith": "quad"}, "arith"),
])
def test_bad_input_raises_value_error_naming_the_argument(args, kwargs, needle):
    with pytest.raises(ValueError, match=needle):
        gancert.eval(*args, **kwargs)


def test_reference_bad_quantity():
    with pytest.raises(ValueError, match="H_xy"):
        gancert.reference(*POINTS[0], quantities="J,H_xy")


def test_numpy_example_agrees_with_gancert():
    example = os.path.join(SRC, "python", "examples", "check_numpy.py")
    r = subprocess.run([sys.executable, example], capture_output=True, text=True, env=dict(os.environ))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "agree" in r.stdout


def test_trajectory_binding_matches_cli_csv(tmp_path):
    csv_path = tmp_path / "t.csv"
    subprocess.run([CLI, "trajectory", "--case", "B", "--dims", "2", "--steps", "6", "--csv", str(csv_path)],
                   check=True, capture_output=True, text=True)
    lines = csv_path.read_text().splitlines()
    head = lines[0].split(",")
    ours = gancert.trajectory(case="B", dims=2, steps=6, step_size="0.4")
    assert len(ours) == len(lines) - 1 == 6
    for line, it in zip(lines[1:], ours):
        row = dict(zip(head, line.split(",")))
        assert set(it) == set(head)
        for name in head:  # %.17g round-trips: identical doubles
            assert float(row[name]) == it[name], (row["k"], name)
    # in 2-D only b and h move
    assert all(it["a"] == ours[0]["a"] and it["g"] == ours[0]["g"] for it in ours)
    with pytest.raises(ValueError, match="step"):
        gancert.trajectory(step_size="-1")


def test_certify_binding_matches_cli_verdict():
    box = "b=-6:-5,h=-1:1"
    ours = gancert.certify(case="A", box=box, claim="no-saddle")
    out = subprocess.run([CLI, "certify", "--case", "A", "--box", box, "--claim", "no-saddle", "--no-progress",
                          "--threads", "2"], check=True, capture_output=True, text=True).stdout
    assert ours["verdict"] == out.strip().splitlines()[-1]
    assert ours["verdict"].startswith(ours["status"])
    assert isinstance(ours["leaves"], int) and ours["leaves"] >= 64
    with pytest.raises(ValueError, match="box"):
        gancert.certify(box="b=-6")


# Extreme but valid points (an MPFR precision assertion or minutes of computation before):
# finite enclosures that contain independent limits. J1 does not depend on g (case A's mpmath
# J1, 27 digits); a -> 0 gives J1 -> D(b)^2 with D(-3) = erfc(3)/2; b = 1e10 saturates D.
@pytest.mark.parametrize("p, j1", [
    (("2.2", "-3", "1e10", "-2", "0.5"), Fraction("0.465922211468331744468596999")),
    (("4.9e-324", "-3", "1.5", "-2", "0.5"), None),
    (("2.2", "1e10", "1.5", "0.5", "0.5"), Fraction(1)),
])
def test_extreme_points_give_finite_enclosures(p, j1):
    import math
    r = gancert.eval(*p, digits=20)
    for name, q in quantities(r):
        assert math.isfinite(q["lo_float"]) and math.isfinite(q["hi_float"]), name
        assert q["lo_float"] <= q["hi_float"], name
    lo, hi = Fraction(r["J1"]["lo"]), Fraction(r["J1"]["hi"])
    if j1 is None:
        d = Fraction(math.erfc(3) / 2)
        j1, slack = d * d, d * d * Fraction(1, 10**14)
    else:
        slack = Fraction(1, 10**20)
    assert lo - slack <= j1 <= hi + slack


# Resource limits (issue 15, docs/limits.md): a request above a limit raises ValueError naming the
# Python argument before any work, never an abort of the interpreter or a hang.
@pytest.mark.parametrize("call, needle", [
    (lambda: gancert.certify(case="A", box="b=-6:6,h=-6:6", threads=100000), "threads"),
    (lambda: gancert._gancert.verify(os.path.join(SRC, "proofs", "certificates", "no-saddle-A-2d.jsonl"),
                                     threads=100000), "threads"),
    (lambda: gancert.eval(2.2, -3, 1.5, -2, 0.5, digits=101), "digits"),
    (lambda: gancert.reference(2.2, -3, 1.5, -2, 0.5, digits=101), "digits"),
    (lambda: gancert.trajectory(steps=100001), "steps"),
])
def test_limits_raise_value_error_naming_the_argument(call, needle):
    with pytest.raises(ValueError, match=needle):
        call()


def test_certify_write_failure_is_an_os_error():
    # a full disk is not bad input: OSError naming the file, never RuntimeError or a crash
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    with pytest.raises(OSError, match="/dev/full"):
        gancert.certify(case="A", box="b=-6:-5,h=-1:1", claim="no-saddle", out="/dev/full")


def test_certify_time_limit_bounds_a_long_run():
    # a valid box the certifier cannot finish (the band a -> 0, b -> -inf of issue 10; it was
    # b=0:1e308, proved in about a second since lemmas S13-S19): the budget ends it
    r = gancert.certify(case="A", box="a=0:inf,b=-inf:inf", claim="no-stationary", time_limit=2)
    assert r.status == "incomplete"
    with pytest.raises(ValueError, match="time_limit"):
        gancert.certify(time_limit=-1)
