"""Benchmark: vectorised certified evaluation of 10^4 double points (gancert.evaluate).

Target (issue 13): 10^4 double-precision enclosures of the 17 quantities in <= 1 s on one
core. Points: a in [0.5, 3], b, h in [-4, 4], g in [0.2, 3], c in [0.2, 5] (seeded). Prints
the wall and CPU time (on a shared machine the CPU time of this process is the measure of the
one core it used; the target is judged on it), the rate and how many points needed the MPFR
fallback; exit 1 if over the target.
Run: PYTHONPATH=build/python/package /usr/bin/python3 bench/python_batch.py [N]
"""
import sys
import time

import numpy as np

import gancert

n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
rng = np.random.default_rng(1)
a, b, g = rng.uniform(0.5, 3, n), rng.uniform(-4, 4, n), rng.uniform(0.2, 3, n)
h, c = rng.uniform(-4, 4, n), rng.uniform(0.2, 5, n)
t0, c0 = time.perf_counter(), time.process_time()
e = gancert.evaluate(a, b, g, h, c)
dt, cpu = time.perf_counter() - t0, time.process_time() - c0
rel = np.max((e.hi - e.lo) / np.maximum(np.minimum(np.abs(e.lo), np.abs(e.hi)), 1e-300), axis=-1)
print("gancert.evaluate: %d points x 17 quantities in %.3f s CPU (%.1f us/point; %.3f s wall), %d MPFR "
      "fallbacks, median max relative width %.1e" % (n, cpu, 1e6 * cpu / n, dt, int(e.fallback.sum()),
                                                     float(np.median(rel))))
sys.exit(0 if cpu * 10000 / n <= 1.0 else 1)
