// Valid but extreme inputs of the certified evaluation (gancert eval):
//  * at 28 bits (--digits 1) the quadrature's modulus bound, computed in double, must be
//    rounded UP into the working precision; the integral path's J1, J2 at Case A must
//    contain independent mpmath values;
//  * a saturated discriminator (b = ±1e10): the enclosures must contain the exact values,
//    whose limits follow from D ∈ (0, 1) alone (no model code), and be narrow;
//  * a → 0 (a = 4.9e−324, 1e−300): J1, J2 → D(b)², (1 − D(b))², enclosed by MPFR's erfc.
// Every expected value is independent of the code under test.
#include <catch2/catch.hpp>

#include <string>

#include "gancert/model/evaluate.hpp"
#include "gancert/model/integral_path.hpp"
#include "gancert/quad/validated_integral.hpp"

using namespace gancert;
using namespace gancert::arith;

namespace {
bool contains(const impfr& x, const std::string& decimal) {
    const impfr v = parse<impfr>(decimal);  // encloses the decimal at the current precision
    return !(x.upper() < v.lower() || v.upper() < x.lower());
}
bool within(const impfr& x, double bound) { return x.lower() >= -bound && x.upper() <= bound; }
/// x ⊂ [1 − 1e−20, 1 + 1e−20] (compared in MPFR: 1 ± 1e−20 is 1 in double).
bool near_one(const impfr& x) {
    return x.lower() >= parse<impfr>("0.99999999999999999999").lower() &&
           x.upper() <= parse<impfr>("1.00000000000000000001").upper();
}
}  // namespace

TEST_CASE("round_up_from_double at 28 bits never rounds a modulus bound down", "[integral][low-precision]") {
    precision_guard guard(28);
    // 1 + 2^-40 and 3 + 2^-30 need more than 28 bits; nearest rounding would go down for both.
    for (double x : {1.0 + 0x1p-40, 3.0 + 0x1p-30, 0.1, 1e-300, 12345.678901234567}) {
        INFO("x = " << x);
        const mpfr r = quad::detail::round_up_from_double<mpfr>(x);
        CHECK(mpfr_get_prec(raw(r)) == 28);
        CHECK(mpfr_cmp_d(raw(r), x) >= 0);
    }
}

TEST_CASE("integral path at 28 bits encloses Case A's J1 and J2", "[integral][low-precision]") {
    precision_guard guard(28);
    const model::DecimalParams caseA{"2.2", "-3", "1.5", "-2", "0.5"};
    const auto rep = model::evaluate_integral_report(model::to_scalar<impfr>(caseA));
    // Independent mpmath values (tests/reference/generate_rsee.py, 30 digits).
    CHECK(contains(rep.eval.J1, "0.465922211468331744468596999"));
    CHECK(contains(rep.eval.J2, "0.878246197996683062913620179492"));
    CHECK(width_up(rep.eval.J1) < 1e-2);
    // The certified evaluation at --digits 1 as well.
    const auto c = model::evaluate_certified(caseA, 1);
    CHECK(contains(c.value.J1, "0.465922211468331744468596999"));
    CHECK(contains(c.value.J2, "0.878246197996683062913620179492"));
}

TEST_CASE("saturated discriminator: b = 1e10 gives J1 -> 1, J2 -> 0", "[eval][extremes]") {
    // a, g > 0, h >= 0: a·x + b >= 1e10 and a·G(z) + b >= 1e10 on the whole support, so
    // D = 1 − ε with 0 < ε <= erfc(1e10)/2 < 1e−300: J1 = E[D²] ∈ (1 − 1e−300, 1),
    // J2 = E[(1 − D)²] ∈ (0, 1e−300), every derivative is O(e^{−1e20}).
    const auto r = model::evaluate_certified(model::DecimalParams{"2.2", "1e10", "1.5", "0.5", "0.5"}, 20);
    const auto& e = r.value;
    CHECK(e.J1.lower() < 1);  // the exact J1 is < 1
    CHECK(near_one(e.J1));
    CHECK(e.J2.upper() > 0);  // the exact J2 is > 0
    CHECK(within(e.J2, 1e-20));
    CHECK(contains(e.J.v, "1"));
    for (const auto& x : e.J.g) CHECK(within(x, 1e-20));
    for (const auto& x : e.J.h) CHECK(within(x, 1e-20));
}

