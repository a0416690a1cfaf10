// gancert/model/evaluate.hpp — one entry point for evaluating the R/S/E/E cost.
//
// Two independent paths compute the same 17 numbers (J1, J2, J, ∇J, ∇²J):
//   * the closed form through Owen's T (model/closed_form.hpp, docs/mathematics.md §3 and proofs/lemmas.md §C), fast but
//     ill-conditioned where E = μ² − β² is large, and defined only for a > 0, g > 0;
//   * the integral path (model/integral_path.hpp, proofs/lemmas.md §Q): validated quadrature, valid
//     for every real a, b, h, g >= 0 and for genuine parameter boxes.
// evaluate() picks per scalar type; over intervals it intersects both enclosures when both
// exist (each is a proven enclosure, so their intersection is one too).
//
// Contract: see each declaration — enclosures for idouble/impfr (never wrong, possibly wide),
// approximations for double/mpfr; evaluate_certified meets its width target or throws
// std::range_error ("outside supported range"); bad parameters throw arith::bad_parameter
// naming the parameter.
#pragma once
#include <optional>
#include <string>

#include "gancert/model/eval_policy.hpp"
#include "gancert/model/params.hpp"

namespace gancert::model {

/// Best evaluation at the current working precision.
///  double, mpfr: approximations (closed form where it is well conditioned, else the integral
///                path); not rigorous. mpfr: midpoints of enclosures escalated by
///                EvalPolicy::at_working_precision (the working precision but 8 bits).
///  idouble, impfr: enclosures of the exact values for every point of the parameter box
///                (fields may be genuine intervals). Never a wrong enclosure; possibly wide.
template <class S>
Evaluation<S> evaluate(const Params<S>& p);

/// A certified evaluation meeting a requested width target.
struct CertifiedEvaluation {
    Evaluation<arith::impfr> value;
    unsigned precision_bits = 0;  ///< working precision of the final attempt
    Path path = Path::integral;
};

/// Encloses J1, J2, J, ∇J, ∇²J at the exact decimal parameters with relative width
/// <= 10^−digits for every quantity, or — after two precision escalations — absolute width
/// <= 10^−digits for a quantity whose enclosure contains 0 or lies below 2^−4096 in magnitude
/// (exponentially small values like e^{−b²} where the discriminator saturates: no affordable
/// precision gives those relative accuracy). Every other value gets relative width. The
/// working precision starts at ⌈digits·log2 10⌉ + model::guard_bits (24) and is doubled (at
/// most to `max_bits`) while any quantity is too wide: EvalPolicy::to_digits(digits, max_bits).
/// Throws arith::bad_input for parameters outside the domain (c <= 0, g < 0, malformed; the
/// message names the parameter) or digits outside [1, 10000]; throws std::range_error
/// ("outside supported range") if the target cannot be met within max_bits — never returns an
/// enclosure that is wrong.
CertifiedEvaluation evaluate_certified(const DecimalParams& p, unsigned digits,
                                       unsigned max_bits = default_max_bits);

/// The same under an explicit policy (its path choice, ladder and width target); the
/// parameters are validated once, here.
CertifiedEvaluation evaluate_certified(const DecimalParams& p, const EvalPolicy& policy);
/// The same for parameters validated before (no second validation).
CertifiedEvaluation evaluate_certified(const ValidatedParams& p, const EvalPolicy& policy);

/// Over intervals at the current working precision, by the policy's path choice; `used`
/// receives the path. std::nullopt only for PathChoice::closed_form where the closed form
/// does not apply. Never a wrong enclosure.
template <class I>
std::optional<Evaluation<I>> evaluate_by_path(const Params<I>& p, PathChoice choice, Path* used = nullptr);

}  // namespace gancert::model
