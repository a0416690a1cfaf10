// Soundness tests of the certifier on planted functions with known stationary points.
#include <boost/multiprecision/cpp_int.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <random>

#include "gancert/certify/certificate.hpp"
#include "gancert/certify/engine.hpp"
#include "gancert/certify/test_functions.hpp"
#include "gancert/certify/verify.hpp"

using namespace gancert::certify;
using nlohmann::json;
using rational = boost::multiprecision::cpp_rational;

namespace {

std::string temp_path(const std::string& name) {
    return (std::filesystem::temp_directory_path() / ("gancert-test-" + name + ".jsonl")).string();
}

struct Run {
    CertifyResult result;
    std::vector<json> leaves;
};

Run run(const BoxFunction& f, const Box& root, Claim claim, const std::string& name, unsigned threads = 2,
        double min_width = 1e-6, bool witness_first = true) {
    CertifyOptions opt;
    opt.witness_first = witness_first;
    opt.threads = threads;
    opt.progress = false;
    opt.min_width = min_width;
    opt.out = temp_path(name);
    claim = resolve_claim(f, root, claim);
    Run r{certify(f, root, claim, opt), {}};
    read_certificate(opt.out, [&](std::size_t, const json& leaf) { r.leaves.push_back(leaf); });
    return r;
}

Box box2(const char* a, const char* b, const char* c, const char* d) {
    return make_root_box({"x1", "x2"}, {a, c}, {b, d});
}

rational exact(const Decimal& d) {
    // independent conversion: text -> rational
    std::string s = d.str();
    bool neg = s[0] == '-';
    if (neg) s = s.substr(1);
    auto dot = s.find('.');
    rational r;
    if (dot == std::string::npos) {
        r = rational(boost::multiprecision::cpp_int(s));
    } else {
        std::string digits = s.substr(0, dot) + s.substr(dot + 1);
        digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size() - 1));
        boost::multiprecision::cpp_int den = 1;
        for (std::size_t i = dot + 1; i < s.size(); ++i) den *= 10;
        r = rational(boost::multiprecision::cpp_int(digits), den);
    }
    return neg ? -r : r;
}

bool leaf_contains(const json& leaf, const std::vector<double>& x) {
    for (std::size_t i = 0; i < x.size(); ++i) {
        rational lo = exact(Decimal::parse(leaf["box"][i][0].get<std::string>()));
        rational hi = exact(Decimal::parse(leaf["box"][i][1].get<std::string>()));
        rational v(x[i]);
        if (v < lo || v > hi) return false;
    }
    return true;
}

}  // namespace

TEST_CASE("Decimal arithmetic is exact (against rationals)", "[certify]") {
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> m(-99999, 99999), e(-6, 4);
    for (int k = 0; k < 300; ++k) {
        std::string a = std::to_string(m(rng)) + "e" + std::to_string(e(rng));
        std::string b = std::to_string(m(rng)) + "e" + std::to_string(e(rng));
        Decimal x = Decimal::parse(a), y = Decimal::parse(b);
        // independent route: rational from mantissa and exponent
        auto rat = [](const std::string& s) {
            auto p = s.find('e');
            rational r(boost::multiprecision::cpp_int(std::stol(s.substr(0, p))));
            int ex = std::stoi(s.substr(p + 1));
            for (int i = 0; i < std::abs(ex); ++i) r = ex > 0 ? rational(r * 10) : rational(r / 10);
            return r;
        };
        rational rx = rat(a), ry = rat(b);
        CHECK(exact(x) == rx);
        CHECK(exact(x + y) == rx + ry);
        CHECK(exact(x - y) == rx - ry);
        CHECK(exact(x * y) == rx * ry);
        CHECK(exact(x.half()) == rx / 2);
        CHECK((x < y) == (rx < ry));
        if (rx < ry) {
            Decimal s = split_point(x, y);
            CHECK(rx < exact(s));
            CHECK(exact(s) < ry);
            rational frac = (exact(s) - rx) / (ry - rx);
            CHECK(frac > rational(45, 100));
            CHECK(frac < rational(50, 100));
        }
    }
}

