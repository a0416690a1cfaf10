// The verdict of `certify` comes from the leaves actually in the certificate (issue 16): a
// dropped part of a distributed run is an error, a certificate missing leaves is never
// proved, two writers cannot share one --out.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "gancert/certify/certificate.hpp"
#include "gancert/certify/engine.hpp"
#include "gancert/certify/test_functions.hpp"
#include "gancert/certify/verify.hpp"

#include "support/certificate_files.hpp"

using namespace gancert::certify;
using nlohmann::json;

namespace {

std::string temp_path(const std::string& name) { return gancert::test::cert_temp_path("merge", name); }
std::vector<std::string> lines(const std::string& path) { return gancert::test::file_lines(path); }
void write(const std::string& path, const std::vector<std::string>& ls) { gancert::test::write_lines(path, ls); }

/// A refuted no-saddle run of x1³−3x1 + x2³−3x2 on a box holding a saddle only in part of it.
std::vector<std::string> genuine_run(const std::string& name) {
    auto cubic = make_test_cubic(2);
    Box root = make_root_box({"x1", "x2"}, {"-3", "-2.7"}, {"3.1", "3"});
    CertifyOptions opt;
    opt.threads = 2;
    opt.progress = false;
    opt.out = temp_path(name);
    opt.initial_boxes = 16;
    Claim c;
    c.kind = ClaimKind::no_saddle;
    auto r = certify(*cubic, root, c, opt);
    REQUIRE(r.summary["status"] == "refuted");
    return lines(opt.out);
}

}  // namespace

TEST_CASE("A dropped part of a distributed run is an error, never a smaller proof", "[certify][mpi]") {
    auto ls = genuine_run("genuine");
    REQUIRE(ls.size() > 4);
    // the parts of a two-rank run: header + alternate leaves each; the certificate: header only
    std::string out = temp_path("merged");
    std::vector<std::string> p0{ls[0]}, p1{ls[0]};
    std::vector<std::size_t> counts{0, 0};
    std::size_t saddles[2] = {0, 0};  // leaves holding a certified saddle, per part
    for (std::size_t i = 1; i + 1 < ls.size(); ++i) {
        bool second = i % 2 == 0;
        (second ? p1 : p0).push_back(ls[i]);
        ++counts[second ? 1 : 0];
        if (ls[i].find("\"saddle\"") != std::string::npos) ++saddles[second ? 1 : 0];
    }
    write(out, {ls[0]});
    write(part_path(out, 0), p0);
    write(part_path(out, 1), p1);

    SECTION("all parts present: merged and summarised from the leaves, as one process") {
        OutputLock lock(out);
        merge_parts(out, &counts);
        auto r = finish_certificate(out, 0, json::object());
        CHECK(r.summary["status"] == "refuted");
        CHECK(r.summary["leaves"] == ls.size() - 2);
        CHECK_FALSE(std::filesystem::exists(part_path(out, 1)));
        CHECK(verify_certificate(out, {}).exit_code == 0);
    }
    SECTION("part 1 dropped: merge fails, naming the part") {
        std::filesystem::remove(part_path(out, 1));
        OutputLock lock(out);
        try {
            merge_parts(out, &counts);
            FAIL("a missing part was merged silently");
        } catch (const std::runtime_error& e) {
            CHECK(std::string(e.what()).find("part1") != std::string::npos);
        }
    }
    SECTION("part 1 truncated: the leaf count differs from what its rank reported") {
        auto short1 = p1;
        short1.pop_back();
        write(part_path(out, 1), short1);
        OutputLock lock(out);
        CHECK_THROWS_AS(merge_parts(out, &counts), std::runtime_error);
    }
    SECTION("a rank that died before its header left an empty part: resumable, not an error") {
        write(part_path(out, 1), {});
        OutputLock lock(out);
        CHECK(merge_parts(out, nullptr) == p0.size() - 1);
        CHECK(pending_boxes(out, make_root_box({"x1", "x2"}, {"-3", "-2.7"}, {"3.1", "3"}), 16).size() > 0);
    }
    SECTION("leaves lost without a merge error: the summary is incomplete, never proved") {
        // as if the merge had skipped part 1: only part 0's leaves reach the certificate
        write(out, p0);
        std::filesystem::remove(part_path(out, 1));
        std::filesystem::remove(part_path(out, 0));
        auto r = finish_certificate(out, 0, json::object());
        CHECK(r.summary["status"] != "proved");
        // the leaf order of a threaded run varies: part 0 alone still refutes when it holds a
        // saddle leaf of its own, and can only be incomplete when every saddle leaf was in part 1
        if (saddles[0] > 0) CHECK(r.summary["status"] == "refuted");
        else CHECK(r.summary["status"] == "incomplete");
        CHECK(r.summary.contains("coverage_gap"));
        CHECK(verify_certificate(out, {}).exit_code == 1);
    }
    std::filesystem::remove(out);
    std::filesystem::remove(part_path(out, 0));
    std::filesystem::remove(part_path(out, 1));
}

TEST_CASE("One writer per certificate path", "[certify]") {
    std::string out = temp_path("locked");
    OutputLock first(out);
    CHECK_THROWS_AS(OutputLock(out), std::runtime_error);
    auto cubic = make_test_cubic(2);
    Box root = make_root_box({"x1", "x2"}, {"1.5", "1.5"}, {"3", "3"});
    CertifyOptions opt;
    opt.progress = false;
    opt.out = out;
    Claim c;
    CHECK_THROWS_AS(certify(*cubic, root, c, opt), std::runtime_error);
    opt.resume = true;
    CHECK_THROWS_AS(certify(*cubic, root, c, opt), std::runtime_error);
    std::filesystem::remove(out);
}
