#!/usr/bin/env python3
"""Independent reference values for models of the gancert family (issue 12).

For a model spec (the text form of docs/model-family.md) and the players' parameters
theta = (t0, t1, g, h) it computes J1, J2, J, the gradient and the packed Hessian in
(t0, t1, g, h) -- 17 numbers, in the order J1 J2 J g0..g3 H00 H01 H02 H03 H11 H12 H13 H22 H23 H33.

Method (independent of lib/):
  * smooth discriminators (erf, logistic): differentiation under the integral sign with the
    derivatives of the pre-activation s(theta) written out by hand (erf: s = a*y + b,
    logistic: s = b*y - log(a), y = x for the data term, y = g*m(z) + h for the fake term)
    and psi(s) = phi(D) with psi', psi'' from D, D', D'' (the cost's term); each of the 15 jet
    entries is one mpmath.quad over the law's support, split at the law's centre and around
    the transition s = 0.  1 - D is never formed by subtraction: erf 1 - D = erfc(s)/2,
    logistic 1 - D = 1/(1 + e^s).  mpmath.quad's tolerance is absolute: every integrand is
    divided by the magnitude of its value at a probe point so that small entries are
    integrated to relative accuracy, and multiplied back.
  * indicator discriminator: J1 = P(l <= X <= r) and J2 = 1 - P(l <= G(Z) <= r) by
    mpmath.quad of the densities over the (pre-)image intervals, derivatives by mpmath.diff
    (numerical differentiation at raised precision) of those quadratures.
Every point is computed at two precisions (dps and dps + 20); `digits` reports how many
significant digits the two agree on (minimum over the 17 numbers, tiny entries relative to the
largest |entry| of the point).

usage:  family_mpmath.py [--dps N] 'SPEC' t0 t1 g h      prints one JSON object
        family_mpmath.py --table [--dps N]               JSON list for tests/reference/family_points.txt
"""
import json
import os
import re
import sys

import mpmath as mp


# ---- spec (text form only) -----------------------------------------------------------------
def parse_spec(text):
    out = {}
    for tok in text.split():
        role, val = tok.split('=', 1)
        m = re.fullmatch(r'([a-z0-9-]+)(?:\((.*)\))?', val)
        kind, args = m.group(1), m.group(2)
        params = {}
        if args:
            for item in args.split(','):
                k, v = item.split('=')
                params[k.strip()] = mp.mpf(v.strip())
        out[role] = (kind, params)
    return out


# ---- laws: (density, support pieces, centre points) ------------------------------------------
def law(kind, p):
    if kind == 'exp':
        c = p['c']
        return (lambda x: c * mp.exp(-c * x)), [0, 1 / c, 5 / c, 20 / c, mp.inf]
    if kind == 'exp2':
        # Y = w1 X1 + w2 X2, X_i ~ Exp(c_i) independent: the convolution of Exp(l1) and Exp(l2),
        # l_i = c_i/w_i, is l1 l2 (e^{-l1 y} - e^{-l2 y})/(l2 - l1) (Gamma(2, l) when equal);
        # checked here against the convolution integral itself at three points.
        c1, c2 = p['c1'], p['c2']
        w1, w2 = p.get('w1', mp.mpf(1)), p.get('w2', mp.mpf(1))
        l1, l2 = c1 / w1, c2 / w2
        if l1 == l2:
            dens = (lambda y: l1 * l1 * y * mp.exp(-l1 * y))
        else:
            dens = (lambda y: l1 * l2 * (mp.exp(-l1 * y) - mp.exp(-l2 * y)) / (l2 - l1))
        for y in (mp.mpf(1) / 7, 1 / min(l1, l2), 5 / min(l1, l2)):
            conv = mp.quad(lambda x: l1 * mp.exp(-l1 * x) * l2 * mp.exp(-l2 * (y - x)), [0, y])
            assert abs(conv - dens(y)) <= mp.mpf(10) ** (8 - mp.mp.dps) * dens(y), (y, conv, dens(y))
        lo = min(l1, l2)
        return (lambda x: dens(x) if x >= 0 else mp.mpf(0)), [0, 1 / lo, 5 / lo, 20 / lo, 60 / lo, mp.inf]
    if kind == 'rayleigh':
        return (lambda z: 2 * z * mp.exp(-z * z)), [0, 1, 3, mp.inf]
    if kind == 'uniform':
        return (lambda z: mp.mpf(1)), [0, 1]
    if kind == 'gaussian':
        mu, s = p.get('mu', mp.mpf(0)), p.get('sigma', mp.mpf(1))
        return (lambda x: mp.npdf(x, mu, s)), [-mp.inf, mu - 4 * s, mu - s, mu, mu + s, mu + 4 * s, mp.inf]
    if kind == 'mixture':
        w, m1, s1, m2, s2 = p['w'], p['mu1'], p['s1'], p['mu2'], p['s2']
        pts = sorted({m1 - 4 * s1, m1, m1 + 4 * s1, m2 - 4 * s2, m2, m2 + 4 * s2})
        return (lambda x: w * mp.npdf(x, m1, s1) + (1 - w) * mp.npdf(x, m2, s2)), [-mp.inf] + pts + [mp.inf]
    raise ValueError(kind)


