// Tight extrema (proofs/lemmas.md §K5', K8, K5''): the enclosures of max J and min J against
// independent knowledge — the analytic extrema of the test cubic (exact rationals) and, for
// R/S/E/E, a grid of point enclosures by the validated integral path (not the closed form the
// certifier mostly uses) and the a-priori range 0 <= J <= 2.
#include <boost/multiprecision/cpp_int.hpp>
#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>

#include "gancert/arith/decimal.hpp"
#include "gancert/certify/certificate.hpp"
#include "gancert/certify/engine.hpp"
#include "gancert/certify/model_factory.hpp"
#include "gancert/certify/test_functions.hpp"
#include "gancert/certify/verify.hpp"
#include "gancert/model/integral_path.hpp"
#include "support/certificate_files.hpp"

using namespace gancert;
using namespace gancert::certify;
using nlohmann::json;
using rational = boost::multiprecision::cpp_rational;

namespace {

json certify_extrema(const BoxFunction& f, const Box& root, const std::string& name, const char* eps = nullptr) {
    Claim c;
    c.kind = ClaimKind::extrema;  // default --delta: 1e-12 relative
    if (eps) c.eps = Decimal::parse(eps);  // absolute floor
    CertifyOptions opt;
    opt.threads = 2;
    opt.progress = false;
    opt.out = test::cert_temp_path("extrema", name);
    CertifyResult r = certify::certify(f, root, resolve_claim(f, root, c), opt);
    CHECK(r.summary["status"] == "proved");
    CHECK(verify_certificate(opt.out, {}).exit_code == 0);
    return r.summary;
}

/// An exact decimal as a rational (independent of the library's Decimal arithmetic).
rational exact(const std::string& text) {
    std::string s = Decimal::parse(text).str();
    bool neg = s[0] == '-';
    if (neg) s = s.substr(1);
    auto dot = s.find('.');
    std::string digits = dot == std::string::npos ? s : s.substr(0, dot) + s.substr(dot + 1);
    digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size() - 1));  // not octal
    boost::multiprecision::cpp_int den = 1;
    if (dot != std::string::npos)
        for (std::size_t i = dot + 1; i < s.size(); ++i) den *= 10;
    rational r(boost::multiprecision::cpp_int(digits), den);
    return neg ? rational(-r) : r;
}

/// lo <= v <= hi, hi - lo <= 1e-12 |v| (+ a floor for v = 0).
void check_tight(const json& enc, const rational& v) {
    rational lo = exact(enc[0].get<std::string>()), hi = exact(enc[1].get<std::string>());
    CHECK(lo <= v);
    CHECK(v <= hi);
    rational mag = v < 0 ? rational(-v) : v;
    CHECK(hi - lo <= mag / rational(1000000000000) + rational(1, 1000000000000000000));
}

bool contains(const json& interval, const rational& x) {
    return exact(interval[0].get<std::string>()) <= x && x <= exact(interval[1].get<std::string>());
}

// f = x1^3 - 3 x1 + x2^3 - 3 x2; f' = 3x^2 - 3, f'' = 6x: max of x^3 - 3x at x = -1 (value 2),
// min at x = 1 (value -2), and on an interval otherwise at an end.
rational cubic1(const rational& x) { return x * x * x - 3 * x; }

}  // namespace

TEST_CASE("Extrema of the cubic: interior minimum, maximum on a face, both isolated", "[certify][extrema]") {
    auto f = make_test_cubic(2);
    // x1 in [-1.7, 1.5]: max at -1 (2 > f(1.5) = -1.125), min at 1 (-2 < f(-1.7) = 0.187);
    // x2 in [0.5, 3]: max at the end 3 (18), min at 1. So max J = 20 at (-1, 3), on the face
    // x2 = 3 with x1 interior; min J = -4 at (1, 1), interior.
    json s = certify_extrema(*f, make_root_box({"x1", "x2"}, {"-1.7", "0.5"}, {"1.5", "3"}), "face");
    check_tight(s["max_J"], cubic1(-1) + cubic1(3));
    check_tight(s["min_J"], cubic1(1) + cubic1(1));
    const json& mx = s["max_location"];
    CHECK(mx["kind"] == "isolated");
    CHECK(mx["fixed"] == json({{"x2", "3"}}));
    CHECK(mx["on_boundary_of_box"] == json::array({"x2"}));
    CHECK(contains(mx["free"]["x1"], -1));
    const json& mn = s["min_location"];
    CHECK(mn["kind"] == "isolated");
    CHECK(mn["fixed"].empty());
    CHECK(contains(mn["free"]["x1"], 1));
    CHECK(contains(mn["free"]["x2"], 1));
}

