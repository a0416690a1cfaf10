// The typed evidence record (gancert/certify/leaf_evidence.hpp) and its file boundary
// (lib/src/certify/evidence_json.cpp): JSON round trip for every evidence kind, the strict
// reader's rejections (each a planted malformed field), and tampered typed records (a changed
// lemma hypothesis, a changed inertia, a changed S11 tau) rejected by the verifier's re-check.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "certify_test_support.hpp"
#include "gancert/certify/box.hpp"
#include "gancert/certify/claim.hpp"
#include "gancert/certify/evidence.hpp"
#include "gancert/certify/leaf_evidence.hpp"
#include "gancert/certify/model_factory.hpp"
#include "gancert/certify/test_functions.hpp"

using namespace gancert;
using namespace gancert::certify;
using nlohmann::json;

namespace {


RecordedInterval iv(const char* lo, const char* hi) { return {lo, hi}; }

/// One hand-made record of every kind (values need not be true: only the format is tested).
std::vector<LeafEvidence> one_of_each() {
    LemmaEvidence s1{LemmaId::S1, {"a_lo > 0: a in [1, 2]", "g_lo >= 0"}, "dJ/dh < 0", 3, -1, {}, {}, {}, {}, {}, {}};
    LemmaEvidence s8{LemmaId::S8b, {"finite ranges"}, "dJ/db > 0", 1, 1, iv("0.5", "0.6"), iv("0.1", "0.2"),
                     {}, {}, {}, {}};
    LemmaEvidence s9{LemmaId::S9, {"t >= T"}, "plateau", {}, {}, {}, {}, "8", {}, iv("0.99", "1.01"),
                     {iv("-1e-9", "1e-9"), iv("-2e-9", "2e-9")}};
    LemmaEvidence s10{LemmaId::S10, {"a free"}, "no stationary point", {}, {}, {}, {}, {}, {}, {}, {}};
    LemmaEvidence s11{LemmaId::S11, {"0 < tau <= beta"}, "plateau", {}, {}, {}, {}, {}, "12.5", iv("0.9", "1.1"),
                      {iv("-1e-7", "1e-7")}};
    ExtremumSide face{{{FaceStep{1, 0, iv("-3", "-2")}}}, "face", iv("0.9", "1.2"), iv("1", "1.1"), {}, {}, {}, {}};
    ExtremumSide iso{{}, "isolated", iv("1.5", "1.5000001"), iv("1.5", "1.5000001"),
                     std::vector<std::pair<std::string, std::string>>{{"0.1", "0.2"}, {"-6", "-6"}},
                     std::vector<std::string>{"2"}, std::vector<std::string>{"1"},
                     std::vector<RecordedInterval>{iv("0.14", "0.16")}};
    return {
        {53, ExcludedEvidence{1, -1, false, iv("-2.5", "-1e-3")}},
        {128, ExcludedEvidence{0, 1, true, iv("1e-5", "0.25")}},
        {53, s1}, {53, s8}, {53, s9}, {53, s10}, {53, s11},
        {53, UniqueEvidence{{"1", "0", "0", "1"}, {"0.7", "0.7", "-0.7", "0.7"}, {iv("-0.1", "0.1"), iv("0.9", "1.1")},
                            "saddle", std::pair<int, int>(1, 1)}},
        {53, UniqueEvidence{{"1"}, {"1"}, {iv("-0.1", "0.1")}, "undetermined", std::nullopt}},
        {53, EmptyEvidence{{"1", "0", "0", "1"}, {std::nullopt, iv("7", "8")}}},
        {53, PlateauEvidence{{iv("-1e-3", "1e-3"), iv("0", "2e-3")}, iv("0.999", "1.001")}},
        {53, ViolatesEvidence{-1, {"0.5", "1.25"}, iv("1.3", "1.4")}},
        {256, BoundedEvidence{face, iso}},
        {53, MonotoneEvidence{{1, 0}, {iv("0.5", "1"), std::nullopt}, {std::string("box"), std::nullopt}}},
        {53, StationaryLineEvidence{"0.5", "saddle", "the box meets L_c", {"a_lo <= 0 <= a_hi", "c > 0: c = 0.5"}}},
        {97, UnknownEvidence{"minimum width reached"}},
    };
}

/// The reader's error for j (empty when it accepts j).
std::string reader_error(const json& j) {
    try {
        leaf_evidence_from_json(j);
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "";
}

bool names(const std::string& err, const std::string& field) { return err.find("'" + field + "'") != std::string::npos; }

}  // namespace

TEST_CASE("every evidence kind survives the JSON round trip exactly") {
    auto all = one_of_each();
    std::set<std::string> kinds;
    for (const auto& e : all) {
        json j = to_json(e);
        kinds.insert(j.at("evidence").get<std::string>());
        CHECK(j.at("evidence") == evidence_name(e));
        LeafEvidence back = leaf_evidence_from_json(j);
        CHECK(back == e);
        CHECK(to_json(back).dump() == j.dump());
        // the engine's own fields of a leaf line are not evidence and are accepted
        json line = j;
        line["path"] = json::array();
        line["box"] = json::array();
        CHECK(leaf_evidence_from_json(line) == e);
    }
    CHECK(kinds == std::set<std::string>{ev_excluded, ev_lemma, ev_unique, ev_empty, ev_plateau, ev_violates,
                                         ev_bounded, ev_monotone, "stationary-line", ev_unknown});
}

TEST_CASE("records made by the prover round-trip and are accepted by the re-check") {
    auto cubic = make_test_cubic(2);
    Claim ns{ClaimKind::no_saddle, {}, {}, {}};
    int unique = 0, excluded = 0;
    for (const Box& B : {box({"-1.51", "0.82"}, {"-0.76", "1.54"}), box({"1.5", "-2"}, {"2", "2"})}) {
        BoxDecision d = analyse_box(*cubic, B, ns, 53, nullptr);
        REQUIRE(d.kind == BoxDecision::final_leaf);
        unique += d.evidence->get<UniqueEvidence>() != nullptr;
        excluded += d.evidence->get<ExcludedEvidence>() != nullptr;
        CHECK(leaf_evidence_from_json(to_json(*d.evidence)) == *d.evidence);
        CHECK_FALSE(check_leaf(*cubic, B, ns, *d.evidence, 53));
    }
    CHECK(unique == 1);
    CHECK(excluded == 1);
}

TEST_CASE("the strict reader rejects each planted malformed field, naming it") {
    for (const auto& e : one_of_each()) {
        json good = to_json(e);
        INFO(good.dump());
        REQUIRE(reader_error(good).empty());
        for (auto it = good.begin(); it != good.end(); ++it) {
            bool optional_field = (it.key() == "bits" && e.get<UnknownEvidence>()) || it.key() == "form" || it.key() == "inertia";
            json missing = good;
            missing.erase(it.key());
            if (!optional_field) CHECK(names(reader_error(missing), it.key()));
            json wrong = good;
            wrong[it.key()] = it.value().is_object() ? json(7) : json::object();
            CHECK(names(reader_error(wrong), it.key()));
        }
        json extra = good;
        extra["surplus"] = 1;
        CHECK(names(reader_error(extra), "surplus"));
    }
    json ex = to_json({53, ExcludedEvidence{1, -1, false, iv("-2.5", "-1e-3")}});
    for (const char* bad : {"1.2.3", "inf", "-inf", "nan", "", "0x10", "1e"}) {
        json j = ex;
        j["grad"][0] = bad;
        CHECK(names(reader_error(j), "grad"));
    }
    json swapped = ex;
    swapped["grad"] = {"-1e-3", "-2.5"};  // lo > hi
    CHECK(names(reader_error(swapped), "grad"));
    json sign = ex;
    sign["sign"] = 0;
    CHECK(names(reader_error(sign), "sign"));
    json lemma = to_json({53, LemmaEvidence{LemmaId::S10, {"a free"}, "none", {}, {}, {}, {}, {}, {}, {}, {}}});
    lemma["lemma"] = "S99";
    CHECK(names(reader_error(lemma), "lemma"));
    json s10_index = to_json({53, LemmaEvidence{LemmaId::S10, {"a free"}, "none", {}, {}, {}, {}, {}, {}, {}, {}}});
    s10_index["index"] = 0;  // S10 cites no partial
    CHECK(names(reader_error(s10_index), "index"));
    json bounded = to_json(one_of_each()[12]);
    bounded["min"]["Z"][0][1] = "1e";
    CHECK(names(reader_error(bounded), "min.Z[0]"));
    bounded = to_json(one_of_each()[12]);
    bounded["max"].erase("point");
    CHECK(names(reader_error(bounded), "max.point"));
    CHECK(names(reader_error(json::array()), ""));
}

TEST_CASE("tampered typed records are rejected by the re-check") {
    auto cubic = make_test_cubic(2);
    Claim ns{ClaimKind::no_saddle, {}, {}, {}};
    Box B = box({"-1.51", "0.82"}, {"-0.76", "1.54"});
    BoxDecision d = analyse_box(*cubic, B, ns, 53, nullptr);
    REQUIRE(d.kind == BoxDecision::final_leaf);
    REQUIRE(d.evidence->get<UniqueEvidence>());
    REQUIRE(d.evidence->get<UniqueEvidence>()->inertia == std::pair<int, int>(1, 1));
    CHECK_FALSE(check_leaf(*cubic, B, ns, *d.evidence, 53));
    for (auto in : {std::pair<int, int>(0, 2), std::pair<int, int>(2, 0)}) {  // a max / a min instead
        LeafEvidence t = *d.evidence;
        std::get<UniqueEvidence>(t.kind).inertia = in;
        auto err = check_leaf(*cubic, B, ns, t, 53);
        REQUIRE(err);
        CHECK(err->find("inertia") != std::string::npos);
        std::get<UniqueEvidence>(t.kind).type = in.first == 0 ? "max" : "min";
        CHECK(check_leaf(*cubic, B, ns, t, 53));
    }

    auto rsee = make_rsee_function({{"c", "0.5"}}, {"a", "b", "g", "h"});
    Claim nst{ClaimKind::no_stationary, {}, {}, {}};
    Box pos = box({"0.5", "-inf", "0", "-inf"}, {"inf", "inf", "inf", "inf"});
    BoxDecision l = analyse_box(*rsee, pos, nst, 53, nullptr);
    REQUIRE(l.evidence->get<LemmaEvidence>());
    CHECK_FALSE(check_leaf(*rsee, pos, nst, *l.evidence, 53));
    LeafEvidence t = *l.evidence;
    std::get<LemmaEvidence>(t.kind).hypotheses[0] = "a_lo > 0: a in [0.4, inf]";  // a changed hypothesis
    auto err = check_leaf(*rsee, pos, nst, t, 53);
    REQUIRE(err);
    CHECK(err->find("hypotheses") != std::string::npos);
    t = *l.evidence;
    std::get<LemmaEvidence>(t.kind).sign = 1;  // the opposite sign
    CHECK(check_leaf(*rsee, pos, nst, t, 53));
    t = *l.evidence;
    std::get<LemmaEvidence>(t.kind).lemma = LemmaId::S10;  // a lemma whose hypotheses fail
    CHECK(check_leaf(*rsee, pos, nst, t, 53));

    // S11 with a tau outside (0, beta]: its hypotheses fail
    auto f2 = make_rsee_function({{"g", "1.5"}, {"h", "-2"}, {"c", "0.5"}}, {"a", "b"});
    Claim plateau{ClaimKind::plateau, Decimal::parse("1e-6"), Decimal::parse("1e-6"), Decimal(1)};
    Box one_sided = box({"0", "-inf"}, {"0.75", "-100"});
    BoxDecision p = analyse_box(*f2, one_sided, plateau, 53, nullptr);
    REQUIRE(p.kind == BoxDecision::final_leaf);
    REQUIRE(p.evidence->get<LemmaEvidence>());
    REQUIRE(p.evidence->get<LemmaEvidence>()->lemma == LemmaId::S11);
    CHECK_FALSE(check_leaf(*f2, one_sided, plateau, *p.evidence, 53));
    t = *p.evidence;
    std::get<LemmaEvidence>(t.kind).tau = "101";
    CHECK(check_leaf(*f2, one_sided, plateau, t, 53));
    t = *p.evidence;
    std::get<LemmaEvidence>(t.kind).J->hi = "1";  // a recorded J narrower than the lemma's bound
    CHECK(check_leaf(*f2, one_sided, plateau, t, 53));
}
