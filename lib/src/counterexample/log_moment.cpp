// V(D_k, G) = E log(1 − e^{−k²L²}); proofs/lemmas.md X.6.
#include "gancert/counterexample/log_moment.hpp"

#include "gancert/counterexample/log_kernel_series.hpp"

namespace gancert::counterexample {
using arith::impfr;
using arith::mpfr;

namespace {
// μ >= 0 (as an interval: mu.lower() >= 0).
impfr log_cost_nonnegative_shift(const impfr& l1, const impfr& l2, const impfr& mu, const impfr& k) {
    const impfr C = l1 * l2 / (l1 + l2);
    const impfr W = k * mu;
    const impfr left = C * arith::exp(-(l2 * mu));
    const impfr right = C * arith::exp(l1 * mu);
    if (W.upper() < mpfr(1.5)) {
        return left * (log_kernel_laplace(l2, k) + log_kernel_near(l2, mu, k)) +
               right * (log_kernel_laplace(l1, k) - log_kernel_near(-l1, mu, k));
    }
    return left * (log_kernel_laplace(l2, k) + log_kernel_laplace(-l2, k) - log_kernel_far(l2, mu, k)) +
           right * log_kernel_far(-l1, mu, k);
}
}  // namespace

impfr log_cost_of_line_discriminator(const LineLaw<impfr>& law, const impfr& k) {
    const impfr& mu = law.mu;
    if (mu.lower() >= 0) return log_cost_nonnegative_shift(law.lambda1, law.lambda2, mu, k);
    if (mu.upper() <= 0) return log_cost_nonnegative_shift(law.lambda2, law.lambda1, -mu, k);
    const impfr pos = arith::make_interval(mpfr(0), mu.upper());
    const impfr neg = arith::make_interval(mpfr(0), mpfr(-mu.lower()));
    return arith::join(log_cost_nonnegative_shift(law.lambda1, law.lambda2, pos, k),
                       log_cost_nonnegative_shift(law.lambda2, law.lambda1, neg, k));
}

}  // namespace gancert::counterexample
