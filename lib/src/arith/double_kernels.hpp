// Internal: fast rigorous double kernels for exp, erf, erfc, erfcx (lemma A1.6 of
// proofs/lemmas.md), tried by rounding<double> before the Arb ball kernels (lemma A1.5).
//
// bounds(f, x, lo, hi) encloses f(x) at one double x: lo <= f(x) <= hi, from
//   * exp: x = k·ln2/64 + r, a table of 2^{j/64} enclosed at start-up by MPFR, and the Taylor
//     polynomial of (e^r − 1)/r with its proven remainder (A1.6 b);
//   * erf, erfcx: Taylor polynomials about grid points x0 whose coefficients are enclosed at
//     start-up by interval MPFR (320 bits) from the functions' differential equations, with a
//     truncation bound from Cauchy's estimate on a circle (A1.6 a, c, d);
//   * erfc from those: e^{−x²}·erfcx(x), 1 − erf(x), 2 − erfc(−x) (A1.6 e).
// Every polynomial is evaluated by Horner in double with an a-priori bound of its rounding
// error (A1.6 a); the result is c0 + t·[Q̂ − ε, Q̂ + ε] assembled with the directed operations
// of lemma A1.1, so a point argument gives an interval of 1–2 ulp.
//
// Returns false (lo, hi unspecified) outside the kernels' range — non-finite x, results that
// would be subnormal or overflow, erfc for x > 26.5, erfcx for x > 32 or x < −26 — and the
// caller then uses lemma A1.5 / A1.2. It never returns true with a bound that does not hold.
// The tables are built once per process (thread-safe static initialisation, ~20 ms).
#pragma once

#include "ball_kernels.hpp"

namespace gancert::arith::fast {

/// lo <= f(x) <= hi for f ∈ {exp, erf, erfc, erfcx}, or false (other f: always false).
bool bounds(ball::fn f, double x, double& lo, double& hi);

}  // namespace gancert::arith::fast
