// gancert/arith/mpfr.hpp — the multi-precision scalar: Boost.Multiprecision over MPFR.
//
// `mpfr` is boost::multiprecision::mpfr_float with expression templates switched off, so that
// generic code (`auto x = a * b;`) gets a number, not an expression object. Plain `mpfr`
// arithmetic rounds to nearest at Boost's default precision and is *not* rigorous; rigorous
// code uses interval<mpfr> (arith/interval.hpp), whose endpoints are computed by MPFR with
// directed rounding at gancert's thread-local working precision (arith/precision.hpp).
//
// Contract: plain mpfr is an approximation at Boost's default precision (not a bound); use
// interval<mpfr> for enclosures.
#pragma once
#include <boost/multiprecision/mpfr.hpp>
#include <mpfr.h>

#include "gancert/arith/precision.hpp"

namespace gancert::arith {

using mpfr = boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<0>,
                                           boost::multiprecision::et_off>;

/// Raw MPFR handle of a Boost mpfr number (read-only / writable).
inline mpfr_srcptr raw(const mpfr& x) { return x.backend().data(); }
inline mpfr_ptr raw(mpfr& x) { return x.backend().data(); }

/// A fresh mpfr (value 0) at this thread's working precision.
inline mpfr fresh_mpfr(unsigned bits = working_bits()) {
    mpfr r;
    if (mpfr_get_prec(raw(r)) != static_cast<mpfr_prec_t>(bits)) mpfr_set_prec(raw(r), bits);
    mpfr_set_zero(raw(r), 1);
    return r;
}

}  // namespace gancert::arith
