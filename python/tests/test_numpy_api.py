"""pytest for the numpy-first API (gancert.evaluate, compare, Certificate, certified
trajectories) and gancert.testing. Independent checks: mpmath quadrature at the exact double
points, held-out candidates built from Python floats (nearest doubles, planted 1e-10 errors,
underflowed zeros); soundness of the double-interval fast path against the MPFR path."""
import os
import subprocess
from fractions import Fraction

import mpmath
import numpy as np
import pytest

import gancert
from gancert.testing import assert_correct_digits

CLI = os.environ.get("GANCERT_CLI", "gancert")
UNDER = (3.3, 6.68, 2.45, 4.73, 5.98)  # J2 ~ 6.8e-439 (below the double range)


def mp_j1_j2(a, b, g, h, c):
    """J1, J2 at the exact doubles by mpmath quadrature (40 digits), independent of gancert."""
    mpmath.mp.dps = 40
    a, b, g, h, c = (mpmath.mpf(v) for v in (a, b, g, h, c))  # exact binary values
    D = lambda t: (1 + mpmath.erf(t)) / 2
    J1 = mpmath.quad(lambda x: c * mpmath.exp(-c * x) * D(a * x + b) ** 2, [0, 1, 5, 20, mpmath.inf])
    J2 = mpmath.quad(lambda u: mpmath.exp(-u) * (mpmath.erfc(a * (g * u + h) + b) / 2) ** 2, [0, 1, 5, 20, mpmath.inf])
    return J1, J2


def test_version():
    assert gancert.__version__ == gancert._gancert.__version__
    assert gancert.__version__.count(".") == 2


def test_help_documents_everything():
    doc = gancert.__doc__
    for name in ["evaluate", "compare", "certify", "certified_trajectory", "trajectory", "eval", "reference",
                 "assert_correct_digits", "exact_decimal"]:
        assert name in doc, name
        assert getattr(gancert, name, None) is not None or name == "assert_correct_digits"
    for name in gancert.__all__:
        obj = getattr(gancert, name)
        assert not callable(obj) or obj.__doc__, name


def test_broadcasting_and_mpmath_enclosure():
    b = np.array([-3.0, 0.25, 1.5])
    h = np.array([[-2.0], [0.5]])
    e = gancert.evaluate(2.2, b, 1.5, h, 0.5)
    assert e.shape == (2, 3) and e.lo.shape == (2, 3, 17) and e.hi.shape == (2, 3, 17)
    assert np.all(e.lo <= e.mid) and np.all(e.mid <= e.hi)
    for i, hv in enumerate(h[:, 0]):
        for k, bv in enumerate(b):
            J1, J2 = mp_j1_j2(2.2, bv, 1.5, hv, 0.5)
            for name, t in (("J1", J1), ("J2", J2)):
                q = e[name]
                assert Fraction(q.lo[i, k]) <= Fraction(str(t)) * (1 + Fraction(1, 10**30)) + Fraction(1, 10**300)
                assert Fraction(str(t)) * (1 - Fraction(1, 10**30)) <= Fraction(q.hi[i, k]) + Fraction(1, 10**300)
                assert q.hi[i, k] - q.lo[i, k] <= 1e-12 * abs(q.hi[i, k]), name  # double-tight


def test_numpy_scalars_and_exact_strings():
    e = gancert.evaluate(np.float64(2.2), np.int32(-3), np.float32(1.5), -2, 0.5, exact=True)
    assert e.shape == ()
    lo, hi = e.exact["J"][()]
    assert Fraction(float(e["J"].lo)) <= Fraction(lo) <= Fraction(hi) <= Fraction(float(e["J"].hi))


def test_fast_path_is_sound_against_the_mpfr_path():
    rng = np.random.default_rng(5)
    pts = np.column_stack([rng.uniform(-3, 3, 25), rng.uniform(-4, 4, 25), rng.uniform(0, 3, 25),
                           rng.uniform(-4, 4, 25), rng.uniform(0.1, 5, 25)])
    e = gancert.evaluate(*pts.T)
    upper = [(0, 0), (0, 1), (0, 2), (0, 3), (1, 1), (1, 2), (1, 3), (2, 2), (2, 3), (3, 3)]
    for i in range(0, 25, 3):
        r = gancert.eval(*(gancert.exact_decimal(float(v)) for v in pts[i]), digits=30)
        vals = [r["J1"], r["J2"], r["J"]] + r["grad"] + [r["hess"][j][k] for j, k in upper]
        for q, v in enumerate(vals):
            # the 30-digit MPFR enclosure must meet the double-interval one (both contain x)
            assert Fraction(v["lo"]) <= Fraction(e.hi[i, q]) and Fraction(e.lo[i, q]) <= Fraction(v["hi"]), (i, q)