# ---- discriminator values D, 1 - D and derivatives in s --------------------------------------
def disc_values(kind, s):
    """D, 1-D, D', D'' at pre-activation s."""
    if kind == 'erf':
        d, e = mp.erfc(-s) / 2, mp.erfc(s) / 2
        d1 = mp.exp(-s * s) / mp.sqrt(mp.pi)
        return d, e, d1, -2 * s * d1
    # logistic
    d, e = 1 / (1 + mp.exp(-s)), 1 / (1 + mp.exp(s))
    d1 = d * e
    return d, e, d1, d1 * (e - d)


def psi(cost, term, kind, s):
    """psi, psi', psi'' of the cost's real / fake term as functions of s."""
    d, e, d1, d2 = disc_values(kind, s)
    if cost == 'ls':
        if term == 'real':
            return d * d, 2 * d * d1, 2 * d1 * d1 + 2 * d * d2
        return e * e, -2 * e * d1, 2 * d1 * d1 - 2 * e * d2
    if term == 'real':  # log D (cost=log)
        q = d1 / d
        return mp.log(d), q, d2 / d - q * q
    if cost == 'log':  # log(1 - D)
        q = d1 / e
        return mp.log(e), -q, -d2 / e - q * q
    # nonsat fake: -log D
    q = d1 / d
    return -mp.log(d), -q, -(d2 / d - q * q)


def pre_activation(kind, t0, t1, g, h, y_of, term):
    """s and its partials (list of 4, packed Hessian of 10) in (t0, t1, g, h) at integration
    variable u; y = x (real) or g*m + h (fake)."""
    def at(u):
        if term == 'real':
            y, m = u, None
        else:
            m = y_of(u)
            y = g * m + h
        ds = [mp.mpf(0)] * 4
        H = {}
        if kind == 'erf':  # s = t0*y + t1
            s = t0 * y + t1
            ds[0], ds[1] = y, mp.mpf(1)
            if term == 'fake':
                ds[2], ds[3] = t0 * m, t0
                H[(0, 2)], H[(0, 3)] = m, mp.mpf(1)
        else:  # s = t1*y - log t0
            s = t1 * y - mp.log(t0)
            ds[0], ds[1] = -1 / t0, y
            H[(0, 0)] = 1 / (t0 * t0)
            if term == 'fake':
                ds[2], ds[3] = t1 * m, t1
                H[(1, 2)], H[(1, 3)] = m, mp.mpf(1)
        return s, ds, H
    return at


PAIRS = [(i, j) for i in range(4) for j in range(i, 4)]


