// Φ2 through Owen's T (lemma C4), with the branch conventions of proofs/lemmas.md §C.
#include "gancert/special/bivariate_normal.hpp"

#include <cmath>

#include "gancert/special/normal_cdf.hpp"
#include "gancert/special/owens_t.hpp"

namespace gancert::special {

template <class S>
std::optional<int> decided_sign(const S& x) {
    if constexpr (arith::is_interval_v<S>) {
        if (x.lower() == 0 && x.upper() == 0) return 0;
        if (x.lower() > 0) return 1;
        if (x.upper() < 0) return -1;
        return std::nullopt;
    } else {
        if (x == 0) return 0;
        if (x > 0) return 1;
        if (x < 0) return -1;
        return std::nullopt;  // NaN
    }
}

template <class S>
std::optional<S> bivariate_normal_cdf(const S& h, const S& k, const S& rho) {
    using arith::atan;
    using arith::sqrt;
    const auto sh = decided_sign(h);
    const auto sk = decided_sign(k);
    const S one_minus_rho2 = S(1) - rho * rho;
    const auto s1 = decided_sign(one_minus_rho2);
    if (!sh || !sk || !s1 || *s1 <= 0) return std::nullopt;
    const S s = sqrt(one_minus_rho2);
    const S two_pi = S(2) * arith::pi<S>();
    if (*sh == 0 && *sk == 0) return S(1) / S(4) + atan(rho / s) / two_pi;
    // Owen's T terms (argument order: T(height, slope)).
    const S T_h = (*sh != 0) ? owens_t(h, S((k - rho * h) / (h * s))) : arith::integer<S>(*sk) / S(4);
    const S T_k = (*sk != 0) ? owens_t(k, S((h - rho * k) / (k * s))) : arith::integer<S>(*sh) / S(4);
    const int hk = *sh * *sk;
    const int hpk = (*sh != 0) ? *sh : *sk;  // sign of h + k when one of them is 0
    const bool delta = hk < 0 || (hk == 0 && hpk < 0);
    S result = normal_cdf(h) / S(2) + normal_cdf(k) / S(2) - T_h - T_k;
    if (delta) result = result - S(1) / S(2);
    return result;
}

template std::optional<int> decided_sign(const double&);
template std::optional<int> decided_sign(const arith::mpfr&);
template std::optional<int> decided_sign(const arith::idouble&);
template std::optional<int> decided_sign(const arith::impfr&);
template std::optional<double> bivariate_normal_cdf(const double&, const double&, const double&);
template std::optional<arith::mpfr> bivariate_normal_cdf(const arith::mpfr&, const arith::mpfr&,
                                                         const arith::mpfr&);
template std::optional<arith::idouble> bivariate_normal_cdf(const arith::idouble&,
                                                            const arith::idouble&,
                                                            const arith::idouble&);
template std::optional<arith::impfr> bivariate_normal_cdf(const arith::impfr&, const arith::impfr&,
                                                          const arith::impfr&);

}  // namespace gancert::special
