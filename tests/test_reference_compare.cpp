// gancert compare logic on synthetic tables: the "true" values are random 40-digit decimals,
// the reference enclosures are built around them exactly, candidates are the true values
// rounded to 17 digits (a good double implementation) with planted errors.
#include <catch2/catch.hpp>

#include <mpfr.h>

#include <cmath>
#include <random>
#include <sstream>

#include "gancert/arith/errors.hpp"
#include "gancert/reference/compare.hpp"
#include "gancert/reference/quantities.hpp"

using namespace gancert::reference;
using gancert::arith::bad_input;

namespace {

Decimal dec(const std::string& s) { return gancert::arith::parse_written(s, "test").value; }

/// x rounded to `digits` significant digits (to nearest) by MPFR at 4000 bits.
std::string round_to(const std::string& x, int digits) {
    mpfr_t a;
    mpfr_init2(a, 4000);
    mpfr_set_str(a, x.c_str(), 10, MPFR_RNDN);
    std::vector<char> buf(static_cast<std::size_t>(digits) + 40);
    mpfr_snprintf(buf.data(), buf.size(), "%.*Re", digits - 1, a);
    mpfr_clear(a);
    return buf.data();
}

struct synthetic {
    std::string reference_csv, candidate_csv;
    std::vector<std::vector<std::string>> truth;  // [point][quantity]
};

/// n points with quantities J and g_a; true values random with 40 digits and magnitudes
/// 1e-8..1e3; enclosure half-width 10^-35·|x| (exact); candidate = truth rounded to 17 digits.
synthetic make_tables(int n, std::mt19937_64& rng) {
    std::uniform_int_distribution<int> digit(0, 9), expo(-8, 3), coin(0, 1);
    synthetic s;
    std::ostringstream ref, cand;
    ref << "a,b,g,h,c,J,J_lo,J_hi,g_a,g_a_lo,g_a_hi\n";
    cand << "# a NumPy implementation\na,b,g,h,c,J,g_a\n";
    for (int p = 0; p < n; ++p) {
        std::string point = "2.2," + std::to_string(p) + ",1.5,-2,0.5";
        ref << point;
        cand << "2.20,";  // same point written differently
        cand << std::to_string(p) + "e0,1.5,-2,.5";
        s.truth.emplace_back();
        for (int q = 0; q < 2; ++q) {
            std::string x = coin(rng) ? "-" : "";
            x += std::to_string(1 + digit(rng) % 9) + ".";
            for (int i = 0; i < 39; ++i) x += static_cast<char>('0' + digit(rng));
            x += "e" + std::to_string(expo(rng));
            Decimal t = dec(x), half = t.abs() * Decimal::pow10(-35);
            ref << ',' << round_to(x, 30) << ',' << (t - half).str() << ',' << (t + half).str();
            cand << ',' << round_to(x, 17);
            s.truth.back().push_back(x);
        }
        ref << '\n';
        cand << '\n';
    }
    s.reference_csv = ref.str();
    s.candidate_csv = cand.str();
    return s;
}

csv_table table(const std::string& text, const std::string& name) {
    std::istringstream in(text);
    return read_csv(in, name);
}

/// Replaces the value of quantity column `col` (1 = J, 2 = g_a) on candidate data line `row`.
std::string replace_cell(const std::string& csv, int row, int col, const std::string& value) {
    std::istringstream in(csv);
    std::ostringstream out;
    std::string line;
    int data = -2;  // comment, header, then rows
    while (std::getline(in, line)) {
        if (data == row) {
            auto cells = std::vector<std::string>{};
            std::istringstream ls(line);
            std::string c;
            while (std::getline(ls, c, ',')) cells.push_back(c);
            cells[4 + static_cast<std::size_t>(col)] = value;
            line.clear();
            for (std::size_t i = 0; i < cells.size(); ++i) line += (i ? "," : "") + cells[i];
        }
        out << line << '\n';
        ++data;
    }
    return out.str();
}

/// Changes the 12th significant digit of a decimal in scientific form "d.ddd…e±x".
std::string perturb_12th_digit(std::string x) {
    std::size_t first = x.find_first_of("123456789");
    std::size_t pos = first + 12;  // 11 digits after the leading one, skipping the point
    x[pos] = x[pos] == '9' ? '0' : static_cast<char>(x[pos] + 1);
    return x;
}

}  // namespace

