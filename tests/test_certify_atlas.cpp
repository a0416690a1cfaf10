// The atlas claim on test functions whose regions are known in closed form (docs/atlas.md):
// every region's class is compared with exact rational facts about the function, not with
// what the certifier printed; doctored regions must be rejected by the verifier.
#include <boost/multiprecision/cpp_int.hpp>
#include <catch2/catch.hpp>
#include <map>

#include "gancert/certify/atlas.hpp"
#include "gancert/certify/certificate.hpp"
#include "gancert/certify/engine.hpp"
#include "gancert/certify/test_functions.hpp"
#include "gancert/certify/verify.hpp"
#include "support/certificate_files.hpp"

using namespace gancert::certify;
using nlohmann::json;
using rational = boost::multiprecision::cpp_rational;

namespace {

rational q(const std::string& s) {  // exact decimal text -> rational
    std::string t = Decimal::parse(s).str();
    bool negative = t[0] == '-';
    if (negative) t.erase(0, 1);
    auto dot = t.find('.');
    boost::multiprecision::cpp_int den = 1;
    if (dot != std::string::npos) {
        for (std::size_t k = dot + 1; k < t.size(); ++k) den *= 10;
        t.erase(dot, 1);
    }
    t.erase(0, std::min(t.find_first_not_of('0'), t.size() - 1));  // no octal prefix
    rational r(boost::multiprecision::cpp_int(t), den);
    return negative ? -r : r;
}

struct Atlas {
    std::string path;
    json summary;
    std::vector<json> leaves;
};

Atlas run_atlas(const BoxFunction& f, const Box& root, const std::string& name) {
    CertifyOptions opt;
    opt.threads = 2;
    opt.progress = false;
    opt.min_width = 1e-4;
    opt.out = gancert::test::cert_temp_path("atlas", name);
    Atlas a{opt.out, certify(f, root, atlas_claim("", "", ""), opt).summary, {}};
    read_certificate(opt.out, [&](std::size_t, const json& leaf) { a.leaves.push_back(leaf); });
    return a;
}

std::vector<std::pair<rational, rational>> box_of(const json& leaf) {
    std::vector<std::pair<rational, rational>> r;
    for (const auto& iv : leaf.at("box")) r.emplace_back(q(iv[0]), q(iv[1]));
    return r;
}

/// The region volumes of the summary sum exactly to the box volume.
void require_exact_partition(const Atlas& a) {
    const json& regions = a.summary.at("regions");
    rational sum = 0;
    for (const auto& [k, e] : regions.at("classes").items()) sum += q(e.at("volume"));
    REQUIRE(sum == q(regions.at("total_volume")));
}

/// Rewrites leaf `index` of the certificate with `edit` and returns the verifier's report.
template <class F>
VerifyReport verify_doctored(const Atlas& a, const std::string& evidence, F edit) {
    auto lines = gancert::test::file_lines(a.path);
    for (auto& l : lines) {
        json j = json::parse(l);
        if (j.value("evidence", "") != evidence) continue;
        edit(j);
        l = j.dump();
        break;
    }
    std::string doctored = a.path + ".doctored";
    gancert::test::write_lines(doctored, lines);
    return verify_certificate(doctored, {0, 1});
}

}  // namespace

