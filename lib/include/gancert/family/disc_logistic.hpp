// gancert/family/disc_logistic.hpp — the follow-up's discriminator D(x) = 1/(1 + a e^{−b x}).
// Players' parameters (a, b) with a > 0 (lemma F.2: a < 0 puts a pole on the real line, a = 0
// makes D ≡ 1); pre-activation t = b x − ln a, so D = σ(t) = 1/(1 + e^{−t}). With e = e^{−t}:
// σ = 1/(1+e), σ' = e σ² (= σ(1−σ) without the subtraction), σ'' = σ'(e − 1)σ (= σ'(1−2σ)).
// Meromorphic, poles at t = iπ(2k+1): a rectangle is used by the quadrature remainder only if
// the box division certifies 1 + e ≠ 0 on it (lemma F.5), so ellipses avoid the poles.
// Growth (lemmas F.3, F.4): H = 1, e = 0 for s²; H = 1, e = 1 for log s.
//
// Contract: sigma(t) encloses σ, σ', σ'' for interval arguments; the growth constants are
// proven upper bounds. Precondition a > 0 (validate_players); for an enclosure of a that
// reaches 0, arith::log throws std::domain_error (no enclosure is produced).
#pragma once
#include <array>
#include <utility>

#include "gancert/ad/jet.hpp"
#include "gancert/family/growth.hpp"

namespace gancert::family {

struct LogisticDisc {
    static constexpr const char* first = "a";
    static constexpr const char* second = "b";

    template <class S, std::size_t N>
    static std::pair<ad::Jet<S, N>, ad::Jet<S, N>> preactivation(const ad::Jet<S, N>& a, const ad::Jet<S, N>& b) {
        using arith::log;
        return {b, -log(a)};
    }
    template <class X>
    static std::array<X, 3> sigma(const X& t) {
        using arith::exp;
        using arith::square;
        const X e = exp(-t);
        const X s = X(1) / (X(1) + e);
        const X d1 = e * square(s);
        return {s, d1, d1 * (e - X(1)) * s};
    }
    static constexpr Growth growth(Phi phi) { return phi == Phi::square ? Growth{1, 0} : Growth{1, 1}; }
};

}  // namespace gancert::family
