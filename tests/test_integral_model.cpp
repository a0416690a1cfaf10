// Integral path: soundness and closed-form checks that do not need the reference tables.
//  * planted bugs: shrinking the ellipse bound M or the tail enclosure by a huge factor must
//    make some enclosure miss an independent value (the bounds matter);
//  * box evaluation: the enclosure over a small random box contains point evaluations inside;
//  * P(0, β) against its closed form D(β)², G1(β), 2G2(β), …;
//  * sign facts ∂J/∂h < 0 and ∂J/∂g < 0 certified at random points with a > 0;
//  * a = 0 and g = 0 boxes give finite enclosures; huge arguments are enclosed or refused.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <stdexcept>
#include <string>

#include "gancert/model/integral_path.hpp"
#include "gancert/quad/detail/planted_faults.hpp"
#include "integral_reference.hpp"

using namespace gancert;
using namespace gancert::arith;
using integral_test::entry;

namespace {
bool meets(const impfr& a, const impfr& b) { return !(a.upper() < b.lower() || b.upper() < a.lower()); }

/// Independent value: the 40-digit reference row "A" (Case A), as intervals ± 1e−39 relative.
std::array<impfr, 17> case_a_reference() {
    auto rows = integral_test::read_reference("rsee_reference_40.csv");
    for (const auto& r : rows)
        if (r.id == "A") {
            std::array<impfr, 17> out;
            for (int k = 0; k < 17; ++k) {
                impfr v = parse<impfr>(r.values[k]);
                impfr e = abs(v) * parse<impfr>("1e-39");
                out[k] = impfr((v - e).lower(), (v + e).upper());
            }
            return out;
        }
    throw std::runtime_error("row A missing");
}
}  // namespace

TEST_CASE("planted bug: ellipse bound M scaled down makes an enclosure miss", "[integral][soundness]") {
    precision_guard guard(bits_for_digits(15));
    auto ref = case_a_reference();
    auto prm = model::to_scalar<impfr>(model::DecimalParams{"2.2", "-3", "1.5", "-2", "0.5"});
    model::IntegralOptions opt;
    opt.gl_points = 8;  // a low order, so that the remainder really has to be controlled
    // Control: with the true bound the (many-piece) result contains the reference.
    auto good = model::evaluate_integral_report(prm, opt);
    for (int k = 0; k < 17; ++k) CHECK(meets(entry(good.eval, k), ref[k]));
    // Planted bug: M divided by 1e60 — the adaptivity stops early and the enclosure is wrong.
    model::IntegralReport<impfr> bad;
    {
        quad::detail::planted_fault_scope fault({1e-60, 1.0});
        bad = model::evaluate_integral_report(prm, opt);
    }
    int missed = 0;
    for (int k = 0; k < 17; ++k) missed += meets(entry(bad.eval, k), ref[k]) ? 0 : 1;
    CHECK(missed > 0);
    CHECK(bad.evaluations < good.evaluations);
}

TEST_CASE("planted bug: tail enclosure scaled down makes an enclosure miss", "[integral][soundness]") {
    precision_guard guard(bits_for_digits(30));
    auto ref = case_a_reference();
    auto prm = model::to_scalar<impfr>(model::DecimalParams{"2.2", "-3", "1.5", "-2", "0.5"});
    quad::detail::planted_fault_scope fault({1.0, 1e-30});
    auto bad = model::evaluate_integral_report(prm);
    int missed = 0;
    for (int k = 0; k < 17; ++k) missed += meets(entry(bad.eval, k), ref[k]) ? 0 : 1;
    CHECK(missed > 0);
}

TEST_CASE("P(0, beta) matches its closed form", "[integral][closed-form]") {
    precision_guard guard(200);
    model::ErfDiscriminator disc;
    for (const char* b : {"-7", "-2.5", "-0.3", "0", "0.8", "3", "6.5"}) {
        impfr beta = parse<impfr>(b);
        auto rep = model::reduced_integral<impfr>(impfr(0), beta);
        // ∫ e^{−u} u^k du = k!: value D², ∂p = G1, ∂β = G1, ∂pp = 2G2, ∂pβ = G2, ∂ββ = G2.
        auto G = disc.square_derivatives(beta);
        INFO("beta = " << b);
        CHECK(rep.status == model::IntegralStatus::ok);
        CHECK(meets(rep.P.v, G[0]));
        CHECK(meets(rep.P.g[0], G[1]));
        CHECK(meets(rep.P.g[1], G[1]));
        CHECK(meets(rep.P.h[0], impfr(2) * G[2]));
        CHECK(meets(rep.P.h[1], G[2]));
        CHECK(meets(rep.P.h[2], G[2]));
        CHECK(to_double(mpfr(width_up(rep.P.v))) <= 1e-50 * std::max(1e-300, to_double(G[0])));
        // and a wrong closed form would be caught: D(β) instead of D(β)²
        if (std::string(b) != "0" && std::fabs(to_double(G[0])) < 0.99) CHECK(!meets(rep.P.v, disc(beta)));
    }
}

