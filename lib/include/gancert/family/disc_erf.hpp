// gancert/family/disc_erf.hpp — the paper's discriminator D(x) = (1 + erf(a x + b))/2.
// Players' parameters (a, b), any real; pre-activation t = P x + Q with P = a, Q = b;
// σ(t) = erfc(−t)/2 (relative accuracy for t ≪ 0), σ' = e^{−t²}/√π, σ'' = −2tσ'.
// Entire: the quadrature remainder may use any ellipse (lemma Q.3 bounds erf on boxes).
// Growth (lemma F.3: least squares; lemma F.9: log cost): H = 2, e = 0 for s²;
// H = 8, e = 2 for log s (Mills-ratio bounds, Abramowitz–Stegun 7.1.13).
//
// Contract: sigma(t) encloses σ, σ', σ'' for interval arguments (arith:: erfc and exp, directed
// rounding); the growth constants are proven upper bounds (lemmas F.3, F.9). Any real (a, b).
#pragma once
#include <array>
#include <utility>

#include "gancert/ad/jet.hpp"
#include "gancert/family/growth.hpp"
#include "gancert/model/discriminator.hpp"

namespace gancert::family {

struct ErfDisc {
    static constexpr const char* first = "a";
    static constexpr const char* second = "b";

    template <class S, std::size_t N>
    static std::pair<ad::Jet<S, N>, ad::Jet<S, N>> preactivation(const ad::Jet<S, N>& a, const ad::Jet<S, N>& b) {
        return {a, b};
    }
    /// {σ, σ', σ''} at t.
    template <class X>
    static std::array<X, 3> sigma(const X& t) {
        using arith::erfc;
        using arith::exp;
        using arith::square;
        const X d = erfc(-t) / X(2);
        const X p = exp(-square(t)) * model::detail::cached_inv_sqrt_pi<X>();
        return {d, p, X(-2) * t * p};
    }
    static constexpr Growth growth(Phi phi) { return phi == Phi::square ? Growth{2, 0} : Growth{8, 2}; }
};

}  // namespace gancert::family
