// The interval<double> closed form (the certifier's and the Python batch's fast path, on the
// fast kernels of lemma A1.6) against the independent mpmath references
// (tests/data/rsee_reference_*.csv, quadrature of the differentiated integrands): every one of
// the 17 enclosures at every row must meet the reference; the same evaluation routed to the
// Arb ball kernels (lemma A1.5) must intersect it; and with the fast kernels' bounds broken
// (`fast_truncated` planted) some enclosure must miss its reference.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>

#include "closed_form_test_support.hpp"
#include "gancert/arith/detail/planted_faults.hpp"
#include "gancert/model/closed_form.hpp"

using namespace cftest;
using gancert::arith::idouble;
using gancert::arith::detail::PlantedFaults;
using gancert::arith::detail::planted_fault_scope;

namespace {

impfr widen(const idouble& x) {
    mpfr lo = fresh_mpfr(), hi = fresh_mpfr();
    mpfr_set_d(raw(lo), x.lower(), MPFR_RNDN);  // exact
    mpfr_set_d(raw(hi), x.upper(), MPFR_RNDN);
    return impfr(lo, hi);
}

struct tally {
    int rows = 0, declined = 0, entries = 0, missed = 0, narrow = 0;
};

/// Evaluates every row under `faults`; counts enclosures that miss the reference.
tally run(const std::vector<ReferenceRow>& rows, const PlantedFaults& faults,
          std::vector<std::optional<model::Evaluation<idouble>>>* out = nullptr) {
    tally t;
    precision_guard guard(256);
    for (const auto& row : rows) {
        ++t.rows;
        std::optional<model::Evaluation<idouble>> e;
        {
            planted_fault_scope scope(faults);
            e = model::evaluate_closed_form(model::to_scalar<idouble>(row.params));
        }
        if (out) out->push_back(e);
        if (!e) {
            ++t.declined;
            continue;
        }
        const auto v = entries(*e);
        bool all_narrow = true;
        for (std::size_t k = 0; k < v.size(); ++k) {
            ++t.entries;
            if (!consistent(widen(v[k]), row.values[k], row.digits)) {
                ++t.missed;
                if (t.missed <= 3)
                    std::printf("  row %s %s: [%.17g, %.17g] misses %s\n", row.id.c_str(), entry_name(k),
                                v[k].lower(), v[k].upper(), row.values[k].c_str());
            }
            const double lo = v[k].lower(), hi = v[k].upper();
            all_narrow = all_narrow && (lo > 0 || hi < 0) &&
                         hi - lo <= 0x1p-40 * std::min(std::fabs(lo), std::fabs(hi));
        }
        t.narrow += all_narrow;
    }
    return t;
}

std::vector<ReferenceRow> all_rows() {
    auto rows = read_reference("rsee_reference_40.csv");
    const auto more = read_reference("rsee_reference_110.csv");
    rows.insert(rows.end(), more.begin(), more.end());
    return rows;
}

}  // namespace

TEST_CASE("idouble closed form encloses the references, and ball and fast kernels agree", "[closed_form][idouble]") {
    const auto rows = all_rows();
    REQUIRE(rows.size() >= 60);
    std::vector<std::optional<model::Evaluation<idouble>>> fast, ball;
    const tally f = run(rows, PlantedFaults{}, &fast);
    PlantedFaults route;
    route.fast_kernels_off = true;
    const tally b = run(rows, route, &ball);
    std::printf("  fast kernels: %d rows, %d declined, %d enclosures, %d missed, %d rows within 2^-40\n", f.rows,
                f.declined, f.entries, f.missed, f.narrow);
    std::printf("  ball kernels: %d rows, %d declined, %d enclosures, %d missed, %d rows within 2^-40\n", b.rows,
                b.declined, b.entries, b.missed, b.narrow);
    CHECK(f.missed == 0);
    CHECK(b.missed == 0);
    CHECK(f.entries >= 17 * 50);
    CHECK(f.declined == b.declined);
    int disjoint = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (!fast[i] || !ball[i]) continue;
        const auto x = entries(*fast[i]), y = entries(*ball[i]);
        for (std::size_t k = 0; k < x.size(); ++k)
            if (x[k].upper() < y[k].lower() || y[k].upper() < x[k].lower()) ++disjoint;
    }
    CHECK(disjoint == 0);
}

TEST_CASE("idouble closed form canary: truncated fast kernels miss references", "[closed_form][idouble][canary]") {
    const auto rows = all_rows();
    PlantedFaults broken;
    broken.fast_truncated = true;
    const tally t = run(rows, broken);
    std::printf("  planted fast_truncated: %d of %d enclosures miss their reference\n", t.missed, t.entries);
    CHECK(t.missed > 0);
}
