// gancert/family/gen_square.hpp — the paper's generator G(z) = g z² + h, g ≥ 0.
// Players' parameters (g, h). In the integrand t = P·G(z) + Q = κ m(z) + λ with m(z) = z²
// (degree 2 of the growth envelope, lemma F.8). CDF of G(Z) for g > 0:
// P(g Z² + h ≤ x) = F_{Z²}((x − h)/g) (lemma F.10).
//
// Contract: jets are exact interval compositions of g z² + h; the CDF of G(Z) needs g > 0 and
// throws std::range_error when g may be 0 (undecided). Precondition g >= 0 (validate_players).
#pragma once
#include "gancert/ad/jet.hpp"
#include "gancert/family/law_common.hpp"

namespace gancert::family {

struct SquareGen {
    static constexpr int degree = 2;
    template <class X>
    static X m(const X& z) {
        return square(z);
    }
    template <class Latent, class J>
    static J cdf(const Latent& latent, const J& x, const J& g, const J& h) {
        certain_sign(g, "g (the indicator model needs g > 0)");
        return latent.cdf_square((x - h) / g);
    }
};

}  // namespace gancert::family
