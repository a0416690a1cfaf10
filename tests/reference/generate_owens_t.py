#!/usr/bin/python3
"""Independent references for the closed-form tests (mpmath quadrature of the defining integrals).

Writes tests/data/owens_t_reference.csv   (h, a, digits, T): 1000 random points at 60 digits
(incl. |a| > 1, h = 0, a = ±1, a = 0) and 40 points at 310 digits (≈ 1030 bits), and
tests/data/bivariate_normal_reference.csv (h, k, rho, digits, Phi2), including the branches
h = 0, k = 0, h = k = 0. Each value is the quadrature at working precision dps + 30, accepted
only if tanh-sinh and Gauss-Legendre agree to 10^-(digits+3).
Run: /usr/bin/python3 tests/reference/generate_owens_t.py <out-dir>
"""
import random
import sys

import mpmath as mp


def owens_t_quad(h, a, method):
    f = lambda x: mp.exp(-h * h * (1 + x * x) / 2) / (1 + x * x)
    if a == 0:
        return mp.mpf(0)
    s = 1 if a > 0 else -1
    A = abs(a)
    # split where the integrand changes scale (Gaussian width 1/|h|) and at 1
    pts = [mp.mpf(0)]
    w = 1 / max(abs(h), mp.mpf(1))
    x = w
    while x < A:
        pts.append(x)
        x *= 2
    pts.append(A)
    return s * mp.quad(f, pts, method=method) / (2 * mp.pi)


def phi2_quad(h, k, rho, method):
    # Φ2(h,k;ρ) = ∫_{-∞}^{h} φ(x) Φ((k − ρx)/√(1−ρ²)) dx
    r = mp.sqrt(1 - rho * rho)
    f = lambda x: mp.npdf(x) * mp.ncdf((k - rho * x) / r)
    pts = [-mp.inf, min(h, -8), min(h, -2), min(h, 0), h]
    pts = sorted(set(pts))
    return mp.quad(f, pts, method=method)


def checked(fun, digits):
    mp.mp.dps = digits + 30
    v1 = fun('tanh-sinh')
    v2 = fun('gauss-legendre')
    if abs(v1 - v2) > abs(v1) * mp.mpf(10) ** (-(digits + 3)) + mp.mpf(10) ** (-(digits + 40)):
        raise RuntimeError("quadratures disagree: %s %s" % (mp.nstr(v1, 20), mp.nstr(v1 - v2, 5)))
    return v1


def main():
    out = sys.argv[1]
    rng = random.Random(20261122)
    rows = []

    def dec(x, sig=6):
        return ('%.' + str(sig - 1) + 'e') % x

    pts = []
    for i in range(1000):
        r = rng.random()
        if i % 20 == 0:
            h = '0'
        else:
            h = dec(rng.uniform(-10, 10))
        if i % 50 == 1:
            a = rng.choice(['1', '-1'])
        elif i % 97 == 2:
            a = '0'
        else:
            mag = 10 ** rng.uniform(-3, 2)
            a = dec(mag if rng.random() < 0.7 else -mag)
        pts.append((h, a, 60))
    for i in range(40):
        h = '0' if i % 10 == 0 else dec(rng.uniform(-6, 6))
        a = dec((10 ** rng.uniform(-2, 1.5)) * (1 if rng.random() < 0.7 else -1))
        pts.append((h, a, 310))
    with open(out + '/owens_t_reference.csv', 'w') as f:
        f.write('h,a,digits,T\n')
        for h, a, d in pts:
            v = checked(lambda m: owens_t_quad(mp.mpf(h), mp.mpf(a), m), d)
            f.write('%s,%s,%d,%s\n' % (h, a, d, mp.nstr(v, d + 5, min_fixed=1, max_fixed=0)))
    cases = []
    for i in range(60):
        h = dec(rng.uniform(-5, 5))
        k = dec(rng.uniform(-5, 5))
        rho = dec(rng.uniform(-0.95, 0.95), 4)
        if i % 6 == 0:
            h = '0'
        elif i % 6 == 1:
            k = '0'
        elif i % 6 == 2:
            h, k = '0', '0'
        cases.append((h, k, rho))
    with open(out + '/bivariate_normal_reference.csv', 'w') as f:
        f.write('h,k,rho,digits,Phi2\n')
        for h, k, rho in cases:
            v = checked(lambda m: phi2_quad(mp.mpf(h), mp.mpf(k), mp.mpf(rho), m), 40)
            f.write('%s,%s,%s,%d,%s\n' % (h, k, rho, 40, mp.nstr(v, 45, min_fixed=1, max_fixed=0)))


if __name__ == '__main__':
    main()
