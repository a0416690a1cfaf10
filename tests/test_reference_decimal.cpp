// Exact decimals, grids, points files and quantity selection of gancert/reference.
// Independent checks: MPFR at 4000 bits for ordering and values, integer arithmetic for grids.
#include <catch2/catch.hpp>

#include <mpfr.h>

#include <random>
#include <sstream>

#include "gancert/arith/errors.hpp"
#include "gancert/reference/csv.hpp"
#include "gancert/arith/decimal.hpp"
#include "gancert/reference/points.hpp"
#include "gancert/reference/quantities.hpp"

using namespace gancert::reference;
using gancert::arith::bad_input;
using gancert::arith::Decimal;

namespace {
/// The reference tools' reading of a decimal (a location-style message naming `what`).
Decimal parse_exact_decimal(std::string_view s, std::string_view what) { return gancert::arith::parse_written(s, what).value; }
Decimal ratio(long long p, unsigned long q) {
    auto r = Decimal(p).divided_by(q);
    REQUIRE(r);
    return *r;
}
}  // namespace

namespace {
std::string random_decimal(std::mt19937_64& rng) {
    std::uniform_int_distribution<int> digit(0, 9), len(1, 25), exp(-40, 40), coin(0, 3);
    std::string s;
    if (coin(rng) == 0) s += '-';
    int n = len(rng);
    for (int i = 0; i < n; ++i) s += static_cast<char>('0' + digit(rng));
    if (coin(rng) == 1) s.insert(s.size() - static_cast<std::size_t>(digit(rng) % n), ".");
    if (coin(rng) >= 2) s += "e" + std::to_string(exp(rng));
    return s;
}
/// Sign of x − y by MPFR at 4000 bits: both decimals have < 30 digits and |exponent| < 100,
/// so distinct values differ far above the rounding error (independent of GMP rationals).
int mpfr_compare(const std::string& x, const std::string& y) {
    mpfr_t a, b;
    mpfr_inits2(4000, a, b, static_cast<mpfr_ptr>(nullptr));
    mpfr_set_str(a, x.c_str(), 10, MPFR_RNDN);
    mpfr_set_str(b, y.c_str(), 10, MPFR_RNDN);
    int c = mpfr_cmp(a, b);
    mpfr_clears(a, b, static_cast<mpfr_ptr>(nullptr));
    return c;
}
}  // namespace

TEST_CASE("exact decimals: equal numbers written differently are equal", "[reference][decimal]") {
    CHECK(parse_exact_decimal("0.50", "x") == parse_exact_decimal("5e-1", "y"));
    CHECK(parse_exact_decimal(".5", "x") == parse_exact_decimal("+0.5000", "y"));
    CHECK(parse_exact_decimal("-0", "x") == parse_exact_decimal("0.0e7", "y"));
    CHECK(parse_exact_decimal("2.2", "x") == ratio(22, 10));
    CHECK(parse_exact_decimal("1.2345E+2", "x") == parse_exact_decimal("123.45", "y"));
    CHECK_FALSE(parse_exact_decimal("0.1", "x") == parse_exact_decimal("0.10000000000000001", "y"));
    // 0.1 + 0.2 == 0.3 exactly (false in binary floating point)
    CHECK(parse_exact_decimal("0.1", "x") + parse_exact_decimal("0.2", "y") == parse_exact_decimal("0.3", "z"));
}

TEST_CASE("exact decimals: malformed input names the item", "[reference][decimal]") {
    for (const char* bad : {"", "abc", "1.2.3", "nan", "inf", "1e", "--1", "0x10", " 1", "1e1000000"}) {
        INFO(bad);
        try {
            (void)parse_exact_decimal(bad, "column J line 7");
            FAIL("accepted");
        } catch (const bad_input& e) {
            CHECK(std::string(e.what()).find("column J line 7") != std::string::npos);
        }
    }
}

