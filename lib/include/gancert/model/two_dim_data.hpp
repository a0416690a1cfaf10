// gancert/model/two_dim_data.hpp — the 2-D data / 1-D latent model (proofs/optimal-discriminator.md, proofs/lemmas.md §X).
//
// Data X = (X1, X2) with independent X_i ~ Exp(c_i) (density c_i e^{−c_i x}, x >= 0).
// Latent Z Rayleigh (density 2z e^{−z²}), so U = Z² ~ Exp(1).
// Generator G(z) = (g1 z² + h1, g2 z² + h2), i.e. G(Z) = (h1, h2) + U·(g1, g2): its law is
// carried by a ray, a Lebesgue-null set of R², so it has no density (proofs/lemmas.md §X, Fact 1).
// The marginal-matching generator g_i = 1/c_i, h_i = 0 reproduces both data marginals exactly.
//
// Contract: the parameters are validated (c_i > 0; arith::bad_input otherwise); interval
// results enclose the exact values, point results approximate them.
#pragma once
#include <string>

#include "gancert/arith/scalar.hpp"

namespace gancert::model {

/// Rates of the two independent exponential data coordinates.
template <class S>
struct TwoDimData {
    S c1, c2;
};

/// G(z) = (g1 z² + h1, g2 z² + h2) with g1, g2 > 0.
template <class S>
struct TwoDimGenerator {
    S g1, g2, h1, h2;
};

/// Data rates as exact decimal strings.
struct DecimalTwoDimData {
    std::string c1, c2;
};

/// Parses the data rates (intervals enclose the exact decimals). Throws arith::bad_input
/// naming "c1"/"c2" when a rate is not a finite decimal or not > 0.
template <class S>
TwoDimData<S> to_scalar(const DecimalTwoDimData& d) {
    S c1 = arith::parse<S>(d.c1, "c1");
    S c2 = arith::parse<S>(d.c2, "c2");
    auto positive = [](const S& x) {
        if constexpr (arith::is_interval_v<S>)
            return arith::certainly_positive(x);
        else
            return x > 0;
    };
    if (!positive(c1)) throw arith::bad_input("c1 must be > 0 (got " + d.c1 + ")");
    if (!positive(c2)) throw arith::bad_input("c2 must be > 0 (got " + d.c2 + ")");
    return {c1, c2};
}

/// The marginal-matching generator g_i = 1/c_i, h_i = 0 (each G_i(Z) = U/c_i ~ Exp(c_i)).
template <class S>
TwoDimGenerator<S> marginal_matching_generator(const TwoDimData<S>& d) {
    return {arith::integer<S>(1) / d.c1, arith::integer<S>(1) / d.c2, arith::integer<S>(0),
            arith::integer<S>(0)};
}

/// The generator g_i = θ_i/c_i, h_i = η_i/c_i ("relative" coordinates: c_i G_i(Z) = θ_i U + η_i,
/// so everything the counterexample computes depends on (θ, η) only).
template <class S>
TwoDimGenerator<S> relative_generator(const TwoDimData<S>& d, const S& theta1, const S& theta2,
                                      const S& eta1, const S& eta2) {
    return {theta1 / d.c1, theta2 / d.c2, eta1 / d.c1, eta2 / d.c2};
}

}  // namespace gancert::model
