// Stochastic gradient play for a model of the family (dynamics/family_sgd.hpp).
#include "gancert/dynamics/family_sgd.hpp"

#include <cmath>
#include <random>
#include <variant>

#include "gancert/arith/decimal.hpp"
#include "gancert/arith/errors.hpp"
#include "gancert/arith/functions.hpp"
#include "gancert/family/model.hpp"

namespace gancert::dynamics {
namespace {

constexpr double inv_sqrt_pi = 0.56418958354775628694807945156077;

double param(const family::Component& c, const char* name) { return arith::parse<double>(c.param(name), name); }

/// Draws from one law of the spec (data or latent) in double.
class Sampler {
public:
    explicit Sampler(const family::Component& c) : kind_(c.kind) {
        if (kind_ == "exp") rate_ = param(c, "c");
        if (kind_ == "exp2") rate_ = param(c, "c1"), rate2_ = param(c, "c2"), pw1_ = param(c, "w1"), pw2_ = param(c, "w2");
        if (kind_ == "gaussian") mu1_ = param(c, "mu"), s1_ = param(c, "sigma");
        if (kind_ == "mixture")
            w_ = param(c, "w"), mu1_ = param(c, "mu1"), s1_ = param(c, "s1"), mu2_ = param(c, "mu2"),
            s2_ = param(c, "s2");
    }
    template <class Engine>
    double operator()(Engine& e) const {
        if (kind_ == "exp") return std::exponential_distribution<double>(rate_)(e);
        if (kind_ == "exp2") {  // the projection w1 X1 + w2 X2 of the two independent coordinates
            const double x1 = std::exponential_distribution<double>(rate_)(e);
            return pw1_ * x1 + pw2_ * std::exponential_distribution<double>(rate2_)(e);
        }
        if (kind_ == "rayleigh") return std::sqrt(std::exponential_distribution<double>(1.0)(e));  // Z² ~ Exp(1)
        if (kind_ == "uniform") return std::uniform_real_distribution<double>(0.0, 1.0)(e);
        if (kind_ == "gaussian") return std::normal_distribution<double>(mu1_, s1_)(e);
        // mixture: the component first (probability w for the first), then its normal law
        const bool first = std::uniform_real_distribution<double>(0.0, 1.0)(e) < w_;
        return first ? std::normal_distribution<double>(mu1_, s1_)(e) : std::normal_distribution<double>(mu2_, s2_)(e);
    }

private:
    std::string kind_;
    double rate_ = 1, rate2_ = 1, pw1_ = 1, pw2_ = 1, w_ = 0, mu1_ = 0, s1_ = 1, mu2_ = 0, s2_ = 1;
};

/// The per-sample derivative of one cost term: h'(ρ t)·ρ, h = sign·φ∘σ.
struct TermSlope {
    family::CostTerm term;
    bool logistic = false;
    double operator()(double t) const {
        const double u = term.reflect ? -t : t;
        double hp;  // h'(u)
        if (term.phi == family::Phi::square) {
            const double s = logistic ? 1 / (1 + std::exp(-u)) : std::erfc(-u) / 2;
            const double ds = logistic ? s / (1 + std::exp(u)) : std::exp(-u * u) * inv_sqrt_pi;
            hp = 2 * s * ds;
        } else {  // σ'/σ without underflow
            hp = logistic ? 1 / (1 + std::exp(u)) : 2 * inv_sqrt_pi / arith::erfcx(-u);
        }
        hp *= term.sign;
        return term.reflect ? -hp : hp;
    }
};

/// The sample-cost gradient of a smooth composition (header).
class SampleCost {
public:
    explicit SampleCost(const family::ModelSpec& m) {
        check_sgd_composition(m);
        logistic_ = m.disc.kind == "logistic";
        degree_ = m.gen.kind == "square" ? 2 : 1;
        family::Cost cost;
        if (m.cost.kind == "ls") cost = family::LeastSquaresCost{};
        else if (m.cost.kind == "log") cost = family::LogCost{};
        else cost = family::NonSaturatingCost{};
        real_ = {std::visit([](const auto& c) { return c.real; }, cost), logistic_};
        fake_ = {std::visit([](const auto& c) { return c.fake; }, cost), logistic_};
    }
    std::array<double, 4> gradient(const model::Params<double>& p, const std::vector<double>& x,
                                   const std::vector<double>& z) const {
        // (P, Q) and their derivatives in (θ0, θ1)
        const double P = logistic_ ? p.b : p.a, Q = logistic_ ? -std::log(p.a) : p.b;
        const std::array<double, 2> dP = logistic_ ? std::array<double, 2>{0, 1} : std::array<double, 2>{1, 0};
        const std::array<double, 2> dQ = logistic_ ? std::array<double, 2>{-1 / p.a, 0} : std::array<double, 2>{0, 1};
        std::array<double, 4> r{}, f{};
        if (real_.term.present)
            for (double xn : x) {
                const double k = real_(P * xn + Q);
                r[0] += k * (dP[0] * xn + dQ[0]);
                r[1] += k * (dP[1] * xn + dQ[1]);
            }
        for (double zn : z) {
            const double m = degree_ == 2 ? zn * zn : zn;
            const double y = p.g * m + p.h;
            const double k = fake_(P * y + Q);
            f[0] += k * (dP[0] * y + dQ[0]);
            f[1] += k * (dP[1] * y + dQ[1]);
            f[2] += k * P * m;
            f[3] += k * P;
        }
        const double nx = static_cast<double>(x.size()), nz = static_cast<double>(z.size());
        std::array<double, 4> g;
        for (std::size_t i = 0; i < 4; ++i) g[i] = (real_.term.present ? r[i] / nx : 0.0) + f[i] / nz;
        return g;
    }

private:
    bool logistic_ = false;
    int degree_ = 2;
    TermSlope real_, fake_;
};

}  // namespace

void check_sgd_composition(const family::ModelSpec& m) {
    if (m.disc.kind == "indicator")
        throw arith::bad_parameter("samples", "SGD is not available for disc=indicator: its sample cost is "
                                              "piecewise constant in l and r (gradient 0 almost everywhere); "
                                              "use the deterministic trajectory");
}

std::array<double, 4> family_sample_gradient(const family::ModelSpec& m, const model::Params<double>& p,
                                             const std::vector<double>& x, const std::vector<double>& z) {
    return SampleCost(m).gradient(p, x, z);
}

std::vector<model::Params<double>> sgd_run(const FamilyTrajectorySpec& spec, std::size_t samples,
                                           std::uint64_t engine_seed) {
    validate(spec);
    const SampleCost cost(spec.model);
    const Sampler data(spec.model.data), latent(spec.model.latent);
    const auto moving = moving_coordinates(spec.dims);
    const double eta = arith::parse<double>(spec.step, "step_size");
    const auto names = family::player_names(spec.model);
    model::Params<double> theta{arith::parse<double>(spec.start[0], names[0]),
                                arith::parse<double>(spec.start[1], names[1]),
                                arith::parse<double>(spec.start[2], names[2]),
                                arith::parse<double>(spec.start[3], names[3]), 0.0};
    std::mt19937_64 engine(engine_seed);
    const bool logistic = spec.model.disc.kind == "logistic";
    return sgd_iterate(
        theta, moving, eta, spec.iterates, samples, engine, [&](std::mt19937_64& e) { return data(e); },
        [&](std::mt19937_64& e) { return latent(e); },
        [&](const model::Params<double>& t, const std::vector<double>& x, const std::vector<double>& z) {
            return cost.gradient(t, x, z);
        },
        [&](const model::Params<double>& t, int k) {
            if (logistic && !(t.a > 0))
                throw std::runtime_error("SGD left the domain of disc=logistic at iterate " + std::to_string(k) +
                                         ": a = " + std::to_string(t.a) + " (needs a > 0)");
        });
}

SgdStatistics stochastic_play(const FamilyTrajectorySpec& spec, const SgdSpec& sgd,
                              const std::vector<Iterate<double>>* analytic) {
    validate(spec);
    check_sgd_composition(spec.model);  // the indicator is refused before any run
    check_sgd_request(sgd, spec.iterates);
    return sgd_runs(sgd, spec.dims, analytic, [&](std::uint64_t seed) { return sgd_run(spec, sgd.samples, seed); });
}

}  // namespace gancert::dynamics
