// Lemma leaves of the ordinary claims (proofs/lemmas.md §S1, §S2, §S8, §S10, §S11, §S12; lib/src/certify/
// evidence_lemma.cpp): the hypotheses are checked on the leaf by the certifier and re-derived by
// the verifier (check_leaf). Planted false hypotheses — a lemma cited on a leaf where it does not
// hold, a wrong sign, a shrunk remainder — must be rejected. The sign an S8b leaf asserts is
// compared with an independent method: the validated integral path's enclosures of ∂J/∂b at
// points of the leaf (model::evaluate_integral), which must never contradict it.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "certify_test_support.hpp"
#include "certify_leaf_support.hpp"
#include "gancert/certify/box.hpp"
#include "gancert/certify/claim.hpp"
#include "gancert/certify/evidence.hpp"
#include "gancert/certify/model_factory.hpp"
#include "gancert/model/integral_path.hpp"

using namespace gancert;
using namespace gancert::certify;
using arith::idouble;
using nlohmann::json;
using leaf_support::decide;
using leaf_support::no_stationary;
using leaf_support::with;

namespace {


}  // namespace

TEST_CASE("lemma S1 on unbounded leaves for both signs of a and planted on a-ranges containing 0") {
    auto f = make_rsee_function({{"c", "0.5"}}, {"a", "b", "g", "h"});
    Box pos = box({"0.5", "-inf", "0", "-inf"}, {"inf", "inf", "inf", "inf"});
    Box neg = box({"-inf", "-inf", "0", "-inf"}, {"-0.001", "inf", "inf", "inf"});
    json lp = decide(*f, pos), ln = decide(*f, neg);
    CHECK(lp.at("lemma") == "S1");
    CHECK(lp.at("sign") == -1);  // −sign a
    CHECK(ln.at("lemma") == "S1");
    CHECK(ln.at("sign") == 1);
    CHECK_FALSE(check_leaf(*f, pos, no_stationary(), lp, 53));
    CHECK_FALSE(check_leaf(*f, neg, no_stationary(), ln, 53));
    // planted: the same leaf on boxes whose a-range contains 0 (closed at 0, or through it)
    for (Box bad : {box({"0", "-1", "0", "-1"}, {"inf", "1", "1", "1"}),
                    box({"-1", "-1", "0", "-1"}, {"0.5", "1", "1", "1"})}) {
        auto err = check_leaf(*f, bad, no_stationary(), lp, 53);
        REQUIRE(err);
        CHECK(err->find("hypotheses do not hold") != std::string::npos);
    }
    json wrong = lp;
    wrong["sign"] = 1;
    CHECK(check_leaf(*f, pos, no_stationary(), wrong, 53));
    // the claim must be one of no-saddle / no-stationary
    CHECK(check_leaf(*f, pos, Claim{ClaimKind::plateau, Decimal(1), Decimal(1), Decimal(1)}, lp, 53));
}

TEST_CASE("lemma S2 needs a fixed to 0 and b away from 0") {
    auto f = make_rsee_function({{"c", "1"}, {"a", "0"}}, {"b", "g", "h"});
    Box ok = box({"0.25", "0", "-2"}, {"inf", "3", "2"});
    json l = decide(*f, ok);
    CHECK(l.at("lemma") == "S2");
    CHECK(l.at("sign") == 1);
    CHECK_FALSE(check_leaf(*f, ok, no_stationary(), l, 53));
    CHECK(check_leaf(*f, box({"-1", "0", "-2"}, {"1", "3", "2"}), no_stationary(), l, 53));  // b ∋ 0
    // the same leaf for a model with a = 0.1 fixed: S2's a = 0 hypothesis fails
    auto f2 = make_rsee_function({{"c", "1"}, {"a", "0.1"}}, {"b", "g", "h"});
    CHECK(check_leaf(*f2, ok, no_stationary(), l, 53));
}

