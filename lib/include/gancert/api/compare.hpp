// gancert/api/compare.hpp — `gancert compare --model SPEC` and gancert.compare(model=…): a
// candidate table of a model of the family (columns: the players' names, e.g. a,b,g,h or
// l,r,g,h, and any quantity columns J1 … H_hh) judged by the rules of reference/compare.hpp
// against certified enclosures — those of a reference table written by
// `gancert reference --model SPEC` (same point columns), or, without one, computed at the
// candidate's points by api::family_reference at `digits` digits.
//
// Contract: the enclosures contain the exact values (family::evaluate_certified); the verdict
// is compare_tables' (exact rational arithmetic). Bad input (malformed tables, a point outside
// the model's domain, a column that is neither a player nor a quantity) throws
// arith::bad_input naming the file, line and column; a certified width that cannot be reached
// throws std::range_error naming the point.
#pragma once
#include <optional>
#include <string>

#include "gancert/family/spec.hpp"
#include "gancert/reference/compare.hpp"
#include "gancert/reference/csv.hpp"

namespace gancert::api {

/// Certified reference table of the model at the candidate's points, for the candidate's
/// quantity columns (columns as `gancert reference --model` writes them). The rows must be
/// enclosed within api::default_run_time_limit of wall time (bad_parameter naming candidate
/// otherwise: a resource limit, docs/limits.md).
reference::csv_table family_reference_table(const family::ModelSpec& m, const reference::csv_table& candidate,
                                            unsigned digits);

/// The comparison (see header); the point columns are the model's players.
reference::comparison_report compare_family(const family::ModelSpec& m, const reference::csv_table& candidate,
                                            const std::optional<reference::csv_table>& reference_table,
                                            unsigned digits, const reference::compare_options& options);

}  // namespace gancert::api
