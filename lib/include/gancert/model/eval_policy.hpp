// gancert/model/eval_policy.hpp — the one policy for evaluating the R/S/E/E model to a width
// target: the target width (relative, absolute only where relative is hopeless), the
// precision ladder, the path choice and the guard bits. Every precision-escalation loop of the
// model layer (evaluate_certified, evaluate<mpfr>, evaluate_integral_certified, the trajectory
// evaluator of dynamics/play.cpp and the certifier's box evaluator), of the model family
// (family/evaluate.cpp, certify/family_function.cpp, dynamics/family_play.cpp) and of the
// counterexample checker takes its numbers from here, and the "narrow enough" test is
// EvalPolicy::narrow_enough alone: a change of a guard-bit or tolerance policy is one line here.
//
// Contract. An EvalPolicy only decides *when to stop* and *at which precision to try*; it never
// changes an enclosure. Whatever it says, a returned interval encloses the exact value; a
// target that the ladder cannot reach ends in std::range_error ("outside supported range")
// from evaluate_certified, or in the last (valid, wider) enclosure where a caller asks for a
// best effort (evaluate<mpfr>). to_digits() validates the digits once (arith::bad_parameter
// naming "digits"); the parameters are validated once per request by evaluate_certified.
#pragma once
#include <cmath>
#include <cstddef>
#include <optional>
#include <type_traits>

#include "gancert/arith/interval.hpp"
#include "gancert/model/params.hpp"

namespace gancert::model {

/// Guard bits over the target: working precision = ⌈digits·log2 10⌉ + guard_bits. The closed
/// form is accepted alone when it is within 2^−(bits − guard_bits) relative everywhere.
inline constexpr unsigned guard_bits = 24;
/// Guard bits of a best-effort working-precision evaluation (evaluate<mpfr>): its values are
/// meant to carry the working precision but for these bits.
inline constexpr unsigned best_effort_guard_bits = 8;
/// Guard bits of the integral path's internal quadrature target below the working precision
/// (IntegralOptions::target_bits = working bits − integral_guard_bits by default).
inline constexpr unsigned integral_guard_bits = 16;
/// Guard bits of closed_form_bits (model/closed_form.hpp) over its target (proofs/lemmas.md, closed-form precision).
inline constexpr unsigned closed_form_guard_bits = 32;
/// Absolute (instead of relative) width is accepted for an enclosure that contains 0 or whose
/// magnitude is below 2^negligible_exponent (e^{−b²}-like values of a saturated
/// discriminator), and only after `absolute_after` escalations. Any value in between gets
/// relative width: 1e−40 asked at 30 digits gets 30 significant digits.
inline constexpr long negligible_exponent = -4096;
/// The trajectory evaluator (dynamics/play.cpp) takes the closed form alone when J1, J2, J and
/// ∇J have absolute width ≤ 2^−(bits − trajectory_guard_bits) + 1024·(parameter width).
inline constexpr unsigned trajectory_guard_bits = 32;
inline constexpr unsigned trajectory_width_factor = 1024;
/// Over a parameter box (the certifier) the width is dominated by the box, so the integral
/// path is asked only for relative 2^−box_target_bits (idouble 10, impfr 20) with a small
/// piece budget (its enclosures stay valid; see model::box_integral_options).
inline constexpr int box_target_bits_double = 10, box_target_bits_mp = 20;
inline constexpr std::size_t box_max_subintervals = 48;
inline constexpr int box_max_tail_extensions = 2;
/// Default ceiling of the precision ladder (bits).
inline constexpr unsigned default_max_bits = 1u << 15;
/// evaluate_integral_certified: the ladder from ⌈digits·log2 10⌉ + integral_guard_bits with at
/// most integral_max_doublings doublings; the reduced components carry
/// integral_component_guard_bits over the final entries' target; quadrature floor 2^−2^22.
inline constexpr unsigned integral_max_doublings = 2;
inline constexpr int integral_component_guard_bits = 6;
inline constexpr int integral_floor_bits = 1 << 22;

// The model family (family/evaluate.cpp, certify/family_function.cpp, dynamics/family_play.cpp)
// takes its numbers from here too.
/// Guard bits of the family's certified evaluation over ⌈digits·log2 10⌉ (at least
/// family_min_bits, at most family_max_doublings doublings): the 15-entry jets lose more to
/// interval dependency than R/S/E/E's reduced integrals (with 16 nearly every point needed a
/// second, doubled attempt).
inline constexpr unsigned family_guard_bits = 32;
inline constexpr unsigned family_min_bits = 64;
inline constexpr int family_max_doublings = 2;
/// Working precision of the family's interval<double> evaluations (the certifier's idouble
/// overload) and of the double trajectory's evaluations.
inline constexpr unsigned family_double_eval_bits = 96;
/// A box's midpoint — every coordinate of relative width ≤ 2^(thin_guard_bits − bits), bits the
/// working precision capped at thin_max_bits — is evaluated to a quadrature target of the
/// working precision minus point_guard_bits (at least point_min_target_bits), not the box target.
inline constexpr int thin_guard_bits = 8;
inline constexpr unsigned thin_max_bits = 1000;
inline constexpr int point_guard_bits = 56;
inline constexpr int point_min_target_bits = 20;
/// Unverified estimates (the witness search's estimate()) to ~4 digits: relative 2^−14.
inline constexpr int estimate_target_bits = 14;

// The counterexample checker (counterexample/check.cpp): guard bits
// counterexample_first_guard_bits, doubled per attempt, at most counterexample_max_attempts.
inline constexpr unsigned counterexample_first_guard_bits = 32;
inline constexpr int counterexample_max_attempts = 9;  // guard bits 32, 64, …, 8192

/// Which path(s) an evaluation may use over intervals.
enum class PathChoice {
    automatic,    ///< closed form alone when tight, else closed form ∩ integral (integral alone where no closed form)
    closed_form,  ///< the closed form only (undecided where it does not apply)
    integral,     ///< the integral path only
};

/// Which path produced a result.
enum class Path { closed_form, integral, both };
const char* to_string(Path p);

struct EvalPolicy {
    /// Width target: relative width ≤ 2^−tol_bits (when tol_bits > 0) or ≤ 10^−digits.
    unsigned digits = 0;
    unsigned tol_bits = 0;
    /// Precision ladder: start_bits, then ×2 per escalation, capped at max_bits; at most
    /// max_escalations escalations.
    unsigned start_bits = 0;
    unsigned max_bits = default_max_bits;
    unsigned max_escalations = 64;
    /// From this escalation on, enclosures that contain 0 or are negligible may meet the
    /// target in absolute width instead (see negligible_exponent).
    unsigned absolute_after = 2;
    PathChoice path = PathChoice::automatic;