TEST_CASE("correct digits: definition on exact examples", "[reference][compare]") {
    // x ∈ [1, 1 + 1e-30]; y = 1 + 1e-10: e = 1e-10, s = 1 → 10 digits
    CHECK(correct_digits(dec("1.0000000001"), dec("1"), dec("1.000000000000000000000000000001")) == Approx(10));
    // y inside the enclosure: capped at the reference's resolution (30 digits)
    CHECK(correct_digits(dec("1.0000000000000000000000000000005"), dec("1"), dec("1.000000000000000000000000000001")) ==
          Approx(30).margin(1e-9));
    // negative enclosures use |.|; relative to the smaller magnitude
    CHECK(correct_digits(dec("-2.002"), dec("-2.000001"), dec("-2")) == Approx(-std::log10(0.002 / 2)).epsilon(1e-12));
    // enclosure containing 0: absolute digits
    CHECK(correct_digits(dec("1e-7"), dec("-1e-40"), dec("1e-40")) == Approx(7).epsilon(1e-9));
    // way off: 0 digits, never negative
    CHECK(correct_digits(dec("5"), dec("1"), dec("1.0000001")) == 0);
    // point enclosure hit exactly
    CHECK(correct_digits(dec("0.25"), dec("0.25"), dec("0.25")) == max_correct_digits);
}

TEST_CASE("correct digits are a lower bound of the true relative accuracy", "[reference][compare]") {
    std::mt19937_64 rng(7);
    std::uniform_int_distribution<int> digit(0, 9), err_exp(-25, -1);
    for (int i = 0; i < 2000; ++i) {
        std::string xs = std::to_string(1 + digit(rng)) + ".";
        for (int k = 0; k < 30; ++k) xs += static_cast<char>('0' + digit(rng));
        Decimal x = dec(xs);
        Decimal lo = x - x * Decimal::pow10(-28), hi = x + x * Decimal::pow10(-29);
        // y = x·(1 + δ), δ = ±d·10^k
        Decimal delta = Decimal(1 + digit(rng)) * Decimal::pow10(err_exp(rng));
        if (digit(rng) % 2) delta = Decimal(0) - delta;
        Decimal y = x + x * delta;
        double d = correct_digits(y, lo, hi);
        double truth = -delta.log10_abs();  // (y − x)/x = delta exactly
        INFO(xs << " delta " << delta.str());
        CHECK(d <= truth + 1e-9);
        if (truth < 26) CHECK(d >= truth - 0.01);  // and tight when the reference resolves it
    }
}

TEST_CASE("tolerance: inside the widened enclosure, exactly", "[reference][compare]") {
    Decimal lo = dec("1"), hi = dec("1.000000000000000000000000000001");
    CHECK(within_tolerance(dec("1"), lo, hi, std::nullopt));
    CHECK_FALSE(within_tolerance(dec("0.99999999999999999999999999999999"), lo, hi, std::nullopt));
    // t = 1e-14·max|.|: 1 − 1e-14·hi is the boundary
    CHECK(within_tolerance(dec("0.99999999999999"), lo, hi, 14));
    CHECK_FALSE(within_tolerance(dec("0.99999999999999"), lo, hi, 15));
    CHECK_FALSE(within_tolerance(dec("0.99999999999998"), lo, hi, 14));
    CHECK(within_tolerance(hi + hi * Decimal::pow10(-14), lo, hi, 14));
    CHECK_FALSE(within_tolerance(hi + hi * Decimal::pow10(-14) + Decimal::pow10(-60), lo, hi, 14));
}

