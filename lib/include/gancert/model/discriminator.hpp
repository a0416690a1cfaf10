// gancert/model/discriminator.hpp — discriminator shapes D(t) for the integral path.
//
// The integral path (model/integral_path.hpp) needs, for a discriminator D of the
// pre-activation t, the function G0(t) = D(t)² and its t-derivatives G1 = (D²)', G2 = (D²)'',
// over every scalar of the library (double, idouble, impfr, and complex boxes cbox<I> for the
// quadrature remainder — so D must be entire, or analytic on the boxes used), plus rigorous
// bounds for the tails:
//   * sup_t |G_m(t)| ≤ bound(m), m = 0, 1, 2;
//   * enclosures of {G_m(t) : t ≥ t0} and {G_m(t) : t ≤ t0} (monotonicity arguments).
// A new discriminator (e.g. the logistic D = 1/(1 + e^{−t}) of the follow-up paper) is a new
// small type with the same members; the model code is written once against this interface.
//
// ErfDiscriminator: D(t) = (1 + erf t)/2 = erfc(−t)/2 (the erfc form keeps relative accuracy
// for t ≪ 0), D' = φ(t) = e^{−t²}/√π, D'' = −2tφ. Hence
//   G0 = D², G1 = 2Dφ, G2 = 2φ² − 4tDφ,
// and |G0| ≤ 1, 0 ≤ G1 ≤ 2/√π, |G2| ≤ 2/π + 4/√(2πe) (lemma Q.5 of proofs/lemmas.md).
//
// Contract: square_derivatives encloses G0, G1, G2 over interval and complex-box arguments;
// the range_* and bound members are proven enclosures/bounds (lemma Q.5). No failure mode
// beyond the scalar's exceptions.
#pragma once
#include <array>
#include <type_traits>

#include "gancert/arith/scalar.hpp"
#include "gancert/model/thin_functions.hpp"
#include "gancert/quad/complex_box.hpp"

namespace gancert::model {

using arith::erfc;
using arith::exp;
using arith::square;

namespace detail {
/// 1/√π in S, computed once per thread (and per precision for impfr).
template <class S>
S cached_inv_sqrt_pi() {
    if constexpr (std::is_same_v<S, double>) {
        return 0.56418958354775628694807945156077;
    } else if constexpr (std::is_same_v<S, long double>) {
        return 0.56418958354775628694807945156077L;
    } else if constexpr (std::is_same_v<S, arith::idouble>) {
        static const arith::idouble c = arith::inv_sqrt_pi<arith::idouble>();
        return c;
    } else if constexpr (std::is_same_v<S, arith::impfr>) {
        thread_local unsigned bits = 0;
        thread_local arith::impfr c;
        if (bits != arith::working_bits()) {
            c = arith::inv_sqrt_pi<arith::impfr>();
            bits = arith::working_bits();
        }
        return c;
    } else {  // complex boxes and anything constructible from its real part
        using I = std::decay_t<decltype(std::declval<S>().re)>;
        return S(cached_inv_sqrt_pi<I>());
    }
}
}  // namespace detail

struct ErfDiscriminator {
    /// D(t) = erfc(−t)/2.
    template <class S>
    S operator()(const S& t) const {
        return erfc(-t) / S(2);
    }

    /// {G0, G1, G2} = {D², (D²)', (D²)''} at t.
    template <class S>
    std::array<S, 3> square_derivatives(const S& t) const {
        S phi = thin::fast_exp(-square(t)) * detail::cached_inv_sqrt_pi<S>();
        S d;
        if constexpr (std::is_same_v<S, arith::idouble> || std::is_same_v<S, arith::impfr>)
            d = thin::erf_discriminator(t, phi);  // one MPFR call + mean value form
        else
            d = erfc(-t) / S(2);
        S dphi = d * phi;
        return {square(d), S(2) * dphi, S(2) * square(phi) - S(4) * t * dphi};
    }

    /// Enclosure of {G_m(t) : all real t}: [0,1], [0, 2/√π], ±(2/π + 4/√(2πe)) (lemma Q.5).
    template <class I>
    static I global_range(int m) {
        if (m == 0) return I(0, 1);
        I isp = arith::inv_sqrt_pi<I>();
        if (m == 1) return I(0, (I(2) * isp).upper());
        I b = I(2) / arith::pi<I>() + I(4) * isp / sqrt(I(2) * exp(I(1)));
        return I(-b.upper(), b.upper());
    }

    /// Enclosure of {G_m(t) : t ≥ t0 for some t0 ∈ T0} (lemma Q.5, monotonicity):
    /// G0 ∈ [D(t0)², 1]; for t0 ≥ 0, 0 ≤ G1 ≤ 2φ(t0); for t0 ≥ 1, |G2| ≤ 2φ(t0)² + 4t0φ(t0).
    template <class I>
    static I range_right_of(int m, const I& T0) {
        using T = arith::endpoint_t<I>;
        I t0(T0.lower());
        if (m == 0) return I((square(erfc(-t0) / I(2))).lower(), T(1));
        I phi = exp(-square(t0)) * arith::inv_sqrt_pi<I>();
        if (m == 1) {
            if (!(t0.lower() >= 0)) return global_range<I>(1);
            return I(T(0), (I(2) * phi).upper());
        }
        if (!(t0.lower() >= 1)) return global_range<I>(2);
        T b = (I(2) * square(phi) + I(4) * t0 * phi).upper();
        return I(T(-b), b);
    }

    /// Enclosure of {G_m(t) : t ≤ t0 for some t0 ∈ T0} (lemma Q.5, monotonicity):
    /// G0 ∈ [0, D(t0)²]; for t0 ≤ 0, 0 ≤ G1 ≤ 2D(t0)φ(t0); for t0 ≤ −1,
    /// |G2| ≤ 2φ(t0)² + 4|t0|D(t0)φ(t0).
    template <class I>
    static I range_left_of(int m, const I& T0) {
        using T = arith::endpoint_t<I>;
        I t0(T0.upper());
        I d = erfc(-t0) / I(2);
        if (m == 0) return I(T(0), square(d).upper());
        I phi = exp(-square(t0)) * arith::inv_sqrt_pi<I>();
        if (m == 1) {
            if (!(t0.upper() <= 0)) return global_range<I>(1);
            return I(T(0), (I(2) * d * phi).upper());
        }
        if (!(t0.upper() <= -1)) return global_range<I>(2);
        T b = (I(2) * square(phi) - I(4) * t0 * d * phi).upper();
        return I(T(-b), b);
    }
};

}  // namespace gancert::model