TEST_CASE("Tiling checker accepts exact tilings and rejects gaps, overlaps, bad splits", "[certify]") {
    Box root = box2("-1", "2.5", "0", "3");
    std::mt19937 rng(3);
    std::vector<Box> leaves{root}, done;
    while (!leaves.empty()) {
        Box b = leaves.back();
        leaves.pop_back();
        if (b.path.size() >= 6 || (b.path.size() >= 2 && rng() % 4 == 0)) { done.push_back(b); continue; }
        auto [l, u] = b.bisect(static_cast<unsigned>(rng() % 2));
        leaves.push_back(l);
        leaves.push_back(u);
    }
    REQUIRE(done.size() > 4);
    {
        TilingChecker t(root);
        for (const auto& b : done) CHECK_FALSE(t.add(b.path, b).has_value());
        CHECK_FALSE(t.finish().has_value());
    }
    {  // one leaf missing -> gap
        TilingChecker t(root);
        for (std::size_t i = 1; i < done.size(); ++i) REQUIRE_FALSE(t.add(done[i].path, done[i]).has_value());
        CHECK(t.finish().has_value());
        auto missing = t.missing_boxes();
        REQUIRE(missing.size() == 1);
        CHECK(missing[0].lo == done[0].lo);
        CHECK(missing[0].hi == done[0].hi);
    }
    {  // duplicate leaf
        TilingChecker t(root);
        REQUIRE_FALSE(t.add(done[0].path, done[0]).has_value());
        CHECK(t.add(done[0].path, done[0]).has_value());
    }
    {  // stated box inconsistent with its path (an enlarged leaf would overlap its neighbour)
        TilingChecker t(root);
        Box b = done[0];
        b.hi[0] = b.hi[0] + Decimal::parse("0.001");
        CHECK(t.add(b.path, b).has_value());
    }
    {  // conflicting split of a sibling
        Box l = root.bisect(0).first, u = root.bisect(0).second;
        u.path[0].split = u.path[0].split + Decimal::parse("0.01");
        u.lo[0] = u.path[0].split;
        TilingChecker t(root);
        REQUIRE_FALSE(t.add(l.path, l).has_value());
        CHECK(t.add(u.path, u).has_value());
    }
}

TEST_CASE("Cubic: all 2^n stationary points found as unique with the right type", "[certify]") {
    for (unsigned n : {2u, 3u}) {
        auto f = make_test_cubic(n);
        std::vector<std::string> lo, hi;
        for (unsigned i = 0; i < n; ++i) { lo.push_back(i % 2 ? "-2.7" : "-3"); hi.push_back(i % 2 ? "3" : "2.9"); }
        Box root = make_root_box(f->names(), lo, hi);
        Claim c;
        c.kind = ClaimKind::no_saddle;
        // breadth first: every box of the refuting depth is examined, so all 2^n points show
        Run r = run(*f, root, c, "cubic" + std::to_string(n), 2, 1e-6, false);
        std::map<std::string, int> types;
        int points_found = 0;
        for (const auto& leaf : r.leaves) {
            CHECK(leaf["evidence"] != "unknown");
            if (leaf["evidence"] != "unique") continue;
            std::string t = leaf["type"];
            ++types[t];
            // the true stationary point with the recorded type lies inside the leaf
            for (unsigned mask = 0; mask < (1u << n); ++mask) {
                std::vector<double> x(n);
                int plus = 0;
                for (unsigned i = 0; i < n; ++i) { x[i] = (mask >> i) & 1 ? 1.0 : -1.0; plus += (mask >> i) & 1; }
                if (!leaf_contains(leaf, x)) continue;
                ++points_found;
                std::string expect = plus == static_cast<int>(n) ? "min" : plus == 0 ? "max" : "saddle";
                CHECK(t == expect);
            }
        }
        CHECK(points_found == (1 << n));
        CHECK(types["min"] == 1);
        CHECK(types["max"] == 1);
        CHECK(types["saddle"] == (1 << n) - 2);
        CHECK(r.result.summary["status"] == "refuted");
        // the witness box contains a saddle point
        json w = r.result.summary["witness"];
        bool has_saddle = false;
        for (unsigned mask = 1; mask + 1 < (1u << n); ++mask) {
            std::vector<double> x(n);
            for (unsigned i = 0; i < n; ++i) x[i] = (mask >> i) & 1 ? 1.0 : -1.0;
            has_saddle = has_saddle || leaf_contains(w, x);
        }
        CHECK(has_saddle);
        CHECK(verify_certificate(temp_path("cubic" + std::to_string(n)), {}).exit_code == 0);
    }
}

TEST_CASE("Random quadratics: exactly one unique leaf of the right type; no-stationary refuted", "[certify]") {
    std::mt19937 rng(11);
    std::uniform_int_distribution<int> entry(-20, 20), centre(-150, 150);
    int tested = 0;
    for (int k = 0; tested < 12 && k < 100; ++k) {
        int a = entry(rng), b = entry(rng), d = entry(rng);
        double det = double(a) * d - double(b) * b;
        if (std::fabs(det) < 20) continue;  // keep away from singular matrices
        double tr = a + d;
        std::string expect = det < 0 ? "saddle" : tr > 0 ? "min" : "max";
        auto dec = [](int v, int scale) { return Decimal::parse(std::to_string(v) + "e-" + std::to_string(scale)).str(); };
        std::vector<std::string> c{dec(centre(rng), 2), dec(centre(rng), 2)};
        auto f = make_test_quadratic(c, {dec(a, 1), dec(b, 1), dec(b, 1), dec(d, 1)}, "0.5");
        Box root = box2("-2", "2.3", "-1.9", "2");
        Claim cl;
        cl.kind = ClaimKind::no_stationary;
        Run r = run(*f, root, cl, "quad");
        int uniques = 0;
        for (const auto& leaf : r.leaves) {
            REQUIRE(leaf["evidence"] != "unknown");
            if (leaf["evidence"] == "unique") {
                ++uniques;
                CHECK(leaf["type"] == expect);
                CHECK(leaf_contains(leaf, {std::stod(c[0]), std::stod(c[1])}));
            }
        }
        CHECK(uniques == 1);
        CHECK(r.result.summary["status"] == "refuted");
        ++tested;
    }
    CHECK(tested == 12);
}