TEST_CASE("atlas of the test cubic: monotone signs and stationary types as in closed form", "[certify][atlas]") {
    // f = x1^3 - 3 x1 + x2^3 - 3 x2: df/dx_i = 3 (x_i^2 - 1) is < 0 exactly on |x_i| < 1 and > 0 on
    // |x_i| > 1; the stationary points are (±1, ±1): min at (1, 1), max at (-1, -1), saddles else.
    auto f = make_test_cubic(2);
    Box root = make_root_box({"x1", "x2"}, {"-2.3", "-1.9"}, {"1.7", "2.1"});
    Atlas a = run_atlas(*f, root, "cubic");
    REQUIRE(a.summary.at("status") == "proved");
    require_exact_partition(a);
    std::map<std::pair<int, int>, std::string> found;
    for (const auto& leaf : a.leaves) {
        auto B = box_of(leaf);
        const std::string ev = leaf.at("evidence");
        if (ev == ev_monotone) {
            for (std::size_t i = 0; i < 2; ++i) {
                int s = leaf.at("signs")[i];
                if (s < 0) REQUIRE((B[i].first >= -1 && B[i].second <= 1));  // inside (-1, 1) up to the faces
                if (s > 0) REQUIRE((B[i].first >= 1 || B[i].second <= -1));
            }
            continue;
        }
        REQUIRE(ev == ev_unique);
        int hits = 0;
        for (int x : {-1, 1})
            for (int y : {-1, 1})
                if (B[0].first < x && x < B[0].second && B[1].first < y && y < B[1].second) {
                    ++hits;
                    std::string want = x == 1 && y == 1 ? "min" : x == -1 && y == -1 ? "max" : "saddle";
                    REQUIRE(leaf.at("type") == want);
                    REQUIRE(atlas_region(leaf) == want);
                    REQUIRE(!found.count({x, y}));
                    found[{x, y}] = want;
                }
        REQUIRE(hits == 1);
    }
    REQUIRE(found.size() == 4);
    const json& classes = a.summary.at("regions").at("classes");
    REQUIRE(classes.at("min").at("leaves") == 1);
    REQUIRE(classes.at("max").at("leaves") == 1);
    REQUIRE(classes.at("saddle").at("leaves") == 2);
    REQUIRE(verify_certificate(a.path, {0, 2}).exit_code == 0);

    SECTION("a flipped monotone sign is rejected") {
        auto rep = verify_doctored(a, ev_monotone, [](json& j) {
            for (auto& s : j["signs"])
                if (s != 0) s = -s.get<int>();
        });
        REQUIRE(rep.exit_code == 1);
    }
    SECTION("a changed stationary type is rejected") {
        auto rep = verify_doctored(a, ev_unique, [](json& j) { j["type"] = j["type"] == "min" ? "saddle" : "min"; });
        REQUIRE(rep.exit_code == 1);
    }
}

TEST_CASE("atlas of a flat quadratic: plateau regions inside the analytic plateau set", "[certify][atlas]") {
    // q = (x1^2 + x2^2)/2000 + 1: |dq/dx_i| = |x_i|/1000 <= eps = 1e-2 for |x_i| <= 10 and
    // |q - 1| = r^2/2000 <= delta = 1e-2 iff r^2 <= 20. The plateau set in the box is the disc.
    auto f = make_test_quadratic({"0", "0"}, {"0.001", "0", "0", "0.001"}, "1");
    Box root = make_root_box({"x1", "x2"}, {"-3.1", "-2.9"}, {"7.3", "6.2"});
    Atlas a = run_atlas(*f, root, "quadratic");
    INFO(a.summary.dump());
    require_exact_partition(a);
    rational plateau_area = 0;
    for (const auto& leaf : a.leaves) {
        auto B = box_of(leaf);
        const std::string ev = leaf.at("evidence");
        if (ev == ev_plateau) {  // the farthest corner is inside the disc
            rational x = std::max(abs(B[0].first), abs(B[0].second)), y = std::max(abs(B[1].first), abs(B[1].second));
            REQUIRE(x * x + y * y <= 20);
            plateau_area += (B[0].second - B[0].first) * (B[1].second - B[1].first);
        } else if (ev == ev_monotone) {
            for (std::size_t i = 0; i < 2; ++i) {
                int s = leaf.at("signs")[i];
                if (s < 0) REQUIRE(B[i].second <= 0);
                if (s > 0) REQUIRE(B[i].first >= 0);
            }
        }
    }
    // the disc of radius sqrt(20) (area 20π ≈ 62.8) lies inside the box; boxes that may meet it
    // are resolved to depth 8, so most of it is certified
    REQUIRE(plateau_area > 40);
    REQUIRE(plateau_area == q(a.summary.at("regions").at("classes").at("plateau").at("volume")));

    SECTION("a faked plateau bound is rejected") {
        auto rep = verify_doctored(a, ev_monotone, [](json& j) {
            j["evidence"] = ev_plateau;
            j["grad"] = {{"-0.001", "0.001"}, {"-0.001", "0.001"}};
            j["J"] = {"0.999", "1.001"};
        });
        REQUIRE(rep.exit_code == 1);
    }
}
