// The certifier's view of a model of the family (certify/model_factory.hpp: make_family_model,
// make_family_function; lib/src/certify/family_function.cpp):
//  * box enclosures contain the independent mpmath values (tests/reference/family_mpmath.py,
//    derivatives written out analytically, two precisions) at a point inside the box, in
//    idouble and at 128 bits, and contain the point enclosures at random points of the box;
//  * describe() rebuilds the same function through make_box_function (the verifier's factory);
//  * bad players / boxes are bad input naming params / box / case;
//  * a planted fault in the quadrature (Bernstein-ellipse bound M scaled, PlantedFaults) makes
//    the verification of a family certificate fail, while the honest one verifies.
#include <catch2/catch.hpp>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "gancert/arith/decimal.hpp"
#include "gancert/arith/errors.hpp"
#include "gancert/arith/precision.hpp"
#include "gancert/certify/engine.hpp"
#include "gancert/certify/model_factory.hpp"
#include "gancert/certify/verify.hpp"
#include "gancert/quad/detail/planted_faults.hpp"

using namespace gancert;
using namespace gancert::certify;
using arith::idouble;
using arith::impfr;

namespace {

const char* gauss_erf = "data=gaussian(mu=0.5,sigma=1) latent=gaussian gen=affine disc=erf cost=ls";
const char* logistic_ls = "data=exp(c=0.5) latent=rayleigh gen=square disc=logistic cost=ls";
const char* logistic_log = "data=exp(c=0.5) latent=rayleigh gen=square disc=logistic cost=log";

/// An mpmath reference point: θ (a, b, g, h) and J, ∇J, packed Hessian (H00 H01 H02 H03 H11
/// H12 H13 H22 H23 H33), 20 digits truncated (family_mpmath.py --dps 30 SPEC a b g h; the two
/// precisions agree on >= 29 digits).
struct RefPoint {
    const char* spec;
    std::array<const char*, 4> theta;
    std::array<const char*, 15> values;
};
const RefPoint refs[] = {
    {gauss_erf, {"0.3", "0.1", "1", "0.4"},
     {"0.58851964975178185999", "0.36413367982099469256", "0.19907491951767481142", "0.05225957367759588664",
      "-0.12053767792923473002", "0.13742835254875814465", "-0.04821876961591704700", "0.27072419339857171799",
      "-0.31539926160436522430", "0.74805664695248570059", "0.01671356658962269359", "0.17419857892531962214",
      "0.02695205635122090552", "0.00501406997688680807", "0.05225957367759588664"}},
    {logistic_ls, {"2", "1.5", "1.2", "-0.5"},
     {"0.90936797918396043269", "0.01545920033112892202", "0.14358549617242728099", "-0.1536442080761814772",
      "-0.2957820740666363102", "0.00112275736965096531", "0.00319478329336378436", "-0.0394827405529041202",
      "-0.0220266974638083919", "-0.0989397069283601580", "-0.0216239077213020610", "-0.1244561695145960434",
      "0.15036038110298713838", "0.11844822165871236088", "0.06608009239142517594"}},
    {logistic_log, {"1.5", "0.8", "0.9", "0.3"},
     {"-1.4731250966198786896", "0.20243838184990871774", "-0.5564284988912943639", "-0.5930425396763001861",
      "-0.4935007444812858676", "-0.3122427636473354189", "0.28538171807133750803", "0.09216832888427251705",
      "0.11714673017245694781", "-0.7292347707333154059", "-0.9633645403190747771", "-0.7940192031729808591",
      "-0.1605205490895794772", "-0.1106019946611270204", "-0.1405760762069483373"}},
};

std::size_t packed(std::size_t i, std::size_t j) {
    if (i > j) std::swap(i, j);
    return i * 4 - i * (i - 1) / 2 + (j - i);
}

/// x contains the 20-digit reference value v (slack 1e-15 relative for the double comparison).
template <class S>
bool contains_ref(const S& x, const char* v) {
    const double r = std::stod(v), slack = 1e-15 * (1 + std::abs(r));
    return arith::to_double(impfr(x.lower())) <= r + slack && r - slack <= arith::to_double(impfr(x.upper()));
}

/// Every entry of the box enclosure contains the reference value (rel. 1e-15 slack for the
/// double comparison of the 20-digit reference; the enclosures are ~1e-2 wide over the box).
template <class S>
void check_contains(const Enclosure<S>& e, const RefPoint& p) {
    auto in = [](const S& x, const char* v) { return contains_ref(x, v); };
    CHECK(in(e.J, p.values[0]));
    for (std::size_t i = 0; i < 4; ++i) {
        INFO("grad " << i);
        CHECK(in(e.g[i], p.values[1 + i]));
        for (std::size_t j = 0; j < 4; ++j) {
            INFO("hess " << i << j);
            CHECK(in(e.hess(i, j), p.values[5 + packed(i, j)]));
        }
    }
}

/// A 4-D box [θ − 0.005, θ + 0.007] (θ not at its centre).
template <class S>
std::vector<S> box_around(const RefPoint& p) {
    std::vector<S> x;
    for (const char* t : p.theta)
        x.push_back(arith::make_interval((arith::parse<S>(t) - arith::parse<S>("0.005")).lower(),
                                         (arith::parse<S>(t) + arith::parse<S>("0.007")).upper()));
    return x;
}

std::unique_ptr<BoxFunction> all_free(const char* spec) { return make_family_function(spec, {}, {"a", "b", "g", "h"}); }

}  // namespace

