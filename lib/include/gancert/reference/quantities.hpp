// gancert/reference/quantities.hpp — the 17 named quantities of one evaluation.
//
// The names and their order are model::quantity_names (model/params.hpp).
//
// Contract: parse_quantities throws arith::bad_parameter("quantities", …) for an unknown name;
// select() requires q < quantity_count.
#pragma once
#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "gancert/model/params.hpp"

namespace gancert::reference {

using model::quantity_count;
using model::quantity_names;

/// Index of a quantity name, or std::nullopt.
std::optional<std::size_t> quantity_index(std::string_view name);

/// Parses a comma-separated selection of quantity names and groups — `cost` (J1,J2,J),
/// `grad` (g_a..g_h), `hess` (H_aa..H_hh), `all` — into indices in canonical order without
/// duplicates. Throws arith::bad_input naming an unknown item or an empty selection.
std::vector<std::size_t> parse_quantities(std::string_view spec);

/// The quantity with index q of an evaluation. Precondition: q < quantity_count.
template <class S>
const S& select(const model::Evaluation<S>& e, std::size_t q) {
    return e.quantity(q);
}

}  // namespace gancert::reference
