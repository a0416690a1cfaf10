// erfcx(x) = e^{x²} erfc(x): the rigorous asymptotic branch (x > 2^13, lemma A1.3) against the
// direct product e^{x²}·erfc(x) computed by MPFR at 1100 bits in the widest exponent range,
// and the accuracy of the fast (non-rigorous) double erfcx against MPFR.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <random>

#include "arith_reference.hpp"

using namespace harness;
using namespace gancert::arith;

namespace {

/// width / min|endpoint| as log2, plus p (so <= 3 means "at most 2^(−p+3) relative").
impfr point_impfr(double x) {
    mpfr v = fresh_mpfr();
    mpfr_set_d(raw(v), x, MPFR_RNDN);
    return impfr(v, v);
}

double rel_width_log2(const impfr& r, unsigned p) {
    mp w(64);
    mpfr_sub(w, raw(r.upper()), raw(r.lower()), MPFR_RNDU);
    if (mpfr_zero_p(w)) return -1e9;
    mpfr_div(w, w, raw(r.lower()), MPFR_RNDU);
    long e;
    double d = mpfr_get_d_2exp(&e, w, MPFR_RNDU);
    return std::log2(d) + static_cast<double>(e) + p;
}

}  // namespace

TEST_CASE("erfcx asymptotic branch for x > 8192 encloses the direct e^{x^2} erfc(x) at 1100 bits",
          "[arith][erfcx]") {
    std::mt19937_64 rng(8192);
    auto u01 = [&] { return static_cast<double>(rng() >> 11) * 0x1p-53; };
    int checked = 0;
    for (unsigned p : {53u, 128u, 256u, 1000u}) {
        precision_guard g(p);
        double worst = -1e9;
        for (int k = 0; k < 80; ++k) {
            mpfr x = fresh_mpfr(p);
            if (k < 10) {  // the first p-bit numbers above the switch 2^13
                mpfr_set_ui(raw(x), 8192, MPFR_RNDN);
                for (int s = 0; s <= k; ++s) mpfr_nextabove(raw(x));
            } else {  // full-precision mantissa in [1, 2), times 2^13 … 2^29
                mpfr_set_ui(raw(x), 1, MPFR_RNDN);
                for (unsigned b = 0; b < p; b += 52) {
                    mp chunk(64);
                    mpfr_set_d(chunk, std::floor(u01() * 0x1p52), MPFR_RNDN);
                    mpfr_mul_2si(chunk, chunk, -static_cast<long>(b) - 52, MPFR_RNDN);
                    mpfr_add(raw(x), raw(x), chunk, MPFR_RNDD);
                }
                mpfr_mul_2si(raw(x), raw(x), 13 + static_cast<long>(u01() * 17), MPFR_RNDN);
            }
            INFO("p = " << p << ", x = " << show(raw(x)));
            enclosure ref;
            erfcx_reference(ref, raw(x));
            impfr r = erfcx(impfr(x, x));
            CHECK(mpfr_cmp(raw(r.lower()), ref.lo) <= 0);
            CHECK(mpfr_cmp(raw(r.upper()), ref.hi) >= 0);
            const double w = rel_width_log2(r, p);
            worst = std::max(worst, w);
            CHECK(w <= 3);  // tight: at most 2^(−p+3) relative
            ++checked;
        }
        std::printf("erfcx asymptotic branch at %4u bits: worst width 2^(-p%+.2f) relative\n", p, worst);
    }
    // idouble goes through the same branch at 53 bits
    for (double x : {8192.0000000000018, 1e4, 12345.678, 1e6, 5e8}) {
        enclosure ref;
        erfcx_reference(ref, x);
        idouble r = erfcx(idouble(x));
        CHECK(mpfr_cmp_d(ref.lo, r.lower()) >= 0);
        CHECK(mpfr_cmp_d(ref.hi, r.upper()) <= 0);
        CHECK(std::nextafter(r.lower(), 1.0) >= r.upper());  // at most 1 ulp step wide
        ++checked;
    }
    CHECK(checked == 4 * 80 + 5);
}

TEST_CASE("double erfcx (not rigorous) is accurate to 1e-14 relative from -26 to 1e150", "[arith][erfcx]") {
    // Reference: e^{x²}·erfc(x) by MPFR at 160 bits (directed bracket, relative width < 2^-150)
    // for x < 2^29; beyond, the rigorous impfr erfcx at 160 bits (its asymptotic branch is
    // checked against the direct product in the test above).
    std::mt19937_64 rng(26);
    auto u01 = [&] { return static_cast<double>(rng() >> 11) * 0x1p-53; };
    std::vector<double> xs;
    for (int k = 0; k < 12000; ++k) xs.push_back(-26.0 + 52.0 * u01());           // uniform [-26, 26]
    for (int k = 0; k < 3000; ++k) xs.push_back(std::exp2(-40 + 40 * u01()) * (k % 2 ? 1 : -1));  // near 0
    for (int k = 0; k < 2000; ++k) xs.push_back(25.0 + 2.0 * u01());               // the switch at 26
    for (int k = 0; k < 3000; ++k) xs.push_back(std::exp2(std::log2(26.0) + (std::log2(1e150) - std::log2(26.0)) * u01()));
    for (double x : {0.0, -0.0, 26.0, std::nextafter(26.0, 0.0), -26.0, 1e150}) xs.push_back(x);
    double worst = 0, worst_x = 0;
    precision_guard g(160);
    for (double x : xs) {
        enclosure ref;
        if (std::fabs(x) < 0x1p29) {
            erfcx_reference(ref, x, 160);
        } else {
            impfr r = erfcx(point_impfr(x));
            mpfr_set(ref.lo, raw(r.lower()), MPFR_RNDD);
            mpfr_set(ref.hi, raw(r.upper()), MPFR_RNDU);
        }
        mp mid(1000), err(64);
        mpfr_add(mid, ref.lo, ref.hi, MPFR_RNDN);
        mpfr_div_2ui(mid, mid, 1, MPFR_RNDN);
        const double d = erfcx(x);
        mpfr_set_d(err, d, MPFR_RNDN);
        mpfr_sub(err, err, mid, MPFR_RNDN);
        mpfr_div(err, err, mid, MPFR_RNDN);
        const double rel = std::fabs(mpfr_get_d(err, MPFR_RNDN));
        if (!(rel <= worst)) worst = rel, worst_x = x;
    }
    std::printf("double erfcx: max relative error %.3g (at x = %.17g) over %zu points in [-26, 1e150]\n", worst,
                worst_x, xs.size());
    INFO("worst at x = " << worst_x);
    CHECK(worst <= 1e-14);
}
