// Lemmas S13–S16 (proofs/lemmas.md; lib/src/certify/evidence_lemma.cpp): the discriminator's
// landscape for a > 0 away from a = 0, on unbounded leaves. Each lemma is made by the certifier
// on a leaf where its hypotheses hold and re-derived by the verifier (check_leaf); planted
// leaves whose hypotheses fail (an a-range below c·√π/2, a generator with h > −g, a b-range
// reaching the other side, a shrunk remainder, a flipped sign) are rejected. The conclusion each
// lemma asserts is compared with an independent method at points of the leaf: the validated
// integral path's enclosures of ∂J/∂a and ∂J/∂b (model::evaluate_integral in MPFR), which must
// resolve the asserted sign and never contradict it.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "certify_test_support.hpp"
#include "certify_leaf_support.hpp"
#include "gancert/arith/precision.hpp"
#include "gancert/certify/box.hpp"
#include "gancert/certify/claim.hpp"
#include "gancert/certify/evidence.hpp"
#include "gancert/certify/model_factory.hpp"
#include "gancert/model/integral_path.hpp"

using namespace gancert;
using namespace gancert::certify;
using arith::impfr;
using nlohmann::json;
using leaf_support::decide;
using leaf_support::no_stationary;
using leaf_support::with;

namespace {


struct Generator {
    std::string g, h, c;
};

/// (∂J/∂a, ∂J/∂b) at (a, b) by the integral path at 160 bits (an enclosure each).
std::pair<impfr, impfr> partials(const Generator& q, const std::string& a, const std::string& b) {
    arith::precision_guard guard(160);
    auto x = point_intervals<impfr>({Decimal::parse(a), Decimal::parse(b), Decimal::parse(q.g), Decimal::parse(q.h),
                                     Decimal::parse(q.c)});
    model::Params<impfr> p{x[0], x[1], x[2], x[3], x[4]};
    auto e = model::evaluate_integral(p);
    return {e.J.g[0], e.J.g[1]};
}

bool positive(const impfr& x) { return mpfr_sgn(arith::raw(x.lower())) > 0; }

/// a·∂J/∂a + b·∂J/∂b at (a, b), enclosed.
impfr radial(const Generator& q, const std::string& a, const std::string& b) {
    auto [da, db] = partials(q, a, b);
    arith::precision_guard guard(160);
    auto x = point_intervals<impfr>({Decimal::parse(a), Decimal::parse(b)});
    return x[0] * da + x[1] * db;
}

const Generator caseB{"0.35", "-4", "4.04"}, caseA{"1.5", "-2", "0.5"};

std::unique_ptr<BoxFunction> model_of(const Generator& q) {
    return make_rsee_function({{"c", q.c}, {"g", q.g}, {"h", q.h}}, {"a", "b"});
}

}  // namespace

