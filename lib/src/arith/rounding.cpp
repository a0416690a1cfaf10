// Out-of-line parts of the rounding policy (arith/rounding.hpp). Lemma A1.2: a function value
// computed by MPFR with MPFR_RNDD (MPFR_RNDU) at 53 bits is <= (>=) the exact value, and
// mpfr_get_d in the same direction keeps the bound (also into the subnormal range).
#include <mpfr.h>

#include <string>

#include "gancert/arith/rounding.hpp"

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

double decimal_to_double(std::string_view s, mpfr_rnd_t rnd) {
    mpfr_ptr t = tmp53();
    mpfr_set_str(t, std::string(s).c_str(), 10, rnd);
    return mpfr_get_d(t, rnd);
}

mpfr decimal_to_mpfr(std::string_view s, mpfr_rnd_t rnd) {
    mpfr r = fresh_mpfr();
    mpfr_set_str(raw(r), std::string(s).c_str(), 10, rnd);
    return r;
}

}  // namespace

double rounding<double>::exp_down(double x) { return via_mpfr(mpfr_exp, x, MPFR_RNDD); }
double rounding<double>::exp_up(double x) { return via_mpfr(mpfr_exp, x, MPFR_RNDU); }
double rounding<double>::expm1_down(double x) { return via_mpfr(mpfr_expm1, x, MPFR_RNDD); }
double rounding<double>::expm1_up(double x) { return via_mpfr(mpfr_expm1, x, MPFR_RNDU); }
double rounding<double>::log_down(double x) { return via_mpfr(mpfr_log, x, MPFR_RNDD); }
double rounding<double>::log_up(double x) { return via_mpfr(mpfr_log, x, MPFR_RNDU); }
double rounding<double>::erf_down(double x) { return via_mpfr(mpfr_erf, x, MPFR_RNDD); }
double rounding<double>::erf_up(double x) { return via_mpfr(mpfr_erf, x, MPFR_RNDU); }
double rounding<double>::erfc_down(double x) { return via_mpfr(mpfr_erfc, x, MPFR_RNDD); }
double rounding<double>::erfc_up(double x) { return via_mpfr(mpfr_erfc, x, MPFR_RNDU); }
double rounding<double>::erfcx_down(double x) { return via_mpfr(erfcx_fn, x, MPFR_RNDD); }
double rounding<double>::erfcx_up(double x) { return via_mpfr(erfcx_fn, x, MPFR_RNDU); }
double rounding<double>::atan_down(double x) { return via_mpfr(mpfr_atan, x, MPFR_RNDD); }
double rounding<double>::atan_up(double x) { return via_mpfr(mpfr_atan, x, MPFR_RNDU); }
double rounding<double>::pi_down() {
    mpfr_const_pi(tmp53(), MPFR_RNDD);
    return mpfr_get_d(tmp53(), MPFR_RNDD);
}
double rounding<double>::pi_up() {
    mpfr_const_pi(tmp53(), MPFR_RNDU);
    return mpfr_get_d(tmp53(), MPFR_RNDU);
}
double rounding<double>::decimal_down(std::string_view s) { return decimal_to_double(s, MPFR_RNDD); }
double rounding<double>::decimal_up(std::string_view s) { return decimal_to_double(s, MPFR_RNDU); }
double rounding<double>::convert_ll(long long v, bool up) {
    mpfr_ptr t = tmp53();
    mpfr_set_sj(t, v, up ? MPFR_RNDU : MPFR_RNDD);
    return mpfr_get_d(t, up ? MPFR_RNDU : MPFR_RNDD);
}
double rounding<double>::convert(const mpfr& v, bool up) {
    return mpfr_get_d(raw(v), up ? MPFR_RNDU : MPFR_RNDD);
}

mpfr rounding<mpfr>::erfcx_down(const mpfr& x) {
    mpfr r = fresh_mpfr();
    erfcx_directed(raw(r), raw(x), MPFR_RNDD);
    return r;
}
mpfr rounding<mpfr>::erfcx_up(const mpfr& x) {
    mpfr r = fresh_mpfr();
    erfcx_directed(raw(r), raw(x), MPFR_RNDU);
    return r;
}
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
mpfr rounding<mpfr>::decimal_down(std::string_view s) { return decimal_to_mpfr(s, MPFR_RNDD); }
mpfr rounding<mpfr>::decimal_up(std::string_view s) { return decimal_to_mpfr(s, MPFR_RNDU); }

}  // namespace gancert::arith
