// Lemma K4 (proofs/lemmas.md): the certifier's sign bounds of ∂J/∂g and ∂J/∂h for the R/S/E/E
// cost, for a > 0 (certified upper bound < 0) and for a < 0 (certified lower bound > 0). The
// bounds (RseeFunction::gradient_bounds, and the same bounds intersected into enclose()) are
// compared with the validated integral path's enclosures (model::evaluate_integral on point
// intervals) at points of random boxes: the bound must have the sign −sign(a) and must never
// cut an enclosure (a sound bound contains the exact value, which the enclosure contains).
// Planted errors (the bound scaled by 1.5 towards the far side, or with the wrong sign) go
// through the same comparison and must be caught.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "gancert/arith/decimal.hpp"
#include "gancert/arith/errors.hpp"
#include "gancert/certify/model_factory.hpp"
#include "gancert/model/integral_path.hpp"

using namespace gancert;
using arith::idouble;

namespace {

struct TestBox {
    double lo[4], hi[4];  // a, b, g, h (exact doubles)
    std::string c;
};

/// Random boxes with a > 0 (positive = true) or a < 0 (the mirror a -> -a, b -> -b keeps t in
/// the same range; not needed for soundness, only to cover similar magnitudes).
std::vector<TestBox> random_boxes(bool positive, unsigned count, unsigned seed) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> ua(0.05, 5), ub(-6, 6), ug(0, 4), uh(-5, 3), uw(0.002, 0.25),
        usmall(0, 0.3);
    std::vector<TestBox> out;
    for (unsigned k = 0; k < count; ++k) {
        TestBox B;
        double a = ua(rng), w = uw(rng);
        B.lo[0] = positive ? a : -a - w;
        B.hi[0] = positive ? a + w : -a;
        double b = ub(rng);
        B.lo[1] = b;
        B.hi[1] = b + uw(rng);
        double g = (k % 3 == 0) ? usmall(rng) : ug(rng);  // a third with small g: tight bounds
        B.lo[2] = g;
        B.hi[2] = g + uw(rng);
        double h = uh(rng);
        B.lo[3] = h;
        B.hi[3] = h + uw(rng);
        B.c = k % 2 ? "0.5" : "4.04";
        out.push_back(B);
    }
    return out;
}

/// A bound r on an exact value is contradicted by an enclosure E of that value iff r ∩ E = ∅.
bool cuts(const idouble& r, const idouble& E) { return r.upper() < E.lower() || E.upper() < r.lower(); }

/// K9's entries 0, 1 (∂J/∂a, ∂J/∂b) against the integral path's gradient at the point `prm`
/// (skipped where the integral path cannot evaluate it): `cut` counts points whose value an
/// enclosure misses, `planted_cut` those missed by the enclosure moved up by its own width.
void tally_k9(const std::vector<idouble>& r, const model::Params<idouble>& prm, unsigned& points, unsigned& cut,
              unsigned& planted_cut) {
    model::Evaluation<idouble> e;
    try {
        e = model::evaluate_integral(prm);
    } catch (const std::range_error&) {
        return;
    }
    ++points;
    bool bad = false, bad_planted = false;
    for (int i : {0, 1}) {
        const double wi = r[i].upper() - r[i].lower();
        if (cuts(r[i], e.J.g[i])) bad = true;
        if (cuts(idouble(r[i].upper(), r[i].upper() + wi), e.J.g[i])) bad_planted = true;
    }
    cut += bad;
    planted_cut += bad_planted;
}

using Bound = std::function<idouble(const idouble&, int /*sign*/)>;  // identity or a planted error

struct Tally {
    unsigned boxes = 0, with_bound = 0, points = 0, cut = 0, wrong_sign = 0;
};

