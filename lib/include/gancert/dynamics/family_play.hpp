// gancert/dynamics/family_play.hpp — gradient play for any model of the family
// (family/spec.hpp): the discriminator ascends J in its two parameters θ0, θ1 (a, b; l, r for
// the indicator), the generator descends it in g, h, with the update rule, step, iterate count
// and moving coordinates of dynamics/spec.hpp (dims = 2 moves θ1 and h, as the paper's 2-D runs
// move b and h). The iterates are carried in model::Params with (a, b, g, h) = θ (c unused, 0).
//
// Evaluation: family::evaluate (the validated integral path, or the indicator's closed form)
//   double     at the point θ_k (exact binary doubles), 96 bits, quantities rounded to double;
//   mpfr       at the point θ_k at `bits` (relative target 2^-(bits-16)), the midpoints;
//   certified  over the interval iterate Θ_k (and its midpoint), at `bits`: family::evaluate
//              encloses J and its derivatives for every θ in the box (lemmas Q.2, F.5–F.10),
//              so certified_gradient_play_from's mean-value / naive update (lemma "Certified
//              gradient play") encloses the exact iterates. An enclosure that is not finite
//              (the box grew into a region the quadrature cannot bound) throws
//              std::runtime_error naming the iterate: never a wrong box.
// An iterate that leaves the composition's domain (logistic a <= 0, indicator l >= r,
// square-law g < 0, …) ends the run with std::runtime_error naming the iterate and parameter.
//
// Contract: validate() throws arith::bad_parameter naming the parameter (a player's name,
// "step_size", "steps", "dims"); play_double / play_mpfr approximate the exact iterates,
// play_certified encloses them; failures propagate as exceptions, never as wrong boxes.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "gancert/dynamics/certified_play.hpp"
#include "gancert/dynamics/gradient_play.hpp"
#include "gancert/family/spec.hpp"

namespace gancert::dynamics {

/// A gradient-play run of a model of the family; start and step are exact decimals.
struct FamilyTrajectorySpec {
    family::ModelSpec model;
    std::array<std::string, 4> start;  ///< θ_0 in player order (family::player_names)
    std::string step = "0.4";          ///< η > 0
    int iterates = 250;                ///< K ≥ 1 iterates counting the start
    int dims = 4;                      ///< 2 (θ1, h move) or 4 (all move)
    double time_limit = 0;             ///< wall-clock seconds (0: none), as TrajectorySpec
};

/// family::validate_players(start), then step, iterates and dims as validate(TrajectorySpec).
void validate(const FamilyTrajectorySpec& spec);

std::vector<Iterate<double>> play_double(const FamilyTrajectorySpec& spec);
std::vector<Iterate<arith::mpfr>> play_mpfr(const FamilyTrajectorySpec& spec, unsigned bits);
std::vector<CertifiedIterate> play_certified(const FamilyTrajectorySpec& spec, unsigned bits);

/// Default working precision of the certified family trajectory (bits): the family's jets
/// cost more per bit than R/S/E/E's closed form.
inline constexpr unsigned default_family_certified_bits = 128;

}  // namespace gancert::dynamics
