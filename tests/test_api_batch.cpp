// api::eval_batch_double over several workers (lib/include/gancert/api/batch.hpp): the result
// does not depend on the number of workers and equals the point-by-point evaluation; bad input
// is refused before any evaluation, naming the parameter and the lowest bad index.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "gancert/api/batch.hpp"
#include "gancert/arith/errors.hpp"

using namespace gancert;

TEST_CASE("eval_batch_double: the same enclosures for 1, 2 and 3 workers and point by point") {
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> ua(0.5, 3), ub(-4, 4), ug(0.2, 3), uc(0.2, 5);
    std::vector<std::array<double, 5>> pts(120);
    for (auto& p : pts) p = {ua(rng), ub(rng), ug(rng), ub(rng), uc(rng)};
    api::BatchOptions one;
    one.threads = 1;
    const auto ref = api::eval_batch_double(pts, one);
    std::size_t fallbacks = 0;
    for (const auto& r : ref) fallbacks += r.fallback;
    CHECK(fallbacks > 0);  // both paths are exercised
    CHECK(fallbacks < pts.size());
    for (unsigned t : {2u, 3u}) {
        api::BatchOptions o;
        o.threads = t;
        const auto r = api::eval_batch_double(pts, o);
        REQUIRE(r.size() == ref.size());
        for (std::size_t i = 0; i < r.size(); ++i) {
            CHECK(r[i].fallback == ref[i].fallback);
            CHECK(r[i].lo == ref[i].lo);
            CHECK(r[i].hi == ref[i].hi);
        }
    }
    for (std::size_t i = 0; i < pts.size(); i += 17) {
        const auto p = api::eval_point_double(pts[i], i, one);
        CHECK(p.lo == ref[i].lo);
        CHECK(p.hi == ref[i].hi);
    }
}

TEST_CASE("eval_batch_double: a bad point is refused before any work, naming its index") {
    std::vector<std::array<double, 5>> pts(200, {2.2, -3, 1.5, -2, 0.5});
    pts[150][4] = -1;  // c <= 0
    pts[70][2] = -0.5;  // g < 0, the lowest bad index
    api::BatchOptions o;
    o.threads = 2;
    try {
        api::eval_batch_double(pts, o);
        FAIL("accepted");
    } catch (const arith::bad_parameter& e) {
        CHECK(std::string(e.what()).find("point 70") != std::string::npos);
    }
}