TEST_CASE("saturated discriminator: b = -1e10 gives J1 -> 0, J2 -> 1", "[eval][extremes]") {
    // a > 0, g > 0, h <= 0: a·G(z) + b <= b + a·g·y, D(aG + b) <= D(−1e10/2) unless
    // y >= 1e10/(2ag) (probability e^{−1.5e9}); so J2 = E[(1 − D)²] ∈ (1 − 1e−300, 1).
    // J1 = E[D(ax + b)²] with x ~ Exp(c): D <= D(−1e10/2) unless x >= 1e10/(2a), so
    // 0 < J1 < 1e−300.
    const auto r = model::evaluate_certified(model::DecimalParams{"2.2", "-1e10", "1.5", "-2", "0.5"}, 20);
    const auto& e = r.value;
    CHECK(e.J1.upper() > 0);
    CHECK(within(e.J1, 1e-20));
    CHECK(e.J2.lower() < 1);
    CHECK(near_one(e.J2));
    CHECK(contains(e.J.v, "1"));
    for (const auto& x : e.J.g) CHECK(within(x, 1e-20));
    for (const auto& x : e.J.h) CHECK(within(x, 1e-20));
}

TEST_CASE("a -> 0: J1, J2 tend to D(b)^2 and (1 - D(b))^2", "[eval][extremes]") {
    for (const char* a : {"4.9e-324", "1e-300", "-1e-300"}) {
        INFO("a = " << a);
        const auto r = model::evaluate_certified(model::DecimalParams{a, "-3", "1.5", "-2", "0.5"}, 20);
        precision_guard guard(r.precision_bits);
        // D(b) = erfc(−b)/2 = erfc(3)/2 from MPFR's directed-rounding erfc (not model code);
        // |J − J(a = 0)| <= |a|·sup|∂J/∂a| <= 1e−290, far below the enclosure widths (1e−30).
        const impfr D = erfc(impfr(3)) / impfr(2);
        const impfr slack(-1e-290, 1e-290);
        const impfr J1 = square(D) + slack, J2 = square(impfr(1) - D) + slack;
        CHECK(!(r.value.J1.upper() < J1.lower() || J1.upper() < r.value.J1.lower()));
        CHECK(!(r.value.J2.upper() < J2.lower() || J2.upper() < r.value.J2.lower()));
        CHECK(width_up(r.value.J1) <= 1e-28);
    }
}

TEST_CASE("slopes |a|/c, |a|*g beyond 1e300 are refused naming the argument", "[eval][extremes]") {
    auto message = [](const model::DecimalParams& p) -> std::string {
        try {
            model::validate(p);
        } catch (const bad_parameter& e) {  // the library names the parameter, the CLI adds "--"
            return e.parameter() + ": " + e.message();
        } catch (const bad_input& e) {
            return std::string("(unnamed) ") + e.what();
        }
        return "";
    };
    const std::string m1 = message({"1e400", "-3", "1.5", "-2", "0.5"});
    CHECK(m1.find("a: ") == 0);
    CHECK(m1.find("outside the supported range") != std::string::npos);
    const std::string m2 = message({"2.2", "-3", "1e400", "-2", "0.5"});
    CHECK(m2.find("g: ") == 0);
    CHECK(m2.find("outside the supported range") != std::string::npos);
    CHECK(message({"-3e300", "-3", "0", "-2", "4"}).empty());      // |a|/c = 7.5e299
    CHECK(message({"1e-390", "1e400", "1e400", "-1e400", "0.5"}).empty());  // |a|*g = 1e10
    CHECK(!message({"1e300", "-3", "0", "-2", "0.5"}).empty());  // |a|/c = 2e300
}
