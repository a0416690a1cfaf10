// Internal: where an extremum recorded in an extrema leaf lies (for the summary and the
// verdict): the leaf's reduced face (its rounds of fixed coordinates), whether that face lies
// on the boundary of the input box, and the point type (proofs/lemmas.md §K5', K8).
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "gancert/certify/box.hpp"

namespace gancert::certify::detail {

/// {"kind": "vertex"|"isolated"|"face", "type": "max"|"min", "fixed": {name: value, ...}
/// (coordinates fixed by the face reduction), "on_boundary_of_box": [names of fixed
/// coordinates at an end of the input box], "free": {name: [lo, hi]} (the isolating box Z for
/// "isolated", else the face)}.
nlohmann::json extremum_location(const nlohmann::json& side, const nlohmann::json& leaf_box, const Box& root,
                                 const std::vector<std::string>& names, bool for_max);

/// One clause for the verdict, e.g. "max at an isolated critical point in the relative interior
/// of the face {h = -6}, b in [..] (Hessian in (b) negative definite)".
std::string location_text(const nlohmann::json& location);

}  // namespace gancert::certify::detail
