// gancert/reference/compare.hpp — accuracy of another implementation against certified
// reference enclosures.
//
// Definitions (exact rational arithmetic on the decimal strings; nothing is rounded):
//   reference enclosure [lo, hi] ∋ x (the exact value), candidate value y.
//   error bound   e(y) = max(|y − lo|, |y − hi|)   — the largest |y − x| the reference allows;
//   scale         s    = min(|lo|, |hi|) if 0 ∉ [lo, hi], else 1 (absolute digits);
//   resolution    r    = −log10((hi − lo)/s) — the digits the reference itself resolves
//                         (capped at max_correct_digits for a point enclosure);
//   correct digits d(y) = clamp(−log10(e(y)/s), 0, r).
// So d(y) is a guaranteed lower bound of −log10(|y − x|/|x|) (relative error) as long as it
// is below r; a candidate as good as the reference gets r. Non-finite candidates (nan, inf)
// get 0 and always fail.
//   tolerance D: y passes iff lo − t <= y <= hi + t with t = 10^−D · max(|lo|, |hi|);
//   without D, t = 0 (y must lie in the enclosure).
//
// Contract: exact rational arithmetic; a pass/fail is decided exactly (no rounding); malformed
// tables throw arith::bad_input naming file, line and column.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "gancert/reference/csv.hpp"
#include "gancert/reference/exact_decimal.hpp"

namespace gancert::reference {

inline constexpr double max_correct_digits = 9999;

/// d(y) of the header for a finite candidate y and the enclosure [lo, hi] (lo <= hi).
double correct_digits(const rational& y, const rational& lo, const rational& hi);

/// True iff y lies in [lo, hi] widened by t = 10^−D·max(|lo|, |hi|) (t = 0 without D).
bool within_tolerance(const rational& y, const rational& lo, const rational& hi,
                      std::optional<unsigned> tolerance_digits);

struct compare_options {
    std::optional<unsigned> tolerance_digits;  ///< see header; nullopt: strict containment
    bool allow_subset = false;  ///< reference points missing from the candidate are allowed
};

/// One compared value.
struct value_check {
    std::size_t quantity = 0;       ///< index into quantity_names
    std::size_t candidate_row = 0;  ///< index into the candidate table's rows
    std::size_t line = 0;           ///< candidate file line
    std::string point;              ///< "a=.. b=.. g=.. h=.. c=.." as in the candidate
    std::string value, lo, hi;      ///< candidate value and reference enclosure (as written)
    double digits = 0;              ///< d(y)
    bool pass = true;
};

struct quantity_summary {
    std::size_t quantity = 0;
    std::size_t count = 0;
    double min_digits = 0, median_digits = 0;
    std::size_t failures = 0;
    value_check worst;  ///< the value with the fewest correct digits (first one on ties)
};

struct comparison_report {
    std::size_t points = 0;                   ///< matched points
    std::vector<quantity_summary> summaries;  ///< one per compared quantity, canonical order
    std::vector<value_check> failures;        ///< in candidate file order
    std::vector<std::string> warnings;        ///< ignored candidate columns, …
    bool passed() const { return failures.empty(); }
};

/// Compares a candidate table (columns a,b,g,h,c and any subset of the quantity names,
/// plain values) with a reference table (columns a,b,g,h,c and for each quantity Q the
/// columns Q, Q_lo, Q_hi, as written by `gancert reference`). Points are matched by exact
/// decimal value. Throws arith::bad_input naming file, line and column for: missing point
/// columns, quantity columns absent from the reference, a reference quantity without _lo/_hi,
/// unparsable numbers (other than nan/inf in the candidate, which are failures), duplicate
/// points, candidate points not in the reference, reference points missing from the
/// candidate (unless allow_subset), no quantity column at all.
comparison_report compare_tables(const csv_table& reference, const csv_table& candidate,
                                 const compare_options& options);

}  // namespace gancert::reference
