// gancert/model/params.hpp — R/S/E/E parameters and the result of one evaluation.
//
// Parameters arrive as exact decimal strings (design §4: "2.2" means 22/10) and are turned
// into any scalar S by arith::parse: intervals then enclose the exact decimal. A parameter
// may also be a genuine interval (a box for the certifier).
#pragma once
#include <array>
#include <string>

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
/// One range limit (arith::bad_input, "outside the supported range", naming --a or --g): the
/// slopes |a|/c and |a|·g of the two reduced integrals must be at most max_slope = 1e300,
/// because the integral path lays out its quadrature partition in double with pieces of
/// length ~1/slope (up to 1e300 this costs ~1700 pieces and a few seconds). Otherwise no limit:
/// extreme but valid points (|b| = 1e10 or 1e400 where the discriminator saturates, g = 1e10,
/// a = 4.9e−324 or 1e−300, working precision 28 bits) are evaluated to sound enclosures
/// within seconds; quantities below 2^−4096 there (e^{−b²}-like derivatives) are enclosed to
/// absolute rather than relative width 10^−N (model::evaluate_certified).
inline constexpr double max_slope = 1e300;
void validate(const DecimalParams& p);

/// Parses validated decimals into S (intervals enclose the exact decimals).
template <class S>
Params<S> to_scalar(const DecimalParams& p) {
    validate(p);
    return {arith::parse<S>(p.a, "a"), arith::parse<S>(p.b, "b"), arith::parse<S>(p.g, "g"),
            arith::parse<S>(p.h, "h"), arith::parse<S>(p.c, "c")};
}

/// J1 = E[D(X)²], J2 = E[(1 − D(G(Z)))²] and the 4-jet of J = J1 + J2 in (a, b, g, h).
/// Over an interval scalar every entry is an enclosure of the exact value.
template <class S>
struct Evaluation {
    S J1, J2;
    ad::Jet<S, 4> J;
};

}  // namespace gancert::model
