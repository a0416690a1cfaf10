// gancert/model/detail/tracked_special.hpp — Owen's T and sign decisions for `tracked`
// (the double closed form with a running error estimate; see tracked_double.hpp).
//
// Contract: value + first-order error estimate (not a bound); decided_sign returns the sign
// of the computed value, std::nullopt only for a NaN.
#pragma once
#include <optional>

#include "gancert/model/detail/tracked_double.hpp"

namespace gancert::special {

/// Owen's T by Boost.Math (no promotion) with the error estimate
/// |∂T/∂h|e_h + |∂T/∂a|e_a + 32u|T| (Boost without promotion: measured up to ~20 ulps), ∂T/∂h = −φ(h)(Φ(ah) − 1/2), ∂T/∂a = e^{−h²(1+a²)/2}/(2π(1+a²)).
model::detail::tracked owens_t(const model::detail::tracked& h, const model::detail::tracked& a);
/// U(h, a) = Q(|h|)/2 − T(h, a), composed from owens_t and erf/erfc as in owens_t.hpp.
model::detail::tracked owens_t_upper(const model::detail::tracked& h,
                                     const model::detail::tracked& a);
/// Sign of the value (the double path decides branches on the computed value).
std::optional<int> decided_sign(const model::detail::tracked& x);

}  // namespace gancert::special
