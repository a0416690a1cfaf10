// gancert/arith/scalar.hpp — umbrella header of the arith layer and the Scalar concept.
//
// gancert's four number types — double, mpfr, interval<double>, interval<mpfr> — all model
// `Scalar`: a field with the elementary functions of arith/functions.hpp. Templated model
// code (README.md (Layout), "write the model once") is written against this concept; jets
// (ad/jet.hpp) and complex boxes (quad/complex_box.hpp) model it as well.
//
// Contract: declarations only (the Scalar concept, endpoint_t, to_double); to_double of an
// interval is its midpoint rounded to nearest — an approximation, never a bound.
#pragma once
#include <concepts>

#include "gancert/arith/constants.hpp"
#include "gancert/arith/decimal.hpp"
#include "gancert/arith/functions.hpp"
#include "gancert/arith/interval.hpp"
#include "gancert/arith/precision.hpp"

namespace gancert::arith {

template <class S>
concept Scalar = requires(S x, S y) {
    { x + y } -> std::convertible_to<S>;
    { x - y } -> std::convertible_to<S>;
    { x * y } -> std::convertible_to<S>;
    { x / y } -> std::convertible_to<S>;
    { -x } -> std::convertible_to<S>;
};

/// Endpoint type of an interval scalar, or the scalar itself.
template <class S>
struct endpoint { using type = S; };
template <class T>
struct endpoint<interval<T>> { using type = T; };
template <class S>
using endpoint_t = typename endpoint<S>::type;

/// Converts a value to double, rounding to nearest (for intervals: the midpoint).
inline double to_double(double x) { return x; }
inline double to_double(const mpfr& x) { return mpfr_get_d(raw(x), MPFR_RNDN); }
template <class T>
double to_double(const interval<T>& x) { return to_double(midpoint(x)); }

}  // namespace gancert::arith