TEMPLATE_TEST_CASE("box enclosure contains point evaluations inside the box", "[integral][box]", idouble, impfr) {
    using I = TestType;
    precision_guard guard(96);
    std::mt19937_64 rng(2024);
    std::uniform_real_distribution<double> ua(0.2, 5), ub(-4, 4), ug(0.05, 3), uh(-4, 3), uc(0.2, 5), unit(0, 1);
    for (int trial = 0; trial < 6; ++trial) {
        const double a = ua(rng), b = ub(rng), g = ug(rng), h = uh(rng), c = uc(rng);
        const double r = 1e-3;
        model::Params<I> box{I(a, a + r), I(b, b + r), I(g, g + r), I(h, h + r), I(c, c + r)};
        auto enc = model::evaluate_integral_report(box);
        for (int k = 0; k < 17; ++k) {
            CHECK(std::isfinite(to_double(entry(enc.eval, k).lower())));
            CHECK(std::isfinite(to_double(entry(enc.eval, k).upper())));
        }
        for (int s = 0; s < 3; ++s) {
            model::Params<I> pt{I(a + r * unit(rng)), I(b + r * unit(rng)), I(g + r * unit(rng)),
                                I(h + r * unit(rng)), I(c + r * unit(rng))};
            auto v = model::evaluate_integral_report(pt);
            for (int k = 0; k < 17; ++k) {
                INFO("trial " << trial << " sample " << s << " entry " << integral_test::entry_name(k));
                CHECK(subset_of(entry(v.eval, k), entry(enc.eval, k)));
            }
        }
    }
}

TEST_CASE("boxes containing a = 0 and g = 0 give valid finite enclosures", "[integral][box]") {
    // At a = 0: J = D(b)² + (1 − D(b))², ∂J/∂g = ∂J/∂h = 0 (proofs/lemmas.md S4).
    precision_guard guard(96);
    model::Params<impfr> box{impfr(-0.01, 0.01), impfr(0.5), impfr(-0.01, 0.02), impfr(1), impfr(2)};
    auto enc = model::evaluate_integral_report(box);
    for (int k = 0; k < 17; ++k) {
        CHECK(std::isfinite(to_double(entry(enc.eval, k).lower())));
        CHECK(std::isfinite(to_double(entry(enc.eval, k).upper())));
    }
    model::ErfDiscriminator disc;
    impfr d = disc(impfr(0.5));
    CHECK(meets(enc.eval.J.v, square(d) + square(impfr(1) - d)));
    CHECK(contains_zero(enc.eval.J.g[2]));
    CHECK(contains_zero(enc.eval.J.g[3]));
    // the point a = 0 exactly
    model::Params<impfr> pt{impfr(0), impfr(0.5), impfr(0.5), impfr(1), impfr(2)};
    auto v = model::evaluate_integral_report(pt);
    CHECK(meets(v.eval.J.v, square(d) + square(impfr(1) - d)));
    CHECK(to_double(mpfr(mag(v.eval.J.g[2]))) < 1e-20);
}

TEST_CASE("sign facts dJ/dh < 0 and dJ/dg < 0 certified for a > 0", "[integral][signs]") {
    precision_guard guard(96);
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> ua(0.05, 5), ub(-5, 5), ug(0.05, 5), uh(-5, 5), uc(0.05, 5);
    int certified = 0;
    for (int trial = 0; trial < 20; ++trial) {
        model::Params<impfr> p{impfr(ua(rng)), impfr(ub(rng)), impfr(ug(rng)), impfr(uh(rng)), impfr(uc(rng))};
        auto v = model::evaluate_integral_report(p);
        INFO("trial " << trial << " dJ/dg " << to_double(v.eval.J.g[2]) << " dJ/dh " << to_double(v.eval.J.g[3]));
        CHECK(certainly_negative(v.eval.J.g[2]));
        CHECK(certainly_negative(v.eval.J.g[3]));
        certified += certainly_negative(v.eval.J.g[2]) && certainly_negative(v.eval.J.g[3]);
    }
    CHECK(certified == 20);
}

TEST_CASE("huge arguments: valid enclosure or a clear range error, never NaN", "[integral][range]") {
    precision_guard guard(80);
    const std::array<model::DecimalParams, 5> cases{{{"10000", "-1000", "6", "-8", "0.02"},
                                                     {"10000", "1000", "6", "-8", "10"},
                                                     {"0.1", "-1000", "0.02", "8", "10"},
                                                     {"0.1", "1000", "5", "-8", "0.02"},
                                                     {"2.2", "-1000", "1.5", "1000", "0.5"}}};
    for (const auto& dp : cases) {
        INFO("a=" << dp.a << " b=" << dp.b << " g=" << dp.g << " h=" << dp.h << " c=" << dp.c);
        try {
            auto v = model::evaluate_integral_report(model::to_scalar<impfr>(dp));
            for (int k = 0; k < 17; ++k) {
                const impfr& x = entry(v.eval, k);
                CHECK(!mpfr_nan_p(raw(x.lower())));
                CHECK(!mpfr_nan_p(raw(x.upper())));
            }
            // J1, J2 ∈ [0, 1]
            CHECK(v.eval.J1.upper() >= 0);
            CHECK(v.eval.J1.lower() <= 1);
            CHECK(v.eval.J2.upper() >= 0);
            CHECK(v.eval.J2.lower() <= 1);
            auto d = model::evaluate_integral(model::to_scalar<double>(dp));
            CHECK(std::isfinite(d.J.v));
            if (v.status == model::IntegralStatus::ok) CHECK(std::fabs(d.J.v - to_double(v.eval.J.v)) <= 1e-12);
        } catch (const std::range_error& e) {
            CHECK(std::string(e.what()).find("outside supported range") != std::string::npos);
        }
    }
}
