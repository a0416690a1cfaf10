// erfcx(x) = e^{x²} erfc(x) in double (not rigorous; used by the fast double path).
#include <cmath>
#include <limits>

#include "gancert/arith/functions.hpp"

namespace gancert::arith {

namespace {
// e^{x²} with x² split exactly as hi + lo (FMA), so the rounding of x·x does not cost
// x²·2^{-53} relative accuracy.
double exp_square(double x) {
    double hi = x * x;
    double lo = std::fma(x, x, -hi);
    return std::exp(hi) * (1.0 + lo);
}
// Asymptotic series (1/(x√π)) Σ (−1)^n (2n−1)!!/(2x²)^n for x >= 26; terms fall below
// 1e−17 well before the series starts to diverge (n ~ x²).
double erfcx_asymptotic(double x) {
    const double y = 1.0 / (2.0 * x * x);
    double term = 1.0, sum = 1.0;
    for (int n = 1; n < 60; ++n) {
        term *= -(2.0 * n - 1.0) * y;
        sum += term;
        if (std::fabs(term) < 1e-18) break;
    }
    return sum / (x * 1.7724538509055160273);
}
}  // namespace

double erfcx(double x) {
    if (std::isnan(x)) return x;
    if (x >= 26.0) return erfcx_asymptotic(x);
    if (x >= 0.0) return exp_square(x) * std::erfc(x);
    if (x < -26.7) return std::numeric_limits<double>::infinity();
    return 2.0 * exp_square(x) - erfcx(-x);
}

}  // namespace gancert::arith