TEST_CASE("lemma S8b next to a = 0 against the integral path with planted remainders") {
    // g, h fixed (the discriminator's landscape at a fixed generator): S1 and S10 need g or h free;
    // b < 0 so that S19 (b > 0, a >= 0: the data's term dominates) does not decide first
    auto f = make_rsee_function({{"c", "0.5"}, {"g", "0.6"}, {"h", "0.25"}}, {"a", "b"});
    std::string ahi = "0.5";
    json l;
    Box B;
    for (int k = 0; k < 40; ++k) {  // shrink a towards 0 until S8b holds (the certifier's route)
        B = box({"0", "-1.5"}, {ahi, "-0.5"});
        BoxDecision d = analyse_box(*f, B, no_stationary(), 53, nullptr);
        if (d.kind == BoxDecision::final_leaf) { l = to_json(*d.evidence); break; }
        ahi = (Decimal::parse(ahi).half()).str();
    }
    REQUIRE(l.value("lemma", "") == "S8b");
    CHECK(l.at("sign") == -1);
    CHECK_FALSE(check_leaf(*f, B, no_stationary(), l, 53));
    // independent check: ∂J/∂b by the integral path at corners and the midpoint of the leaf
    auto mid = B.midpoint();
    for (unsigned m = 0; m <= 4; ++m) {
        std::vector<Decimal> p(2);
        for (std::size_t i = 0; i < 2; ++i) p[i] = m == 4 ? mid[i] : ((m >> i) & 1 ? B.hi[i] : B.lo[i]);
        auto x = point_intervals<idouble>(p);
        model::Params<idouble> prm{x[0], x[1], idouble(0.6), idouble(0.25), idouble(0.5)};
        auto e = model::evaluate_integral(prm);
        CHECK_FALSE(e.J.g[1].lower() > 0);  // never contradicts dJ/db < 0
    }
    CHECK(check_leaf(*f, B, no_stationary(), with(l, "remainder", json::array({"0", "1e-40"})), 53));
    CHECK(check_leaf(*f, B, no_stationary(), with(l, "lemma", "S8a"), 53));
    // the same leaf with a wider a-range: the remainder grows past the base
    CHECK(check_leaf(*f, box({"0", "-1.5"}, {"0.5", "-0.5"}), no_stationary(), l, 53));
    // S10 is not available here (g and h fixed): planted, it is rejected
    json s10 = {{"evidence", "lemma"}, {"bits", 53}, {"lemma", "S10"}, {"hypotheses", json::array()}, {"conclusion", "x"}};
    CHECK(check_leaf(*f, B, no_stationary(), s10, 53));
}