/// Runs the comparison over the boxes with the bound transformed by `plant`.
Tally compare(const std::vector<TestBox>& boxes, const Bound& plant, bool also_enclose) {
    Tally t;
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> u01(0, 1);
    for (const auto& B : boxes) {
        ++t.boxes;
        auto f = certify::make_rsee_function({{"c", B.c}}, {"a", "b", "g", "h"});
        std::vector<idouble> X;
        for (int i = 0; i < 4; ++i) X.emplace_back(B.lo[i], B.hi[i]);
        auto r = f->gradient_bounds(X);
        REQUIRE(r.size() == 4);
        const int sign = B.lo[0] > 0 ? -1 : 1;  // −sign(a)
        bool any = false;
        for (int i : {2, 3}) {
            if (!std::isfinite(r[i].lower()) || !std::isfinite(r[i].upper())) continue;
            any = true;
            r[i] = plant(r[i], sign);
            if (sign < 0 ? !(r[i].upper() < 0) : !(r[i].lower() > 0)) ++t.wrong_sign;
        }
        if (any) ++t.with_bound;
        // points: the 16 corners and 8 random points of the box
        std::vector<std::array<double, 4>> pts;
        for (int m = 0; m < 16; ++m) {
            std::array<double, 4> p;
            for (int i = 0; i < 4; ++i) p[i] = (m >> i) & 1 ? B.hi[i] : B.lo[i];
            pts.push_back(p);
        }
        for (int k = 0; k < 8; ++k) {
            std::array<double, 4> p;
            for (int i = 0; i < 4; ++i) p[i] = B.lo[i] + (B.hi[i] - B.lo[i]) * u01(rng);
            pts.push_back(p);
        }
        idouble c = arith::parse<idouble>(B.c);
        for (const auto& p : pts) {
            model::Params<idouble> prm{idouble(p[0]), idouble(p[1]), idouble(p[2]), idouble(p[3]), c};
            model::Evaluation<idouble> e;
            try {
                e = model::evaluate_integral(prm);
            } catch (const std::range_error&) {
                continue;
            }
            ++t.points;
            bool bad = false;
            for (int i : {2, 3}) {
                const idouble& E = e.J.g[i];
                if (std::isfinite(r[i].lower()) && std::isfinite(r[i].upper()) && cuts(r[i], E)) bad = true;
            }
            if (also_enclose) {
                // the certifier's own point enclosure (closed form / integral path, then the
                // sign bound intersected in) must agree with the integral path
                std::vector<idouble> P{idouble(p[0]), idouble(p[1]), idouble(p[2]), idouble(p[3])};
                auto en = f->enclose(P);
                for (int i : {2, 3})
                    if (cuts(en.g[i], e.J.g[i])) bad = true;
            }
            if (bad) ++t.cut;
        }
    }
    return t;
}

}  // namespace

TEST_CASE("K4 sign bounds: sound for a > 0 and a < 0, planted errors caught", "[certify][rsee][K4]") {
    for (bool positive : {true, false}) {
        INFO((positive ? "a > 0" : "a < 0"));
        auto boxes = random_boxes(positive, 36, positive ? 11 : 12);
        Tally ok = compare(boxes, [](const idouble& r, int) { return r; }, true);
        std::printf("K4 %s: %u boxes, %u with a bound, %u points, %u cut\n", positive ? "a>0" : "a<0", ok.boxes,
                    ok.with_bound, ok.points, ok.cut);
        CHECK(ok.with_bound >= ok.boxes * 2 / 3);  // the bound is available on most boxes
        CHECK(ok.points >= ok.boxes * 20);
        CHECK(ok.wrong_sign == 0);
        CHECK(ok.cut == 0);

        // planted: the bound's inner end moved 1.5x further from 0 (too strong a claim)
        Tally scaled = compare(boxes, [](const idouble& r, int sign) {
            return sign < 0 ? idouble(r.lower(), 1.5 * r.upper()) : idouble(1.5 * r.lower(), r.upper());
        }, false);
        std::printf("K4 %s planted x1.5: %u points cut\n", positive ? "a>0" : "a<0", scaled.cut);
        CHECK(scaled.cut > 0);
        // planted: the sign of a ignored (the a > 0 formula's sign for every a)
        Tally flipped = compare(boxes, [](const idouble& r, int) { return -r; }, false);
        CHECK(flipped.wrong_sign > 0);
        CHECK(flipped.cut >= ok.with_bound);  // every box with a bound is caught at some point
    }
}

