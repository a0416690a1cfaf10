// gancert/arith/rounding.hpp — the one directed-rounding policy (kv's idiom).
//
// Every interval operation in gancert gets its endpoints from rounding<T>:
//   *_down(x...) returns a T that is <= the exact real result,
//   *_up(x...)   returns a T that is >= the exact real result.
// That is the whole soundness contract of the arith layer; proofs/lemmas.md §A1 states it.
//
// rounding<double>
//   + − × ÷ sqrt: the IEEE round-to-nearest result r satisfies |r − exact| <= ½ ulp(r), so
//   the neighbouring doubles bracket the exact value (lemma A1.1). An error-free
//   transformation (TwoSum / FMA residual) detects exact results, which are not widened, so
//   exact zeros stay exact. No global rounding mode is touched; no -frounding-math needed.
//   exp, erf, erfc, erfcx: fast kernels (lemma A1.6, src/arith/double_kernels.hpp); else, and
//   for expm1, log, atan, one Arb ball at 65 bits rounded outward (A1.5); outside the kernels'
//   argument range MPFR with MPFR_RNDD / MPFR_RNDU at 53 bits, then converted to double in the
//   same direction (lemmas A1.2, A1.3). libm is never used for bounds.
// rounding<mpfr>
//   + − × ÷ sqrt: one MPFR call with MPFR_RNDD or MPFR_RNDU (correctly rounded in that
//   direction); exp, expm1, log, erf, erfc, erfcx, atan: the Arb ball kernels at p + 12 bits
//   (lemma A1.5) with MPFR (A1.2, A1.3) as fallback; results at this thread's working precision p
//   (arith/precision.hpp).
//
// The class is stateless and satisfies Boost.Interval's Rounding concept (add_down, …,
// conv_down, median, int_down, sqrt_down, …) plus gancert's transcendental extensions.
//
// Contract: *_down ≤ exact ≤ *_up for every operation and every finite or infinite input;
// NaN-producing combinations return the unbounded side (−∞ / +∞), never NaN.
#pragma once
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

#include "gancert/arith/mpfr.hpp"

namespace gancert::arith {

template <class T>
struct rounding;

// ---------------------------------------------------------------------------------------
template <>
struct rounding<double> {
    using unprotected_rounding = rounding<double>;

    // succ / pred (= std::nextafter toward ±∞) by the ordered bit patterns of IEEE doubles: the
    // successor of a finite x > 0 is the next bit pattern, of x < 0 the previous one; 0 → ±2^−1074.
    static double next_up(double x) {
        if (!(x < std::numeric_limits<double>::infinity())) return x;  // +∞, NaN
        if (x == 0) return std::numeric_limits<double>::denorm_min();
        const auto b = std::bit_cast<std::uint64_t>(x);
        return std::bit_cast<double>(x > 0 ? b + 1 : b - 1);
    }
    static double next_down(double x) { return -next_up(-x); }

    // A result r of an exact operation whose residual e = exact − r is known: exact <= r if e <= 0.
    static double lower_of(double r, double e) { return (e < 0 || e != e) ? next_down(r) : r; }
    static double upper_of(double r, double e) { return (e > 0 || e != e) ? next_up(r) : r; }
    // Residuals are exact only away from underflow/overflow; elsewhere widen unconditionally.
    static bool residual_reliable(double r) {
        double m = std::fabs(r);
        return m > 0x1p-960 && m < 0x1p+1000;
    }
    static double two_sum_err(double x, double y, double s) {
        double bb = s - x;
        return (x - (s - bb)) + (y - bb);
    }

    template <class U>
    double conv_down(const U& v) { return convert(v, false); }
    template <class U>
    double conv_up(const U& v) { return convert(v, true); }

