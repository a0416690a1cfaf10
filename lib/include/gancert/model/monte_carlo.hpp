// gancert/model/monte_carlo.hpp — the authors' Monte Carlo baseline for the key integral.
//
// K(α, β, m, s) = ∫_0^∞ erf(αx + β) N(x; m, s²) dx (s: standard deviation), estimated as in
// Pulford & Kondrashov's code: uniform samples on a truncated range [0, X], X = max(m, 0) +
// range_sd·s, and K ≈ X · mean(erf(αx_i + β) N(x_i; m, s²)). FOR COMPARISON ONLY: no error
// bound; the statistical error is ~X·σ_f/√n and the truncation error ~e^{−range_sd²/2}.
// The certified value is model::key_integral (closed_form_integrals.hpp).
//
// Contract: an estimate only — no enclosure, no error bound (for comparison with the
// certified key integral).
#pragma once
#include <cstddef>
#include <cstdint>

namespace gancert::model {

struct MonteCarloOptions {
    std::size_t samples = 5'000'000;  ///< the authors' sample count
    std::uint64_t seed = 1;           ///< std::mt19937_64 seed (reproducible)
    double range_sd = 10;             ///< truncation: X = max(m, 0) + range_sd·s
};

/// Monte Carlo estimate of K(α, β, m, s) (not a bound). Precondition: s > 0, finite inputs;
/// throws std::invalid_argument otherwise.
double key_integral_monte_carlo(double alpha, double beta, double m, double s,
                                const MonteCarloOptions& options = {});

}  // namespace gancert::model