TEST_CASE("exact decimals: ordering agrees with 4000-bit MPFR, printing round-trips", "[reference][decimal]") {
    std::mt19937_64 rng(20261122);
    for (int i = 0; i < 3000; ++i) {
        std::string x = random_decimal(rng), y = random_decimal(rng);
        INFO(x << " vs " << y);
        Decimal qx = parse_exact_decimal(x, "x"), qy = parse_exact_decimal(y, "y");
        int c = compare(qx, qy);
        CHECK((c > 0) - (c < 0) == mpfr_compare(x, y));
        // every finite decimal is a terminating decimal: exact printing exists and round-trips
        std::string text = qx.str();
        CHECK(parse_exact_decimal(text, "printed") == qx);
        CHECK(mpfr_compare(text, x) == 0);
        // log10 estimate
        if (qx.sign() != 0) {
            mpfr_t a;
            mpfr_init2(a, 200);
            mpfr_set_str(a, x.c_str(), 10, MPFR_RNDN);
            mpfr_abs(a, a, MPFR_RNDN);
            mpfr_log10(a, a, MPFR_RNDN);
            CHECK(qx.log10_abs() == Approx(mpfr_get_d(a, MPFR_RNDN)).margin(1e-12));
            mpfr_clear(a);
        }
    }
}

TEST_CASE("exact decimals: non-terminating rationals are not printed", "[reference][decimal]") {
    CHECK_FALSE(Decimal(1).divided_by(3));
    CHECK_FALSE(Decimal(7).divided_by(12));
    CHECK(Decimal(1).fraction_text(3) == "1/3");
    CHECK(Decimal(14).fraction_text(12) == "7/6");
    CHECK(ratio(7, 8).str() == "0.875");
    CHECK(ratio(-1, 1280).str() == "-0.00078125");
    CHECK(ratio(300, 3).str() == "100");
    CHECK(Decimal(100).str() == "100");
    CHECK(Decimal(0).str() == "0");
}

TEST_CASE("grid: points are exact and match integer arithmetic", "[reference][grid]") {
    auto axes = parse_grid("b=-6:6:25,h=-6:6:25");
    REQUIRE(axes.size() == 2);
    CHECK(axes[0].param == 1);
    CHECK(axes[1].param == 3);
    REQUIRE(axes[0].values.size() == 25);
    for (int k = 0; k < 25; ++k)  // b_k = (k − 12)/2
        CHECK(parse_exact_decimal(axes[0].values[k], "b") == ratio(k - 12, 2));
    CHECK(axes[0].values[1] == "-5.5");
    CHECK(axes[0].values[12] == "0");
    // decimal steps that are not binary fractions: 0.1:0.2:11 → 0.1, 0.11, …, 0.2
    auto fine = parse_grid("a=0.1:0.2:11");
    for (int k = 0; k < 11; ++k)
        CHECK(parse_exact_decimal(fine[0].values[k], "a") == ratio(10 + k, 100));
    CHECK(fine[0].values[3] == "0.13");
    // descending and single-point axes
    auto down = parse_grid("c=2:1:5,g=1.5:1.5:1");
    CHECK(down[0].values == std::vector<std::string>{"2", "1.75", "1.5", "1.25", "1"});
    CHECK(down[1].values == std::vector<std::string>{"1.5"});

    point_grid grid(parse_grid("b=-1:1:3,h=0:1:2"), parse_fixed("a=2.2,g=1.5,c=0.5"));
    REQUIRE(grid.size() == 6);
    CHECK(grid[0].b == "-1");
    CHECK(grid[0].h == "0");
    CHECK(grid[1].h == "1");  // last axis fastest
    CHECK(grid[5].b == "1");
    CHECK(grid[5].h == "1");
    CHECK(grid[3].a == "2.2");
    CHECK(grid[3].c == "0.5");
}

TEST_CASE("grid and fixed: bad input is rejected naming the item", "[reference][grid]") {
    auto rejects = [](auto f, const std::string& needle) {
        try {
            f();
            FAIL("accepted");
        } catch (const bad_input& e) {
            INFO(e.what());
            CHECK(std::string(e.what()).find(needle) != std::string::npos);
        }
    };
    rejects([] { parse_grid("b=0:1:4"); }, "not a terminating decimal");
    rejects([] { parse_grid("x=0:1:3"); }, "unknown parameter 'x'");
    rejects([] { parse_grid("b=0:1"); }, "b=0:1");
    rejects([] { parse_grid("b=0:1:0"); }, "count '0'");
    rejects([] { parse_grid("b=0:1:2.5"); }, "count '2.5'");
    rejects([] { parse_grid("b=0:z:3"); }, "hi");
    rejects([] { parse_grid("b=0:1:1"); }, "count 1");
    rejects([] { parse_grid("b=0:1:3,b=1:2:3"); }, "given twice");
    rejects([] { parse_fixed("a"); }, "name=value");
    rejects([] { parse_fixed("a=1,q=2"); }, "unknown parameter 'q'");
    rejects([] { parse_fixed("a=1x"); }, "fixed: a:");
    rejects([] { point_grid(parse_grid("b=0:1:3"), parse_fixed("a=1,g=1,h=0")); }, "missing parameter 'c'");
    rejects([] { point_grid(parse_grid("b=0:1:3"), parse_fixed("a=1,b=1,g=1,h=0,c=1")); }, "both in 'grid' and in 'fixed'");
    rejects([] { point_grid(parse_grid("c=-1:1:3"), parse_fixed("a=1,b=0,g=1,h=0")); }, "'-1' is outside the domain");
    rejects([] { point_grid(parse_grid("g=-1:1:3"), parse_fixed("a=1,b=0,c=1,h=0")); }, "g");
    rejects([] { point_grid(parse_grid("a=0:99999:100000,b=0:99999:100000"), parse_fixed("g=1,h=0,c=1")); }, "more than");
}

