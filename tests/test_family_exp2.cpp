// The 2-D data of the model family (data=exp2, lemma F.7(f)): X = (X1, X2) with independent
// Exp(c_i) coordinates (model::TwoDimData, the counterexample's 2-D data) seen through the
// discriminator's projection w1 x1 + w2 x2. The certified J, ∂J/∂a, ∂J/∂b (erf discriminator,
// least squares) are compared with a second, independent method: a nested 2-D tanh-sinh
// quadrature in double over the two coordinates (the data term) plus a 1-D quadrature of the
// fake term, at random points including equal and nearly equal projected rates. The law's tail
// bound is checked against the numerical tail at random cut points, its CDF (indicator
// discriminator) against the 2-D probability, and a planted broken tail bound must make an
// enclosure miss the 2-D value.
#include <boost/math/quadrature/exp_sinh.hpp>
#include <boost/math/quadrature/tanh_sinh.hpp>
#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <string>

#include "gancert/family/evaluate.hpp"
#include "gancert/family/model.hpp"
#include "gancert/model/two_dim_data.hpp"
#include "gancert/quad/detail/planted_faults.hpp"

using namespace gancert;
using arith::impfr;

namespace {

struct Point {
    double c1, c2, w1, w2, a, b, g, h;
};

std::string text(double x) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6g", x);
    return buf;
}
std::string spec_text(const Point& p, const char* rest) {
    return "data=exp2(c1=" + text(p.c1) + ",c2=" + text(p.c2) + ",w1=" + text(p.w1) + ",w2=" + text(p.w2) + ") " + rest;
}
/// The decimals the spec carries, back in double (the comparison uses the same point).
Point as_written(const Point& p) {
    return {std::stod(text(p.c1)), std::stod(text(p.c2)), std::stod(text(p.w1)), std::stod(text(p.w2)),
            std::stod(text(p.a)),  std::stod(text(p.b)),  std::stod(text(p.g)),  std::stod(text(p.h))};
}

/// E[f(w1 X1 + w2 X2)] by nested tanh-sinh over u_i = c_i x_i ∈ [0, 46] (e^{−46} < 1.1e−20).
template <class F>
double two_dim_expectation(const model::TwoDimData<double>& d, double w1, double w2, F f) {
    boost::math::quadrature::tanh_sinh<double> ts;
    auto inner = [&](double u1) {
        auto g = [&](double u2) { return std::exp(-u2) * f(w1 * u1 / d.c1 + w2 * u2 / d.c2); };
        return std::exp(-u1) * ts.integrate(g, 0.0, 46.0, 1e-13);
    };
    return ts.integrate(inner, 0.0, 46.0, 1e-12);
}
/// E[f(g Z² + h)] for Z Rayleigh (Z² ~ Exp(1)).
template <class F>
double fake_expectation(double g, double h, F f) {
    boost::math::quadrature::tanh_sinh<double> ts;
    return ts.integrate([&](double v) { return std::exp(-v) * f(g * v + h); }, 0.0, 46.0, 1e-13);
}

/// J, ∂J/∂a, ∂J/∂b of the erf / least-squares model in double by the 2-D route
/// (1 − D by erfc, never by subtraction).
std::array<double, 3> reference(const Point& p) {
    const model::TwoDimData<double> d{p.c1, p.c2};
    const double isp = 1 / std::sqrt(M_PI);
    auto D = [](double t) { return std::erfc(-t) / 2; };
    auto Dc = [](double t) { return std::erfc(t) / 2; };
    auto dD = [&](double t) { return std::exp(-t * t) * isp; };
    const double J1 = two_dim_expectation(d, p.w1, p.w2, [&](double y) { return D(p.a * y + p.b) * D(p.a * y + p.b); });
    const double J1a =
        two_dim_expectation(d, p.w1, p.w2, [&](double y) { return 2 * D(p.a * y + p.b) * dD(p.a * y + p.b) * y; });
    const double J1b = two_dim_expectation(d, p.w1, p.w2, [&](double y) { return 2 * D(p.a * y + p.b) * dD(p.a * y + p.b); });
    const double J2 = fake_expectation(p.g, p.h, [&](double x) { return Dc(p.a * x + p.b) * Dc(p.a * x + p.b); });
    const double J2a = fake_expectation(p.g, p.h, [&](double x) { return -2 * Dc(p.a * x + p.b) * dD(p.a * x + p.b) * x; });
    const double J2b = fake_expectation(p.g, p.h, [&](double x) { return -2 * Dc(p.a * x + p.b) * dD(p.a * x + p.b); });
    return {J1 + J2, J1a + J2a, J1b + J2b};
}

