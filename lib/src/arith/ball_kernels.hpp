// Internal: Arb ball kernels behind the rounding policy (arith/rounding.hpp, lemma A1.5).
//
// bounds(f, x, lo, hi) encloses f(x) for one point x: lo <= f(x) <= hi, from one Arb ball
// (arb_exp, arb_expm1, arb_log, arb_atan, arb_hypgeom_erf, arb_hypgeom_erfc; erfcx as the
// product e^{x²}·erfc(x) of two balls, x² exact) computed at a
// few guard bits above the output precision and rounded outward, first to an MPFR number in
// the requested direction (arf_get_mpfr) and, for double, then by mpfr_get_d in the same
// direction. One call gives both ends, so an interval operation on a point needs one ball
// where MPFR needs two correctly rounded calls.
//
// Preconditions: none; x may be anything. Returns false (and leaves lo, hi unspecified) when
// the kernel does not apply — x not finite, outside f's domain or outside the argument range
// in which the kernel is used (kernel_range below), or a ball that is not finite or whose ends
// lie outside the exponent range kept for the conversion — and the caller then uses its MPFR
// path. It never returns true with a bound that does not hold.
#pragma once
#include <mpfr.h>

namespace gancert::arith::ball {

enum class fn { exp, expm1, log, erf, erfc, atan, erfcx };

/// Double result: lo <= f(x) <= hi (both doubles), or false.
bool bounds(fn f, double x, double& lo, double& hi);
/// MPFR result: lo <= f(x) <= hi at the precisions lo and hi already have, or false.
bool bounds(fn f, mpfr_srcptr x, mpfr_ptr lo, mpfr_ptr hi);

}  // namespace gancert::arith::ball
