// gancert/dynamics/sgd.hpp — stochastic gradient play as the paper compares against it.
//
// Each step replaces ∇J by the gradient of the SAMPLE cost
//   Ĵ(θ) = (1/N) Σ D(a x_n + b)² + (1/N) Σ (1 − D(G(z_n)))²,   G(z) = g z² + h,
// with N fresh samples x_n ~ Exp(c) and z_n Rayleigh (density 2z e^{−z²}) drawn at every step:
//   ∂Ĵ/∂a = mean[F1(t1) x + K1(t2)(g z² + h)], ∂Ĵ/∂b = mean[F1(t1) + K1(t2)],
//   ∂Ĵ/∂g = mean[K1(t2) a z²],                 ∂Ĵ/∂h = mean[K1(t2) a],
// t1 = a x + b, t2 = a(g z² + h) + b, F1 = 2Dφ, K1 = −2(1 − D)φ, φ(t) = e^{−t²}/√π
// (docs/mathematics.md §2 with the expectations replaced by sample means; E ∇Ĵ = ∇J).
// The same update rule, sign, step, iterate count and moving coordinates as gradient_play.
// R independent realisations: run r uses std::mt19937_64 seeded with splitmix64(seed + r).
// All in double; not rigorous (it is a simulation).
//
// Contract: a simulation (approximations, seeded and reproducible); bad N/R/spec throw
// arith::bad_parameter naming the parameter.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

#include "gancert/dynamics/gradient_play.hpp"
#include "gancert/dynamics/spec.hpp"

namespace gancert::dynamics {

struct SgdSpec {
    std::size_t samples = 10000;  ///< N fresh samples of X and of Z per step (≥ 1)
    int runs = 10;                ///< R realisations (≥ 1)
    std::uint64_t seed = 1;       ///< master seed; run r uses splitmix64(seed + r)
};

/// Per-iterate statistics over the R runs, coordinates (a, b, g, h).
struct SgdStatistics {
    std::vector<std::array<double, 4>> mean;    ///< mean over runs of θ_k
    std::vector<std::array<double, 4>> spread;  ///< sample standard deviation over runs (0 if R = 1)
    /// ‖mean θ_k − θ_k(analytic)‖₂ over the moving coordinates; empty if no analytic
    /// trajectory was given.
    std::vector<double> distance;
    /// sqrt(mean over runs of ‖θ_k(run) − θ_k(analytic)‖₂²) over the moving coordinates: the
    /// root-mean-square deviation of ONE run (bias and spread together; it bounds `distance`
    /// by Jensen's inequality). Empty if no analytic trajectory was given.
    std::vector<double> rms_run_distance;
};

/// splitmix64 finaliser (seed derivation for the per-run engines).
std::uint64_t splitmix64(std::uint64_t x);

/// Gradient of the sample cost at θ for given samples x (X ~ Exp(c)) and z (Rayleigh).
std::array<double, 4> sample_gradient(const model::Params<double>& p, const std::vector<double>& x,
                                      const std::vector<double>& z);

/// The SGD iteration of both sgd_run()s (R/S/E/E and the family): the `iterates` iterates
/// from θ_0 = theta; per step N fresh draws x_n = draw_x(engine), z_n = draw_z(engine), then
/// θ_i += play_sign_i·eta·gradient(θ, x, z)_i for the moving coordinates, then after_step(θ, k)
/// (k = the new iterate's index; it may throw to stop a run that left its domain).
template <class DrawX, class DrawZ, class Gradient, class AfterStep>
std::vector<model::Params<double>> sgd_iterate(model::Params<double> theta, const std::array<bool, 4>& moving,
                                               double eta, int iterates, std::size_t samples,
                                               std::mt19937_64& engine, DrawX&& draw_x, DrawZ&& draw_z,
                                               Gradient&& gradient, AfterStep&& after_step) {
    std::vector<double> x(samples), z(samples);
    std::vector<model::Params<double>> out;
    out.reserve(static_cast<std::size_t>(iterates));
    for (int k = 0; k < iterates; ++k) {
        out.push_back(theta);
        if (k + 1 == iterates) break;
        for (std::size_t n = 0; n < samples; ++n) {
            x[n] = draw_x(engine);
            z[n] = draw_z(engine);
        }
        const auto grad = gradient(theta, x, z);
        for (std::size_t i = 0; i < 4; ++i)
            if (moving[i]) coordinate(theta, i) += play_sign[i] * eta * grad[i];
        after_step(theta, k + 1);
    }
    return out;
}

/// One SGD realisation seeded with `engine_seed`: the K iterates θ_0 … θ_{K−1}.
std::vector<model::Params<double>> sgd_run(const TrajectorySpec& spec, std::size_t samples,
                                           std::uint64_t engine_seed);

/// R realisations and their statistics. `analytic` (optional, same spec) gives `distance`.
/// Throws arith::bad_parameter naming "samples" / "runs" for N < 1 or R < 1 or above the limits, and whatever
/// validate(spec) throws.
SgdStatistics stochastic_play(const TrajectorySpec& spec, const SgdSpec& sgd,
                              const std::vector<Iterate<double>>* analytic = nullptr);

/// The checks of stochastic_play on N, R and N·R·K (arith::bad_parameter "samples" / "runs").
void check_sgd_request(const SgdSpec& sgd, int iterates);

/// The statistics of R realisations (each K iterates) over the moving coordinates; `analytic`
/// (optional, K iterates) gives `distance` and `rms_run_distance`.
SgdStatistics sgd_statistics(const std::vector<std::vector<model::Params<double>>>& runs,
                             const std::array<bool, 4>& moving, const std::vector<Iterate<double>>* analytic);

/// The R runs of both stochastic_play()s: run_one(splitmix64(seed + r)) for r < R, and their
/// statistics over the moving coordinates of `dims`.
template <class RunOne>
SgdStatistics sgd_runs(const SgdSpec& sgd, int dims, const std::vector<Iterate<double>>* analytic, RunOne&& run_one) {
    std::vector<std::vector<model::Params<double>>> runs;
    runs.reserve(static_cast<std::size_t>(sgd.runs));
    for (int r = 0; r < sgd.runs; ++r) runs.push_back(run_one(splitmix64(sgd.seed + static_cast<std::uint64_t>(r))));
    return sgd_statistics(runs, moving_coordinates(dims), analytic);
}

}  // namespace gancert::dynamics
