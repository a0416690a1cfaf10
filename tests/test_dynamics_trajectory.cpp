// Gradient play (issue 4): the double trajectory against independent recomputations, the update
// rule against reference gradients, plateau detection and the KL score.
#include <catch2/catch.hpp>

#include <boost/math/quadrature/exp_sinh.hpp>
#include <cmath>
#include <limits>

#include "gancert/dynamics/gradient_play.hpp"
#include "gancert/dynamics/plateau.hpp"
#include "gancert/dynamics/play.hpp"
#include "gancert/dynamics/spec.hpp"
#include "support/quadrature_evaluator.hpp"

using namespace gancert;
using dynamics::PaperCase;

namespace {
const std::pair<PaperCase, int> paper_runs[] = {
    {PaperCase::A, 2}, {PaperCase::A, 4}, {PaperCase::B, 2}, {PaperCase::B, 4}};

std::string run_name(PaperCase c, int d) {
    return std::string(c == PaperCase::A ? "A" : "B") + " " + std::to_string(d) + "-D";
}
}  // namespace

TEST_CASE("double trajectory = 100-digit MPFR trajectory to 1e-10 at every iterate (four paper runs)",
          "[dynamics]") {
    const unsigned bits = arith::bits_for_digits(100);
    for (auto [c, d] : paper_runs) {
        INFO(run_name(c, d));
        const auto spec = dynamics::paper_run(c, d);
        const auto dbl = dynamics::play_double(spec);
        const auto hp = dynamics::play_mpfr(spec, bits);
        REQUIRE(dbl.size() == 250);
        REQUIRE(hp.size() == 250);
        double worst = 0;
        for (std::size_t k = 0; k < dbl.size(); ++k) {
            for (std::size_t i = 0; i < 4; ++i)
                worst = std::max(worst, std::abs(dynamics::coordinate(dbl[k].p, i) -
                                                 arith::to_double(dynamics::coordinate(hp[k].p, i))));
            worst = std::max(worst, std::abs(dbl[k].e.J.v - arith::to_double(hp[k].e.J.v)));
        }
        INFO("max deviation " << worst);
        CHECK(worst <= 1e-10);
    }
}

TEST_CASE("double trajectory = trajectory driven by an independent quadrature evaluator (1e-10)",
          "[dynamics]") {
    // Same update rule, gradients from Boost.Math double-exponential quadrature of the §2.1
    // integrals instead of the library's evaluator.
    auto quad = [](const model::Params<double>& p) { return testsupport::quadrature_evaluate<double>(p); };
    for (auto [c, d] : paper_runs) {
        INFO(run_name(c, d));
        const auto spec = dynamics::paper_run(c, d);
        const auto lib = dynamics::play_double(spec);
        const auto ind = dynamics::gradient_play<double>(spec, quad);
        double worst = 0, worst_grad = 0;
        for (std::size_t k = 0; k < lib.size(); ++k) {
            for (std::size_t i = 0; i < 4; ++i) {
                worst = std::max(worst, std::abs(dynamics::coordinate(lib[k].p, i) -
                                                 dynamics::coordinate(ind[k].p, i)));
                worst_grad = std::max(worst_grad, std::abs(lib[k].e.J.g[i] - ind[k].e.J.g[i]));
            }
            worst = std::max(worst, std::abs(lib[k].e.J1 - ind[k].e.J1));
            worst = std::max(worst, std::abs(lib[k].e.J2 - ind[k].e.J2));
        }
        INFO("max parameter/cost deviation " << worst << ", gradient " << worst_grad);
        CHECK(worst <= 1e-10);
        CHECK(worst_grad <= 1e-10);
    }
}

TEST_CASE("first update of Case A equals θ0 + 0.4 s∘∇J with the mpmath reference gradient", "[dynamics]") {
    // the paper's analysis §2 smoke reference (30 digits, mpmath, independent of this library).
    const double grad[4] = {0.118036758106836623968397103205, 0.0689963201534647683202187817417,
                            -0.169631011369941565128382231, -0.081169201335544624724253130446};
    const double start[4] = {2.2, -3, 1.5, -2};
    for (int d : {2, 4}) {
        auto spec = dynamics::paper_run(PaperCase::A, d);
        spec.iterates = 2;
        const auto tr = dynamics::play_double(spec);
        REQUIRE(tr.size() == 2);
        const auto moving = dynamics::moving_coordinates(d);
        double norm2 = 0;
        for (std::size_t i = 0; i < 4; ++i) {
            const double expect = start[i] + (moving[i] ? 0.4 * dynamics::play_sign[i] * grad[i] : 0.0);
            CHECK(dynamics::coordinate(tr[1].p, i) == Approx(expect).margin(1e-15));
            if (moving[i]) norm2 += grad[i] * grad[i];
        }
        CHECK(tr[0].gnorm == Approx(std::sqrt(norm2)).margin(1e-15));
        CHECK(tr[0].e.J.v == Approx(0.465922211468331744468596999 + 0.878246197996683062913620179492).margin(1e-15));
    }
    auto one = dynamics::paper_run(PaperCase::B, 2);
    one.iterates = 1;
    const auto tr = dynamics::play_double(one);
    REQUIRE(tr.size() == 1);
    CHECK(tr[0].p.b == -1.0);
}