def test_underflow_uses_the_fallback_and_still_encloses():
    e = gancert.evaluate(*UNDER)
    assert bool(e.fallback)
    assert e["J2"].lo == 0 and 0 < e["J2"].hi <= 5e-324


@pytest.mark.parametrize("kwargs, exc, needle", [
    (dict(c=-1.0), ValueError, "c"),
    (dict(g=-0.5), ValueError, "g"),
    (dict(a="2.2"), TypeError, "a"),
    (dict(b=[1.0, "x"]), TypeError, "b"),
    (dict(h=float("nan")), ValueError, "h"),
    (dict(b=np.zeros(3), h=np.zeros(2)), ValueError, "broadcast"),
])
def test_errors_name_python_arguments(kwargs, exc, needle):
    args = dict(a=2.2, b=-3.0, g=1.5, h=-2.0, c=0.5)
    args.update(kwargs)
    with pytest.raises(exc, match=needle):
        gancert.evaluate(**args)


def nearest_doubles(points, names=("J1", "J2", "J", "g_b", "H_bh")):
    """Held-out 'correct float64 code': each value the double nearest the MPFR 30-digit midpoint."""
    out = {n: [] for n in names}
    upper = [(0, 0), (0, 1), (0, 2), (0, 3), (1, 1), (1, 2), (1, 3), (2, 2), (2, 3), (3, 3)]
    for p in points:
        r = gancert.reference(*(gancert.exact_decimal(float(v)) for v in p), digits=30)
        for n in names:
            out[n].append(float(r[n]["mid"]))
    return {n: np.array(v) for n, v in out.items()}


POINTS = [(2.2, -3.0, 1.5, -2.0, 0.5), (1.21, -1.0, 0.35, -4.0, 4.04), (0.5, 1.0, 2.0, 0.25, 1.0)]


def test_assert_correct_digits_classifies_held_out_candidates():
    good = nearest_doubles(POINTS)
    rows = assert_correct_digits(lambda *p: good, POINTS, digits=15)
    assert all(r["min_digits"] >= 15 for r in rows)
    planted = {n: v.copy() for n, v in good.items()}
    planted["g_b"][1] *= 1 + 1e-10
    with pytest.raises(AssertionError) as info:
        assert_correct_digits(lambda *p: planted, POINTS, digits=12)
    text = str(info.value)
    line = next(l for l in text.splitlines() if l.startswith("g_b"))
    assert line.split()[3] == "1" and 9.5 <= float(line.split()[2]) <= 10.5, text
    assert "1.21" in line  # the worst point
    assert all(l.split()[3] == "0" for l in text.splitlines()[2:] if not l.startswith("g_b"))
    assert_correct_digits(lambda *p: planted, POINTS, digits=9)  # 10 digits are there


def test_underflowed_zero_needs_atol():
    zero = lambda *p: {"J2": np.zeros(1)}
    with pytest.raises(AssertionError, match="J2"):
        assert_correct_digits(zero, [UNDER], digits=10)
    assert_correct_digits(zero, [UNDER], digits=10, atol=1e-300)


def test_assert_correct_digits_bad_arguments():
    with pytest.raises(ValueError, match="digits"):
        assert_correct_digits(lambda *p: np.zeros(1), [POINTS[0]], digits=-1)
    with pytest.raises(ValueError, match="quantities"):
        assert_correct_digits(lambda *p: {"K": np.zeros(1)}, [POINTS[0]])
    with pytest.raises(ValueError, match="points"):
        assert_correct_digits(lambda *p: np.zeros(1), [[1, 2, 3]])


