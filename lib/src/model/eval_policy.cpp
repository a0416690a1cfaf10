// The evaluation policy (model/eval_policy.hpp): ladder and narrow-enough test.
#include "gancert/model/eval_policy.hpp"

#include <algorithm>
#include <string>

#include "gancert/arith/precision.hpp"

namespace gancert::model {

namespace {
using arith::impfr;
using arith::mpfr;

/// Enclosures that may meet the target in absolute width: they contain 0, or their magnitude
/// is below 2^negligible_exponent.
bool absolute_ok(const impfr& x) {
    if (arith::contains_zero(x)) return true;
    mpfr m = arith::mag(x);
    return mpfr_cmp_si_2exp(arith::raw(m), 1, negligible_exponent) < 0;
}
}  // namespace

const char* to_string(Path p) {
    switch (p) {
        case Path::closed_form: return "closed form";
        case Path::integral: return "integral";
        case Path::both: return "closed form ∩ integral";
    }
    return "?";
}

EvalPolicy EvalPolicy::to_digits(unsigned digits, unsigned max_bits) {
    if (digits < 1 || digits > arith::max_decimal_digits)
        throw arith::bad_parameter("digits", std::to_string(digits) + " is outside [1, " +
                                                 std::to_string(arith::max_decimal_digits) + "]");
    EvalPolicy p;
    p.digits = digits;
    p.start_bits = arith::bits_for_digits(digits, guard_bits);
    p.max_bits = std::max(max_bits, p.start_bits);
    return p;
}

EvalPolicy EvalPolicy::at_working_precision(unsigned bits) {
    EvalPolicy p;
    p.tol_bits = bits - best_effort_guard_bits;
    p.start_bits = bits;
    p.max_bits = 8 * bits;
    p.max_escalations = 3;
    p.absolute_after = 1;
    return p;
}

std::optional<unsigned> EvalPolicy::next_bits(unsigned bits, unsigned attempt) const {
    if (bits >= max_bits || attempt >= max_escalations) return std::nullopt;
    return std::min(max_bits, 2 * bits);
}

bool EvalPolicy::narrow_enough(const impfr& x, unsigned attempt) const {
    mpfr tol = arith::fresh_mpfr(64);
    if (tol_bits > 0) {
        mpfr_set_ui_2exp(arith::raw(tol), 1, -static_cast<long>(tol_bits), MPFR_RNDD);
    } else {
        mpfr_set_ui(arith::raw(tol), 10, MPFR_RNDN);
        mpfr_pow_si(arith::raw(tol), arith::raw(tol), -static_cast<long>(digits), MPFR_RNDD);
    }
    if (relatively_narrow(x, tol)) return true;
    return attempt >= absolute_after && arith::width_up(x) <= tol && absolute_ok(x);
}

bool EvalPolicy::meets(const Evaluation<impfr>& e, unsigned attempt) const {
    return e.all_of([&](const impfr& x) { return narrow_enough(x, attempt); });
}

}  // namespace gancert::model
