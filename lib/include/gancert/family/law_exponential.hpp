// gancert/family/law_exponential.hpp — the paper's data law Exp(c): p(x) = c e^{−cx}, x ≥ 0.
// Parameter c > 0 (rate). Tail moments: lemma F.7(a); CDF 1 − e^{−cx} = −expm1(−cx) (F.10).
//
// Contract: as every law (law_common.hpp): densities and CDFs enclose the exact values,
// tail_moment is a proven upper bound for S = impfr, cdf throws std::range_error on a kink.
// Precondition c > 0 (family spec domain).
#pragma once
#include <cmath>

#include "gancert/family/law_common.hpp"

namespace gancert::family {

template <class S>
struct Exponential {
    S c;

    template <class X>
    X density(const X& u) const {
        return X(c) * exp(-(X(c) * u));
    }
    /// [0, L/c]: the mass beyond is e^{−L}.
    Core core(double L) const { return {0.0, L / std::fabs(arith::to_double(c))}; }
    /// ∫_hi^∞ c e^{−cu}(1+u)^k du ≤ Σ C(k,j) A_j, A_j = ∫_hi^∞ u^j c e^{−cu} du with
    /// A_0 = e^{−c·hi}, A_j = hi^j e^{−c·hi} + (j/c) A_{j−1} (lemma F.7(a), exact).
    S tail_moment(int k, const Core& r) const {
        const S T(r.hi);
        const S e = exp(-(c * T));
        std::array<S, 17> A;
        S Tj(1);
        A[0] = e;
        for (int j = 1; j <= k; ++j) {
            Tj = Tj * T;
            A[j] = Tj * e + S(j) / c * A[j - 1];
        }
        return binomial_envelope(k, S(1), S(1), A);
    }
    template <class J>
    J cdf(const J& x) const {
        if (certain_sign(x, "an indicator endpoint at the data law's origin") < 0) return J(S(0));
        return -expm1(-(x * c));
    }
};

}  // namespace gancert::family