def smooth_term(spec, term, theta):
    cost = spec['cost'][0]
    dk = spec['disc'][0]
    if term == 'real' and cost == 'nonsat':
        return [mp.mpf(0)] * 15
    lawkind, lawp = spec['data'] if term == 'real' else spec['latent']
    dens, pts = law(lawkind, lawp)
    gen = spec['gen'][0]
    y_of = (lambda z: z * z) if gen == 'square' else (lambda z: z)
    t0, t1, g, h = theta
    at = pre_activation(dk, t0, t1, g, h, y_of, term)

    memo = {}

    def entries(u):  # memoised: the 15 quadratures share their tanh-sinh nodes
        key = (u.real if isinstance(u, mp.mpc) else u)
        if key in memo:
            return memo[key]
        memo[key] = entries_at(u)
        return memo[key]

    def entries_at(u):
        s, ds, H = at(u)
        f0, f1, f2 = psi(cost, term, dk, s)
        p = dens(u)
        out = [p * f0] + [p * f1 * ds[i] for i in range(4)]
        out += [p * (f2 * ds[i] * ds[j] + f1 * H.get((i, j), 0)) for (i, j) in PAIRS]
        return out

    # split points: the law's and the transition s = 0 (and a few widths around it)
    split = set(pts)
    # transition in y (real: y = u) / in m (fake: m = (y - h)/g)
    if dk == 'erf':
        ystar = -t1 / t0 if t0 != 0 else None
        width = 1 / abs(t0) if t0 != 0 else None
    else:
        ystar = mp.log(t0) / t1 if t1 != 0 else None
        width = 1 / abs(t1) if t1 != 0 else None
    lo, hi = pts[0], pts[-1]
    if ystar is not None:
        cands = []
        if term == 'real':
            cands = [ystar + k * width for k in (-8, -4, -2, -1, 0, 1, 2, 4, 8)]
        elif g != 0:
            for k in (-8, -4, -2, -1, 0, 1, 2, 4, 8):
                m = (ystar + k * width - h) / g
                if gen == 'square':
                    if m > 0:
                        cands.append(mp.sqrt(m))
                        cands.append(-mp.sqrt(m))
                else:
                    cands.append(m)
        for c in cands:
            if lo < c < hi:
                split.add(c)
    split = sorted(split, key=lambda v: float(v) if v not in (mp.inf, -mp.inf) else (1e308 if v == mp.inf else -1e308))
    # scale each entry so that mpmath.quad's absolute tolerance acts as a relative one
    probes = [entries(u) for u in [(split[i] + split[i + 1]) / 2 for i in range(len(split) - 1)
                                   if split[i] not in (-mp.inf,) and split[i + 1] not in (mp.inf,)] or [mp.mpf(1) / 3]]
    res = []
    for k in range(15):
        scale = max([abs(pr[k]) for pr in probes] + [mp.mpf(10) ** (-mp.mp.dps // 2)])
        val = mp.quad(lambda u: entries(u)[k] / scale, split, maxdegree=12)
        res.append(val * scale)
    return res


def indicator_terms(spec, theta):
    dens_x, pts_x = law(*spec['data'])
    dens_z, pts_z = law(*spec['latent'])
    gen = spec['gen'][0]

    def prob(dens, pts, a, b):  # ∫_a^b dens, over the support pieces
        lo, hi = pts[0], pts[-1]
        a, b = max(a, lo), min(b, hi)
        if a >= b:
            return mp.mpf(0)
        inner = [p for p in pts if a < p < b]
        return mp.quad(dens, [a] + inner + [b])

    def J1(l, r, g, h):
        return prob(dens_x, pts_x, l, r)

    def PG(l, r, g, h):
        if gen == 'affine':
            zl, zr = (l - h) / g, (r - h) / g
            if g < 0:
                zl, zr = zr, zl
            return prob(dens_z, pts_z, zl, zr)
        vl, vr = (l - h) / g, (r - h) / g  # z^2 in [vl, vr]
        sl = mp.sqrt(vl) if vl > 0 else mp.mpf(0)
        sr = mp.sqrt(vr) if vr > 0 else mp.mpf(0)
        return prob(dens_z, pts_z, sl, sr) + prob(dens_z, pts_z, -sr, -sl)

    def J2(l, r, g, h):
        return 1 - PG(l, r, g, h)

    out = []
    for F in (J1, J2):
        vals = [F(*theta)]
        for i in range(4):
            o = [0] * 4
            o[i] = 1
            vals.append(mp.diff(F, theta, tuple(o)))
        for (i, j) in PAIRS:
            o = [0] * 4
            o[i] += 1
            o[j] += 1
            vals.append(mp.diff(F, theta, tuple(o)))
        out.append(vals)
    return out


def compute(spec_text, theta_text, dps):
    with mp.workdps(dps):
        spec = parse_spec(spec_text)
        theta = [mp.mpf(t) for t in theta_text]
        if spec['disc'][0] == 'indicator':
            r, f = indicator_terms(spec, theta)
        else:
            r, f = smooth_term(spec, 'real', theta), smooth_term(spec, 'fake', theta)
        J = [a + b for a, b in zip(r, f)]
        return [r[0], f[0]] + J


def agreeing_digits(x, y, dps):
    """Significant digits on which x (at dps) and y agree; an entry below 10^-dps of the
    point's largest |entry| is measured against that floor (exact zeros, e^{-b^2}-like tails)."""
    big = max(abs(v) for v in y)
    worst = 10 ** 6
    for a, b in zip(x, y):
        d = abs(a - b)
        if d == 0:
            continue
        ref = max(abs(b), big * mp.mpf(10) ** -dps)
        worst = min(worst, int(mp.floor(-mp.log10(d / ref))))
    return worst


def point(spec_text, theta_text, dps):
    lo = compute(spec_text, theta_text, dps)
    hi = compute(spec_text, theta_text, dps + 20)
    with mp.workdps(dps + 20):
        digits = agreeing_digits(lo, hi, dps)
        return {"spec": spec_text, "theta": theta_text, "digits": digits,
                "values": [mp.nstr(v, dps + 10, strip_zeros=False) for v in hi],
                "radius": [mp.nstr(abs(a - b) * 10 + mp.mpf(10) ** -(dps + 5), 5) for a, b in zip(lo, hi)]}


def main(argv):
    dps = 30
    if '--dps' in argv:
        i = argv.index('--dps')
        dps = int(argv[i + 1])
        del argv[i:i + 2]
    if argv and argv[0] == '--table':
        here = os.path.dirname(os.path.abspath(__file__))
        rows = []
        with open(os.path.join(here, 'family_points.txt')) as f:
            for line in f:
                line = line.strip()
                if not line or line.startswith('#'):
                    continue
                spec, theta = line.split('|')
                rows.append(point(spec.strip(), theta.split(), dps))
        print(json.dumps(rows, indent=1))
        return 0
    spec, theta = argv[0], argv[1:5]
    print(json.dumps(point(spec, theta, dps), indent=1))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
