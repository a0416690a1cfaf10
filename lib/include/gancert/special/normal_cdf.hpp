// gancert/special/normal_cdf.hpp — the standard normal CDF Φ and its complement Q = 1 − Φ.
//
// Φ(x) = erfc(−x/√2)/2 and Q(x) = erfc(x/√2)/2, written through erfc so that neither
// subtracts from 1: Q(x) keeps full relative accuracy for large x (no cancellation).
// Over interval scalars both are enclosures (erfc is an enclosure, √2 is enclosed).
//
// Contract: interval scalars: enclosures of Φ / Q over the argument; point scalars:
// approximations. Never fails beyond the exceptions of erfc.
#pragma once
#include "gancert/arith/scalar.hpp"

namespace gancert::special {

/// Φ(x) = P(N(0,1) ≤ x). Intervals: an enclosure of {Φ(t) : t ∈ x}. Never fails.
template <class S>
S normal_cdf(const S& x) {
    using arith::erfc;
    return erfc(-x / arith::sqrt2<S>()) / S(2);
}

/// Q(x) = 1 − Φ(x) = Φ(−x), computed without cancellation. Intervals: an enclosure.
template <class S>
S normal_sf(const S& x) {
    using arith::erfc;
    return erfc(x / arith::sqrt2<S>()) / S(2);
}

}  // namespace gancert::special