TEST_CASE("lemma S15 (S13 or S14 at every point) decides a >= max(c sqrt(pi)/2, 2/|h|) for every b") {
    for (const Generator& q : {caseB, caseA}) {
        auto f = model_of(q);
        Box B = box({"4", "-inf"}, {"inf", "inf"});
        json l = decide(*f, B);
        CHECK(l.at("lemma") == "S15");
        CHECK_FALSE(l.contains("index"));
        CHECK_FALSE(check_leaf(*f, B, no_stationary(), l, 53));
        // the conclusion at points on both sides of the wedge b = -1 - a h, and far out
        for (const char* a : {"4", "9", "60"})
            for (const char* b : {"-300", "-20", "0", "15", "35", "250"}) {
                impfr r = radial(q, a, b);
                auto [da, db] = partials(q, a, b);
                INFO("a = " << a << ", b = " << b);
                // S14's region: b >= 1 and a h + b >= -1 (dJ/da > 0); else S13's (radial > 0)
                double ah_b = std::stod(a) * std::stod(q.h) + std::stod(b);
                if (std::stod(b) >= 1 && ah_b >= -1) CHECK(positive(da));
                else CHECK(positive(r));
            }
    }
    // planted: the same leaf where a hypothesis fails
    auto fB = model_of(caseB);
    json l = decide(*fB, box({"4", "-inf"}, {"inf", "inf"}));
    CHECK(check_leaf(*fB, box({"3", "-inf"}, {"inf", "inf"}), no_stationary(), l, 53));  // a_lo < 0.88625 c
    auto hpos = model_of({"0.35", "0.5", "4.04"});                                           // h > 0
    CHECK(check_leaf(*hpos, box({"4", "-inf"}, {"inf", "inf"}), no_stationary(), l, 53));
    auto wide = model_of({"5", "-4", "4.04"});                                                 // g + h > 0
    CHECK(check_leaf(*wide, box({"4", "-inf"}, {"inf", "inf"}), no_stationary(), l, 53));
    CHECK(check_leaf(*fB, box({"4", "-inf"}, {"inf", "inf"}), no_stationary(), with(l, "lemma", "S13"), 53));
    CHECK(check_leaf(*fB, box({"4", "-inf"}, {"inf", "inf"}), no_stationary(), with(l, "sign", 1), 53));
}

TEST_CASE("lemma S13 (radial) where the generator lies above the threshold, any h") {
    Generator q{"0.35", "0.5", "4.04"};  // h > 0: S15 does not apply
    auto f = model_of(q);
    Box B = box({"4", "-inf"}, {"8", "-6"});  // -b_hi - max(a h) = 6 - 4 = 2 >= 1
    json l = decide(*f, B);
    CHECK(l.at("lemma") == "S13");
    CHECK_FALSE(check_leaf(*f, B, no_stationary(), l, 53));
    for (const char* a : {"4", "6", "8"})
        for (const char* b : {"-6", "-12", "-100"}) CHECK(positive(radial(q, a, b)));
    // planted: b reaching -b - a h < 1, a below c sqrt(pi)/2, b fixed (the radial argument needs both)
    CHECK(check_leaf(*f, box({"4", "-inf"}, {"8", "-4.5"}), no_stationary(), l, 53));
    CHECK(check_leaf(*f, box({"3.5", "-inf"}, {"8", "-6"}), no_stationary(), l, 53));
    auto bfixed = make_rsee_function({{"c", q.c}, {"g", q.g}, {"h", q.h}, {"b", "-10"}}, {"a"});
    CHECK(check_leaf(*bfixed, box({"4"}, {"8"}), no_stationary(), l, 53));
}

TEST_CASE("lemma S14 (dJ/da > 0 above the wedge) for small a and unbounded b") {
    auto f = model_of(caseB);
    Box B = box({"0.5", "5"}, {"1", "inf"});  // b_lo + min(a h) = 5 - 4 = 1 >= -1
    json l = decide(*f, B);
    CHECK(l.at("lemma") == "S14");
    CHECK(l.at("index") == 0);
    CHECK(l.at("sign") == 1);
    CHECK_FALSE(check_leaf(*f, B, no_stationary(), l, 53));
    for (const char* a : {"0.5", "0.75", "1"})
        for (const char* b : {"5", "9", "30"}) CHECK(positive(partials(caseB, a, b).first));
    // at a = 0 too (the generator term is then -2h psi_-(b) >= 0)
    Box B0 = box({"0", "5"}, {"0.5", "inf"});
    json l0 = decide(*f, B0);
    CHECK(l0.at("lemma") == "S14");
    CHECK_FALSE(check_leaf(*f, B0, no_stationary(), l0, 53));
    CHECK(positive(partials(caseB, "0", "5").first));
    CHECK(check_leaf(*f, box({"-0.5", "5"}, {"0.5", "inf"}), no_stationary(), l0, 53));  // a < 0
    CHECK(check_leaf(*f, box({"0.5", "2"}, {"1", "inf"}), no_stationary(), l, 53));  // a h + b < -1
    CHECK(check_leaf(*f, box({"0.5", "5"}, {"inf", "inf"}), no_stationary(), l, 53));  // a unbounded: min a h = -inf
    CHECK(check_leaf(*f, B, no_stationary(), with(l, "sign", -1), 53));
    CHECK(check_leaf(*f, B, no_stationary(), with(l, "index", 1), 53));
}