TEST_CASE("lemma S10 decides boxes meeting a = 0 away from L_c; the integral path agrees at sampled points") {
    auto f = make_rsee_function({{"c", "0.5"}}, {"a", "b", "g", "h"});
    // b away from 0 (S2 on the slice), and b through 0 with c(g + h) != 1 (S3 at b = 0), bounded
    // and unbounded; a through 0, closed at 0 from either side
    std::vector<Box> boxes = {box({"-1", "0.5", "0.2", "-1"}, {"2", "3", "4", "3"}),
                              box({"0", "-inf", "0", "-inf"}, {"1", "-0.01", "inf", "inf"}),
                              box({"-3", "-2", "0", "-1"}, {"0", "2", "0.5", "1"}),      // g + h <= 1.5 < 2
                              box({"-inf", "-inf", "2", "0.5"}, {"inf", "inf", "inf", "inf"})};  // g + h >= 2.5
    for (const Box& B : boxes) {
        json l = decide(*f, B);
        REQUIRE(l.value("lemma", "") == "S10");
        CHECK_FALSE(l.contains("index"));
        CHECK_FALSE(check_leaf(*f, B, no_stationary(), l, 53));
        CHECK_FALSE(check_leaf(*f, B, Claim{ClaimKind::no_saddle, {}, {}, {}}, l, 53));
    }
    // independent check on the bounded boxes: at grid points the integral path's gradient
    // enclosure never contains 0 in every component (the lemma says some component is nonzero)
    for (std::size_t k : {0u, 2u}) {
        const Box& B = boxes[k];
        for (unsigned m = 0; m < 81; ++m) {
            std::vector<Decimal> p(4);
            unsigned r = m;
            for (std::size_t i = 0; i < 4; ++i, r /= 3) {
                Decimal w = B.hi[i] - B.lo[i];
                p[i] = r % 3 == 0 ? B.lo[i] : r % 3 == 2 ? B.hi[i] : B.lo[i] + w.half();
            }
            if (p[0].sign() == 0) p[0] = Decimal::parse("1e-3");  // a = 0 exactly: S2/S3 closed forms below
            auto x = point_intervals<idouble>(p);
            model::Params<idouble> prm{x[0], x[1], x[2], x[3], idouble(0.5)};
            auto e = model::evaluate_integral(prm);
            bool some_nonzero = false;
            for (int i = 0; i < 4; ++i) some_nonzero = some_nonzero || !arith::contains_zero(e.J.g[i]);
            CHECK(some_nonzero);
            // where the lemma names the excluding component (S1, a != 0): sign dJ/dh = -sign a
            CHECK_FALSE(e.J.g[3].lower() * (p[0].sign() > 0 ? 1 : -1) > 0);
        }
    }
    // planted: the S10 leaf on boxes meeting L_c (b and c(g + h) - 1 both through 0), on a box
    // with a of one sign (S1's business, but S10's hypothesis a_lo <= 0 <= a_hi fails), with b fixed
    json l = decide(*f, boxes[0]);
    for (Box bad : {box({"-1", "-1", "0", "0"}, {"1", "1", "4", "3"}), box({"0.5", "0.5", "0.2", "-1"}, {"2", "3", "4", "3"})})
        CHECK(check_leaf(*f, bad, no_stationary(), l, 53));
    auto fb = make_rsee_function({{"c", "0.5"}, {"b", "1"}}, {"a", "g", "h"});
    CHECK(check_leaf(*fb, box({"-1", "0", "0"}, {"1", "1", "1"}), no_stationary(), l, 53));
    json tampered = l;
    tampered["conclusion"] = "no stationary point";
    CHECK(check_leaf(*f, boxes[0], no_stationary(), tampered, 53));
}

