// gancert/family/law_gaussian.hpp — the normal law N(μ, σ²): p(u) = e^{−(u−μ)²/(2σ²)}/(σ√(2π)).
// Parameters mu (any real), sigma > 0. Data law or latent law (latent default N(0, 1)).
// Tail moments: lemma F.7(c); CDF Φ((x−μ)/σ) (F.10); CDF of Z²: Φ((√v−μ)/σ) − Φ((−√v−μ)/σ).
//
// Contract: as every law (law_common.hpp): densities and CDFs enclose the exact values,
// tail_moment is a proven upper bound for S = impfr. Precondition sigma > 0 (spec domain).
#pragma once
#include <cmath>

#include "gancert/family/law_common.hpp"

namespace gancert::family {

template <class S>
struct Gaussian {
    S mu, sigma;

    template <class X>
    X density(const X& u) const {
        const X z = (u - X(mu)) / X(sigma);
        return exp(-(square(z) / X(S(2)))) / X(sigma * sqrt(S(2) * arith::pi<S>()));
    }
    /// μ ± σ√(2L): the mass outside is below e^{−L}.
    Core core(double L) const {
        const double m = arith::to_double(mu), s = std::fabs(arith::to_double(sigma)), y = std::sqrt(2 * L);
        return {m - s * y, m + s * y};
    }
    /// Radius Y (in units of σ) of the largest centred range inside r, rounded down.
    S inner_radius(const Core& r) const {
        const S a = (mu - S(r.lo)) / sigma, b = (S(r.hi) - mu) / sigma;
        const S y = a.lower() < b.lower() ? a : b;
        return S(y.lower() < 0 ? 0 : y.lower());
    }
    /// Upper bound of ∫_{|u−μ| ≥ σY} p(u)(1+|u|)^k du ≤ Σ C(k,j)(1+|μ|)^{k−j}σ^j·2I_j(Y),
    /// I_0 = erfc(Y/√2)/2, I_1 = φ(Y), I_j = Y^{j−1}φ(Y) + (j−1)I_{j−2} (lemma F.7(c), exact).
    S tail_moment(int k, const Core& r) const { return tail_moment_outside(k, inner_radius(r)); }
    S tail_moment_outside(int k, const S& Y) const {
        const S phi = exp(-(square(Y) / S(2))) / sqrt(S(2) * arith::pi<S>());
        std::array<S, 17> I;
        I[0] = erfc(Y / sqrt(S(2))) / S(2);
        if (k >= 1) I[1] = phi;
        S Yj(1);
        for (int j = 2; j <= k; ++j) {
            Yj = Yj * Y;
            I[j] = Yj * phi + S(j - 1) * I[j - 2];
        }
        for (int j = 0; j <= k; ++j) I[j] = S(2) * I[j];
        return binomial_envelope(k, S(1) + abs(mu), sigma, I);
    }
    template <class J>
    J cdf(const J& x) const {
        return normal_cdf((x - J(mu)) / sigma);
    }
    /// P(Z² ≤ v) for v > 0 (0 for v < 0).
    template <class J>
    J cdf_square(const J& v) const {
        if (certain_sign(v, "an indicator endpoint at the generator's vertex") < 0) return J(S(0));
        const J s = sqrt(v);
        return normal_cdf((s - J(mu)) / sigma) - normal_cdf((-s - J(mu)) / sigma);
    }
};

}  // namespace gancert::family
