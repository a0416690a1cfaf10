// Owen's T: Boost.Math in double; the proven series of lemmas C1–C3 for mpfr and intervals.
#include "gancert/special/owens_t.hpp"

#include <boost/math/special_functions/owens_t.hpp>
#include <cmath>
#include <stdexcept>

#include "gancert/special/normal_cdf.hpp"

namespace gancert::special {

namespace testing {
thread_local int owens_t_planted_bug = 0;
}

namespace {
using namespace gancert::arith;

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
template <class S>
S owens_t_series(const S& h, const S& a) {
    using E = endpoint_t<S>;
    const S two_pi = S(2) * pi<S>();
    const E tol = power_of_two<E>(-(precision_bits<S>() + 8));
    const S x = square(h) / S(2);
    const S ex = exp(-x);
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
        if constexpr (rigorous<S>)
            if (j == 1 && testing::owens_t_planted_bug != 0)
                term = term + integer<S>(testing::owens_t_planted_bug) * S(power_of_two<E>(-20));
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
    if (hl == hu && al == au) return at(hl, al);
    // Lemma C3: T increases in a; in |h| it decreases for a ≥ 0 and increases for a ≤ 0.
    const T lo = (al >= 0) ? at(hu, al).lower() : at(hl, al).lower();
    const T hi = (au >= 0) ? at(hl, au).upper() : at(hu, au).upper();
    return I(lo, hi);
}

}  // namespace

double owens_t(double h, double a) { return boost::math::owens_t(h, a, no_promotion()); }

arith::mpfr owens_t(const arith::mpfr& h, const arith::mpfr& a) {
    return owens_t_point(arith::mpfr(abs(h)), a);
}

arith::idouble owens_t(const arith::idouble& h, const arith::idouble& a) {
    return owens_t_enclosure(h, a);
}
arith::impfr owens_t(const arith::impfr& h, const arith::impfr& a) {
    return owens_t_enclosure(h, a);
}

}  // namespace gancert::special
