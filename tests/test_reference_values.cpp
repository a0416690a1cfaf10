// Certified reference values: the correct-rounding logic on synthetic enclosures, and
// compute_reference against the independent mpmath tables in tests/data.
#include <catch2/catch.hpp>

#include <mpfr.h>

#include <filesystem>
#include <random>
#include <set>

#include "gancert/api/limits.hpp"
#include "gancert/arith/decimal.hpp"
#include "gancert/arith/precision.hpp"
#include "gancert/reference/csv.hpp"
#include "gancert/arith/decimal.hpp"
#include "gancert/reference/points.hpp"
#include "gancert/reference/quantities.hpp"
#include "gancert/reference/reference_values.hpp"

using namespace gancert;
using namespace gancert::reference;
using gancert::arith::Decimal;

namespace {
/// An exact decimal read from a table cell (arith::Decimal).
arith::Decimal parse_exact_decimal(std::string_view s, std::string_view what) { return arith::parse_written(s, what).value; }
}  // namespace

namespace {
/// x rounded to `digits` significant digits, to nearest, by MPFR at 2000 bits.
std::string round_decimal(const std::string& x, unsigned digits) {
    arith::precision_guard g(2000);
    return arith::to_decimal(arith::parse<arith::mpfr>(x, "x"), digits, MPFR_RNDN);
}
}  // namespace

TEST_CASE("common rounding: decided only when every point of the enclosure rounds alike", "[reference][values]") {
    arith::precision_guard g(200);
    std::mt19937_64 rng(99);
    std::uniform_real_distribution<double> u(-1e3, 1e3);
    std::uniform_int_distribution<int> width_exp(-40, -2);
    int decided = 0, undecided = 0;
    for (int i = 0; i < 3000; ++i) {
        arith::mpfr mid = arith::fresh_mpfr(), w = arith::fresh_mpfr(), lo = arith::fresh_mpfr(), hi = arith::fresh_mpfr();
        mpfr_set_d(arith::raw(mid), u(rng), MPFR_RNDN);
        mpfr_set_d(arith::raw(w), std::ldexp(1.0, width_exp(rng) * 3), MPFR_RNDN);
        mpfr_mul(arith::raw(w), arith::raw(w), arith::raw(mid), MPFR_RNDN);
        mpfr_abs(arith::raw(w), arith::raw(w), MPFR_RNDN);
        mpfr_sub(arith::raw(lo), arith::raw(mid), arith::raw(w), MPFR_RNDD);
        mpfr_add(arith::raw(hi), arith::raw(mid), arith::raw(w), MPFR_RNDU);
        arith::impfr x = arith::make_interval(lo, hi);
        const unsigned digits = 12;
        auto r = common_rounding(x, digits);
        // independent check: round 17 points across the enclosure at 2000 bits
        std::set<std::string> roundings;
        for (int k = 0; k <= 16; ++k) {
            arith::mpfr t = arith::fresh_mpfr();
            mpfr_sub(arith::raw(t), arith::raw(hi), arith::raw(lo), MPFR_RNDN);
            mpfr_mul_ui(arith::raw(t), arith::raw(t), static_cast<unsigned long>(k), MPFR_RNDN);
            mpfr_div_ui(arith::raw(t), arith::raw(t), 16, MPFR_RNDN);
            mpfr_add(arith::raw(t), arith::raw(t), arith::raw(lo), MPFR_RNDN);
            roundings.insert(arith::to_decimal(t, digits, MPFR_RNDN));
        }
        if (r) {
            ++decided;
            CHECK(roundings.size() == 1);
            CHECK(*roundings.begin() == *r);
        } else {
            ++undecided;
            // undecided: the endpoints round differently (a rounding boundary lies inside)
            CHECK(arith::to_decimal(lo, digits, MPFR_RNDN) != arith::to_decimal(hi, digits, MPFR_RNDN));
        }
        auto v = certified_decimal(x, digits);
        CHECK(v.correctly_rounded == r.has_value());
        // printed bounds are outward
        CHECK(parse_exact_decimal(v.lo, "lo") <= parse_exact_decimal(arith::to_decimal(lo, 80, MPFR_RNDN), "lo"));
        CHECK(parse_exact_decimal(v.hi, "hi") >= parse_exact_decimal(arith::to_decimal(hi, 80, MPFR_RNDN), "hi"));
    }
    CHECK(decided > 1000);
    CHECK(undecided > 100);
    // an enclosure containing 0 is never "correctly rounded"
    CHECK_FALSE(common_rounding(arith::make_interval(arith::mpfr(-1e-30), arith::mpfr(1e-30)), 5));
}

