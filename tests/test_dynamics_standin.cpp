// The quadrature evaluator of tests/support (the dynamics tests' independent check) against the
// mpmath reference table tests/data/rsee_reference_40.csv: J1, J2, ∇J, ∇²J to 1e−11 absolute
// relative to the row's scale, at every row. Guards the cross-check itself.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "support/quadrature_evaluator.hpp"

using namespace gancert;

namespace {
// strtod, not stod: entries far below 1e−308 underflow to 0 instead of throwing.
double num(const std::string& s) { return std::strtod(s.c_str(), nullptr); }
}  // namespace

TEST_CASE("quadrature stand-in evaluator agrees with the 40-digit reference table", "[dynamics][reference]") {
    std::ifstream in(std::string(GANCERT_TEST_DATA_DIR) + "/rsee_reference_40.csv");
    REQUIRE(in);
    std::string line;
    std::vector<std::string> header;
    int rows = 0;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> f;
        std::stringstream ss(line);
        std::string item;
        while (std::getline(ss, item, ',')) f.push_back(item);
        if (header.empty()) {
            header = f;
            continue;
        }
        std::map<std::string, std::string> r;
        for (std::size_t i = 0; i < header.size() && i < f.size(); ++i) r[header[i]] = f[i];
        const auto p = model::to_scalar<double>({r["a"], r["b"], r["g"], r["h"], r["c"]});
        const auto e = testsupport::quadrature_evaluate<double>(p);
        const char* grad[4] = {"g_a", "g_b", "g_g", "g_h"};
        const char* names[4] = {"a", "b", "g", "h"};
        INFO("row " << r["id"]);
        CHECK(std::abs(e.J1 - num(r["J1"])) <= 1e-11);
        CHECK(std::abs(e.J2 - num(r["J2"])) <= 1e-11);
        for (int i = 0; i < 4; ++i) {
            const double ref = num(r[grad[i]]);
            INFO("gradient " << grad[i] << ": " << e.J.g[i] << " vs " << ref);
            CHECK(std::abs(e.J.g[i] - ref) <= 1e-11 * std::max(1.0, std::abs(ref)));
            for (int j = i; j < 4; ++j) {
                const double h = num(r[std::string("H_") + names[i] + names[j]]);
                INFO("H_" << names[i] << names[j] << ": " << e.J.hess(i, j) << " vs " << h);
                CHECK(std::abs(e.J.hess(i, j) - h) <= 1e-10 * std::max(1.0, std::abs(h)));
            }
        }
        ++rows;
    }
    CHECK(rows >= 60);
}
