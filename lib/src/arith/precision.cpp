#include "gancert/arith/precision.hpp"

#include <boost/multiprecision/mpfr.hpp>
#include <cmath>
#include <stdexcept>

namespace gancert::arith {
namespace {
thread_local unsigned tls_bits = 128;
}

unsigned working_bits() noexcept { return tls_bits; }

void set_working_bits(unsigned bits) {
    if (bits < min_precision_bits || bits > max_precision_bits)
        throw bad_input("precision " + std::to_string(bits) + " bits is outside [" +
                                    std::to_string(min_precision_bits) + ", " +
                                    std::to_string(max_precision_bits) + "]");
    tls_bits = bits;
}

unsigned bits_for_digits(unsigned digits, unsigned guard) {
    if (digits == 0 || digits > max_decimal_digits)
        throw bad_input("requested " + std::to_string(digits) +
                                    " decimal digits; supported range is 1.." +
                                    std::to_string(max_decimal_digits));
    return static_cast<unsigned>(std::ceil(digits * 3.3219280948873623)) + guard;
}

precision_guard::precision_guard(unsigned bits)
    : saved_bits_(tls_bits),
      saved_boost_digits10_(boost::multiprecision::mpfr_float::default_precision()) {
    set_working_bits(bits);
    // Boost counts in decimal digits; choose enough digits that Boost's own temporaries carry
    // at least `bits` bits.
    boost::multiprecision::mpfr_float::default_precision(
        static_cast<unsigned>(std::ceil(bits * 0.30102999566398120)) + 1);
}

precision_guard::~precision_guard() {
    tls_bits = saved_bits_;
    boost::multiprecision::mpfr_float::default_precision(saved_boost_digits10_);
}

}  // namespace gancert::arith