TEST_CASE("K4 sign bounds: a bound for a < 0 boxes as for a > 0 boxes", "[certify][rsee][K4]") {
    // An a > 0 box and an a < 0 box of the same size: both get a bound (before lemma K4 was
    // extended only the first did), each with the sign −sign(a).
    auto f = certify::make_rsee_function({{"c", "0.5"}}, {"a", "b", "g", "h"});
    std::vector<idouble> pos{idouble(0.5, 0.6), idouble(-1, -0.9), idouble(1, 1.1), idouble(0.2, 0.3)};
    std::vector<idouble> neg{idouble(-0.6, -0.5), idouble(0.9, 1), idouble(1, 1.1), idouble(-0.3, -0.2)};
    auto rp = f->gradient_bounds(pos), rn = f->gradient_bounds(neg);
    for (int i : {2, 3}) {
        REQUIRE(std::isfinite(rp[i].upper()));
        REQUIRE(std::isfinite(rn[i].lower()));
        CHECK(rp[i].upper() < 0);
        CHECK(rn[i].lower() > 0);
    }
    // a box with 0 in its a-interval has no sign bound
    std::vector<idouble> zero{idouble(-0.1, 0.1), idouble(0), idouble(1), idouble(0)};
    auto rz = f->gradient_bounds(zero);
    CHECK(!std::isfinite(rz[2].lower()));
    CHECK(!std::isfinite(rz[3].upper()));
}

// Lemma K9: the Darboux enclosures of ∂J/∂a and ∂J/∂b (gradient_bounds entries 0, 1), for any
// sign of a (boxes with a < 0, a > 0 and a ∋ 0), against the integral path's point enclosures
// at the corners and random points; a planted error (the enclosure moved up by its own width)
// must be caught. Also: on narrow boxes the enclosures decide the sign of some partial on most
// boxes (they are not vacuous), and the discriminator-only function (g, h fixed) gets them too.
TEST_CASE("K9 Darboux enclosures of dJ/da and dJ/db: sound for every sign of a, planted error caught",
          "[certify][rsee][K9]") {
    std::mt19937_64 rng(29);
    std::uniform_real_distribution<double> ua(-5, 5), ub(-6, 6), ug(0, 4), uh(-5, 3), u01(0, 1);
    std::uniform_int_distribution<int> uw(1, 5);
    unsigned boxes = 0, points = 0, cut = 0, planted_cut = 0, decided = 0;
    for (int k = 0; k < 48; ++k) {
        double lo[4] = {ua(rng), ub(rng), ug(rng), uh(rng)}, hi[4];
        double w = std::ldexp(1.0, -2 * uw(rng));  // widths 2^{-2} … 2^{-10}
        if (k % 8 == 0) lo[0] = -w / 2;             // a ∋ 0
        for (int i = 0; i < 4; ++i) hi[i] = lo[i] + w;
        const std::string c = k % 2 ? "0.5" : "4.04";
        auto f = certify::make_rsee_function({{"c", c}}, {"a", "b", "g", "h"});
        std::vector<idouble> X;
        for (int i = 0; i < 4; ++i) X.emplace_back(lo[i], hi[i]);
        auto r = f->gradient_bounds(X);
        REQUIRE(r.size() == 4);
        REQUIRE(std::isfinite(r[0].lower()));
        REQUIRE(std::isfinite(r[1].upper()));
        ++boxes;
        if (!arith::contains_zero(r[0]) || !arith::contains_zero(r[1])) ++decided;
        idouble cc = arith::parse<idouble>(c);
        for (int m = 0; m < 24; ++m) {
            double p[4];
            for (int i = 0; i < 4; ++i) p[i] = m < 16 ? ((m >> i) & 1 ? hi[i] : lo[i]) : lo[i] + (hi[i] - lo[i]) * u01(rng);
            tally_k9(r, {idouble(p[0]), idouble(p[1]), idouble(p[2]), idouble(p[3]), cc}, points, cut, planted_cut);
        }
    }
    std::printf("K9: %u boxes (%u decided), %u points, %u cut, planted: %u cut\n", boxes, decided, points, cut,
                planted_cut);
    CHECK(points >= boxes * 20);
    CHECK(cut == 0);
    CHECK(planted_cut >= points / 2);
    CHECK(decided >= boxes / 2);

    // the discriminator-only function: free (a, b), g, h, c fixed; a box in the
    // saturated region b ≫ a (Case A values) where the closed form cannot decide at 53 bits
    auto fb = certify::make_rsee_function({{"c", "0.5"}, {"g", "1.5"}, {"h", "-2"}}, {"a", "b"});
    auto rb = fb->gradient_bounds(std::vector<idouble>{idouble(0.5, 0.53), idouble(5.5, 5.55)});
    REQUIRE(rb.size() == 2);
    CHECK(rb[0].lower() > 0);  // ∂J/∂a ≈ 1e−15 there (integral path), positive on the box
}

