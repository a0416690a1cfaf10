// gancert/dynamics/plateau.hpp — plateau detection and the final generator's KL score.
//
// Contract: point arithmetic: the criterion at the values; interval arithmetic: true only when
// it holds for every value in the enclosures (false = not certified); kl_data_to_generator
// returns std::nullopt when the case boundary (g, h signs) cannot be decided over the boxes.
#pragma once
#include <cmath>
#include <cstddef>
#include <limits>
#include <optional>
#include <vector>

#include "gancert/arith/scalar.hpp"
#include "gancert/model/params.hpp"

namespace gancert::dynamics {

/// Plateau criterion (docs/mathematics.md §1, issue 4): ‖∇J‖ ≤ eps and |J − 1| ≤ delta, where ‖∇J‖ is the
/// Euclidean norm over the MOVING coordinates (dynamics::moving_gradient_norm).
struct PlateauCriterion {
    double eps = 1e-3;
    double delta = 1e-2;
};

/// Point arithmetic (double, mpfr): the criterion at (J, gnorm).
inline bool on_plateau(double J, double gnorm, const PlateauCriterion& c) {
    return gnorm <= c.eps && std::abs(J - 1.0) <= c.delta;
}
inline bool on_plateau(const arith::mpfr& J, const arith::mpfr& gnorm, const PlateauCriterion& c) {
    return gnorm <= c.eps && arith::mpfr(abs(J - 1)) <= c.delta;
}
/// Interval arithmetic: true only if the criterion holds for EVERY value in the enclosures
/// (sup gnorm ≤ eps and sup |J − 1| ≤ delta, computed with outward rounding) — a certified
/// plateau; false means "not certified" (it may still hold).
template <class T>
bool on_plateau(const arith::interval<T>& J, const arith::interval<T>& gnorm,
                const PlateauCriterion& c) {
    const arith::interval<T> dev = J - arith::interval<T>(T(1));
    return gnorm.upper() <= c.eps && arith::mag(dev) <= c.delta;
}

/// Index of the first iterate on the plateau (J[k], gnorm[k] in parallel vectors), or nullopt.
template <class S>
std::optional<std::size_t> first_plateau(const std::vector<S>& J, const std::vector<S>& gnorm,
                                         const PlateauCriterion& c) {
    for (std::size_t k = 0; k < J.size() && k < gnorm.size(); ++k)
        if (on_plateau(J[k], gnorm[k], c)) return k;
    return std::nullopt;
}

/// KL(p_data ‖ p_g) for X ~ Exp(c) and G(Z) = h + g·Exp(1) (docs/mathematics.md §1):
///   log(gc) − 1 + (1 − hc)/(gc)   when g > 0 and h ≤ 0,
///   +∞                            otherwise (p_g vanishes on part of p_data's support [0, ∞):
///                                  h > 0, or g ≤ 0 where G(Z) has no density covering [0, ∞)).
/// Point S: the value at the working precision (+∞ as S's infinity). Interval S: an enclosure;
/// nullopt ("cannot decide") when the enclosures of g or h straddle the case boundary.
template <class S>
std::optional<S> kl_data_to_generator(const model::Params<S>& p) {
    using arith::log;
    if constexpr (arith::is_interval_v<S>) {
        using T = arith::endpoint_t<S>;
        const T inf = std::numeric_limits<T>::infinity();
        if (p.h.lower() > 0 || p.g.upper() <= 0) return S(inf, inf);
        if (!(p.h.upper() <= 0 && p.g.lower() > 0)) return std::nullopt;
        const S gc = p.g * p.c;
        return log(gc) - S(1) + (S(1) - p.h * p.c) / gc;
    } else {
        if (p.h > 0 || p.g <= 0) return S(std::numeric_limits<double>::infinity());
        const S gc = p.g * p.c;
        return S(log(gc) - S(1) + (S(1) - p.h * p.c) / gc);
    }
}

}  // namespace gancert::dynamics
