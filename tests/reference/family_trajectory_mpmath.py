#!/usr/bin/env python3
"""Independent gradient play for models of the gancert family (tests of `trajectory --model`).

theta_{k+1} = theta_k + eta * s * grad J(theta_k) over the moving coordinates, s = (+1, +1, -1, -1)
(the discriminator ascends in its two parameters, the generator descends in g, h; dims 2 moves
theta1 and h only), K iterates counting the start. grad J comes from family_mpmath.compute
(mpmath.quad of the analytically differentiated integrands, independent of lib/), the update is
done in mpmath at the same precision. The whole run is done at dps and at dps + 15; `radius`
is 10 * |difference| + 10^-dps per number, a bound on the reference's own error.

usage:  family_trajectory_mpmath.py [--dps N] [--steps K] [--dims 2|4] [--step ETA] 'SPEC' t0 t1 g h
prints {"spec", "iterates": [[t0, t1, g, h, J1, J2, J, gnorm] per k], "radius": [same shape]}
"""
import json
import os
import sys

import mpmath as mp

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import family_mpmath  # noqa: E402

SIGN = (1, 1, -1, -1)


def play(spec, theta, eta, steps, dims, dps):
    moving = (True, True, True, True) if dims == 4 else (False, True, False, True)
    with mp.workdps(dps):
        th = [mp.mpf(t) for t in theta]
        e = mp.mpf(eta)
        rows = []
        for k in range(steps):
            v = family_mpmath.compute(spec, th, dps)
            grad = v[3:7]
            gnorm = mp.sqrt(sum(grad[i] ** 2 for i in range(4) if moving[i]))
            rows.append(list(th) + [v[0], v[1], v[2], gnorm])
            if k + 1 < steps:
                th = [th[i] + e * SIGN[i] * grad[i] if moving[i] else th[i] for i in range(4)]
        return rows


def main(argv):
    opts = {"--dps": "30", "--steps": "4", "--dims": "4", "--step": "0.4"}
    while argv and argv[0] in opts:
        opts[argv[0]] = argv[1]
        del argv[:2]
    spec, theta = argv[0], argv[1:5]
    dps, steps, dims = int(opts["--dps"]), int(opts["--steps"]), int(opts["--dims"])
    lo = play(spec, theta, opts["--step"], steps, dims, dps)
    hi = play(spec, theta, opts["--step"], steps, dims, dps + 15)
    with mp.workdps(dps + 15):
        out = {"spec": spec, "dps": dps,
               "iterates": [[mp.nstr(x, dps + 10, strip_zeros=False) for x in row] for row in hi],
               "radius": [[mp.nstr(abs(a - b) * 10 + mp.mpf(10) ** -dps, 5) for a, b in zip(r1, r2)]
                          for r1, r2 in zip(lo, hi)]}
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
