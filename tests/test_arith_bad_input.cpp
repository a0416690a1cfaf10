// Bad input: malformed decimals, invalid interval bounds, out-of-range precision, and the IEEE
// invalid operations ∞ − ∞, 0·∞, ∞/∞ inside interval operations. Every case must end in a
// clear exception or a sound (non-NaN) interval — never a silent NaN endpoint.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>

#include "gancert/arith/scalar.hpp"

using namespace gancert::arith;

namespace {
const char* const malformed[] = {"nan", "NaN", "inf", "-inf", "infinity", "", "1e", "1e+", "0x10", " 1",
                                 "1 ",  "1.2.3", "+",  "-",    ".",        "e5", "1,5", "--1", "1e5.0"};

template <class S>
void require_rejected_with_name() {
    for (const char* s : malformed) {
        INFO("input '" << s << "'");
        try {
            (void)parse<S>(s, "--param-a");
            FAIL("accepted");
        } catch (const bad_input& e) {
            std::string msg = e.what();
            CHECK(msg.find("--param-a") != std::string::npos);
            CHECK(msg.find(std::string("'") + s + "'") != std::string::npos);
        }
    }
}
}  // namespace

TEST_CASE("parse<S> rejects malformed decimals with bad_input naming the argument", "[arith][bad_input]") {
    precision_guard g(128);
    require_rejected_with_name<double>();
    require_rejected_with_name<mpfr>();
    require_rejected_with_name<idouble>();
    require_rejected_with_name<impfr>();
    // and bad_input is an invalid_argument (callers may catch either)
    CHECK_THROWS_AS(parse<impfr>("x", "a"), std::invalid_argument);
}

TEST_CASE("parse<S> rejects decimals outside the exponent range and names the argument", "[arith][bad_input]") {
    precision_guard g(128);
    CHECK_THROWS_WITH(parse<idouble>("1e400", "--scale"), Catch::Contains("--scale"));
    CHECK_THROWS_WITH(parse<double>("-1e400", "--scale"), Catch::Contains("--scale"));
    CHECK_THROWS_WITH(parse<impfr>("1e999999999", "--scale"), Catch::Contains("--scale"));
    // valid edge cases are accepted
    CHECK_NOTHROW(parse<idouble>("1.7976931348623157e308", "x"));
    CHECK_NOTHROW(parse<impfr>("-.5e-3", "x"));
}

TEST_CASE("make_interval rejects lo > hi and NaN endpoints", "[arith][bad_input]") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    CHECK_THROWS_AS(make_interval(2.0, 1.0), std::domain_error);
    CHECK_THROWS_AS(make_interval(nan, 1.0), std::domain_error);
    CHECK_THROWS_AS(make_interval(1.0, nan), std::domain_error);
    CHECK_THROWS_WITH(make_interval(2.0, 1.0), Catch::Contains("lo > hi"));
    CHECK_NOTHROW(make_interval(1.0, 1.0));

    precision_guard g(100);
    mpfr one = integer<mpfr>(1), two = integer<mpfr>(2), mnan = fresh_mpfr();
    mpfr_set_nan(raw(mnan));
    CHECK_THROWS_AS(make_interval(two, one), std::domain_error);
    CHECK_THROWS_AS(make_interval(mnan, one), std::domain_error);
    CHECK_THROWS_AS(make_interval(one, mnan), std::domain_error);
    // Boost's own constructor goes through gancert's checking policy too
    CHECK_THROWS_AS(idouble(nan, 1.0), std::domain_error);
    CHECK_THROWS_AS(impfr(two, one), std::domain_error);
}

TEST_CASE("precision out of range throws with a message naming the value", "[arith][bad_input]") {
    const unsigned before = working_bits();
    for (unsigned bits : {0u, 1u, min_precision_bits - 1, max_precision_bits + 1, 4000000000u}) {
        INFO(bits);
        CHECK_THROWS_AS(set_working_bits(bits), std::invalid_argument);
        CHECK_THROWS_WITH(set_working_bits(bits), Catch::Contains(std::to_string(bits)));
        CHECK_THROWS_AS(precision_guard(bits), std::invalid_argument);
        CHECK(working_bits() == before);  // a failed attempt leaves the precision unchanged
    }
    CHECK_NOTHROW(set_working_bits(min_precision_bits));
    CHECK_NOTHROW(set_working_bits(max_precision_bits));
    set_working_bits(before);
    for (unsigned digits : {0u, max_decimal_digits + 1}) {
        CHECK_THROWS_AS(bits_for_digits(digits), std::invalid_argument);
        CHECK_THROWS_WITH(bits_for_digits(digits), Catch::Contains(std::to_string(digits)));
    }
    // 30 digits need ceil(30·log2 10) = 100 bits, plus the guard bits
    CHECK(bits_for_digits(30, 0) == 100);
    CHECK(bits_for_digits(30) == 116);
    CHECK(bits_for_digits(max_decimal_digits) > 0);
}

