"""Held-out candidate tables (issue 13): correct doubles, doubles with planted 1e-10 errors and
underflowed values must be classified correctly by `gancert compare` (the CLI and
gancert.compare) and by gancert.testing.assert_correct_digits.

Candidates AND expected verdicts come from mpmath values at exact double points
(tests/data/rsee_double_points.csv, tests/reference/generate_double_points.py: one mpmath.quad
integral per quantity, two precisions), never from gancert:
  * the nearest double y of the mpmath value v: |y - v| <= 2^-53 |v|, correct at the default
    tolerance of compare (2^-51) and at 15 digits;
  * y * (1 + 1e-10): about 10 correct digits, wrong at the default tolerance and at 12 digits;
  * values below the double range (J2 ~ 6.8e-439 at the point U) become 0 as float64 code
    computes them: wrong unless an absolute tolerance covers |v|.
Each expected verdict is computed exactly (fractions) from v and asserted to be far from the
tolerance's edge, so the table's own uncertainty (>= 35 digits) cannot change it.
"""
import csv
import os
import subprocess
from fractions import Fraction

import numpy as np
import pytest

import gancert
from gancert.testing import assert_correct_digits

CLI = os.environ.get("GANCERT_CLI", "gancert")
SRC = os.environ.get("GANCERT_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
NAMES = list(gancert.quantity_names)
PLANTED = [("A", "J"), ("R1", "g_b"), ("C", "H_bh")]  # (row id, quantity) multiplied by 1 + 1e-10
RTOL_DEFAULT = Fraction(2) ** -51


def load():
    path = os.path.join(SRC, "tests", "data", "rsee_double_points.csv")
    rows = list(csv.DictReader(l for l in open(path) if not l.startswith("#")))
    for r in rows:
        assert int(r["digits"]) >= 35, r["id"]
        for k in "abghc":  # the point columns are exact decimal expansions of doubles
            assert Fraction(r[k]) == Fraction(float(r[k])), (r["id"], k)
    return rows


ROWS = load()


def candidate(rows, planted=()):
    """{id: {quantity: float}}: the nearest double of each mpmath value, planted errors applied."""
    out = {r["id"]: {q: float(r[q]) for q in NAMES} for r in rows}
    for pid, q in planted:
        out[pid][q] *= 1 + 1e-10
    return out


def expected_failures(rows, cand, rel, atol=Fraction(0)):
    """{(id, quantity)} whose candidate misses the mpmath value by more than rel*|v| + atol,
    each verdict at least a factor 4 away from the tolerance's edge."""
    bad = set()
    for r in rows:
        for q in NAMES:
            v, y = Fraction(r[q]), Fraction(cand[r["id"]][q])
            t = rel * abs(v) + atol
            err = abs(y - v)
            assert err <= t / 4 or err >= 4 * t, (r["id"], q, float(err), float(t))
            if err > t:
                bad.add((r["id"], q))
    return bad


def write_candidate(path, rows, cand):
    with open(path, "w") as f:
        f.write("a,b,g,h,c," + ",".join(NAMES) + "\n")
        for r in rows:
            f.write(",".join(r[k] for k in "abghc") + "," + ",".join(repr(cand[r["id"]][q]) for q in NAMES) + "\n")
    return path


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    d = tmp_path_factory.mktemp("held_out")
    pts = d / "points.csv"
    pts.write_text("a,b,g,h,c\n" + "".join(",".join(r[k] for k in "abghc") + "\n" for r in ROWS))
    ref = d / "ref.csv"
    subprocess.run([CLI, "reference", "--points", str(pts), "--digits", "30", "--out", str(ref)], check=True,
                   capture_output=True)
    return ref


NORMAL = [r for r in ROWS if r["id"] != "U"]  # every value in the normal double range
ALL = ROWS


def line_ids(rows):
    return {i + 2: r["id"] for i, r in enumerate(rows)}  # file line of each row (line 1: header)


@pytest.mark.parametrize("table", ["correct", "planted", "underflow"])
def test_compare_classifies_held_out_tables(reference, tmp_path, table):
    rows = NORMAL if table != "underflow" else ALL
    cand = candidate(rows, PLANTED if table == "planted" else ())
    want = expected_failures(rows, cand, RTOL_DEFAULT)
    assert (len(want), table) == ({"correct": 0, "planted": 3, "underflow": 10}[table], table)
    if table == "planted":
        assert want == set(PLANTED)
    path = write_candidate(tmp_path / ("%s.csv" % table), rows, cand)
    subset = table != "underflow"
    c = gancert.compare(reference, path, subset=subset)
    ids = line_ids(rows)
    assert {(ids[f["line"]], f["quantity"]) for f in c.failures} == want
    assert c.passed == (not want)
    cli = [CLI, "compare", "--reference", str(reference), "--candidate", str(path), "--max-failures", "100"]
    r = subprocess.run(cli + (["--subset"] if subset else []), capture_output=True, text=True)
    assert r.returncode == (1 if want else 0), r.stdout + r.stderr
    if want:
        assert ("FAIL: %d of %d values" % (len(want), len(rows) * len(NAMES))) in r.stdout, r.stdout
        for pid, q in want:
            line = next(n for n, i in ids.items() if i == pid)
            assert "%s:%d %s at" % (path.name, line, q) in r.stdout, (pid, q, r.stdout)
    if table == "planted":  # about 10 correct digits reported for each planted value
        for f in c.failures:
            assert 9.5 <= f["digits"] <= 10.5, f
    if table == "underflow":  # an absolute tolerance above |v| accepts the zeros
        atol = Fraction(1, 10**300)
        assert not expected_failures(rows, cand, RTOL_DEFAULT, atol)
        assert gancert.compare(reference, path, atol="1e-300").passed
        assert subprocess.run(cli + ["--atol", "1e-300"], capture_output=True).returncode == 0


def test_reference_is_its_own_candidate(reference):
    assert gancert.compare(reference, reference).passed
    assert gancert.compare(reference, reference, rtol=0).passed
    r = subprocess.run([CLI, "compare", "--reference", str(reference), "--candidate", str(reference), "--rtol", "0"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def as_fn(rows, cand, wrap=np.asarray):
    """The candidate as a user function of five float64 arrays (at exactly the table's doubles)."""
    pts = np.array([[float(r[k]) for k in "abghc"] for r in rows])

    def fn(a, b, g, h, c):
        assert np.array_equal(np.stack([a, b, g, h, c], axis=1), pts)
        return {q: wrap(np.array([cand[r["id"]][q] for r in rows])) for q in NAMES}
    return fn, pts


def failures_per_quantity(text):
    return {l.split()[0]: int(l.split()[3]) for l in text.splitlines()[2:]}


def test_testing_passes_correct_doubles():
    fn, pts = as_fn(NORMAL, candidate(NORMAL))
    rows = assert_correct_digits(fn, pts, digits=15)
    assert [r["quantity"] for r in rows] == NAMES and all(r["failures"] == 0 for r in rows)


def test_testing_catches_planted_errors():
    cand = candidate(NORMAL, PLANTED)
    want = expected_failures(NORMAL, cand, Fraction(1, 10**12))
    assert want == set(PLANTED)
    fn, pts = as_fn(NORMAL, cand)
    with pytest.raises(AssertionError) as info:
        assert_correct_digits(fn, pts, digits=12)
    got = failures_per_quantity(str(info.value))
    assert got == {q: sum(1 for _, w in want if w == q) for q in NAMES}, str(info.value)
    assert not expected_failures(NORMAL, cand, Fraction(1, 10**9))
    assert_correct_digits(fn, pts, digits=9)


def test_testing_underflow_needs_atol():
    cand = candidate(ALL)
    want = expected_failures(ALL, cand, Fraction(1, 10**12))
    assert len(want) == 10 and all(pid == "U" for pid, _ in want)
    fn, pts = as_fn(ALL, cand)
    with pytest.raises(AssertionError) as info:
        assert_correct_digits(fn, pts, digits=12)
    got = failures_per_quantity(str(info.value))
    assert got == {q: sum(1 for _, w in want if w == q) for q in NAMES}, str(info.value)
    assert not expected_failures(ALL, cand, Fraction(1, 10**12), Fraction(1, 10**300))
    assert_correct_digits(fn, pts, digits=12, atol=1e-300)


class JaxLike:
    """Duck-typed array (as a JAX array): only __array__."""

    def __init__(self, x):
        self._x = np.asarray(x, dtype=np.float64)

    def __array__(self, dtype=None, copy=None):
        return self._x if dtype is None else self._x.astype(dtype)


class TorchLike(JaxLike):
    """Duck-typed tensor (as a torch tensor requiring grad): np.asarray fails until .detach()."""

    def __init__(self, x, attached=True):
        super().__init__(x)
        self.attached = attached

    def detach(self):
        return TorchLike(self._x, attached=False)

    def cpu(self):
        return self

    def __array__(self, dtype=None, copy=None):
        if self.attached:
            raise RuntimeError("Can't call numpy() on Tensor that requires grad")
        return super().__array__(dtype)


@pytest.mark.parametrize("wrap", [JaxLike, TorchLike], ids=["jax-like", "torch-like"])
def test_testing_converts_duck_typed_arrays(wrap):
    fn, pts = as_fn(NORMAL, candidate(NORMAL), wrap)
    assert_correct_digits(fn, pts, digits=15)
    fn, pts = as_fn(NORMAL, candidate(NORMAL, PLANTED), wrap)
    with pytest.raises(AssertionError, match="H_bh"):
        assert_correct_digits(fn, pts, digits=12)
    # one array meaning J
    J = wrap(np.array([float(r["J"]) for r in NORMAL]))
    assert_correct_digits(lambda *p: J, pts, digits=15)


def test_testing_rejects_unconvertible_results():
    fn = lambda *p: {"J": object()}
    with pytest.raises(TypeError, match="J"):
        assert_correct_digits(fn, [tuple(float(NORMAL[0][k]) for k in "abghc")])