    double add_down(double x, double y) {
        double s = x + y;
        if (s != s) return -std::numeric_limits<double>::infinity();  // ∞ − ∞
        if (s == 0 && x == -y) return 0.0;  // exact cancellation (also ±0 + ∓0)
        return residual_reliable(s) ? lower_of(s, two_sum_err(x, y, s)) : next_down(s);
    }
    double add_up(double x, double y) {
        double s = x + y;
        if (s != s) return std::numeric_limits<double>::infinity();
        if (s == 0 && x == -y) return 0.0;
        return residual_reliable(s) ? upper_of(s, two_sum_err(x, y, s)) : next_up(s);
    }
    double sub_down(double x, double y) { return add_down(x, -y); }
    double sub_up(double x, double y) { return add_up(x, -y); }
    // 0·∞ (an unbounded endpoint times 0) has no IEEE value; the sound bound is ∓∞.
    double mul_down(double x, double y) {
        double p = x * y;
        if (p != p) return -std::numeric_limits<double>::infinity();
        if (x == 0 || y == 0) return p;  // exact (the sign of zero does not matter for bounds)
        return residual_reliable(p) ? lower_of(p, std::fma(x, y, -p)) : next_down(p);
    }
    double mul_up(double x, double y) {
        double p = x * y;
        if (p != p) return std::numeric_limits<double>::infinity();
        if (x == 0 || y == 0) return p;
        return residual_reliable(p) ? upper_of(p, std::fma(x, y, -p)) : next_up(p);
    }
    // q = x/y; the residual x − q·y has the sign of (exact − q)·y.
    double div_down(double x, double y) {
        double q = x / y;
        if (q != q) return -std::numeric_limits<double>::infinity();  // ∞/∞ (0/0 never reaches here)
        if (x == 0 || std::isinf(y)) return q;
        if (!residual_reliable(q) || !residual_reliable(x)) return next_down(q);
        double e = std::fma(-q, y, x);
        return lower_of(q, y > 0 ? e : -e);
    }
    double div_up(double x, double y) {
        double q = x / y;
        if (q != q) return std::numeric_limits<double>::infinity();
        if (x == 0 || std::isinf(y)) return q;
        if (!residual_reliable(q) || !residual_reliable(x)) return next_up(q);
        double e = std::fma(-q, y, x);
        return upper_of(q, y > 0 ? e : -e);
    }
    double sqrt_down(double x) {
        double s = std::sqrt(x);
        if (x == 0 || std::isinf(x)) return s;
        return residual_reliable(x) ? lower_of(s, std::fma(-s, s, x)) : next_down(s);
    }
    double sqrt_up(double x) {
        double s = std::sqrt(x);
        if (x == 0 || std::isinf(x)) return s;
        return residual_reliable(x) ? upper_of(s, std::fma(-s, s, x)) : next_up(s);
    }
    double median(double x, double y) { return x / 2 + y / 2; }
    double int_down(double x) { return std::floor(x); }
    double int_up(double x) { return std::ceil(x); }

    // Transcendentals: MPFR, directed, then directed conversion to double (lemma A1.2).
    double exp_down(double x);
    double exp_up(double x);
    double expm1_down(double x);
    double expm1_up(double x);
    double log_down(double x);
    double log_up(double x);
    double erf_down(double x);
    double erf_up(double x);
    double erfc_down(double x);
    double erfc_up(double x);
    double erfcx_down(double x);
    double erfcx_up(double x);
    double atan_down(double x);
    double atan_up(double x);
    double pi_down();
    double pi_up();

private:
    static double convert(double v, bool) { return v; }
    static double convert(float v, bool) { return v; }
    static double convert(int v, bool) { return v; }
    static double convert(unsigned v, bool) { return v; }
    static bool exact_in_double(long long v) { return v >= -(1LL << 53) && v <= (1LL << 53); }
    static double convert(long v, bool up) { return exact_in_double(v) ? static_cast<double>(v) : convert_ll(v, up); }
    static double convert(long long v, bool up) { return exact_in_double(v) ? static_cast<double>(v) : convert_ll(v, up); }
    static double convert(unsigned long v, bool up) { return convert_ll(static_cast<long long>(v), up); }
    static double convert_ll(long long v, bool up);
    static double convert(const mpfr& v, bool up);
};

// ---------------------------------------------------------------------------------------
template <>
struct rounding<mpfr> {
    using unprotected_rounding = rounding<mpfr>;
    using unary_fn = int (*)(mpfr_ptr, mpfr_srcptr, mpfr_rnd_t);
    using binary_fn = int (*)(mpfr_ptr, mpfr_srcptr, mpfr_srcptr, mpfr_rnd_t);

    // An IEEE-invalid operation on unbounded endpoints (∞ − ∞, 0·∞, ∞/∞) gives NaN in MPFR;
    // the sound bound is then −∞ (down) / +∞ (up), as in rounding<double>.
    static void no_nan(mpfr& r, mpfr_rnd_t rnd) {
        if (mpfr_nan_p(raw(r)) && rnd != MPFR_RNDN) mpfr_set_inf(raw(r), rnd == MPFR_RNDD ? -1 : 1);
    }
    static mpfr apply(unary_fn f, const mpfr& x, mpfr_rnd_t rnd) {
        mpfr r = fresh_mpfr();
        f(raw(r), raw(x), rnd);
        no_nan(r, rnd);
        return r;
    }
    static mpfr apply(binary_fn f, const mpfr& x, const mpfr& y, mpfr_rnd_t rnd) {
        mpfr r = fresh_mpfr();
        f(raw(r), raw(x), raw(y), rnd);
        no_nan(r, rnd);
        return r;
    }

    template <class U>
    mpfr conv_down(const U& v) { return convert(v, MPFR_RNDD); }
    template <class U>
    mpfr conv_up(const U& v) { return convert(v, MPFR_RNDU); }

