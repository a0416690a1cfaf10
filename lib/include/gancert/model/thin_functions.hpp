// gancert/model/thin_functions.hpp — fast enclosures of exp and D(t) = erfc(−t)/2 over THIN
// intervals (quadrature nodes), for idouble and impfr.
//
// The generic interval functions of arith/functions.hpp call MPFR twice (lower and upper
// endpoint, directed rounding). On a thin interval X = [l, u] with midpoint m we instead use
// one correctly rounded MPFR call at m (MPFR_RNDN: the exact value lies within one ulp, so
// [nextbelow(r), nextabove(r)] encloses it) and the mean value theorem:
//     f(X) ⊂ f(m) + f'(X)·(X − m),
// with f'(X) from quantities the caller already has (φ(X) for D, lemma Q.6).
// exp(X) = e^m·e^{X−m} with e^δ ∈ [1 + δ, 1 + δ + δ²] for |δ| ≤ 1.
// D(m): for m ≥ 0, (1 + erf m)/2 (MPFR's erf is fast for large m); for m < 0, erfc(|m|)/2, by
// the enveloping asymptotic series when m² is large enough for the target precision (MPFR's
// erfc is very slow there), otherwise by MPFR's erfc. Wide intervals fall back to the
// generic endpoint functions. Every result is an enclosure (lemma Q.6 of proofs/lemmas.md).
//
// Contract: every result encloses the exact function over the argument interval (lemma Q.6);
// wide arguments fall back to the generic endpoint functions. No failure mode of its own.
#pragma once
#include <type_traits>

#include "gancert/arith/scalar.hpp"
#include "gancert/quad/complex_box.hpp"

namespace gancert::model::thin {

using arith::exp;
using quad::exp;

/// Enclosure of {e^x : x ∈ X}.
arith::idouble exp(const arith::idouble& X);
arith::impfr exp(const arith::impfr& X);

/// Enclosure of {D(t) = erfc(−t)/2 : t ∈ T}; phi must enclose {e^{−t²}/√π : t ∈ T}.
arith::idouble erf_discriminator(const arith::idouble& T, const arith::idouble& phi);
arith::impfr erf_discriminator(const arith::impfr& T, const arith::impfr& phi);

/// exp for any scalar of the library: the thin-interval version for idouble/impfr, the
/// ordinary overload otherwise (double, complex boxes).
template <class S>
S fast_exp(const S& x) {
    if constexpr (std::is_same_v<S, arith::idouble> || std::is_same_v<S, arith::impfr>)
        return thin::exp(x);
    else
        return exp(x);
}

}  // namespace gancert::model::thin
