#include "gancert/reference/points.hpp"

#include <array>
#include <charconv>

#include "gancert/api/limits.hpp"
#include "gancert/arith/errors.hpp"
#include "gancert/arith/named_list.hpp"
#include "gancert/arith/decimal.hpp"

namespace gancert::reference {

namespace {
std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (;;) {
        std::size_t p = s.find(sep, start);
        out.push_back(s.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
        if (p == std::string_view::npos) return out;
        start = p + 1;
    }
}
std::size_t require_param(std::string_view name, const std::string& spec, std::string_view item) {
    if (auto i = param_index(name)) return *i;
    throw arith::bad_parameter(spec, "unknown parameter '" + std::string(name) + "' in '" + std::string(item) +
                                         "' (expected a, b, g, h or c)");
}
/// An exact decimal of the spec `spec` ("fixed", "grid"); a malformed one is a bad_parameter of the spec.
arith::Decimal parse_in(std::string_view s, const std::string& spec, const std::string& detail) {
    try {
        return arith::parse_written(s, detail).value;
    } catch (const arith::bad_parameter&) {
        throw;
    } catch (const arith::bad_input& e) {
        throw arith::bad_parameter(spec, e.what());
    }
}
}  // namespace

std::optional<std::size_t> param_index(std::string_view name) {
    for (std::size_t i = 0; i < param_names.size(); ++i)
        if (param_names[i] == name) return i;
    return std::nullopt;
}

const std::string& param(const model::DecimalParams& p, std::size_t i) {
    const std::array<const std::string*, 5> f{&p.a, &p.b, &p.g, &p.h, &p.c};
    return *f.at(i);
}
std::string& param(model::DecimalParams& p, std::size_t i) {
    const std::array<std::string*, 5> f{&p.a, &p.b, &p.g, &p.h, &p.c};
    return *f.at(i);
}

fixed_params parse_fixed(std::string_view spec) {
    fixed_params out;
    if (spec.empty()) return out;
    for (auto& item : arith::parse_named_values(spec, "fixed")) {  // names distinct
        std::size_t i = require_param(item.name, "fixed", item.name + "=" + item.value);
        (void)parse_in(item.value, "fixed", std::string(param_names[i]));
        out.emplace_back(i, std::move(item.value));
    }
    return out;
}

std::vector<grid_axis> parse_grid(std::string_view spec) {
    std::vector<grid_axis> axes;
    for (const auto& item : arith::parse_named_values(spec, "grid")) {  // names distinct
        const std::string text = item.name + "=" + item.value, where = "'" + text + "'";
        grid_axis axis;
        axis.param = require_param(item.name, "grid", text);
        auto parts = split(item.value, ':');
        if (parts.size() != 3) throw arith::bad_parameter("grid", where + ": expected name=lo:hi:count");
        arith::Decimal lo = parse_in(parts[0], "grid", where + " lo");
        arith::Decimal hi = parse_in(parts[1], "grid", where + " hi");
        std::size_t count = 0;
        auto [ptr, ec] = std::from_chars(parts[2].data(), parts[2].data() + parts[2].size(), count);
        if (ec != std::errc() || ptr != parts[2].data() + parts[2].size() || count < 1 || count > limits::max_axis_count)
            throw arith::bad_parameter("grid", where + ": count '" + std::string(parts[2]) + "' is not an integer in [1, " +
                                   std::to_string(limits::max_axis_count) + "]");
        if (count == 1 && lo != hi) throw arith::bad_parameter("grid", where + ": count 1 needs lo == hi");
        if (count > 1 && lo == hi) throw arith::bad_parameter("grid", where + ": lo == hi needs count 1");
        // x_k = lo + k·(hi − lo)/(count − 1) = (lo·(count − 1) + k·(hi − lo))/(count − 1), exactly
        const unsigned long n = count > 1 ? static_cast<unsigned long>(count - 1) : 1;
        const arith::Decimal lo_n = lo * arith::Decimal(static_cast<long long>(n)), w = hi - lo;
        axis.values.reserve(count);
        for (std::size_t k = 0; k < count; ++k) {
            const arith::Decimal num = lo_n + w * arith::Decimal(static_cast<long long>(k));
            auto x = num.divided_by(n);
            if (!x)
                throw arith::bad_parameter("grid", where + ": grid point " + std::to_string(k) + " = " + num.fraction_text(n) +
                                       " is not a terminating decimal; choose a count such that (hi - lo)/(count - 1) "
                                       "is one");
            axis.values.push_back(x->str());
        }
        axes.push_back(std::move(axis));
    }
    return axes;
}

point_grid::point_grid(std::vector<grid_axis> axes, const fixed_params& fixed) : axes_(std::move(axes)) {
    std::array<int, 5> given{};
    for (const auto& [i, value] : fixed) {
        param(base_, i) = value;
        ++given[i];
    }
    for (const auto& axis : axes_) {
        if (given[axis.param]++)
            throw arith::bad_parameter("fixed", "parameter '" + std::string(param_names[axis.param]) +
                                                    "' given both in 'grid' and in 'fixed'");
        param(base_, axis.param) = axis.values.front();
        if (axis.values.size() > limits::max_grid_points / size_)
            throw arith::bad_parameter("grid", "more than " + std::to_string(limits::max_grid_points) + " points");
        size_ *= axis.values.size();
    }
    for (std::size_t i = 0; i < 5; ++i)
        if (!given[i])
            throw arith::bad_parameter("fixed", "missing parameter '" + std::string(param_names[i]) +
                                                   "': give it in 'fixed' or 'grid'");
    model::validate(base_);
    // The domain is a product (c > 0, g >= 0 separately), so checking every axis value once suffices.
    for (const auto& axis : axes_)
        for (const auto& v : axis.values) {
            model::DecimalParams p = base_;
            param(p, axis.param) = v;
            try {
                model::validate(p);
            } catch (const arith::bad_input& e) {
                throw arith::bad_parameter("grid", std::string("value of '") + std::string(param_names[axis.param]) +
                                       "': " + e.what());
            }
        }
}

model::DecimalParams point_grid::operator[](std::size_t i) const {
    model::DecimalParams p = base_;
    for (std::size_t k = axes_.size(); k-- > 0;) {
        const auto& axis = axes_[k];
        param(p, axis.param) = axis.values[i % axis.values.size()];
        i /= axis.values.size();
    }
    return p;
}

std::vector<model::DecimalParams> read_points(const csv_table& table, const fixed_params& fixed) {
    std::array<std::optional<std::size_t>, 5> column{};
    model::DecimalParams base;
    std::array<bool, 5> given{};
    for (const auto& [i, value] : fixed) {
        param(base, i) = value;
        given[i] = true;
    }
    for (std::size_t c = 0; c < table.header.size(); ++c) {
        auto i = param_index(table.header[c]);
        if (!i)
            throw arith::bad_input(table.source + ":" + std::to_string(table.header_line) + ": unknown column '" +
                                   table.header[c] + "' (a points file has columns among a, b, g, h, c)");
        if (given[*i])
            throw arith::bad_input(table.source + ": parameter '" + table.header[c] +
                                   "' is both a column and in --fixed");
        given[*i] = true;
        column[*i] = c;
    }
    for (std::size_t i = 0; i < 5; ++i)
        if (!given[i])
            throw arith::bad_input(table.source + ": missing parameter '" + std::string(param_names[i]) +
                                   "': add a column or give it in --fixed");
    if (table.rows.empty()) throw arith::bad_input(table.source + ": no points (only a header)");
    std::vector<model::DecimalParams> points;
    points.reserve(table.rows.size());
    for (const auto& row : table.rows) {
        model::DecimalParams p = base;
        for (std::size_t i = 0; i < 5; ++i)
            if (column[i]) param(p, i) = row.cells[*column[i]];
        try {
            model::validate(p);
        } catch (const arith::bad_input& e) {
            throw arith::bad_input(table.source + ":" + std::to_string(row.line) + ": " + e.what());
        }
        points.push_back(std::move(p));
    }
    return points;
}

}  // namespace gancert::reference
