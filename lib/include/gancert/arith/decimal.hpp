// gancert/arith/decimal.hpp — exact decimal input and outward decimal output.
//
// User parameters are decimal strings and mean the exact decimal: "2.2" is 22/10, which no
// binary float equals. parse<S> returns, for interval types, the tightest interval of
// S's endpoint type enclosing that rational (MPFR's correctly rounded conversion with
// MPFR_RNDD/MPFR_RNDU); for double/mpfr the nearest value.
// Printing of intervals rounds outward: the printed lower bound is <= the true lower
// endpoint, the printed upper bound >= the upper endpoint.
//
// Contract: parse<S> never returns an interval that misses the exact decimal; malformed or
// non-finite input (nan, inf, 1e, 0x10) and decimals outside S's range throw arith::bad_input
// naming the argument. Outward printing never prints a bound inside the interval.
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>

#include "gancert/arith/errors.hpp"
#include "gancert/arith/interval.hpp"

namespace gancert::arith {

/// True iff s is a finite decimal: [+-]digits[.digits][(e|E)[+-]digits] (at least one digit
/// in the mantissa; no "nan", "inf", hex or surrounding spaces).
bool is_decimal(std::string_view s) noexcept;

/// Parses an exact decimal into S (see header comment). Throws bad_input naming `what`
/// when s is not a finite decimal or its magnitude is outside the range of S's exponent.
template <class S>
S parse(std::string_view s, std::string_view what = "number");

/// Decimal rendering of a bound: `digits` significant digits, rounded down / up / to nearest.
std::string to_decimal(const mpfr& x, unsigned digits, mpfr_rnd_t rnd);
std::string to_decimal(double x, unsigned digits, mpfr_rnd_t rnd);

/// Outward decimal rendering of an interval: {lo rounded down, hi rounded up}, with enough
/// significant digits (at least `digits`) that the printed width shows the true width.
template <class T>
std::pair<std::string, std::string> to_decimal_outward(const interval<T>& x, unsigned digits);

/// Decimal digits needed so that rounding both ends to that many digits does not blur an
/// interval of this relative width by more than a factor ~2 (capped at `cap`).
unsigned digits_to_show_width(const mpfr& lo, const mpfr& hi, unsigned min_digits, unsigned cap);

}  // namespace gancert::arith
