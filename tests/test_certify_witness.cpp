// The witness-first search (certify/witness_search.hpp): refutations found by descending toward
// Newton candidates must be exact tilings whose refuting leaf passes the verifier, must contain a
// stationary point known in closed form, must never refute a true claim, and must be
// deterministic and resumable.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "gancert/certify/certificate.hpp"
#include "gancert/certify/engine.hpp"
#include "gancert/certify/evidence.hpp"
#include "gancert/certify/model_factory.hpp"
#include "gancert/certify/test_functions.hpp"
#include "gancert/certify/verify.hpp"
#include "gancert/certify/witness_search.hpp"

using namespace gancert::certify;
using nlohmann::json;

namespace {

std::string temp_path(const std::string& name) {
    return (std::filesystem::temp_directory_path() / ("gancert-test-witness-" + name + ".jsonl")).string();
}

CertifyOptions options(const std::string& name, unsigned threads = 2) {
    CertifyOptions opt;
    opt.threads = threads;
    opt.progress = false;
    opt.out = temp_path(name);
    return opt;
}

Claim claim_of(ClaimKind k) {
    Claim c;
    c.kind = k;
    return c;
}

/// The records tile `root` exactly (the verifier's tiling checker) and every leaf's stated box
/// is the one its path gives.
void require_tiling(const Box& root, const std::vector<json>& records) {
    TilingChecker t(root);
    for (const json& r : records) {
        Box b = box_from_leaf(r, root.dims());
        auto err = t.add(b.path, b);
        INFO(r.dump());
        REQUIRE(!err);
    }
    REQUIRE(!t.finish());
}

/// Exact containment of a decimal point in a leaf's box.
bool contains(const json& leaf, const std::vector<std::string>& x) {
    for (std::size_t i = 0; i < x.size(); ++i) {
        Decimal lo = Decimal::parse_extended(leaf["box"][i][0].get<std::string>());
        Decimal hi = Decimal::parse_extended(leaf["box"][i][1].get<std::string>());
        Decimal v = Decimal::parse(x[i]);
        if (v < lo || hi < v) return false;
    }
    return true;
}

std::vector<json> leaves_of(const std::string& path) {
    std::vector<json> out;
    read_certificate(path, [&](std::size_t, const json& leaf) { out.push_back(leaf); });
    return out;
}

}  // namespace

TEST_CASE("witness search: a planted saddle is found, tiled and verified", "[certify][witness]") {
    // f = Σ x_i³ − 3x_i: saddles at (1, −1) and (−1, 1), min (1, 1), max (−1, −1)
    auto f = make_test_cubic(2);
    Box root = make_root_box({"x1", "x2"}, {"-3", "-3"}, {"2.5", "3"});
    for (ClaimKind k : {ClaimKind::no_saddle, ClaimKind::no_stationary}) {
        auto w = find_witness(*f, root, claim_of(k), options("cubic"));
        REQUIRE(w);
        require_tiling(root, w->records);
        const json& leaf = w->records.back();
        REQUIRE(leaf_refutes(k, leaf));
        REQUIRE(w->depth == leaf["path"].size());
        for (std::size_t i = 0; i + 1 < w->records.size(); ++i)
            REQUIRE(w->records[i]["reason"] == reason_refuted);
        bool at_known = false;
        for (auto x : std::vector<std::vector<std::string>>{{"1", "-1"}, {"-1", "1"}, {"1", "1"}, {"-1", "-1"}})
            at_known = at_known || contains(leaf, x);
        REQUIRE(at_known);
        if (k == ClaimKind::no_saddle) REQUIRE(leaf["type"] == "saddle");
        Box B = box_from_leaf(leaf, 2);
        REQUIRE(!check_leaf(*f, B, claim_of(k), leaf, 0));
        // a planted fault in the witness is rejected: the leaf moved off the stationary point
        json moved = leaf;
        Box shifted = B;
        for (std::size_t i = 0; i < 2; ++i) {
            shifted.lo[i] = B.lo[i] + Decimal::parse("0.25");
            shifted.hi[i] = B.hi[i] + Decimal::parse("0.25");
        }
        REQUIRE(check_leaf(*f, shifted, claim_of(k), moved, 0));
    }
}

TEST_CASE("witness search: never refutes a true claim", "[certify][witness]") {
    // a minimum only: no-saddle is true, the descent ends at a unique-min leaf and gives up
    auto q = make_test_quadratic({"0.3", "-0.7"}, {"2", "0.5", "0.5", "1"}, "0");
    Box root = make_root_box({"x1", "x2"}, {"-2", "-2"}, {"2", "2"});
    REQUIRE(!find_witness(*q, root, claim_of(ClaimKind::no_saddle), options("quad-min")));
    auto w = find_witness(*q, root, claim_of(ClaimKind::no_stationary), options("quad-min"));
    REQUIRE(w);
    REQUIRE(contains(w->records.back(), {"0.3", "-0.7"}));
    require_tiling(root, w->records);
    // no stationary point in the box at all
    auto f = make_test_cubic(2);
    Box away = make_root_box({"x1", "x2"}, {"1.5", "-4"}, {"3", "-1.5"});
    REQUIRE(!find_witness(*f, away, claim_of(ClaimKind::no_stationary), options("cubic-away")));
    // other claims are not searched
    REQUIRE(!witness_search_applies(claim_of(ClaimKind::plateau)));
    REQUIRE(!witness_search_applies(claim_of(ClaimKind::extrema)));
}

TEST_CASE("witness search: the engine's certificate is deterministic, verified and resumable", "[certify][witness]") {
    // R/S/E/E's discriminator block at Case A's g, h on an unbounded half-plane: J has a minimum
    // in (a, b) near a = -1.19, b = 0.12 (the breadth-first run needs minutes here)
    auto f = make_rsee_function({{"c", "0.5"}, {"g", "1.5"}, {"h", "-2"}}, {"a", "b"});
    Box root = make_root_box({"a", "b"}, {"-inf", "-inf"}, {"-0.1", "inf"});
    Claim c = resolve_claim(*f, root, claim_of(ClaimKind::no_stationary));
    auto o1 = options("rsee-1", 1), o2 = options("rsee-2", 2);
    auto r1 = certify(*f, root, c, o1);
    auto r2 = certify(*f, root, c, o2);
    REQUIRE(r1.summary["status"] == "refuted");
    auto l1 = leaves_of(o1.out), l2 = leaves_of(o2.out);
    REQUIRE(l1 == l2);
    require_tiling(root, l1);
    REQUIRE(r1.summary["stats"]["witness"]["depth"].get<std::size_t>() == l1.back()["path"].size());
    VerifyOptions vo;
    vo.threads = 2;
    auto rep = verify_certificate(o1.out, vo);
    REQUIRE(rep.exit_code == 0);
    REQUIRE(rep.status == "refuted");
    vo.independent = true;
    REQUIRE(verify_certificate(o1.out, vo).exit_code == 0);

    // interrupted after the header and two leaves: --resume writes exactly the rest
    {
        std::ifstream in(o1.out);
        std::string line, kept;
        for (int i = 0; i < 3 && std::getline(in, line); ++i) kept += line + "\n";
        in.close();
        std::ofstream(o2.out, std::ios::trunc) << kept;
    }
    o2.resume = true;
    auto r3 = certify(*f, root, c, o2);
    REQUIRE(r3.summary["status"] == "refuted");
    REQUIRE(leaves_of(o2.out) == l1);
    REQUIRE(r3.summary["stats"]["leaves_this_run"].get<std::size_t>() == l1.size() - 2);
    std::filesystem::remove(o1.out);
    std::filesystem::remove(o2.out);
}
