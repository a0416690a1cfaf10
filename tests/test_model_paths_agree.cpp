// The closed-form path (Owen's T) and the integral path (validated quadrature) are independent
// computations of the same 17 numbers; their enclosures must intersect everywhere, and their
// double versions must agree. proofs/lemmas.md §Q–3.3, issue 3 ("tests require the two paths to agree").
#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <sstream>

#include "gancert/model/closed_form.hpp"
#include "gancert/model/integral_path.hpp"

using namespace gancert;
using arith::impfr;

namespace {

/// A random decimal with 3 significant digits in [lo, hi] (an exact decimal string).
std::string random_decimal(std::mt19937_64& rng, double lo, double hi) {
    std::uniform_real_distribution<double> u(lo, hi);
    std::ostringstream s;
    s.precision(3);
    s << u(rng);
    return s.str();
}

model::DecimalParams random_point(std::mt19937_64& rng) {
    return {random_decimal(rng, 0.1, 10), random_decimal(rng, -8, 8), random_decimal(rng, 0.02, 6),
            random_decimal(rng, -8, 6), random_decimal(rng, 0.02, 10)};
}

std::string describe(const model::DecimalParams& p) {
    return "a=" + p.a + " b=" + p.b + " g=" + p.g + " h=" + p.h + " c=" + p.c;
}

template <class F>
void for_each_quantity(const model::Evaluation<impfr>& x, const model::Evaluation<impfr>& y, F&& f) {
    f(x.J1, y.J1, "J1");
    f(x.J2, y.J2, "J2");
    f(x.J.v, y.J.v, "J");
    for (std::size_t i = 0; i < 4; ++i) f(x.J.g[i], y.J.g[i], "grad");
    for (std::size_t i = 0; i < x.J.h.size(); ++i) f(x.J.h[i], y.J.h[i], "hess");
}

}  // namespace

TEST_CASE("closed form and integral path enclosures intersect at random points", "[model][paths]") {
    std::mt19937_64 rng(20261122);
    int compared = 0;
    for (int n = 0; n < 40; ++n) {
        auto p = random_point(rng);
        arith::precision_guard guard(160);
        auto params = model::to_scalar<impfr>(p);
        auto cf = model::evaluate_closed_form(params);
        if (!cf) continue;  // the closed form may decline (undecidable branch, huge E)
        auto ip = model::evaluate_integral(params);
        ++compared;
        for_each_quantity(*cf, ip, [&](const impfr& x, const impfr& y, const char* what) {
            INFO(describe(p) << " " << what);
            CHECK(!(x.upper() < y.lower()));
            CHECK(!(y.upper() < x.lower()));
        });
    }
    CHECK(compared >= 25);
}

TEST_CASE("a deliberately shifted enclosure is caught by the agreement check", "[model][paths]") {
    // Soundness of the check itself: shifting one path's J by a relative 1e−20 (far more than
    // both widths at 160 bits) must make the enclosures disjoint.
    arith::precision_guard guard(160);
    auto params = model::to_scalar<impfr>({"2.2", "-3", "1.5", "-2", "0.5"});
    auto cf = model::evaluate_closed_form(params);
    REQUIRE(cf);
    auto ip = model::evaluate_integral(params);
    impfr shifted = cf->J.v * (impfr(1) + impfr(1) / arith::pow(impfr(10), 20));
    CHECK(!(ip.J.v.upper() < cf->J.v.lower() || cf->J.v.upper() < ip.J.v.lower()));
    CHECK((ip.J.v.upper() < shifted.lower() || shifted.upper() < ip.J.v.lower()));
}

TEST_CASE("double closed form and double integral path agree where the closed form answers", "[model][paths]") {
    std::mt19937_64 rng(7);
    int compared = 0;
    for (int n = 0; n < 300; ++n) {
        auto p = random_point(rng);
        auto params = model::to_scalar<double>(p);
        auto cf = model::evaluate_closed_form(params);
        if (!cf) continue;
        auto ip = model::evaluate_integral(params);
        ++compared;
        auto close = [&](double x, double y, const char* what) {
            INFO(describe(p) << " " << what << " closed " << x << " integral " << y);
            CHECK(std::fabs(x - y) <= 2e-14 * std::fabs(y) + 2e-16);
        };
        close(cf->J1, ip.J1, "J1");
        close(cf->J2, ip.J2, "J2");
        for (std::size_t i = 0; i < 4; ++i) close(cf->J.g[i], ip.J.g[i], "grad");
        for (std::size_t i = 0; i < ip.J.h.size(); ++i) close(cf->J.h[i], ip.J.h[i], "hess");
    }
    CHECK(compared >= 50);
}
