// gancert/counterexample/exponential_contrast.hpp — the dim z = dim x = 1 contrast (R/S/E/E,
// proofs/lemmas.md §X, proofs/lemmas.md X.7): distances between P_d = Exp(c) and P_g = law(gU + h),
// U ~ Exp(1), i.e. density γ e^{−γ(x−h)} on [h, ∞) with γ = 1/g.
//
// For the LS cost C_LS(G) = sup_D ∫ p_d D² + p_g (1 − D)² = 1 + TV(P_d, P_g) (the integrand is
// convex in D, so the pointwise maximiser is D = 1[p_d > p_g]); for the log cost
// C_log(G) = −log 4 + 2 JSD(P_d, P_g). Both are minimal iff P_g = P_d iff g = 1/c, h = 0.
//
// Contract: enclosures of TV, C_LS, C_log; std::domain_error ("cannot decide") when a
// needed sign or case cannot be decided over the enclosures — never a wrong value.
#pragma once
#include "gancert/arith/scalar.hpp"

namespace gancert::counterexample {

/// The 1-D generator G(z) = g z² + h against data Exp(c); gamma = 1/g is the rate of P_g − h.
struct ExponentialPair {
    arith::impfr c, gamma, h;
    int h_sign;      ///< exact sign of h (−1, 0, +1), known from the exact decimal input
    bool same_rate;  ///< γ = c exactly (known symbolically, e.g. g = 1/c); then `gamma` is ignored
};

/// Encloses TV(P_d, P_g) = P_d(A) − P_g(A), A = {p_d > p_g} (lemma X.7). log(p_d/p_g) is affine on
/// [max(0, h), ∞), so A is [0, h⁺) ∪ (an interval ending or starting at the crossing point
/// x0 = (log(γ/c) + γh)/(γ − c)). γ = c must hold exactly (point intervals) or be certainly
/// false; otherwise std::domain_error ("cannot decide").
arith::impfr total_variation(const ExponentialPair& p);

/// Proven bracket of JSD(P_d, P_g) from TV (lemma X.7): TV²/2 <= JSD <= TV·log 2 (Pinsker on each
/// half; convexity of the per-point JS kernel). Returned as an interval [TV_lo²/2, TV_hi·log 2].
/// A bound, not an enclosure to the digits: used as a consistency check of jensen_shannon()
/// (jensen_shannon.hpp, lemma X.9).
arith::impfr jensen_shannon_bracket(const arith::impfr& tv);

}  // namespace gancert::counterexample
