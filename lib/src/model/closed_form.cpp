// J1, J2, ∇J, ∇²J through W_σ (proofs/lemmas.md §C, §2.2–2.3; docs/mathematics.md §3 and proofs/lemmas.md §C).
#include "gancert/model/closed_form.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "gancert/model/closed_form_integrals.hpp"
#include "gancert/model/detail/tracked_special.hpp"
#include "gancert/model/eval_policy.hpp"
#include "gancert/model/reduction.hpp"
#include "gancert/special/bivariate_normal.hpp"

namespace gancert::model {

namespace {
using namespace gancert::arith;

// The 2-jet in (p, β) of Pj(p, β) = erfc²(−β)/4 + 2W_+ (σ = +1) or
// q(p, β) = erfc²(β)/4 − 2W_− (σ = −1), from the partials of W (proofs/lemmas.md §C):
//   F_β = 2σW/p, F_p = 2σW_p, F_ββ = 2σW_β/p, F_pβ = 2σ(W_p/p − W/p²), F_pp = 2σW_pp.
template <class S>
std::optional<ad::Jet<S, 2>> part_jet(int sigma, const S& p, const S& beta) {
    const auto w = w_partials(sigma, p, beta);
    if (!w) return std::nullopt;
    const S two_s = integer<S>(2 * sigma);
    const S inv_p = S(1) / p;
    ad::Jet<S, 2> f;
    f.v = square(erfc(S(-integer<S>(sigma) * beta))) / S(4) + two_s * w->W;
    f.g[0] = two_s * w->W_p;
    f.g[1] = two_s * w->W * inv_p;
    f.hess(0, 0) = two_s * w->W_pp;
    f.hess(0, 1) = two_s * (w->W_p * inv_p - w->W * square(inv_p));
    f.hess(1, 1) = two_s * w->W_b * inv_p;
    return f;
}

template <class S>
bool certainly_pos(const S& x) {
    auto s = special::decided_sign(x);
    return s && *s > 0;
}

template <class S>
std::optional<Evaluation<S>> evaluate_impl(const Params<S>& prm) {
    if (!certainly_pos(prm.a) || !certainly_pos(prm.g) || !certainly_pos(prm.c)) return std::nullopt;
    const Reduction<S> r = reduce<S>(prm);
    const auto f1 = part_jet(+1, r.p1.v, r.beta1.v);
    if (!f1) return std::nullopt;
    const auto f2 = part_jet(-1, S(-r.p2.v), S(-r.beta2.v));  // q(ag, ah + b) = P(p2, β2) reflected
    if (!f2) return std::nullopt;
    return assemble(r, *f1, reflect(*f2));
}

// The double path: evaluated on `tracked` (value + running error estimate); a value is
// returned only if every one of the 17 entries has an estimate within slack × target
// (1e−14 relative or 1e−16 absolute); see closed_form_double_estimate_slack.
bool within_target(const detail::tracked& x) {
    if (!std::isfinite(x.v) || !std::isfinite(x.e)) return false;
    constexpr double K = closed_form_double_estimate_slack;
    return x.e <= K * closed_form_double_rel_target * std::fabs(x.v) ||
           x.e <= K * closed_form_double_abs_target;
}

std::optional<Evaluation<double>> evaluate_double(const Params<double>& prm) {
    if (!(prm.a > 0) || !(prm.g > 0) || !(prm.c > 0)) return std::nullopt;
    // Cheap pre-filter: e^{E}·eps cancellation makes large E hopeless (proofs/lemmas.md §C).
    if (!(w_exponent(prm.a / prm.c, prm.b) <= closed_form_double_max_exponent) ||
        !(w_exponent(prm.a * prm.g, prm.a * prm.h + prm.b) <= closed_form_double_max_exponent))
        return std::nullopt;
    using detail::tracked;
    const auto t = evaluate_impl(Params<tracked>{prm.a, prm.b, prm.g, prm.h, prm.c});
    if (!t) return std::nullopt;
    if (!t->all_of(within_target)) return std::nullopt;
    return t->transform([](const detail::tracked& x) { return x.v; });
}

}  // namespace

template <class S>
std::optional<Evaluation<S>> evaluate_closed_form(const Params<S>& p) {
    if constexpr (is_interval_v<S>) {
        try {
            return evaluate_impl(p);
        } catch (const std::domain_error&) {
            return std::nullopt;  // NaN from overflowed endpoints: cannot decide
        }
    } else if constexpr (std::is_same_v<S, double>) {
        return evaluate_double(p);
    } else {
        return evaluate_impl(p);
    }
}

template std::optional<Evaluation<double>> evaluate_closed_form(const Params<double>&);
template std::optional<Evaluation<mpfr>> evaluate_closed_form(const Params<mpfr>&);
template std::optional<Evaluation<idouble>> evaluate_closed_form(const Params<idouble>&);
template std::optional<Evaluation<impfr>> evaluate_closed_form(const Params<impfr>&);

unsigned closed_form_bits(const Params<double>& p, unsigned target_bits) {
    double e = 0;
    if (p.a > 0 && p.c > 0) e = std::max(e, w_exponent(p.a / p.c, p.b));
    if (p.a > 0 && p.g > 0) e = std::max(e, w_exponent(p.a * p.g, p.a * p.h + p.b));
    if (!std::isfinite(e) || e > 1e6) e = 1e6;
    return target_bits + closed_form_guard_bits + static_cast<unsigned>(std::ceil(e * 1.4426950408889634));
}

}  // namespace gancert::model
