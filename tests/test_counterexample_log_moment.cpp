// V(D_k, G) = E log(1 − e^{−k²L²}) and its pieces Ψ, Q, T: certified series vs an independent
// tanh-sinh quadrature in MPFR (log singularity at 0 and the density kink at μ are end points),
// across both regimes (kμ < 3/2 and kμ >= 3/2), plus proven-bound properties (lemmas X.3–X.6).
#include <catch2/catch.hpp>
#include <random>

#include "counterexample_quadrature.hpp"
#include "gancert/counterexample/gaussian_moment.hpp"
#include "gancert/counterexample/log_kernel_series.hpp"
#include "gancert/counterexample/log_moment.hpp"

using namespace gancert::arith;
using namespace gancert::counterexample;

namespace {
mpfr phi(const mpfr& y, const mpfr& k) { return log(mpfr(-expm1(mpfr(-(k * k * y * y))))); }

mpfr quad_V(const mpfr& l1, const mpfr& l2, const mpfr& mu, const mpfr& k) {
    const mpfr R = mpfr(40) / k + 1;  // |φ| <= 2e^{−k²y²} < 2^{−2000} beyond
    const mpfr lo = (mu < 0 ? mu : mpfr(0)) - R, hi = (mu > 0 ? mu : mpfr(0)) + R;
    return ce_test::line_expectation([&](const mpfr& y) { return phi(y, k); }, l1, l2, mu, lo, hi);
}
bool agrees(const impfr& certified, const mpfr& q, const mpfr& rel) {
    return abs(mpfr(q - midpoint(certified))) <= rel * abs(q) && width_up(certified) <= rel * abs(q);
}
}  // namespace

TEST_CASE("V: certified series agree with quadrature in both regimes", "[counterexample][V]") {
    precision_guard guard(200);
    struct Case {
        const char *l1, *l2, *mu, *k;
    };
    const Case cases[] = {
        {"1", "1", "0", "1"},        {"1", "1", "0", "10"},        {"2.5", "0.625", "0", "1"},
        {"0.7", "1.9", "0.4", "1"},  {"0.7", "1.9", "0.4", "10"},  {"1.5", "0.75", "-2.1", "1"},
        {"1", "1", "-0.1", "10"},    {"1.2", "0.857", "0.45", "3"}, {"1.2", "0.857", "0.55", "3"},
        {"3.5", "0.583", "-0.57", "1"},
    };
    const mpfr rel = ldexp(mpfr(1), -150);
    for (const Case& c : cases) {
        const LineLaw<impfr> law{parse<impfr>(c.l1), parse<impfr>(c.l2), parse<impfr>(c.mu)};
        const impfr k = parse<impfr>(c.k);
        const impfr V = log_cost_of_line_discriminator(law, k);
        const mpfr q = quad_V(midpoint(law.lambda1), midpoint(law.lambda2), midpoint(law.mu), midpoint(k));
        INFO("law (" << c.l1 << ", " << c.l2 << ", " << c.mu << "), k = " << c.k << ": V = " << midpoint(V)
                     << ", quadrature " << q);
        CHECK(agrees(V, q, rel));
    }
}

TEST_CASE("Psi, Q and T pieces agree with quadrature", "[counterexample][V]") {
    precision_guard guard(160);
    const mpfr rel = ldexp(mpfr(1), -120);
    for (const char* lam : {"-2", "0.5", "3.5"}) {
        const impfr l = parse<impfr>(lam), k = integer<impfr>(1);
        const mpfr lm = midpoint(l);
        const mpfr q = ce_test::integrate_pieces([&](const mpfr& y) { return mpfr(exp(-lm * y) * phi(y, mpfr(1))); },
                                                 {mpfr(0), mpfr(1), mpfr(60)});
        INFO("Psi(" << lam << ")");
        CHECK(agrees(log_kernel_laplace(l, k), q, rel));
    }
    for (const char* a : {"-1.7", "2.2"}) {
        const impfr ai = parse<impfr>(a), mu = parse<impfr>("0.3"), k = parse<impfr>("2");
        const mpfr am = midpoint(ai);
        const mpfr qn = ce_test::integrate_pieces([&](const mpfr& y) { return mpfr(exp(am * y) * phi(y, mpfr(2))); },
                                                  {mpfr(0), midpoint(mu)});
        INFO("Q(" << a << ")");
        CHECK(agrees(log_kernel_near(ai, mu, k), qn, rel));
        const impfr mu2 = parse<impfr>("0.8");
        const mpfr qf = ce_test::integrate_pieces([&](const mpfr& y) { return mpfr(exp(am * y) * phi(y, mpfr(2))); },
                                                  {midpoint(mu2), mpfr(40)});
        INFO("T(" << a << ")");
        CHECK(agrees(log_kernel_far(ai, mu2, k), qf, rel));
    }
}

TEST_CASE("V: regime preconditions are refused, not guessed", "[counterexample][V]") {
    precision_guard guard(100);
    const impfr k = integer<impfr>(10);
    CHECK_THROWS_AS(log_kernel_near(integer<impfr>(1), parse<impfr>("0.2"), k), std::domain_error);  // kμ = 2
    CHECK_THROWS_AS(log_kernel_far(integer<impfr>(1), parse<impfr>("0.05"), k), std::domain_error);  // kμ = 0.5
}

TEST_CASE("V: a shift interval straddling 0 is enclosed", "[counterexample][V]") {
    precision_guard guard(200);
    const impfr k = integer<impfr>(3);
    const impfr l1 = parse<impfr>("1.3"), l2 = parse<impfr>("0.8125");
    const impfr eps = parse<impfr>("1e-40");
    const impfr straddle = make_interval(mpfr(-eps.upper()), mpfr(eps.upper()));
    const impfr V0 = log_cost_of_line_discriminator({l1, l2, integer<impfr>(0)}, k);
    const impfr Vs = log_cost_of_line_discriminator({l1, l2, straddle}, k);
    CHECK(subset_of(V0, Vs));
    CHECK(width_up(Vs) < mpfr(1e-35));
}

TEST_CASE("V: random laws satisfy the proven bounds and match quadrature", "[counterexample][V]") {
    precision_guard guard(128);
    std::mt19937_64 rng(6);
    std::uniform_real_distribution<double> lam(0.3, 3.0), shift(-2.5, 2.5);
    const char* ks[] = {"1", "2", "5", "30"};
    for (int i = 0; i < 8; ++i) {
        // exact binary parameters (doubles) so the quadrature sees the same law
        const impfr l1(lam(rng)), l2(lam(rng)), mu(shift(rng));
        const LineLaw<impfr> law{l1, l2, mu};
        const impfr k = parse<impfr>(ks[i % 4]);
        const impfr V = log_cost_of_line_discriminator(law, k);
        const impfr M = gaussian_moment(law, square(k));
        const impfr f = law.density_max();
        INFO("i = " << i);
        CHECK(V.upper() <= -M.lower() + mpfr(0));                                                    // log(1−u) <= −u
        CHECK(V.lower() >= (-(zeta_half_integer(3) * sqrt_pi<impfr>() * f / k)).lower());  // lemma X.8
        const mpfr q = quad_V(midpoint(l1), midpoint(l2), midpoint(mu), midpoint(k));
        CHECK(agrees(V, q, ldexp(mpfr(1), -90)));
    }
}