TEST_CASE("lemma S16 (the heavier tail fixes the sign of dJ/db far right of the data), both rate orders") {
    struct Row {
        Generator q;
        const char *alo, *ahi, *bhi;
        int sign;
    };
    // Case B: c = 4.04 > 1/g = 2.86 (the generator's tail is heavier: dJ/db < 0); Case A: c = 0.5
    // < 1/g = 0.667 (the data's: dJ/db > 0)
    for (const Row& r : {Row{caseB, "1", "2", "-100", -1}, Row{caseA, "0.2", "0.4", "-100", 1}}) {
        auto f = model_of(r.q);
        Box B = box({r.alo, "-inf"}, {r.ahi, r.bhi});
        json l = decide(*f, B);
        CHECK(l.at("lemma") == "S16");
        CHECK(l.at("sign") == r.sign);
        CHECK(l.at("index") == 1);
        CHECK_FALSE(check_leaf(*f, B, no_stationary(), l, 53));
        for (const char* a : {r.alo, r.ahi})
            for (const char* b : {r.bhi, "-150", "-400"}) {
                impfr db = partials(r.q, a, b).second;
                if (r.sign < 0) db = -db;
                INFO("a = " << a << ", b = " << b);
                CHECK(positive(db));
            }
        // planted: a b-range too close to the data (s_lo too small), a shrunk remainder, a flipped
        // sign, an a-range down to 0, another rate order
        CHECK(check_leaf(*f, box({r.alo, "-inf"}, {r.ahi, "-1"}), no_stationary(), l, 53));
        CHECK(check_leaf(*f, B, no_stationary(), with(l, "remainder", json::array({"-1e9", "-1e8"})), 53));
        CHECK(check_leaf(*f, B, no_stationary(), with(l, "sign", -r.sign), 53));
        CHECK(check_leaf(*f, box({"0", "-inf"}, {r.ahi, r.bhi}), no_stationary(), l, 53));
        Generator other = r.sign < 0 ? caseA : caseB;
        CHECK(check_leaf(*model_of(other), B, no_stationary(), l, 53));
    }
}

TEST_CASE("lemma S17 (S13 mirrored to a < 0): no stationary point for a <= -sqrt(pi)/(2g), b >= 1") {
    for (const Generator& q : {caseA, caseB}) {
        auto f = model_of(q);
        Box B = box({"-inf", "1"}, {"-3", "inf"});  // a g <= -3 g <= -1.05 for both cases
        json l = decide(*f, B);
        CHECK(l.at("lemma") == "S17");
        CHECK_FALSE(check_leaf(*f, B, no_stationary(), l, 53));
        // the conclusion: the radial derivative a dJ/da + b dJ/db (the same in the mirrored
        // coordinates, the map being linear) is positive
        for (const char* a : {"-3", "-7", "-40"})
            for (const char* b : {"1", "4", "30"}) {
                INFO("a = " << a << ", b = " << b);
                CHECK(positive(radial(q, a, b)));
            }
        CHECK(check_leaf(*f, box({"-inf", "0.5"}, {"-3", "inf"}), no_stationary(), l, 53));   // b_lo < 1
        CHECK(check_leaf(*f, box({"-inf", "1"}, {"-0.1", "inf"}), no_stationary(), l, 53));   // -a g too small
        CHECK(check_leaf(*f, box({"-inf", "1"}, {"3", "inf"}), no_stationary(), l, 53));      // a reaches > 0
    }
}

