// Out-of-line parts of the rounding policy (arith/rounding.hpp). Lemma A1.2: a function value
// computed by MPFR with MPFR_RNDD (MPFR_RNDU) at 53 bits is <= (>=) the exact value, and
// mpfr_get_d in the same direction keeps the bound (also into the subnormal range).
#include <mpfr.h>

#include <cstring>
#include <string>

#include "gancert/arith/rounding.hpp"

#include "ball_kernels.hpp"
#include "double_kernels.hpp"

namespace gancert::arith {
namespace {

/// Per-thread 53-bit MPFR scratch for the double policy.
struct scratch53 {
    mpfr_t v;
    scratch53() { mpfr_init2(v, 53); }
    ~scratch53() { mpfr_clear(v); }
};

mpfr_ptr tmp53() {
    thread_local scratch53 s;
    return s.v;
}

using fn1 = int (*)(mpfr_ptr, mpfr_srcptr, mpfr_rnd_t);

double via_mpfr(fn1 f, double x, mpfr_rnd_t rnd) {
    mpfr_ptr t = tmp53();
    mpfr_set_d(t, x, MPFR_RNDN);  // exact
    f(t, t, rnd);
    return mpfr_get_d(t, rnd);
}

int erfcx_fn(mpfr_ptr r, mpfr_srcptr x, mpfr_rnd_t rnd) {
    mpfr_t in;  // erfcx_directed needs distinct input and output
    mpfr_init2(in, mpfr_get_prec(x));
    mpfr_set(in, x, MPFR_RNDN);
    erfcx_directed(r, in, rnd);
    mpfr_clear(in);
    return 0;
}

// One Arb ball gives both ends (lemma A1.5); a lower bound at x followed by the upper bound at
// the same x (a point interval) reuses it. Outside the kernels' range: MPFR (lemma A1.2).
struct last_ball_double {
    ball::fn f{};
    double x = 0, lo = 0, hi = 0;
    bool valid = false;
};

double via_ball(ball::fn f, fn1 fallback, double x, bool up) {
    thread_local last_ball_double c;
    if (!(c.valid && c.f == f && std::memcmp(&c.x, &x, sizeof x) == 0)) {
        // lemma A1.6 (fast double kernels) where it applies, else A1.5, else A1.2
        c.valid = fast::bounds(f, x, c.lo, c.hi) || ball::bounds(f, x, c.lo, c.hi);
        if (!c.valid) return via_mpfr(fallback, x, up ? MPFR_RNDU : MPFR_RNDD);
        c.f = f;
        c.x = x;
    }
    return up ? c.hi : c.lo;
}

struct last_ball_mpfr {
    ball::fn f{};
    mpfr_t x, lo, hi;
    bool valid = false;
    last_ball_mpfr() {
        mpfr_init2(x, 53);
        mpfr_init2(lo, 53);
        mpfr_init2(hi, 53);
    }
    ~last_ball_mpfr() {
        mpfr_clear(x);
        mpfr_clear(hi);
        mpfr_clear(lo);
    }
    bool holds(ball::fn g, mpfr_srcptr y, mpfr_prec_t out) const {
        return valid && f == g && mpfr_get_prec(lo) == out && mpfr_get_prec(x) == mpfr_get_prec(y) &&
               mpfr_equal_p(x, y);
    }
};

}  // namespace

mpfr rounding<mpfr>::via_ball(ball_kind k, unary_fn fallback, const mpfr& x, bool up) {
    static_assert(static_cast<int>(ball_kind::erf) == static_cast<int>(ball::fn::erf) &&
                  static_cast<int>(ball_kind::erfcx) == static_cast<int>(ball::fn::erfcx));
    const auto f = static_cast<ball::fn>(k);
    thread_local last_ball_mpfr c;
    mpfr r = fresh_mpfr();
    if (!c.holds(f, raw(x), mpfr_get_prec(raw(r)))) {
        mpfr_set_prec(c.lo, mpfr_get_prec(raw(r)));
        mpfr_set_prec(c.hi, mpfr_get_prec(raw(r)));
        c.valid = ball::bounds(f, raw(x), c.lo, c.hi);
        if (!c.valid) return apply(fallback, x, up ? MPFR_RNDU : MPFR_RNDD);
        mpfr_set_prec(c.x, mpfr_get_prec(raw(x)));
        mpfr_set(c.x, raw(x), MPFR_RNDN);  // exact: same precision
        c.f = f;
    }
    mpfr_set(raw(r), up ? c.hi : c.lo, MPFR_RNDN);  // exact: same precision
    return r;
}

namespace {
}  // namespace

double rounding<double>::exp_down(double x) { return via_ball(ball::fn::exp, mpfr_exp, x, false); }
double rounding<double>::exp_up(double x) { return via_ball(ball::fn::exp, mpfr_exp, x, true); }
double rounding<double>::expm1_down(double x) { return via_ball(ball::fn::expm1, mpfr_expm1, x, false); }
double rounding<double>::expm1_up(double x) { return via_ball(ball::fn::expm1, mpfr_expm1, x, true); }
double rounding<double>::log_down(double x) { return via_ball(ball::fn::log, mpfr_log, x, false); }
double rounding<double>::log_up(double x) { return via_ball(ball::fn::log, mpfr_log, x, true); }
double rounding<double>::erf_down(double x) { return via_ball(ball::fn::erf, mpfr_erf, x, false); }
double rounding<double>::erf_up(double x) { return via_ball(ball::fn::erf, mpfr_erf, x, true); }
double rounding<double>::erfc_down(double x) { return via_ball(ball::fn::erfc, mpfr_erfc, x, false); }
double rounding<double>::erfc_up(double x) { return via_ball(ball::fn::erfc, mpfr_erfc, x, true); }
double rounding<double>::erfcx_down(double x) { return via_ball(ball::fn::erfcx, erfcx_fn, x, false); }
double rounding<double>::erfcx_up(double x) { return via_ball(ball::fn::erfcx, erfcx_fn, x, true); }
double rounding<double>::atan_down(double x) { return via_ball(ball::fn::atan, mpfr_atan, x, false); }
double rounding<double>::atan_up(double x) { return via_ball(ball::fn::atan, mpfr_atan, x, true); }
double rounding<double>::pi_down() {
    mpfr_const_pi(tmp53(), MPFR_RNDD);
    return mpfr_get_d(tmp53(), MPFR_RNDD);
}
double rounding<double>::pi_up() {
    mpfr_const_pi(tmp53(), MPFR_RNDU);
    return mpfr_get_d(tmp53(), MPFR_RNDU);
}
double rounding<double>::convert_ll(long long v, bool up) {
    if (v >= -(1LL << 53) && v <= (1LL << 53)) return static_cast<double>(v);  // exact
    mpfr_ptr t = tmp53();
    mpfr_set_sj(t, v, up ? MPFR_RNDU : MPFR_RNDD);
    return mpfr_get_d(t, up ? MPFR_RNDU : MPFR_RNDD);
}
double rounding<double>::convert(const mpfr& v, bool up) {
    return mpfr_get_d(raw(v), up ? MPFR_RNDU : MPFR_RNDD);
}

mpfr rounding<mpfr>::erfcx_down(const mpfr& x) { return via_ball(ball_kind::erfcx, erfcx_fn, x, false); }
mpfr rounding<mpfr>::erfcx_up(const mpfr& x) { return via_ball(ball_kind::erfcx, erfcx_fn, x, true); }
mpfr rounding<mpfr>::pi_down() {
    mpfr r = fresh_mpfr();
    mpfr_const_pi(raw(r), MPFR_RNDD);
    return r;
}
mpfr rounding<mpfr>::pi_up() {
    mpfr r = fresh_mpfr();
    mpfr_const_pi(raw(r), MPFR_RNDU);
    return r;
}

}  // namespace gancert::arith