TEST_CASE("Extrema of the cubic at vertices are point values", "[certify][extrema]") {
    auto f = make_test_cubic(2);
    // x1 in [-3, 3.1]: max at 3.1, min at -3; x2 in [-0.5, 0.5] (decreasing): max at -0.5, min at 0.5
    json s = certify_extrema(*f, make_root_box({"x1", "x2"}, {"-3", "-0.5"}, {"3.1", "0.5"}), "vertex");
    check_tight(s["max_J"], cubic1(rational(31, 10)) + cubic1(rational(-1, 2)));
    check_tight(s["min_J"], cubic1(-3) + cubic1(rational(1, 2)));
    CHECK(s["max_location"]["kind"] == "vertex");
    CHECK(s["max_location"]["fixed"] == json({{"x1", "3.1"}, {"x2", "-0.5"}}));
    CHECK(s["min_location"]["fixed"] == json({{"x1", "-3"}, {"x2", "0.5"}}));
}

TEST_CASE("An extremum equal to 0 meets the absolute floor --eps", "[certify][extrema]") {
    // (x1^2 + x2^2)/2: min 0 at the origin (interior), max at the vertex (1.3, 1): 1.345
    auto f = make_test_quadratic({"0", "0"}, {"1", "0", "0", "1"}, "0");
    json s = certify_extrema(*f, make_root_box({"x1", "x2"}, {"-1", "-0.7"}, {"1.3", "1"}), "floor", "1e-30");
    CHECK(contains(s["min_J"], 0));
    CHECK(exact(s["min_J"][1].get<std::string>()) - exact(s["min_J"][0].get<std::string>()) <=
          rational(1, boost::multiprecision::cpp_int("1000000000000000000000000000000")));
    CHECK(s["min_location"]["kind"] == "isolated");
    CHECK(s["min_location"]["fixed"].empty());
    check_tight(s["max_J"], rational(1345, 1000));
    CHECK(s["max_location"]["kind"] == "vertex");
}

TEST_CASE("R/S/E/E Case A extrema bound a grid of integral-path values from the right side", "[certify][extrema]") {
    // around the maximum of Case A (on h = -6, b near 1.41)
    auto f = make_rsee_function({{"a", "2.2"}, {"g", "1.5"}, {"c", "0.5"}}, {"b", "h"});
    json s = certify_extrema(*f, make_root_box({"b", "h"}, {"0.5", "-6"}, {"2.5", "-4"}), "rsee-A");
    double max_lo = std::stod(s["max_J"][0].get<std::string>()), max_hi = std::stod(s["max_J"][1].get<std::string>());
    double min_lo = std::stod(s["min_J"][0].get<std::string>()), min_hi = std::stod(s["min_J"][1].get<std::string>());
    CHECK(0 <= min_lo);  // a priori 0 <= J <= 2
    CHECK(max_hi <= 2);
    CHECK(max_hi - max_lo <= 1e-12 * max_hi);
    CHECK(min_hi - min_lo <= 1e-12 * min_hi);
    auto J = [](double b, double h) {
        using arith::idouble;
        model::Params<idouble> p{arith::parse<idouble>("2.2"), idouble(b), arith::parse<idouble>("1.5"), idouble(h),
                                 arith::parse<idouble>("0.5")};
        return model::evaluate_integral(p).J.v;
    };
    for (int i = 0; i <= 10; ++i)
        for (int k = 0; k <= 10; ++k) {
            auto v = J(0.5 + 0.2 * i, -6 + 0.2 * k);
            CHECK(v.lower() <= max_hi);  // every value of J is at most max J ...
            CHECK(v.upper() >= min_lo);  // ... and at least min J
        }
    // the value at the certified location: J(centre of Z) <= max J, and within the tolerance
    const json& loc = s["max_location"];
    REQUIRE(loc["kind"] == "isolated");
    CHECK(loc["fixed"] == json({{"h", "-6"}}));
    double zb = (std::stod(loc["free"]["b"][0].get<std::string>()) + std::stod(loc["free"]["b"][1].get<std::string>())) / 2;
    auto v = J(zb, -6);
    CHECK(v.lower() <= max_hi);
    CHECK(v.upper() >= max_lo - 1e-12);
}
