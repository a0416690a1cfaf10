// Soundness canary: the property harness must be able to fail. A deliberately broken rounding
// policy — round to nearest, so *_down and *_up both return the nearest value — is plugged into
// boost::numeric::interval with gancert's checking policy, and the SAME harness that passes on
// idouble/impfr (tests/arith_property_harness.hpp, same operations, same generic lambdas) is
// run on it. The test passes only if the harness reports violations.
#include <boost/numeric/interval/transc.hpp>
#include <catch2/catch.hpp>
#include <cmath>

#include "arith_property_harness.hpp"

using namespace harness;

namespace {

/// Round to nearest everywhere: not a rounding policy for intervals (the bug to be caught).
struct nearest_rounding {
    using unprotected_rounding = nearest_rounding;
    template <class U>
    double conv_down(const U& v) { return static_cast<double>(v); }
    template <class U>
    double conv_up(const U& v) { return static_cast<double>(v); }
    double add_down(double x, double y) { return x + y; }
    double add_up(double x, double y) { return x + y; }
    double sub_down(double x, double y) { return x - y; }
    double sub_up(double x, double y) { return x - y; }
    double mul_down(double x, double y) { return x * y; }
    double mul_up(double x, double y) { return x * y; }
    double div_down(double x, double y) { return x / y; }
    double div_up(double x, double y) { return x / y; }
    double sqrt_down(double x) { return std::sqrt(x); }
    double sqrt_up(double x) { return std::sqrt(x); }
    double exp_down(double x) { return std::exp(x); }
    double exp_up(double x) { return std::exp(x); }
    double median(double x, double y) { return x / 2 + y / 2; }
    double int_down(double x) { return std::floor(x); }
    double int_up(double x) { return std::ceil(x); }
    double force_rounding(double x) { return x; }
};

using canary_interval = boost::numeric::interval<
    double, boost::numeric::interval_lib::policies<nearest_rounding, gancert::arith::checking<double>>>;
using v_canary = variant<canary_interval, 0>;

// The operations exactly as in the property tests (generic lambdas; the canary's exp is
// Boost.Interval's generic exp over the policy's exp_down/exp_up).
const auto add_op = [](const auto& x, const auto& y) { return x + y; };
const auto mul_op = [](const auto& x, const auto& y) { return x * y; };
const auto div_op = [](const auto& x, const auto& y) { return x / y; };
const auto sqrt_op = [](const auto& x) { return sqrt(x); };

void require_detected(const report& canary, const report& sound, const char* fn) {
    canary.print(fn);
    sound.print(fn);
    INFO(fn);
    CHECK(canary.violations > 0);  // the broken policy is caught …
    CHECK(sound.violations == 0);  // … and the sound one, on the same arguments, is not
}

}  // namespace

TEST_CASE("canary: round-to-nearest policy is caught by the addition property", "[arith][canary]") {
    binary_spec s{.name = "add", .n_args = 20000, .seed = 11, .reference = ref_of(mpfr_add)};
    auto reps = run_binary_all<v_canary, v_idouble>(s, add_op);
    require_detected(reps[0], reps[1], "add");
}

TEST_CASE("canary: round-to-nearest policy is caught by the multiplication property", "[arith][canary]") {
    binary_spec s{.name = "mul", .n_args = 20000, .seed = 31, .reference = ref_of(mpfr_mul)};
    auto reps = run_binary_all<v_canary, v_idouble>(s, mul_op);
    require_detected(reps[0], reps[1], "mul");
}

TEST_CASE("canary: round-to-nearest policy is caught by the division property", "[arith][canary]") {
    binary_spec s{.name = "div", .n_args = 20000, .seed = 41, .nonzero_divisor = true, .reference = ref_of(mpfr_div)};
    auto reps = run_binary_all<v_canary, v_idouble>(s, div_op);
    require_detected(reps[0], reps[1], "div");
}

TEST_CASE("canary: round-to-nearest policy is caught by the sqrt property", "[arith][canary]") {
    unary_spec s{.name = "sqrt", .dom = domain::nonneg, .n_args = 20000, .seed = 51, .reference = ref_of(mpfr_sqrt)};
    auto reps = run_unary_all<v_canary, v_idouble>(s, sqrt_op);
    require_detected(reps[0], reps[1], "sqrt");
}

TEST_CASE("canary: libm exp as both bounds is caught by the exp property", "[arith][canary]") {
    unary_spec s{.name = "exp", .n_args = 20000, .seed = 101, .reference = ref_of(mpfr_exp)};
    unary_data d(s);
    report canary = run_unary<v_canary>(s, d, [](const canary_interval& x) { return boost::numeric::exp(x); });
    report sound = run_unary<v_idouble>(s, d, [](const gancert::arith::idouble& x) { return exp(x); });
    require_detected(canary, sound, "exp");
}
