// JSD(Exp(c) ‖ h + Exp(γ)) by convergent series with proven tails; proofs/lemmas.md X.9.
#include "gancert/counterexample/jensen_shannon.hpp"

#include <stdexcept>
#include <vector>

#include "gancert/arith/constants.hpp"
#include "gancert/arith/functions.hpp"
#include "gancert/arith/interval.hpp"
#include "gancert/arith/precision.hpp"

namespace gancert::counterexample {
using arith::impfr;
using arith::integer;
using arith::mpfr;

namespace {
constexpr int max_terms = 200000;

/// [−t, t] for t >= 0 given as an interval (its upper end is used).
impfr symmetric(const impfr& t) { return arith::make_interval(mpfr(-t.upper()), mpfr(t.upper())); }

/// 2^{−(working bits + 16)}: series stop once the tail bound is below this times the scale.
impfr stop_level() {
    return integer<impfr>(1) / arith::pow(integer<impfr>(2), static_cast<int>(arith::working_bits() + 16));
}

/// F(α, κ) = ∫_0^1 s^{α−1} log(1 + κ s) ds for α > 0, 0 < κ <= 1 (X.9, (F)):
/// log(1+κ)/α − Σ_{n>=1} ρ^n B(α, n+1)/n, ρ = κ/(1+κ) <= 1/2, tail <= 2 ρ^{N+1}/(α (N+1)).
impfr series_F(const impfr& alpha, const impfr& kappa, int drop_term) {
    const impfr one = integer<impfr>(1);
    const impfr rho = kappa / (one + kappa);
    impfr sum = arith::log(one + kappa) / alpha;
    impfr beta_n = one / alpha;  // B(α, 1)
    impfr rho_n = one;
    const impfr stop = stop_level() * arith::abs(sum);
    for (int n = 1; n <= max_terms; ++n) {
        beta_n = beta_n * integer<impfr>(n) / (alpha + integer<impfr>(n));
        rho_n = rho_n * rho;
        if (n != drop_term) sum = sum - rho_n * beta_n / integer<impfr>(n);
        const impfr tail = integer<impfr>(2) * rho_n * rho / (alpha * integer<impfr>(n + 1));
        if (tail.upper() < stop.lower()) return sum - arith::make_interval(mpfr(0), mpfr(tail.upper()));
    }
    throw std::domain_error("jensen_shannon: series F did not converge (cannot decide)");
}

/// T(ν) = ∫_0^{y1} (1 − y)^ν log(2 − y) dy for 0 <= y1 < 1, any real ν (X.9, (T)): Taylor series
/// Σ_k e_k y1^{k+1}/(k+1), e_k = Σ_{j<=k} a_j l_{k−j} with (1−y)^ν = Σ a_j y^j, a_0 = 1,
/// a_j = a_{j−1}(j−1−ν)/j, and log(2−y) = Σ l_n y^n, l_0 = log 2, l_n = −1/(n 2^n).
/// Cauchy bound on |y| = R = (1 + y1)/2: |e_k| <= M R^{−k}, M = max((1−R)^ν, (1+R)^ν)·(log 3 + 2);
/// tail after K: <= M y1 q^{K+1}/(1 − q), q = y1/R.
impfr series_T(const impfr& nu, const impfr& y1, int drop_term) {
    const impfr one = integer<impfr>(1), two = integer<impfr>(2), zero = integer<impfr>(0);
    if (!(y1.lower() >= 0)) throw std::domain_error("jensen_shannon: y1 < 0 (cannot decide)");
    const impfr y1_hi(y1.upper());
    const impfr R = (one + y1_hi) / two;
    if (!(R.upper() < 1)) throw std::domain_error("jensen_shannon: crossing too far (cannot decide)");
    if (y1.upper() == 0) return zero;
    const impfr pw_lo = arith::exp(nu * arith::log(one - R)), pw_hi = arith::exp(nu * arith::log(one + R));
    const impfr M = impfr(arith::join(pw_lo, pw_hi).upper()) *
                    (arith::log(integer<impfr>(3)) + two);
    const impfr q = y1_hi / R;
    if (!(q.upper() < 1)) throw std::domain_error("jensen_shannon: T series ratio >= 1 (cannot decide)");
    std::vector<impfr> a{one}, l{arith::ln2<impfr>()};
    impfr sum = zero;
    impfr y_pow = y1;  // y1^{k+1}
    impfr q_pow = q;   // q^{k+1}
    impfr two_pow = one;
    const impfr stop = one / arith::pow(two, static_cast<int>(arith::working_bits() + 16));
    for (int k = 0; k <= max_terms; ++k) {
        if (k > 0) {
            a.push_back(a.back() * (integer<impfr>(k - 1) - nu) / integer<impfr>(k));
            two_pow = two_pow * two;
            l.push_back(-(one / (integer<impfr>(k) * two_pow)));
        }
        impfr e = zero;
        for (int j = 0; j <= k; ++j) e = e + a[j] * l[k - j];
        if (k != drop_term) sum = sum + e * y_pow / integer<impfr>(k + 1);
        y_pow = y_pow * y1;
        q_pow = q_pow * q;
        const impfr tail = M * y1_hi * q_pow / (one - q);
        if (k > 2 && tail.upper() < (stop * arith::abs(sum)).lower()) return sum + symmetric(tail);
    }
    throw std::domain_error("jensen_shannon: series T did not converge (cannot decide)");
}

/// ∫ over the common support when γ > c, densities P e^{−ct}, Q e^{−γt} at t >= 0 from its start.
impfr overlap_ordered(const impfr& P, const impfr& c, const impfr& Q, const impfr& gamma, int drop_term) {
    const impfr one = integer<impfr>(1);
    const impfr delta = gamma - c;
    const impfr alpha = c / delta, beta = gamma / delta;
    const impfr kappa = Q / P;
    // Right part: from the crossing (or the start, when κ <= 1) on, ratio q/p = κ' s, κ' <= 1.
    auto right = [&](const impfr& Pr, const impfr& Qr, const impfr& k) {
        return (Pr * series_F(alpha, k, drop_term) +
                Qr * (series_F(beta, k, drop_term) - arith::log(k) / beta + one / arith::square(beta))) /
               delta;
    };
    if (kappa.upper() <= 1) return right(P, Q, kappa);
    if (!(kappa.lower() > 1)) throw std::domain_error("jensen_shannon: crossing at the boundary undecided");
    // Crossing at t* = log κ/δ, common density A = P κ^{−α} there.
    const impfr A = P * arith::exp(-(alpha * arith::log(kappa)));
    const impfr right_part = right(A, A, one);
    // Left part (X.9 (L)): (A/δ)[T(−α−1) − E(α) + T(−β−1)], y1 = 1 − 1/κ,
    // E(α) = ∫_{1/κ}^1 s^{−α−1} log s ds = (κ^α(1 − α log κ) − 1)/α².
    const impfr y1 = one - one / kappa;
    const impfr L = arith::log(kappa);
    const impfr E = (arith::exp(alpha * L) * (one - alpha * L) - one) / arith::square(alpha);
    const impfr left_part =
        A * (series_T(-(alpha + one), y1, drop_term) - E + series_T(-(beta + one), y1, drop_term)) / delta;
    return right_part + left_part;
}
}  // namespace

impfr jensen_shannon_overlap(const ExponentialPair& p, int drop_term) {
    const impfr one = integer<impfr>(1), zero = integer<impfr>(0);
    const impfr& c = p.c;
    const impfr gamma = p.same_rate ? p.c : p.gamma;
    if (!(c.lower() > 0) || !(gamma.lower() > 0)) throw std::domain_error("jensen_shannon: rates must be > 0");
    // Start of the common support m = max(0, h); densities there.
    const impfr m = p.h_sign > 0 ? p.h : zero;
    const impfr m_minus_h = p.h_sign > 0 ? zero : -p.h;
    const impfr P = c * arith::exp(-(c * m));
    const impfr Q = gamma * arith::exp(-(gamma * m_minus_h));
    if (p.same_rate) {  // q/p = κ constant on [m, ∞); masses P/c and Q/γ
        const impfr kappa = Q / P;
        return P / c * arith::log(one + kappa) + Q / gamma * arith::log(one + one / kappa);
    }
    const impfr diff = gamma - c;
    if (arith::contains_zero(diff)) throw std::domain_error("jensen_shannon: sign of 1/g − c undecided");
    if (arith::certainly_positive(diff)) return overlap_ordered(P, c, Q, gamma, drop_term);
    return overlap_ordered(Q, gamma, P, c, drop_term);  // the integrand is symmetric in (p, q)
}

impfr jensen_shannon(const ExponentialPair& p, int drop_term) {
    return arith::ln2<impfr>() - jensen_shannon_overlap(p, drop_term) / integer<impfr>(2);
}

}  // namespace gancert::counterexample
