// gancert/arith/precision.hpp — the working precision of MPFR-based scalars.
//
// gancert keeps its own *thread-local* working precision (in bits). Every MPFR result
// produced by gancert's rounding policy (arith/rounding.hpp) is created at this precision,
// so threads may work at different precisions at the same time (the certifier escalates
// per box). Boost 1.74 keeps mpfr_float's own default precision in a process-wide static;
// precision_guard also sets that one, so plain `mpfr` arithmetic (non-interval, round to
// nearest) follows the guard too — but plain `mpfr` is therefore only thread-safe when all
// threads use the same precision. Rigorous (interval) code never depends on it.
//
// Contract: set_working_bits/precision_guard accept [min_precision_bits, max_precision_bits]
// and throw arith::bad_input naming the value otherwise; bits_for_digits likewise for digits.
#pragma once
#include <string>

#include "gancert/arith/errors.hpp"

namespace gancert::arith {

/// Smallest and largest working precision accepted (bits). 24 bits is below double; 2^17
/// bits (~39 000 decimal digits) is far beyond any use the library has.
inline constexpr unsigned min_precision_bits = 24;
inline constexpr unsigned max_precision_bits = 1u << 17;

/// Largest number of decimal digits a user may request (README.md: 15–300; we allow more).
inline constexpr unsigned max_decimal_digits = 10000;

/// Current working precision of this thread in bits (default 128).
unsigned working_bits() noexcept;

/// Sets this thread's working precision. Throws arith::bad_input naming the value if
/// bits is outside [min_precision_bits, max_precision_bits].
void set_working_bits(unsigned bits);

/// Bits needed to carry `digits` significant decimal digits plus `guard` guard bits:
/// ceil(digits·log2(10)) + guard. Throws if digits is 0 or above
/// max_decimal_digits (arith::bad_input; the message names the value).
unsigned bits_for_digits(unsigned digits, unsigned guard = 16);

/// RAII: sets this thread's working precision (and Boost's global mpfr default) for a
/// scope and restores the previous values afterwards.
class precision_guard {
public:
    explicit precision_guard(unsigned bits);
    ~precision_guard();
    precision_guard(const precision_guard&) = delete;
    precision_guard& operator=(const precision_guard&) = delete;

private:
    unsigned saved_bits_;
    unsigned saved_boost_digits10_;
};

}  // namespace gancert::arith
