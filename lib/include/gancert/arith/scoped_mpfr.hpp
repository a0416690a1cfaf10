// gancert/arith/scoped_mpfr.hpp — RAII ownership of a raw mpfr_t.
//
// For the few kernels that call MPFR directly with explicit rounding directions (erfcx,
// Owen's T series, Gauss–Legendre node verification) instead of going through interval<mpfr>.
//
// Contract: owns one mpfr_t initialised at the given precision; no rounding of its own.
#pragma once
#include <mpfr.h>

namespace gancert::arith {

struct scoped_mpfr {
    mpfr_t v;
    explicit scoped_mpfr(mpfr_prec_t bits) { mpfr_init2(v, bits); }
    ~scoped_mpfr() { mpfr_clear(v); }
    scoped_mpfr(const scoped_mpfr&) = delete;
    scoped_mpfr& operator=(const scoped_mpfr&) = delete;
    operator mpfr_ptr() { return v; }
    operator mpfr_srcptr() const { return v; }
};

}  // namespace gancert::arith
