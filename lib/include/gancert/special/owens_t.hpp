// gancert/special/owens_t.hpp — Owen's T function T(h, a) = (1/2π) ∫_0^a e^{−h²(1+x²)/2}/(1+x²) dx.
//
//  * double: Boost.Math owens_t with a policy that forbids promotion to long double
//    (fast; not a bound).
//  * mpfr: the series of lemma C1 (proofs/lemmas.md §C) at the working precision, round to
//    nearest, truncated when the proven remainder is below 2^{−prec−8} (not a bound).
//  * idouble / impfr: a rigorous enclosure. For exact point arguments with 0 ≤ a ≤ 1,
//      T(h, a) = (1/2π)[atan a − Σ_{j≥0} (−1)^j a^{2j+1}/(2j+1) · Q_j(h²/2)],
//      Q_j(x) = P(Poisson(x) > j) = 1 − e^{−x} Σ_{i≤j} x^i/i!,
//    summed in interval arithmetic; the tail after J terms is enclosed by ±(first omitted
//    term) (Leibniz: the terms decrease in j), itself bounded by Q_{J+1} ≤ π_{J+1} r/(1−r),
//    π_j = e^{−x}x^j/j!, r = x/(J+2) < 1 (lemma C1). |a| > 1 uses the reduction (lemma C2)
//      T(h, a) = Q(|h|)/2 + Q(a|h|)/2 − Q(|h|)Q(a|h|) − T(a|h|, 1/a),   Q = 1 − Φ,
//    and T is odd in a, even in h. General interval arguments use the monotonicity of T
//    (increasing in a; in |h| decreasing for a ≥ 0, increasing for a ≤ 0; lemma C3): the
//    enclosure is spanned by two corner evaluations.
//    The series sums O(1) terms, so its ABSOLUTE error is ~2^{−prec}·(number of terms);
//    when T is tiny (h large) the relative width is large — raise the precision.
//
// Contract: idouble/impfr: an enclosure of T(h, a) for every point of the argument boxes (the
// width may be large relative to a tiny T: raise the precision); double/mpfr: approximations.
#pragma once
#include "gancert/arith/scalar.hpp"

namespace gancert::special {

/// Owen's T in double (Boost.Math, no long-double promotion). Not a bound.
double owens_t(double h, double a);

/// Owen's T in mpfr at the working precision (series, lemma C1). Not a bound.
/// Precondition: finite h, a.
arith::mpfr owens_t(const arith::mpfr& h, const arith::mpfr& a);

/// Enclosure of {T(h', a') : h' ∈ h, a' ∈ a}. Preconditions: finite endpoints (an
/// unbounded endpoint gives the trivially valid [−1/4, 1/4] ∩ sign information).
/// Never returns a non-enclosure; the width grows with h²/2 · log2(e) bits of cancellation
/// only in relative terms (the absolute width stays ~2^{−prec}).
arith::idouble owens_t(const arith::idouble& h, const arith::idouble& a);
arith::impfr owens_t(const arith::impfr& h, const arith::impfr& a);

/// The upper Owen function U(h, a) = T(h, ∞) − T(h, a) = Q(|h|)/2 − T(h, a)
///   = (1/2π) ∫_a^∞ e^{−h²(1+x²)/2}/(1+x²) dx  (> 0),
/// computed without the O(1) cancellation of Q/2 − T: for a > 1 (lemma C2)
///   U(h, a) = T(a|h|, 1/a) − Q(a|h|)·erf(|h|/√2)/2,
/// otherwise Q(|h|)/2 − T(h, a) (no cancellation: T(h, a) ≤ T(h, 1) ≤ Q(|h|)/4 for a ≤ 1).
/// U decreases in a and in |h| (lemma C3). Same accuracy contract as owens_t per type.
double owens_t_upper(double h, double a);
arith::mpfr owens_t_upper(const arith::mpfr& h, const arith::mpfr& a);
arith::idouble owens_t_upper(const arith::idouble& h, const arith::idouble& a);
arith::impfr owens_t_upper(const arith::impfr& h, const arith::impfr& a);

namespace detail {
/// Planted fault (tests only, through arith::detail::planted_scope<OwensTFaults>): when
/// bug ≠ 0, every interval series evaluation of T(h, a) (0 ≤ a ≤ 1) is shifted by
/// bug·2^{−20}·a·e^{−h²/2} — a deliberately wrong T of relative size ~1e−6.
struct OwensTFaults {
    int bug = 0;
};
}  // namespace detail

}  // namespace gancert::special
