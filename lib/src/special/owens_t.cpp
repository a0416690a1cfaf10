// Owen's T: Boost.Math in double; the proven series of lemmas C1–C3 for mpfr and intervals.
#include "gancert/arith/detail/planted_scope.hpp"
#include "gancert/arith/scoped_mpfr.hpp"
#include "gancert/special/owens_t.hpp"

#include <boost/math/special_functions/owens_t.hpp>
#include <cmath>
#include <optional>
#include <stdexcept>

#include "gancert/special/normal_cdf.hpp"

namespace gancert::special {

namespace {
using namespace gancert::arith;

/// The planted-bug hook (owens_t.hpp, detail::OwensTFaults): nullopt when no fault is planted,
/// else the honest value (computed with the fault lifted) shifted by bug·2^{−20}·a·e^{−x}.
template <class S, class Honest>
std::optional<S> planted_owens_t(const S& a, const S& ex, Honest&& honest) {
    const int bug = arith::detail::planted<detail::OwensTFaults>().bug;
    if (bug == 0) return std::nullopt;
    S t;
    {
        arith::detail::planted_scope<detail::OwensTFaults> lifted({});
        t = honest();
    }
    return t + integer<S>(bug) * ex * a / integer<S>(1 << 20);
}

using no_promotion =
    boost::math::policies::policy<boost::math::policies::promote_float<false>,
                                  boost::math::policies::promote_double<false>>;

template <class T>
T upper_of(const interval<T>& x) { return x.upper(); }
inline mpfr upper_of(const mpfr& x) { return x; }

template <class S>
constexpr bool rigorous = is_interval_v<S>;

template <class E>
E power_of_two(long e) {
    if constexpr (std::is_same_v<E, double>) {
        return std::ldexp(1.0, static_cast<int>(e));
    } else {
        mpfr r = fresh_mpfr();
        mpfr_set_ui_2exp(raw(r), 1, e, MPFR_RNDN);  // exact
        return r;
    }
}

template <class S>
long precision_bits() {
    if constexpr (std::is_same_v<endpoint_t<S>, double>)
        return 53;
    else
        return static_cast<long>(working_bits());
}

// T(h, a) for h ≥ 0 and every a in [0, 1] (lemma C1). Absolute tolerance 2^{−prec−8}.
impfr owens_t_series_fast(const impfr& h, const impfr& a);
idouble owens_t_series_fast(const idouble& h, const idouble& a);

template <class S>
S owens_t_series(const S& h, const S& a) {
    if constexpr (std::is_same_v<S, impfr> || std::is_same_v<S, idouble>) return owens_t_series_fast(h, a);
    using E = endpoint_t<S>;
    const S two_pi = S(2) * pi<S>();
    const E tol = power_of_two<E>(-(precision_bits<S>() + 8));
    const S x = square(h) / S(2);
    const S ex = exp(-x);
    if constexpr (rigorous<S>) {
        if (auto t = planted_owens_t(a, ex, [&] { return owens_t_series(h, a); })) return *t;
    }
    // |T| ≤ atan(a) e^{−x}/(2π) ≤ a e^{−x}/(2π): if that is below tolerance, T ∈ [0, it].
    const S quick = ex * a / two_pi;
    if (upper_of(quick) <= tol) {
        if constexpr (rigorous<S>)
            return S(E(0), upper_of(quick));
        else
            return S(0);
    }
    const E x_up = upper_of(x);
    S pmf = ex;  // π_j = e^{−x} x^j / j!
    S cdf = pmf;  // P_j = Σ_{i≤j} π_i, Q_j = 1 − P_j
    S a_pow = a;  // a^{2j+1}
    const S a2 = square(a);
    S sum = S(0);
    for (long j = 0;; ++j) {
        S term = a_pow * (S(1) - cdf) / integer<S>(2 * j + 1);
        sum = (j % 2 == 0) ? sum + term : sum - term;
        pmf = pmf * x / integer<S>(j + 1);  // π_{j+1}
        cdf = cdf + pmf;                    // P_{j+1}
        a_pow = a_pow * a2;                 // a^{2j+3}
        // Tail after term j: |R| ≤ a^{2j+3}/(2j+3) · Q_{j+1}, Q_{j+1} ≤ π_{j+1} r/(1−r),
        // r = x/(j+2); we require r ≤ 3/4 so that 1 − r is bounded away from 0.
        if (E(3 * (j + 2)) > E(4) * x_up) {
            const S r = x / integer<S>(j + 2);
            const S bound = a_pow / integer<S>(2 * j + 3) * pmf * r / (S(1) - r);
            const E B = upper_of(bound);
            if (B <= tol) {
                S total = atan(a) - sum;
                if constexpr (rigorous<S>) total = total + S(E(-B), B);
                return total / two_pi;
            }
        }
        if (j > 10'000'000) throw std::runtime_error("gancert: Owen T series did not converge");
    }
}


// ---- impfr fast path: the same series (lemma C1) on raw MPFR endpoints ---------------------
// Every quantity of the series is ≥ 0 except the alternating sum, so each endpoint is one
// MPFR call with MPFR_RNDD or MPFR_RNDU (no interval case analysis, no allocation per op).
using mp = arith::scoped_mpfr;

// atan on [tl, th] ⊂ [0, 1]: three halvings t ← t/(1 + √(1+t²)) (interval arithmetic), then
// the alternating Taylor series with remainder ≤ next term (terms decrease for t ≤ 1).
impfr atan_unit(const impfr& t0) {
    impfr t = t0;
    for (int k = 0; k < 3; ++k) t = t / (integer<impfr>(1) + sqrt(integer<impfr>(1) + square(t)));
    const mpfr_prec_t p = static_cast<mpfr_prec_t>(working_bits());
    mp lo(p), hi(p), pl(p), ph(p), t2l(p), t2h(p), ql(p), qh(p), tol(p);
    mpfr_set(pl, raw(t.lower()), MPFR_RNDD);
    mpfr_set(ph, raw(t.upper()), MPFR_RNDU);
    mpfr_sqr(t2l, pl, MPFR_RNDD);
    mpfr_sqr(t2h, ph, MPFR_RNDU);
    mpfr_set_zero(lo, 1);
    mpfr_set_zero(hi, 1);
    mpfr_set_ui_2exp(tol, 1, -(p + 8), MPFR_RNDN);
    for (unsigned long n = 0;; ++n) {
        mpfr_div_ui(ql, pl, 2 * n + 1, MPFR_RNDD);  // t^{2n+1}/(2n+1)
        mpfr_div_ui(qh, ph, 2 * n + 1, MPFR_RNDU);
        if (n % 2 == 0) {
            mpfr_add(lo, lo, ql, MPFR_RNDD);
            mpfr_add(hi, hi, qh, MPFR_RNDU);
        } else {
            mpfr_sub(lo, lo, qh, MPFR_RNDD);
            mpfr_sub(hi, hi, ql, MPFR_RNDU);
        }
        mpfr_mul(pl, pl, t2l, MPFR_RNDD);
        mpfr_mul(ph, ph, t2h, MPFR_RNDU);
        mpfr_div_ui(qh, ph, 2 * n + 3, MPFR_RNDU);  // next term bounds the remainder
        if (mpfr_lessequal_p(qh, tol)) {
            mpfr_sub(lo, lo, qh, MPFR_RNDD);
            mpfr_add(hi, hi, qh, MPFR_RNDU);
            break;
        }
    }
    mpfr l = fresh_mpfr(), u = fresh_mpfr();
    mpfr_mul_2ui(raw(l), lo, 3, MPFR_RNDD);  // atan t0 = 8 atan t (exact scaling)
    mpfr_mul_2ui(raw(u), hi, 3, MPFR_RNDU);
    return impfr(l, u);
}

// Lemma C1 for every h ∈ [hl, hu] (hl ≥ 0) and a ∈ [al, au] ⊂ [0, 1].
impfr owens_t_series_fast(const impfr& h, const impfr& a) {
    const mpfr_prec_t p = static_cast<mpfr_prec_t>(working_bits());
    const impfr two_pi = integer<impfr>(2) * pi<impfr>();
    const impfr x = square(h) / integer<impfr>(2);
    const impfr ex = exp(-x);
    if (auto t = planted_owens_t(a, ex, [&] { return owens_t_series_fast(h, a); })) return *t;
    mp tol(p);
    mpfr_set_ui_2exp(tol, 1, -(p + 8), MPFR_RNDN);
    {
        const impfr quick = ex * a / two_pi;  // |T| ≤ a e^{−x}/(2π)
        if (mpfr_lessequal_p(raw(quick.upper()), tol)) return impfr(mpfr(0), quick.upper());
    }
    mp xl(p), xh(p), pml(p), pmh(p), Pl(p), Ph(p), apl(p), aph(p), a2l(p), a2h(p);
    mp Sl(p), Sh(p), tl(p), th(p), ql(p), qh(p), r(p), B(p);
    mpfr_set(xl, raw(x.lower()), MPFR_RNDD);
    mpfr_set(xh, raw(x.upper()), MPFR_RNDU);
    mpfr_set(pml, raw(ex.lower()), MPFR_RNDD);
    mpfr_set(pmh, raw(ex.upper()), MPFR_RNDU);
    mpfr_set(Pl, pml, MPFR_RNDD);
    mpfr_set(Ph, pmh, MPFR_RNDU);
    mpfr_set(apl, raw(a.lower()), MPFR_RNDD);
    mpfr_set(aph, raw(a.upper()), MPFR_RNDU);
    mpfr_sqr(a2l, apl, MPFR_RNDD);
    mpfr_sqr(a2h, aph, MPFR_RNDU);
    mpfr_set_zero(Sl, 1);
    mpfr_set_zero(Sh, 1);
    for (unsigned long j = 0;; ++j) {
        // Q_j ∈ [max(0, 1 − P_hi), 1 − P_lo]
        mpfr_ui_sub(ql, 1, Ph, MPFR_RNDD);
        if (mpfr_sgn(ql.v) < 0) mpfr_set_zero(ql, 1);
        mpfr_ui_sub(qh, 1, Pl, MPFR_RNDU);
        mpfr_mul(tl, apl, ql, MPFR_RNDD);
        mpfr_div_ui(tl, tl, 2 * j + 1, MPFR_RNDD);
        mpfr_mul(th, aph, qh, MPFR_RNDU);
        mpfr_div_ui(th, th, 2 * j + 1, MPFR_RNDU);
        if (j % 2 == 0) {
            mpfr_add(Sl, Sl, tl, MPFR_RNDD);
            mpfr_add(Sh, Sh, th, MPFR_RNDU);
        } else {
            mpfr_sub(Sl, Sl, th, MPFR_RNDD);
            mpfr_sub(Sh, Sh, tl, MPFR_RNDU);
        }
        // π_{j+1} = π_j x/(j+1); P_{j+1} = P_j + π_{j+1}; a^{2j+3}
        mpfr_mul(pml, pml, xl, MPFR_RNDD);
        mpfr_div_ui(pml, pml, j + 1, MPFR_RNDD);
        mpfr_mul(pmh, pmh, xh, MPFR_RNDU);
        mpfr_div_ui(pmh, pmh, j + 1, MPFR_RNDU);
        mpfr_add(Pl, Pl, pml, MPFR_RNDD);
        mpfr_add(Ph, Ph, pmh, MPFR_RNDU);
        mpfr_mul(apl, apl, a2l, MPFR_RNDD);
        mpfr_mul(aph, aph, a2h, MPFR_RNDU);
        // tail bound once r = x/(j+2) ≤ 3/4: B = a^{2j+3}/(2j+3) · π_{j+1} · r/(1 − r)
        if (mpfr_cmp_ui(xh, 0) == 0 || mpfr_cmp_d(xh, 0.75 * static_cast<double>(j + 2)) <= 0) {
            mpfr_div_ui(r, xh, j + 2, MPFR_RNDU);
            mpfr_ui_sub(B, 1, r, MPFR_RNDD);  // 1 − r ≥ 1/4 > 0
            mpfr_div(r, r, B, MPFR_RNDU);     // r/(1 − r)
            mpfr_mul(B, aph, pmh, MPFR_RNDU);
            mpfr_div_ui(B, B, 2 * j + 3, MPFR_RNDU);
            mpfr_mul(B, B, r, MPFR_RNDU);
            if (mpfr_lessequal_p(B, tol)) break;
        }
        if (j > 10'000'000) throw std::runtime_error("gancert: Owen T series did not converge");
    }
    // T ∈ (atan a − S ± B)/(2π)
    const impfr A = atan_unit(a);
    mpfr lo = fresh_mpfr(), hi = fresh_mpfr();
    mpfr_sub(raw(lo), raw(A.lower()), Sh, MPFR_RNDD);
    mpfr_sub(raw(lo), raw(lo), B, MPFR_RNDD);
    mpfr_sub(raw(hi), raw(A.upper()), Sl, MPFR_RNDU);
    mpfr_add(raw(hi), raw(hi), B, MPFR_RNDU);
    return impfr(lo, hi) / two_pi;
}

// Lemma C1 for every h ∈ [hl, hu] (hl ≥ 0) and a ∈ [al, au] ⊂ [0, 1] on double endpoints: the
// same series as the impfr path above, each endpoint one directed operation of rounding<double>
// (lemma A1.1; every quantity but the alternating sum is ≥ 0, so no interval case analysis).
idouble owens_t_series_fast(const idouble& h, const idouble& a) {
    rounding<double> r;
    const idouble two_pi = integer<idouble>(2) * pi<idouble>();
    const idouble x = square(h) / integer<idouble>(2);
    const idouble ex = exp(-x);
    if (auto t = planted_owens_t(a, ex, [&] { return owens_t_series_fast(h, a); })) return *t;
    constexpr double tol = 0x1p-61;  // 2^{−53−8}
    {
        const idouble quick = ex * a / two_pi;  // |T| ≤ a e^{−x}/(2π)
        if (quick.upper() <= tol) return idouble(0.0, quick.upper());
    }
    const double xl = x.lower(), xh = x.upper();
    double pml = ex.lower(), pmh = ex.upper(), Pl = pml, Ph = pmh;
    double apl = a.lower(), aph = a.upper();
    const double a2l = r.mul_down(apl, apl), a2h = r.mul_up(aph, aph);
    double Sl = 0, Sh = 0, B = 0;
    for (unsigned long j = 0;; ++j) {
        const double d1 = static_cast<double>(2 * j + 1);
        // Q_j ∈ [max(0, 1 − P_hi), 1 − P_lo]
        double ql = r.sub_down(1, Ph);
        if (ql < 0) ql = 0;
        const double qh = r.sub_up(1, Pl);
        const double tl = r.div_down(r.mul_down(apl, ql), d1);
        const double th = r.div_up(r.mul_up(aph, qh), d1);
        if (j % 2 == 0) {
            Sl = r.add_down(Sl, tl);
            Sh = r.add_up(Sh, th);
        } else {
            Sl = r.sub_down(Sl, th);
            Sh = r.sub_up(Sh, tl);
        }
        // π_{j+1} = π_j x/(j+1); P_{j+1} = P_j + π_{j+1}; a^{2j+3}
        const double j1 = static_cast<double>(j + 1);
        pml = r.div_down(r.mul_down(pml, xl), j1);
        pmh = r.div_up(r.mul_up(pmh, xh), j1);
        Pl = r.add_down(Pl, pml);
        Ph = r.add_up(Ph, pmh);
        apl = r.mul_down(apl, a2l);
        aph = r.mul_up(aph, a2h);
        // tail bound once r = x/(j+2) ≤ 3/4: B = a^{2j+3}/(2j+3) · π_{j+1} · r/(1 − r)
        const double j2 = static_cast<double>(j + 2);
        if (xh == 0 || xh <= 0.75 * j2) {
            const double rr = r.div_up(xh, j2);
            const double q = r.div_up(rr, r.sub_down(1, rr));  // 1 − r ≥ 1/4 > 0
            B = r.mul_up(r.div_up(r.mul_up(aph, pmh), static_cast<double>(2 * j + 3)), q);
            if (B <= tol) break;
        }
        if (j > 10'000'000) throw std::runtime_error("gancert: Owen T series did not converge");
    }
    // T ∈ (atan a − S ± B)/(2π)
    const idouble A = atan(a);
    const double lo = r.sub_down(r.sub_down(A.lower(), Sh), B);
    const double hi = r.add_up(r.sub_up(A.upper(), Sl), B);
    return idouble(lo, hi) / two_pi;
}

template <class S>
bool is_zero(const S& x) {
    if constexpr (rigorous<S>)
        return x.lower() == 0 && x.upper() == 0;
    else
        return x == 0;
}
template <class S>
bool point_negative(const S& x) {
    if constexpr (rigorous<S>)
        return x.upper() < 0;
    else
        return x < 0;
}
template <class S>
bool point_at_most_one(const S& x) {
    if constexpr (rigorous<S>)
        return x.upper() <= 1;
    else
        return x <= 1;
}

// T at exact point arguments (intervals: thin, lower == upper), h ≥ 0.
template <class S>
S owens_t_point(const S& h, const S& a) {
    if (is_zero(a)) return S(0);
    if (point_negative(a)) return -owens_t_point(h, S(-a));
    if (point_at_most_one(a)) return owens_t_series(h, a);
    // a > 1: lemma C2, with Q = 1 − Φ so that no O(1) terms cancel.
    const S ah = a * h;
    const S qh = normal_sf(h);
    const S qah = normal_sf(ah);
    return qh / S(2) + qah / S(2) - qh * qah - owens_t_series(ah, S(1) / a);
}

// U(h, a) = Q(h)/2 − T(h, a) at exact points, h ≥ 0.
template <class S>
S owens_t_upper_point(const S& h, const S& a) {
    if (!is_zero(a) && !point_negative(a) && !point_at_most_one(a)) {
        const S ah = a * h;
        return owens_t_series(ah, S(S(1) / a)) -
               normal_sf(ah) * erf(h / sqrt2<S>()) / S(2);
    }
    return normal_sf(h) / S(2) - owens_t_point(h, a);
}

template <class T>
interval<T> owens_t_upper_enclosure(const interval<T>& h, const interval<T>& a) {
    using I = interval<T>;
    const I habs = abs(h);
    const T hl = habs.lower(), hu = habs.upper();
    const T al = a.lower(), au = a.upper();
    const T inf = std::numeric_limits<T>::infinity();
    if (hu == inf || al == -inf || au == inf) return I(T(0), T(1) / 2);  // 0 < U < 1/2
    auto at = [](const T& hh, const T& aa) { return owens_t_upper_point(I(hh), I(aa)); };
    // Lemma C3: U decreases in a and in |h|; U > 0 (positive integrand).
    T lo = (hl == hu && al == au) ? at(hl, al).lower() : at(hu, au).lower();
    const T hi = (hl == hu && al == au) ? at(hl, al).upper() : at(hl, al).upper();
    if (lo < 0) lo = T(0);
    return I(lo, hi);
}

template <class T>
interval<T> owens_t_enclosure(const interval<T>& h, const interval<T>& a) {
    using I = interval<T>;
    const I habs = abs(h);
    const T hl = habs.lower(), hu = habs.upper();
    const T al = a.lower(), au = a.upper();
    const T inf = std::numeric_limits<T>::infinity();
    if (hu == inf || al == -inf || au == inf) {
        // |T| < 1/4 always; keep only that.
        return I(T(-1) / 4, T(1) / 4);
    }
    auto at = [](const T& hh, const T& aa) { return owens_t_point(I(hh), I(aa)); };
    // Lemma C3: T increases in a; in |h| it decreases for a ≥ 0 and increases for a ≤ 0.
    // T has the sign of a.
    T lo, hi;
    if (hl == hu && al == au) {
        const I t = at(hl, al);
        lo = t.lower();
        hi = t.upper();
    } else {
        lo = (al >= 0) ? at(hu, al).lower() : at(hl, al).lower();
        hi = (au >= 0) ? at(hl, au).upper() : at(hu, au).upper();
    }
    if (al >= 0 && lo < 0) lo = T(0);
    if (au <= 0 && hi > 0) hi = T(0);
    return I(lo, hi);
}

}  // namespace

double owens_t(double h, double a) { return boost::math::owens_t(h, a, no_promotion()); }

arith::mpfr owens_t(const arith::mpfr& h, const arith::mpfr& a) {
    return owens_t_point(arith::mpfr(abs(h)), a);
}

double owens_t_upper(double h, double a) {
    h = std::fabs(h);
    if (a > 1) {
        const double ah = a * h;
        return owens_t(ah, 1 / a) - 0.25 * std::erfc(ah / std::sqrt(2.0)) * std::erf(h / std::sqrt(2.0));
    }
    return 0.25 * std::erfc(h / std::sqrt(2.0)) - owens_t(h, a);
}
arith::mpfr owens_t_upper(const arith::mpfr& h, const arith::mpfr& a) {
    return owens_t_upper_point(arith::mpfr(abs(h)), a);
}
arith::idouble owens_t_upper(const arith::idouble& h, const arith::idouble& a) {
    return owens_t_upper_enclosure(h, a);
}
arith::impfr owens_t_upper(const arith::impfr& h, const arith::impfr& a) {
    return owens_t_upper_enclosure(h, a);
}

arith::idouble owens_t(const arith::idouble& h, const arith::idouble& a) {
    return owens_t_enclosure(h, a);
}
arith::impfr owens_t(const arith::impfr& h, const arith::impfr& a) {
    return owens_t_enclosure(h, a);
}

}  // namespace gancert::special
