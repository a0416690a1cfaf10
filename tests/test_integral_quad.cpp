// quad layer: verified Gauss–Legendre rules (vs independent 1000-bit nodes and exactness on
// polynomials), complex boxes (vs 300-bit complex values at random points inside the box),
// and integrate_validated on integrands with known integrals.
#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <random>

#include "gancert/quad/complex_box.hpp"
#include "gancert/quad/gauss_legendre.hpp"
#include "gancert/quad/validated_integral.hpp"

using namespace gancert;
using namespace gancert::arith;
using quad::cbox;

namespace {

/// Independent reference: nodes by bisection on sign changes of P_n (plain MPFR, round to
/// nearest, 1000 bits) bracketed by the Chebyshev-like interlacing of the initial guesses,
/// and weights by 2/((1 − x²) P_n'(x)²).
struct RefNode {
    mpfr x, w;
};
std::vector<RefNode> reference_rule(std::size_t n) {
    precision_guard g(1000);
    auto legendre = [n](const mpfr& x, mpfr& dp) {
        mpfr p0 = 1, p1 = x;
        for (std::size_t k = 1; k < n; ++k) {
            mpfr p2 = ((2 * k + 1) * x * p1 - k * p0) / (k + 1);
            p0 = p1;
            p1 = p2;
        }
        dp = n * (x * p1 - p0) / (x * x - 1);
        return p1;
    };
    std::vector<RefNode> out;
    for (std::size_t i = 0; i < n; ++i) {
        // Newton from the classical guess, then many steps (quadratic convergence).
        mpfr x = std::cos(3.14159265358979323846 * (n - i - 0.25) / (n + 0.5));
        mpfr dp;
        for (int it = 0; it < 40; ++it) {
            mpfr p = legendre(x, dp);
            x = x - p / dp;
        }
        legendre(x, dp);
        out.push_back({x, 2 / ((1 - x * x) * dp * dp)});
    }
    return out;
}

}  // namespace

TEST_CASE("verified Gauss-Legendre enclosures contain 1000-bit nodes and weights", "[quad][gl]") {
    for (std::size_t n : {1u, 2u, 5u, 16u, 33u, 80u}) {
        auto ref = reference_rule(n);
        {
            precision_guard g(200);
            const auto& rule = quad::gauss_legendre<impfr>(n);
            REQUIRE(rule.size() == n);
            for (std::size_t i = 0; i < n; ++i) {
                INFO("n = " << n << ", i = " << i);
                CHECK(contains(rule.nodes[i], ref[i].x));
                CHECK(contains(rule.weights[i], ref[i].w));
                CHECK(to_double(mpfr(width_up(rule.nodes[i]))) < 1e-58);
                CHECK(to_double(mpfr(width_up(rule.weights[i]))) < 1e-58);
            }
        }
        const auto& rd = quad::gauss_legendre<idouble>(n);
        for (std::size_t i = 0; i < n; ++i) {
            CHECK(contains(rd.nodes[i], to_double(ref[i].x)));  // nearest double of the node
            CHECK(mpfr(rd.nodes[i].lower()) <= ref[i].x);
            CHECK(ref[i].x <= mpfr(rd.nodes[i].upper()));
            CHECK(mpfr(rd.weights[i].lower()) <= ref[i].w);
            CHECK(ref[i].w <= mpfr(rd.weights[i].upper()));
        }
    }
}

TEST_CASE("Gauss-Legendre rule integrates x^(2k) exactly for 2k < 2n", "[quad][gl]") {
    precision_guard g(300);
    const std::size_t n = 20;
    const auto& rule = quad::gauss_legendre<impfr>(n);
    for (int k = 0; 2 * k < static_cast<int>(2 * n); ++k) {
        impfr s(0);
        for (std::size_t i = 0; i < n; ++i) s = s + rule.weights[i] * pow(rule.nodes[i], 2 * k);
        impfr exact = impfr(2) / impfr(2 * k + 1);
        INFO("k = " << k);
        CHECK(contains(s, exact.lower()));
        CHECK(to_double(mpfr(width_up(s))) < 1e-80);
    }
    // and is not exact for degree 2n: the test can fail
    impfr s(0);
    for (std::size_t i = 0; i < n; ++i) s = s + rule.weights[i] * pow(rule.nodes[i], 2 * static_cast<int>(n));
    impfr exact = impfr(2) / impfr(static_cast<int>(2 * n + 1));
    CHECK(!contains(s, exact.lower()));
}

namespace {
// 300-bit complex helpers for the references.
struct C {
    mpfr re, im;
};
C cmul(const C& a, const C& b) { return {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re}; }
C cexp(const C& z) {
    mpfr e = exp(z.re), c = fresh_mpfr(), s = fresh_mpfr();
    mpfr_cos(raw(c), raw(z.im), MPFR_RNDN);
    mpfr_sin(raw(s), raw(z.im), MPFR_RNDN);
    return {e * c, e * s};
}
/// erf(z) by its Maclaurin series (|z| ≤ 4 here; 300 bits absorb the cancellation).
C cerf(const C& z) {
    C z2 = cmul(z, z);
    C term = z;  // z^{2k+1}(−1)^k/k!
    C sum{mpfr(0), mpfr(0)};
    for (int k = 0; k < 400; ++k) {
        sum.re += term.re / (2 * k + 1);
        sum.im += term.im / (2 * k + 1);
        term = cmul(term, z2);
        term.re = -term.re / (k + 1);
        term.im = -term.im / (k + 1);
    }
    mpfr f = 2 / sqrt(pi<mpfr>());
    return {sum.re * f, sum.im * f};
}
bool inside(const impfr& box, const mpfr& v) { return box.lower() <= v && v <= box.upper(); }
bool inside(const idouble& box, const mpfr& v) { return mpfr(box.lower()) <= v && v <= mpfr(box.upper()); }
}  // namespace

