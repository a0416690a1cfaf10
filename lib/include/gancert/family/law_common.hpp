// gancert/family/law_common.hpp — what every law of the model family shares: the shape of
// its integration range, the binomial envelope of (1 + |u|)^k and the kink guard of CDFs.
//
// A law (law_*.hpp) is a small type templated on the parameter scalar S (long double for the
// fast path, arith::impfr for enclosures) with
//   * density(u) for any evaluation scalar X (S, and cbox<S> for the Bernstein-ellipse
//     remainder: every density of the family is entire, or constant on its support);
//   * core(L): the finite range [lo, hi] integrated by quadrature, chosen so that the mass
//     outside is about e^{−L} (efficiency only);
//   * tail_moment(k, lo, hi): an upper bound of ∫_{u ∉ [lo,hi]} p(u) (1 + |u|)^k du (lemma F.7);
//   * cdf(x) for jets x (the indicator discriminator's closed form, lemma F.10).
// Contract: tail_moment is a proven upper bound for S = impfr; cdf is exact on each smooth
// branch and throws std::range_error when x may lie on a kink (branch undecidable).
#pragma once
#include <array>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "gancert/ad/jet.hpp"
#include "gancert/arith/scalar.hpp"

namespace gancert::family {

using arith::abs;
using arith::erfc;
using arith::exp;
using arith::expm1;
using arith::log;
using arith::sqrt;
using arith::square;

/// Range actually integrated by quadrature (double endpoints; exact in any scalar).
struct Core {
    double lo, hi;
};

/// Binomial coefficient C(k, j), k ≤ 16.
constexpr long binomial(int k, int j) {
    long r = 1;
    for (int i = 1; i <= j; ++i) r = r * (k - j + i) / i;
    return r;
}

/// Σ_j C(k, j) base^{k−j} scale^j M_j: the binomial envelope (base + scale·|y|)^k integrated
/// against moments M_j = ∫ |y|^j (lemma F.7).
template <class S, std::size_t K>
S binomial_envelope(int k, const S& base, const S& scale, const std::array<S, K>& M) {
    S out(0);
    for (int j = 0; j <= k; ++j) {
        S term = S(binomial(k, j)) * M[static_cast<std::size_t>(j)];
        for (int i = 0; i < k - j; ++i) term = term * base;
        for (int i = 0; i < j; ++i) term = term * scale;
        out = out + term;
    }
    return out;
}

/// Sign of a jet's value: +1 certainly positive, −1 certainly negative; throws
/// std::range_error naming `what` otherwise (a CDF kink: the branch is undecided).
template <class S, std::size_t N>
int certain_sign(const ad::Jet<S, N>& x, const char* what) {
    if constexpr (std::is_floating_point_v<S>) {
        if (x.v > 0) return 1;
        if (x.v < 0) return -1;
    } else {
        if (arith::certainly_positive(x.v)) return 1;
        if (arith::certainly_negative(x.v)) return -1;
    }
    throw std::range_error(std::string("gancert model family: ") + what +
                           " lies on a kink of the CDF (not differentiable there)");
}

/// Φ(x) = erfc(−x/√2)/2, the standard normal CDF, on jets.
template <class S, std::size_t N>
ad::Jet<S, N> normal_cdf(const ad::Jet<S, N>& x) {
    return erfc(-x / sqrt(S(2))) / S(2);
}

}  // namespace gancert::family
