// Internal (independent verifier): integral-path enclosures over a leaf (proofs/lemmas.md §V1).
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "model_ranges.hpp"

namespace gancert::verify::detail {

using arith::idouble;

/// Enclosures of J, ∇J and ∇²J (free variables in box order; H row major) at every point of a
/// box, from model::evaluate_integral alone (the validated quadrature of model/integral_path).
struct Values {
    idouble J;
    std::vector<idouble> g, H;
};
/// Throws std::runtime_error for an unbounded box and std::range_error outside the
/// integral path's supported range.
Values integral_values(const RseeModel& m, const certify::Box& B);
/// At the exact point x (box order), to the integral path's default point tolerance.
Values integral_values_at(const RseeModel& m, const std::vector<Decimal>& x);

enum class Verdict { holds, fails, undecided };

/// Runs `test` on the integral-path values of B; where it is undecided, bisects the widest
/// coordinate (relative to B) and tests both halves, up to `budget` evaluations. Returns when
/// every piece holds; throws std::runtime_error naming `what` when a piece fails (a definite
/// contradiction) or the budget is spent (not confirmed).
void on_every_piece(const RseeModel& m, const certify::Box& B, const std::function<Verdict(const Values&)>& test,
                    const std::string& what, int budget = 64);

}  // namespace gancert::verify::detail
