// J1, J2, ∇J, ∇²J through W_σ (math.md §1.5, §2.2–2.3; design §3.3).
#include "gancert/model/closed_form.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "gancert/model/closed_form_integrals.hpp"
#include "gancert/special/bivariate_normal.hpp"

namespace gancert::model {

namespace {
using namespace gancert::arith;

// The 2-jet in (p, β) of Pj(p, β) = erfc²(−β)/4 + 2W_+ (σ = +1) or
// q(p, β) = erfc²(β)/4 − 2W_− (σ = −1), from the partials of W (math.md §2.3):
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
    using J4 = ad::Jet<S, 4>;
    const J4 a = J4::variable(prm.a, 0), b = J4::variable(prm.b, 1);
    const J4 g = J4::variable(prm.g, 2), h = J4::variable(prm.h, 3);
    const J4 p1 = a / prm.c;
    const J4 p2 = a * g;
    const J4 eta = a * h + b;
    if constexpr (std::is_same_v<S, double>) {
        // Measured benign regime of the double closed form (math.md §1.6; RESULTS-closed-form.md).
        for (auto [pp, bb] : {std::pair{p1.v, b.v}, std::pair{p2.v, eta.v}}) {
            if (!(pp >= closed_form_double_min_p)) return std::nullopt;
            if (!(w_exponent(pp, bb) <= closed_form_double_max_exponent)) return std::nullopt;
        }
    }
    const auto f1 = part_jet(+1, p1.v, b.v);
    if (!f1) return std::nullopt;
    const auto f2 = part_jet(-1, p2.v, eta.v);
    if (!f2) return std::nullopt;
    Evaluation<S> out;
    out.J1 = f1->v;
    out.J2 = f2->v;
    out.J = ad::compose(*f1, p1, b) + ad::compose(*f2, p2, eta);
    if constexpr (std::is_same_v<S, double>) {
        if (!std::isfinite(out.J.v)) return std::nullopt;
    }
    return out;
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
    return target_bits + 32 + static_cast<unsigned>(std::ceil(e * 1.4426950408889634));
}

namespace {
// width ≤ 10^{−digits}·mig(x) (or ≤ 10^{−digits} when x contains 0); a stopping rule only.
bool narrow_enough(const impfr& x, unsigned digits) {
    mpfr w = width_up(x);
    mpfr m = mig(x);
    mpfr tol = fresh_mpfr(64);
    mpfr_set_ui(raw(tol), 10, MPFR_RNDN);
    mpfr_pow_si(raw(tol), raw(tol), -static_cast<long>(digits), MPFR_RNDD);
    if (mpfr_zero_p(raw(m))) return mpfr_lessequal_p(raw(w), raw(tol));
    mpfr_mul(raw(tol), raw(tol), raw(m), MPFR_RNDD);
    return mpfr_lessequal_p(raw(w), raw(tol));
}
bool all_narrow(const Evaluation<impfr>& e, unsigned digits) {
    if (!narrow_enough(e.J1, digits) || !narrow_enough(e.J2, digits) || !narrow_enough(e.J.v, digits))
        return false;
    for (const auto& x : e.J.g)
        if (!narrow_enough(x, digits)) return false;
    for (const auto& x : e.J.h)
        if (!narrow_enough(x, digits)) return false;
    return true;
}
}  // namespace

std::optional<CertifiedClosedForm> evaluate_closed_form_to_digits(const DecimalParams& dp,
                                                                  unsigned digits,
                                                                  unsigned max_bits) {
    Params<double> pd = to_scalar<double>(dp);
    unsigned bits = std::min(closed_form_bits(pd, bits_for_digits(digits)), max_bits);
    std::optional<CertifiedClosedForm> last;
    for (;;) {
        precision_guard guard(bits);
        const auto prm = to_scalar<impfr>(dp);
        auto e = evaluate_closed_form(prm);
        if (e) {
            last = CertifiedClosedForm{*e, bits, all_narrow(*e, digits)};
            if (last->width_met) return last;
        }
        if (bits >= max_bits) return last;
        bits = std::min(max_bits, bits + std::max(64u, bits / 2));
    }
}

}  // namespace gancert::model
