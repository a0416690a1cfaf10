// Test-only helpers: independent (non-rigorous) high-precision quadrature of the counterexample's
// 1-D expectations, with plain round-to-nearest MPFR and a tanh-sinh rule. Used as the
// "second method" that the certified series/closed forms are compared against.
// The tanh-sinh rule is written out here (Boost's tanh_sinh does not support MPFR numbers whose
// precision is chosen at run time): x = tanh((π/2) sinh t), nodes measured from the nearer end
// point so that integrable end point singularities (log) are sampled accurately.
#pragma once
#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

#include "gancert/arith/scalar.hpp"

namespace ce_test {
using gancert::arith::mpfr;

/// Density of L = μ + Exp(λ1) − Exp(λ2) (asymmetric Laplace with kink at μ).
inline mpfr line_density(const mpfr& y, const mpfr& l1, const mpfr& l2, const mpfr& mu) {
    const mpfr C = l1 * l2 / (l1 + l2);
    return y >= mu ? mpfr(C * exp(-l1 * (y - mu))) : mpfr(C * exp(l2 * (y - mu)));
}

/// ∫_a^b f by tanh-sinh, halving the step until two levels agree to 2^{−bits+8} relative.
inline mpfr tanh_sinh(const std::function<mpfr(const mpfr&)>& f, const mpfr& a, const mpfr& b) {
    const unsigned bits = gancert::arith::working_bits();
    const mpfr half_pi = gancert::arith::pi<mpfr>() / 2;
    const double tmax = std::asinh(bits * 0.6931471805599453 / 3.141592653589793 + 2.0);
    const mpfr len = b - a;
    auto node_sum = [&](const mpfr& t) {  // w(t) f(x(t)) + w(−t) f(x(−t)), t > 0
        const mpfr u = half_pi * sinh(t);
        const mpfr e = exp(2 * u);
        const mpfr d = len / (1 + e);                                   // distance to the end point
        const mpfr w = half_pi * cosh(t) * 4 * e / ((1 + e) * (1 + e)) * len / 2;
        return mpfr(w * (f(b - d) + f(a + d)));
    };
    mpfr h = 1;
    mpfr sum = half_pi * len / 2 * f(a + len / 2);
    for (mpfr t = h; t <= tmax; t += h) sum += node_sum(t);
    mpfr prev = h * sum;
    const mpfr tol = ldexp(mpfr(1), -static_cast<int>(bits) + 8);
    for (int level = 1; level < 14; ++level) {
        h /= 2;
        for (mpfr t = h; t <= tmax; t += 2 * h) sum += node_sum(t);
        const mpfr cur = h * sum;
        if (abs(mpfr(cur - prev)) <= tol * abs(cur) && level >= 3) return cur;
        prev = cur;
    }
    return prev;
}

/// ∫ f over [min pts, max pts], split at every break point.
inline mpfr integrate_pieces(const std::function<mpfr(const mpfr&)>& f, std::vector<mpfr> pts) {
    std::sort(pts.begin(), pts.end());
    mpfr total = 0;
    for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
        if (!(pts[i] < pts[i + 1])) continue;
        total += tanh_sinh(f, pts[i], pts[i + 1]);
    }
    return total;
}

/// E g(L) for L ~ (λ1, λ2, μ), integrating over [μ − R2, μ + R1] split at 0 and μ; the cut-off
/// radii R_i make the density tail e^{−λ_i R_i} below 2^{−bits}·(size of g) — the caller passes R.
inline mpfr line_expectation(const std::function<mpfr(const mpfr&)>& g, const mpfr& l1, const mpfr& l2,
                             const mpfr& mu, const mpfr& lo, const mpfr& hi) {
    auto f = [&](const mpfr& y) { return mpfr(line_density(y, l1, l2, mu) * g(y)); };
    std::vector<mpfr> pts{lo, hi};
    if (lo < 0 && 0 < hi) pts.push_back(mpfr(0));
    if (lo < mu && mu < hi) pts.push_back(mu);
    return integrate_pieces(f, pts);
}

}  // namespace ce_test
