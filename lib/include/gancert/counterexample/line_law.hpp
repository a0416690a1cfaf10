// gancert/counterexample/line_law.hpp — the law of L = ℓ̂_G(X) (proofs/lemmas.md §X; proofs/lemmas.md X.1).
//
// With A = κ g2 X1 ~ Exp(λ1), B = κ g1 X2 ~ Exp(λ2) independent and μ = κ (g1 h2 − g2 h1),
//   L = μ + A − B,   λ1 = c1/(κ g2),   λ2 = c2/(κ g1),
// a shifted asymmetric Laplace law with density
//   f(y) = C e^{−λ1 (y − μ)} (y >= μ),   f(y) = C e^{λ2 (y − μ)} (y < μ),   C = λ1 λ2/(λ1 + λ2),
// and f_max = C. With the normaliser κ of model/line_discriminator.hpp, C = 1/2 exactly; the
// marginal-matching generator gives λ1 = λ2 = 1, μ = 0, i.e. L ~ Laplace(0, 1).
//
// Contract: exact formulas evaluated in interval arithmetic: every parameter returned
// encloses the exact one. Precondition: c_i, g_i > 0.
#pragma once
#include "gancert/model/line_discriminator.hpp"

namespace gancert::counterexample {

/// L = μ + A − B with A ~ Exp(lambda1), B ~ Exp(lambda2) independent.
template <class S>
struct LineLaw {
    S lambda1, lambda2, mu;

    /// C = λ1 λ2/(λ1 + λ2): the density's maximum (its value at the kink μ).
    S density_max() const { return lambda1 * lambda2 / (lambda1 + lambda2); }
};

/// Law of ℓ̂_G(X) for data d and generator g (interval S: encloses the exact parameters).
/// Precondition: c_i, g_i > 0.
template <class S>
LineLaw<S> line_law(const model::TwoDimData<S>& d, const model::TwoDimGenerator<S>& g) {
    S kappa = model::line_normaliser(d, g);
    return {d.c1 / (kappa * g.g2), d.c2 / (kappa * g.g1), kappa * (g.g1 * g.h2 - g.g2 * g.h1)};
}

}  // namespace gancert::counterexample