TEST_CASE("family box function: box enclosures contain the independent mpmath values", "[certify][family]") {
    for (const auto& p : refs) {
        INFO(p.spec);
        auto f = all_free(p.spec);
        check_contains(f->enclose(box_around<idouble>(p)), p);
        arith::precision_guard guard(128);
        check_contains(f->enclose(box_around<impfr>(p)), p);
    }
}

TEST_CASE("family box function: a box enclosure contains the point enclosures inside it", "[certify][family]") {
    std::mt19937 rng(12);
    std::uniform_real_distribution<double> u(0, 1);
    const RefPoint& p = refs[1];  // the logistic discriminator with the paper's data
    auto f = all_free(p.spec);
    const auto X = box_around<idouble>(p);
    const Enclosure<idouble> B = f->enclose(X);
    for (int k = 0; k < 4; ++k) {
        std::vector<idouble> pt;
        for (const auto& x : X) pt.push_back(idouble(x.lower() + (x.upper() - x.lower()) * u(rng)));
        const Enclosure<idouble> P = f->enclose(pt);
        auto inside = [](const idouble& small, const idouble& big) {
            return big.lower() <= small.upper() && small.lower() <= big.upper();
        };
        CHECK(inside(P.J, B.J));
        for (std::size_t i = 0; i < 4; ++i) CHECK(inside(P.g[i], B.g[i]));
        for (std::size_t i = 0; i < 16; ++i) CHECK(inside(P.H[i], B.H[i]));
        CHECK(arith::width_up(P.J) < 1e-12);  // a point: tight
    }
}

TEST_CASE("family box function: describe() rebuilds the same function", "[certify][family]") {
    auto f = make_family_function(std::string(logistic_ls) + " ", {{"b", "1.5"}, {"g", "1.2"}}, {"a", "h"});
    const auto d = f->describe();
    CHECK(d.at("model") == "family");
    CHECK(d.at("spec") == logistic_ls);  // canonical text
    CHECK(d.at("fixed").at("b") == "1.5");
    auto g = make_box_function(d);
    CHECK(g->describe() == d);
    CHECK(g->names() == std::vector<std::string>{"a", "h"});
    const std::vector<idouble> x{idouble(2), arith::parse<idouble>("-0.5")};
    CHECK(contains_ref(g->enclose(x).J, refs[1].values[0]));
    CHECK(contains_ref(g->enclose(x).g[1], refs[1].values[4]));  // dJ/dh
    nlohmann::json bad = d;
    bad["spec"] = "data=exp(c=0.5) latent=rayleigh gen=square disc=nosuch cost=ls";
    CHECK_THROWS_AS(make_box_function(bad), arith::bad_input);
    bad = d;
    bad["fixed"].erase("b");
    CHECK_THROWS_AS(make_box_function(bad), arith::bad_input);
    // a box leaving the domain (a <= 0 for the logistic) is refused in enclose, never evaluated
    CHECK_THROWS_AS(g->enclose(std::vector<idouble>{idouble(-1, 1), idouble(0)}), std::domain_error);
}

