// Property tests with full-precision arguments: the interval tests in test_arith_property_*.cpp
// use double endpoints (exact in every type); here impfr at 128 and 256 bits gets arguments
// whose mantissas use all p bits, so that e.g. x·y and x² are not exact at p bits and the
// directed rounding of every operation is exercised. Point and narrow (≤ 1000 ulp) intervals of
// one sign (so divisors never contain 0); containment of the 1000-bit value at the endpoints and
// the midpoint, and point results ≤ 2^(−p+3) relative.
#include <catch2/catch.hpp>

#include <random>

#include "arith_property_harness.hpp"
#include "arith_reference.hpp"

using namespace harness;
using gancert::arith::impfr;
using gancert::arith::precision_guard;

namespace {

struct rng_t {
    std::mt19937_64 g;
    double u01() { return static_cast<double>(g() >> 11) * 0x1p-53; }
    /// A random p-bit number: full mantissa in [1, 2), times 2^e, e ∈ [emin, emax], random sign.
    void full(mpfr_ptr x, int emin, int emax, bool positive) {
        mpfr_set_ui(x, 1, MPFR_RNDN);
        for (mpfr_prec_t b = 0; b < mpfr_get_prec(x); b += 52) {
            mp chunk(64);
            mpfr_set_d(chunk, std::floor(u01() * 0x1p52), MPFR_RNDN);
            mpfr_mul_2si(chunk, chunk, -static_cast<long>(b) - 52, MPFR_RNDN);
            mpfr_add(x, x, chunk, MPFR_RNDZ);
        }
        mpfr_mul_2si(x, x, emin + static_cast<long>(u01() * (emax - emin + 1)), MPFR_RNDN);
        if (!positive && (g() & 1)) mpfr_neg(x, x, MPFR_RNDN);
    }
};

using ref1 = std::function<void(enclosure&, mpfr_srcptr)>;
using ref2 = std::function<void(enclosure&, mpfr_srcptr, mpfr_srcptr)>;

ref1 ref_of1(mpfr_fn1 f) {
    return [f](enclosure& e, mpfr_srcptr x) { bracket_from_rndd(e, f(e.lo, x, MPFR_RNDD)); };
}
ref2 ref_of2(mpfr_fn2 f) {
    return [f](enclosure& e, mpfr_srcptr x, mpfr_srcptr y) { bracket_from_rndd(e, f(e.lo, x, y, MPFR_RNDD)); };
}

std::string label(unsigned p) {
    std::string s = "impfr@";
    s.append(std::to_string(p));
    return s;
}

impfr make(mpfr_srcptr lo, mpfr_srcptr hi) {
    gancert::arith::mpfr a = gancert::arith::fresh_mpfr(), b = gancert::arith::fresh_mpfr();
    mpfr_set(raw(a), lo, MPFR_RNDN);
    mpfr_set(raw(b), hi, MPFR_RNDN);
    return impfr(a, b);
}

/// Argument interval around a random p-bit x: a point (half the cases) or [x, x + k ulp].
struct argument {
    mp lo, hi, mid;
    explicit argument(mpfr_prec_t p) : lo(p), hi(p), mid(p + 1) {}
    void draw(rng_t& r, int emin, int emax, bool positive) {
        r.full(lo, emin, emax, positive);
        widen(r);
    }
    /// Like draw, with the exponent of `like` (for near-cancellation in + and −).
    void draw_like(rng_t& r, mpfr_srcptr like) {
        r.full(lo, 0, 0, false);
        mpfr_set_exp(lo, mpfr_get_exp(like));
        widen(r);
    }
    void widen(rng_t& r) {
        mpfr_set(hi, lo, MPFR_RNDN);
        if (r.g() & 1)
            for (int k = 1 + static_cast<int>(r.g() % 1000); k > 0; --k) mpfr_nextabove(hi);
        mpfr_add(mid, lo, hi, MPFR_RNDN);  // exact at p + 1 bits
        mpfr_div_2ui(mid, mid, 1, MPFR_RNDN);
    }
    bool point() const { return mpfr_equal_p(lo, hi); }
};

template <class Op>
void unary_fullprec(const char* name, ref1 ref, Op op, int emin, int emax, bool positive, bool tight = true) {
    for (unsigned p : {128u, 256u}) {
        precision_guard g(p);
        rng_t r{std::mt19937_64(p * 7919u + static_cast<unsigned>(emax))};
        report rep(label(p));
        argument a(p);
        enclosure e;
        for (int k = 0; k < 3000; ++k) {
            a.draw(r, emin, emax, positive);
            impfr y = op(make(a.lo, a.hi));
            ++rep.args;
            for (mpfr_srcptr x : {static_cast<mpfr_srcptr>(a.lo), static_cast<mpfr_srcptr>(a.hi),
                                  static_cast<mpfr_srcptr>(a.mid)}) {
                ref(e, x);
                check_contains(rep, y, e, [&] { return std::string(name) + " at " + show(x); });
            }
            if (tight && a.point()) check_tightness(rep, y, tightness{}, p);
        }
        rep.print(name);
        INFO(name << " on " << rep.variant);
        for (const auto& ex : rep.examples) INFO(ex);
        CHECK(rep.violations == 0);
        CHECK(rep.tight_failed == 0);
        if (tight) CHECK(rep.tight_checked > 1000);
    }
}

template <class Op>
void binary_fullprec(const char* name, ref2 ref, Op op) {
    for (unsigned p : {128u, 256u}) {
        precision_guard g(p);
        rng_t r{std::mt19937_64(p * 104729u)};
        report rep(label(p));
        argument a(p), b(p);
        enclosure e;
        for (int k = 0; k < 5000; ++k) {
            a.draw(r, -40, 40, false);
            if (k % 3 == 0)  // near-cancellation in + and −: |b| in the binade of |a|
                b.draw_like(r, a.lo);
            else
                b.draw(r, -40, 40, false);
            impfr y = op(make(a.lo, a.hi), make(b.lo, b.hi));
            ++rep.args;
            for (auto [x1, x2] : {std::pair<mpfr_srcptr, mpfr_srcptr>{a.lo, b.lo}, {a.hi, b.hi}, {a.lo, b.hi},
                                  {a.hi, b.lo}, {a.mid, b.mid}}) {
                ref(e, x1, x2);
                check_contains(rep, y, e, [&] { return std::string(name) + " at " + show(x1) + ", " + show(x2); });
            }
            if (a.point() && b.point()) check_tightness(rep, y, tightness{}, p);
        }
        rep.print(name);
        INFO(name << " on " << rep.variant);
        for (const auto& ex : rep.examples) INFO(ex);
        CHECK(rep.violations == 0);
        CHECK(rep.tight_failed == 0);
        CHECK(rep.tight_checked > 1000);
    }
}

}  // namespace

