// M(s) = E e^{−sL²}: the certified closed form vs 1000-bit tanh-sinh quadrature, the Laplace
// special case vs the general formula, and the elementary A&S bracket (proofs/lemmas.md X.2, X.8).
#include <catch2/catch.hpp>
#include <random>

#include "counterexample_quadrature.hpp"
#include "gancert/counterexample/gaussian_moment.hpp"

using namespace gancert::arith;
using gancert::counterexample::LineLaw;
using gancert::counterexample::gaussian_moment;
using gancert::counterexample::laplace_gaussian_moment;

namespace {
LineLaw<impfr> law_of(const char* l1, const char* l2, const char* mu) {
    return {parse<impfr>(l1), parse<impfr>(l2), parse<impfr>(mu)};
}
mpfr quad_M(const LineLaw<impfr>& law, const mpfr& s) {
    const mpfr l1 = midpoint(law.lambda1), l2 = midpoint(law.lambda2), mu = midpoint(law.mu);
    // e^{−s y²} <= 2^{−1100} beyond |y| = 28/√s·… ; density factor <= 1, so cut at ±(mu ± 30/√s).
    const mpfr R = mpfr(30) / sqrt(s) + 1;
    const mpfr lo = (mu < 0 ? mu : mpfr(0)) - R, hi = (mu > 0 ? mu : mpfr(0)) + R;
    return ce_test::line_expectation([&](const mpfr& y) { return mpfr(exp(-s * y * y)); }, l1, l2, mu, lo, hi);
}
}  // namespace

TEST_CASE("M(s) closed form agrees with 1000-bit (and 300-bit) quadrature", "[counterexample][moments]") {
    struct Case {
        const char *l1, *l2, *mu, *s;
        unsigned bits;
    };
    const Case cases[] = {
        {"1", "1", "0", "1", 1000},         {"0.7", "1.9", "0.4", "37", 1000}, {"1", "1", "0", "0.01", 300},
        {"1", "1", "0", "37", 300},         {"2.5", "0.625", "0", "0.01", 300}, {"2.5", "0.625", "0", "1", 300},
        {"2.5", "0.625", "0", "37", 300},   {"0.7", "1.9", "0.4", "0.01", 300}, {"0.7", "1.9", "0.4", "1", 300},
        {"1.5", "0.75", "-2.1", "0.01", 300}, {"1.5", "0.75", "-2.1", "1", 300}, {"1.5", "0.75", "-2.1", "37", 300},
    };
    for (const Case& c : cases) {
        precision_guard guard(c.bits);
        const auto law = law_of(c.l1, c.l2, c.mu);
        const impfr s = parse<impfr>(c.s);
        const impfr M = gaussian_moment(law, s);
        const mpfr q = quad_M(law, midpoint(s));
        INFO("law (" << c.l1 << ", " << c.l2 << ", " << c.mu << "), s = " << c.s << ", bits " << c.bits);
        const mpfr tol = ldexp(mpfr(1), -static_cast<int>(c.bits) + 40);
        CHECK(width_up(M) < tol * M.lower());
        // the quadrature is not rigorous: require agreement to 2^{-bits+40} relative
        CHECK(abs(mpfr(q - midpoint(M))) < tol * abs(q));
    }
}

TEST_CASE("M(s) for large s stays finite and ~ f(0) sqrt(pi/s)", "[counterexample][moments]") {
    precision_guard guard(200);
    // μ = −2.1: f(0) = C e^{−λ1·2.1}; s = 10^12 makes e^{t²} overflow without the reflection.
    const auto law = law_of("1.5", "0.75", "-2.1");
    const impfr s = parse<impfr>("1e12");
    const impfr M = gaussian_moment(law, s);
    const impfr f0 = law.density_max() * exp(-(law.lambda1 * parse<impfr>("2.1")));
    const impfr leading = f0 * sqrt(pi<impfr>() / s);
    CHECK(width_up(M) < mpfr(1e-50) * M.lower());
    // |M − f(0)√(π/s)| = O(s^{-3/2}) relative to O(s^{-1/2}): relative gap ~ 1e-12
    const impfr rel = (M - leading) / leading;
    CHECK(mag(rel) < mpfr(1e-10));
}

TEST_CASE("Laplace closed form equals the general formula at λ1 = λ2 = 1, μ = 0, and the A&S bracket holds",
          "[counterexample][moments]") {
    precision_guard guard(300);
    std::mt19937_64 rng(20261122);
    std::uniform_real_distribution<double> ex(-6.0, 12.0);
    const auto laplace = law_of("1", "1", "0");
    for (int i = 0; i < 200; ++i) {
        const impfr s = exp(impfr(ex(rng)) * ln2<impfr>() * integer<impfr>(2));
        const impfr a = laplace_gaussian_moment(s);
        const impfr b = gaussian_moment(laplace, s);
        REQUIRE(!(a.upper() < b.lower() || b.upper() < a.lower()));
        const impfr one = integer<impfr>(1), two = integer<impfr>(2);
        const impfr lo = two / (one + sqrt(one + integer<impfr>(8) * s));
        const impfr hi = two / (one + sqrt(one + integer<impfr>(16) * s / pi<impfr>()));
        CHECK(a.lower() > lo.upper() * (1 - 1e-80));  // strict lower bound (up to rounding of the bound itself)
        CHECK(a.upper() <= hi.upper());
    }
}

TEST_CASE("planted error: a wrong M formula disagrees with the quadrature", "[counterexample][moments][planted]") {
    precision_guard guard(400);
    const impfr s = integer<impfr>(1);
    // erfcx(1/√s) instead of erfcx(1/(2√s)): the closed form with the argument doubled.
    const impfr wrong = sqrt_pi<impfr>() / (integer<impfr>(2) * sqrt(s)) * erfcx(integer<impfr>(1) / sqrt(s));
    const mpfr q = quad_M(law_of("1", "1", "0"), midpoint(s));
    CHECK_FALSE(contains(wrong, q));
    CHECK(contains(laplace_gaussian_moment(s), q));  // sanity: the right one does contain it… at 400 bits
}
