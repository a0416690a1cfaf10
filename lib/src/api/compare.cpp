// A candidate table of a family model against certified enclosures (api/compare.hpp).
#include "gancert/api/compare.hpp"

#include <algorithm>
#include <stdexcept>

#include "gancert/api/certify.hpp"
#include "gancert/api/limits.hpp"
#include "gancert/api/reference.hpp"
#include "gancert/arith/errors.hpp"
#include "gancert/dynamics/spec.hpp"
#include "gancert/reference/quantities.hpp"

namespace gancert::api {

reference::csv_table family_reference_table(const family::ModelSpec& m, const reference::csv_table& candidate,
                                            unsigned digits) {
    limits::check_eval_digits(digits);
    const auto names = family::player_names(m);
    std::array<std::size_t, 4> col{};
    for (std::size_t i = 0; i < 4; ++i)
        col[i] = candidate.require_column(names[i], "a player's parameter of the model");
    std::vector<std::size_t> quantities;
    for (const auto& h : candidate.header)
        if (const auto q = reference::quantity_index(h)) quantities.push_back(*q);
    std::sort(quantities.begin(), quantities.end());
    quantities.erase(std::unique(quantities.begin(), quantities.end()), quantities.end());
    if (quantities.empty())
        throw arith::bad_input(candidate.source + ": no quantity columns (expected some of J1, J2, J, g_a..g_h, H_aa..H_hh)");

    reference::csv_table t;
    t.source = "the certified enclosures at " + std::to_string(digits) + " digits";
    t.header.assign(names.begin(), names.end());
    for (auto q : quantities) {
        const std::string n(reference::quantity_names[q]);
        t.header.insert(t.header.end(), {n, n + "_lo", n + "_hi"});
    }
    const dynamics::TimeBudget budget(default_run_time_limit);  // a resource limit of the request
    for (const auto& row : candidate.rows) {
        if (!t.rows.empty() && budget.expired())
            throw arith::bad_parameter("candidate", candidate.source + ": the enclosures of " + std::to_string(t.rows.size()) +
                                                        " of " + std::to_string(candidate.rows.size()) + " rows took the time limit of " +
                                                        std::to_string(static_cast<int>(default_run_time_limit)) +
                                                        " s; compare fewer rows at a time (or against a `gancert reference --model` table)");
        std::array<std::string, 4> theta;
        for (std::size_t i = 0; i < 4; ++i) theta[i] = row.cells[col[i]];
        try {
            family::validate_players(m, theta);
        } catch (const arith::bad_parameter& e) {
            const auto i = static_cast<std::size_t>(std::find(names.begin(), names.end(), e.parameter()) - names.begin());
            throw arith::bad_input((i < 4 ? candidate.where(row, col[i]) : candidate.source + ":" + std::to_string(row.line)) +
                                   ": " + e.message());
        }
        reference::reference_point r;
        try {
            r = family_reference(m, theta, digits, quantities);
        } catch (const std::range_error& e) {
            throw std::range_error(candidate.source + ":" + std::to_string(row.line) + ": " + e.what());
        }
        reference::csv_row out{row.line, {theta.begin(), theta.end()}};
        for (const auto& v : r.values) out.cells.insert(out.cells.end(), {v.mid, v.lo, v.hi});
        t.rows.push_back(std::move(out));
    }
    return t;
}

reference::comparison_report compare_family(const family::ModelSpec& m, const reference::csv_table& candidate,
                                            const std::optional<reference::csv_table>& reference_table,
                                            unsigned digits, const reference::compare_options& options) {
    const auto th = family::player_names(m);
    const std::vector<std::string> names(th.begin(), th.end());
    if (reference_table) return reference::compare_tables(*reference_table, candidate, options, names);
    return reference::compare_tables(family_reference_table(m, candidate, digits), candidate, options, names);
}

}  // namespace gancert::api