TEST_CASE("points file: columns completed by --fixed, errors name file and line", "[reference][points]") {
    std::istringstream in("# comment\nb,h\n-3,-2\n\n0.5,1e1\n");
    auto t = read_csv(in, "pts.csv");
    auto pts = read_points(t, parse_fixed("a=2.2,g=1.5,c=0.5"));
    REQUIRE(pts.size() == 2);
    CHECK(pts[1].b == "0.5");
    CHECK(pts[1].h == "1e1");
    CHECK(pts[0].a == "2.2");

    auto fails = [](const std::string& csv, const std::string& fixed, const std::string& needle) {
        std::istringstream s(csv);
        try {
            auto tab = read_csv(s, "pts.csv");
            read_points(tab, parse_fixed(fixed));
            FAIL("accepted");
        } catch (const bad_input& e) {
            INFO(e.what());
            CHECK(std::string(e.what()).find(needle) != std::string::npos);
        }
    };
    fails("a,b,g,h,c\n1,2,3,4,-5\n", "", "pts.csv:2: c: '-5' is outside the domain");
    fails("a,b,g,h,c\n1,2,3,4\n", "", "pts.csv:2: expected 5 fields");
    fails("a,b,g,h,c,x\n1,2,3,4,5,6\n", "", "unknown column 'x'");
    fails("a,b,g,h\n1,2,3,4\n", "", "missing parameter 'c'");
    fails("a,b,g,h,c\n1,2,3,4,5\n", "c=1", "both a column and in --fixed");
}

TEST_CASE("points file: malformed value is reported at its line", "[reference][points]") {
    std::istringstream s("a,b,g,h,c\n1,2,3,4,5\n1,2,three,4,5\n");
    auto tab = read_csv(s, "pts.csv");
    try {
        read_points(tab, {});
        FAIL("accepted");
    } catch (const bad_input& e) {
        CHECK(std::string(e.what()).find("pts.csv:3") != std::string::npos);
        CHECK(std::string(e.what()).find("three") != std::string::npos);
    }
}

TEST_CASE("quantities: names and groups", "[reference][quantities]") {
    CHECK(parse_quantities("all").size() == quantity_count);
    CHECK(parse_quantities("J,grad,hess") == std::vector<std::size_t>{2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
    CHECK(parse_quantities("H_ab,J1,J1") == std::vector<std::size_t>{0, 8});
    CHECK(parse_quantities("cost") == std::vector<std::size_t>{0, 1, 2});
    CHECK_THROWS_AS(parse_quantities("J,Hab"), bad_input);
    CHECK_THROWS_AS(parse_quantities(""), bad_input);
    // select() maps names to the right Hessian entries of a jet
    gancert::model::Evaluation<double> e{1, 2, {}};
    e.J.v = 3;
    for (int i = 0; i < 4; ++i) e.J.g[i] = 10 + i;
    for (int i = 0; i < 4; ++i)
        for (int k = i; k < 4; ++k) e.J.hess(i, k) = 100 + 10 * i + k;
    const char* names[] = {"a", "b", "g", "h"};
    for (int i = 0; i < 4; ++i) {
        CHECK(select(e, *quantity_index(std::string("g_") + names[i])) == 10 + i);
        for (int k = i; k < 4; ++k)
            CHECK(select(e, *quantity_index(std::string("H_") + names[i] + names[k])) == 100 + 10 * i + k);
    }
    CHECK(select(e, *quantity_index("J")) == 3);
    CHECK(select(e, *quantity_index("J2")) == 2);
}
