// Canary of the Arb ball kernels (lemma A1.5): the property harness that passes on the sound
// kernels (tests/test_arith_property_transcendental.cpp) must fail when a kernel drops its
// radius and outward rounding (arith::detail::planted_faults().ball_midpoint_only), for
// interval<double> and interval<mpfr>, on the same random arguments.
#include <catch2/catch.hpp>

#include "arith_property_harness.hpp"
#include "arith_reference.hpp"
#include "gancert/arith/detail/planted_faults.hpp"

using namespace harness;

namespace {

template <class V, class Op>
void require_caught(const unary_spec& s, Op op) {
    using gancert::arith::detail::planted_fault_scope;
    unary_data d(s);
    // interval<double> uses the fast kernels of lemma A1.6 first; both runs here route past
    // them so that the ball kernels themselves are exercised (and broken)
    report sound, broken;
    {
        planted_fault_scope ball_path({.fast_kernels_off = true});
        sound = run_unary<V>(s, d, op);  // first: the one-entry ball cache then holds sound values only
    }
    {
        planted_fault_scope fault({.ball_midpoint_only = true, .fast_kernels_off = true});
        broken = run_unary<V>(s, d, op);
    }
    sound.print(s.name.c_str());
    broken.print((s.name + " (planted: midpoint only)").c_str());
    INFO(s.name << " on " << sound.variant);
    CHECK(sound.violations == 0);
    CHECK(broken.violations > 0);
}

const auto erf_op = [](const auto& x) { return erf(x); };
const auto erfc_op = [](const auto& x) { return erfc(x); };
const auto erfcx_op = [](const auto& x) { return erfcx(x); };
const auto exp_op = [](const auto& x) { return exp(x); };
const auto log_op = [](const auto& x) { return log(x); };
const auto atan_op = [](const auto& x) { return atan(x); };
const auto expm1_op = [](const auto& x) { return expm1(x); };

}  // namespace

TEST_CASE("ball canary: radius-free erf/erfc/erfcx kernels are caught", "[arith][canary][ball]") {
    unary_spec e{.name = "erf", .n_args = 20000, .seed = 7131, .reference = ref_of(mpfr_erf)};
    require_caught<v_idouble>(e, erf_op);
    require_caught<v_impfr128>(e, erf_op);
    unary_spec c{.name = "erfc", .n_args = 20000, .seed = 7141, .reference = ref_of(mpfr_erfc)};
    require_caught<v_idouble>(c, erfc_op);
    require_caught<v_impfr128>(c, erfc_op);
    unary_spec x{.name = "erfcx", .max_abs = 0x1p30, .n_args = 20000, .seed = 7161,
                 .reference = [](enclosure& e, double t) { erfcx_reference(e, t); }};
    require_caught<v_idouble>(x, erfcx_op);
    require_caught<v_impfr128>(x, erfcx_op);
}

TEST_CASE("ball canary: radius-free exp/expm1/log/atan kernels are caught", "[arith][canary][ball]") {
    unary_spec e{.name = "exp", .n_args = 20000, .seed = 7101, .reference = ref_of(mpfr_exp)};
    require_caught<v_idouble>(e, exp_op);
    require_caught<v_impfr128>(e, exp_op);
    unary_spec m{.name = "expm1", .n_args = 20000, .seed = 7111, .reference = ref_of(mpfr_expm1)};
    require_caught<v_idouble>(m, expm1_op);
    unary_spec l{.name = "log", .dom = domain::positive, .n_args = 20000, .seed = 7121, .reference = ref_of(mpfr_log)};
    require_caught<v_idouble>(l, log_op);
    unary_spec a{.name = "atan", .n_args = 20000, .seed = 7151, .reference = ref_of(mpfr_atan)};
    require_caught<v_idouble>(a, atan_op);
}
