// gancert/special/bivariate_normal.hpp — the standard bivariate normal CDF through Owen's T.
//
// Φ2(h, k; ρ) = P(Y1 ≤ h, Y2 ≤ k), (Y1, Y2) standard normal with correlation ρ, |ρ| < 1.
// Owen (1956), lemma C4 (proofs/lemmas.md §C):
//   Φ2 = Φ(h)/2 + Φ(k)/2 − T(h, a_h) − T(k, a_k) − δ,
//   a_h = (k − ρh)/(h√(1−ρ²)),  a_k = (h − ρk)/(k√(1−ρ²)),
//   δ = 0 if hk > 0 or (hk = 0 and h + k ≥ 0), δ = 1/2 otherwise;
// branches: h = 0, k ≠ 0: T(0, a_h) := sign(k)/4 (and symmetrically); h = k = 0:
//   Φ2 = 1/4 + arcsin(ρ)/(2π) = 1/4 + atan(ρ/√(1−ρ²))/(2π).
//
// Contract: interval scalars give enclosures of Φ2; std::nullopt when a branch condition
// (signs of h, k, hk) cannot be decided over the arguments — never a wrong value. Point
// scalars give approximations. Precondition: |ρ| < 1 certainly.
#pragma once
#include <optional>

#include "gancert/arith/scalar.hpp"

namespace gancert::special {

/// Φ2(h, k; ρ) for S ∈ {double, mpfr, idouble, impfr}. Intervals: an enclosure.
/// Returns std::nullopt when a branch cannot be decided: an interval h or k that contains 0
/// without being exactly 0, or |ρ| < 1 not certain (doubles: |ρ| ≥ 1 or NaN).
template <class S>
std::optional<S> bivariate_normal_cdf(const S& h, const S& k, const S& rho);

/// Sign of x when decidable: −1, 0 (x is exactly 0) or +1; std::nullopt for an interval
/// that contains 0 and another number. (Shared by the closed-form code.)
template <class S>
std::optional<int> decided_sign(const S& x);

}  // namespace gancert::special
