// gancert/arith/constants.hpp — constants in every scalar type, enclosed for intervals.
//
// For interval types each constant is an enclosure of the exact real (π from MPFR's
// mpfr_const_pi with directed rounding; the others by interval arithmetic on π, 2, …).
// For double and mpfr they are the nearest values.
//
// Contract: pi, integer, sqrt_pi, … never fail; interval results enclose the exact real
// (a point for integer()); double/mpfr results are round-to-nearest approximations.
#pragma once
#include "gancert/arith/functions.hpp"

namespace gancert::arith {

/// π
template <class S>
S pi() {
    if constexpr (std::is_same_v<S, double>) {
        return 3.141592653589793238462643383279502884;
    } else if constexpr (std::is_same_v<S, mpfr>) {
        mpfr r = fresh_mpfr();
        mpfr_const_pi(raw(r), MPFR_RNDN);
        return r;
    } else {
        using T = std::decay_t<decltype(std::declval<S>().lower())>;
        rounding<T> r;
        return S(r.pi_down(), r.pi_up());
    }
}

/// A small integer as an exact S (intervals: a point).
template <class S>
S integer(long v) {
    if constexpr (std::is_same_v<S, double>) {
        return static_cast<double>(v);
    } else if constexpr (std::is_same_v<S, mpfr>) {
        mpfr r = fresh_mpfr();
        mpfr_set_si(raw(r), v, MPFR_RNDN);
        return r;
    } else {
        using T = std::decay_t<decltype(std::declval<S>().lower())>;
        rounding<T> r;
        return S(r.conv_down(v), r.conv_up(v));
    }
}

template <class S>
S sqrt_pi() { return sqrt(pi<S>()); }
template <class S>
S inv_sqrt_pi() { return integer<S>(1) / sqrt(pi<S>()); }
template <class S>
S sqrt2() { return sqrt(integer<S>(2)); }
template <class S>
S ln2() { return log(integer<S>(2)); }

}  // namespace gancert::arith