TEST_CASE("round trip: a double-accurate candidate passes, one value off in the 12th digit is flagged",
          "[reference][compare]") {
    std::mt19937_64 rng(12);
    auto s = make_tables(30, rng);
    auto ref = table(s.reference_csv, "ref.csv");
    compare_options tol14{14, false};

    auto good = compare_tables(ref, table(s.candidate_csv, "cand.csv"), tol14);
    CHECK(good.passed());
    CHECK(good.points == 30);
    REQUIRE(good.summaries.size() == 2);
    for (const auto& q : good.summaries) {
        CHECK(q.count == 30);
        CHECK(q.min_digits >= 16.0);  // 17 significant digits, rounded to nearest
        CHECK(q.median_digits >= q.min_digits);
    }
    // strict containment (rtol = atol = 0) fails for 17-digit values (the enclosures are 1e-35
    // wide) unless the exact value is proved to round to them: correctly rounded 17-digit values
    // all pass by their rounding claim (lemma R4), and so do they under the default tolerance
    compare_options strict;
    strict.tol.rtol = Decimal(0);
    auto rounded = compare_tables(ref, table(s.candidate_csv, "cand.csv"), strict);
    CHECK(rounded.passed());
    for (const auto& q : rounded.summaries) CHECK(q.rounded == 30);
    CHECK(compare_tables(ref, table(s.candidate_csv, "cand.csv"), {}).passed());

    // plant one error: point 17, quantity g_a (candidate line: 2 header lines + 17 + 1)
    std::string bad_value = perturb_12th_digit(round_to(s.truth[17][1], 17));
    auto bad = compare_tables(ref, table(replace_cell(s.candidate_csv, 17, 2, bad_value), "cand.csv"), tol14);
    REQUIRE(bad.failures.size() == 1);
    CHECK(bad.failures[0].line == 2 + 17 + 1);
    CHECK(quantity_names[bad.failures[0].quantity] == "g_a");
    CHECK(bad.failures[0].value == bad_value);
    CHECK(bad.failures[0].digits >= 10.0);
    CHECK(bad.failures[0].digits <= 12.1);
    CHECK(bad.summaries[1].worst.line == 2 + 17 + 1);
    CHECK(bad.summaries[1].failures == 1);
    CHECK(bad.summaries[0].failures == 0);
    // … is flagged without a tolerance and under the default 2^-51, whose claim is refuted …
    for (const auto& o : {strict, compare_options{}}) {
        auto r = compare_tables(ref, table(replace_cell(s.candidate_csv, 17, 2, bad_value), "cand.csv"), o);
        REQUIRE(r.failures.size() == 1);
        CHECK_FALSE(r.failures[0].undecided);
    }
    // … and passes at a 10-digit tolerance
    CHECK(compare_tables(ref, table(replace_cell(s.candidate_csv, 17, 2, bad_value), "cand.csv"), {10, false}).passed());

    // NaN from the candidate is a failure, not bad input
    auto nan = compare_tables(ref, table(replace_cell(s.candidate_csv, 3, 1, "NaN"), "cand.csv"), tol14);
    REQUIRE(nan.failures.size() == 1);
    CHECK(nan.failures[0].digits == 0);
    CHECK(nan.failures[0].line == 2 + 3 + 1);
}

