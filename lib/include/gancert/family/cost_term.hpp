// gancert/family/cost_term.hpp — one term of a cost: E[sign · φ(σ(ρ t))] over the data law
// (real term) or over G(Z) (fake term), φ = s² or log s, ρ = ±1 (reflection: σ(−t) = 1 − σ(t)
// for both smooth discriminators, so 1 − D is never formed by subtraction), sign = ±1.
// The three costs (cost_*.hpp) are pairs of terms.
//
// Contract: for interval scalars {h, h', h''} enclose the exact derivatives of
// sign·φ(σ(ρ t)) whenever {s, s', s''} enclose σ's (no subtraction 1 − σ anywhere).
#pragma once
#include <array>

#include "gancert/arith/scalar.hpp"
#include "gancert/family/growth.hpp"

namespace gancert::family {

struct CostTerm {
    bool present = true;
    Phi phi = Phi::square;
    bool reflect = false;
    int sign = 1;

    /// {h, h', h''} of h(t) = sign·φ(s(t)) from {s, s', s''} (chain rule).
    template <class X>
    std::array<X, 3> apply(const std::array<X, 3>& s) const {
        using arith::log;
        using arith::square;
        std::array<X, 3> f;
        if (phi == Phi::square) {
            f = {square(s[0]), X(2) * s[0] * s[1], X(2) * (square(s[1]) + s[0] * s[2])};
        } else {
            const X q = s[1] / s[0];
            f = {log(s[0]), q, s[2] / s[0] - square(q)};
        }
        if (sign < 0)
            for (auto& x : f) x = -x;
        return f;
    }
};

}  // namespace gancert::family
