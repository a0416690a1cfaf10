// IE1, IE2, K and W_σ with partials (proofs/lemmas.md §C–1.5, §2.3; proofs/lemmas.md §C).
#include "gancert/model/closed_form_integrals.hpp"

#include "gancert/model/detail/tracked_special.hpp"
#include "gancert/special/bivariate_normal.hpp"
#include "gancert/special/normal_cdf.hpp"
#include "gancert/special/owens_t.hpp"

namespace gancert::model {

namespace {
using namespace gancert::arith;
using special::decided_sign;

template <class S>
bool certainly_pos(const S& x) {
    auto s = decided_sign(x);
    return s && *s > 0;
}
}  // namespace

template <class S>
std::optional<S> ie1(const S& a, const S& b, const S& c) {
    if (!certainly_pos(a) || !certainly_pos(c)) return std::nullopt;
    const S mu = b + c / (S(2) * a);
    const auto smu = decided_sign(mu);
    if (!smu) return std::nullopt;
    const S eb2 = exp(-square(b));
    if (*smu >= 0) return erf(b) + eb2 * erfcx(mu);
    const S E = (c / a) * (b + c / (S(4) * a));  // factored form, E < 0 here
    return erf(b) + S(2) * exp(E) - eb2 * erfcx(S(-mu));
}

template <class S>
std::optional<S> key_integral(const S& alpha, const S& beta, const S& m, const S& s) {
    if (!certainly_pos(s)) return std::nullopt;
    const auto sa = decided_sign(alpha);
    if (!sa || *sa == 0) return std::nullopt;
    const S sig = sqrt(S(1) + S(2) * square(alpha) * square(s));
    const S h = m / s;
    const S k = sqrt2<S>() * (beta + alpha * m) / sig;
    const S rho = sqrt2<S>() * alpha * s / sig;
    const auto phi2 = special::bivariate_normal_cdf(h, k, rho);
    if (!phi2) return std::nullopt;
    return S(2) * *phi2 - special::normal_cdf(h);
}

template <class S>
std::optional<S> ie2(const S& a, const S& b, const S& c) {
    if (!certainly_pos(a) || !certainly_pos(c)) return std::nullopt;
    const S mu = b + c / (S(2) * a);
    const S E = (c / a) * (b + c / (S(4) * a));
    const auto K = key_integral(a, b, S(-mu / a), S(S(1) / (a * sqrt2<S>())));
    if (!K) return std::nullopt;
    return square(erf(b)) + S(4) * exp(E) * *K;
}

template <class S>
std::optional<WPartials<S>> w_partials(int sigma, const S& p, const S& beta) {
    if (!certainly_pos(p) || (sigma != 1 && sigma != -1)) return std::nullopt;
    const S sg = integer<S>(sigma);
    const S two = S(2);
    const S inv_p = S(1) / p;
    const S mu = beta + inv_p / two;       // μ = β + 1/(2p)
    const S nu = beta + inv_p / S(4);      // ν = β + 1/(4p)
    const S E = nu * inv_p;                // E = μ² − β², factored
    const auto smu = decided_sign(mu);
    if (!smu) return std::nullopt;
    const S r2 = sqrt2<S>();
    const S k_abs = inv_p / two;           // |k| = 1/(2p)
    const S a_k = S(1) + S(4) * p * beta;  // Owen slope of the k-term (up to σ)
    // Lemma C5: with U(h, a) = Q(|h|)/2 − T(h, a) (owens_t_upper) the O(1) terms and δ
    // cancel symbolically:
    //   σ = +1: Φ2 = 1[μ>0] Q(√2μ) + U(k, a_k) − U(√2μ, β/μ),   μ = 0: U(k, a_k);
    //   σ = −1: Φ2 = 1[μ<0] Φ(√2|μ|) + U(√2μ, β/μ) − U(k, a_k),  μ = 0: 1/2 − U(k, a_k).
    const S U_k = special::owens_t_upper(k_abs, a_k);
    S phi2;
    if (*smu == 0) {
        phi2 = sigma > 0 ? U_k : S(S(1) / two - U_k);
    } else {
        const S hm = r2 * mu;
        const S U_h = special::owens_t_upper(hm, S(beta / mu));
        if (sigma > 0)
            phi2 = (*smu > 0 ? S(special::normal_sf(hm) + U_k) : U_k) - U_h;
        else
            phi2 = (*smu < 0 ? S(special::normal_cdf(S(-hm)) + U_h) : U_h) - U_k;
    }
    WPartials<S> w;
    w.W = exp(E) * phi2;
    const S sqpi = sqrt_pi<S>();
    const S eb2 = exp(-square(beta));
    const S e2b2 = exp(S(-two * square(beta)));
    const S phi_s = special::normal_cdf(S(sg * r2 * beta));
    const S R = eb2 * phi_s / (two * sqpi);
    const S x = r2 * nu;
    // Y = e^{−2β²} erfcx(x); for x < 0 the overflow-free form
    // 2·exp(2ν² − 2β²) − e^{−2β²} erfcx(−x), 2ν² − 2β² = (2β + 1/(4p))/(2p) (factored).
    const auto sx = decided_sign(x);
    const S Y = (sx && *sx < 0)
                    ? S(two * exp((two * beta + inv_p / S(4)) * inv_p / two) - e2b2 * erfcx(S(-x)))
                    : S(e2b2 * erfcx(x));
    const S Sv = Y / (S(4) * r2 * sqpi);
    const S p2 = square(p);
    const S Sp = -(x * Y - e2b2 / sqpi) / (S(8) * sqpi * p2);
    w.W_b = w.W * inv_p - two * R;
    w.W_p = (-mu * w.W + R + sg * Sv) / p2;
    w.W_bb = w.W_b * inv_p + two * beta * eb2 * phi_s / sqpi - sg * e2b2 / pi<S>();
    w.W_pb = w.W_p * inv_p - w.W / p2;
    w.W_pp = -two * w.W_p * inv_p + (w.W / (two * p2) - mu * w.W_p + sg * Sp) / p2;
    return w;
}

#define GANCERT_INSTANTIATE(S)                                                          \
    template std::optional<S> ie1(const S&, const S&, const S&);                        \
    template std::optional<S> key_integral(const S&, const S&, const S&, const S&);     \
    template std::optional<S> ie2(const S&, const S&, const S&);                        \
    template std::optional<WPartials<S>> w_partials(int, const S&, const S&);
GANCERT_INSTANTIATE(double)
GANCERT_INSTANTIATE(arith::mpfr)
GANCERT_INSTANTIATE(arith::idouble)
GANCERT_INSTANTIATE(arith::impfr)
#undef GANCERT_INSTANTIATE
template std::optional<WPartials<detail::tracked>> w_partials(int, const detail::tracked&,
                                                              const detail::tracked&);

}  // namespace gancert::model