TEST_CASE("compare: bad input names file, line and column", "[reference][compare]") {
    std::mt19937_64 rng(3);
    auto s = make_tables(4, rng);
    auto ref = table(s.reference_csv, "ref.csv");
    auto fails = [&](const std::string& cand_csv, const std::string& needle, compare_options o = {}) {
        try {
            compare_tables(ref, table(cand_csv, "cand.csv"), o);
            FAIL("accepted");
        } catch (const bad_input& e) {
            INFO(e.what());
            CHECK(std::string(e.what()).find(needle) != std::string::npos);
        }
    };
    fails(replace_cell(s.candidate_csv, 2, 1, "1.2.3"), "cand.csv:5, column J");
    fails(replace_cell(s.candidate_csv, 1, 2, ""), "cand.csv:4, column g_a");
    fails("a,b,g,h,J\n2.2,0,1.5,-2,1\n", "missing column 'c'");
    fails("a,b,g,h,c,H_ab\n2.2,0,1.5,-2,0.5,1\n", "'H_ab' has no reference values");
    fails("a,b,g,h,c,foo\n2.2,0,1.5,-2,0.5,1\n", "no quantity columns");
    fails("a,b,g,h,c,J\n2.2,0,1.5,-2,0.6,1\n", "cand.csv:2: point a=2.2 b=0 g=1.5 h=-2 c=0.6 is not in the reference");
    fails("a,b,g,h,c,J\n2.2,0,1.5,-2,0.5,1\n", "reference point a=2.2 b=1 g=1.5 h=-2 c=0.5");
    fails("a,b,g,h,c,J\n2.2,0,1.5,-2,0.5,1\n2.2,0.0,1.5,-2,0.5,1\n", "cand.csv:3: point a=2.2 b=0.0 g=1.5 h=-2 c=0.5 repeats line 2",
          {std::nullopt, true});
    fails("a,b,g,h,c,J\n2.2,0,1.5,-2,0.5x,1\n", "cand.csv:2, column c");
    // a subset is fine with allow_subset
    auto sub = compare_tables(ref, table("a,b,g,h,c,J\n2.2,0,1.5,-2,0.5," + round_to(s.truth[0][0], 17) + "\n", "cand.csv"),
                              {14, true});
    CHECK(sub.passed());
    CHECK(sub.points == 1);
    // a reference without the enclosure columns
    std::istringstream bad_ref("a,b,g,h,c,J\n2.2,0,1.5,-2,0.5,1\n");
    auto r2 = read_csv(bad_ref, "ref2.csv");
    CHECK_THROWS_WITH(compare_tables(r2, table(s.candidate_csv, "cand.csv"), {}),
                      Catch::Contains("ref2.csv: missing column 'J_lo'"));
    // unknown candidate columns are ignored with a warning
    auto w = compare_tables(ref, table("a,b,g,h,c,id,J\n2.2,0,1.5,-2,0.5,x," + round_to(s.truth[0][0], 17) + "\n", "cand.csv"),
                            {14, true});
    REQUIRE(w.warnings.size() == 1);
    CHECK(w.warnings[0].find("'id'") != std::string::npos);
}

TEST_CASE("rounding claim of a printed value (lemma R4)", "[reference][compare]") {
    auto w = [](const char* s) { return gancert::arith::parse_written(s, "y"); };
    CHECK(w("1.250").last_digit_exponent == -3);
    CHECK(w("1250e-3").last_digit_exponent == -3);
    CHECK(w("12e5").last_digit_exponent == 5);
    // R(1.25) = [1.245, 1.255]
    CHECK(check_rounding(w("1.25"), dec("1.245"), dec("1.255")) == rounding_claim::proved);
    CHECK(check_rounding(w("1.25"), dec("1.2449"), dec("1.25")) == rounding_claim::undecided);
    CHECK(check_rounding(w("1.25"), dec("1.2551"), dec("1.26")) == rounding_claim::refuted);
    // trailing zeros claim digits: R(1.250) = [1.2495, 1.2505]
    CHECK(check_rounding(w("1.250"), dec("1.2506"), dec("1.2507")) == rounding_claim::refuted);
    CHECK(check_rounding(w("1.25"), dec("1.2506"), dec("1.2507")) == rounding_claim::proved);
    // a zero claims nothing: R(0) = {0}
    CHECK(check_rounding(w("0"), dec("1e-446"), dec("2e-446")) == rounding_claim::refuted);
    CHECK(check_rounding(w("0.0"), dec("0"), dec("0")) == rounding_claim::proved);
    CHECK(check_rounding(w("-0"), dec("-1e-20"), dec("1e-20")) == rounding_claim::undecided);
    // negative values, exponent form: R(-3.0e-7) = [-3.05e-7, -2.95e-7]
    CHECK(check_rounding(w("-3.0e-7"), dec("-3.04e-7"), dec("-2.96e-7")) == rounding_claim::proved);
    // the default tolerance is 2^-51 exactly and an underflowed zero passes only with atol
    CHECK(default_rtol() * Decimal(1LL << 51) == Decimal(1));
    tolerance t;
    CHECK_FALSE(within_tolerance(dec("0"), dec("1e-446"), dec("2e-446"), t));
    t.atol = dec("1e-300");
    CHECK(within_tolerance(dec("0"), dec("1e-446"), dec("2e-446"), t));
    CHECK_THROWS_WITH(parse_tolerance("-1", "", "rtol", "atol"), Catch::Contains("rtol: '-1' is negative"));
    CHECK_THROWS_WITH(parse_tolerance("", "x", "rtol", "atol"), Catch::Contains("atol: 'x'"));
}
