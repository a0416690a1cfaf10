// Certificates: a tampered certificate must be rejected; a killed run resumes without losing
// finished leaves.
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

std::string temp_path(const std::string& name) { return gancert::test::cert_temp_path("cert", name); }
std::vector<std::string> lines(const std::string& path) { return gancert::test::file_lines(path); }
void write(const std::string& path, const std::vector<std::string>& ls, const std::string& tail = "") {
    gancert::test::write_lines(path, ls, tail);
}
std::string make_cert(const BoxFunction& f, const Box& root, ClaimKind k, const std::string& name,
                      std::size_t max_leaves = 20'000'000) {
    CertifyOptions opt;
    opt.threads = 2;
    opt.progress = false;
    opt.out = temp_path(name);
    opt.max_leaves = max_leaves;
    // breadth first: these tests tamper with and resume certificates holding every evidence
    // kind (excluded, empty, unique, ...); witness-first certificates: test_certify_witness
    opt.witness_first = false;
    Claim c;
    c.kind = k;
    certify(f, root, resolve_claim(f, root, c), opt);
    return opt.out;
}
/// Applies `edit` to the first leaf line for which it returns true; verifies the result.
template <class Edit>
VerifyReport tamper(const std::string& cert, const std::string& name, Edit edit) {
    auto ls = lines(cert);
    bool done = false;
    for (std::size_t i = 1; i + 1 < ls.size() && !done; ++i) {
        json j = json::parse(ls[i]);
        if (edit(j)) {
            ls[i] = j.dump();
            done = true;
        }
    }
    REQUIRE(done);
    std::string p = temp_path(name);
    write(p, ls);
    return verify_certificate(p, {});
}

}  // namespace

TEST_CASE("Tampered certificates are rejected", "[certify]") {
    auto cubic = make_test_cubic(2);
    Box root = make_root_box({"x1", "x2"}, {"-3", "-2.7"}, {"3.1", "3"});
    std::string cert = make_cert(*cubic, root, ClaimKind::no_saddle, "orig");
    REQUIRE(verify_certificate(cert, {}).exit_code == 0);

    SECTION("one bound nudged inward") {
        auto rep = tamper(cert, "nudge", [](json& j) {
            if (j["evidence"] != "excluded") return false;
            auto lo = Decimal::parse(j["grad"][0].get<std::string>()), hi = Decimal::parse(j["grad"][1].get<std::string>());
            if (j["sign"] == 1) j["grad"][0] = (lo + (hi - lo).half()).str();
            else j["grad"][1] = (hi - (hi - lo).half()).str();
            return true;
        });
        CHECK(rep.exit_code == 1);
    }
    SECTION("one bound nudged across zero") {
        auto rep = tamper(cert, "nudge0", [](json& j) {
            if (j["evidence"] != "excluded") return false;
            if (j["sign"] == 1) j["grad"][0] = "-0.001"; else j["grad"][1] = "0.001";
            return true;
        });
        CHECK(rep.exit_code == 1);
    }
    SECTION("Krawczyk image nudged") {
        auto rep = tamper(cert, "nudgeK", [](json& j) {
            if (j["evidence"] != "unique") return false;
            auto lo = Decimal::parse(j["K"][0][0].get<std::string>()), hi = Decimal::parse(j["K"][0][1].get<std::string>());
            j["K"][0][0] = (lo + (hi - lo).half()).str();
            return true;
        });
        CHECK(rep.exit_code == 1);
    }
    SECTION("one leaf removed") {
        auto ls = lines(cert);
        ls.erase(ls.begin() + 3);
        write(temp_path("removed"), ls);
        auto rep = verify_certificate(temp_path("removed"), {});
        CHECK(rep.exit_code == 1);
        bool gap = false;
        for (const auto& m : rep.failures) gap = gap || m.find("do not cover") != std::string::npos;
        CHECK(gap);
    }
    SECTION("a saddle relabelled as a minimum") {
        auto rep = tamper(cert, "relabel", [](json& j) {
            if (j["evidence"] != "unique" || j["type"] != "saddle") return false;
            j["type"] = "min";
            j["inertia"] = {2, 0};
            return true;
        });
        CHECK(rep.exit_code == 1);
    }
    SECTION("an excluded leaf's evidence changed to empty / unique") {
        for (const char* ev : {"empty", "unique", "plateau", "bounded", "nonsense"}) {
            auto rep = tamper(cert, std::string("evidence-") + ev, [ev](json& j) {
                if (j["evidence"] != "excluded") return false;
                j["evidence"] = ev;
                return true;
            });
            CHECK(rep.exit_code == 1);
        }
    }
    SECTION("the excluded component index changed") {
        auto rep = tamper(cert, "index", [](json& j) {
            if (j["evidence"] != "excluded") return false;
            j["index"] = 1 - j["index"].get<int>();
            return true;
        });
        CHECK(rep.exit_code == 1);
    }
    SECTION("summary status changed") {
        auto ls = lines(cert);
        json s = json::parse(ls.back());
        s["summary"]["status"] = "proved";
        s["summary"].erase("witness");
        ls.back() = s.dump();
        write(temp_path("status"), ls);
        CHECK(verify_certificate(temp_path("status"), {}).exit_code == 1);
    }
    SECTION("unreadable and wrong-version files exit 2") {
        CHECK(verify_certificate(temp_path("does-not-exist"), {}).exit_code == 2);
        write(temp_path("garbage"), {"this is not json"});
        CHECK(verify_certificate(temp_path("garbage"), {}).exit_code == 2);
        auto ls = lines(cert);
        json h = json::parse(ls[0]);
        h["version"] = 2;
        ls[0] = h.dump();
        write(temp_path("v2"), ls);
        auto rep = verify_certificate(temp_path("v2"), {});
        CHECK(rep.exit_code == 2);
        CHECK(rep.failures.front().find("version") != std::string::npos);
    }
}

