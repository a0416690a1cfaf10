// gancert/family/gen_affine.hpp — the affine generator G(z) = g z + h, g any real.
// Players' parameters (g, h). In the integrand m(z) = z (degree 1, lemma F.8). CDF of G(Z):
// F_Z((x − h)/g) for g > 0, 1 − F_Z((x − h)/g) for g < 0 (lemma F.10; g = 0 is a step).
//
// Contract: jets are exact interval compositions of g z + h; the CDF of G(Z) is exact on each
// sign of g and throws std::range_error when g may be 0 (a step; undecided).
#pragma once
#include <type_traits>

#include "gancert/ad/jet.hpp"
#include "gancert/family/law_common.hpp"

namespace gancert::family {

struct AffineGen {
    static constexpr int degree = 1;
    template <class X>
    static X m(const X& z) {
        return z;
    }
    template <class Latent, class J>
    static J cdf(const Latent& latent, const J& x, const J& g, const J& h) {
        const J F = latent.cdf((x - h) / g);
        if (certain_sign(g, "g (the indicator model needs g != 0)") > 0) return F;
        using S = std::decay_t<decltype(F.v)>;
        return S(1) - F;
    }
};

}  // namespace gancert::family
