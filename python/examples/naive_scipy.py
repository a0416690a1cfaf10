"""A naive scipy implementation of the R/S/E/E cost, and the accuracy bug gancert.testing finds.

J1 = ∫_0^∞ c e^{−cx} D(ax + b)^2 dx,  J2 = ∫_0^∞ e^{−u} (1 − D(a(gu + h) + b))^2 du,
D(t) = (1 + erf t)/2. The naive code forms 1 − D(t) as 1 − (1 + erf t)/2: for large t the
subtraction cancels (erf t → 1), and J2 loses about log10(1/erfc t) digits — at b = 4.5 only a
few correct digits remain, at b = 6 none (1 − D rounds to 0). The careful code writes
1 − D(t) = erfc(t)/2 and D(t) = erfc(−t)/2. Both integrate with scipy.integrate.quad.

assert_correct_digits (certified enclosures at the same doubles) passes the careful code at
10 digits and fails the naive one, printing the worst point. Exit 0 iff exactly that happens.
Run: PYTHONPATH=build/python/package /usr/bin/python3 python/examples/naive_scipy.py
"""
import sys
import warnings

import numpy as np
from scipy.integrate import quad
from scipy.special import erf, erfc

from gancert.testing import assert_correct_digits


def integrals(a, b, g, h, c, one_minus_d, d):
    J1 = np.empty(len(a))
    J2 = np.empty(len(a))
    for i in range(len(a)):
        J1[i] = quad(lambda x: c[i] * np.exp(-c[i] * x) * d(a[i] * x + b[i]) ** 2, 0, np.inf,
                     epsabs=0, epsrel=1e-13, limit=200)[0]
        J2[i] = quad(lambda u: np.exp(-u) * one_minus_d(a[i] * (g[i] * u + h[i]) + b[i]) ** 2, 0, np.inf,
                     epsabs=0, epsrel=1e-13, limit=200)[0]
    return {"J1": J1, "J2": J2}


def naive(a, b, g, h, c):
    D = lambda t: (1 + erf(t)) / 2
    with warnings.catch_warnings():  # quad notices the cancelled integrand's roundoff noise
        warnings.simplefilter("ignore")
        return integrals(a, b, g, h, c, lambda t: 1 - D(t), D)


def careful(a, b, g, h, c):
    return integrals(a, b, g, h, c, lambda t: erfc(t) / 2, lambda t: erfc(-t) / 2)


# a = 1.5, g = 1, h = 0.5, c = 1 and b from -2 to 4.5 (the argument of D grows with b)
POINTS = [(1.5, b, 1.0, 0.5, 1.0) for b in (-2.0, 0.0, 2.0, 3.5, 4.5)]


def main():
    table = assert_correct_digits(careful, POINTS, digits=10)
    print("careful (erfc): every value has >= 10 correct digits; fewest:",
          ", ".join("%s %.1f" % (r["quantity"], r["min_digits"]) for r in table))
    try:
        assert_correct_digits(naive, POINTS, digits=10)
    except AssertionError as e:
        print("naive (1 - D) caught:\n" + str(e))
        rows = {l.split()[0]: l.split() for l in str(e).splitlines()[2:]}
        return 0 if int(rows["J2"][3]) > 0 and int(rows["J1"][3]) == 0 else 1
    print("FAIL: the naive implementation was not caught")
    return 1


if __name__ == "__main__":
    sys.exit(main())
