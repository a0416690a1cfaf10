// gancert/dynamics/certified_play.hpp — certified gradient play in interval<mpfr>.
//
// Encloses the EXACT-arithmetic iterates θ_k of θ_{k+1} = Φ(θ_k) = θ_k + η s∘∇J(θ_k) started at
// the exact decimals of the spec (η too: "0.4" is 2/5). Every iterate is a box Θ_k ∋ θ_k.
// One update (proofs/lemmas.md, "Certified gradient play"), over the moving coordinates M, with
// the fixed coordinates and c kept as the (thin) enclosures of their exact decimals:
//   mean-value form   Φ(Θ) ⊂ Φ(m) + DΦ(Θ)(Θ − m),   m = midpoint(Θ) (a point),
//                     DΦ_ij = δ_ij + η s_i ∂_ij J   (i, j ∈ M; Hessian enclosed over Θ),
//   naive form        Φ(Θ) ⊂ Θ + η s∘∇J(Θ),
// and Θ_{k+1} = the intersection of the two (both are enclosures; an empty intersection would
// be a soundness bug and throws arith::soundness_error). The mean-value form keeps widths growing
// like ‖|DΦ|‖ per step instead of 1 + η‖∇²J‖ plus the evaluator's overestimation.
// Each step costs two interval evaluations (at m and over Θ_{k+1}).
//
// Contract: every returned box encloses the exact iterate; an evaluation that fails throws
// and the exception propagates (never a wrong box); disjoint mean-value and naive enclosures
// throw arith::soundness_error. Preconditions: validate(spec), bits within the arith limits.
#pragma once
#include <array>
#include <boost/numeric/interval/utility.hpp>
#include <cstddef>
#include <stdexcept>
#include <vector>

#include "gancert/arith/errors.hpp"
#include "gancert/arith/scalar.hpp"
#include "gancert/dynamics/gradient_play.hpp"
#include "gancert/dynamics/spec.hpp"
#include "gancert/model/params.hpp"

namespace gancert::dynamics {

/// One certified iterate: the box Θ_k, the evaluation enclosures over Θ_k (J1, J2, ∇J, ∇²J),
/// the enclosure of ‖∇J‖₂ over the moving coordinates and the largest width of Θ_k's moving
/// coordinates (rounded up).
struct CertifiedIterate {
    model::Params<arith::impfr> p;
    model::Evaluation<arith::impfr> e;
    arith::impfr gnorm;
    arith::mpfr width;
};

/// The certified update loop from the box Θ_0 with step η (an enclosure of the exact η) over
/// the moving coordinates, at the working precision the caller has set (any model whose
/// players follow play_sign: R/S/E/E below, a model of the family in dynamics/family_play.hpp).
/// Same guarantees as certified_gradient_play; `time_limit` as in gradient_play_from (fewer
/// iterates once it has passed, each still an enclosure).
template <class Evaluator>
std::vector<CertifiedIterate> certified_gradient_play_from(model::Params<arith::impfr> box, const arith::impfr& eta,
                                                           int iterates, const std::array<bool, 4>& moving,
                                                           Evaluator&& evaluate, double time_limit = 0);

/// Certified trajectory at `bits` of working precision (set for the duration of the call).
/// `evaluate` must return enclosures (`Evaluation<impfr>(const Params<impfr>&)`, valid for
/// genuine interval parameters). Every returned box encloses the exact iterate; if an
/// evaluation fails (throws) the exception propagates — never a wrong enclosure.
/// Preconditions: validate(spec) (called; throws arith::bad_input), bits within
/// arith::min/max_precision_bits (std::invalid_argument otherwise).
template <class Evaluator>
std::vector<CertifiedIterate> certified_gradient_play(const TrajectorySpec& spec, unsigned bits,
                                                      Evaluator&& evaluate) {
    using arith::impfr;
    validate(spec);
    arith::precision_guard guard(bits);
    const impfr eta = arith::parse<impfr>(spec.step, "step_size");
    return certified_gradient_play_from(model::to_scalar_unchecked<impfr>(spec.start),  // validated above
                                        eta, spec.iterates, moving_coordinates(spec.dims), evaluate,
                                        spec.time_limit);
}

template <class Evaluator>
std::vector<CertifiedIterate> certified_gradient_play_from(model::Params<arith::impfr> box, const arith::impfr& eta,
                                                           int iterates, const std::array<bool, 4>& moving,
                                                           Evaluator&& evaluate, double time_limit) {
    using arith::impfr;
    const TimeBudget budget(time_limit);
    using arith::mpfr;
    auto max_moving_width = [&](const model::Params<impfr>& p) {
        mpfr w = arith::fresh_mpfr();
        for (std::size_t i = 0; i < 4; ++i)
            if (moving[i]) {
                mpfr wi = arith::width_up(coordinate(p, i));
                if (wi > w) w = wi;
            }
        return w;
    };
    auto signed_step = [&](std::size_t i, const impfr& x) {
        return play_sign[i] > 0 ? impfr(eta * x) : impfr(-(eta * x));
    };

    std::vector<CertifiedIterate> out;
    out.reserve(static_cast<std::size_t>(iterates));
    model::Evaluation<impfr> ev = evaluate(static_cast<const model::Params<impfr>&>(box));
    for (int k = 0;; ++k) {
        out.push_back({box, ev, moving_gradient_norm(ev, moving), max_moving_width(box)});
        if (k + 1 >= iterates || budget.expired()) break;

        model::Params<impfr> mid = box;  // moving coordinates replaced by their midpoints
        for (std::size_t i = 0; i < 4; ++i)
            if (moving[i]) coordinate(mid, i) = impfr(arith::midpoint(coordinate(box, i)));
        const model::Evaluation<impfr> at_mid =
            evaluate(static_cast<const model::Params<impfr>&>(mid));

        model::Params<impfr> next = box;
        for (std::size_t i = 0; i < 4; ++i) {
            if (!moving[i]) continue;
            impfr mean_value = coordinate(mid, i) + signed_step(i, at_mid.J.g[i]);
            for (std::size_t j = 0; j < 4; ++j) {
                if (!moving[j]) continue;
                impfr dphi = signed_step(i, ev.J.hess(i, j));
                if (i == j) dphi = dphi + impfr(1);
                mean_value = mean_value + dphi * (coordinate(box, j) - coordinate(mid, j));
            }
            const impfr naive = coordinate(box, i) + signed_step(i, ev.J.g[i]);
            if (mean_value.upper() < naive.lower() || naive.upper() < mean_value.lower())
                throw arith::soundness_error("certified_gradient_play: disjoint enclosures of iterate " +
                                       std::to_string(k + 1) + " (soundness bug)");
            coordinate(next, i) = boost::numeric::intersect(mean_value, naive);
        }
        box = next;
        ev = evaluate(static_cast<const model::Params<impfr>&>(box));
    }
    return out;
}

}  // namespace gancert::dynamics
