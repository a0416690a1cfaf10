// Lemma leaves of the ordinary claims (proofs/lemmas.md §S1, §S2, §S8; lib/src/certify/
// evidence_lemma.cpp): the hypotheses are checked on the leaf by the certifier and re-derived by
// the verifier (check_leaf). Planted false hypotheses — a lemma cited on a leaf where it does not
// hold, a wrong sign, a shrunk remainder — must be rejected. The sign an S8b leaf asserts is
// compared with an independent method: the validated integral path's enclosures of ∂J/∂b at
// points of the leaf (model::evaluate_integral), which must never contradict it.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "gancert/certify/box.hpp"
#include "gancert/certify/claim.hpp"
#include "gancert/certify/evidence.hpp"
#include "gancert/certify/model_factory.hpp"
#include "gancert/model/integral_path.hpp"

using namespace gancert;
using namespace gancert::certify;
using arith::idouble;
using nlohmann::json;

namespace {

Box box(const std::vector<std::string>& lo, const std::vector<std::string>& hi) {
    Box b;
    for (std::size_t i = 0; i < lo.size(); ++i) {
        b.lo.push_back(Decimal::parse_extended(lo[i]));
        b.hi.push_back(Decimal::parse_extended(hi[i]));
    }
    return b;
}
Claim no_stationary() { return Claim{ClaimKind::no_stationary, {}, {}, {}}; }

/// The leaf the certifier makes for B (a final leaf is required).
json decide(const BoxFunction& f, const Box& B) {
    BoxDecision d = analyse_box(f, B, no_stationary(), 53, nullptr);
    REQUIRE(d.kind == BoxDecision::final_leaf);
    return d.evidence;
}

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
    auto f = make_rsee_function({{"c", "0.5"}}, {"a", "b", "g", "h"});
    // shrink a towards 0 until S8b holds (the certifier's own route: split along a)
    std::string ahi = "0.5";
    json l;
    Box B;
    for (int k = 0; k < 40; ++k) {
        B = box({"0", "0.5", "0.2", "-1"}, {ahi, "1.5", "1", "1"});
        BoxDecision d = analyse_box(*f, B, no_stationary(), 53, nullptr);
        if (d.kind == BoxDecision::final_leaf) { l = d.evidence; break; }
        ahi = (Decimal::parse(ahi).half()).str();
    }
    REQUIRE(l.value("lemma", "") == "S8b");
    CHECK(l.at("sign") == 1);
    CHECK_FALSE(check_leaf(*f, B, no_stationary(), l, 53));
    // independent check: ∂J/∂b by the integral path at corners and the midpoint of the leaf
    auto mid = B.midpoint();
    for (unsigned m = 0; m <= 16; ++m) {
        std::vector<Decimal> p(4);
        for (std::size_t i = 0; i < 4; ++i) p[i] = m == 16 ? mid[i] : ((m >> i) & 1 ? B.hi[i] : B.lo[i]);
        auto x = point_intervals<idouble>(p);
        model::Params<idouble> prm{x[0], x[1], x[2], x[3], idouble(0.5)};
        auto e = model::evaluate_integral(prm);
        CHECK_FALSE(e.J.g[1].upper() < 0);  // never contradicts dJ/db > 0
    }
    json small = l;
    small["remainder"] = json::array({"0", "1e-40"});
    CHECK(check_leaf(*f, B, no_stationary(), small, 53));
    json relabel = l;
    relabel["lemma"] = "S8a";
    CHECK(check_leaf(*f, B, no_stationary(), relabel, 53));
    // the same leaf with a wider a-range: the remainder grows past the base
    Box wide = box({"0", "0.5", "0.2", "-1"}, {"0.5", "1.5", "1", "1"});
    CHECK(check_leaf(*f, wide, no_stationary(), l, 53));
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