TEST_CASE("full-precision arguments: add sub mul div", "[arith][property]") {
    binary_fullprec("add", ref_of2(mpfr_add), [](const impfr& x, const impfr& y) { return x + y; });
    binary_fullprec("sub", ref_of2(mpfr_sub), [](const impfr& x, const impfr& y) { return x - y; });
    binary_fullprec("mul", ref_of2(mpfr_mul), [](const impfr& x, const impfr& y) { return x * y; });
    binary_fullprec("div", ref_of2(mpfr_div), [](const impfr& x, const impfr& y) { return x / y; });
}

TEST_CASE("full-precision arguments: sqrt square exp expm1 log erf erfc erfcx atan exp(-t^2)", "[arith][property]") {
    unary_fullprec("sqrt", ref_of1(mpfr_sqrt), [](const impfr& x) { return sqrt(x); }, -60, 60, true);
    unary_fullprec("square", ref_of1(mpfr_sqr), [](const impfr& x) { return square(x); }, -60, 60, false);
    unary_fullprec("exp", ref_of1(mpfr_exp), [](const impfr& x) { return exp(x); }, -30, 9, false);
    unary_fullprec("expm1", ref_of1(mpfr_expm1), [](const impfr& x) { return expm1(x); }, -30, 9, false);
    unary_fullprec("log", ref_of1(mpfr_log), [](const impfr& x) { return log(x); }, -60, 60, true);
    unary_fullprec("erf", ref_of1(mpfr_erf), [](const impfr& x) { return erf(x); }, -30, 3, false);
    unary_fullprec("erfc", ref_of1(mpfr_erfc), [](const impfr& x) { return erfc(x); }, -30, 3, false);
    unary_fullprec(
        "erfcx", [](enclosure& e, mpfr_srcptr x) { erfcx_reference(e, x); },
        [](const impfr& x) { return erfcx(x); }, -30, 3, false);
    unary_fullprec("atan", ref_of1(mpfr_atan), [](const impfr& x) { return atan(x); }, -30, 30, false);
    unary_fullprec(
        "exp(-t^2)",
        [](enclosure& e, mpfr_srcptr t) {
            mp sq(2 * mpfr_get_prec(t));
            mpfr_sqr(sq, t, MPFR_RNDN);  // exact
            mpfr_neg(sq, sq, MPFR_RNDN);
            bracket_from_rndd(e, mpfr_exp(e.lo, sq, MPFR_RNDD));
        },
        [](const impfr& t) { return exp(-square(t)); }, -30, 3, false, false);
}
