// The 2-D model and the line discriminator: J(D_k, G) from the certified closed form (through the
// law of ℓ̂_G(X), lemma X.1–X.2) vs a direct nested 2-D quadrature of E[D_k(X)²] + E[(1 − D_k(G(Z)))²]
// in double (a second, independent method); D_k vanishes on the generator's ray; the matching
// generator gives ℓ̂ = c1 x1 − c2 x2 and L ~ Laplace(0, 1).
#include <boost/math/quadrature/tanh_sinh.hpp>
#include <catch2/catch.hpp>
#include <random>

#include "gancert/counterexample/gaussian_moment.hpp"
#include "gancert/counterexample/line_law.hpp"
#include "gancert/model/line_discriminator.hpp"

using namespace gancert;
using arith::impfr;
using arith::mpfr;

namespace {
/// E[D_k(X)²] by nested tanh-sinh over u_i = c_i x_i ∈ [0, 46] (e^{−46} < 1.1e−20).
double two_dim_ED2(const model::TwoDimData<double>& d, const model::TwoDimGenerator<double>& g, double k) {
    const auto D = model::line_discriminator(d, g, k);
    boost::math::quadrature::tanh_sinh<double> ts;
    auto inner = [&](double u1) {
        auto f = [&](double u2) {
            const double v = D(u1 / d.c1, u2 / d.c2);
            return std::exp(-u2) * v * v;
        };
        return std::exp(-u1) * ts.integrate(f, 0.0, 46.0, 1e-13);
    };
    return ts.integrate(inner, 0.0, 46.0, 1e-12);
}
}  // namespace

TEST_CASE("J(D_k, G): closed form through the law of L vs direct 2-D quadrature", "[counterexample][2d]") {
    arith::precision_guard guard(128);
    struct Case {
        const char *c1, *c2, *g1, *g2, *h1, *h2, *k;
    };
    const Case cases[] = {
        {"0.5", "2", "3", "0.35", "-2", "-1", "1"},  // G2 of the check (θ = (1.5, 0.7), η = (−1, −2))
        {"0.5", "2", "2", "1", "0", "0.5", "2"},     // G4 (θ = (1, 2), η = (0, 1))
        {"1.25", "0.75", "0.4", "2.5", "0.3", "-0.2", "1"},
    };
    for (const Case& c : cases) {
        const model::DecimalTwoDimData dd{c.c1, c.c2};
        const auto di = model::to_scalar<impfr>(dd);
        const model::TwoDimGenerator<impfr> gi{arith::parse<impfr>(c.g1), arith::parse<impfr>(c.g2),
                                               arith::parse<impfr>(c.h1), arith::parse<impfr>(c.h2)};
        const impfr k = arith::parse<impfr>(c.k);
        const impfr J = counterexample::ls_cost_of_line_discriminator(counterexample::line_law(di, gi), k);
        const auto dd_ = model::to_scalar<double>(dd);
        const model::TwoDimGenerator<double> gd{std::stod(c.g1), std::stod(c.g2), std::stod(c.h1), std::stod(c.h2)};
        const double quad = two_dim_ED2(dd_, gd, std::stod(c.k)) + 1.0;  // + E(1 − D_k(G(Z)))² = 1
        INFO("c = (" << c.c1 << ", " << c.c2 << "), g = (" << c.g1 << ", " << c.g2 << "), h = (" << c.h1 << ", "
                     << c.h2 << "), k = " << c.k << ": certified " << arith::to_double(J) << ", 2-D quadrature " << quad);
        CHECK(std::abs(quad - arith::to_double(J)) < 1e-9);
    }
}

TEST_CASE("D_k vanishes on the generator's ray; matching case is c1 x1 - c2 x2 with Laplace(0,1)", "[counterexample][2d]") {
    arith::precision_guard guard(200);
    const auto d = model::to_scalar<impfr>(model::DecimalTwoDimData{"0.5", "2"});
    const auto g = model::relative_generator(d, arith::parse<impfr>("1.5"), arith::parse<impfr>("0.7"),
                                             arith::parse<impfr>("-1"), arith::parse<impfr>("-2"));
    const auto D = model::line_discriminator(d, g, arith::parse<impfr>("1000"));
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> zdist(0.0, 5.0);
    for (int i = 0; i < 50; ++i) {
        const impfr z(zdist(rng));
        const impfr u = arith::square(z);
        const impfr v = D(g.g1 * u + g.h1, g.g2 * u + g.h2);
        CHECK(arith::contains(v, mpfr(0)));
        CHECK(arith::mag(v) < mpfr(1e-50));
    }
    // A point off the ray is not annihilated.
    CHECK(D(arith::integer<impfr>(1), arith::integer<impfr>(1)).lower() > 0);
    const auto m = model::marginal_matching_generator(d);
    const auto Dm = model::line_discriminator(d, m, arith::integer<impfr>(1));
    CHECK(arith::contains(Dm.w1, mpfr(0.5)));
    CHECK(arith::contains(Dm.w2, mpfr(2)));
    CHECK(arith::contains(Dm.offset, mpfr(0)));
    const auto law = counterexample::line_law(d, m);
    CHECK(arith::contains(law.lambda1, mpfr(1)));
    CHECK(arith::contains(law.lambda2, mpfr(1)));
    CHECK(arith::contains(law.mu, mpfr(0)));
    CHECK(arith::contains(law.density_max(), mpfr(0.5)));
    // f_max = 1/2 for every generator (the normaliser κ), here G2:
    CHECK(arith::contains(counterexample::line_law(d, g).density_max(), mpfr(0.5)));
}
