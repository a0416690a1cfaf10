// Verified Gauss–Legendre rules (see gauss_legendre.hpp and lemma Q.1 in proofs/lemmas.md).
#include "gancert/arith/scoped_mpfr.hpp"
#include "gancert/quad/gauss_legendre.hpp"

#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <utility>

namespace gancert::quad {
namespace {

using arith::impfr;
using arith::idouble;
using arith::mpfr;

using Raw = arith::scoped_mpfr;

/// Newton refinement of a root of P_n near x0 at precision `prec` (not rigorous).
/// Precision is doubled step by step from double accuracy.
void newton_root(mpfr_ptr x, double x0, std::size_t n, mpfr_prec_t prec) {
    // double phase
    double xd = x0;
    for (int it = 0; it < 30; ++it) {
        double p0 = 1, p1 = xd;
        for (std::size_t k = 1; k < n; ++k) {
            double p2 = ((2.0 * k + 1) * xd * p1 - k * p0) / (k + 1.0);
            p0 = p1;
            p1 = p2;
        }
        double dp = n * (xd * p1 - p0) / (xd * xd - 1);
        double step = p1 / dp;
        xd -= step;
        if (std::fabs(step) < 1e-15 * std::fabs(xd)) break;
    }
    mpfr_set_prec(x, prec);
    mpfr_set_d(x, xd, MPFR_RNDN);
    std::vector<mpfr_prec_t> schedule;
    for (mpfr_prec_t p = prec; p > 40; p = p / 2 + 8) schedule.insert(schedule.begin(), p);
    schedule.push_back(prec);  // one extra step at full precision
    Raw p0(prec), p1(prec), p2(prec), t(prec), dp(prec);
    for (mpfr_prec_t p : schedule) {
        mpfr_prec_round(x, p, MPFR_RNDN);
        mpfr_set_prec(p0.v, p), mpfr_set_prec(p1.v, p), mpfr_set_prec(p2.v, p);
        mpfr_set_prec(t.v, p), mpfr_set_prec(dp.v, p);
        mpfr_set_ui(p0.v, 1, MPFR_RNDN);
        mpfr_set(p1.v, x, MPFR_RNDN);
        for (std::size_t k = 1; k < n; ++k) {
            // p2 = ((2k+1) x p1 − k p0)/(k+1)
            mpfr_mul(t.v, x, p1.v, MPFR_RNDN);
            mpfr_mul_ui(t.v, t.v, 2 * k + 1, MPFR_RNDN);
            mpfr_mul_ui(p2.v, p0.v, k, MPFR_RNDN);
            mpfr_sub(p2.v, t.v, p2.v, MPFR_RNDN);
            mpfr_div_ui(p2.v, p2.v, k + 1, MPFR_RNDN);
            mpfr_swap(p0.v, p1.v);
            mpfr_swap(p1.v, p2.v);
        }
        // dp = n (x p1 − p0)/(x² − 1); x −= p1/dp
        mpfr_mul(t.v, x, p1.v, MPFR_RNDN);
        mpfr_sub(t.v, t.v, p0.v, MPFR_RNDN);
        mpfr_mul_ui(t.v, t.v, n, MPFR_RNDN);
        mpfr_sqr(dp.v, x, MPFR_RNDN);
        mpfr_sub_ui(dp.v, dp.v, 1, MPFR_RNDN);
        mpfr_div(dp.v, t.v, dp.v, MPFR_RNDN);
        mpfr_div(t.v, p1.v, dp.v, MPFR_RNDN);
        mpfr_sub(x, x, t.v, MPFR_RNDN);
    }
}

/// Interval values of P_{n−1}(x) and P_n(x) by the three-term recurrence (at the working precision).
std::pair<impfr, impfr> legendre_pair(const impfr& x, std::size_t n) {
    impfr p0(1), p1 = x;
    if (n == 0) return {impfr(0), impfr(1)};
    for (std::size_t k = 1; k < n; ++k) {
        impfr p2 = (impfr(static_cast<long>(2 * k + 1)) * x * p1 - impfr(static_cast<long>(k)) * p0) /
                   impfr(static_cast<long>(k + 1));
        p0 = std::move(p1);
        p1 = std::move(p2);
    }
    return {p0, p1};
}

/// Interval values of P_m(x) and P_m'(x): P'_{k+1} = ((2k+1)(P_k + x P'_k) − k P'_{k−1})/(k+1).
std::pair<impfr, impfr> legendre_with_derivative(const impfr& x, std::size_t m) {
    if (m == 0) return {impfr(1), impfr(0)};
    impfr p0(1), p1 = x, d0(0), d1(1);
    for (std::size_t k = 1; k < m; ++k) {
        impfr a(static_cast<long>(2 * k + 1)), b(static_cast<long>(k)), c(static_cast<long>(k + 1));
        impfr p2 = (a * x * p1 - b * p0) / c;
        impfr d2 = (a * (p1 + x * d1) - b * d0) / c;
        p0 = std::move(p1), p1 = std::move(p2);
        d0 = std::move(d1), d1 = std::move(d2);
    }
    return {p1, d1};
}

mpfr round_to(const mpfr& v, unsigned bits, mpfr_rnd_t rnd) {
    mpfr r = arith::fresh_mpfr(bits);
    mpfr_set(arith::raw(r), arith::raw(v), rnd);
    return r;
}

/// Verified rule with enclosures at `bits` bits (internal work at bits + 64 + 2n).
std::unique_ptr<GaussLegendreRule<impfr>> compute_rule(std::size_t n, unsigned bits) {
    if (n < 1 || n > 2000) throw std::invalid_argument("gauss_legendre: n = " + std::to_string(n) + " outside [1, 2000]");
    // Interval evaluation of the three-term recurrence widens like (1 + √2)^n times the
    // rounding unit (interval widths add where the true errors would cancel), so the
    // internal precision carries 2n extra bits.
    const unsigned prec = bits + 64 + 2 * static_cast<unsigned>(n);
    auto rule = std::make_unique<GaussLegendreRule<impfr>>();
    std::vector<impfr> lo_half_nodes, lo_half_weights;  // nodes x > 0 (and x = 0), descending index
    std::vector<impfr> pos_nodes, pos_weights;
    {
        arith::precision_guard guard(prec);
        const std::size_t half = n / 2;  // number of strictly positive roots
        Raw x(prec);
        mpfr delta = arith::fresh_mpfr(prec);
        mpfr_set_ui_2exp(arith::raw(delta), 1, -static_cast<long>(bits + 24), MPFR_RNDN);
        for (std::size_t i = 0; i < half; ++i) {
            // i-th largest root, initial guess cos(π(i + 3/4)/(n + 1/2))
            double x0 = std::cos(3.14159265358979323846 * (i + 0.75) / (n + 0.5));
            newton_root(x.v, x0, n, prec);
            mpfr xm = arith::fresh_mpfr(prec);
            mpfr_set(arith::raw(xm), x.v, MPFR_RNDN);
            mpfr l = arith::fresh_mpfr(prec), u = arith::fresh_mpfr(prec);
            mpfr_sub(arith::raw(l), arith::raw(xm), arith::raw(delta), MPFR_RNDD);
            mpfr_add(arith::raw(u), arith::raw(xm), arith::raw(delta), MPFR_RNDU);
            // sign change of P_n between l and u
            impfr pl = legendre_pair(impfr(l), n).second;
            impfr pu = legendre_pair(impfr(u), n).second;
            bool change = (arith::certainly_positive(pl) && arith::certainly_negative(pu)) ||
                          (arith::certainly_negative(pl) && arith::certainly_positive(pu));
            if (!change || !(l > 0))
                throw std::runtime_error("gauss_legendre: node verification failed (n = " +
                                         std::to_string(n) + ", i = " + std::to_string(i) + ")");
            // round the enclosure outward to `bits`
            mpfr lb = round_to(l, bits, MPFR_RNDD), ub = round_to(u, bits, MPFR_RNDU);
            impfr X(lb, ub);
            // weight 2(1 − x²)/(n P_{n−1}(x))² over the enclosure; P_{n−1} in mean-value form
            // P_{n−1}(X) ⊂ P_{n−1}(x̃) + P'_{n−1}(X)(X − x̃) (the plain recurrence over X would
            // widen by ~2.4^n through the wrapping effect).
            impfr Xt(l, u);  // the tight enclosure (width 2δ)
            impfr pm1 = legendre_pair(impfr(xm), n).first +
                        legendre_with_derivative(Xt, n - 1).second * (Xt - impfr(xm));
            impfr w = impfr(2) * (impfr(1) - square(Xt)) / square(impfr(static_cast<long>(n)) * pm1);
            pos_nodes.push_back(X);
            pos_weights.push_back(w);
        }
        // disjointness (positive nodes are produced in descending order)
        for (std::size_t i = 1; i < pos_nodes.size(); ++i)
            if (!(pos_nodes[i].upper() < pos_nodes[i - 1].lower()))
                throw std::runtime_error("gauss_legendre: node enclosures overlap (n = " + std::to_string(n) + ")");
    }
    // Assemble at `bits`: negative half by the symmetry P_n(−x) = (−1)^n P_n(x).
    arith::precision_guard guard(bits);
    auto round_iv = [&](const impfr& v) {
        return impfr(round_to(v.lower(), bits, MPFR_RNDD), round_to(v.upper(), bits, MPFR_RNDU));
    };
    for (std::size_t i = 0; i < pos_nodes.size(); ++i) {
        rule->nodes.push_back(-round_iv(pos_nodes[i]));
        rule->weights.push_back(round_iv(pos_weights[i]));
    }
    if (n % 2 == 1) {  // P_n is odd: x = 0 is a root exactly; weight 2/(n P_{n−1}(0))²
        impfr w;
        {
            arith::precision_guard g2(prec);
            impfr pm1 = legendre_pair(impfr(0), n).first;
            w = impfr(2) / square(impfr(static_cast<long>(n)) * pm1);
        }
        rule->nodes.push_back(impfr(0));
        rule->weights.push_back(round_iv(w));
    }
    for (std::size_t i = pos_nodes.size(); i-- > 0;) {
        rule->nodes.push_back(round_iv(pos_nodes[i]));
        rule->weights.push_back(round_iv(pos_weights[i]));
    }
    // The middle enclosures must be disjoint from 0 / from each other across the symmetry.
    if (!pos_nodes.empty() && !(pos_nodes.back().lower() > 0))
        throw std::runtime_error("gauss_legendre: central node enclosure reaches 0");
    return rule;
}

template <class Rule>
struct Cache {
    std::mutex mutex;
    std::map<std::pair<std::size_t, unsigned>, std::unique_ptr<Rule>> table;
};

}  // namespace

template <>
const GaussLegendreRule<impfr>& gauss_legendre<impfr>(std::size_t n) {
    static Cache<GaussLegendreRule<impfr>> cache;
    const unsigned bits = arith::working_bits();
    std::lock_guard<std::mutex> lock(cache.mutex);
    auto& slot = cache.table[{n, bits}];
    if (!slot) slot = compute_rule(n, bits);
    return *slot;
}

namespace {

/// The rule in a fixed-precision type, converted from the 96-bit enclosures once per n
/// (`convert` maps an enclosure to the type: outward for idouble, a midpoint for the others).
template <class T, class Convert>
const GaussLegendreRule<T>& converted_rule(std::size_t n, Convert convert) {
    static Cache<GaussLegendreRule<T>> cache;
    std::lock_guard<std::mutex> lock(cache.mutex);
    auto& slot = cache.table[{n, 0u}];
    if (!slot) {
        auto hi = compute_rule(n, 96);
        auto r = std::make_unique<GaussLegendreRule<T>>();
        for (std::size_t i = 0; i < n; ++i) {
            r->nodes.push_back(convert(hi->nodes[i]));
            r->weights.push_back(convert(hi->weights[i]));
        }
        slot = std::move(r);
    }
    return *slot;
}

}  // namespace

template <>
const GaussLegendreRule<idouble>& gauss_legendre<idouble>(std::size_t n) {
    return converted_rule<idouble>(n, [](const impfr& v) {
        arith::rounding<double> rd;
        return idouble(rd.conv_down(v.lower()), rd.conv_up(v.upper()));
    });
}

template <>
const GaussLegendreRule<double>& gauss_legendre<double>(std::size_t n) {
    return converted_rule<double>(n, [](const impfr& v) { return arith::to_double(v); });
}

template <>
const GaussLegendreRule<long double>& gauss_legendre<long double>(std::size_t n) {
    return converted_rule<long double>(
        n, [](const impfr& v) { return mpfr_get_ld(arith::raw(arith::midpoint(v)), MPFR_RNDN); });
}

}  // namespace gancert::quad
