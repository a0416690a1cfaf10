// Shared helpers of the integral-path tests: the reference CSVs (tests/data/rsee_reference_*.csv,
// generated independently with mpmath) and entry-wise access to a model::Evaluation.
#pragma once
#include <array>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "gancert/model/params.hpp"

namespace integral_test {

struct ReferenceRow {
    std::string id;
    gancert::model::DecimalParams params;
    int digits = 0;
    std::array<std::string, 17> values;  // J1, J2, J, g_a..g_h, H_aa..H_hh (upper, row major)
};

inline std::vector<ReferenceRow> read_reference(const std::string& file) {
    std::ifstream in(std::string(GANCERT_TEST_DATA_DIR) + "/" + file);
    std::vector<ReferenceRow> rows;
    std::string line;
    bool header = false;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        if (!header) { header = true; continue; }
        std::vector<std::string> f;
        std::stringstream ss(line);
        std::string cell;
        while (std::getline(ss, cell, ',')) f.push_back(cell);
        if (f.size() != 24) continue;
        ReferenceRow r;
        r.id = f[0];
        r.params = {f[1], f[2], f[3], f[4], f[5]};
        r.digits = std::stoi(f[6]);
        for (int k = 0; k < 17; ++k) r.values[k] = f[7 + k];
        rows.push_back(r);
    }
    return rows;
}

/// Entry k of an evaluation in the CSV order.
template <class S>
const S& entry(const gancert::model::Evaluation<S>& e, int k) {
    if (k == 0) return e.J1;
    if (k == 1) return e.J2;
    if (k == 2) return e.J.v;
    if (k < 7) return e.J.g[k - 3];
    return e.J.h[k - 7];
}

inline const char* entry_name(int k) {
    static const char* names[17] = {"J1",   "J2",   "J",    "g_a",  "g_b",  "g_g",  "g_h",  "H_aa", "H_ab",
                                    "H_ag", "H_ah", "H_bb", "H_bg", "H_bh", "H_gg", "H_gh", "H_hh"};
    return names[k];
}

}  // namespace integral_test
