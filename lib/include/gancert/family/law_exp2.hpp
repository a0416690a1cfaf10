// gancert/family/law_exp2.hpp — two-dimensional data seen through a linear projection: X = (X1, X2)
// with independent coordinates X_i ~ Exp(c_i) (the 2-D data of the counterexample, model/two_dim_data.hpp),
// and a discriminator of y = w1 x1 + w2 x2 with fixed weights w1, w2 > 0. J depends on the data
// only through the law of Y = w1 X1 + w2 X2, the sum of Exp(λ1) and Exp(λ2), λ_i = c_i/w_i
// (lemma F.7(f)). With the rates ordered l1 <= l2 and δ = l2 − l1:
//   δ > 0:  p(y) = K e^{−l1 y}(1 − e^{−δy}),  K = l1 l2/δ = c1 c2/|c2 w1 − c1 w2|,
//           F(y) = −expm1(−l1 y) − r e^{−l1 y}(−expm1(−δy)),  r = l1/δ;
//   δ = 0:  p(y) = l² y e^{−l y} (the Gamma(2, l) law),  F(y) = −expm1(−l y) − l y e^{−l y};
// for y >= 0 (p = 0, F = 0 below). K, r and δ come from the exact decimals (no cancellation
// between two rounded rates), and whether δ = 0 is decided exactly (c1 w2 = c2 w1).
// Tail (F.7(f)): p(y) <= l1 l2 y e^{−l1 y} <= l2 · l1 e^{−l1 y}(1 + y), so the tail moment of
// order k is at most l2 times Exp(l1)'s of order k + 1 (F.7(a)); also p <= K e^{−l1 y}.
//
// Contract: as every law (law_common.hpp): densities and CDFs enclose the exact values,
// tail_moment is a proven upper bound for S = impfr, cdf throws std::range_error on the kink at 0.
// Preconditions c1, c2, w1, w2 > 0 (family spec domain); tail moments of order k <= 15.
#pragma once
#include <algorithm>
#include <cmath>
#include <type_traits>

#include "gancert/family/law_exponential.hpp"

namespace gancert::family {

template <class S>
struct ProjectedExp2 {
    S l1, l2;            ///< the projected rates c_i/w_i, ordered l1 <= l2
    S delta, K, r;       ///< l2 − l1, l1 l2/δ, l1/δ (unused when equal)
    bool equal = false;  ///< l1 = l2 exactly

    template <class X>
    X density(const X& u) const {
        const X e1 = exp(-(X(l1) * u));
        if (equal) return X(l1 * l1) * u * e1;
        if constexpr (std::is_same_v<X, S>) {
            return X(K) * e1 * (-expm1(-(X(delta) * u)));  // real u: no cancellation
        } else {
            return X(K) * (e1 - exp(-(X(l2) * u)));  // complex boxes (the ellipse bound)
        }
    }
    /// [0, (L + ln(2 + L + l2/l1))/l1]: the mass beyond is at most about e^{−L}.
    Core core(double L) const {
        const double a = std::fabs(arith::to_double(l1)), b = std::fabs(arith::to_double(l2));
        return {0.0, (L + std::log(2.0 + L + b / a)) / a};
    }
    /// min(l2 · Exp(l1).tail_moment(k + 1), (K/l1) · Exp(l1).tail_moment(k)) (lemma F.7(f)).
    S tail_moment(int k, const Core& c) const {
        const Exponential<S> e{l1};
        const S first = l2 * e.tail_moment(k + 1, c);
        if (equal) return first;
        const S second = K / l1 * e.tail_moment(k, c);
        return second.upper() < first.upper() ? second : first;
    }
    template <class J>
    J cdf(const J& x) const {
        if (certain_sign(x, "an indicator endpoint at the data law's origin") < 0) return J(S(0));
        const J e1 = exp(-(x * l1));
        if (equal) return -expm1(-(x * l1)) - x * l1 * e1;
        return -expm1(-(x * l1)) - e1 * (-expm1(-(x * delta))) * r;
    }
};

}  // namespace gancert::family
