// gancert/counterexample/log_kernel_series.hpp — integrals of e^{a l} φ_k(l), φ_k(l) = log(1 − e^{−k² l²}),
// the building blocks of V(D_k, G) = E log(1 − e^{−k² L²}) (proofs/lemmas.md X.3–X.5).
//
// φ_k has an integrable logarithmic singularity at l = 0 (φ_k(l) = log(k² l²) + O(l²)) and
// decays like −e^{−k² l²}, so e^{a l} φ_k is integrable on R for every real a. Three pieces:
//   Ψ_k(λ)   = ∫_0^∞ e^{−λ l} φ_k(l) dl   (X.3: entire series in λ/k through Γ and ζ at half-integers)
//   Q_k(a, μ) = ∫_0^μ e^{a l} φ_k(l) dl   (X.4: log w split off analytically, Bernoulli/ζ(2m) series; kμ < 1.5)
//   T_k(a, μ) = ∫_μ^∞ e^{a l} φ_k(l) dl   (X.5: series Σ_n e^{−n k² l²}/n of Gaussian integrals; kμ >= 1)
// Each is returned as an enclosure that includes a proven bound for the truncated tail.
//
// Contract: enclosures including the proven tail bounds; std::domain_error when the
// preconditions of the series (kμ ranges) are not certainly met.
#pragma once
#include "gancert/arith/scalar.hpp"

namespace gancert::counterexample {

/// Encloses Ψ_k(λ) = ∫_0^∞ e^{−λl} log(1 − e^{−k²l²}) dl
///   = −(1/(2k)) Σ_{j>=0} (−λ/k)^j Γ((j+1)/2) ζ((j+3)/2)/j!,
/// with tail bound 2|t_N| once |λ|/(k √(2(N+1))) <= 1/2 (lemma X.3). Any real λ; k > 0.
/// Cost grows with |λ|/k (cancellation: the caller raises the precision if the result is wide).
arith::impfr log_kernel_laplace(const arith::impfr& lambda, const arith::impfr& k);

/// Encloses Q_k(a, μ) = ∫_0^μ e^{al} log(1 − e^{−k²l²}) dl for 0 <= μ, k μ < 3/2 (lemma X.4).
/// μ = 0 exactly gives 0; an interval μ touching 0 gives the proven crude enclosure
/// [−e^{|a|μ}(W log(1 + W^{−2}) + 2 atan W)/k, 0], W = kμ. Throws std::domain_error when the
/// precondition k μ < 3/2 cannot be certified.
arith::impfr log_kernel_near(const arith::impfr& a, const arith::impfr& mu, const arith::impfr& k);

/// Encloses T_k(a, μ) = ∫_μ^∞ e^{al} log(1 − e^{−k²l²}) dl for k μ >= 1 (lemma X.5). Throws
/// std::domain_error when k μ >= 1 cannot be certified.
arith::impfr log_kernel_far(const arith::impfr& a, const arith::impfr& mu, const arith::impfr& k);

/// ζ(n/2) for an integer n >= 3, enclosed to about `bits` bits (0 or more than the working
/// precision: the working precision): MPFR's correctly rounded mpfr_zeta / mpfr_zeta_ui (RNDD, the
/// upper end the next float when inexact) at the exact argument, or [1, 1 + 2^{2−n/2}] when
/// n/2 >= bits + 2 (lemma X.3). Cached per thread (the most precise enclosure so far is reused).
arith::impfr zeta_half_integer(unsigned n, unsigned bits = 0);

}  // namespace gancert::counterexample
