// gancert/dynamics/family_sgd.hpp — stochastic gradient play for a model of the family with a
// smooth discriminator (erf, logistic), as dynamics/sgd.hpp does for the paper.
//
// Each step replaces ∇J by the gradient of the SAMPLE cost
//   Ĵ(θ) = (1/N) Σ_n h_real(ρ_r t(x_n)) + (1/N) Σ_n h_fake(ρ_f t(G(z_n))),
// N fresh samples x_n from the data law and z_n from the latent law drawn at every step (a
// mixture by its component, chosen with probability w; Rayleigh as √E, E ~ Exp(1)), h = sign·φ∘σ
// the cost's terms (cost_term.hpp), t = P y + Q the discriminator's pre-activation
// (erf: P = a, Q = b; logistic: P = b, Q = −ln a), G(z) = g m(z) + h. Per sample, in double:
//   ∂/∂θ h(ρ t) = h'(ρ t)·ρ·∂t/∂θ,  h' = sign·2σσ' (φ = s²) or sign·σ'/σ (φ = log s),
// σ'/σ without underflow (erf: 2/(√π erfcx(−t)); logistic: σ(−t)); ∂t/∂θ0, ∂t/∂θ1 from
// (P, Q), ∂t/∂g = P m(z), ∂t/∂h = P in the fake term. E ∇Ĵ = ∇J (differentiation under the
// integral, as for the analytic trajectory). Same update, sign, step, iterate count, moving
// coordinates and seeding (run r: std::mt19937_64 seeded with splitmix64(seed + r)) as the
// paper's SGD. All in double; not rigorous (a simulation).
//
// The indicator discriminator has no SGD: its sample cost is piecewise constant in l and r
// (gradient 0 almost everywhere), so stochastic_play refuses it with arith::bad_parameter
// naming "samples" (the CLI's --sgd).
//
// Contract: a simulation (approximations, seeded and reproducible); bad N/R/spec throw
// arith::bad_parameter naming the parameter.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "gancert/dynamics/family_play.hpp"
#include "gancert/dynamics/sgd.hpp"

namespace gancert::dynamics {

/// Throws arith::bad_parameter("samples", …) if the composition has no SGD (the indicator).
void check_sgd_composition(const family::ModelSpec& m);

/// Gradient (θ0, θ1, g, h) of the sample cost at θ (p.a, p.b, p.g, p.h) for the samples x of
/// the data law and z of the latent law. Throws arith::bad_parameter("samples", …) for the
/// indicator discriminator.
std::array<double, 4> family_sample_gradient(const family::ModelSpec& m, const model::Params<double>& p,
                                             const std::vector<double>& x, const std::vector<double>& z);

/// One SGD realisation seeded with `engine_seed`: the K iterates θ_0 … θ_{K−1}.
std::vector<model::Params<double>> sgd_run(const FamilyTrajectorySpec& spec, std::size_t samples,
                                           std::uint64_t engine_seed);

/// R realisations and their statistics (as stochastic_play for the paper).
SgdStatistics stochastic_play(const FamilyTrajectorySpec& spec, const SgdSpec& sgd,
                              const std::vector<Iterate<double>>* analytic = nullptr);

}  // namespace gancert::dynamics