bool near(const impfr& e, double ref, double tol) {
    const double lo = arith::to_double(e.lower()), hi = arith::to_double(e.upper());
    const double slack = tol * std::max(1.0, std::fabs(ref));
    return lo - slack <= ref && ref <= hi + slack;
}

}  // namespace

TEST_CASE("exp2 data: certified J and its discriminator partials agree with a 2-D quadrature", "[family][exp2]") {
    std::mt19937 rng(20261207);
    std::uniform_real_distribution<double> uc(0.3, 3), uw(0.3, 2), ua(0.3, 2.5), ub(-2, 2), ug(0.3, 2), uh(-1.5, 1.5);
    std::vector<Point> pts;
    for (int i = 0; i < 4; ++i) pts.push_back({uc(rng), uc(rng), uw(rng), uw(rng), ua(rng), ub(rng), ug(rng), uh(rng)});
    pts.push_back({1, 2, 1, 2, 1.1, -0.4, 0.9, 0.3});          // equal projected rates: Gamma(2, 1)
    pts.push_back({1, 2.0001, 1, 2, 0.8, 0.6, 1.3, -0.7});     // nearly equal rates
    pts.push_back({2.5, 0.4, 1.5, 0.5, 2.2, -3, 1.5, -2});     // the second rate the smaller
    for (const Point& raw : pts) {
        const Point p = as_written(raw);
        const std::string spec = spec_text(raw, "latent=rayleigh gen=square disc=erf cost=ls");
        INFO(spec << " | a=" << text(p.a) << " b=" << text(p.b) << " g=" << text(p.g) << " h=" << text(p.h));
        const auto fam = family::evaluate_certified(family::parse_model(spec), {text(p.a), text(p.b), text(p.g), text(p.h)}, 15);
        REQUIRE(fam.report.status == family::FamilyStatus::ok);
        const auto ref = reference(p);
        CHECK(near(fam.report.eval.J.v, ref[0], 1e-10));
        CHECK(near(fam.report.eval.J.g[0], ref[1], 1e-10));
        CHECK(near(fam.report.eval.J.g[1], ref[2], 1e-10));
    }
}