    /// `digits` significant decimal digits; start at ⌈digits·log2 10⌉ + guard_bits.
    /// Throws arith::bad_input naming "digits" outside [1, arith::max_decimal_digits].
    static EvalPolicy to_digits(unsigned digits, unsigned max_bits = default_max_bits);
    /// Best effort at `bits` of working precision: relative 2^−(bits − best_effort_guard_bits),
    /// at most three doublings, absolute width after one.
    static EvalPolicy at_working_precision(unsigned bits);

    /// The next rung of the ladder after `bits` at escalation `attempt` (0 = first try), or
    /// std::nullopt when the ladder is exhausted.
    std::optional<unsigned> next_bits(unsigned bits, unsigned attempt) const;

    /// The "narrow enough" test: relative width of x ≤ tolerance (or x a point), or — from
    /// escalation absolute_after on — absolute width ≤ tolerance for x containing 0 or
    /// negligible. The tolerance is rounded downward (a stopping rule, never a bound).
    bool narrow_enough(const arith::impfr& x, unsigned attempt) const;
    /// narrow_enough for every one of the 17 quantities.
    bool meets(const Evaluation<arith::impfr>& e, unsigned attempt) const;
};

/// Relative width of x at most `tol` (x not containing 0), or x a point: the relative half
/// of the narrow-enough test, in any endpoint type.
template <class T>
bool relatively_narrow(const arith::interval<T>& x, const T& tol) {
    arith::rounding<T> r;
    T w = arith::width_up(x);
    if (w == 0) return true;
    if (arith::contains_zero(x)) return false;
    return w <= r.mul_down(tol, arith::mig(x));
}

/// 2^−(p − guard) rounded down, in endpoint type T (p = 53 for double, else the working
/// precision): the closed form's "as tight as this precision allows".
template <class T>
T working_tolerance(unsigned guard) {
    if constexpr (std::is_same_v<T, double>) {
        return std::ldexp(1.0, -53 + static_cast<int>(guard));
    } else {
        T tol = arith::rounding<T>().conv_down(1.0);
        mpfr_mul_2si(arith::raw(tol), arith::raw(tol), -static_cast<long>(arith::working_bits()) + static_cast<long>(guard), MPFR_RNDD);
        return tol;
    }
}

}  // namespace gancert::model
