#include "gancert/model/monte_carlo.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>

namespace gancert::model {

double key_integral_monte_carlo(double alpha, double beta, double m, double s,
                                const MonteCarloOptions& options) {
    if (!(s > 0) || !std::isfinite(alpha) || !std::isfinite(beta) || !std::isfinite(m) ||
        !std::isfinite(s) || options.samples == 0)
        throw std::invalid_argument("key_integral_monte_carlo: need s > 0, finite inputs, samples > 0");
    const double X = std::max(m, 0.0) + options.range_sd * s;
    std::mt19937_64 rng(options.seed);
    std::uniform_real_distribution<double> uniform(0.0, X);
    const double norm = 1.0 / (s * std::sqrt(2.0 * 3.14159265358979323846));
    double sum = 0;
    for (std::size_t i = 0; i < options.samples; ++i) {
        const double x = uniform(rng);
        const double z = (x - m) / s;
        sum += std::erf(alpha * x + beta) * norm * std::exp(-0.5 * z * z);
    }
    return X * sum / static_cast<double>(options.samples);
}

}  // namespace gancert::model
