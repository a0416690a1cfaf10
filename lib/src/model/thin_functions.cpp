// Thin-interval exp and D = erfc(−t)/2 (see model/thin_functions.hpp; lemma Q.6).
#include "gancert/model/thin_functions.hpp"

#include <mpfr.h>

#include <cmath>
#include <limits>

namespace gancert::model::thin {
namespace {

using arith::idouble;
using arith::impfr;
using arith::mpfr;

struct Scratch {
    mpfr_t v;
    Scratch() { mpfr_init2(v, 53); }
    ~Scratch() { mpfr_clear(v); }
};

using fn1 = int (*)(mpfr_ptr, mpfr_srcptr, mpfr_rnd_t);

/// One correctly rounded evaluation f(x) widened by one ulp on each side: an enclosure.
impfr point(fn1 f, const mpfr& x) {
    mpfr lo = arith::fresh_mpfr(), hi = arith::fresh_mpfr();
    f(arith::raw(lo), arith::raw(x), MPFR_RNDN);
    mpfr_set(arith::raw(hi), arith::raw(lo), MPFR_RNDN);
    mpfr_nextbelow(arith::raw(lo));
    mpfr_nextabove(arith::raw(hi));
    return impfr(lo, hi);
}
idouble point(fn1 f, double x) {
    thread_local Scratch s;
    mpfr_set_d(s.v, x, MPFR_RNDN);  // exact
    f(s.v, s.v, MPFR_RNDN);         // within 1/2 ulp (53 bits)
    const double r = mpfr_get_d(s.v, MPFR_RNDN);
    // r is within one double ulp (also for subnormal or zero r) of the exact value.
    constexpr double inf = std::numeric_limits<double>::infinity();
    return idouble(std::nextafter(r, -inf), std::nextafter(r, inf));
}

template <class T>
bool is_finite(const T& x) {
    if constexpr (std::is_same_v<T, double>)
        return std::isfinite(x);
    else
        return mpfr_number_p(arith::raw(x)) != 0;
}

/// Thin: finite and radius ≤ 2^{−10}.
template <class I>
bool thin(const I& X) {
    using T = arith::endpoint_t<I>;
    if (!is_finite(X.lower()) || !is_finite(X.upper())) return false;
    return arith::width_up(X) <= T(1) / T(2048);
}

/// Enveloping asymptotic series: erfc(x) = e^{−x²}/(x√π)·(Σ_{n<N} (−1)^n (2n−1)!!/(2x²)^n + R_N),
/// |R_N| ≤ (2N−1)!!/(2x²)^N for real x > 0 and every N ≥ 1 (A&S 7.1.23/24). Returns false if
/// the terms do not get below 2^{−bits} before they start to grow (n > x²); with
/// `accept_any` it then still returns true with the enclosure at the smallest term (valid,
/// only wider). The loop bound is computed in double and capped, so arguments with x² beyond
/// the range of long (|x| > 3.04e9) are fine: there the first term is already < 2^{−60} and
/// the loop ends after ⌈bits/60⌉ terms.
template <class I>
bool erfc_asymptotic(const I& x, int bits, I& out, bool accept_any = false) {
    using T = arith::endpoint_t<I>;
    const I x2 = square(x);
    const I y = I(1) / (I(2) * x2);
    const double x2d = arith::to_double(x2);
    constexpr double cap = 1e9;  // far beyond any loop that could terminate by `eps`
    const long nmax = x2d >= 1.0 ? (x2d < cap ? static_cast<long>(x2d) : static_cast<long>(cap)) : 1L;
    const I eps = pow(I(2), -bits);
    I term(1), sum(1);
    auto finish = [&](const I& t_) {
        const T t = t_.upper();
        out = exp(-x2) * (sum + I(T(-t), t)) / (x * arith::sqrt_pi<I>());
    };
    for (long n = 1; n <= nmax; ++n) {
        term = term * I(2 * n - 1) * y;
        if (term.upper() <= eps.lower() || (accept_any && n == nmax)) {
            finish(term);
            return true;
        }
        sum = (n % 2 == 1) ? sum - term : sum + term;
    }
    return false;
}

/// erf(x) for a point x ≥ 0 by the positive-term series
///   erf x = (2x/√π) e^{−x²} Σ_{k≥0} (2x²)^k/(2k+1)!!
/// summed twice with directed rounding (all terms positive, so the lower/upper sums bracket
/// the partial sum); once k ≥ 2x², every later term is at most half the previous one, so the
/// remainder after term k is at most t_k (lemma Q.6). Works at `prec` bits; the endpoints of
/// the result carry that precision.
impfr erf_series(const mpfr& x, mpfr_prec_t prec) {
    struct R {
        mpfr_t v;
        explicit R(mpfr_prec_t p) { mpfr_init2(v, p); }
        ~R() { mpfr_clear(v); }
    };
    R y_lo(prec), y_hi(prec), t_lo(prec), t_hi(prec), s_lo(prec), s_hi(prec), e(prec), c(prec);
    R x2(2 * mpfr_get_prec(arith::raw(x)) + 2);
    mpfr_sqr(x2.v, arith::raw(x), MPFR_RNDN);  // exact
    mpfr_mul_2ui(y_lo.v, x2.v, 1, MPFR_RNDD);
    mpfr_mul_2ui(y_hi.v, x2.v, 1, MPFR_RNDU);
    mpfr_set_ui(t_lo.v, 1, MPFR_RNDN);
    mpfr_set_ui(t_hi.v, 1, MPFR_RNDN);
    mpfr_set_ui(s_lo.v, 1, MPFR_RNDN);
    mpfr_set_ui(s_hi.v, 1, MPFR_RNDN);
    const double y = mpfr_get_d(y_hi.v, MPFR_RNDU);
    for (unsigned long k = 1;; ++k) {
        mpfr_mul(t_lo.v, t_lo.v, y_lo.v, MPFR_RNDD);
        mpfr_div_ui(t_lo.v, t_lo.v, 2 * k + 1, MPFR_RNDD);
        mpfr_mul(t_hi.v, t_hi.v, y_hi.v, MPFR_RNDU);
        mpfr_div_ui(t_hi.v, t_hi.v, 2 * k + 1, MPFR_RNDU);
        mpfr_add(s_lo.v, s_lo.v, t_lo.v, MPFR_RNDD);
        mpfr_add(s_hi.v, s_hi.v, t_hi.v, MPFR_RNDU);
        // ratio of the next terms y/(2j+1) ≤ 1/2 for all j > k once 2k + 3 ≥ 2y
        if (2.0 * k + 3 >= 2.0 * y + 1 &&
            mpfr_get_exp(t_hi.v) < mpfr_get_exp(s_lo.v) - static_cast<mpfr_exp_t>(prec) - 2) {
            mpfr_add(s_hi.v, s_hi.v, t_hi.v, MPFR_RNDU);  // remainder ≤ t_k
            break;
        }
    }
    // lower: s_lo · e^{−x²}↓ · 2x/√π↓ ; upper likewise ↑
    mpfr lo = arith::fresh_mpfr(static_cast<unsigned>(prec)), hi = arith::fresh_mpfr(static_cast<unsigned>(prec));
    mpfr_neg(x2.v, x2.v, MPFR_RNDN);
    mpfr_exp(e.v, x2.v, MPFR_RNDD);
    mpfr_const_pi(c.v, MPFR_RNDU);
    mpfr_sqrt(c.v, c.v, MPFR_RNDU);
    mpfr_mul(arith::raw(lo), s_lo.v, e.v, MPFR_RNDD);
    mpfr_mul(arith::raw(lo), arith::raw(lo), arith::raw(x), MPFR_RNDD);
    mpfr_mul_2ui(arith::raw(lo), arith::raw(lo), 1, MPFR_RNDD);
    mpfr_div(arith::raw(lo), arith::raw(lo), c.v, MPFR_RNDD);
    mpfr_exp(e.v, x2.v, MPFR_RNDU);
    mpfr_const_pi(c.v, MPFR_RNDD);
    mpfr_sqrt(c.v, c.v, MPFR_RNDD);
    mpfr_mul(arith::raw(hi), s_hi.v, e.v, MPFR_RNDU);
    mpfr_mul(arith::raw(hi), arith::raw(hi), arith::raw(x), MPFR_RNDU);
    mpfr_mul_2ui(arith::raw(hi), arith::raw(hi), 1, MPFR_RNDU);
    mpfr_div(arith::raw(hi), arith::raw(hi), c.v, MPFR_RNDU);
    if (mpfr_cmp_ui(arith::raw(hi), 1) > 0) mpfr_set_ui(arith::raw(hi), 1, MPFR_RNDN);  // erf ≤ 1
    return impfr(lo, hi);
}

/// Enclosure of erf(x), x ≥ 0 a point of type T (double or mpfr), with `extra` guard bits.
idouble erf_point(double x, int extra) {
    arith::precision_guard g(53 + extra);
    impfr e = erf_series(mpfr(x), 53 + extra);
    arith::rounding<double> r;
    return idouble(r.conv_down(e.lower()), r.conv_up(e.upper()));
}
impfr erf_point(const mpfr& x, int extra) {
    return erf_series(x, static_cast<mpfr_prec_t>(arith::working_bits()) + extra);
}

template <class I>
int precision_bits() {
    if constexpr (std::is_same_v<I, impfr>)
        return static_cast<int>(arith::working_bits());
    else
        return 53;
}

template <class I>
I exp_impl(const I& X) {
    using T = arith::endpoint_t<I>;
    if (!thin(X)) return arith::exp(X);
    const T m = arith::midpoint(X);
    const I d = X - I(m);
    const T r = arith::mag(d);
    const I em = point(mpfr_exp, m);
    // e^δ ∈ [1 + δ, 1 + δ + δ²] for |δ| ≤ 1
    const I ed(I(I(1) + I(d.lower())).lower(), I(I(1) + I(d.upper()) + square(I(r))).upper());
    return em * ed;
}

template <class I>
I erf_disc_impl(const I& X, const I& phi) {
    using T = arith::endpoint_t<I>;
    if (!thin(X)) return arith::erfc(-X) / I(2);
    const T m = arith::midpoint(X);
    I Dm;
    const double md = std::fabs(arith::to_double(m));
    const bool large = md * md > 0.6931471805599453 * (precision_bits<I>() + 8);
    I e;
    if (m >= 0) {
        if (large && erfc_asymptotic(I(m), precision_bits<I>() + 4, e))
            Dm = I(1) - e / I(2);
        else if (md * md > 1e6)  // see below: the series of erf_point would need ~2md² terms
            Dm = (erfc_asymptotic(I(m), precision_bits<I>() + 4, e, true), I(1) - e / I(2));
        else
            Dm = (I(1) + erf_point(m, 8)) / I(2);
    } else {
        const I x = -I(m);
        if (large && erfc_asymptotic(x, precision_bits<I>() + 4, e)) {
            Dm = e / I(2);
        } else if (md * md > 1e6) {
            // Not reached while `large` implies success (md² ≫ bits); kept so that no input can
            // ask for 1.4·md² guard bits below: the enveloping bound is valid at any N.
            erfc_asymptotic(x, precision_bits<I>() + 4, e, true);
            Dm = e / I(2);
        } else {
            // erfc = 1 − erf loses ≈ x²·log2(e) bits: carry them as guard bits (md² ≤ 1e6, so
            // extra ≤ 1.5e6 fits an int and MPFR's precision range).
            const int extra = 12 + static_cast<int>(1.4427 * md * md);
            Dm = (I(1) - erf_point(T(-m), extra)) / I(2);
        }
    }
    // mean value theorem: D(X) ⊂ D(m) + D'(X)(X − m), D' = φ
    return Dm + phi * (X - I(m));
}

}  // namespace

idouble exp(const idouble& X) { return exp_impl(X); }
impfr exp(const impfr& X) { return exp_impl(X); }
idouble erf_discriminator(const idouble& T, const idouble& phi) { return erf_disc_impl(T, phi); }
impfr erf_discriminator(const impfr& T, const impfr& phi) { return erf_disc_impl(T, phi); }

}  // namespace gancert::model::thin