TEST_CASE("plateau detection", "[dynamics]") {
    const dynamics::PlateauCriterion crit{1e-2, 1e-2};
    SECTION("synthetic sequences: both conditions are needed") {
        const std::vector<double> J{1.5, 1.2, 1.005, 1.001, 0.999};
        const std::vector<double> G{0.5, 0.001, 0.02, 0.001, 0.0};
        auto k = dynamics::first_plateau(J, G, crit);
        REQUIRE(k);
        CHECK(*k == 3);
        CHECK_FALSE(dynamics::first_plateau(std::vector<double>{1.5, 1.2}, std::vector<double>{0.001, 0.5}, crit));
    }
    SECTION("interval criterion holds only for the whole enclosure") {
        arith::precision_guard g(128);
        using arith::impfr;
        const impfr small(arith::mpfr(0), arith::mpfr(0.005));
        CHECK(dynamics::on_plateau(impfr(arith::mpfr(0.995), arith::mpfr(1.009)), small, crit));
        CHECK_FALSE(dynamics::on_plateau(impfr(arith::mpfr(0.995), arith::mpfr(1.011)), small, crit));
        CHECK_FALSE(dynamics::on_plateau(impfr(arith::mpfr(1), arith::mpfr(1)),
                                         impfr(arith::mpfr(0.005), arith::mpfr(0.0101)), crit));
    }
    SECTION("a saturated start is on the plateau at k = 0; the paper starts are not") {
        // b = 8: D ≈ 1 on the data and on the generator's output (a, g > 0, h = 0): J ≈ 1, ∇J ≈ 0.
        dynamics::TrajectorySpec s;
        s.start = {"1", "8", "1", "0", "1"};
        s.iterates = 3;
        const auto tr = dynamics::play_double(s);
        std::vector<double> J, G;
        for (auto& it : tr) J.push_back(it.e.J.v), G.push_back(it.gnorm);
        auto k = dynamics::first_plateau(J, G, crit);
        REQUIRE(k);
        CHECK(*k == 0);
        for (auto [c, d] : paper_runs) {
            auto p = dynamics::paper_run(c, d);
            p.iterates = 1;
            const auto t = dynamics::play_double(p);
            CHECK_FALSE(dynamics::on_plateau(t[0].e.J.v, t[0].gnorm, crit));
        }
    }
}

TEST_CASE("KL(p_data||p_g) matches a direct quadrature of the divergence", "[dynamics]") {
    // KL = ∫_0^∞ c e^{−cx} log(c e^{−cx} / p_g(x)) dx, p_g(x) = e^{−(x−h)/g}/g on x ≥ h (h ≤ 0).
    struct P { double g, h, c; };
    for (P q : {P{1.5, -2, 0.5}, P{0.35, -4, 4.04}, P{2.0, 0.0, 0.5}, P{0.7, -0.3, 3.0}}) {
        boost::math::quadrature::exp_sinh<double> es;
        auto f = [&](double x) {
            const double pd = q.c * std::exp(-q.c * x);
            const double log_pg = -(x - q.h) / q.g - std::log(q.g);
            return pd * (std::log(q.c) - q.c * x - log_pg);
        };
        const double kl_quad = es.integrate(f);
        const auto kl = dynamics::kl_data_to_generator(model::Params<double>{1, 0, q.g, q.h, q.c});
        REQUIRE(kl);
        CHECK(*kl == Approx(kl_quad).epsilon(1e-12).margin(1e-14));
    }
    auto inf = dynamics::kl_data_to_generator(model::Params<double>{1, 0, 1.5, 0.25, 0.5});
    REQUIRE(inf);
    CHECK(std::isinf(*inf));
    arith::precision_guard g(128);
    using arith::impfr;
    model::Params<impfr> straddle{impfr(1), impfr(0), impfr(1), impfr(arith::mpfr(-0.1), arith::mpfr(0.1)), impfr(1)};
    CHECK_FALSE(dynamics::kl_data_to_generator(straddle));
}

TEST_CASE("bad specs are rejected naming the argument", "[dynamics]") {
    auto base = dynamics::paper_run(PaperCase::A, 2);
    auto expect_bad = [](dynamics::TrajectorySpec s, const std::string& name) {
        try {
            dynamics::validate(s);
            FAIL("accepted a bad spec (" << name << ")");
        } catch (const arith::bad_parameter& e) {  // the parameter's name; the CLI adds "--"
            CHECK(e.parameter() == name);
            CHECK_THAT(e.what(), Catch::StartsWith(name + ": "));
        }
    };
    auto s = base; s.step = "0"; expect_bad(s, "step_size");
    s = base; s.step = "-0.4"; expect_bad(s, "step_size");
    s = base; s.step = "0.4x"; expect_bad(s, "step_size");
    s = base; s.iterates = 0; expect_bad(s, "steps");
    s = base; s.dims = 3; expect_bad(s, "dims");
    s = base; s.start.c = "0"; expect_bad(s, "c");
    CHECK_THROWS_AS(dynamics::parse_case("C"), arith::bad_input);
}
