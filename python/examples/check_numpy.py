"""Check a NumPy implementation of the R/S/E/E cost J against gancert's certified enclosures.

J(a, b, g, h; c) = J1 + J2 with D(t) = (1 + erf t)/2 and
    J1 = ∫_0^∞ c e^{−cx} D(ax + b)^2 dx,      J2 = ∫_0^∞ e^{−u} (1 − D(a(gu + h) + b))^2 du,
computed here by composite Gauss–Legendre quadrature on [0, T] (the tails beyond T are below
e^{−40}). Prints the correct digits of the NumPy values and exits 1 if any lies outside the
certified enclosure widened by a relative 1e-12.

Run:  PYTHONPATH=build/python/package /usr/bin/python3 python/examples/check_numpy.py
"""
import math
import sys
from fractions import Fraction

import numpy as np

import gancert

erf = np.vectorize(math.erf)


def gauss_legendre(f, lo, hi, panels=400, order=20):
    x, w = np.polynomial.legendre.leggauss(order)
    edges = np.linspace(lo, hi, panels + 1)
    mid, half = (edges[1:] + edges[:-1]) / 2, (edges[1:] - edges[:-1]) / 2
    nodes = (mid[:, None] + half[:, None] * x[None, :]).ravel()
    weights = (half[:, None] * w[None, :]).ravel()
    return float(np.sum(weights * f(nodes)))


def cost_numpy(a, b, g, h, c):
    D = lambda t: (1 + erf(t)) / 2
    J1 = gauss_legendre(lambda x: c * np.exp(-c * x) * D(a * x + b) ** 2, 0.0, 40.0 / c)
    J2 = gauss_legendre(lambda u: np.exp(-u) * (1 - D(a * (g * u + h) + b)) ** 2, 0.0, 40.0)
    return J1, J2, J1 + J2


def correct_digits(y, q):
    lo, hi = Fraction(q["lo"]), Fraction(q["hi"])
    e = max(abs(Fraction(y) - lo), abs(Fraction(y) - hi))
    s = min(abs(lo), abs(hi)) if lo > 0 or hi < 0 else Fraction(1)
    return math.inf if e == 0 else -math.log10(e / s)


def main():
    points = [("2.2", "-3", "1.5", "-2", "0.5"), ("1.21", "-1", "0.35", "-4", "4.04"), ("0.5", "1", "2", "0.25", "1")]
    ok = True
    for p in points:
        ref = gancert.eval(*p, digits=20)
        ours = cost_numpy(*(float(v) for v in p))
        for name, y in zip(("J1", "J2", "J"), ours):
            q = ref[name]
            lo, hi = Fraction(q["lo"]), Fraction(q["hi"])
            t = Fraction(1, 10**12) * max(abs(lo), abs(hi))
            inside = lo - t <= Fraction(y) <= hi + t
            ok &= inside
            print("%-28s %-3s numpy %.17g  gancert [%s, %s]  %.1f digits%s"
                  % (" ".join(p), name, y, q["lo"], q["hi"], correct_digits(y, q), "" if inside else "  OUTSIDE"))
    print("NumPy and gancert agree to 12 digits" if ok else "MISMATCH")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
