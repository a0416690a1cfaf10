"""pytest for model= (models of the family, docs/model-family.md) in the Python package:
eval, reference, evaluate (numpy arrays), compare, trajectory and certified_trajectory against
the independent mpmath references of tests/reference (family_mpmath.py: mpmath.quad of the
analytically differentiated integrands; family_trajectory_mpmath.py: gradient play on them),
each at two precisions; bad input raises ValueError/TypeError naming the Python argument."""
import functools
import os
import sys

import mpmath as mp
import numpy as np
import pytest

import gancert

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "reference"))
import family_mpmath  # noqa: E402
import family_trajectory_mpmath  # noqa: E402

S1 = "data=exp(c=0.5) latent=rayleigh gen=square disc=logistic cost=ls"
S2 = "data=gaussian(mu=1,sigma=0.5) latent=gaussian gen=affine disc=erf cost=log"
NAMES = list(gancert.quantity_names)


@functools.lru_cache(maxsize=None)
def mpmath_values(spec, theta):
    """17 values at the exact points theta (floats: their binary values) and their radius."""
    exact = [t if isinstance(t, str) else mp.mpf(t) for t in theta]  # a decimal string is read at dps
    lo = family_mpmath.compute(spec, exact, 30)
    hi = family_mpmath.compute(spec, exact, 45)
    with mp.workdps(45):
        return hi, [abs(a - b) * 10 + mp.mpf(10) ** -30 for a, b in zip(lo, hi)]


def encloses(lo, hi, v, rad):
    with mp.workdps(60):
        return mp.mpf(lo) - rad <= v <= mp.mpf(hi) + rad


def test_eval_model_encloses_mpmath():
    vals, rad = mpmath_values(S2, ("0.7", "0.3", "0.6", "0.4"))
    r = gancert.eval(model=S2, a="0.7", b="0.3", g="0.6", h="0.4", digits=20)
    assert r["model"] == gancert._gancert.canonical_model(S2) and [p["name"] for p in r["players"]] == ["a", "b", "g", "h"]
    got = [r["J1"], r["J2"], r["J"]] + r["grad"] + [r["hess"][i][k] for i in range(4) for k in range(i, 4)]
    for q, (x, v, rr) in enumerate(zip(got, vals, rad)):
        assert encloses(x["lo"], x["hi"], v, rr), (NAMES[q], x, v)
        assert x["lo_float"] <= float(mp.mpf(x["lo"])) and float(mp.mpf(x["hi"])) <= x["hi_float"]


def test_reference_model_encloses_mpmath():
    vals, rad = mpmath_values(S2, ("0.7", "0.3", "0.6", "0.4"))
    r = gancert.reference(model=S2, a="0.7", b="0.3", g="0.6", h="0.4", digits=18, quantities="cost,grad")
    assert list(r) == NAMES[:7]
    for q, name in enumerate(NAMES[:7]):
        assert encloses(r[name]["lo"], r[name]["hi"], vals[q], rad[q]), name


def test_evaluate_model_numpy_arrays_enclose_mpmath_at_the_exact_doubles():
    b = np.array([1.25, 1.7])  # 1.7 is its binary double, not 17/10
    e = gancert.evaluate(model=S1, a=np.float64(2.0), b=b, g=1.2, h=-0.5)
    assert e.shape == (2,) and e.lo.shape == (2, 17) and e["J"].lo.shape == (2,)
    assert np.all(e.lo <= e.mid) and np.all(e.mid <= e.hi)
    for i, bi in enumerate(b):
        vals, rad = mpmath_values(S1, (2.0, float(bi), 1.2, -0.5))
        for q in range(17):
            assert encloses(e.lo[i, q], e.hi[i, q], vals[q], rad[q]), (i, NAMES[q])


def test_compare_model_accepts_float64_and_rejects_a_planted_error(tmp_path):
    theta = ("0.7", "0.3", "0.6", "0.4")
    vals, _ = mpmath_values(S2, theta)
    good = [repr(float(v)) for v in vals]
    bad = list(good)
    bad[NAMES.index("g_b")] = repr(float(vals[NAMES.index("g_b")] * (1 + mp.mpf("1e-10"))))
    head = "a,b,g,h," + ",".join(NAMES) + "\n"
    (tmp_path / "good.csv").write_text(head + ",".join(theta + tuple(good)) + "\n")
    (tmp_path / "bad.csv").write_text(head + ",".join(theta + tuple(bad)) + "\n")
    c = gancert.compare(candidate=tmp_path / "good.csv", model=S2)
    assert c.passed, str(c)
    c = gancert.compare(candidate=tmp_path / "bad.csv", model=S2)
    assert not c.passed and len(c.failures) == 1
    assert c.failures[0]["quantity"] == "g_b" and "b=0.3" in c.failures[0]["point"]


def test_trajectories_with_model_against_mpmath_gradient_play():
    ref = family_trajectory_mpmath.play(S2, ["0.7", "0.3", "0.6", "0.4"], "0.4", 2, 2, 30)
    tr = gancert.trajectory(model=S2, a="0.7", b="0.3", g="0.6", h="0.4", dims=2, steps=2)
    ct = gancert.certified_trajectory(model=S2, a="0.7", b="0.3", g="0.6", h="0.4", dims=2, steps=2, bits=128)
    assert len(tr) == len(ct) == 2
    for k in range(2):
        for c, v in zip(["a", "b", "g", "h", "J1", "J2", "J", "gnorm"], ref[k]):
            assert abs(tr[k][c] - float(v)) <= 1e-12 * max(1, abs(float(v))), (k, c)
            lo, hi = ct[k][c]
            assert lo <= v <= hi, (k, c, lo, hi, v)
    lo, hi = ct[1]["a"]  # dims 2: a stays at 7/10 (enclosed)
    assert lo <= 0.7 <= hi and hi - lo < 1e-15


@pytest.mark.parametrize("call, needle", [
    (lambda: gancert.eval(model=S1, a=2, b=1, g=1, h=0, c=1), "c"),
    (lambda: gancert.eval(model=S1, a=2, b=1, g=1), "h"),
    (lambda: gancert.eval(model=S1, a=-2, b=1, g=1, h=0), "a"),
    (lambda: gancert.eval(model="data=exp latent=rayleigh gen=square disc=erf cost=ls", a=1, b=1, g=1, h=0), "model"),
    (lambda: gancert.reference(model=S1, l=0, a=2, b=1, g=1, h=0), "l"),
    (lambda: gancert.evaluate(model=S1, a=[2.0, -1.0], b=1.0, g=1.0, h=0.0), "a"),
    (lambda: gancert.evaluate(model=S1, a=2.0, b=np.nan, g=1.0, h=0.0), "b"),
    (lambda: gancert.trajectory(model=S1, a=2, b=1, g=1, h=0, step_size="-1"), "step_size"),
    (lambda: gancert.certified_trajectory(model=S1, a=2, b=1, g=1, h=0, dims=3), "dims"),
    (lambda: gancert.compare(candidate="/nonexistent.csv", model=S1), "candidate"),
])
def test_bad_input_names_the_argument(call, needle):
    with pytest.raises(ValueError, match="^" + needle + "\\b"):
        call()


def test_type_errors():
    with pytest.raises(TypeError, match="^b"):
        gancert.evaluate(model=S1, a=2.0, b="1.5", g=1.0, h=0.0)
    with pytest.raises(TypeError, match="^a"):
        gancert.eval(model=S1, a=object(), b=1, g=1, h=0)
