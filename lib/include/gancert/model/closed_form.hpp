// gancert/model/closed_form.hpp — the closed-form (fast) path of the R/S/E/E model:
// J1, J2, ∇J, ∇²J through W_σ and Owen's T (docs/mathematics.md §3 and proofs/lemmas.md §C, proofs/lemmas.md §C, §2.2–2.3).
//
//   J = Pj(a/c, b) + q(ag, ah + b),
//   Pj(p, β) = erfc²(−β)/4 + 2W_+(p, β),   q(p, β) = erfc²(β)/4 − 2W_−(p, β),
// with the partials of Pj and q from those of W (proofs/lemmas.md §C) and the chain rule of §2.2
// done by ad::compose. Independent of the integral (quadrature) path.
//
// Contract: interval scalars: enclosures of all 17 quantities over the parameter box, or
// std::nullopt when the closed form does not apply or cannot decide a branch (a ≤ 0 or g ≤ 0
// not excluded, sign of μ undecided, overflow) — never a wrong enclosure. double: a value only
// where the running error estimate meets 1e−14 rel. / 1e−16 abs.; mpfr: approximation.
#pragma once
#include <optional>

#include "gancert/model/params.hpp"

namespace gancert::model {

/// The double closed form returns a value only if a first-order running error estimate
/// (model/detail/tracked_double.hpp) puts every entry within these targets:
/// |error| ≤ 1e−14·|value| or ≤ 1e−16. Validated by measurement in
/// tests/test_closed_form_double.cpp (double vs certified enclosures at random points).
inline constexpr double closed_form_double_rel_target = 1e-14;
inline constexpr double closed_form_double_abs_target = 1e-16;
/// The first-order estimate is pessimistic; accepted when estimate ≤ slack × target.
/// Measured (1063 random points, E ≤ 8): slack 8 → 70 % accepted, 0 violations, worst
/// actual error 0.52 × target; slack 16 already gave 2 violations.
inline constexpr double closed_form_double_estimate_slack = 8.0;
/// Pre-filter: above this exponent E = μ² − β² of either part (proofs/lemmas.md §C) double is not
/// even tried (e^{E}·eps cancellation; the estimate would reject it anyway).
inline constexpr double closed_form_double_max_exponent = 8.0;

/// J1, J2 and the 4-jet (gradient, Hessian in a, b, g, h) of J by the closed form.
///  * idouble / impfr: enclosures of the exact values (the width reflects e^{E} cancellation;
///    raise the precision, see closed_form_bits).
///  * double: returns a value only where its running error estimate meets 1e−14 relative
///    or 1e−16 absolute for all 17 entries (see closed_form_double_rel_target); otherwise
///    std::nullopt, and the caller uses the integral path.
///  * mpfr: round-to-nearest at the working precision (not a bound).
/// Returns std::nullopt when a ≤ 0 or g ≤ 0 is not excluded, when an interval branch
/// condition (sign of μ) is undecided, or when interval arithmetic overflows to NaN.
template <class S>
std::optional<Evaluation<S>> evaluate_closed_form(const Params<S>& p);

/// Working precision (bits) suggested by proofs/lemmas.md §C for `target_bits` correct bits of the
/// closed form at these parameters: target + closed_form_guard_bits (32, model/eval_policy.hpp)
/// + max(0, E1, E2)·log2(e). A certified closed-form-only evaluation to N digits is
/// evaluate_certified(p, policy) with policy.path = PathChoice::closed_form.
unsigned closed_form_bits(const Params<double>& p, unsigned target_bits);

}  // namespace gancert::model
