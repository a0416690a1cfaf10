// Determinism (issue 10): the summary of a certificate does not depend on the order of its
// leaves (threads, MPI parts, resume change the order); the leaves themselves do not depend on
// the thread count (extrema incumbents fixed up front); a budget-stopped run resumed to the
// end has exactly the leaves of an uninterrupted run.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>

#include "gancert/certify/certificate.hpp"
#include "gancert/certify/engine.hpp"
#include "gancert/certify/test_functions.hpp"
#include "gancert/certify/verify.hpp"

#include "support/certificate_files.hpp"

using namespace gancert::certify;
using nlohmann::json;

namespace {

std::string temp_path(const std::string& name) { return gancert::test::cert_temp_path("det", name); }
std::vector<std::string> lines(const std::string& path) { return gancert::test::file_lines(path); }
/// The leaf lines, sorted.
std::vector<std::string> sorted_leaves(const std::string& path) {
    auto ls = lines(path);
    std::vector<std::string> r;
    for (std::size_t i = 1; i < ls.size(); ++i)
        if (ls[i].find("\"summary\"") == std::string::npos) r.push_back(ls[i]);
    std::sort(r.begin(), r.end());
    return r;
}
json summary_of(const std::string& path) {
    return summary_without_stats(json::parse(lines(path).back())["summary"]);
}
CertifyResult run(const BoxFunction& f, const Box& root, const Claim& c, const std::string& out, unsigned threads,
                  std::size_t max_leaves = 20'000'000, bool resume = false) {
    CertifyOptions opt;
    opt.threads = threads;
    opt.progress = false;
    opt.out = out;
    opt.max_leaves = max_leaves;
    opt.resume = resume;
    opt.initial_boxes = 16;
    return certify(f, root, resolve_claim(f, root, c), opt);
}

}  // namespace

TEST_CASE("The summary does not depend on the order of the leaves", "[certify][determinism]") {
    auto f = make_test_cubic(2);
    Box root = make_root_box({"x1", "x2"}, {"-3", "-2.7"}, {"3.1", "3"});
    for (std::size_t budget : {std::size_t(20'000'000), std::size_t(7)}) {  // refuted; incomplete (unknowns)
        Claim c;
        c.kind = ClaimKind::no_saddle;
        std::string p = temp_path("order");
        run(*f, root, c, p, 2, budget);
        auto ls = lines(p);
        REQUIRE(ls.size() > 4);
        json ref = assemble_certificate(p).summary;
        CHECK(ref == summary_of(p));
        std::vector<std::string> body(ls.begin() + 1, ls.end() - 1);
        std::mt19937 rng(5);
        for (int k = 0; k < 6; ++k) {
            std::shuffle(body.begin(), body.end(), rng);
            std::ofstream out(p, std::ios::trunc);
            out << ls.front() << '\n';
            for (const auto& l : body) out << l << '\n';
            out.close();
            Assembly a = assemble_certificate(p);
            CHECK(a.summary == ref);
        }
    }
}

TEST_CASE("Extrema leaves do not depend on the thread count", "[certify][determinism]") {
    auto f = make_test_cubic(2);
    Box root = make_root_box({"x1", "x2"}, {"-2.5", "-2.2"}, {"2.1", "2.4"});
    Claim c;
    c.kind = ClaimKind::extrema;
    c.delta = Decimal::parse("1e-4");
    std::string p1 = temp_path("ext1"), p2 = temp_path("ext2");
    auto r1 = run(*f, root, c, p1, 1);
    CHECK(r1.summary["status"] == "proved");
    auto l1 = sorted_leaves(p1);
    for (unsigned threads : {2u, 3u, 2u}) {
        run(*f, root, c, p2, threads);
        CHECK(sorted_leaves(p2) == l1);
        CHECK(summary_of(p2) == summary_of(p1));
    }
}

TEST_CASE("A budget-stopped run resumed to the end equals an uninterrupted run", "[certify][determinism][budget]") {
    auto f = make_test_cubic(3);
    Box root = make_root_box({"x1", "x2", "x3"}, {"-2.5", "-2.2", "-2"}, {"2.1", "2.4", "2.3"});
    Claim c;
    c.kind = ClaimKind::extrema;
    c.delta = Decimal::parse("1e-4");
    std::string full = temp_path("full"), part = temp_path("part");
    run(*f, root, c, full, 2);
    auto r = run(*f, root, c, part, 2, 25);
    CHECK(r.summary["status"] == "incomplete");
    CHECK(r.summary["unknown_volume"].get<double>() > 0);
    CHECK(r.summary["stats"]["budget"] == budget_reason_leaves);
    CHECK(r.summary["first_unknown"]["reason"] == budget_reason_leaves);
    auto rep = verify_certificate(part, {});
    CHECK(rep.exit_code == 0);
    CHECK(rep.status == "incomplete");
    for (int round = 0; round < 20; ++round) {
        r = run(*f, root, c, part, 1 + round % 2, 30, true);
        if (!r.summary["stats"].contains("budget")) break;
    }
    CHECK(r.summary["status"] == "proved");
    CHECK(summary_of(full)["status"] == "proved");
    CHECK(sorted_leaves(part) == sorted_leaves(full));
    CHECK(summary_of(part) == summary_of(full));
    CHECK(verify_certificate(part, {}).exit_code == 0);
    // re-opening: a certificate without budget leaves is left alone
    auto before = lines(part);
    CHECK(reopen_budget_leaves(part, 3).empty());
    CHECK(lines(part) == before);
}
