#include "gancert/dynamics/sgd.hpp"

#include <cmath>
#include <random>
#include <stdexcept>
#include <string>

#include "gancert/api/limits.hpp"
#include "gancert/arith/decimal.hpp"

namespace gancert::dynamics {

std::uint64_t splitmix64(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

std::array<double, 4> sample_gradient(const model::Params<double>& p, const std::vector<double>& x,
                                      const std::vector<double>& z) {
    constexpr double inv_sqrt_pi = 0.56418958354775628694807945156077;
    double da = 0, db = 0;                  // data part sums
    double ga = 0, gb = 0, gg = 0, gh = 0;  // generator part sums
    for (double xn : x) {  // data part: F1 = 2 D φ at t1 = a x + b
        const double t = p.a * xn + p.b;
        const double F1 = std::erfc(-t) * std::exp(-t * t) * inv_sqrt_pi;  // 2·(erfc(−t)/2)·φ
        da += F1 * xn;
        db += F1;
    }
    for (double zn : z) {  // generator part: K1 = −2 (1 − D) φ at t2 = a (g z² + h) + b
        const double u = zn * zn;
        const double G = p.g * u + p.h;
        const double t = p.a * G + p.b;
        const double K1 = -std::erfc(t) * std::exp(-t * t) * inv_sqrt_pi;
        ga += K1 * G;
        gb += K1;
        gg += K1 * p.a * u;
        gh += K1 * p.a;
    }
    const double nx = static_cast<double>(x.size()), nz = static_cast<double>(z.size());
    return {da / nx + ga / nz, db / nx + gb / nz, gg / nz, gh / nz};
}


std::vector<model::Params<double>> sgd_run(const TrajectorySpec& spec, std::size_t samples,
                                           std::uint64_t engine_seed) {
    validate(spec);
    const auto moving = moving_coordinates(spec.dims);
    const double eta = arith::parse<double>(spec.step, "step_size");
    model::Params<double> theta = model::to_scalar_unchecked<double>(spec.start);  // validated above
    std::mt19937_64 engine(engine_seed);
    std::exponential_distribution<double> data(theta.c);
    std::exponential_distribution<double> unit(1.0);
    return sgd_iterate(
        theta, moving, eta, spec.iterates, samples, engine, [&](std::mt19937_64& e) { return data(e); },
        [&](std::mt19937_64& e) { return std::sqrt(unit(e)); },  // Rayleigh: Z² ~ Exp(1)
        sample_gradient, [](const model::Params<double>&, int) {});
}

void check_sgd_request(const SgdSpec& sgd, int iterates) {
    if (sgd.samples < 1) throw arith::bad_parameter("samples", "the sample size N must be >= 1");
    if (sgd.runs < 1) throw arith::bad_parameter("runs", "the number of runs R must be >= 1");
    if (sgd.runs > limits::max_sgd_runs)
        throw arith::bad_parameter("runs", std::to_string(sgd.runs) + " is above the maximum " + std::to_string(limits::max_sgd_runs));
    if (static_cast<double>(sgd.samples) * sgd.runs * iterates > limits::max_sgd_draws)
        throw arith::bad_parameter("samples", "N * R * K = " + std::to_string(sgd.samples) + " * " + std::to_string(sgd.runs) +
                                   " * " + std::to_string(iterates) + " draws is above the maximum 5e7");
}

SgdStatistics stochastic_play(const TrajectorySpec& spec, const SgdSpec& sgd,
                              const std::vector<Iterate<double>>* analytic) {
    validate(spec);
    check_sgd_request(sgd, spec.iterates);
    return sgd_runs(sgd, spec.dims, analytic, [&](std::uint64_t seed) { return sgd_run(spec, sgd.samples, seed); });
}

SgdStatistics sgd_statistics(const std::vector<std::vector<model::Params<double>>>& runs,
                             const std::array<bool, 4>& moving, const std::vector<Iterate<double>>* analytic) {
    const std::size_t K = runs.front().size();
    SgdStatistics st;
    const double R = static_cast<double>(runs.size());
    st.mean.resize(K);
    st.spread.resize(K);
    for (std::size_t k = 0; k < K; ++k)
        for (std::size_t i = 0; i < 4; ++i) {
            // Shifted by the first run's value: exact for coordinates that do not move.
            const double shift = coordinate(runs[0][k], i);
            double md = 0;
            for (const auto& run : runs) md += coordinate(run[k], i) - shift;
            md /= R;
            double ss = 0;
            for (const auto& run : runs) {
                const double d = coordinate(run[k], i) - shift - md;
                ss += d * d;
            }
            st.mean[k][i] = shift + md;
            st.spread[k][i] = runs.size() > 1 ? std::sqrt(ss / (R - 1)) : 0.0;
        }
    if (analytic) {
        if (analytic->size() != K)
            throw std::invalid_argument("stochastic_play: the analytic trajectory has " +
                                        std::to_string(analytic->size()) + " iterates, expected " +
                                        std::to_string(K));
        st.distance.resize(K);
        st.rms_run_distance.resize(K);
        for (std::size_t k = 0; k < K; ++k) {
            double d2 = 0;
            for (std::size_t i = 0; i < 4; ++i)
                if (moving[i]) {
                    const double d = st.mean[k][i] - coordinate((*analytic)[k].p, i);
                    d2 += d * d;
                }
            st.distance[k] = std::sqrt(d2);
            double r2 = 0;
            for (const auto& run : runs)
                for (std::size_t i = 0; i < 4; ++i)
                    if (moving[i]) {
                        const double d = coordinate(run[k], i) - coordinate((*analytic)[k].p, i);
                        r2 += d * d;
                    }
            st.rms_run_distance[k] = std::sqrt(r2 / R);
        }
    }
    return st;
}

}  // namespace gancert::dynamics
