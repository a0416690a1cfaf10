// Downstream use of the installed gancert package: certified J at the paper's case A, checked
// against an independent mpmath reference value passed on the command line, and the exact
// decimal utilities of gancert/reference. Exit 0 iff every check passes.
#include <iostream>

#include "gancert/arith/decimal.hpp"
#include "gancert/model/evaluate.hpp"
#include "gancert/reference/exact_decimal.hpp"

int main(int argc, char** argv) {
    using namespace gancert;
    if (argc != 2) {
        std::cerr << "usage: gancert_consumer J_REFERENCE_DECIMAL\n";
        return 2;
    }
    // exact decimals: 0.1 + 0.2 == 0.3 holds for the rationals the strings denote
    auto x = reference::parse_exact_decimal("0.1", "x") + reference::parse_exact_decimal("0.2", "y");
    if (!(x == reference::parse_exact_decimal("3e-1", "z"))) {
        std::cerr << "exact decimal arithmetic failed\n";
        return 1;
    }
    auto r = model::evaluate_certified({"2.2", "-3", "1.5", "-2", "0.5"}, 25);
    auto [lo, hi] = arith::to_decimal_outward(r.value.J.v, 25);
    std::cout << "J(case A) in [" << lo << ", " << hi << "]\n";
    // the reference decimal (40 digits) must lie in the enclosure (both as exact rationals)
    auto ref = reference::parse_exact_decimal(argv[1], "reference J");
    bool inside = reference::parse_exact_decimal(lo, "lo") <= ref && ref <= reference::parse_exact_decimal(hi, "hi");
    std::cout << (inside ? "reference value inside: OK\n" : "reference value OUTSIDE the enclosure\n");
    return inside ? 0 : 1;
}
