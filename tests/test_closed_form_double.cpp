// The double closed form vs the certified (impfr) closed form and the 40-digit references:
// wherever it returns a value, every entry is within 1e-14 relative or 1e-16 absolute.
#include <catch2/catch.hpp>

#include <random>

#include "closed_form_test_support.hpp"
#include "gancert/model/closed_form.hpp"

using namespace cftest;

namespace {
bool within(double v, double ref) {
    const double err = std::abs(v - ref);
    return err <= 1e-14 * std::abs(ref) || err <= 1e-16;
}
}  // namespace

TEST_CASE("double closed form meets 1e-14 wherever it returns (reference CSV)", "[closed_form][double]") {
    const auto rows = read_reference("rsee_reference_40.csv");
    REQUIRE(rows.size() >= 50);
    int returned = 0;
    for (const auto& row : rows) {
        const auto d = model::evaluate_closed_form(model::to_scalar<double>(row.params));
        if (!d) continue;
        ++returned;
        const auto v = entries(*d);
        for (std::size_t k = 0; k < v.size(); ++k) {
            INFO("row " << row.id << " " << entry_name(k) << " double " << v[k] << " reference " << row.values[k]);
            CHECK(within(v[k], std::strtod(row.values[k].c_str(), nullptr)));
        }
    }
    INFO("double returned at " << returned << " of " << rows.size() << " rows");
    CHECK(returned >= 15);
}

TEST_CASE("double closed form meets 1e-14 wherever it returns (random points)", "[closed_form][double]") {
    std::mt19937_64 rng(2026);
    std::uniform_real_distribution<double> U(0, 1);
    int returned = 0, benign_returned = 0, benign = 0;
    for (int i = 0; i < 1500; ++i) {
        const bool is_benign = i % 3 == 0;
        const double a = is_benign ? 0.5 + 2.5 * U(rng) : std::exp(std::log(0.1) + U(rng) * std::log(100.0));
        const double c = is_benign ? 0.5 + 2.5 * U(rng) : std::exp(std::log(0.02) + U(rng) * std::log(500.0));
        const double g = is_benign ? 0.5 + 2.5 * U(rng) : std::exp(std::log(0.02) + U(rng) * std::log(300.0));
        const double b = is_benign ? -3 + 6 * U(rng) : -8 + 16 * U(rng);
        const double h = is_benign ? -3 + 6 * U(rng) : -8 + 14 * U(rng);
        const model::Params<double> pd{a, b, g, h, c};
        const auto d = model::evaluate_closed_form(pd);
        benign += is_benign;
        if (!d) continue;
        ++returned;
        benign_returned += is_benign;
        precision_guard guard(model::closed_form_bits(pd, 120));
        const auto r = model::evaluate_closed_form(
            model::Params<impfr>{impfr(mpfr(a)), impfr(mpfr(b)), impfr(mpfr(g)), impfr(mpfr(h)), impfr(mpfr(c))});
        REQUIRE(r);
        const auto v = entries(*d);
        const auto e = entries(*r);
        for (std::size_t k = 0; k < v.size(); ++k) {
            INFO("point " << i << " " << entry_name(k));
            CHECK(static_cast<bool>(width_up(e[k]) <= mpfr(1e-25) * (mig(e[k]) + mpfr(1e-10))));
            CHECK(within(v[k], to_double(midpoint(e[k]))));
        }
    }
    INFO("returned " << returned << " of 1500; benign " << benign_returned << " of " << benign);
    CHECK(returned >= 450);  // measured: 545 of 1500 (many points have E > 8 or cancellation)
    CHECK(benign_returned >= benign / 4);
}

TEST_CASE("double closed form declines a <= 0, g <= 0 and large E", "[closed_form][double]") {
    CHECK_FALSE(model::evaluate_closed_form(model::Params<double>{0.0, -1, 1, 0, 1}));
    CHECK_FALSE(model::evaluate_closed_form(model::Params<double>{-1.0, -1, 1, 0, 1}));
    CHECK_FALSE(model::evaluate_closed_form(model::Params<double>{1.0, -1, 0, 0, 1}));
    // E1 = (c/a)(b + c/(4a)) = 10·(5 + 2.5) = 75: e^{E}·eps cancellation
    CHECK_FALSE(model::evaluate_closed_form(model::Params<double>{1.0, 5, 1, 0, 10}));
}