TEST_CASE("lemma S11 (one-sided saturation) against the integral path, with planted bounds") {
    Claim plateau{ClaimKind::plateau, Decimal::parse("1e-6"), Decimal::parse("1e-6"), Decimal(1)};
    struct Case { const char* c; std::vector<std::string> lo, hi; };
    // (+) a >= 0, b -> -inf and (−) a <= 0, b -> +inf; a reaching 0; h through 0
    std::vector<Case> cases = {{"1", {"0", "-inf", "0", "-1"}, {"1", "-80", "1", "1"}},
                               {"0.5", {"0", "-inf", "0.2", "-2"}, {"0.5", "-90", "1.5", "0.5"}},
                               {"1", {"-1", "80", "0", "-1"}, {"0", "inf", "1", "1"}},
                               {"4.04", {"-2", "40", "0", "-1"}, {"-0.5", "inf", "0.5", "2"}}};
    for (const auto& cs : cases) {
        auto f = make_rsee_function({{"c", cs.c}}, {"a", "b", "g", "h"});
        Box B = box(cs.lo, cs.hi);
        BoxDecision d = analyse_box(*f, B, plateau, 53, nullptr);
        REQUIRE(d.kind == BoxDecision::final_leaf);
        json l = to_json(*d.evidence);
        REQUIRE(l.value("lemma", "") == "S11");
        CHECK_FALSE(check_leaf(*f, B, plateau, l, 53));
        // the integral path at the leaf's worst corner (b at its finite end, |a| largest, g and h
        // at either end) lies inside the recorded bounds of J − 1 and of every partial
        auto rec = [](const json& j) { return idouble(std::stod(j[0].get<std::string>()), std::stod(j[1].get<std::string>())); };
        idouble J = rec(l.at("J"));
        for (unsigned m = 0; m < 4; ++m) {
            const Decimal& a = B.lo[0].sign() >= 0 ? B.hi[0] : B.lo[0];
            const Decimal& b = B.lo[1].is_finite() ? B.lo[1] : B.hi[1];
            std::vector<Decimal> p = {a, b, m & 1 ? B.hi[2] : B.lo[2], m & 2 ? B.hi[3] : B.lo[3]};
            auto x = point_intervals<idouble>(p);
            model::Params<idouble> prm{x[0], x[1], x[2], x[3], point_intervals<idouble>({Decimal::parse(cs.c)})[0]};
            auto e = model::evaluate_integral(prm);
            CHECK(J.lower() <= e.J.v.upper());
            CHECK(e.J.v.lower() <= J.upper());
            for (int i = 0; i < 4; ++i) {
                idouble g = rec(l.at("grad")[i]);
                CHECK(g.lower() <= e.J.g[i].upper());
                CHECK(e.J.g[i].lower() <= g.upper());
            }
        }
        // planted: tau outside (0, beta], a gradient bound shrunk to 0, J shrunk to {1}
        for (const char* tau : {"0", "-1", "1e9"}) {
            json bad = l;
            bad["tau"] = tau;
            CHECK(check_leaf(*f, B, plateau, bad, 53));
        }
        json shrunk = l;
        shrunk["grad"][0] = json::array({"0", "0"});
        CHECK(check_leaf(*f, B, plateau, shrunk, 53));
        shrunk = l;
        shrunk["J"] = json::array({"1", "1"});
        CHECK(check_leaf(*f, B, plateau, shrunk, 53));
        // the same leaf on a box whose b-range reaches the wrong side of 0
        Box wrong = B;
        if (B.lo[0].sign() >= 0) wrong.hi[1] = Decimal(1); else wrong.lo[1] = Decimal(-1);
        CHECK(check_leaf(*f, wrong, plateau, l, 53));
    }
}

TEST_CASE("extended decimals and outward splits of unbounded ranges") {
    for (const char* s : {"inf", "+inf", "INF", "Infinity", "+INFINITY"})
        CHECK(Decimal::parse_extended(s) == Decimal::infinity(1));
    CHECK(Decimal::parse_extended("-Inf") == Decimal::infinity(-1));
    CHECK_THROWS(Decimal::parse("inf"));  // plain parse (fixed parameters): finite only
    CHECK(Decimal::infinity(-1) < Decimal::parse("-1e300"));
    CHECK(Decimal::parse("1e300") < Decimal::infinity(1));
    CHECK(split_point(Decimal::parse("-3"), Decimal::infinity(1)) == Decimal(0));
    CHECK(split_point(Decimal::parse("0.25"), Decimal::infinity(1)) == Decimal(1));
    CHECK(split_point(Decimal::parse("7"), Decimal::infinity(1)) == Decimal(14));
    CHECK(split_point(Decimal::infinity(-1), Decimal::parse("-7")) == Decimal(-14));
    CHECK(split_point(Decimal::infinity(-1), Decimal::infinity(1)) == Decimal(0));
    CHECK_THROWS(Decimal::infinity(1) + Decimal::infinity(-1));
    // the tiling check accepts outward splits of an unbounded root
    Box root = box({"-inf", "0"}, {"inf", "1"});
    auto [l, u] = root.bisect(0);
    auto [ul, uu] = u.bisect(0);
    TilingChecker t(root);
    CHECK_FALSE(t.add(l.path, l));
    CHECK_FALSE(t.add(ul.path, ul));
    CHECK_FALSE(t.add(uu.path, uu));
    CHECK_FALSE(t.finish());
    CHECK(ul.hi[0] == Decimal(1));
}