def test_compare_function(tmp_path):
    ref = tmp_path / "ref.csv"
    pts = tmp_path / "p.csv"
    pts.write_text("a,b,g,h,c\n2.2,-3,1.5,-2,0.5\n1.21,-1,0.35,-4,4.04\n")
    subprocess.run([CLI, "reference", "--points", str(pts), "--digits", "30", "--quantities", "cost",
                    "--out", str(ref)], check=True, capture_output=True)
    rows = [l.split(",") for l in ref.read_text().splitlines() if not l.startswith("#")]
    head = rows[0]
    cand = tmp_path / "cand.csv"
    cand.write_text("a,b,g,h,c,J1,J\n" + "".join(
        "%s,%s,%s\n" % (",".join(r[:5]), repr(float(r[head.index("J1")])), repr(float(r[head.index("J")]) * (1 + 1e-10)))
        for r in rows[1:]))
    c = gancert.compare(ref, cand)
    assert not c.passed and len(c.failures) == 2 and all(f["quantity"] == "J" for f in c.failures)
    d = c.digits()
    assert d["J1"] >= 15.5 and 9.5 <= d["J"] <= 10.5
    assert gancert.compare(ref, cand, rtol="1e-9").passed
    assert gancert.compare(ref, ref).passed  # the reference is its own candidate
    with pytest.raises(ValueError, match="rtol"):
        gancert.compare(ref, cand, rtol=-1)


def test_certificate_object(tmp_path):
    out = tmp_path / "c.jsonl"
    c = gancert.certify(case="A", box="b=-6:-5,h=-1:1", claim="no-saddle", out=out)
    assert c.status == c["status"] and c.leaves >= 64 and c.path == str(out)
    v = c.verify()
    assert v["exit_code"] == 0 and v["status"] == c.status and v["leaves"] == c.leaves
    png = c.plot(tmp_path / "c.png")
    assert open(png, "rb").read(8) == b"\x89PNG\r\n\x1a\n"
    # a doctored certificate is rejected by verify()
    lines = out.read_text().splitlines()
    out.write_text("\n".join(lines[:1] + lines[2:]) + "\n")
    assert gancert.Certificate({"status": c.status, "leaves": c.leaves, "verdict": "", "path": str(out)}).verify()["exit_code"] != 0
    with pytest.raises(ValueError, match="path"):
        gancert.certify(case="A", box="b=-6:-5,h=-1:1").verify()


def test_certified_trajectory_encloses_the_double_run():
    cert = gancert.certified_trajectory(case="B", dims=2, steps=5, step_size="0.4", bits=128)
    dbl = gancert.trajectory(case="B", dims=2, steps=5, step_size="0.4")
    assert len(cert) == len(dbl) == 5
    for c, d in zip(cert, dbl):
        for k in ("b", "h", "J"):
            lo, hi = c[k]
            assert lo <= hi and hi - lo <= 1e-12 * max(1, abs(hi))
            assert abs(d[k] - (lo + hi) / 2) <= 1e-10 * max(1, abs(hi)), k  # the double run tracks it


@pytest.mark.parametrize("call, needle", [
    (lambda: gancert.certify(case="Z", box="b=-6:-5,h=-1:1"), "case"),
    (lambda: gancert.certify(box="b=-6"), "box"),
    (lambda: gancert.certify(box="q=-6:1"), "box"),
    (lambda: gancert.certify(claim="bogus"), "claim"),
    (lambda: gancert.certify(case="", params="a=2.2", box="b=-6:-5"), "params"),
    (lambda: gancert.certify(claim="plateau", box="b=-6:-5,h=-1:1", eps="x"), "eps"),
    (lambda: gancert.certify(threads=0), "threads"),
    (lambda: gancert.certified_trajectory(dims=3), "dims"),
    (lambda: gancert.certified_trajectory(bits=1), "bits"),
    (lambda: gancert.trajectory(step_size="x"), "step_size"),
    (lambda: gancert.compare("/nonexistent/r.csv", "/nonexistent/c.csv"), "reference"),
])
def test_errors_name_keywords_not_command_line_options(call, needle):
    with pytest.raises(ValueError) as info:
        call()
    assert str(info.value).startswith(needle + ":"), str(info.value)
    assert "--" not in str(info.value), str(info.value)


def test_certify_takes_the_claim_tolerances(tmp_path):
    # the plateau claim with its three tolerances: the verdict of `gancert certify` (refuted here)
    kw = dict(case="A", box="b=-6:-5,h=-1:1", claim="plateau", eps="0.05", delta="0.05", level="1")
    c = gancert.certify(**kw)
    out = subprocess.run([CLI, "certify", "--case", "A", "--box", kw["box"], "--claim", "plateau", "--eps", "0.05",
                          "--delta", "0.05", "--level", "1", "--no-progress", "--threads", "2"],
                         capture_output=True, text=True)
    assert c.verdict == out.stdout.strip().splitlines()[-1]
    assert out.returncode == (0 if c.status == "proved" else 1)
