// gancert/counterexample/log_moment.hpp — V(D_k, G) = E log(1 − e^{−k² L²}) (proofs/lemmas.md X.6).
//
// For the law L = μ + A − B of counterexample/line_law.hpp with μ >= 0 (μ < 0: mirror L → −L,
// which swaps λ1 and λ2), writing Ψ, Q, T for the pieces of counterexample/log_kernel_series.hpp:
//   k μ < 3/2:  V = C e^{−λ2 μ} [Ψ(λ2) + Q(λ2, μ)] + C e^{λ1 μ} [Ψ(λ1) − Q(−λ1, μ)],
//   k μ >= 3/2: V = C e^{−λ2 μ} [Ψ(λ2) + Ψ(−λ2) − T(λ2, μ)] + C e^{λ1 μ} T(−λ1, μ).
// Laplace(0, 1) (μ = 0, λ1 = λ2 = 1): V = Ψ(1) = −(1/(2k)) Σ_j (−1/k)^j Γ((j+1)/2) ζ((j+3)/2)/j!.
// The log singularity at L = 0 is integrated analytically inside Ψ and Q; nothing is dropped.
//
// Contract: an enclosure of V(D_k, G); std::domain_error when a series precondition is not
// certainly met (never a wrong value).
#pragma once
#include "gancert/arith/scalar.hpp"
#include "gancert/counterexample/line_law.hpp"

namespace gancert::counterexample {

/// Encloses V_k = E log(1 − e^{−k² L²}) (≤ 0) for L ~ `law` and k > 0. A μ interval that
/// straddles 0 is split into its two signs and the results joined. Throws std::domain_error
/// if the regime (k|μ| < 3/2 or >= 1 certainly) cannot be decided for a too-wide μ.
arith::impfr log_cost_of_line_discriminator(const LineLaw<arith::impfr>& law, const arith::impfr& k);

}  // namespace gancert::counterexample
