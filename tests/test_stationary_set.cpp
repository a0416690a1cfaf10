// Lemma S5 (proofs/lemmas.md §S) states the Hessian of the R/S/E/E cost on the stationary line
// L_c = {a = 0, b = 0, g + h = 1/c}. This test checks those formulas, independently of the
// stationary-set certificate, against the library's own interval Hessian (model::evaluate, the
// validated integral path at a = 0) at a few points of L_c, checks that ∇J encloses 0 there,
// and that a planted wrong formula is caught.
#include <catch2/catch.hpp>

#include <functional>
#include <string>
#include <vector>

#include "gancert/arith/constants.hpp"
#include "gancert/arith/decimal.hpp"
#include "gancert/arith/functions.hpp"
#include "gancert/arith/precision.hpp"
#include "gancert/model/evaluate.hpp"

using namespace gancert;
using arith::impfr;

namespace {

/// Lemma S5's Hessian (order a, b, g, h) at (0, 0, g, 1/c − g), as enclosures.
using Formula = std::function<std::vector<impfr>(const impfr& c, const impfr& g)>;
std::vector<impfr> lemma_s5(const impfr& c, const impfr& g) {
    impfr pi = arith::pi<impfr>(), h = impfr(1) / c - g, s = arith::inv_sqrt_pi<impfr>();
    impfr Haa = (impfr(2) / pi) * (impfr(2) / arith::square(c) + impfr(2) * arith::square(g) + impfr(2) * g * h +
                                  arith::square(h));
    impfr Hab = impfr(4) / (pi * c), Hbb = impfr(4) / pi, z(0);
    return {Haa, Hab, -s, -s, Hab, Hbb, z, z, -s, z, z, z, -s, z, z, z};
}

struct Point {
    const char* c;
    const char* g;
};
const Point points[] = {{"0.5", "0.7"}, {"0.5", "3"}, {"0.5", "0"}, {"4.04", "0.1"}, {"4.04", "1.5"}};

/// Number of Hessian entries whose formula enclosure is disjoint from the library's.
int mismatches(const Formula& formula, const Point& pt, bool check_gradient) {
    arith::precision_guard guard(128);
    impfr c = arith::parse<impfr>(pt.c), g = arith::parse<impfr>(pt.g);
    impfr h = impfr(1) / c - g;  // contains the exact h of the line point
    model::Params<impfr> p{impfr(0), impfr(0), g, h, c};
    auto e = model::evaluate(p);
    if (check_gradient)
        for (int i = 0; i < 4; ++i) REQUIRE(arith::contains_zero(e.J.g[i]));
    auto F = formula(c, g);
    int bad = 0;
    for (int i = 0; i < 4; ++i)
        for (int j = 0; j < 4; ++j) {
            const impfr& lib = e.J.hess(i, j);
            REQUIRE(arith::width_up(lib) < 1e-6);  // the comparison is meaningful
            const impfr& f = F[static_cast<std::size_t>(i * 4 + j)];
            if (lib.upper() < f.lower() || f.upper() < lib.lower()) ++bad;
        }
    return bad;
}

}  // namespace

TEST_CASE("lemma S5: the Hessian on L_c matches the library's interval Hessian", "[stationary-set]") {
    for (const auto& pt : points) {
        INFO("c = " << pt.c << ", g = " << pt.g);
        CHECK(mismatches(lemma_s5, pt, true) == 0);
    }
}

TEST_CASE("lemma S5: the simplified minors agree with the entries", "[stationary-set]") {
    arith::precision_guard guard(128);
    for (const auto& pt : points) {
        impfr c = arith::parse<impfr>(pt.c), g = arith::parse<impfr>(pt.g), pi = arith::pi<impfr>();
        auto H = lemma_s5(c, g);
        impfr d1 = (impfr(2) / pi) * (impfr(3) / arith::square(c) + arith::square(g));
        impfr d2 = (impfr(8) / arith::square(pi)) * (arith::square(g) + impfr(1) / arith::square(c));
        impfr d2_entries = H[0] * H[5] - H[1] * H[4];
        impfr d3_entries = -H[2] * H[8] * H[5];  // det [[A, B, -s], [B, Hbb, 0], [-s, 0, 0]]
        CHECK(!(d1.upper() < H[0].lower() || H[0].upper() < d1.lower()));
        CHECK(!(d2.upper() < d2_entries.lower() || d2_entries.upper() < d2.lower()));
        CHECK(d2.lower() > 0);
        CHECK(d3_entries.upper() < 0);
        impfr d3 = -(impfr(4) / arith::square(pi));
        CHECK(!(d3.upper() < d3_entries.lower() || d3_entries.upper() < d3.lower()));
    }
}

TEST_CASE("lemma S5: a planted wrong formula is caught", "[stationary-set][soundness]") {
    Formula wrong_haa = [](const impfr& c, const impfr& g) {  // E[G²] with E[U²] = 1 instead of 2
        auto F = lemma_s5(c, g);
        impfr pi = arith::pi<impfr>(), h = impfr(1) / c - g;
        F[0] = (impfr(2) / pi) * (impfr(2) / arith::square(c) + arith::square(g) + impfr(2) * g * h + arith::square(h));
        return F;
    };
    Formula wrong_hag = [](const impfr& c, const impfr& g) {  // ∂²J/∂a∂g with the wrong sign
        auto F = lemma_s5(c, g);
        F[2] = F[8] = arith::inv_sqrt_pi<impfr>();
        return F;
    };
    Formula wrong_hab = [](const impfr& c, const impfr& g) {  // 2/(πc) instead of 4/(πc)
        auto F = lemma_s5(c, g);
        F[1] = F[4] = impfr(2) / (arith::pi<impfr>() * c);
        return F;
    };
    CHECK(mismatches(wrong_haa, points[0], false) > 0);
    CHECK(mismatches(wrong_hag, points[3], false) > 0);
    CHECK(mismatches(wrong_hab, points[1], false) > 0);
}
