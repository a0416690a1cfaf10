// gancert/reference/quantities.hpp — the 17 named quantities of one evaluation.
//
// Names are those of the reference data in tests/data: J1, J2, J, the gradient g_a, g_b,
// g_g, g_h and the upper Hessian H_aa … H_hh, all with respect to (a, b, g, h).
#pragma once
#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "gancert/model/params.hpp"

namespace gancert::reference {

inline constexpr std::size_t quantity_count = 17;
inline constexpr std::array<std::string_view, quantity_count> quantity_names{
    "J1",   "J2",   "J",    "g_a",  "g_b",  "g_g",  "g_h",  "H_aa", "H_ab",
    "H_ag", "H_ah", "H_bb", "H_bg", "H_bh", "H_gg", "H_gh", "H_hh"};

/// Index of a quantity name, or std::nullopt.
std::optional<std::size_t> quantity_index(std::string_view name);

/// Parses a comma-separated selection of quantity names and groups — `cost` (J1,J2,J),
/// `grad` (g_a..g_h), `hess` (H_aa..H_hh), `all` — into indices in canonical order without
/// duplicates. Throws arith::bad_input naming an unknown item or an empty selection.
std::vector<std::size_t> parse_quantities(std::string_view spec);

/// The quantity with index q of an evaluation. Precondition: q < quantity_count.
template <class S>
const S& select(const model::Evaluation<S>& e, std::size_t q) {
    static constexpr std::array<std::array<int, 2>, 10> upper{
        {{0, 0}, {0, 1}, {0, 2}, {0, 3}, {1, 1}, {1, 2}, {1, 3}, {2, 2}, {2, 3}, {3, 3}}};
    if (q == 0) return e.J1;
    if (q == 1) return e.J2;
    if (q == 2) return e.J.v;
    if (q < 7) return e.J.g[q - 3];
    return e.J.hess(upper[q - 7][0], upper[q - 7][1]);
}

}  // namespace gancert::reference