namespace {
template <class I>
I make(double lo, double hi) {
    if constexpr (std::is_same_v<I, idouble>) {
        return I(lo, hi);
    } else {
        mpfr a = fresh_mpfr(), b = fresh_mpfr();
        mpfr_set_d(raw(a), lo, MPFR_RNDN);
        mpfr_set_d(raw(b), hi, MPFR_RNDN);
        return I(a, b);
    }
}
bool nan_endpoint(const idouble& x) { return std::isnan(x.lower()) || std::isnan(x.upper()); }
bool nan_endpoint(const impfr& x) { return mpfr_nan_p(raw(x.lower())) || mpfr_nan_p(raw(x.upper())); }

/// op(x, y) must either throw std::domain_error or give non-NaN endpoints lo <= hi.
template <class I, class Op>
void require_no_nan(const char* what, Op op) {
    INFO(what);
    try {
        I r = op();
        CHECK_FALSE(nan_endpoint(r));
        if (!nan_endpoint(r)) CHECK(r.lower() <= r.upper());
    } catch (const std::domain_error&) {
        SUCCEED("rejected with std::domain_error");
    }
}
}  // namespace

TEMPLATE_TEST_CASE("inf - inf and 0 times inf and inf / inf inside interval operations never give NaN endpoints",
                   "[arith][bad_input]", idouble, impfr) {
    using I = TestType;
    precision_guard g(128);
    const double inf = std::numeric_limits<double>::infinity();
    const I pinf = make<I>(inf, inf), minf = make<I>(-inf, -inf), whole = make<I>(-inf, inf);
    const I zero = make<I>(0, 0), unit = make<I>(0, 1), halfline = make<I>(1, inf), two = make<I>(0, 2);
    require_no_nan<I>("[inf] - [inf]", [&] { return pinf - pinf; });
    require_no_nan<I>("[inf] + [-inf]", [&] { return pinf + minf; });
    require_no_nan<I>("whole - whole", [&] { return whole - whole; });
    require_no_nan<I>("whole + whole", [&] { return whole + whole; });
    require_no_nan<I>("[0,2] * [inf]", [&] { return two * pinf; });
    require_no_nan<I>("[inf] * [0,2]", [&] { return pinf * two; });
    require_no_nan<I>("[0] * whole", [&] { return zero * whole; });
    require_no_nan<I>("[0,1] * [1,inf]", [&] { return unit * halfline; });
    require_no_nan<I>("[0,1] * whole", [&] { return unit * whole; });
    require_no_nan<I>("[-inf] * [0,1]", [&] { return minf * unit; });
    require_no_nan<I>("[inf] / [inf]", [&] { return pinf / pinf; });
    require_no_nan<I>("[1,inf] / [1,inf]", [&] { return halfline / halfline; });
    require_no_nan<I>("whole / [1,inf]", [&] { return whole / halfline; });
    require_no_nan<I>("[0,1] / [0,1]", [&] { return unit / unit; });
    require_no_nan<I>("[inf] * [inf]", [&] { return pinf * minf; });
    require_no_nan<I>("square(whole)", [&] { return square(whole); });
    require_no_nan<I>("sqrt([inf])", [&] { return sqrt(pinf); });
    require_no_nan<I>("exp(whole)", [&] { return exp(whole); });
    require_no_nan<I>("exp(-square(whole))", [&] { return exp(-square(whole)); });
    require_no_nan<I>("erfc(whole)", [&] { return erfc(whole); });
    require_no_nan<I>("erfcx(whole)", [&] { return erfcx(whole); });
    require_no_nan<I>("log([0,inf])", [&] { return log(make<I>(0, inf)); });
    require_no_nan<I>("expm1(whole)", [&] { return expm1(whole); });
    // an operation whose result is a NaN interval must not slip through silently later either
    CHECK_THROWS_AS(log(make<I>(-1, 1)), std::domain_error);
}
