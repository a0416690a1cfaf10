"""gancert.testing — accuracy regression tests of float64 implementations (pytest-friendly).

assert_correct_digits(fn, points, digits=14, atol=0.0) evaluates fn at the points and
compares with certified enclosures (gancert.evaluate at the same exact doubles). A value y
of quantity q at a point passes iff lo - t <= y <= hi + t, t = 10**-digits * max(|lo|, |hi|)
+ atol; a failure is decided in exact rational arithmetic (fractions.Fraction of the doubles),
so it is a real violation: |y - x| > t for the exact x in [lo, hi]. Where the float64
enclosure touches the subnormal range (|x| < 2.2e-308) the MPFR decimal enclosure is used, so
an underflowed 0 fails unless atol covers |x|. On failure an
AssertionError carries a table: per quantity the number of values, the fewest correct digits,
the failures and the worst point.
"""
import math
from fractions import Fraction

import numpy as np

__all__ = ["assert_correct_digits", "correct_digits"]


def correct_digits(y, lo, hi):
    """-log10(max(|y-lo|, |y-hi|) / s), s = min(|lo|,|hi|) (1 if 0 in [lo, hi]), clamped to
    [0, 17] (float64 estimate for reporting; a lower bound of the correct digits up to the
    estimate's rounding). nan/inf -> 0."""
    y, lo, hi = (np.asarray(v, dtype=np.float64) for v in (y, lo, hi))
    with np.errstate(all="ignore"):
        e = np.maximum(np.abs(y - lo), np.abs(y - hi))
        s = np.where((lo > 0) | (hi < 0), np.minimum(np.abs(lo), np.abs(hi)), 1.0)
        d = np.where(e == 0, 17.0, -np.log10(e / s))
    return np.clip(np.where(np.isfinite(y), d, 0.0), 0.0, 17.0)


def _to_float64(v, name):
    if hasattr(v, "detach"):  # torch tensors: leave autograd, move to the host
        v = v.detach().cpu()
    try:
        return np.asarray(v, dtype=np.float64)
    except (TypeError, ValueError) as e:
        raise TypeError("fn result %s: cannot convert to float64 (%s)" % (name, e)) from None


def _points_array(points):
    if isinstance(points, dict):
        cols = [np.asarray(points[k], dtype=np.float64) for k in "abghc"]
        return np.stack(np.broadcast_arrays(*cols), axis=-1).reshape(-1, 5)
    arr = np.asarray(points, dtype=np.float64)
    if arr.ndim == 1 and arr.shape[0] == 5:
        arr = arr[None, :]
    if arr.ndim != 2 or arr.shape[1] != 5:
        raise ValueError("points: expected shape (n, 5) (columns a, b, g, h, c) or a dict of a, b, g, h, c")
    return arr


_TINY = 2.2250738585072014e-308  # smallest normal double
_UPPER = [(0, 0), (0, 1), (0, 2), (0, 3), (1, 1), (1, 2), (1, 3), (2, 2), (2, 3), (3, 3)]


def _exact_enclosure(point, q):
    """The decimal enclosure (Fractions) of quantity index q at the exact double point, from the
    MPFR path: used where the float64 enclosure touches the subnormal range, so that an
    underflowed 0 is judged against the true magnitude (it has no correct digits)."""
    from . import _gancert, exact_decimal
    r = _gancert.eval(*(exact_decimal(float(v)) for v in point), digits=17)
    v = r["J1"] if q == 0 else r["J2"] if q == 1 else r["J"] if q == 2 else \
        r["grad"][q - 3] if q < 7 else r["hess"][_UPPER[q - 7][0]][_UPPER[q - 7][1]]
    return Fraction(v["lo"]), Fraction(v["hi"])


