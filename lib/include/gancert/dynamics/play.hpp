// gancert/dynamics/play.hpp — gradient play with the library's evaluator (model::evaluate).
//
// Non-template entry points over the templates of gradient_play.hpp / certified_play.hpp, with
// J, ∇J, ∇²J from model::evaluate<S>. See those headers for the update rule and guarantees.
#pragma once
#include <vector>

#include "gancert/arith/scalar.hpp"
#include "gancert/dynamics/certified_play.hpp"
#include "gancert/dynamics/gradient_play.hpp"
#include "gancert/dynamics/spec.hpp"

namespace gancert::dynamics {

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
