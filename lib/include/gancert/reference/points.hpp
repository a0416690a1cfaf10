// gancert/reference/points.hpp — the parameter points of a reference table.
//
// Points come from a CSV file (columns among a, b, g, h, c) or from a grid spec
// "b=-6:6:25,h=-6:6:25" (count equally spaced points from lo to hi inclusive), completed by
// fixed parameters "a=2.2,g=1.5,c=0.5". Every coordinate is an exact decimal string: grid
// points are computed in exact decimal arithmetic (arith::Decimal) and printed as exact decimals, so a
// point means exactly what it prints.
//
// Contract: every point is an exact decimal that passes model::validate; malformed or
// incomplete specs throw arith::bad_parameter ("grid", "fixed") or arith::bad_input naming
// the item.
#pragma once
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gancert/model/params.hpp"
#include "gancert/reference/csv.hpp"

namespace gancert::reference {

inline constexpr std::array<std::string_view, 5> param_names{"a", "b", "g", "h", "c"};

/// Index of a parameter name (a, b, g, h, c → 0..4), or std::nullopt.
std::optional<std::size_t> param_index(std::string_view name);
/// The parameter with index i (0..4) of p.
const std::string& param(const model::DecimalParams& p, std::size_t i);
std::string& param(model::DecimalParams& p, std::size_t i);

/// Parameters fixed for all points: (index, exact decimal).
using fixed_params = std::vector<std::pair<std::size_t, std::string>>;

/// Parses "a=2.2,g=1.5,c=0.5" (empty spec → none). Throws arith::bad_input naming the item
/// (unknown name, repeated name, missing '=', value not a finite decimal).
fixed_params parse_fixed(std::string_view spec);

/// One grid axis: the parameter and its values (exact decimals, lo first).
struct grid_axis {
    std::size_t param = 0;
    std::vector<std::string> values;
};

/// Parses "name=lo:hi:count[,name=lo:hi:count…]": lo, hi exact decimals; count >= 1
/// (count 1 requires lo == hi); point i is lo + i·(hi − lo)/(count − 1), computed exactly.
/// Throws arith::bad_input naming the item for malformed items, unknown or repeated names,
/// a count out of [1, limits::max_axis_count], or a grid point that is not a terminating decimal
/// (e.g. 0:1:4 would need 1/3).
std::vector<grid_axis> parse_grid(std::string_view spec);

/// The Cartesian product of grid axes (the first axis varies slowest, the last fastest),
/// completed by fixed parameters.
class point_grid {
public:
    /// Throws arith::bad_input if a parameter is given twice (grid and fixed) or missing,
    /// if the grid has more than limits::max_grid_points points, or if any grid value or fixed
    /// value lies outside the model's domain (model::validate; the message names it).
    point_grid(std::vector<grid_axis> axes, const fixed_params& fixed);
    std::size_t size() const { return size_; }
    /// Point i (0 <= i < size()), row-major over the axes.
    model::DecimalParams operator[](std::size_t i) const;

private:
    std::vector<grid_axis> axes_;
    model::DecimalParams base_;
    std::size_t size_ = 1;
};

/// Points from a table with columns among a, b, g, h, c (each parameter either a column or
/// fixed, exactly once). Every point is validated (model::validate). Throws arith::bad_input
/// naming the file, line and column (unknown column, missing parameter, malformed value,
/// domain error) or an empty table.
std::vector<model::DecimalParams> read_points(const csv_table& table, const fixed_params& fixed);

}  // namespace gancert::reference
