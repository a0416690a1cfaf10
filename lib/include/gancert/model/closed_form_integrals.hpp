// gancert/model/closed_form_integrals.hpp — the closed-form building blocks of the R/S/E/E
// model (proofs/lemmas.md §C–1.5, §2.3; proofs/lemmas.md §C): IE1, IE2, the key integral K and
// W_σ(p, β) with its five partial derivatives.
//
// All functions are templated on S ∈ {double, mpfr, idouble, impfr}. Over interval scalars
// every result encloses the exact value; when a branch condition cannot be decided (an
// interval μ that contains 0, p ≤ 0 not excluded, …) they return std::nullopt — never a
// wrong value. Over double/mpfr they are approximations (see evaluate_closed_form for the
// regime in which double is accurate).
//
// Conditioning (proofs/lemmas.md §C): W = e^{E}Φ2 is assembled from O(1) Owen-T terms, so its
// absolute error is ≈ e^{E}·2^{−prec}, E = μ² − β² = (1/p)(β + 1/(4p)). Interval results show
// this as width; the caller raises the precision (closed_form_bits in closed_form.hpp).
//
// Contract: see the paragraph above — enclosures over intervals, std::nullopt when undecided.
#pragma once
#include <optional>

#include "gancert/arith/scalar.hpp"

namespace gancert::model {

/// IE1(a, b, c) = E[erf(aX + b)], X ~ Exp(c): erf(b) + e^{E}erfc(μ), μ = b + c/(2a),
/// E = (c/a)(b + c/(4a)), evaluated in the overflow-safe erfcx form (proofs/lemmas.md §C):
///   μ ≥ 0: erf(b) + e^{−b²} erfcx(μ);   μ < 0: erf(b) + 2e^{E} − e^{−b²} erfcx(−μ).
/// Preconditions: a > 0, c > 0 (std::nullopt if not certain, or if the sign of μ is
/// undecided for intervals).
template <class S>
std::optional<S> ie1(const S& a, const S& b, const S& c);

/// K(α, β, m, s) = ∫_0^∞ erf(αx + β) N(x; m, s²) dx (s is the standard deviation):
/// K = 2Φ2(h, k; ρ) − Φ(h), h = m/s, k = √2(β + αm)/σ, ρ = √2αs/σ, σ = √(1 + 2α²s²)
/// (proofs/lemmas.md §C), Φ2 through the general Owen formula (special/bivariate_normal.hpp).
/// Preconditions: s > 0, α ≠ 0. std::nullopt when a branch of Φ2 is undecided.
template <class S>
std::optional<S> key_integral(const S& alpha, const S& beta, const S& m, const S& s);

/// IE2(a, b, c) = E[erf²(aX + b)] = erf²(b) + 4e^{E} K(a, b, −μ/a, 1/(a√2)) (proofs/lemmas.md §C),
/// through the general key_integral (an evaluation path independent of W below).
template <class S>
std::optional<S> ie2(const S& a, const S& b, const S& c);

/// W_σ(p, β) = e^{E_p} Φ2(−√2μ_p, −σ/(2p); σ/√2) and its partials in p and β (proofs/lemmas.md
/// §1.5, §2.3). W_+ = p E[D φ(pU+β)], W_− = p E[(1−D) φ(pU+β)], U ~ Exp(1); both > 0.
template <class S>
struct WPartials {
    S W, W_p, W_b, W_pp, W_pb, W_bb;
};

/// W_σ(p, β) and its five partials for σ = ±1, through the specialised Owen form
///   Φ2 = Q(√2μ)/2 + Φ(−σ/(2p))/2 + σT(√2μ, β/μ) − σT(1/(2p), 1 + 4pβ) − δ,
///   δ = 1/2 iff σμ < 0 (absorbed symbolically into the O(1) CDF term it cancels),
/// and at μ = 0 exactly the continuous limit σT(√2μ, β/μ) − δ = −1/4 (lemma C5).
/// Preconditions: p > 0 certain, σ ∈ {+1, −1}. std::nullopt if p > 0 is not certain or
/// the sign of μ = β + 1/(2p) is undecided.
template <class S>
std::optional<WPartials<S>> w_partials(int sigma, const S& p, const S& beta);

/// The exponent E = (1/p)(β + 1/(4p)) of W_σ(p, β) (proofs/lemmas.md §C), in the factored form.
template <class S>
S w_exponent(const S& p, const S& beta) {
    return (beta + S(1) / (S(4) * p)) / p;
}

}  // namespace gancert::model