TEST_CASE("exp2 data: symmetric in its two coordinates; the tail bound holds; a broken bound misses", "[family][exp2][soundness]") {
    // swapping the coordinates (c1, w1) <-> (c2, w2) describes the same law
    const std::array<std::string, 4> theta{"1.3", "-0.8", "1.1", "-0.4"};
    const auto one = family::evaluate_certified(
        family::parse_model("data=exp2(c1=0.5,c2=1.5,w1=0.8,w2=1.2) latent=rayleigh gen=square disc=erf cost=ls"), theta, 20);
    const auto two = family::evaluate_certified(
        family::parse_model("data=exp2(c1=1.5,c2=0.5,w1=1.2,w2=0.8) latent=rayleigh gen=square disc=erf cost=ls"), theta, 20);
    for (std::size_t q = 0; q < model::quantity_count; ++q) {
        const impfr &x = one.report.eval.quantity(q), &y = two.report.eval.quantity(q);
        CHECK(!(x.upper() < y.lower() || y.upper() < x.lower()));
    }

    // F.7(f): the tail moment bound is at least the numerical tail ∫_T^∞ p(y)(1 + y)^k dy
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> uc(0.3, 3), uw(0.3, 2), uT(0.5, 30);
    boost::math::quadrature::exp_sinh<double> es;
    arith::precision_guard guard(80);
    for (int i = 0; i < 12; ++i) {
        Point p{uc(rng), uc(rng), uw(rng), uw(rng), 1, 0, 1, 0};
        if (i == 0) p.c1 = 1, p.c2 = 2, p.w1 = 1, p.w2 = 2;  // equal rates
        const Point q = as_written(p);
        const auto m = family::make_model<impfr>(family::parse_model(spec_text(p, "latent=rayleigh gen=square disc=erf cost=ls")));
        const auto& law = std::get<family::ProjectedExp2<impfr>>(m.data);
        const double l1 = q.c1 / q.w1, l2 = q.c2 / q.w2;
        auto dens = [&](double y) {
            return std::fabs(l1 - l2) < 1e-12 ? l1 * l1 * y * std::exp(-l1 * y)
                                              : l1 * l2 * (std::exp(-l1 * y) - std::exp(-l2 * y)) / (l2 - l1);
        };
        const double T = uT(rng);
        for (int k = 0; k <= 4; ++k) {
            const double far = 1500 / std::min(l1, l2);  // e^{−1500}: nothing left beyond
            const double tail = es.integrate(
                [&](double t) { return t > far ? 0.0 : dens(T + t) * std::pow(1 + T + t, k); }, 1e-14);
            const double bound = arith::to_double(law.tail_moment(k, family::Core{0.0, T}).upper());
            INFO("c1=" << q.c1 << " c2=" << q.c2 << " w1=" << q.w1 << " w2=" << q.w2 << " T=" << T << " k=" << k);
            CHECK(tail <= bound * (1 + 1e-9) + 1e-300);
        }
        for (double y : {0.01, 0.5, 2.0, 7.0}) CHECK(near(law.density(impfr(arith::parse<impfr>(text(y)))), dens(y), 1e-12));
    }

    // the indicator's CDF route: J1 = P(l <= Y <= r) against the 2-D probability
    {
        const Point p{0.7, 1.9, 1.1, 0.6, 0, 0, 0, 0};
        const std::string spec = spec_text(p, "latent=uniform gen=affine disc=indicator cost=ls");
        const auto e = family::evaluate_certified(family::parse_model(spec), {"0.4", "2.5", "1.1", "-0.2"}, 15);
        REQUIRE(e.report.status == family::FamilyStatus::ok);
        const Point q = as_written(p);
        // P = ∫ c1 e^{−c1 x1} [F2((r − w1 x1)/w2) − F2((l − w1 x1)/w2)] dx1, F2 the CDF of X2:
        // continuous in x1, kinks at x1 = l/w1 and r/w1 (the pieces' ends)
        auto F2 = [&](double x) { return x <= 0 ? 0.0 : -std::expm1(-q.c2 * x); };
        auto f = [&](double x1) {
            return q.c1 * std::exp(-q.c1 * x1) * (F2((2.5 - q.w1 * x1) / q.w2) - F2((0.4 - q.w1 * x1) / q.w2));
        };
        boost::math::quadrature::tanh_sinh<double> ts;
        const double P = ts.integrate(f, 0.0, 0.4 / q.w1, 1e-14) + ts.integrate(f, 0.4 / q.w1, 2.5 / q.w1, 1e-14);
        CHECK(near(e.report.eval.J1, P, 1e-11));
    }

    // planted bug: the tail bound divided by 1e40 truncates the data term far too early
    const Point p = as_written({0.5, 1.5, 1, 1, 1.3, -0.8, 1.1, -0.4});
    const auto ref = reference(p);
    family::FamilyCertified bad;
    {
        quad::detail::planted_fault_scope fault({1.0, 1e-40});
        bad = family::evaluate_certified(family::parse_model(spec_text(p, "latent=rayleigh gen=square disc=erf cost=ls")),
                                         {text(p.a), text(p.b), text(p.g), text(p.h)}, 20);
    }
    CHECK_FALSE(near(bad.report.eval.J.v, ref[0], 1e-10));
}