TEST_CASE("lemma S18 (a <= 0, b << 0: dJ/db < 0) on strips unbounded below, a through 0 from the left") {
    for (const Generator& q : {caseA, caseB}) {
        auto f = model_of(q);
        Box B = box({"-2", "-inf"}, {"0", "-9"});  // b_hi + a_lo h_lo = -9 + 8 <= 0 (Case B: -9 + 8)
        json l = decide(*f, B);
        CHECK(l.at("lemma") == "S18");
        CHECK(l.at("sign") == -1);
        CHECK(l.at("index") == 1);
        CHECK_FALSE(check_leaf(*f, B, no_stationary(), l, 53));
        for (const char* a : {"-2", "-1", "0"})
            for (const char* b : {"-9", "-15"}) {
                INFO("a = " << a << ", b = " << b);
                CHECK(positive(-partials(q, a, b).second));
            }
        CHECK(check_leaf(*f, box({"-2", "-inf"}, {"0.5", "-9"}), no_stationary(), l, 53));  // a > 0 reached
        CHECK(check_leaf(*f, box({"-5", "-inf"}, {"0", "-9"}), no_stationary(), l, 53));    // a h + b > 0 reached
        CHECK(check_leaf(*f, B, no_stationary(), with(l, "remainder", json::array({"0", "1e-300"})), 53));
        CHECK(check_leaf(*f, B, no_stationary(), with(l, "sign", 1), 53));
    }
    auto hpos = model_of({"1.5", "0.5", "0.5"});  // h > 0: the generator's arguments exceed b
    CHECK(check_leaf(*hpos, box({"-2", "-inf"}, {"0", "-9"}), no_stationary(),
                     decide(*model_of(caseA), box({"-2", "-inf"}, {"0", "-9"})), 53));
}

TEST_CASE("lemma S19 (a >= 0, b >> 0: dJ/db > 0) on strips unbounded above, a through 0 from the right") {
    for (const Generator& q : {caseA, caseB, Generator{"1", "0.5", "1"}}) {
        auto f = model_of(q);
        Box B = box({"0", "40"}, {"2", "inf"});  // t0 = 40 + 2 h >= 0 (h >= -4); b_lo c >= 2 - 2c min(a h)
        json l = decide(*f, B);
        INFO("g = " << q.g << ", h = " << q.h << ", c = " << q.c);
        REQUIRE(l.value("lemma", "") != "");
        if (l.at("lemma") != "S19") continue;  // S14 comes first where h <= -g
        CHECK(l.at("sign") == 1);
        CHECK_FALSE(check_leaf(*f, B, no_stationary(), l, 53));
        for (const char* a : {"0", "1", "2"})
            for (const char* b : {"40", "45"}) {
                INFO("a = " << a << ", b = " << b);
                CHECK(positive(partials(q, a, b).second));
            }
        CHECK(check_leaf(*f, box({"-0.5", "40"}, {"2", "inf"}), no_stationary(), l, 53));  // a < 0 reached
        CHECK(check_leaf(*f, box({"0", "1"}, {"2", "inf"}), no_stationary(), l, 53));      // b_lo too small
        CHECK(check_leaf(*f, B, no_stationary(), with(l, "remainder", json::array({"1", "2"})), 53));  // above base
        CHECK(check_leaf(*f, B, no_stationary(), with(l, "sign", -1), 53));
    }
    // with a fixed (only b free) S14 cannot apply: S19 decides the far right for both paper cases
    for (const Generator& q : {caseA, caseB}) {
        auto f = make_rsee_function({{"c", q.c}, {"g", q.g}, {"h", q.h}, {"a", "2.2"}}, {"b"});
        Box B = box({"40"}, {"inf"});
        json l = decide(*f, B);
        CHECK(l.at("lemma") == "S19");
        CHECK_FALSE(check_leaf(*f, B, no_stationary(), l, 53));
    }
}
