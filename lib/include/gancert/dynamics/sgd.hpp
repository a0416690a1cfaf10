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

}  // namespace gancert::dynamics
