// gancert/family/law_rayleigh.hpp — the paper's latent law: Z Rayleigh with Z² ~ Exp(1),
// p(z) = 2z e^{−z²}, z ≥ 0. No parameters. Tail moments: lemma F.7(b); CDF 1 − e^{−z²},
// CDF of Z²: 1 − e^{−v} = −expm1(−v) (F.10).
//
// Contract: as every law (law_common.hpp): densities and CDFs enclose the exact values,
// tail_moment is a proven upper bound for S = impfr, cdf throws std::range_error on a kink (z = 0).
#pragma once
#include <cmath>

#include "gancert/family/law_common.hpp"

namespace gancert::family {

template <class S>
struct Rayleigh {
    template <class X>
    X density(const X& u) const {
        return X(S(2)) * u * exp(-square(u));
    }
    /// [0, √L + 1]: the mass beyond is below e^{−L}.
    Core core(double L) const { return {0.0, std::sqrt(L) + 1.0}; }
    /// ∫_T^∞ 2u e^{−u²}(1+u)^k du ≤ Σ C(k,j) B_j, B_j = ∫_T^∞ u^j 2u e^{−u²} du with
    /// B_0 = e^{−T²}, B_1 = T e^{−T²} + (√π/2) erfc T, B_j = T^j e^{−T²} + (j/2) B_{j−2}
    /// (lemma F.7(b), exact).
    S tail_moment(int k, const Core& r) const {
        const S T(r.hi);
        const S e = exp(-square(T));
        std::array<S, 17> B;
        B[0] = e;
        if (k >= 1) B[1] = T * e + sqrt(arith::pi<S>()) / S(2) * erfc(T);
        S Tj = T;
        for (int j = 2; j <= k; ++j) {
            Tj = Tj * T;
            B[j] = Tj * e + S(j) / S(2) * B[j - 2];
        }
        return binomial_envelope(k, S(1), S(1), B);
    }
    template <class J>
    J cdf(const J& x) const {
        if (certain_sign(x, "an indicator endpoint at the latent law's origin") < 0) return J(S(0));
        return -expm1(-square(x));
    }
    template <class J>
    J cdf_square(const J& v) const {
        if (certain_sign(v, "an indicator endpoint at the generator's vertex") < 0) return J(S(0));
        return -expm1(-v);
    }
};

}  // namespace gancert::family