TEST_CASE("lemma S12 (tail split) near a = 0 for large |b|: bound against the integral path, planted fields") {
    // the discriminator's landscape at Case A's generator: S8b's mean-value remainder does not
    // shrink with e^{-b^2}, so at |b| >= 5 only S12 decides leaves meeting a = 0
    auto f = make_rsee_function({{"c", "0.5"}, {"g", "1.5"}, {"h", "-2"}}, {"a", "b"});
    for (int side : {1, -1}) {
        std::string blo = side > 0 ? "5" : "-5.5", bhi = side > 0 ? "5.5" : "-5";
        Decimal w = Decimal::parse("0.5");
        json l;
        Box B;
        for (int k = 0; k < 30; ++k) {  // shrink a around 0 until a lemma decides (the certifier's route)
            B = box({(-w).str(), blo}, {w.str(), bhi});
            BoxDecision d = analyse_box(*f, B, no_stationary(), 53, nullptr);
            if (d.kind == BoxDecision::final_leaf) { l = to_json(*d.evidence); break; }
            w = w.half();
        }
        REQUIRE(l.value("lemma", "") == "S12");
        CHECK(l.at("sign") == side);
        CHECK(l.at("index") == 1);
        CHECK_FALSE(check_leaf(*f, B, no_stationary(), l, 53));
        CHECK_FALSE(check_leaf(*f, B, Claim{ClaimKind::no_saddle, {}, {}, {}}, l, 53));
        // independent check: the lemma's bound side·∂J/∂b >= 2(|base| - remainder)e^{-M^2}, with
        // M = max|b| + max|a|·s, is below the integral path's enclosure at corners and midpoint
        double s = std::stod(l.at("s").get<std::string>()), A = std::stod(w.str()), M = 5.5 + A * s;
        double base = std::fabs(std::stod(l.at("base")[side > 0 ? 0 : 1].get<std::string>()));
        double rem = std::stod(l.at("remainder")[1].get<std::string>());
        double bound = 2 * (base - rem) * std::exp(-M * M);
        REQUIRE(bound > 0);
        auto mid = B.midpoint();
        for (unsigned m = 0; m <= 4; ++m) {
            std::vector<Decimal> p(2);
            for (std::size_t i = 0; i < 2; ++i) p[i] = m == 4 ? mid[i] : ((m >> i) & 1 ? B.hi[i] : B.lo[i]);
            auto x = point_intervals<idouble>(p);
            model::Params<idouble> prm{x[0], x[1], idouble(1.5), idouble(-2), idouble(0.5)};
            auto e = model::evaluate_integral(prm);
            idouble gb = side > 0 ? e.J.g[1] : -e.J.g[1];
            CHECK(gb.lower() > 0);                       // the integral path resolves the sign
            CHECK(gb.upper() >= bound * (1 - 1e-9));     // and never contradicts the lemma's bound
        }
        // planted: shrunk remainder, a split point s that leaves beta1 or beta2 <= 0, a changed s
        // (the recorded enclosures no longer contain the re-derived ones), a flipped sign, S8b's label,
        // a wider a-range
        CHECK(check_leaf(*f, B, no_stationary(), with(l, "remainder", json::array({"0", "1e-300"})), 53));
        CHECK(check_leaf(*f, B, no_stationary(), with(l, "s", "1e9"), 53));
        CHECK(check_leaf(*f, B, no_stationary(), with(l, "s", Decimal::parse(l.at("s").get<std::string>()).half().str()), 53));
        CHECK(check_leaf(*f, B, no_stationary(), with(l, "sign", -side), 53));
        json relabel = with(l, "lemma", "S8b");
        relabel.erase("s");
        CHECK(check_leaf(*f, B, no_stationary(), relabel, 53));
        CHECK(check_leaf(*f, box({"-0.5", blo}, {"0.5", bhi}), no_stationary(), l, 53));
    }
}
