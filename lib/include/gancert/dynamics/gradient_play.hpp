// gancert/dynamics/gradient_play.hpp — deterministic gradient ascent (a, b) / descent (g, h).
//
// θ_{k+1} = θ_k + η s∘∇J(θ_k) over the moving coordinates (dynamics/spec.hpp), computed in a
// point arithmetic S ∈ {double, mpfr}: each iterate is the best approximation of the exact
// iterate at the working precision, NOT an enclosure (see certified_play.hpp for enclosures).
// The evaluator is any callable `Evaluation<S>(const Params<S>&)` — model::evaluate<S> in the
// library (dynamics/play.hpp), an independent quadrature in the tests.
//
// Contract: approximations only (no enclosures); validate(spec) is called (arith::bad_parameter
// naming the parameter); evaluator exceptions propagate.
#pragma once
#include <array>
#include <cstddef>
#include <vector>

#include "gancert/arith/scalar.hpp"
#include "gancert/dynamics/spec.hpp"
#include "gancert/model/params.hpp"

namespace gancert::dynamics {

/// One iterate: the parameters θ_k (c included), the evaluation there and ‖∇J(θ_k)‖.
template <class S>
struct Iterate {
    model::Params<S> p;
    model::Evaluation<S> e;
    S gnorm;  ///< Euclidean norm of ∇J over the MOVING coordinates only
};

/// Coordinate i (0 = a, 1 = b, 2 = g, 3 = h) of a parameter set.
template <class S>
S& coordinate(model::Params<S>& p, std::size_t i) {
    return i == 0 ? p.a : i == 1 ? p.b : i == 2 ? p.g : p.h;
}
template <class S>
const S& coordinate(const model::Params<S>& p, std::size_t i) {
    return i == 0 ? p.a : i == 1 ? p.b : i == 2 ? p.g : p.h;
}

/// ‖∇J‖₂ restricted to the moving coordinates: sqrt(Σ_{i moving} (∂_i J)²). For interval S an
/// enclosure of that norm over everything the gradient enclosure contains.
template <class S>
S moving_gradient_norm(const model::Evaluation<S>& e, const std::array<bool, 4>& moving) {
    using arith::sqrt;
    using arith::square;
    S sum = S(0);
    for (std::size_t i = 0; i < 4; ++i)
        if (moving[i]) sum = sum + square(e.J.g[i]);
    return sqrt(sum);
}

/// The update loop from the start θ_0 (scalars in S), step η and the moving coordinates: any
/// model whose four players follow the signs play_sign (the paper's R/S/E/E through
/// gradient_play below, a model of the family through dynamics/family_play.hpp). With
/// `time_limit` > 0 (seconds) the loop stops before an iterate once that much wall time has
/// passed (TimeBudget): fewer than `iterates` are returned.
template <class S, class Evaluator>
std::vector<Iterate<S>> gradient_play_from(model::Params<S> theta, const S& eta, int iterates,
                                           const std::array<bool, 4>& moving, Evaluator&& evaluate,
                                           double time_limit = 0) {
    const TimeBudget budget(time_limit);
    std::vector<Iterate<S>> out;
    out.reserve(static_cast<std::size_t>(iterates));
    for (int k = 0; k < iterates; ++k) {
        if (k > 0 && budget.expired()) break;
        Iterate<S> it{theta, evaluate(static_cast<const model::Params<S>&>(theta)), S(0)};
        it.gnorm = moving_gradient_norm(it.e, moving);
        if (k + 1 < iterates)
            for (std::size_t i = 0; i < 4; ++i)
                if (moving[i]) {
                    const S step = eta * it.e.J.g[i];
                    coordinate(theta, i) = play_sign[i] > 0 ? S(coordinate(theta, i) + step)
                                                            : S(coordinate(theta, i) - step);
                }
        out.push_back(std::move(it));
    }
    return out;
}

/// Runs spec.iterates iterates (θ_0 … θ_{K−1}) of gradient play in S, evaluating J at every
/// iterate with `evaluate`. For S = mpfr the caller sets the working precision
/// (arith::precision_guard) first. Preconditions: validate(spec) passes (this function calls
/// it and throws arith::bad_input otherwise). Iterates may leave the paper's domain (g < 0 in
/// 4-D runs is allowed: J is defined for every real θ).
template <class S, class Evaluator>
std::vector<Iterate<S>> gradient_play(const TrajectorySpec& spec, Evaluator&& evaluate) {
    validate(spec);
    const S eta = arith::parse<S>(spec.step, "step_size");
    return gradient_play_from<S>(model::to_scalar_unchecked<S>(spec.start),  // validated above
                                 eta, spec.iterates, moving_coordinates(spec.dims), evaluate, spec.time_limit);
}

}  // namespace gancert::dynamics