// Lemma K9 with the nodes refined per box, in the tails where both partials are exponentially
// small differences of two tail integrals (Case B's discriminator plateau, a in [0.1, 1],
// b in [-6, -3]; Case A's small-a corner). The refined sums must still contain the integral
// path's point values (corners and random points), a planted error (moved by its own width)
// must be caught, and narrow boxes there must be decided: with the unrefined nodes
// (darboux_max_level = 0) 7 of these 24 boxes were, the node length in t dominating the
// enclosure; refined, all 24.
TEST_CASE("K9 refined nodes in the tails: sound, planted error caught, boxes decided", "[certify][rsee][K9]") {
    std::mt19937_64 rng(31);
    std::uniform_real_distribution<double> u01(0, 1);
    struct Region { const char *c, *g, *h; double a0, a1, b0, b1; };
    const Region regions[] = {{"4.04", "0.35", "-4", 0.1, 1, -6, -3}, {"0.5", "1.5", "-2", 0.05, 0.3, -6, -4}};
    unsigned boxes = 0, points = 0, cut = 0, planted_cut = 0, decided = 0;
    for (const Region& R : regions) {
        auto f = certify::make_rsee_function({{"c", R.c}, {"g", R.g}, {"h", R.h}}, {"a", "b"});
        const idouble cc = arith::parse<idouble>(R.c), gg = arith::parse<idouble>(R.g), hh = arith::parse<idouble>(R.h);
        for (int k = 0; k < 12; ++k) {
            const double w = 0x1p-7;
            const double lo[2] = {R.a0 + (R.a1 - R.a0) * u01(rng), R.b0 + (R.b1 - R.b0) * u01(rng)};
            const double hi[2] = {lo[0] + w, lo[1] + w};
            auto r = f->gradient_bounds(std::vector<idouble>{idouble(lo[0], hi[0]), idouble(lo[1], hi[1])});
            REQUIRE(r.size() == 2);
            ++boxes;
            if (!arith::contains_zero(r[0]) || !arith::contains_zero(r[1])) ++decided;
            for (int m = 0; m < 6; ++m) {
                const double pa = m < 4 ? (m & 1 ? hi[0] : lo[0]) : lo[0] + w * u01(rng);
                const double pb = m < 4 ? (m & 2 ? hi[1] : lo[1]) : lo[1] + w * u01(rng);
                tally_k9(r, {idouble(pa), idouble(pb), gg, hh, cc}, points, cut, planted_cut);
            }
        }
    }
    std::printf("K9 tails: %u boxes (%u decided), %u points, %u cut, planted: %u cut\n", boxes, decided, points, cut,
                planted_cut);
    CHECK(points >= boxes * 4);
    CHECK(cut == 0);
    CHECK(planted_cut >= points / 2);
    CHECK(decided >= boxes * 3 / 4);
}
