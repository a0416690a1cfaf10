// Property tests of the rigorous elementary functions exp, expm1, log, erf, erfc, erfcx, atan
// and the composite exp(−t²) on idouble and impfr at 53/128/256 bits: every result encloses
// the 1000-bit MPFR value at the endpoints and sampled interior points of the argument
// (tests/arith_property_harness.hpp), and point arguments give results at most 4 ulp (double)
// or 2^(−p+3) relative (MPFR at p bits) wide.
#include <catch2/catch.hpp>

#include "arith_property_harness.hpp"
#include "arith_reference.hpp"

using namespace harness;

namespace {

template <class Op>
void unary_property(const unary_spec& s, Op op) {
    auto reps = run_unary_all<v_idouble, v_impfr53, v_impfr128, v_impfr256>(s, op);
    for (const report& r : reps) {
        r.print(s.name.c_str());
        INFO(s.name << " on " << r.variant);
        for (const auto& e : r.examples) INFO(e);
        CHECK(r.args >= 100000);
        CHECK(r.violations == 0);
        CHECK(r.tight_failed == 0);
        if (s.tight.ulps != 0) CHECK(r.tight_checked > 0);
    }
}

}  // namespace

TEST_CASE("property: interval exp", "[arith][property]") {
    unary_property({.name = "exp", .seed = 101, .reference = ref_of(mpfr_exp)},
                   [](const auto& x) { return exp(x); });
}

TEST_CASE("property: interval expm1", "[arith][property]") {
    unary_property({.name = "expm1", .seed = 111, .reference = ref_of(mpfr_expm1)},
                   [](const auto& x) { return expm1(x); });
}

TEST_CASE("property: interval log", "[arith][property]") {
    unary_property({.name = "log", .dom = domain::nonneg, .seed = 121, .reference = ref_of(mpfr_log)},
                   [](const auto& x) { return log(x); });
}

TEST_CASE("property: interval erf", "[arith][property]") {
    unary_property({.name = "erf", .seed = 131, .reference = ref_of(mpfr_erf)},
                   [](const auto& x) { return erf(x); });
}

TEST_CASE("property: interval erfc", "[arith][property]") {
    unary_property({.name = "erfc", .seed = 141, .reference = ref_of(mpfr_erfc)},
                   [](const auto& x) { return erfc(x); });
}

TEST_CASE("property: interval erfcx on both branches up to 2^30", "[arith][property]") {
    unary_property({.name = "erfcx",
                    .max_abs = 0x1p30,
                    .seed = 151,
                    .reference = [](enclosure& e, double x) { erfcx_reference(e, x); }},
                   [](const auto& x) { return erfcx(x); });
}

TEST_CASE("property: interval atan", "[arith][property]") {
    unary_property({.name = "atan", .seed = 161, .reference = ref_of(mpfr_atan)},
                   [](const auto& x) { return atan(x); });
}

TEST_CASE("property: composite exp(-t^2) also across the maximum at 0", "[arith][property]") {
    // Containment only: the composite's width is amplified by t² (not a single rounding).
    unary_property({.name = "exp(-t^2)",
                    .seed = 171,
                    .reference = exp_minus_square_reference,
                    .tight = {0, 0}},
                   [](const auto& t) { return exp(-square(t)); });
}
