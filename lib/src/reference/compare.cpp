#include "gancert/reference/compare.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <map>

#include "gancert/arith/errors.hpp"
#include "gancert/reference/points.hpp"
#include "gancert/reference/quantities.hpp"

namespace gancert::reference {

double correct_digits(const Decimal& y, const Decimal& lo, const Decimal& hi) {
    Decimal e = std::max((y - lo).abs(), (y - hi).abs());
    bool zero_inside = lo.sign() <= 0 && hi.sign() >= 0;
    Decimal s = zero_inside ? Decimal(1) : std::min(lo.abs(), hi.abs());
    double log_s = s.log10_abs();
    Decimal w = hi - lo;
    double resolution = w.sign() == 0 ? max_correct_digits : std::min(max_correct_digits, log_s - w.log10_abs());
    if (e.sign() == 0) return resolution;
    double d = log_s - e.log10_abs();
    return std::clamp(d, 0.0, std::max(resolution, 0.0));
}

Decimal default_rtol() { return *Decimal(1).divided_by(1UL << 51); }  // 5^51·10^-51

bool within_tolerance(const Decimal& y, const Decimal& lo, const Decimal& hi, const tolerance& tol) {
    Decimal t = tol.rtol * std::max(lo.abs(), hi.abs()) + tol.atol;
    return lo - t <= y && y <= hi + t;
}

tolerance tolerance_from_digits(std::optional<unsigned> tolerance_digits) {
    tolerance t;
    t.rtol = tolerance_digits ? Decimal::pow10(-static_cast<long>(*tolerance_digits)) : Decimal(0);
    return t;
}

bool within_tolerance(const Decimal& y, const Decimal& lo, const Decimal& hi,
                      std::optional<unsigned> tolerance_digits) {
    return within_tolerance(y, lo, hi, tolerance_from_digits(tolerance_digits));
}

rounding_claim check_rounding(const written_decimal& y, const Decimal& lo, const Decimal& hi) {
    // R(y) = [y − h, y + h], h = ½·10^k; R(0) = {0} (lemma R4, proofs/lemmas.md)
    Decimal h = y.value.sign() == 0 ? Decimal(0) : Decimal::pow10(y.last_digit_exponent).half();
    Decimal r_lo = y.value - h, r_hi = y.value + h;
    if (r_lo <= lo && hi <= r_hi) return rounding_claim::proved;
    if (hi < r_lo || r_hi < lo) return rounding_claim::refuted;
    return rounding_claim::undecided;
}

tolerance parse_tolerance(const std::string& rtol, const std::string& atol, const std::string& rtol_name,
                          const std::string& atol_name) {
    tolerance t;
    auto one = [](const std::string& text, const std::string& name, Decimal& out) {
        if (text.empty()) return;
        out = arith::parse_written(text, name).value;
        if (out.sign() < 0) throw arith::bad_input(name + ": '" + text + "' is negative");
    };
    one(rtol, rtol_name, t.rtol);
    one(atol, atol_name, t.atol);
    return t;
}

namespace {

struct enclosure {
    Decimal lo, hi;
    std::string lo_text, hi_text;
};

struct point_columns {
    std::vector<std::string> names;
    std::vector<std::size_t> col;
    point_columns(const csv_table& t, std::vector<std::string> point_names) : names(std::move(point_names)) {
        for (const auto& n : names) col.push_back(t.require_column(n, "a point column"));
    }
    /// Exact key of a row's point; throws naming the cell if a coordinate is not a decimal.
    std::string key(const csv_table& t, const csv_row& row) const {
        std::string k;
        for (std::size_t i = 0; i < col.size(); ++i) k += arith::parse_written(row.cells[col[i]], t.where(row, col[i])).value.short_str() + ";";
        return k;
    }
    std::string text(const csv_row& row) const {
        std::string s;
        for (std::size_t i = 0; i < col.size(); ++i) s += (i ? " " : "") + names[i] + "=" + row.cells[col[i]];
        return s;
    }
};

std::vector<std::string> point_names_of(const std::vector<std::string>& given) {
    if (!given.empty()) return given;
    return {param_names.begin(), param_names.end()};
}

bool is_nonfinite(std::string s) {
    for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.erase(0, 1);
    return s == "nan" || s == "inf" || s == "infinity";
}

}  // namespace

comparison_report compare_tables(const csv_table& reference, const csv_table& candidate,
                                 const compare_options& options, const std::vector<std::string>& names) {
    comparison_report report;
    const tolerance tol = options.effective();
    const std::vector<std::string> point_names = point_names_of(names);
    point_columns ref_points(reference, point_names), cand_points(candidate, point_names);

    // Reference quantities: Q with Q_lo and Q_hi.
    std::array<std::optional<std::array<std::size_t, 2>>, quantity_count> ref_cols;
    for (std::size_t q = 0; q < quantity_count; ++q)
        if (reference.column(quantity_names[q])) {
            std::string name(quantity_names[q]);
            ref_cols[q] = {reference.require_column(name + "_lo", "the reference enclosure of " + name),
                           reference.require_column(name + "_hi", "the reference enclosure of " + name)};
        }

    // Candidate quantities.
    std::vector<std::pair<std::size_t, std::size_t>> cand_cols;  // (quantity, column)
    for (std::size_t c = 0; c < candidate.header.size(); ++c) {
        const auto& name = candidate.header[c];
        if (std::find(point_names.begin(), point_names.end(), name) != point_names.end()) continue;
        if (auto q = quantity_index(name)) {
            if (!ref_cols[*q])
                throw arith::bad_input(candidate.source + ": column '" + name + "' has no reference values in " +
                                       reference.source);
            cand_cols.emplace_back(*q, c);
        } else {
            report.warnings.push_back(candidate.source + ": ignoring column '" + name + "' (not a quantity name)");
        }
    }
    if (cand_cols.empty())
        throw arith::bad_input(candidate.source + ": no quantity columns (expected some of J1, J2, J, g_a..g_h, H_aa..H_hh)");
    std::sort(cand_cols.begin(), cand_cols.end());

    // Reference rows by exact point.
    std::map<std::string, std::size_t> ref_index;
    for (std::size_t r = 0; r < reference.rows.size(); ++r) {
        auto [it, fresh] = ref_index.emplace(ref_points.key(reference, reference.rows[r]), r);
        if (!fresh)
            throw arith::bad_input(reference.source + ":" + std::to_string(reference.rows[r].line) + ": point " +
                                   ref_points.text(reference.rows[r]) + " repeats line " +
                                   std::to_string(reference.rows[it->second].line));
    }
    std::vector<std::size_t> seen_at(reference.rows.size(), 0);

    std::vector<std::vector<value_check>> checks(cand_cols.size());
    for (std::size_t r = 0; r < candidate.rows.size(); ++r) {
        const auto& row = candidate.rows[r];
        auto it = ref_index.find(cand_points.key(candidate, row));
        if (it == ref_index.end())
            throw arith::bad_input(candidate.source + ":" + std::to_string(row.line) + ": point " +
                                   cand_points.text(row) + " is not in the reference " + reference.source);
        if (seen_at[it->second])
            throw arith::bad_input(candidate.source + ":" + std::to_string(row.line) + ": point " +
                                   cand_points.text(row) + " repeats line " + std::to_string(seen_at[it->second]));
        seen_at[it->second] = row.line;
        const auto& ref_row = reference.rows[it->second];
        for (std::size_t k = 0; k < cand_cols.size(); ++k) {
            auto [q, c] = cand_cols[k];
            value_check v;
            v.quantity = q;
            v.candidate_row = r;
            v.line = row.line;
            v.point = cand_points.text(row);
            v.value = row.cells[c];
            std::size_t lo_col = (*ref_cols[q])[0], hi_col = (*ref_cols[q])[1];
            v.lo = ref_row.cells[lo_col];
            v.hi = ref_row.cells[hi_col];
            Decimal lo = arith::parse_written(v.lo, reference.where(ref_row, lo_col)).value;
            Decimal hi = arith::parse_written(v.hi, reference.where(ref_row, hi_col)).value;
            if (hi < lo)
                throw arith::bad_input(reference.where(ref_row, lo_col) + ": enclosure lower bound exceeds the upper bound");
            if (is_nonfinite(v.value)) {
                v.digits = 0;
                v.pass = false;
            } else {
                written_decimal y = arith::parse_written(v.value, candidate.where(row, c));
                v.digits = correct_digits(y.value, lo, hi);
                rounding_claim claim = check_rounding(y, lo, hi);
                v.rounded = claim == rounding_claim::proved;
                v.pass = v.rounded || within_tolerance(y.value, lo, hi, tol);
                v.undecided = !v.pass && claim == rounding_claim::undecided;
            }
            checks[k].push_back(std::move(v));
        }
        ++report.points;
    }
    if (!options.allow_subset)
        for (std::size_t r = 0; r < reference.rows.size(); ++r)
            if (!seen_at[r])
                throw arith::bad_input(candidate.source + ": reference point " + ref_points.text(reference.rows[r]) +
                                       " (" + reference.source + ":" + std::to_string(reference.rows[r].line) +
                                       ") is missing (use --subset to compare only the candidate's points)");

    if (report.points == 0) throw arith::bad_input(candidate.source + ": no points (only a header)");
    for (auto& list : checks) {
        quantity_summary s;
        s.quantity = list.front().quantity;
        s.count = list.size();
        std::vector<double> d;
        d.reserve(list.size());
        std::size_t worst = 0;
        for (std::size_t i = 0; i < list.size(); ++i) {
            d.push_back(list[i].digits);
            if (list[i].digits < list[worst].digits) worst = i;
            if (!list[i].pass) ++s.failures;
            if (list[i].rounded) ++s.rounded;
        }
        std::sort(d.begin(), d.end());
        s.min_digits = d.front();
        s.median_digits = d.size() % 2 ? d[d.size() / 2] : 0.5 * (d[d.size() / 2 - 1] + d[d.size() / 2]);
        s.worst = list[worst];
        report.summaries.push_back(std::move(s));
    }
    // failures in candidate file order (row, then quantity)
    for (std::size_t r = 0; r < candidate.rows.size(); ++r)
        for (auto& list : checks)
            if (!list[r].pass) report.failures.push_back(list[r]);
    return report;
}

}  // namespace gancert::reference