TEST_CASE("Quadratic with its centre outside the box: no-stationary proved", "[certify]") {
    auto f = make_test_quadratic({"3.5", "0.2"}, {"1", "0.3", "0.3", "-2"}, "0");
    Box root = box2("-2", "2.3", "-1.9", "2");
    Claim c;
    c.kind = ClaimKind::no_stationary;
    Run r = run(*f, root, c, "quad-out");
    CHECK(r.result.summary["status"] == "proved");
    CHECK(verify_certificate(temp_path("quad-out"), {}).exit_code == 0);
    // and at higher precision
    CHECK(verify_certificate(temp_path("quad-out"), {200, 0}).exit_code == 0);
}

TEST_CASE("Degenerate stationary line is never proved stationary-free", "[certify]") {
    auto f = make_test_degenerate();  // x^2 y: gradient (2xy, x^2) vanishes on x = 0
    Box root = make_root_box({"x", "y"}, {"-1", "-1"}, {"2", "1.5"});
    for (auto kind : {ClaimKind::no_stationary, ClaimKind::no_saddle}) {
        Claim c;
        c.kind = kind;
        Run r = run(*f, root, c, "degenerate", 2, 1e-3);
        CHECK(r.result.summary["status"] != "proved");
        // every point of the line x = 0 lies in an unknown leaf or a non-excluded leaf
        for (double y : {-0.9, -0.3, 0.0, 0.41, 1.2}) {
            bool covered_by_unknown = false;
            for (const auto& leaf : r.leaves)
                if (leaf_contains(leaf, {0.0, y})) {
                    CHECK(leaf["evidence"] != "excluded");
                    CHECK(leaf["evidence"] != "empty");
                    covered_by_unknown = covered_by_unknown || leaf["evidence"] == "unknown";
                }
            CHECK(covered_by_unknown);
        }
    }
}

TEST_CASE("Extrema of the cubic enclose the exact max and min", "[certify]") {
    auto f = make_test_cubic(2);
    Box root = box2("-3", "3.1", "-0.5", "0.5");
    Claim c;
    c.kind = ClaimKind::extrema;
    c.delta = Decimal::parse("1e-8");
    Run r = run(*f, root, c, "extrema");
    // max: x1 = 3.1 (corner), x2 = -1 is outside [-0.5, 0.5]: x2^3 - 3 x2 is decreasing there,
    // so max at x2 = -0.5: 29.791 - 9.3 + (-0.125 + 1.5) = 21.866; min at x1 = -3, x2 = 0.5:
    // -27 + 9 + 0.125 - 1.5 = -19.375
    auto mx = r.result.summary["max_J"], mn = r.result.summary["min_J"];
    rational max_true = rational(21866, 1000), min_true = rational(-19375, 1000);
    CHECK(exact(Decimal::parse(mx[0].get<std::string>())) <= max_true);
    CHECK(max_true <= exact(Decimal::parse(mx[1].get<std::string>())));
    CHECK(exact(Decimal::parse(mn[0].get<std::string>())) <= min_true);
    CHECK(min_true <= exact(Decimal::parse(mn[1].get<std::string>())));
    CHECK(std::stod(mx[1].get<std::string>()) - std::stod(mx[0].get<std::string>()) < 1e-6);
    CHECK(verify_certificate(temp_path("extrema"), {}).exit_code == 0);
}

TEST_CASE("Plateau: proved where the gradient is small, refuted where it is not", "[certify]") {
    auto f = make_test_quadratic({"0", "0"}, {"1", "0", "0", "1"}, "1");  // 1 + |x|^2/2
    Box small = box2("-0.01", "0.01", "-0.01", "0.02");
    Claim c;
    c.kind = ClaimKind::plateau;
    c.eps = Decimal::parse("0.03");
    c.delta = Decimal::parse("0.001");
    Run r = run(*f, small, c, "plateau");
    CHECK(r.result.summary["status"] == "proved");
    CHECK(verify_certificate(temp_path("plateau"), {}).exit_code == 0);
    Box big = box2("-0.01", "0.1", "-0.01", "0.02");
    Run r2 = run(*f, big, c, "plateau2");
    CHECK(r2.result.summary["status"] == "refuted");
    CHECK(verify_certificate(temp_path("plateau2"), {}).exit_code == 0);
}

TEST_CASE("One and two threads give the same leaves", "[certify]") {
    auto f = make_test_cubic(2);
    Box root = box2("-3", "3.1", "-2.7", "3");
    Claim c;
    c.kind = ClaimKind::no_saddle;
    auto key = [](const std::vector<json>& v) {
        std::vector<std::string> s;
        for (const auto& j : v) s.push_back(j["box"].dump() + j["evidence"].dump());
        std::sort(s.begin(), s.end());
        return s;
    };
    Run one = run(*f, root, c, "t1", 1), two = run(*f, root, c, "t2", 2);
    CHECK(key(one.leaves) == key(two.leaves));
}
