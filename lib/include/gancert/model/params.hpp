// gancert/model/params.hpp — R/S/E/E parameters and the result of one evaluation.
//
// Parameters arrive as exact decimal strings (README.md (Layout): "2.2" means 22/10) and are turned
// into any scalar S by arith::parse: intervals then enclose the exact decimal. A parameter
// may also be a genuine interval (a box for the certifier).
//
// Contract: validate() accepts exactly the domain (finite decimals, c > 0, g ≥ 0, slopes ≤
// 1e300) and throws arith::bad_parameter naming the parameter otherwise; to_scalar<I> gives
// intervals that enclose the exact decimals. Evaluation visits its 17 quantities in the order
// of quantity_names.
#pragma once
#include <array>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "gancert/ad/jet.hpp"
#include "gancert/arith/scalar.hpp"

namespace gancert::model {

/// θ = (a, b, g, h) and the fixed data rate c. Gradient/Hessian order is (a, b, g, h).
template <class S>
struct Params {
    S a, b, g, h, c;
};

/// The same parameters as exact decimal strings, as the user typed them.
struct DecimalParams {
    std::string a, b, g, h, c;
};

inline constexpr std::array<const char*, 4> theta_names{"a", "b", "g", "h"};

/// Checks a decimal parameter set against the model's domain: every entry a finite decimal,
/// c > 0, g >= 0 (a, b, h any real). Throws arith::bad_input naming the parameter.
/// One range limit (arith::bad_input, "outside the supported range", naming a or g): the
/// slopes |a|/c and |a|·g of the two reduced integrals must be at most max_slope = 1e300,
/// because the integral path lays out its quadrature partition in double with pieces of
/// length ~1/slope (up to 1e300 this costs ~1700 pieces and a few seconds). Otherwise no limit:
/// extreme but valid points (|b| = 1e10 or 1e400 where the discriminator saturates, g = 1e10,
/// a = 4.9e−324 or 1e−300, working precision 28 bits) are evaluated to sound enclosures
/// within seconds; quantities below 2^−4096 there (e^{−b²}-like derivatives) are enclosed to
/// absolute rather than relative width 10^−N (model::evaluate_certified).
inline constexpr double max_slope = 1e300;
void validate(const DecimalParams& p);

/// Parameters that validate() accepted; constructed only by validating, so that a request
/// with several evaluations (reference values at two precisions) validates once.
class ValidatedParams {
public:
    explicit ValidatedParams(const DecimalParams& p) : p_(p) { validate(p_); }
    const DecimalParams& get() const noexcept { return p_; }

private:
    DecimalParams p_;
};

/// Parses decimals that validate() accepted into S (intervals enclose the exact decimals);
/// for loops that re-parse one validated request at several precisions.
template <class S>
Params<S> to_scalar_unchecked(const DecimalParams& p) {
    return {arith::parse<S>(p.a, "a"), arith::parse<S>(p.b, "b"), arith::parse<S>(p.g, "g"),
            arith::parse<S>(p.h, "h"), arith::parse<S>(p.c, "c")};
}

/// Validates, then parses into S (intervals enclose the exact decimals).
template <class S>
Params<S> to_scalar(const DecimalParams& p) {
    validate(p);
    return to_scalar_unchecked<S>(p);
}

/// Names of the 17 quantities of one evaluation, in their canonical order: J1, J2, J, the
/// gradient g_a … g_h and the upper Hessian H_aa, H_ab, …, H_hh (all in (a, b, g, h); the
/// names of the reference data in tests/data).
inline constexpr std::size_t quantity_count = 17;
inline constexpr std::array<std::string_view, quantity_count> quantity_names{
    "J1",   "J2",   "J",    "g_a",  "g_b",  "g_g",  "g_h",  "H_aa", "H_ab",
    "H_ag", "H_ah", "H_bb", "H_bg", "H_bh", "H_gg", "H_gh", "H_hh"};
/// Index ranges of the groups: cost [0, 3), gradient [3, 7), Hessian [7, 17).
inline constexpr std::size_t first_gradient = 3, first_hessian = 7;

/// J1 = E[D(X)²], J2 = E[(1 − D(G(Z)))²] and the 4-jet of J = J1 + J2 in (a, b, g, h).
/// Over an interval scalar every entry is an enclosure of the exact value.
/// The 17 stored numbers are visited in the canonical order of quantity_names by
/// for_each / all_of / transform, so that no caller spells out J1, J2, J.v, J.g, J.h again.
template <class S>
struct Evaluation {
    S J1, J2;
    ad::Jet<S, 4> J;

    /// Quantity q in the order of quantity_names (q < quantity_count; the Hessian part of
    /// the jet is stored as the upper triangle in that same order).
    const S& quantity(std::size_t q) const {
        if (q == 0) return J1;
        if (q == 1) return J2;
        if (q == 2) return J.v;
        if (q < first_hessian) return J.g[q - first_gradient];
        return J.h[q - first_hessian];
    }
    S& quantity(std::size_t q) { return const_cast<S&>(std::as_const(*this).quantity(q)); }

    /// f(q, x) for every quantity q, in canonical order.
    template <class F>
    void for_each(F&& f) const {
        for (std::size_t q = 0; q < quantity_count; ++q) f(q, quantity(q));
    }
    /// True iff pred(x) holds for the quantities q < count (all of them by default).
    template <class P>
    bool all_of(P&& pred, std::size_t count = quantity_count) const {
        for (std::size_t q = 0; q < count; ++q)
            if (!pred(quantity(q))) return false;
        return true;
    }
    /// The evaluation with f applied to every quantity (e.g. midpoints of enclosures).
    template <class F>
    auto transform(F&& f) const {
        using T = std::decay_t<decltype(f(J1))>;
        Evaluation<T> out;
        for (std::size_t q = 0; q < quantity_count; ++q) out.quantity(q) = f(quantity(q));
        return out;
    }
};

}  // namespace gancert::model
