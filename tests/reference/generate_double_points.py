#!/usr/bin/python3
"""
generate_double_points.py -- independent mpmath values of the 17 R/S/E/E quantities at points
that are exact binary doubles (what float64 code evaluates), for the held-out candidate tables
of `gancert compare` and gancert.testing (issue 13; python/tests/test_held_out.py).

Each point is a tuple of Python floats; its coordinates are written as the EXACT decimal
expansion of the double (decimal.Decimal(float)), so that `gancert reference --points`,
`gancert compare` and gancert.evaluate (which takes the exact double) all refer to the same
point. The values come from generate_rsee.compute_point (one mpmath.quad integral per
quantity, D and 1 - D through erfc, no closed forms; see that file's header), run twice, at
mp.dps = 40 and 60; the value written is the 60-digit one with 40 significant digits, and
the `digits` column is the fewest significant digits on which the two runs agree (relative),
over the 17 quantities. A row agreeing to fewer than 35 digits is not written (exit 1).

Usage: /usr/bin/python3 tests/reference/generate_double_points.py [--out tests/data]
"""
import argparse
import os
import sys
from decimal import Decimal

import mpmath
from mpmath import mp, mpf

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate_rsee  # noqa: E402

# (id, a, b, g, h, c) as doubles. a > 0 and g > 0 (the generator's integration ranges).
POINTS = [
    ("A", 2.2, -3.0, 1.5, -2.0, 0.5),       # paper case A
    ("B", 1.21, -1.0, 0.35, -4.0, 4.04),    # paper case B
    ("C", 0.5, 1.0, 2.0, 0.25, 1.0),
    ("S1", 1.5, 2.0, 1.0, 0.5, 1.0),        # python/examples/naive_scipy.py: 1 - D(t) cancels
    ("S2", 1.5, 4.5, 1.0, 0.5, 1.0),
    ("R1", 0.8125, -1.3, 2.7, 0.9, 2.5),
    ("R2", 4.1, 0.3, 0.07, -5.5, 7.25),
    ("U", 3.3, 6.68, 2.45, 4.73, 5.98),     # J2 ~ 6.8e-439: below the double range
]
DIGITS, LOW, HIGH, WRITTEN, MIN_AGREE = 40, 40, 60, 40, 35


def agreement(v1, v2):
    if v1 == v2:
        return HIGH
    return int(mpmath.floor(-mpmath.log10(abs(v1 - v2) / abs(v2))))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data"))
    args = ap.parse_args()
    names = generate_rsee.NAMES
    rows, ok = [], True
    for pid, *p in POINTS:
        exact = [str(Decimal(x)) for x in p]
        runs = [generate_rsee.compute_point((pid, *exact, dps))[2] for dps in (LOW, HIGH)]
        mp.dps = HIGH + 10
        lo, hi = ([mpf(r[n]) for n in names] for r in runs)
        digits = min(agreement(a, b) for a, b in zip(lo, hi))
        print("%-3s %s: %d agreeing digits" % (pid, " ".join(repr(x) for x in p), digits), file=sys.stderr)
        if digits < MIN_AGREE:
            ok = False
            continue
        rows.append([pid] + exact + [str(min(digits, DIGITS))] + [mpmath.nstr(v, WRITTEN)
                                                                   for v in hi])
    path = os.path.join(args.out, "rsee_double_points.csv")
    with open(path, "w") as f:
        f.write("# R/S/E/E quantities at exact double points, mpmath (tests/reference/generate_double_points.py).\n")
        f.write("# a..c: the exact decimal value of a double; values: mp.dps %d run, %d significant digits;\n"
                "# digits: fewest agreeing significant digits between the dps %d and %d runs.\n"
                % (HIGH, WRITTEN, LOW, HIGH))
        f.write(",".join(["id", "a", "b", "g", "h", "c", "digits"] + names) + "\n")
        for r in rows:
            f.write(",".join(r) + "\n")
    print("wrote %s (%d rows)" % (path, len(rows)), file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
