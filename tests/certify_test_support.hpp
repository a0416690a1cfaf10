// Test support for the certifier tests: boxes from decimal text (endpoints may be ±inf).
#pragma once
#include <string>
#include <vector>

#include "gancert/certify/box.hpp"

inline gancert::certify::Box box(const std::vector<std::string>& lo, const std::vector<std::string>& hi) {
    gancert::certify::Box b;
    for (std::size_t i = 0; i < lo.size(); ++i) {
        b.lo.push_back(gancert::arith::Decimal::parse_extended(lo[i]));
        b.hi.push_back(gancert::arith::Decimal::parse_extended(hi[i]));
    }
    return b;
}