TEST_CASE("compute_reference encloses the independent mpmath values and rounds them correctly",
          "[reference][values][evaluation]") {
    auto table = read_csv_file(std::string(GANCERT_TEST_DATA_DIR) + "/rsee_reference_40.csv");
    const unsigned digits = 30;
    auto quantities = parse_quantities("all");
    std::array<std::size_t, 5> pc{};
    for (std::size_t i = 0; i < 5; ++i) pc[i] = table.require_column(param_names[i]);
    std::size_t checked = 0, rounded = 0;
    // every 9th row (8 of the ~72 points) keeps the test within its time budget
    for (std::size_t r = 0; r < table.rows.size(); r += 9) {
        const auto& row = table.rows[r];
        model::DecimalParams p;
        for (std::size_t i = 0; i < 5; ++i) param(p, i) = row.cells[pc[i]];
        INFO("line " << row.line << ": a=" << p.a << " b=" << p.b << " g=" << p.g << " h=" << p.h << " c=" << p.c);
        auto ref = compute_reference(p, digits, quantities);
        REQUIRE(ref.values.size() == quantity_count);
        for (std::size_t q = 0; q < quantity_count; ++q) {
            const auto& v = ref.values[q];
            const std::string& truth = row.cells[table.require_column(quantity_names[q])];
            INFO(quantity_names[q] << ": mpmath " << truth << " vs [" << v.lo << ", " << v.hi << "] mid " << v.mid);
            Decimal t = parse_exact_decimal(truth, "mpmath"), lo = parse_exact_decimal(v.lo, "lo"),
                     hi = parse_exact_decimal(v.hi, "hi");
            // the mpmath value is known to `digits` (>= 40) significant digits: it must lie in the
            // enclosure widened by that uncertainty (10^(1-digits) relative, one unit of slack)
            Decimal slack = t.abs() * Decimal::pow10(1 - std::stol(row.cells[table.require_column("digits")]));
            CHECK(lo - slack <= t);
            CHECK(t <= hi + slack);
            // relative width <= 10^-digits (or absolute when the enclosure contains 0)
            Decimal scale = lo.sign() > 0 ? lo : hi.sign() < 0 ? -hi : Decimal(1);
            CHECK(hi - lo <= scale * Decimal::pow10(-static_cast<long>(digits)));
            if (v.correctly_rounded) {
                ++rounded;
                CHECK(v.mid == round_decimal(truth, digits));
            }
            ++checked;
        }
    }
    CHECK(checked >= 8 * quantity_count);
    CHECK(rounded >= checked * 9 / 10);
}

TEST_CASE("compute_reference at the maximum digits against the 110-digit mpmath table", "[reference][values][evaluation]") {
    const std::string path = std::string(GANCERT_TEST_DATA_DIR) + "/rsee_reference_110.csv";
    if (!std::filesystem::exists(path)) {
        WARN("rsee_reference_110.csv not present yet");
        return;
    }
    auto table = read_csv_file(path);
    REQUIRE(!table.rows.empty());
    const auto& row = table.rows.front();
    model::DecimalParams p;
    for (std::size_t i = 0; i < 5; ++i) param(p, i) = row.cells[table.require_column(param_names[i])];
    const unsigned digits = limits::max_eval_digits;  // the resource limit (docs/limits.md)
    auto ref = compute_reference(p, digits, parse_quantities("J,g_b,H_ah"));
    for (std::size_t k = 0; k < ref.values.size(); ++k) {
        const auto& v = ref.values[k];
        const std::string& truth = row.cells[table.require_column(quantity_names[ref.quantities[k]])];
        INFO(quantity_names[ref.quantities[k]] << ": " << truth << " vs [" << v.lo << ", " << v.hi << "]");
        Decimal t = parse_exact_decimal(truth, "t");
        Decimal slack = t.abs() * Decimal::pow10(1 - std::stol(row.cells[table.require_column("digits")]));
        CHECK(parse_exact_decimal(v.lo, "lo") - slack <= t);
        CHECK(t <= parse_exact_decimal(v.hi, "hi") + slack);
        if (v.correctly_rounded) CHECK(v.mid == round_decimal(truth, digits));
    }
}
