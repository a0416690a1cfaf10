#include <catch2/catch.hpp>

#include "gancert/ad/jet.hpp"
#include "gancert/arith/scalar.hpp"

using namespace gancert::arith;

TEST_CASE("smoke: decimal 2.2 is enclosed", "[arith]") {
    precision_guard guard(200);
    auto x = parse<impfr>("2.2");
    CHECK(x.lower() < x.upper());
    auto y = x * integer<impfr>(10);
    CHECK(contains(y, mpfr(22)));
    auto d = parse<idouble>("2.2");
    CHECK(d.lower() < 2.2000000000000001776);
    auto e = erf(d);
    CHECK(e.lower() <= e.upper());
    auto j = gancert::ad::Jet<idouble, 2>::variable(d, 0);
    auto k = erf(j * j);
    CHECK(k.g[0].lower() < k.g[0].upper());
}
