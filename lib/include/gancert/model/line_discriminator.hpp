// gancert/model/line_discriminator.hpp — the discriminators D_k that vanish on a generator's ray
// (proofs/optimal-discriminator.md, proofs/lemmas.md §X Fact 2).
//
//   ℓ_G(x) = g2 (x1 − h1) − g1 (x2 − h2)          (zero exactly on the ray of G)
//   ℓ̂_G(x) = κ ℓ_G(x),  κ = 2 c1 c2 / (c1 g1 + c2 g2) > 0
//   D_k(x) = 1 − exp(−k² ℓ̂_G(x)²)
//
// The factor κ only re-indexes the family {D_k : k > 0} (D_k with ℓ̂ is D_{κk} with ℓ_G). It is
// chosen so that (i) for the marginal-matching generator ℓ̂_G(x) = c1 x1 − c2 x2 exactly (the
// form of proofs/optimal-discriminator.md) and (ii) for every generator the law of ℓ̂_G(X) has maximal density
// f_max = 1/2 (see counterexample/line_law.hpp), so the k-uniform bounds J_k >= 2 − √π/k and
// V_k >= −ζ(3/2)√π/(2k) hold for every generator with the same constants.
//
// Contract: interval scalars enclose D_k and ℓ̂_G over the argument boxes; point scalars
// approximate them. Precondition: c1 g1 + c2 g2 > 0 (κ defined).
#pragma once
#include "gancert/model/two_dim_data.hpp"

namespace gancert::model {

/// D_k for one generator: ℓ̂(x) = w1 x1 − w2 x2 − offset with w1 = κ g2, w2 = κ g1,
/// offset = κ (g2 h1 − g1 h2).
template <class S>
struct LineDiscriminator {
    S k, w1, w2, offset;

    /// ℓ̂_G(x).
    S line(const S& x1, const S& x2) const { return w1 * x1 - w2 * x2 - offset; }
    /// D_k(x) = 1 − exp(−k² ℓ̂_G(x)²) ∈ [0, 1); written as −expm1 for accuracy near the ray.
    S operator()(const S& x1, const S& x2) const {
        using arith::expm1;
        using arith::square;
        S t = k * line(x1, x2);
        return -expm1(-square(t));
    }
};

/// κ = 2 c1 c2 / (c1 g1 + c2 g2). Precondition: c_i, g_i > 0.
template <class S>
S line_normaliser(const TwoDimData<S>& d, const TwoDimGenerator<S>& g) {
    return arith::integer<S>(2) * d.c1 * d.c2 / (d.c1 * g.g1 + d.c2 * g.g2);
}

/// The discriminator D_k adapted to generator g (vanishes on its ray). Precondition: c_i, g_i > 0.
template <class S>
LineDiscriminator<S> line_discriminator(const TwoDimData<S>& d, const TwoDimGenerator<S>& g,
                                        const S& k) {
    S kappa = line_normaliser(d, g);
    return {k, kappa * g.g2, kappa * g.g1, kappa * (g.g2 * g.h1 - g.g1 * g.h2)};
}

}  // namespace gancert::model