TEST_CASE("A run killed midway resumes and loses no finished leaf", "[certify]") {
    auto f = make_test_cubic(3);
    Box root = make_root_box(f->names(), {"-3", "-2.7", "-2.2"}, {"3.1", "3", "2.5"});
    std::string full = make_cert(*f, root, ClaimKind::no_saddle, "full");
    auto ls = lines(full);
    REQUIRE(ls.size() > 40);
    // simulate a kill: header + first half of the leaves + a torn line, no summary
    std::vector<std::string> part(ls.begin(), ls.begin() + static_cast<long>(ls.size() / 2));
    std::string ck = temp_path("killed");
    write(ck, part, ls[ls.size() / 2].substr(0, 17));
    CertifyOptions opt;
    opt.threads = 2;
    opt.progress = false;
    opt.out = ck;
    opt.resume = true;
    opt.witness_first = false;
    Claim c;
    c.kind = ClaimKind::no_saddle;
    auto r = certify(*f, root, resolve_claim(*f, root, c), opt);
    CHECK(r.summary["stats"]["resumed_leaves"] == part.size() - 1);
    auto after = lines(ck);
    REQUIRE(after.size() > part.size());
    for (std::size_t i = 0; i < part.size(); ++i) CHECK(after[i] == part[i]);
    auto rep = verify_certificate(ck, {});
    CHECK(rep.exit_code == 0);
    CHECK(rep.status == json::parse(ls.back())["summary"]["status"]);
    CHECK(json::parse(after.back())["summary"]["unique_types"] == json::parse(ls.back())["summary"]["unique_types"]);

    // resuming with a different claim is refused
    opt.resume = true;
    Claim other;
    other.kind = ClaimKind::no_stationary;
    write(ck, part);
    CHECK_THROWS_AS(certify(*f, root, other, opt), gancert::arith::bad_input);
}

TEST_CASE("A leaf budget ends with unknown leaves, never proved", "[certify]") {
    auto f = make_test_cubic(2);
    Box root = make_root_box({"x1", "x2"}, {"-3", "-2.7"}, {"3.1", "3"});
    std::string p = make_cert(*f, root, ClaimKind::no_saddle, "budget", 3);
    auto rep = verify_certificate(p, {});
    CHECK(rep.exit_code == 0);
    CHECK(rep.status != "proved");
    auto s = json::parse(lines(p).back())["summary"];
    CHECK(s["counts"]["unknown"].get<int>() > 0);
    CHECK(s["unknown_volume"].get<double>() > 0);
}
