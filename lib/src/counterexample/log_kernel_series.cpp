// Series for ∫ e^{al} log(1 − e^{−k²l²}) dl on [0,∞), [0,μ], [μ,∞); proofs/lemmas.md X.3–X.5.
#include "gancert/counterexample/log_kernel_series.hpp"

#include <cmath>
#include <map>
#include <stdexcept>
#include <vector>

#include "gancert/counterexample/gaussian_moment.hpp"

namespace gancert::counterexample {
using arith::impfr;
using arith::integer;
using arith::mpfr;

namespace {

constexpr unsigned max_terms = 200000;

/// 2^{−e} as an exact mpfr.
mpfr pow2_neg(long e) {
    mpfr r = arith::fresh_mpfr();
    mpfr_set_ui_2exp(arith::raw(r), 1, -e, MPFR_RNDN);
    return r;
}

/// Upper bound of |x|.
mpfr mag_up(const impfr& x) { return arith::mag(x); }

/// [−r, r] for an mpfr r >= 0.
impfr symmetric(const mpfr& r) { return arith::make_interval(mpfr(-r), r); }

/// True if a tail bound `tail` (>= 0) is negligible against the partial sum: tail <= 2^{−prec−4}·mig(sum).
bool negligible(const mpfr& tail, const impfr& sum) {
    const long p = static_cast<long>(arith::working_bits());
    mpfr bound = arith::mig(sum) * pow2_neg(p + 4);
    return tail <= bound;
}

/// [r, r] if r is exact, else [r, next above r]: a correctly rounded-down r (ternary value
/// `inexact` != 0) satisfies r < x < next(r). One MPFR call instead of two.
impfr bracket_from_lower(const mpfr& lo, int inexact) {
    mpfr hi = arith::fresh_mpfr(static_cast<unsigned>(mpfr_get_prec(arith::raw(lo))));  // same precision as lo
    mpfr_set(arith::raw(hi), arith::raw(lo), MPFR_RNDN);                               // exact
    if (inexact != 0) mpfr_nextabove(arith::raw(hi));
    return arith::make_interval(lo, hi);
}

}  // namespace

impfr zeta_half_integer(unsigned n, unsigned bits) {
    if (n < 3) throw std::domain_error("zeta_half_integer: n/2 must exceed 1");
    if (bits == 0 || bits > arith::working_bits()) bits = arith::working_bits();
    if (bits < 64) bits = 64;
    // Large argument s = n/2 >= bits + 2: 0 < ζ(s) − 1 <= 2^{−s} + ∫_2^∞ x^{−s} dx = 2^{−s}(1 + 2/(s−1))
    // <= 3·2^{−s}, so [1, 1 + 2^{2−s}] is an enclosure narrower than 2^{−bits}.
    if (n / 2 >= bits + 2) {
        mpfr hi = arith::fresh_mpfr(bits + static_cast<unsigned>(n / 2) + 8);
        mpfr_set_ui_2exp(arith::raw(hi), 1, 2 - static_cast<long>(n / 2), MPFR_RNDN);
        mpfr_add_ui(arith::raw(hi), arith::raw(hi), 1, MPFR_RNDU);
        return arith::make_interval(mpfr(1), hi);
    }
    // Cache: the most precise enclosure computed so far for each n (any enclosure is valid).
    thread_local std::map<unsigned, impfr> cache;
    auto it = cache.find(n);
    if (it != cache.end() && mpfr_get_prec(arith::raw(it->second.lower())) >= static_cast<mpfr_prec_t>(bits))
        return it->second;
    mpfr arg = arith::fresh_mpfr(64);
    mpfr_set_ui(arith::raw(arg), n, MPFR_RNDN);
    mpfr_div_2ui(arith::raw(arg), arith::raw(arg), 1, MPFR_RNDN);  // exact: n/2
    mpfr lo = arith::fresh_mpfr(bits);
    const int inexact = (n % 2 == 0) ? mpfr_zeta_ui(arith::raw(lo), n / 2, MPFR_RNDD)
                                     : mpfr_zeta(arith::raw(lo), arith::raw(arg), MPFR_RNDD);
    const impfr z = bracket_from_lower(lo, inexact);
    cache[n] = z;
    return z;
}

namespace {
/// Bits a factor multiplying a term of magnitude 2^{term_log2} needs when the result only has to
/// be accurate to 2^{−p}·2^{sum_log2}: p − (sum_log2 − term_log2) + 32, within [64, p].
unsigned bits_needed(long sum_log2, long term_log2) {
    const long p = static_cast<long>(arith::working_bits());
    long b = p - (sum_log2 - term_log2) + 32;
    if (b > p) b = p;
    if (b < 64) b = 64;
    return static_cast<unsigned>(b);
}
long log2_upper(const mpfr& x) { return x == 0 ? -(1L << 40) : static_cast<long>(mpfr_get_exp(arith::raw(x))); }
}  // namespace

// Lemma X.3. t_j = x^j a_j ζ((j+3)/2), x = −λ/k, a_j = Γ((j+1)/2)/j!:
// a_0 = √π, a_1 = 1, a_{j+2} = a_j/(2(j+2)); |t_{j+1}/t_j| <= |x|/√(2(j+1)).
impfr log_kernel_laplace(const impfr& lambda, const impfr& k) {
    const impfr x = -lambda / k;
    const mpfr xmag = mag_up(x);
    impfr a_prev = arith::sqrt_pi<impfr>();  // a_j
    impfr a_next = integer<impfr>(1);        // a_{j+1}
    impfr power = integer<impfr>(1);         // x^j
    impfr sum = integer<impfr>(0);
    for (unsigned j = 0;; ++j) {
        const impfr coef = power * a_prev;
        const long sum_log2 = j == 0 ? log2_upper(arith::mag(coef)) : log2_upper(arith::mig(sum));
        const impfr t = coef * zeta_half_integer(j + 3, bits_needed(sum_log2, log2_upper(arith::mag(coef)) + 2));
        // q_j = |x|/√(2(j+1)), rounded up.
        const impfr q = impfr(xmag) / arith::sqrt(integer<impfr>(2 * (j + 1)));
        const bool ratio_ok = q.upper() <= mpfr(0.5);
        if (ratio_ok && j > 0) {
            const mpfr tail = (integer<impfr>(2) * impfr(mag_up(t))).upper();  // |t_N|/(1 − q) <= 2|t_N|
            if (negligible(tail, sum) || j >= max_terms) {
                sum += symmetric(tail);
                break;
            }
        }
        if (j >= max_terms) throw std::domain_error("log_kernel_laplace: series did not converge");
        sum += t;
        power *= x;
        const impfr a_after = a_prev / (integer<impfr>(2) * integer<impfr>(j + 2));  // a_{j+2}
        a_prev = a_next;
        a_next = a_after;
    }
    return -sum / (integer<impfr>(2) * k);
}

// Lemma X.4. Q = P(W, b)/k, W = kμ, b = a/k, P = Σ_j b^j/j! A_j(W),
// A_j = 2W^{j+1}(log W/(j+1) − 1/(j+1)²) − W^{j+3}/(2(j+3)) + Σ_m c_m W^{j+4m+1}/(j+4m+1) + R,
// c_m = (−1)^{m+1} ζ(2m)/(m (2π)^{2m}), |R| <= W^{j+1} ζ(2) r^{M+1}/((M+1)(1−r)), r = (W²/(2π))²;
// outer tail Σ_{j>=N} <= 2K (|b|W)^N/N! once |b|W/(N+1) <= 1/2, K = √π ζ(3/2)/2 <= 2.33.
impfr log_kernel_near(const impfr& a, const impfr& mu, const impfr& k) {
    if (mu.lower() < 0) throw std::domain_error("log_kernel_near: mu must be >= 0");
    if (mu.upper() == 0) return integer<impfr>(0);
    const impfr W = k * mu;
    if (!(W.upper() < mpfr(1.5))) throw std::domain_error("log_kernel_near: k*mu < 3/2 not certain");
    if (mu.lower() == 0) {  // crude proven enclosure over [0, μ_hi] (lemma X.4, last part)
        const impfr Wh = impfr(W.upper());
        const impfr bound = arith::exp(impfr(arith::mag(a)) * impfr(mu.upper())) *
                            (Wh * arith::log(integer<impfr>(1) + integer<impfr>(1) / arith::square(Wh)) +
                             integer<impfr>(2) * arith::atan(Wh)) /
                            k;
        return arith::make_interval(mpfr(-bound.upper()), mpfr(0));
    }
    const long p = static_cast<long>(arith::working_bits());
    const impfr logW = arith::log(W);
    const impfr two_pi = integer<impfr>(2) * arith::pi<impfr>();
    const impfr r = arith::square(arith::square(W) / two_pi);
    // Inner truncation M: r^{M+1} <= 2^{−p−8}.
    unsigned M = 1;
    {
        const double rd = arith::to_double(impfr(r.upper()));
        const double need = (p + 8) * 0.6931471805599453 / (-std::log(rd > 0 ? rd : 1e-300));
        M = static_cast<unsigned>(need) + 1;
        if (M < 1) M = 1;
    }
    const impfr W4 = arith::square(arith::square(W));
    std::vector<impfr> cW;  // c_m W^{4m}, m = 1..M
    {
        impfr W4m = integer<impfr>(1);
        impfr tp2m = integer<impfr>(1);
        const impfr tp2 = arith::square(two_pi);
        for (unsigned m = 1; m <= M; ++m) {
            W4m *= W4;
            tp2m *= tp2;
            // c_m W^{4m} is about r^m: its ζ(2m) needs only p − m log2(1/r) bits.
            const long term_log2 = log2_upper(arith::mag(W4m / tp2m));
            impfr c = zeta_half_integer(4 * m, bits_needed(0, term_log2)) / (integer<impfr>(m) * tp2m);
            if (m % 2 == 0) c = -c;
            cW.push_back(c * W4m);
        }
    }
    const impfr zeta2 = arith::square(arith::pi<impfr>()) / integer<impfr>(6);
    const impfr rem_factor = zeta2 * impfr(r.upper()) * arith::pow(impfr(r.upper()), static_cast<int>(M)) /
                             (integer<impfr>(M + 1) * (integer<impfr>(1) - impfr(r.upper())));
    const impfr rem_unit = symmetric(mpfr(rem_factor.upper()));
    const impfr b = a / k;
    const impfr bW = impfr(arith::mag(b)) * impfr(W.upper());  // |b| W, upper
    const impfr K = integer<impfr>(233) / integer<impfr>(100);
    impfr sum = integer<impfr>(0);
    impfr bj_over_fact = integer<impfr>(1);  // b^j/j!
    impfr bWj_over_fact = integer<impfr>(1);  // (|b|W)^j/j!, upper
    impfr Wj1 = W;                            // W^{j+1}
    for (unsigned j = 0;; ++j) {
        if (j > 0) {
            const impfr q = bW / integer<impfr>(j + 1);
            if (q.upper() <= mpfr(0.5)) {
                const impfr tail = integer<impfr>(2) * K * bWj_over_fact;
                if (negligible(tail.upper(), sum) || j >= max_terms) {
                    sum += symmetric(mpfr(tail.upper()));
                    break;
                }
            }
        }
        if (j >= max_terms) throw std::domain_error("log_kernel_near: series did not converge");
        const impfr j1 = integer<impfr>(j + 1);
        impfr A = integer<impfr>(2) * Wj1 * (logW / j1 - integer<impfr>(1) / arith::square(j1)) -
                  Wj1 * arith::square(W) / (integer<impfr>(2) * integer<impfr>(j + 3));
        impfr inner = integer<impfr>(0);
        for (unsigned m = 1; m <= M; ++m) inner += cW[m - 1] / integer<impfr>(j + 4 * m + 1);
        A += Wj1 * (inner + rem_unit);
        sum += bj_over_fact * A;
        bj_over_fact = bj_over_fact * b / integer<impfr>(j + 1);
        bWj_over_fact = bWj_over_fact * bW / integer<impfr>(j + 1);
        Wj1 *= W;
    }
    return sum / k;
}

// Lemma X.5. T = −Σ_n G_n/n, G_n = ∫_μ^∞ e^{al − n k² l²} dl
//   = (√π/(2√s_n)) e^{aμ} e^{−s_n μ²} erfcx(√s_n μ − a/(2√s_n)),  s_n = n k²;
// Σ_{n>N} G_n/n <= G_1 ρ^N/((N+1)(1−ρ)), ρ = e^{−k²μ²}.
impfr log_kernel_far(const impfr& a, const impfr& mu, const impfr& k) {
    const impfr kmu_lo = k * impfr(mu.lower());
    if (!(mu.lower() > 0) || !(kmu_lo.lower() >= 1))
        throw std::domain_error("log_kernel_far: k*mu >= 1 not certain");
    const impfr k2 = arith::square(k);
    const impfr rho = impfr(arith::exp(-arith::square(kmu_lo)).upper());  // upper bound of ρ
    const impfr one_minus_rho = integer<impfr>(1) - rho;
    const impfr half_sqrt_pi = arith::sqrt_pi<impfr>() / integer<impfr>(2);
    impfr sum = integer<impfr>(0);
    impfr G1_up;
    impfr rho_n = integer<impfr>(1);  // ρ^{n−1}
    for (unsigned n = 1;; ++n) {
        impfr G;
        {
            // G_n <= G_1 ρ^{n−1}: later terms need fewer bits; evaluating them at a lower working
            // precision still gives enclosures (the sum below is formed at full precision).
            const unsigned bits = n == 1 ? arith::working_bits()
                                         : bits_needed(log2_upper(arith::mig(sum)), log2_upper((G1_up * rho_n).upper()));
            const impfr mu_b = mu, a_b = a, k2_b = k2;  // full-precision inputs, rounded outward below
            arith::precision_guard low(bits);
            const impfr s = integer<impfr>(n) * k2_b;
            const impfr rs = arith::sqrt(s);
            G = half_sqrt_pi / rs * arith::exp(a_b * mu_b) * gaussian_erfcx_factor(s, rs, mu_b, -a_b, +1);
        }
        if (n == 1) G1_up = impfr(G.upper());
        sum += G / integer<impfr>(n);
        rho_n *= rho;  // ρ^n
        const impfr tail = G1_up * rho_n / (integer<impfr>(n + 1) * one_minus_rho);
        // Stop when the tail is negligible relative to the sum or, when the whole piece underflows
        // (k|μ| huge: e^{−k²μ²} below MPFR's range), below 2^{−p−16}/k absolutely; the added
        // tail keeps the enclosure rigorous either way.
        const mpfr abs_tol = (impfr(pow2_neg(static_cast<long>(arith::working_bits()) + 16)) / k).lower();
        if (negligible(tail.upper(), sum) || tail.upper() <= abs_tol || n >= max_terms) {
            sum += arith::make_interval(mpfr(0), mpfr(tail.upper()));
            break;
        }
    }
    return -sum;
}

}  // namespace gancert::counterexample
