// gancert/family/disc_indicator.hpp — the indicator discriminator D(x) = 1 if l ≤ x ≤ r else 0.
// Players' parameters (l, r) with l < r. Least-squares cost only (log D = −∞ off [l, r]).
// No quadrature: J1 = E[D(X)²] = F_X(r) − F_X(l) and J2 = E[(1 − D(G(Z)))²] = 1 − P(l ≤ G(Z) ≤ r)
// = 1 − (F_G(r) − F_G(l)), F_G the CDF of G(Z) (generator types), smooth in l, r, g, h away
// from the kinks of the CDFs (lemma F.10).
//
// Contract: terms() enclose J1, J2 and their jets on boxes where every CDF involved is smooth;
// when a box may straddle a kink the law's cdf throws std::range_error (undecided: the caller
// bisects), never a guess. Precondition: l < r (validate_players).
#pragma once
#include "gancert/ad/jet.hpp"

namespace gancert::family {

struct IndicatorDisc {
    static constexpr const char* first = "l";
    static constexpr const char* second = "r";

    /// {J1, J2} as jets in (l, r, g, h) (variables 0..3).
    template <class S, class Data, class Latent, class Gen>
    static std::array<ad::Jet<S, 4>, 2> terms(const Data& data, const Latent& latent, const Gen& gen,
                                              const std::array<S, 4>& theta) {
        using J = ad::Jet<S, 4>;
        const J l = J::variable(theta[0], 0), r = J::variable(theta[1], 1);
        const J g = J::variable(theta[2], 2), h = J::variable(theta[3], 3);
        const J J1 = data.cdf(r) - data.cdf(l);
        const J J2 = S(1) - (gen.cdf(latent, r, g, h) - gen.cdf(latent, l, g, h));
        return {J1, J2};
    }
};

}  // namespace gancert::family
