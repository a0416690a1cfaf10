// Downstream use of the installed gancert package: certified J at the paper's case A, checked
// against an independent mpmath reference value passed on the command line, and the exact
// decimal type of gancert/arith. Exit 0 iff every check passes.
#include <iostream>

#include "gancert/arith/decimal.hpp"
#include "gancert/model/evaluate.hpp"

int main(int argc, char** argv) {
    using namespace gancert;
    if (argc != 2) {
        std::cerr << "usage: gancert_consumer J_REFERENCE_DECIMAL\n";
        return 2;
    }
    // exact decimals: 0.1 + 0.2 == 0.3 holds for the rationals the strings denote
    auto x = arith::Decimal::parse("0.1", "x") + arith::Decimal::parse("0.2", "y");
    if (!(x == arith::Decimal::parse("3e-1", "z"))) {
        std::cerr << "exact decimal arithmetic failed\n";
        return 1;
    }
    auto r = model::evaluate_certified({"2.2", "-3", "1.5", "-2", "0.5"}, 25);
    auto [lo, hi] = arith::to_decimal_outward(r.value.J.v, 25);
    std::cout << "J(case A) in [" << lo << ", " << hi << "]\n";
    // the reference decimal (40 digits) must lie in the enclosure (both as exact decimals)
    auto ref = arith::Decimal::parse(argv[1], "reference J");
    bool inside = arith::Decimal::parse(lo, "lo") <= ref && ref <= arith::Decimal::parse(hi, "hi");
    std::cout << (inside ? "reference value inside: OK\n" : "reference value OUTSIDE the enclosure\n");
    return inside ? 0 : 1;
}