TEST_CASE("family model requests: bad players and boxes are named", "[certify][family][bad-input]") {
    auto param_of = [](const ModelRequest& r) {
        try {
            make_model(r);
        } catch (const arith::bad_parameter& e) {
            return e.parameter();
        }
        return std::string("(accepted)");
    };
    const std::string m = logistic_ls;
    using R = std::map<std::string, std::pair<std::string, std::string>>;
    CHECK(param_of({m, "", "b=1,g=1", R{{"a", {"0.5", "1"}}, {"h", {"0", "1"}}}}) == "(accepted)");
    CHECK(param_of({m, "", "b=1,g=1", R{{"a", {"-0.5", "1"}}, {"h", {"0", "1"}}}}) == "box");     // a > 0
    CHECK(param_of({m, "", "a=0,g=1", R{{"b", {"-0.5", "1"}}, {"h", {"0", "1"}}}}) == "params");  // a > 0
    CHECK(param_of({m, "", "b=1,a=1", R{{"g", {"-1", "1"}}, {"h", {"0", "1"}}}}) == "box");       // g >= 0
    CHECK(param_of({m, "", "b=1,g=1,c=2", R{{"a", {"0.5", "1"}}, {"h", {"0", "1"}}}}) == "params");
    CHECK(param_of({m, "", "b=1", R{{"a", {"0.5", "1"}}, {"h", {"0", "1"}}}}) == "params");  // g missing
    CHECK(param_of({m, "", "b=1,g=1", R{{"a", {"0.5", "1"}}, {"l", {"0", "1"}}}}) == "box");
    CHECK(param_of({m, "", "b=1,g=1", R{{"a", {"0.5", "1"}}, {"h", {"0", "inf"}}}}) == "box");
    CHECK(param_of({m, "A", "b=1,g=1", R{{"a", {"0.5", "1"}}, {"h", {"0", "1"}}}}) == "case");
    CHECK(param_of({"data=exp(c=0.5) latent=rayleigh gen=square disc=nosuch cost=ls", "", "b=1,g=1",
                    R{{"a", {"0.5", "1"}}, {"h", {"0", "1"}}}}) == "model");
    const std::string ind = "data=gaussian(mu=0,sigma=1) latent=gaussian gen=affine disc=indicator cost=ls";
    CHECK(param_of({ind, "", "g=1,h=0", R{{"l", {"-1", "0"}}, {"r", {"0.5", "1"}}}}) == "(accepted)");
    CHECK(param_of({ind, "", "g=1,h=0", R{{"l", {"-1", "0.6"}}, {"r", {"0.5", "1"}}}}) == "box");  // l < r
    CHECK(param_of({ind, "", "l=-1,r=1", R{{"g", {"-1", "1"}}, {"h", {"0", "1"}}}}) == "box");     // g != 0
}

namespace {

std::string certify_small(const std::string& name) {
    // ∂J/∂h = −2a E[(1 − D)D'] < 0 for a > 0 (erf discriminator): no stationary point
    auto s = make_model({gauss_erf, "", "b=0,g=1", {{"a", {"0.5", "0.75"}}, {"h", {"0.25", "0.75"}}}});
    Claim c;
    c.kind = ClaimKind::no_stationary;
    c = resolve_claim(*s.function, s.root, c);
    CertifyOptions opt;
    opt.threads = 1;  // planted faults are thread-local
    opt.progress = false;
    opt.out = (std::filesystem::temp_directory_path() / ("gancert_family_" + name + ".jsonl")).string();
    auto r = certify::certify(*s.function, s.root, c, opt);
    REQUIRE(r.summary.at("status") == "proved");
    return opt.out;
}

}  // namespace

TEST_CASE("family certificate: verifies; a planted fault in the quadrature makes verification fail",
          "[certify][family][planted]") {
    const std::string path = certify_small("planted");
    VerifyReport ok = verify_certificate(path, VerifyOptions{0, 1, false});
    CHECK(ok.exit_code == 0);
    CHECK(ok.status == "proved");
    VerifyReport ind = verify_certificate(path, VerifyOptions{0, 1, true});  // no independent route: shared
    CHECK(ind.exit_code == 0);
    {
        // the ellipse bound M scaled up: every recomputed enclosure is wider than the recorded one
        quad::detail::planted_fault_scope fault({1e12, 1.0, 0.0});
        VerifyReport bad = verify_certificate(path, VerifyOptions{0, 1, false});
        CHECK(bad.exit_code == 1);
        REQUIRE_FALSE(bad.failures.empty());
        CHECK(bad.failures[0].find("recorded enclosure does not contain the recomputed one") != std::string::npos);
    }
    std::string wrong;
    {
        // the prover's ellipse bound M and tail enclosures scaled to 0: its recorded enclosures
        // are the bare Gauss-Legendre sums, too narrow; the honest verifier must reject them
        quad::detail::planted_fault_scope fault({0.0, 0.0, 0.0});
        wrong = certify_small("planted-narrow");
    }
    VerifyReport rej = verify_certificate(wrong, VerifyOptions{0, 1, false});
    CHECK(rej.exit_code == 1);
    std::filesystem::remove(path);
    std::filesystem::remove(wrong);
}
