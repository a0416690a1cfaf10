// gancert/counterexample/jensen_shannon.hpp — certified enclosure of JSD(Exp(c) ‖ h + Exp(γ))
// (proofs/lemmas.md X.9).
//
// Contract: enclosures (lemma X.9); std::domain_error ("cannot decide") when sign(γ − c)
// is undecidable; drop_term is a planted-error hook (−1 in use).
#pragma once
#include "gancert/counterexample/exponential_contrast.hpp"

namespace gancert::counterexample {

/// Encloses I = ∫ [p log(1 + q/p) + q log(1 + p/q)] over the common support [max(0,h), ∞) of
/// p = Exp(c) and q = h + Exp(γ) (lemma X.9). Then JSD = log 2 − I/2 and C_log = −I.
/// Preconditions: c, γ > 0; γ = c exactly (same_rate) or sign(γ − c) decidable. Throws
/// std::domain_error ("cannot decide") otherwise. `drop_term` ≥ 0 is a test hook that omits
/// the given series term (planted-error tests only; −1 in use).
arith::impfr jensen_shannon_overlap(const ExponentialPair& p, int drop_term = -1);

/// Encloses JSD(P_d, P_g) = log 2 − I/2 (lemma X.9).
arith::impfr jensen_shannon(const ExponentialPair& p, int drop_term = -1);

}  // namespace gancert::counterexample
