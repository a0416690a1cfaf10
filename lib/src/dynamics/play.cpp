#include "gancert/dynamics/play.hpp"

#include <algorithm>

#include "gancert/model/closed_form.hpp"
#include "gancert/model/eval_policy.hpp"
#include "gancert/model/evaluate.hpp"

namespace gancert::dynamics {

namespace {
using arith::impfr;
using arith::mpfr;

/// Largest width of the parameters (a, b, g, h, c), rounded up.
mpfr max_parameter_width(const model::Params<impfr>& p) {
    mpfr w = arith::width_up(p.c);
    for (std::size_t i = 0; i < 4; ++i) w = std::max(w, mpfr(arith::width_up(coordinate(p, i))));
    return w;
}

/// True iff J1, J2, J and ∇J all have ABSOLUTE width ≤ 2^{−(bits − trajectory_guard_bits)} +
/// trajectory_width_factor·w (model/eval_policy.hpp).
bool absolutely_tight(const model::Evaluation<impfr>& e, const mpfr& w) {
    const mpfr tol = model::working_tolerance<mpfr>(model::trajectory_guard_bits) +
                     mpfr(model::trajectory_width_factor) * w;
    return e.all_of([&](const impfr& x) { return arith::width_up(x) <= tol; }, model::first_hessian);
}
}  // namespace

model::Evaluation<impfr> trajectory_enclosure(const model::Params<impfr>& p) {
    if (auto cf = model::evaluate_closed_form<impfr>(p))
        if (absolutely_tight(*cf, max_parameter_width(p))) return *cf;
    return model::evaluate<impfr>(p);
}

model::Evaluation<mpfr> trajectory_approximation(const model::Params<mpfr>& p) {
    auto point = [](const mpfr& x) { return impfr(x, x); };
    const model::Params<impfr> q{point(p.a), point(p.b), point(p.g), point(p.h), point(p.c)};
    if (auto cf = model::evaluate_closed_form<impfr>(q))
        if (absolutely_tight(*cf, mpfr(0)))
            return cf->transform([](const impfr& x) { return arith::midpoint(x); });
    return model::evaluate<mpfr>(p);
}

std::vector<Iterate<double>> play_double(const TrajectorySpec& spec) {
    return gradient_play<double>(spec, [](const model::Params<double>& p) { return model::evaluate<double>(p); });
}

std::vector<Iterate<mpfr>> play_mpfr(const TrajectorySpec& spec, unsigned bits) {
    arith::precision_guard guard(bits);
    return gradient_play<mpfr>(spec, trajectory_approximation);
}

std::vector<CertifiedIterate> play_certified(const TrajectorySpec& spec, unsigned bits) {
    return certified_gradient_play(spec, bits, trajectory_enclosure);
}

}  // namespace gancert::dynamics
