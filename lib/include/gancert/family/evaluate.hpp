// gancert/family/evaluate.hpp — J1, J2 and the 4-jet of J for any model of the family.
//
// θ = (θ0, θ1, g, h): the discriminator's two parameters, then the generator's (spec.hpp).
// J1 = E[sign·φ(σ(t(X)))] (real term), J2 = E[sign·φ(σ(ρ t(G(Z))))] (fake term), the shapes
// given by the cost (cost_*.hpp). For the smooth discriminators (erf, logistic) the
// pre-activation is t = P x + Q with (P, Q) jets of (θ0, θ1), so in the fake term
// t = κ m(z) + λ, κ = P g, λ = P h + Q, m(z) = z² or z (the generator) — jets computed once,
// independent of the integration variable. Each term is then
//     ∫ p(u) h(κ m(u) + λ) du  as a jet,  h = sign·φ∘σ,
// integrated by quad::integrate_validated over the law's core (Bernstein-ellipse remainder,
// lemma Q.2; rectangles where the box arithmetic cannot certify analyticity are skipped,
// lemmas F.5, F.6) plus the tail enclosure ±M·∫_tail p(u)(1+|u|)^{q(e+2)} du (lemma F.8 with
// the discriminator's growth H, e and the law's tail moments, lemma F.7).
// The indicator discriminator uses its closed form through CDFs (lemma F.10).
//
// Contract: evaluate() returns enclosures of the exact values at the thread's working
// precision (status tolerance_not_met: valid but wider than the target); std::range_error
// for an indicator endpoint on a CDF kink. evaluate_certified() validates θ
// (validate_players), climbs a precision ladder until every entry has relative width
// ≤ 10^{−digits} (or absolute 2^{−(target+30)} near 0), and reports the status it reached;
// a term whose quadrature spends its whole piece budget (max_subintervals) ends the ladder
// with tolerance_not_met (more bits would not need fewer pieces; bounded time at huge |θ|).
#pragma once
#include <array>
#include <cstddef>
#include <string>

#include "gancert/arith/scalar.hpp"
#include "gancert/family/model.hpp"
#include "gancert/model/params.hpp"

namespace gancert::family {

struct FamilyOptions {
    /// Relative target 2^{−target_bits} per entry; 0 = working bits − 16.
    int target_bits = 0;
    /// Budget of pieces per term and how often the core may be widened for the tail.
    std::size_t max_subintervals = 3000;
    int max_extensions = 6;
};

enum class FamilyStatus { ok, tolerance_not_met };

struct FamilyReport {
    model::Evaluation<arith::impfr> eval;
    FamilyStatus status = FamilyStatus::ok;
    std::size_t subintervals = 0;
    bool pieces_exhausted = false;  ///< a term's quadrature spent its whole piece budget
    std::string path;  ///< "integral" or "closed form (CDFs)"
};

/// Enclosures of J1, J2, J, ∇J, ∇²J at θ (impfr at the working precision).
FamilyReport evaluate(const Model<arith::impfr>& m, const std::array<arith::impfr, 4>& theta,
                      const FamilyOptions& opt = {});

struct FamilyCertified {
    FamilyReport report;
    unsigned bits = 0;
};
/// Certified to `digits` significant digits (see contract); θ as exact decimals.
FamilyCertified evaluate_certified(const ModelSpec& spec, const std::array<std::string, 4>& theta, unsigned digits);

}  // namespace gancert::family
