// JSD(Exp(c) ‖ h + Exp(1/g)) (lemma X.9): the certified series enclosure against an independent
// 200-bit tanh-sinh quadrature of the defining integral, for the printed generators and random
// (c, g, h); the enclosure must meet the requested width and lie in the TV bracket; planted errors
// (one series term dropped) must be caught by the quadrature.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "counterexample_quadrature.hpp"
#include "gancert/arith/decimal.hpp"
#include "gancert/counterexample/check.hpp"
#include "gancert/counterexample/exponential_contrast.hpp"
#include "gancert/counterexample/jensen_shannon.hpp"

using namespace gancert::arith;
using namespace gancert::counterexample;

namespace {
struct Case {
    std::string c, theta, eta;  // g = θ/c, h = η/c
};

ExponentialPair pair_of(const Case& k) {
    const impfr c = parse<impfr>(k.c, "c"), theta = parse<impfr>(k.theta, "theta"), eta = parse<impfr>(k.eta, "eta");
    const int sign = k.eta[0] == '-' ? -1 : (k.eta == "0" ? 0 : 1);
    return ExponentialPair{c, c / theta, eta / c, sign, k.theta == "1"};
}

/// JSD by direct quadrature of ½ p log(2p/(p+q)) + ½ q log(2q/(p+q)) (round-to-nearest MPFR),
/// split at 0, h and at m + 2^j; the cut-off X leaves a tail below log 2 (e^{−cX} + e^{−γ(X−h)}).
mpfr jsd_quadrature(const mpfr& c, const mpfr& gamma, const mpfr& h) {
    auto f = [&](const mpfr& x) {
        const mpfr p = x >= 0 ? mpfr(c * exp(-c * x)) : mpfr(0);
        const mpfr q = x >= h ? mpfr(gamma * exp(-gamma * (x - h))) : mpfr(0);
        mpfr v = 0;
        if (p > 0) v += p * log(2 * p / (p + q));
        if (q > 0) v += q * log(2 * q / (p + q));
        return mpfr(v / 2);
    };
    const mpfr lo = h < 0 ? h : mpfr(0), m = h > 0 ? h : mpfr(0);
    const mpfr rate = c < gamma ? c : gamma;
    const mpfr X = m + mpfr(200) / rate;
    std::vector<mpfr> pts{lo, m};
    for (mpfr step = mpfr(1) / rate / 8; m + step < X; step *= 2) pts.push_back(m + step);
    pts.push_back(X);
    return ce_test::integrate_pieces(f, pts);
}

void compare(const Case& k, unsigned digits) {
    precision_guard g(bits_for_digits(digits, 64));
    const ExponentialPair p = pair_of(k);
    const impfr jsd = jensen_shannon(p);
    const impfr tv = total_variation(p);
    const impfr bracket = jensen_shannon_bracket(tv);
    mpfr q;
    {
        precision_guard g2(230);
        q = jsd_quadrature(midpoint(p.c), midpoint(p.same_rate ? p.c : p.gamma), midpoint(p.h));
    }
    INFO("c = " << k.c << ", theta = " << k.theta << ", eta = " << k.eta << ": JSD = [" << to_decimal(jsd.lower(), 45, MPFR_RNDD) << ", " << to_decimal(jsd.upper(), 45, MPFR_RNDU) << "]"
                << ", quadrature " << to_decimal(q, 50, MPFR_RNDN));
    CHECK(meets_relative_width(jsd, digits));
    CHECK(jsd.lower() >= bracket.lower());
    CHECK(jsd.upper() <= bracket.upper());
    const mpfr err = abs(mpfr(q - midpoint(jsd)));
    CHECK(err < ldexp(mpfr(1), -180) + mpfr(width_up(jsd)));
}
}  // namespace

TEST_CASE("JSD: series enclosure vs 200-bit quadrature at the printed generators", "[counterexample][jsd]") {
    // the generators printed by `gancert counterexample` (c = 0.5 and c = 7), every branch:
    // crossing with γ > c (G1, G2), no crossing (G3), same rate (G4), γ < c with h > 0 (G5)
    for (const char* c : {"0.5", "7"})
        for (const auto& te : {std::pair{"0.6", "-0.25"}, {"0.25", "0"}, {"0.75", "-1"}, {"1", "-0.5"}, {"2", "0.5"}})
            compare(Case{c, te.first, te.second}, 40);
}

TEST_CASE("JSD: series enclosure vs quadrature at random (c, g, h)", "[counterexample][jsd]") {
    std::mt19937 rng(20261122);
    std::uniform_int_distribution<int> cdist(20, 500), tdist(20, 500), edist(-200, 200);
    int done = 0;
    while (done < 8) {
        const int t = tdist(rng);
        if (t >= 80 && t <= 120) continue;  // keep |θ − 1| >= 0.2 (β = γ/|γ − c| moderate)
        auto dec = [](int v) { return std::to_string(v / 100.0).substr(0, v < 0 ? 5 : 4); };
        const int e = edist(rng);
        Case k{dec(cdist(rng)), dec(t), e == 0 ? std::string("0") : dec(e)};
        compare(k, 30);
        ++done;
    }
}

TEST_CASE("JSD: a dropped series term is caught by the quadrature (planted error)", "[counterexample][jsd]") {
    for (int drop : {1, 3}) {
        for (const auto& te : {std::pair{"0.6", "-0.25"}, {"0.75", "-1"}}) {
            precision_guard g(200);
            const ExponentialPair p = pair_of(Case{"0.5", te.first, te.second});
            const impfr wrong = jensen_shannon(p, drop);
            mpfr q;
            {
                precision_guard g2(230);
                q = jsd_quadrature(midpoint(p.c), midpoint(p.gamma), midpoint(p.h));
            }
            INFO("drop " << drop << " theta " << te.first);
            CHECK(!contains(wrong, q));
        }
    }
}
