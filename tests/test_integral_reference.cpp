// Integral path vs the independent mpmath reference tables (tests/data/rsee_reference_*.csv):
// containment and relative width at 15 and 30 digits (impfr), containment in idouble, and the
// double path within 1e−14 relative or 1e−16 absolute for all 17 entries.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "gancert/model/integral_path.hpp"
#include "integral_reference.hpp"

using namespace gancert;
using namespace gancert::arith;
using integral_test::entry;
using integral_test::entry_name;
using integral_test::read_reference;

namespace {

/// Checks containment (allowing the reference's own error: 10^{-digits} relative, and 1e−45
/// absolute for entries the table only guarantees absolutely) and relative width ≤ 10^{-N}.
void check_certified(const integral_test::ReferenceRow& row, unsigned N, bool check_width) {
    auto cert = model::evaluate_integral_certified(row.params, N);
    precision_guard guard(cert.bits);
    const auto& rep = cert.report;
    INFO("row " << row.id << " at " << N << " digits (" << cert.bits << " bits)");
    CHECK(rep.status == model::IntegralStatus::ok);
    const impfr ref_rel = pow(impfr(10), -row.digits);
    const impfr tiny = parse<impfr>("1e-45");
    const impfr wtol = pow(impfr(10), -static_cast<int>(N));
    for (int k = 0; k < 17; ++k) {
        const impfr& x = entry(rep.eval, k);
        impfr ref = parse<impfr>(row.values[k], entry_name(k));
        impfr err = abs(ref) * ref_rel + tiny;
        impfr lo = ref - err, hi = ref + err;
        INFO(entry_name(k) << " ref " << row.values[k] << " enclosure [" << to_decimal_outward(x, 40).first
                           << ", " << to_decimal_outward(x, 40).second << "]");
        CHECK(!(x.upper() < lo.lower() || hi.upper() < x.lower()));  // enclosure meets [ref ± err]
        if (check_width) {
            impfr allowed = mig(ref) == 0 ? wtol : wtol * impfr(mig(x));
            CHECK(width_up(x) <= allowed.upper());
        }
    }
}

}  // namespace

TEST_CASE("integral path encloses the 40-digit reference at 15 and 30 digits", "[integral][reference]") {
    auto rows = read_reference("rsee_reference_40.csv");
    REQUIRE(rows.size() >= 60);
    for (const auto& row : rows) {
        check_certified(row, 15, true);
        check_certified(row, 30, true);
    }
}

TEST_CASE("integral path in idouble encloses the reference", "[integral][reference]") {
    auto rows = read_reference("rsee_reference_40.csv");
    REQUIRE(rows.size() >= 60);
    precision_guard guard(128);  // only for parsing the references
    for (const auto& row : rows) {
        auto prm = model::to_scalar<idouble>(row.params);
        auto rep = model::evaluate_integral_report(prm);
        for (int k = 0; k < 17; ++k) {
            INFO("row " << row.id << " " << entry_name(k) << " ref " << row.values[k]);
            const idouble& x = entry(rep.eval, k);
            impfr ref = parse<impfr>(row.values[k], entry_name(k));
            impfr err = abs(ref) * parse<impfr>("1e-39") + parse<impfr>("1e-45");
            CHECK(!(mpfr(x.upper()) < (ref - err).lower() || (ref + err).upper() < mpfr(x.lower())));
            // and not uselessly wide: 1e-9 relative (or absolute)
            CHECK(width_up(x) <= 1e-9 * std::max(1.0, std::fabs(to_double(ref))));
        }
    }
}

TEST_CASE("double integral path within 1e-14 relative or 1e-16 absolute", "[integral][reference][double]") {
    auto rows = read_reference("rsee_reference_40.csv");
    REQUIRE(rows.size() >= 60);
    precision_guard guard(128);
    double worst = 0;
    for (const auto& row : rows) {
        auto prm = model::to_scalar<double>(row.params);
        auto ev = model::evaluate_integral(prm);
        for (int k = 0; k < 17; ++k) {
            const double ref = to_double(parse<impfr>(row.values[k]));
            const double x = entry(ev, k);
            const double err = std::fabs(x - ref);
            INFO("row " << row.id << " " << entry_name(k) << " ref " << row.values[k] << " got " << x);
            CHECK((err <= 1e-14 * std::fabs(ref) || err <= 1e-16));
            if (std::fabs(ref) > 1e-16) worst = std::max(worst, err / std::fabs(ref));
        }
    }
    WARN("worst relative error of the double path (|ref| > 1e-16): " << worst);
}
