// gancert/model/closed_form.hpp — the closed-form (fast) path of the R/S/E/E model:
// J1, J2, ∇J, ∇²J through W_σ and Owen's T (design §3.3, math.md §1.5, §2.2–2.3).
//
//   J = Pj(a/c, b) + q(ag, ah + b),
//   Pj(p, β) = erfc²(−β)/4 + 2W_+(p, β),   q(p, β) = erfc²(β)/4 − 2W_−(p, β),
// with the partials of Pj and q from those of W (math.md §2.3) and the chain rule of §2.2
// done by ad::compose. Independent of the integral (quadrature) path.
#pragma once
#include <optional>

#include "gancert/model/params.hpp"

namespace gancert::model {

/// Largest exponent E = μ² − β² (of either part) at which the double closed form is trusted
/// (math.md §1.6; measured: see bench/RESULTS-closed-form.md). Beyond it, double returns
/// std::nullopt and the caller uses the integral path.
inline constexpr double closed_form_double_max_exponent = 3.0;
/// Smallest p = a/c (J1 part) and p = ag (J2 part) at which double is trusted: the partials
/// divide absolute errors of W by p² (math.md §2.3).
inline constexpr double closed_form_double_min_p = 0.05;

/// J1, J2 and the 4-jet (gradient, Hessian in a, b, g, h) of J by the closed form.
///  * idouble / impfr: enclosures of the exact values (the width reflects e^{E} cancellation;
///    raise the precision, see closed_form_bits).
///  * double: accurate to ~1e−14 relative / 1e−16 absolute where it returns a value; it
///    returns std::nullopt outside the measured benign regime (E > closed_form_double_max_exponent
///    or p < closed_form_double_min_p for either part).
///  * mpfr: round-to-nearest at the working precision (not a bound).
/// Returns std::nullopt when a ≤ 0 or g ≤ 0 is not excluded, when an interval branch
/// condition (sign of μ) is undecided, or when interval arithmetic overflows to NaN.
template <class S>
std::optional<Evaluation<S>> evaluate_closed_form(const Params<S>& p);

/// Working precision (bits) suggested by math.md §1.6 for `target_bits` correct bits of the
/// closed form at these parameters: target + guard + max(0, E1, E2)·log2(e).
unsigned closed_form_bits(const Params<double>& p, unsigned target_bits);

/// Result of the adaptive certified evaluation.
struct CertifiedClosedForm {
    Evaluation<arith::impfr> value;
    unsigned bits;    ///< working precision of the returned enclosures
    bool width_met;   ///< every entry has relative width ≤ 10^{−digits} (absolute where it contains 0)
};

/// Certified closed form at exact decimal parameters, raising the working precision from
/// closed_form_bits(…) until every one of the 17 enclosures (J1, J2, J, ∇J, ∇²J's upper
/// triangle) has relative width ≤ 10^{−digits} (absolute width where it contains 0), or
/// max_bits is reached (then width_met = false). std::nullopt if the closed form cannot
/// decide a branch at any precision tried. Restores the thread's precision on return.
std::optional<CertifiedClosedForm> evaluate_closed_form_to_digits(const DecimalParams& p,
                                                                  unsigned digits,
                                                                  unsigned max_bits = 1u << 15);

}  // namespace gancert::model
