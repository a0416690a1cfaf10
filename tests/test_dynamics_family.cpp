// Gradient play and SGD for models of the family (dynamics/family_play.hpp, family_sgd.hpp):
// the family's per-sample gradient against the paper's hand-written one, unbiasedness against
// the certified family evaluation, a planted broken evaluator that the certified update must
// reject, the indicator's SGD refusal and the spec's validation. The trajectories themselves are
// compared with an independent mpmath gradient play in tests/cli/family_trajectory.sh.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "gancert/arith/errors.hpp"
#include "gancert/arith/precision.hpp"
#include "gancert/dynamics/family_sgd.hpp"
#include "gancert/family/evaluate.hpp"

using namespace gancert;

namespace {

/// Samples of a law of the spec, drawn here independently of family_sgd.cpp's sampler.
std::vector<double> draw(const family::Component& c, std::size_t n, std::mt19937_64& eng) {
    auto v = [&](const char* name) { return std::stod(c.param(name)); };
    std::vector<double> out(n);
    std::uniform_real_distribution<double> u01(0, 1);
    for (auto& x : out) {
        if (c.kind == "exp") x = -std::log(1 - u01(eng)) / v("c");
        else if (c.kind == "rayleigh") x = std::sqrt(-std::log(1 - u01(eng)));
        else if (c.kind == "uniform") x = u01(eng);
        else if (c.kind == "gaussian") x = std::normal_distribution<double>(v("mu"), v("sigma"))(eng);
        else x = u01(eng) < v("w") ? std::normal_distribution<double>(v("mu1"), v("s1"))(eng)
                                   : std::normal_distribution<double>(v("mu2"), v("s2"))(eng);
    }
    return out;
}

}  // namespace

TEST_CASE("family SGD: the paper composition's sample gradient is the paper's", "[dynamics][family][sgd]") {
    const auto spec = family::paper_model("0.5");
    std::mt19937_64 eng(7);
    const auto x = draw(spec.data, 5000, eng), z = draw(spec.latent, 5000, eng);
    for (const model::Params<double>& p : {model::Params<double>{2.2, -3, 1.5, -2, 0.5},
                                            model::Params<double>{0.8, 0.5, 1.1, -0.7, 0.5}}) {
        const auto fam = dynamics::family_sample_gradient(spec, p, x, z);
        const auto paper = dynamics::sample_gradient(p, x, z);  // written out for erf / least squares
        for (std::size_t i = 0; i < 4; ++i) {
            INFO("coordinate " << i << ": family " << fam[i] << " paper " << paper[i]);
            CHECK(std::abs(fam[i] - paper[i]) <= 1e-12 * std::abs(paper[i]) + 1e-15);
        }
    }
}

TEST_CASE("family SGD: the sample gradient is an unbiased estimate of the certified ∇J (5 standard errors)",
          "[dynamics][family][sgd]") {
    struct Case {
        const char* spec;
        std::array<std::string, 4> theta;
    };
    for (const Case& c : {Case{"data=exp(c=0.5) latent=rayleigh gen=square disc=logistic cost=ls", {"2", "1.5", "1.2", "-0.5"}},
                          Case{"data=gaussian(mu=1,sigma=0.5) latent=gaussian gen=affine disc=erf cost=log",
                               {"0.7", "0.3", "0.6", "0.4"}},
                          Case{"data=mixture(w=0.3,mu1=-1,s1=0.5,mu2=2,s2=1) latent=uniform gen=affine disc=logistic "
                               "cost=nonsat",
                               {"0.9", "0.4", "2.5", "-0.7"}}}) {
        const auto spec = family::parse_model(c.spec);
        const auto cert = family::evaluate_certified(spec, c.theta, 12);
        REQUIRE(cert.report.status == family::FamilyStatus::ok);
        const model::Params<double> p{std::stod(c.theta[0]), std::stod(c.theta[1]), std::stod(c.theta[2]),
                                      std::stod(c.theta[3]), 0};
        std::mt19937_64 eng(20261206);
        constexpr int batches = 20;
        std::array<double, 4> sum{}, sumsq{};
        for (int b = 0; b < batches; ++b) {
            const auto x = draw(spec.data, 20000, eng), z = draw(spec.latent, 20000, eng);
            const auto g = dynamics::family_sample_gradient(spec, p, x, z);
            for (std::size_t i = 0; i < 4; ++i) sum[i] += g[i], sumsq[i] += g[i] * g[i];
        }
        for (std::size_t i = 0; i < 4; ++i) {
            const double mean = sum[i] / batches;
            const double var = (sumsq[i] - batches * mean * mean) / (batches - 1);
            const double se = std::sqrt(std::max(var, 0.0) / batches);
            const double exact = arith::to_double(cert.report.eval.J.g[i]);
            INFO(c.spec << " coordinate " << i << ": mean " << mean << " exact " << exact << " se " << se);
            CHECK(std::abs(mean - exact) <= 5 * se + 1e-12);
            CHECK(se > 0);
        }
    }
}

