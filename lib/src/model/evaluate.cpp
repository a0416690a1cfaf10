// Dispatcher between the closed-form and the integral path (model/evaluate.hpp).
#include "gancert/model/evaluate.hpp"

#include <algorithm>
#include <stdexcept>

#include "gancert/model/closed_form.hpp"
#include "gancert/model/integral_path.hpp"
#include "gancert/model/intersect.hpp"

namespace gancert::model {
namespace {

using arith::idouble;
using arith::impfr;
using arith::mpfr;

/// The one policy for absolute (instead of relative) width: an enclosure that contains 0, or
/// whose magnitude is below 2^negligible_exponent. Values in between always get relative width
/// (a value of 1e−40 asked at 30 digits gets 30 significant digits, not an absolute 1e−30).
constexpr long negligible_exponent = -4096;
bool absolute_ok(const impfr& x) {
    if (arith::contains_zero(x)) return true;
    mpfr m = arith::mag(x);
    return mpfr_cmp_si_2exp(arith::raw(m), 1, negligible_exponent) < 0;
}

/// Relative width of x is at most `tol` (x not containing 0), or x is the point 0.
template <class T>
bool narrow(const arith::interval<T>& x, const T& tol) {
    arith::rounding<T> r;
    T w = arith::width_up(x);
    if (w == 0) return true;
    if (arith::contains_zero(x)) return false;
    return w <= r.mul_down(tol, arith::mig(x));
}

template <class I, class F>
bool all_quantities(const Evaluation<I>& e, F&& ok) {
    if (!ok(e.J1) || !ok(e.J2) || !ok(e.J.v)) return false;
    for (const auto& x : e.J.g)
        if (!ok(x)) return false;
    for (const auto& x : e.J.h)
        if (!ok(x)) return false;
    return true;
}

/// Both paths over intervals; the closed form alone when it is already as tight as the
/// working precision allows (2^−(bits−24) relative on every quantity).
template <class I>
Evaluation<I> evaluate_interval(const Params<I>& p, Path* used) {
    using T = arith::endpoint_t<I>;
    auto cf = evaluate_closed_form(p);
    if (cf) {
        const unsigned bits = std::is_same_v<T, double> ? 53u : arith::working_bits();
        T tol = arith::rounding<T>().conv_down(1.0);
        if constexpr (std::is_same_v<T, double>) {
            tol = std::ldexp(1.0, -int(bits) + 24);
        } else {
            mpfr_mul_2si(arith::raw(tol), arith::raw(tol), -long(bits) + 24, MPFR_RNDD);
        }
        if (all_quantities(*cf, [&](const I& x) { return narrow(x, tol); })) {
            if (used) *used = Path::closed_form;
            return *cf;
        }
    }
    auto ip = evaluate_integral(p);
    if (!cf) {
        if (used) *used = Path::integral;
        return ip;
    }
    if (used) *used = Path::both;
    return intersect_evaluations(*cf, ip);  // throws arith::soundness_error if disjoint
}

template <class T>
T midpoint_of(const arith::interval<T>& x) {
    return arith::midpoint(x);
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

template <>
Evaluation<double> evaluate(const Params<double>& p) {
    if (auto e = evaluate_closed_form(p)) return *e;
    return evaluate_integral(p);
}

template <>
Evaluation<idouble> evaluate(const Params<idouble>& p) { return evaluate_interval(p, nullptr); }

template <>
Evaluation<impfr> evaluate(const Params<impfr>& p) { return evaluate_interval(p, nullptr); }

/// mpfr: midpoints of a certified evaluation whose relative width is ~2^−(bits−8), so the
/// returned values carry (almost) the full working precision even where the closed form
/// cancels.
template <>
Evaluation<mpfr> evaluate(const Params<mpfr>& p) {
    const unsigned bits = arith::working_bits();
    auto point = [](const mpfr& x) { return impfr(x, x); };
    Params<impfr> ip{point(p.a), point(p.b), point(p.g), point(p.h), point(p.c)};
    unsigned work = bits;
    Evaluation<impfr> e;
    for (int attempt = 0;; ++attempt) {
        arith::precision_guard guard(work);
        Params<impfr> q = ip;  // endpoints keep their own precision
        e = evaluate_interval(q, nullptr);
        mpfr tol = arith::fresh_mpfr(64);
        mpfr_set_ui_2exp(arith::raw(tol), 1, -long(bits) + 8, MPFR_RNDD);
        // After one escalation, entries that contain 0 or are negligible (below 2^−4096, such
        // as e^{−b²} of a saturated discriminator) are accepted with absolute width ≤ tol.
        bool ok = all_quantities(e, [&](const impfr& x) {
            return narrow(x, tol) || (attempt >= 1 && arith::width_up(x) <= tol && absolute_ok(x));
        });
        if (ok || attempt >= 3) break;
        work *= 2;
    }
    Evaluation<mpfr> r;
    r.J1 = midpoint_of(e.J1);
    r.J2 = midpoint_of(e.J2);
    r.J.v = midpoint_of(e.J.v);
    for (std::size_t i = 0; i < 4; ++i) r.J.g[i] = midpoint_of(e.J.g[i]);
    for (std::size_t i = 0; i < r.J.h.size(); ++i) r.J.h[i] = midpoint_of(e.J.h[i]);
    return r;
}

bool meets_digits(const Evaluation<impfr>& e, unsigned digits, bool allow_absolute_at_zero) {
    mpfr tol = arith::fresh_mpfr(64);
    mpfr_set_ui(arith::raw(tol), 10, MPFR_RNDN);
    mpfr_pow_si(arith::raw(tol), arith::raw(tol), -long(digits), MPFR_RNDD);
    return all_quantities(e, [&](const impfr& x) {
        if (narrow(x, tol)) return true;
        // Absolute width only for enclosures that contain 0 and for negligible values (below
        // 2^−4096, e.g. e^{−b²} for a saturated discriminator), whose relative width no
        // affordable precision can bring down; every other value gets `digits` relative digits.
        return allow_absolute_at_zero && arith::width_up(x) <= tol && absolute_ok(x);
    });
}

CertifiedEvaluation evaluate_certified(const DecimalParams& p, unsigned digits, unsigned max_bits) {
    validate(p);
    unsigned bits = arith::bits_for_digits(digits, 24);
    max_bits = std::max(max_bits, bits);
    for (int attempt = 0;; ++attempt) {
        arith::precision_guard guard(bits);
        CertifiedEvaluation r;
        r.precision_bits = bits;
        r.value = evaluate_interval(to_scalar<impfr>(p), &r.path);
        // Relative width everywhere; after two escalations accept absolute width ≤ 10^−digits
        // for enclosures that contain 0 or are negligible (absolute_ok).
        if (meets_digits(r.value, digits, attempt >= 2)) return r;
        if (bits >= max_bits)
            throw std::range_error("outside supported range: could not reach " + std::to_string(digits) +
                                   " digits within " + std::to_string(max_bits) + " bits");
        bits = std::min(max_bits, bits * 2);
    }
}

}  // namespace gancert::model