def _violates(y, lo, hi, rel, atol, exact=None):
    """Exact: y outside [lo - t, hi + t], t = rel*max(|lo|,|hi|) + atol (rel, atol Fractions).
    exact: a callable giving a tighter (lo, hi) in Fractions for enclosures near underflow."""
    if not math.isfinite(y):
        return True
    if exact is not None and min(abs(lo), abs(hi)) < _TINY and not lo == hi == 0:
        lo, hi = exact()
    y, lo, hi = Fraction(y), Fraction(lo), Fraction(hi)
    t = rel * max(abs(lo), abs(hi)) + atol
    return y < lo - t or y > hi + t


def assert_correct_digits(fn, points, digits=14, atol=0.0, quantities=None):
    """Asserts that fn(a, b, g, h, c) has `digits` correct digits (relative) or absolute error
    <= atol at every point, against gancert's certified enclosures.

    fn: called once with five float64 arrays of shape (n,); returns a dict {quantity name:
        values of shape (n,)} (any of gancert.quantity_names), or one array meaning J.
        numpy, JAX or torch results are converted with np.asarray(..., dtype=float64).
    points: array-like (n, 5) of (a, b, g, h, c), or a dict {'a': ..., ..., 'c': ...}.
    quantities: names to check (default: every name fn returns).
    Returns the per-quantity table (list of dicts) when everything passes.
    """
    from . import evaluate, quantity_names
    if isinstance(digits, bool) or not isinstance(digits, (int, float, np.integer, np.floating)) or digits < 0:
        raise ValueError("digits: expected a number >= 0, got %r" % (digits,))
    if not (isinstance(atol, (int, float, np.integer, np.floating)) and atol >= 0 and math.isfinite(atol)):
        raise ValueError("atol: expected a finite number >= 0, got %r" % (atol,))
    pts = _points_array(points)
    # enclosures tight enough to resolve the requested digits (fast path where it suffices)
    enc = evaluate(*(pts[:, k] for k in range(5)), rel_width=min(2.0 ** -40, 0.25 * 10.0 ** -float(digits)))
    got = fn(*(pts[:, k].copy() for k in range(5)))
    if not isinstance(got, dict):
        got = {"J": got}
    names = list(quantities) if quantities is not None else list(got)
    for n in names:
        if n not in quantity_names:
            raise ValueError("quantities: %r is not a quantity name (one of %s)" % (n, ", ".join(quantity_names)))
        if n not in got:
            raise ValueError("quantities: fn returned no %r" % n)
    rel = Fraction(10) ** (-int(digits)) if float(digits).is_integer() else Fraction(10.0 ** -float(digits))
    atol_f = Fraction(float(atol))
    rows, failed = [], 0
    for n in names:
        y = np.broadcast_to(_to_float64(got[n], n), (len(pts),))
        b = enc[n]
        d = correct_digits(y, b.lo, b.hi)
        q = quantity_names.index(n)
        bad = [i for i in range(len(pts))
               if _violates(float(y[i]), float(b.lo[i]), float(b.hi[i]), rel, atol_f,
                            lambda i=i: _exact_enclosure(pts[i], q))]
        worst = int(np.argmin(d))
        rows.append({"quantity": n, "values": len(pts), "min_digits": float(d[worst]), "failures": len(bad),
                     "worst_point": tuple(float(v) for v in pts[worst]), "worst_value": float(y[worst]),
                     "worst_enclosure": (float(b.lo[worst]), float(b.hi[worst]))})
        failed += len(bad)
    if failed:
        lines = ["%d value(s) with fewer than %s correct digits (atol %r):" % (failed, digits, atol),
                 "%-6s %6s %10s %8s  %s" % ("quant", "values", "min digits", "failures", "worst point (a, b, g, h, c): value vs [lo, hi]")]
        for r in rows:
            lines.append("%-6s %6d %10.1f %8d  (%s): %.17g vs [%.17g, %.17g]" % (
                r["quantity"], r["values"], r["min_digits"], r["failures"],
                ", ".join(repr(v) for v in r["worst_point"]), r["worst_value"], *r["worst_enclosure"]))
        raise AssertionError("\n".join(lines))
    return rows
