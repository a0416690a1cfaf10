// Shared helpers of the closed-form tests: reading tests/data/rsee_reference_*.csv and
// checking an enclosure against a decimal reference known to `digits` significant digits.
#pragma once
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "gancert/arith/scalar.hpp"
#include "gancert/model/params.hpp"

namespace cftest {

using namespace gancert;
using namespace gancert::arith;

struct ReferenceRow {
    std::string id;
    model::DecimalParams params;
    unsigned digits = 0;
    std::vector<std::string> values;  // J1, J2, J, g_a..g_h, H_aa, H_ab, …, H_hh (17)
};

inline std::vector<std::string> split_csv(const std::string& line) {
    std::vector<std::string> out;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, ',')) out.push_back(cell);
    return out;
}

/// Rows of a reference CSV ('#' lines are comments; the first other line is the header).
inline std::vector<ReferenceRow> read_reference(const std::string& file) {
    std::string path = GANCERT_TEST_DATA_DIR;
    path.append("/").append(file);
    std::ifstream in(path);
    std::vector<ReferenceRow> rows;
    std::string line;
    bool header = true;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        if (header) {
            header = false;
            continue;
        }
        auto c = split_csv(line);
        if (c.size() != 24) continue;
        ReferenceRow r;
        r.id = c[0];
        r.params = {c[1], c[2], c[3], c[4], c[5]};
        r.digits = static_cast<unsigned>(std::stoul(c[6]));
        r.values.assign(c.begin() + 7, c.end());
        rows.push_back(r);
    }
    return rows;
}

/// The 17 entries of an evaluation in the CSV's order.
template <class S>
std::vector<S> entries(const model::Evaluation<S>& e) {
    std::vector<S> v{e.J1, e.J2, e.J.v};
    for (const auto& x : e.J.g) v.push_back(x);
    for (const auto& x : e.J.h) v.push_back(x);
    return v;
}

inline const char* entry_name(std::size_t k) {
    static const char* names[] = {"J1",   "J2",   "J",    "g_a",  "g_b",  "g_g",
                                  "g_h",  "H_aa", "H_ab", "H_ag", "H_ah", "H_bb",
                                  "H_bg", "H_bh", "H_gg", "H_gh", "H_hh"};
    return names[k];
}

/// True iff the enclosure x meets [r − err, r + err], where r is the decimal reference and
/// err = 10^{−digits}|r| + 10^{−45} (the reference's own error, see the CSV header).
/// Call under a precision guard comfortably above `digits`.
inline bool consistent(const impfr& x, const std::string& ref, unsigned digits) {
    impfr r = parse<impfr>(ref, "reference");
    impfr tol = pow(integer<impfr>(10), -static_cast<int>(digits));
    impfr err = tol * abs(r) + pow(integer<impfr>(10), -45);
    const mpfr lo = (r - err).lower(), hi = (r + err).upper();
    return x.lower() <= hi && lo <= x.upper();
}

/// Relative width ≤ 10^{−digits} (absolute where x contains 0).
inline bool narrow(const impfr& x, unsigned digits) {
    impfr tol = pow(integer<impfr>(10), -static_cast<int>(digits));
    mpfr w = width_up(x);
    if (contains_zero(x)) return w <= tol.lower();
    return w <= (tol * impfr(mig(x))).lower();
}

}  // namespace cftest
