// gancert/api/reference.hpp — the report of certified reference values shared by the CLI
// (`gancert reference --format json`) and the Python module (gancert.reference).
//
// Contract. Formatting only: the values are those of reference::compute_reference (lo <= exact
// <= hi always; mid correctly rounded when correctly_rounded). With `floats`, lo_float and
// hi_float are doubles rounded outward from the printed decimal bounds (lo_float <= lo,
// hi <= hi_float).
#pragma once
#include <nlohmann/json.hpp>

#include <array>
#include <string>
#include <vector>

#include "gancert/family/spec.hpp"
#include "gancert/reference/reference_values.hpp"

namespace gancert::api {

/// {"mid","lo","hi",["lo_float","hi_float",]"correctly_rounded"} of one value.
nlohmann::ordered_json to_json(const reference::certified_value& v, bool floats = false);

/// {name: value} for every quantity of the point (model::quantity_names).
nlohmann::ordered_json quantities_json(const reference::reference_point& r, bool floats = false);

/// Certified reference values of a model of the family at θ (exact decimals, player order;
/// family::validate_players): the two-attempt rule of reference::compute_reference_with over
/// family::evaluate_certified (std::range_error if the width target is not reached). The
/// point's a, b, g, h carry θ (c is empty).
reference::reference_point family_reference(const family::ModelSpec& m, const std::array<std::string, 4>& theta,
                                            unsigned digits, const std::vector<std::size_t>& quantities);

}  // namespace gancert::api
