// gancert/reference/compare.hpp — accuracy of another implementation against certified
// reference enclosures.
//
// Definitions (exact arithmetic on the decimal strings (arith::Decimal); nothing is rounded):
//   reference enclosure [lo, hi] ∋ x (the exact value), candidate value y.
//   error bound   e(y) = max(|y − lo|, |y − hi|)   — the largest |y − x| the reference allows;
//   scale         s    = min(|lo|, |hi|) if 0 ∉ [lo, hi], else 1 (absolute digits);
//   resolution    r    = −log10((hi − lo)/s) — the digits the reference itself resolves
//                         (capped at max_correct_digits for a point enclosure);
//   correct digits d(y) = clamp(−log10(e(y)/s), 0, r).
// So d(y) is a guaranteed lower bound of −log10(|y − x|/|x|) (relative error) as long as it
// is below r; a candidate as good as the reference gets r. Non-finite candidates (nan, inf)
// get 0 and always fail.
//   rounding claim: a candidate printed with its last digit at 10^k claims that x rounds to it
//     at that precision, i.e. x ∈ R(y) = [y − ½·10^k, y + ½·10^k]. The claim is PROVED when
//     [lo, hi] ⊆ R(y) (lemma R4 of proofs/lemmas.md). "0" (any zero) claims no digits: R(0) = {0}.
//   tolerance: t = rtol·max(|lo|, |hi|) + atol; y is within tolerance iff lo − t <= y <= hi + t.
//     Default rtol = 2^-51 (four units of double rounding, docs/python.md), atol = 0.
//   y passes iff its rounding claim is proved or it is within tolerance. A failure is a real
//     violation: |y − x| > t holds for the exact x (x ∈ [lo, hi]), and the rounding claim is
//     either refuted ([lo, hi] ∩ R(y) = ∅) or undecided (the enclosure straddles an end of R(y):
//     recompute the reference with more digits; value_check::undecided).
//   The reference table passes as its own candidate: each midpoint lies in its enclosure.
//
// Contract: exact decimal arithmetic; a pass/fail is decided exactly (no rounding); malformed
// tables throw arith::bad_input naming file, line and column.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "gancert/arith/decimal.hpp"
#include "gancert/reference/csv.hpp"

namespace gancert::reference {

using arith::Decimal;
using arith::written_decimal;

inline constexpr double max_correct_digits = 9999;

/// d(y) of the header for a finite candidate y and the enclosure [lo, hi] (lo <= hi).
double correct_digits(const Decimal& y, const Decimal& lo, const Decimal& hi);

/// The default relative tolerance 2^-51 (exact).
Decimal default_rtol();

/// Absolute and relative tolerance (exact, >= 0).
struct tolerance {
    Decimal rtol = default_rtol(), atol;
};

/// True iff y lies in [lo, hi] widened by t = rtol·max(|lo|, |hi|) + atol.
bool within_tolerance(const Decimal& y, const Decimal& lo, const Decimal& hi, const tolerance& tol);

/// The shorthand D (`-D`): rtol = 10^−D; nullopt: rtol = 0. atol = 0 either way.
tolerance tolerance_from_digits(std::optional<unsigned> tolerance_digits);
/// within_tolerance(y, lo, hi, tolerance_from_digits(D)).
bool within_tolerance(const Decimal& y, const Decimal& lo, const Decimal& hi,
                      std::optional<unsigned> tolerance_digits);

/// How [lo, hi] relates to the rounding interval R(y) of the written candidate y (header).
enum class rounding_claim { proved, refuted, undecided };
rounding_claim check_rounding(const written_decimal& y, const Decimal& lo, const Decimal& hi);

/// A tolerance from the user's text: rtol/atol finite decimals >= 0 (empty: the default);
/// throws arith::bad_input naming `rtol_name`/`atol_name`.
tolerance parse_tolerance(const std::string& rtol, const std::string& atol, const std::string& rtol_name,
                          const std::string& atol_name);

struct compare_options {
    std::optional<unsigned> tolerance_digits;  ///< if set, rtol = 10^−D (overrides tol.rtol)
    bool allow_subset = false;  ///< reference points missing from the candidate are allowed
    tolerance tol;              ///< see header
    tolerance effective() const {
        return tolerance_digits ? tolerance{tolerance_from_digits(tolerance_digits).rtol, tol.atol} : tol;
    }
};

/// One compared value.
struct value_check {
    std::size_t quantity = 0;       ///< index into quantity_names
    std::size_t candidate_row = 0;  ///< index into the candidate table's rows
    std::size_t line = 0;           ///< candidate file line
    std::string point;              ///< "a=.. b=.. g=.. h=.. c=.." as in the candidate
    std::string value, lo, hi;      ///< candidate value and reference enclosure (as written)
    double digits = 0;              ///< d(y)
    bool rounded = false;           ///< the rounding claim is proved (x rounds to y as printed)
    bool undecided = false;         ///< failing, but the rounding claim is neither proved nor refuted
    bool pass = true;
};

struct quantity_summary {
    std::size_t quantity = 0;
    std::size_t count = 0;
    double min_digits = 0, median_digits = 0;
    std::size_t failures = 0;
    std::size_t rounded = 0;  ///< values whose rounding claim is proved
    value_check worst;  ///< the value with the fewest correct digits (first one on ties)
};

struct comparison_report {
    std::size_t points = 0;                   ///< matched points
    std::vector<quantity_summary> summaries;  ///< one per compared quantity, canonical order
    std::vector<value_check> failures;        ///< in candidate file order
    std::vector<std::string> warnings;        ///< ignored candidate columns, …
    bool passed() const { return failures.empty(); }
};

/// Compares a candidate table (columns a,b,g,h,c — or point_names — and any subset of the quantity names,
/// plain values) with a reference table (columns a,b,g,h,c and for each quantity Q the
/// columns Q, Q_lo, Q_hi, as written by `gancert reference`). Points are matched by exact
/// decimal value. Throws arith::bad_input naming file, line and column for: missing point
/// columns, quantity columns absent from the reference, a reference quantity without _lo/_hi,
/// unparsable numbers (other than nan/inf in the candidate, which are failures), duplicate
/// points, candidate points not in the reference, reference points missing from the
/// candidate (unless allow_subset), no quantity column at all.
/// `point_names`: the point columns (empty: a, b, g, h, c, the paper's parameters; a model of
/// the family: its players' names, family::player_names).
comparison_report compare_tables(const csv_table& reference, const csv_table& candidate,
                                 const compare_options& options, const std::vector<std::string>& point_names = {});

}  // namespace gancert::reference