TEST_CASE("family SGD refuses the indicator discriminator, naming samples", "[dynamics][family][sgd]") {
    dynamics::FamilyTrajectorySpec s{family::parse_model("data=exp(c=1.5) latent=rayleigh gen=square disc=indicator cost=ls"),
                                     {"0.3", "2", "1.1", "-0.2"}, "0.4", 3, 4};
    try {
        (void)dynamics::stochastic_play(s, {100, 2, 1});
        FAIL("no exception");
    } catch (const arith::bad_parameter& e) {
        CHECK(e.parameter() == "samples");
    }
}

TEST_CASE("family trajectory spec: bad input names the parameter", "[dynamics][family]") {
    const auto m = family::parse_model("data=exp(c=0.5) latent=rayleigh gen=square disc=logistic cost=ls");
    auto name_of = [&](dynamics::FamilyTrajectorySpec s) {
        try {
            dynamics::validate(s);
        } catch (const arith::bad_parameter& e) {
            return e.parameter();
        }
        return std::string("(accepted)");
    };
    CHECK(name_of({m, {"2", "1.5", "1.2", "-0.5"}, "0.4", 3, 4}) == "(accepted)");
    CHECK(name_of({m, {"-2", "1.5", "1.2", "-0.5"}, "0.4", 3, 4}) == "a");
    CHECK(name_of({m, {"2", "1.5", "-1", "-0.5"}, "0.4", 3, 4}) == "g");
    CHECK(name_of({m, {"2", "1.5", "1.2", "x"}, "0.4", 3, 4}) == "h");
    CHECK(name_of({m, {"2", "1.5", "1.2", "-0.5"}, "-0.4", 3, 4}) == "step_size");
    CHECK(name_of({m, {"2", "1.5", "1.2", "-0.5"}, "0.4", 0, 4}) == "steps");
    CHECK(name_of({m, {"2", "1.5", "1.2", "-0.5"}, "0.4", 3, 3}) == "dims");
}

TEST_CASE("certified family play: a planted wrong gradient at the midpoint is a soundness error",
          "[dynamics][family][soundness]") {
    // The update intersects the naive (D1) and mean-value (D2) enclosures; an evaluator whose
    // midpoint gradient is off by 1e-3 (far beyond the boxes' widths) makes them disjoint.
    const auto spec = family::parse_model("data=gaussian(mu=1,sigma=0.5) latent=gaussian gen=affine disc=erf cost=log");
    arith::precision_guard guard(96);
    using I = arith::impfr;
    auto pt = [](double x) { return arith::make_interval(arith::mpfr(x), arith::mpfr(x)); };
    const model::Params<I> start{pt(0.7), pt(0.3), pt(0.6), pt(0.4), pt(0)};
    const family::Model<I> m = family::make_model<I>(spec);
    auto honest = [&](const model::Params<I>& p) { return family::evaluate(m, {p.a, p.b, p.g, p.h}).eval; };
    const auto ok = dynamics::certified_gradient_play_from(start, pt(0.4), 2, {true, true, true, true}, honest);
    REQUIRE(ok.size() == 2);
    auto planted = [&](const model::Params<I>& p) {
        auto e = honest(p);
        if (arith::width_up(p.a) == 0) e.J.g[1] = e.J.g[1] + pt(1e-3);  // the midpoint evaluation only
        return e;
    };
    // the start box is thin too, so the first evaluation is shifted as well: start from a box
    const model::Params<I> box{arith::make_interval(arith::mpfr(0.7 - 1e-10), arith::mpfr(0.7 + 1e-10)), pt(0.3),
                               pt(0.6), pt(0.4), pt(0)};
    CHECK_THROWS_AS(dynamics::certified_gradient_play_from(box, pt(0.4), 2, {true, true, true, true}, planted),
                    arith::soundness_error);
}
