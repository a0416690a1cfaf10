// gancert/arith/detail/planted_faults.hpp — fault injection for the arithmetic canaries only.
//
// The ball-kernel canary (tests/test_arith_ball_canary.cpp) must see a broken kernel break the
// property harness: with `ball_midpoint_only` planted, the Arb kernels of the rounding policy
// (lemma A1.5) return the ball's midpoint rounded to nearest as both ends, i.e. they drop the
// radius and the outward rounding; with `fast_truncated` planted, the fast double kernels of
// lemma A1.6 drop terms and their error bounds. The flags is thread-local and set only through a
// planted_fault_scope, so that no production option carries a test hook.
//
// Contract: outside a planted_fault_scope nothing is changed; inside one, the transcendental
// bounds of rounding<double> / rounding<mpfr> are deliberately WRONG.
#pragma once
#include "gancert/arith/detail/planted_scope.hpp"

namespace gancert::arith::detail {

struct PlantedFaults {
    bool ball_midpoint_only = false;
    /// Fast double kernels (lemma A1.6): drop their top three Taylor terms and every error
    /// bound (remainder, rounding, coefficients) — a deliberately broken kernel.
    bool fast_truncated = false;
    /// Not a fault: route rounding<double> past the fast kernels to the Arb ball kernels, so
    /// that the ball canary can still break the ball path for interval<double>.
    bool fast_kernels_off = false;
};

/// The faults in force on this thread, and the scope that plants them (arith/detail/planted_scope.hpp).
inline PlantedFaults& planted_faults() { return arith::detail::planted<PlantedFaults>(); }
using planted_fault_scope = arith::detail::planted_scope<PlantedFaults>;

}  // namespace gancert::arith::detail
