// gancert/family/law_uniform.hpp — the latent law U(0, 1): p(z) = 1 on [0, 1]. No parameters,
// no tail (the core is the support). CDF clamp(z, 0, 1), CDF of Z²: min(√v, 1) (F.10; kinks
// at 0 and 1 are refused by certain_sign).
//
// Contract: as every law (law_common.hpp); tail_moment is 0 (no mass outside [0, 1]); cdf throws
// std::range_error when the argument may lie on a kink (0 or 1).
#pragma once
#include "gancert/family/law_common.hpp"

namespace gancert::family {

template <class S>
struct Uniform {
    template <class X>
    X density(const X&) const {
        return X(S(1));
    }
    Core core(double) const { return {0.0, 1.0}; }
    S tail_moment(int, const Core&) const { return S(0); }
    template <class J>
    J cdf(const J& x) const {
        if (certain_sign(x, "an indicator endpoint at the latent law's lower end") < 0) return J(S(0));
        if (certain_sign(x - J(S(1)), "an indicator endpoint at the latent law's upper end") > 0) return J(S(1));
        return x;
    }
    template <class J>
    J cdf_square(const J& v) const {
        return cdf(sqrt_or_zero(v));
    }

private:
    template <class J>
    static J sqrt_or_zero(const J& v) {
        if (certain_sign(v, "an indicator endpoint at the generator's vertex") < 0) return J(S(-1));
        return sqrt(v);
    }
};

}  // namespace gancert::family