TEMPLATE_TEST_CASE("complex boxes contain exp, erf, erfc, products at random points", "[quad][cbox]", idouble, impfr) {
    using I = TestType;
    precision_guard g(300);
    std::mt19937_64 rng(12345);
    std::uniform_real_distribution<double> centre(-3, 3), rad(0, 0.5), unit(0, 1);
    for (int trial = 0; trial < 300; ++trial) {
        const double xc = centre(rng), yc = centre(rng) * 0.6, xr = rad(rng), yr = rad(rng);
        I X(xc - xr, xc + xr), Y(yc - yr, yc + yr);
        cbox<I> z(X, Y);
        auto ez = exp(z);
        auto rz = erf(z);
        auto cz = erfc(-z);
        auto pz = square(z) * z - z;
        for (int k = 0; k < 5; ++k) {
            C p{mpfr(xc - xr + 2 * xr * unit(rng)), mpfr(yc - yr + 2 * yr * unit(rng))};
            INFO("trial " << trial << " point " << to_double(p.re) << " + i " << to_double(p.im));
            C e = cexp(p);
            CHECK(inside(ez.re, e.re));
            CHECK(inside(ez.im, e.im));
            C r = cerf(p);
            CHECK(inside(rz.re, r.re));
            CHECK(inside(rz.im, r.im));
            // erfc(−z) = 1 + erf(z)
            CHECK(inside(cz.re, 1 + r.re));
            CHECK(inside(cz.im, r.im));
            C q = cmul(cmul(p, p), p);
            CHECK(inside(pz.re, q.re - p.re));
            CHECK(inside(pz.im, q.im - p.im));
        }
    }
}

TEMPLATE_TEST_CASE("complex box log contains the principal log; boxes reaching Re w <= 0 are refused",
                   "[quad][cbox]", idouble, impfr) {
    using I = TestType;
    precision_guard g(300);
    std::mt19937_64 rng(777);
    std::uniform_real_distribution<double> re_c(0.05, 40), im_c(-30, 30), rad(0, 0.5), unit(0, 1);
    for (int trial = 0; trial < 300; ++trial) {
        const double xc = re_c(rng), yc = im_c(rng), xr = rad(rng) * xc * 0.9, yr = rad(rng);
        cbox<I> w(I(xc - xr, xc + xr), I(yc - yr, yc + yr));
        auto lw = log(w);
        for (int k = 0; k < 5; ++k) {
            mpfr x(xc - xr + 2 * xr * unit(rng)), y(yc - yr + 2 * yr * unit(rng));
            INFO("trial " << trial << " point " << to_double(x) << " + i " << to_double(y));
            // Log w = ln|w| + i atan(y/x) for x > 0 (independent 300-bit evaluation)
            CHECK(inside(lw.re, log(sqrt(x * x + y * y))));
            CHECK(inside(lw.im, atan(y / x)));
        }
    }
    // Re w may be 0 or negative: no analytic branch of log on the box, must throw.
    CHECK_THROWS_AS(log(cbox<I>(I(-1, 2), I(0.5, 1))), std::domain_error);
    CHECK_THROWS_AS(log(cbox<I>(I(0, 2), I(-1, 1))), std::domain_error);
}

TEST_CASE("integrate_validated: known integrals, all components at once", "[quad][integral]") {
    precision_guard g(200);
    // f(x) = (e^{−x}, x e^{−x}, erf x) on [0, 3]: 1 − e^{−3}, 1 − 4e^{−3}, 3 erf 3 + (e^{−9} − 1)/√π.
    auto f = [](const auto& x) {
        using X = std::decay_t<decltype(x)>;
        X e = exp(-x);
        return std::array<X, 3>{e, x * e, erf(x)};
    };
    quad::QuadOptions opt;
    opt.target_bits = 180;
    opt.floor_bits = 400;
    opt.gl_points = 30;
    std::array<impfr, 3> tail{impfr(0), impfr(0), impfr(0)};
    std::vector<mpfr> bp{mpfr(0), mpfr(1), mpfr(3)};
    auto res = quad::integrate_validated<impfr>(f, bp, tail, opt);
    CHECK(res.status == quad::QuadStatus::ok);
    impfr e3 = exp(impfr(-3));
    std::array<impfr, 3> exact{impfr(1) - e3, impfr(1) - impfr(4) * e3,
                               impfr(3) * erf(impfr(3)) + (exp(impfr(-9)) - impfr(1)) * inv_sqrt_pi<impfr>()};
    for (int k = 0; k < 3; ++k) {
        INFO("component " << k);
        CHECK(!(res.value[k].upper() < exact[k].lower() || exact[k].upper() < res.value[k].lower()));
        CHECK(to_double(mpfr(width_up(res.value[k]))) < 1e-53);
    }
}
