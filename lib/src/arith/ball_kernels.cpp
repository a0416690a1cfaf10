// Arb ball kernels for the rounding policy; see ball_kernels.hpp and lemma A1.5 of
// proofs/lemmas.md.
#include "ball_kernels.hpp"

#include <arb.h>
#include <arb_hypgeom.h>

#include <algorithm>
#include <climits>
#include <cmath>

#include "gancert/arith/detail/planted_faults.hpp"

namespace gancert::arith::ball {
namespace {

// Guard bits of the ball above the output precision: the ball's radius is then far below one
// ulp of the output, so the outward-rounded ends are at most one ulp from f(x) each.
constexpr long guard_bits = 12;
// Exponent range kept for the arf → MPFR conversion (well inside MPFR's default range, so the
// conversion neither overflows nor underflows and is a directed rounding).
constexpr long max_exponent = 1L << 24;
// The argument range in which the kernels are used; outside, the caller's MPFR path (rare
// arguments: huge |x| where Arb's cost grows or the result leaves the double range anyway).
bool kernel_range(fn f, double ax) {
    switch (f) {
        case fn::exp:
        case fn::expm1: return ax <= 1e4;
        case fn::erf:
        case fn::erfc:
        case fn::erfcx: return ax <= 1e4;
        case fn::log:
        case fn::atan: return true;
    }
    return false;
}

/// Frees this thread's FLINT caches when the thread ends (TBB workers, std::threads).
struct flint_thread_guard {
    ~flint_thread_guard() { flint_cleanup(); }
};

struct scratch {
    arb_t x, y, t;
    arf_t lo, hi;
    scratch() {
        arb_init(x);
        arb_init(y);
        arb_init(t);
        arf_init(lo);
        arf_init(hi);
    }
    ~scratch() {
        arb_clear(x);
        arb_clear(y);
        arb_clear(t);
        arf_clear(lo);
        arf_clear(hi);
    }
};

scratch& local() {
    thread_local flint_thread_guard guard;
    thread_local scratch s;
    (void)guard;
    return s;
}

void apply(fn f, scratch& s, long prec) {
    arb_ptr y = s.y;
    arb_srcptr x = s.x;
    switch (f) {
        case fn::exp: arb_exp(y, x, prec); break;
        case fn::expm1: arb_expm1(y, x, prec); break;
        case fn::log: arb_log(y, x, prec); break;
        case fn::erf: arb_hypgeom_erf(y, x, prec); break;
        case fn::erfc: arb_hypgeom_erfc(y, x, prec); break;
        case fn::atan: arb_atan(y, x, prec); break;
        case fn::erfcx: {  // e^{x²}·erfc(x); x² exact (2·prec(x) bits hold it)
            // both factors are huge/tiny for large |x|: their relative accuracy needs the
            // exponent of x² on top of the output precision
            // (a zero midpoint has bound exponent -LONG_MAX: no extra bits, and no 2·(-LONG_MAX))
            const long mexp = arf_is_zero(arb_midref(x)) ? 0 : arf_abs_bound_lt_2exp_si(arb_midref(x));
            const long e = std::max(0L, 2 * std::min(mexp, LONG_MAX / 4));
            arb_mul(s.t, x, x, 2 * (arf_bits(arb_midref(x)) + 1));
            arb_exp(s.t, s.t, prec + e);
            arb_hypgeom_erfc(y, x, prec + e);
            arb_mul(y, y, s.t, prec);
            break;
        }
    }
}

bool in_range(const arf_t v) {
    return arf_is_zero(v) ||
           (arf_is_finite(v) && arf_cmpabs_2exp_si(v, max_exponent) < 0 && arf_cmpabs_2exp_si(v, -max_exponent) > 0);
}

/// The ball of f at s.x into s.lo, s.hi (outward), or false.
bool ball_ends(fn f, scratch& s, long prec) {
    apply(f, s, prec);
    if (!arb_is_finite(s.y)) return false;
    if (detail::planted_faults().ball_midpoint_only) {  // canary only: a broken kernel
        arf_set_round(s.lo, arb_midref(s.y), 53, ARF_RND_NEAR);
        arf_set(s.hi, s.lo);
    } else {
        arb_get_lbound_arf(s.lo, s.y, prec);
        arb_get_ubound_arf(s.hi, s.y, prec);
    }
    return in_range(s.lo) && in_range(s.hi);
}

bool applies(fn f, double x) {
    if (!std::isfinite(x)) return false;
    if (f == fn::log && !(x > 0)) return false;
    return kernel_range(f, std::fabs(x));
}

}  // namespace

bool bounds(fn f, double x, double& lo, double& hi) {
    if (!applies(f, x)) return false;
    scratch& s = local();
    arb_set_d(s.x, x);  // exact
    if (!ball_ends(f, s, 53 + guard_bits)) return false;
    mpfr_t t;
    mpfr_init2(t, 53);
    arf_get_mpfr(t, s.lo, MPFR_RNDD);
    lo = mpfr_get_d(t, MPFR_RNDD);
    arf_get_mpfr(t, s.hi, MPFR_RNDU);
    hi = mpfr_get_d(t, MPFR_RNDU);
    mpfr_clear(t);
    return true;
}

bool bounds(fn f, mpfr_srcptr x, mpfr_ptr lo, mpfr_ptr hi) {
    if (!mpfr_number_p(x)) return false;
    if (f == fn::log && mpfr_sgn(x) <= 0) return false;
    if (!kernel_range(f, std::fabs(mpfr_get_d(x, MPFR_RNDN)))) return false;
    scratch& s = local();
    arf_set_mpfr(arb_midref(s.x), x);  // exact
    mag_zero(arb_radref(s.x));
    const long prec = static_cast<long>(std::max(mpfr_get_prec(lo), mpfr_get_prec(hi))) + guard_bits;
    if (!ball_ends(f, s, prec)) return false;
    arf_get_mpfr(lo, s.lo, MPFR_RNDD);
    arf_get_mpfr(hi, s.hi, MPFR_RNDU);
    return true;
}

}  // namespace gancert::arith::ball