    mpfr add_down(const mpfr& x, const mpfr& y) { return apply(mpfr_add, x, y, MPFR_RNDD); }
    mpfr add_up(const mpfr& x, const mpfr& y) { return apply(mpfr_add, x, y, MPFR_RNDU); }
    mpfr sub_down(const mpfr& x, const mpfr& y) { return apply(mpfr_sub, x, y, MPFR_RNDD); }
    mpfr sub_up(const mpfr& x, const mpfr& y) { return apply(mpfr_sub, x, y, MPFR_RNDU); }
    mpfr mul_down(const mpfr& x, const mpfr& y) { return apply(mpfr_mul, x, y, MPFR_RNDD); }
    mpfr mul_up(const mpfr& x, const mpfr& y) { return apply(mpfr_mul, x, y, MPFR_RNDU); }
    mpfr div_down(const mpfr& x, const mpfr& y) { return apply(mpfr_div, x, y, MPFR_RNDD); }
    mpfr div_up(const mpfr& x, const mpfr& y) { return apply(mpfr_div, x, y, MPFR_RNDU); }
    mpfr sqrt_down(const mpfr& x) { return apply(mpfr_sqrt, x, MPFR_RNDD); }
    mpfr sqrt_up(const mpfr& x) { return apply(mpfr_sqrt, x, MPFR_RNDU); }
    mpfr median(const mpfr& x, const mpfr& y) {
        mpfr r = apply(mpfr_add, x, y, MPFR_RNDN);
        mpfr_div_2ui(raw(r), raw(r), 1, MPFR_RNDN);
        return r;
    }
    mpfr int_down(const mpfr& x) { return apply(mpfr_floor_fn, x, MPFR_RNDD); }
    mpfr int_up(const mpfr& x) { return apply(mpfr_ceil_fn, x, MPFR_RNDU); }

    mpfr exp_down(const mpfr& x) { return via_ball(ball_kind::exp, mpfr_exp, x, false); }
    mpfr exp_up(const mpfr& x) { return via_ball(ball_kind::exp, mpfr_exp, x, true); }
    mpfr expm1_down(const mpfr& x) { return via_ball(ball_kind::expm1, mpfr_expm1, x, false); }
    mpfr expm1_up(const mpfr& x) { return via_ball(ball_kind::expm1, mpfr_expm1, x, true); }
    mpfr log_down(const mpfr& x) { return via_ball(ball_kind::log, mpfr_log, x, false); }
    mpfr log_up(const mpfr& x) { return via_ball(ball_kind::log, mpfr_log, x, true); }
    mpfr erf_down(const mpfr& x) { return via_ball(ball_kind::erf, mpfr_erf, x, false); }
    mpfr erf_up(const mpfr& x) { return via_ball(ball_kind::erf, mpfr_erf, x, true); }
    mpfr erfc_down(const mpfr& x) { return via_ball(ball_kind::erfc, mpfr_erfc, x, false); }
    mpfr erfc_up(const mpfr& x) { return via_ball(ball_kind::erfc, mpfr_erfc, x, true); }
    mpfr atan_down(const mpfr& x) { return via_ball(ball_kind::atan, mpfr_atan, x, false); }
    mpfr atan_up(const mpfr& x) { return via_ball(ball_kind::atan, mpfr_atan, x, true); }
    mpfr erfcx_down(const mpfr& x);
    mpfr erfcx_up(const mpfr& x);
    mpfr pi_down();
    mpfr pi_up();

private:
    // The Arb ball kernels (lemma A1.5, src/arith/ball_kernels.hpp; same order as ball::fn),
    // with `fallback` (MPFR, lemma A1.2) outside their range.
    enum class ball_kind { exp, expm1, log, erf, erfc, atan, erfcx };
    static mpfr via_ball(ball_kind k, unary_fn fallback, const mpfr& x, bool up);
    static int mpfr_floor_fn(mpfr_ptr r, mpfr_srcptr x, mpfr_rnd_t) { return mpfr_floor(r, x); }
    static int mpfr_ceil_fn(mpfr_ptr r, mpfr_srcptr x, mpfr_rnd_t) { return mpfr_ceil(r, x); }
    static mpfr convert(const mpfr& v, mpfr_rnd_t rnd) { return apply(mpfr_set, v, rnd); }
    static mpfr convert(double v, mpfr_rnd_t rnd) {
        mpfr r = fresh_mpfr();
        mpfr_set_d(raw(r), v, rnd);
        return r;
    }
    static mpfr convert(int v, mpfr_rnd_t rnd) { return convert(static_cast<long>(v), rnd); }
    static mpfr convert(unsigned v, mpfr_rnd_t rnd) { return convert(static_cast<long>(v), rnd); }
    static mpfr convert(long v, mpfr_rnd_t rnd) {
        mpfr r = fresh_mpfr();
        mpfr_set_si(raw(r), v, rnd);
        return r;
    }
    static mpfr convert(long long v, mpfr_rnd_t rnd) { return convert(static_cast<long>(v), rnd); }
    static mpfr convert(unsigned long v, mpfr_rnd_t rnd) {
        mpfr r = fresh_mpfr();
        mpfr_set_ui(raw(r), v, rnd);
        return r;
    }
};

// ---------------------------------------------------------------------------------------
/// Rigorous erfcx(x) = e^{x²} erfc(x) bounds computed with MPFR into `out` (its precision is
/// kept): rnd = MPFR_RNDD gives a lower bound, MPFR_RNDU an upper bound. Lemma A1.3.
void erfcx_directed(mpfr_ptr out, mpfr_srcptr x, mpfr_rnd_t rnd);

}  // namespace gancert::arith
