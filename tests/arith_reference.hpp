// tests/arith_reference.hpp — 1000-bit reference enclosures of gancert's composite functions,
// computed from MPFR primitives independently of the library's own algorithms.
#pragma once
#include <mpfr.h>

#include "arith_property_harness.hpp"

namespace harness {

/// Saves MPFR's exponent range and widens it to the maximum for a scope (this thread).
struct wide_exponent_range {
    mpfr_exp_t emin = mpfr_get_emin(), emax = mpfr_get_emax();
    wide_exponent_range() {
        mpfr_set_emin(mpfr_get_emin_min());
        mpfr_set_emax(mpfr_get_emax_max());
    }
    ~wide_exponent_range() {
        mpfr_set_emin(emin);
        mpfr_set_emax(emax);
    }
};

/// erfcx(x) = e^{x²}·erfc(x) at `bits` (default 1100) by the direct product with directed
/// rounding in MPFR's widest exponent range, then rounded outward to ref_bits. Valid for
/// |x| < 2^30 (beyond, e^{x²} leaves even the widest exponent range).
inline void erfcx_reference(enclosure& e, mpfr_srcptr xm, mpfr_prec_t bits = 1100) {
    wide_exponent_range wide;
    mp sq(2 * mpfr_get_prec(xm)), a_lo(bits), a_hi(bits), c_lo(bits), c_hi(bits), lo(bits), hi(bits);
    mpfr_sqr(sq, xm, MPFR_RNDN);  // exact
    if (mpfr_exp(a_lo, sq, MPFR_RNDD) != 0) {
        mpfr_set(a_hi, a_lo, MPFR_RNDN);
        mpfr_nextabove(a_hi);
    } else {
        mpfr_set(a_hi, a_lo, MPFR_RNDN);
    }
    if (mpfr_erfc(c_lo, xm, MPFR_RNDD) != 0) {
        mpfr_set(c_hi, c_lo, MPFR_RNDN);
        mpfr_nextabove(c_hi);
    } else {
        mpfr_set(c_hi, c_lo, MPFR_RNDN);
    }
    mpfr_mul(lo, a_lo, c_lo, MPFR_RNDD);  // all factors positive
    mpfr_mul(hi, a_hi, c_hi, MPFR_RNDU);
    mpfr_set(e.lo, lo, MPFR_RNDD);
    mpfr_set(e.hi, hi, MPFR_RNDU);
}
inline void erfcx_reference(enclosure& e, double x, mpfr_prec_t bits = 1100) {
    mp xm(53);
    mpfr_set_d(xm, x, MPFR_RNDN);
    erfcx_reference(e, xm, bits);
}

/// exp(−t²) at ref_bits (t² is exact at 106 bits, so one correctly rounded exp).
inline void exp_minus_square_reference(enclosure& e, double t) {
    mp tm(53), sq(106);
    mpfr_set_d(tm, t, MPFR_RNDN);
    mpfr_sqr(sq, tm, MPFR_RNDN);
    mpfr_neg(sq, sq, MPFR_RNDN);
    bracket_from_rndd(e, mpfr_exp(e.lo, sq, MPFR_RNDD));
}

}  // namespace harness
