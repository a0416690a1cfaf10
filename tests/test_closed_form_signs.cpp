// Sign facts of proofs/lemmas.md §K4 certified by the closed form: ∂J/∂h < 0, ∂J/∂g < 0 and
// ∂J1/∂b = 2W_+(a/c, b)/(a/c) > 0 at random points with a > 0 (upper bound of the enclosure
// < 0, resp. lower bound > 0), raising the precision while undecided.
#include <catch2/catch.hpp>

#include <random>

#include "closed_form_test_support.hpp"
#include "gancert/model/closed_form.hpp"
#include "gancert/model/closed_form_integrals.hpp"

using namespace cftest;

TEST_CASE("sign facts certified at random points", "[closed_form][signs]") {
    std::mt19937_64 rng(314);
    std::uniform_real_distribution<double> U(0, 1);
    int certified = 0, max_bits_used = 0;
    for (int i = 0; i < 120; ++i) {
        const double a = 0.05 + 4.95 * U(rng), g = 0.05 + 4.95 * U(rng), c = 0.05 + 4.95 * U(rng);
        const double b = -5 + 10 * U(rng), h = -5 + 10 * U(rng);
        const model::Params<double> pd{a, b, g, h, c};
        bool done = false;
        for (unsigned bits = model::closed_form_bits(pd, 64); bits <= 8192 && !done; bits *= 2) {
            precision_guard guard(bits);
            const model::Params<impfr> p{impfr(mpfr(a)), impfr(mpfr(b)), impfr(mpfr(g)),
                                         impfr(mpfr(h)), impfr(mpfr(c))};
            const auto e = model::evaluate_closed_form(p);
            const auto w = model::w_partials(+1, impfr(p.a / p.c), p.b);
            REQUIRE(e);
            REQUIRE(w);
            const impfr dJ1_db = integer<impfr>(2) * w->W / (p.a / p.c);
            const bool decided = certainly_negative(e->J.g[3]) && certainly_negative(e->J.g[2]) &&
                                 certainly_positive(dJ1_db);
            if (decided) {
                done = true;
                max_bits_used = std::max<int>(max_bits_used, static_cast<int>(bits));
            } else {
                // never the wrong sign: an undecided enclosure must still admit the true sign
                CHECK(static_cast<bool>(e->J.g[3].lower() < 0));
                CHECK(static_cast<bool>(e->J.g[2].lower() < 0));
                CHECK(static_cast<bool>(dJ1_db.upper() > 0));
            }
        }
        INFO("point " << i << " a=" << a << " b=" << b << " g=" << g << " h=" << h << " c=" << c);
        CHECK(done);
        certified += done;
    }
    INFO("max bits used " << max_bits_used);
    CHECK(certified >= 100);
}
