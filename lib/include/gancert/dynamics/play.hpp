// gancert/dynamics/play.hpp — gradient play with the library's evaluator (model::evaluate).
//
// Non-template entry points over the templates of gradient_play.hpp / certified_play.hpp, with
// J, ∇J, ∇²J from the model layer. See those headers for the update rule and guarantees.
//
// Evaluator policy. An update adds η∇J to θ, so the trajectory needs J and ∇J to ABSOLUTE
// accuracy; model::evaluate<mpfr/impfr> asks for RELATIVE accuracy of all 17 quantities (also of
// J2 ≈ 1e−24 on the plateau and of tiny Hessian entries) and then escalates to the much slower
// integral path. So the trajectory evaluators below take the closed-form ENCLOSURE
// (model::evaluate_closed_form<impfr>, rigorous) whenever J1, J2, J and ∇J are absolutely tight,
// and otherwise fall back to model::evaluate. double uses model::evaluate<double> directly.
//
// Contract: play_certified encloses the exact iterates (certified_play.hpp); play_double /
// play_mpfr approximate them; invalid specs throw arith::bad_parameter naming the parameter.
#pragma once
#include <vector>

#include "gancert/arith/scalar.hpp"
#include "gancert/dynamics/certified_play.hpp"
#include "gancert/dynamics/gradient_play.hpp"
#include "gancert/dynamics/spec.hpp"

namespace gancert::dynamics {

/// Enclosure of J1, J2, J, ∇J, ∇²J over the box p (every entry contains the exact value for
/// every point of p): the closed-form enclosure if J1, J2, J, ∇J all have absolute width
/// ≤ 2^{−(bits−32)} + 1024·(largest parameter width), else model::evaluate<impfr>(p).
model::Evaluation<arith::impfr> trajectory_enclosure(const model::Params<arith::impfr>& p);

/// Approximation at the working precision: midpoints of the closed-form enclosure at the point
/// p when J1, J2, J, ∇J have absolute width ≤ 2^{−(bits−32)} (so each is within that of the
/// exact value), else model::evaluate<mpfr>(p). Not an enclosure.
model::Evaluation<arith::mpfr> trajectory_approximation(const model::Params<arith::mpfr>& p);

/// Double trajectory (best double approximation of each exact iterate, not an enclosure).
std::vector<Iterate<double>> play_double(const TrajectorySpec& spec);

/// MPFR trajectory at `bits` bits, round to nearest (not an enclosure); sets the working
/// precision for the duration of the call.
std::vector<Iterate<arith::mpfr>> play_mpfr(const TrajectorySpec& spec, unsigned bits);

/// Certified trajectory in interval<mpfr> at `bits` bits: every box encloses the exact iterate.
std::vector<CertifiedIterate> play_certified(const TrajectorySpec& spec, unsigned bits);

/// Default working precision of the certified trajectory (bits).
inline constexpr unsigned default_certified_bits = 256;

}  // namespace gancert::dynamics
