// gancert/arith/functions.hpp — the elementary functions of gancert's scalar concept.
//
// One overload set in namespace gancert::arith for double, mpfr, interval<double> and
// interval<mpfr>; jets and complex boxes add their own overloads in their namespaces and
// pull these in with using-declarations, so templated model code calls `exp(x)` unqualified.
//
//  * double: libm (std::exp, std::erf, …) and a scaled erfcx — fast, not rigorous.
//  * mpfr: MPFR, round to nearest, at the thread's working precision — not rigorous.
//  * interval<T>: enclosures. Each function below is monotone, so the image of [l, u] is
//    spanned by f(l) and f(u), each rounded outward by rounding<T> (lemma A1.4). exp, expm1,
//    erf, atan are increasing; erfc, erfcx decreasing; log increasing on (0, ∞).
//    sqrt, square, pow(x, int) and abs come from Boost.Interval (arith2.hpp), which uses
//    rounding<T>'s directed operations.
//
// Contract: interval overloads return enclosures of {f(t) : t ∈ x} or throw std::domain_error
// (log/sqrt of intervals reaching below 0, NaN); they never return a wrong enclosure. Point
// overloads are approximations.
#pragma once
#include <cmath>
#include <stdexcept>

#include "gancert/arith/interval.hpp"

namespace gancert::arith {

// ---- double --------------------------------------------------------------------------------
using std::abs;
using std::atan;
using std::erf;
using std::erfc;
using std::exp;
using std::expm1;
using std::log;
using std::sqrt;
inline double square(double x) { return x * x; }
/// Scaled complementary error function e^{x²} erfc(x) in double (about 1e−16 relative).
double erfcx(double x);

// ---- mpfr (round to nearest at the working precision) -----------------------------------
namespace detail {
inline mpfr nearest(int (*f)(mpfr_ptr, mpfr_srcptr, mpfr_rnd_t), const mpfr& x) {
    mpfr r = fresh_mpfr();
    f(raw(r), raw(x), MPFR_RNDN);
    return r;
}
}  // namespace detail
inline mpfr exp(const mpfr& x) { return detail::nearest(mpfr_exp, x); }
inline mpfr expm1(const mpfr& x) { return detail::nearest(mpfr_expm1, x); }
inline mpfr log(const mpfr& x) { return detail::nearest(mpfr_log, x); }
inline mpfr sqrt(const mpfr& x) { return detail::nearest(mpfr_sqrt, x); }
inline mpfr erf(const mpfr& x) { return detail::nearest(mpfr_erf, x); }
inline mpfr erfc(const mpfr& x) { return detail::nearest(mpfr_erfc, x); }
inline mpfr atan(const mpfr& x) { return detail::nearest(mpfr_atan, x); }
inline mpfr abs(const mpfr& x) { return detail::nearest(mpfr_abs, x); }
inline mpfr square(const mpfr& x) { return detail::nearest(mpfr_sqr, x); }
inline mpfr erfcx(const mpfr& x) {
    mpfr r = fresh_mpfr();
    erfcx_directed(raw(r), raw(x), MPFR_RNDN);
    return r;
}

// ---- intervals ---------------------------------------------------------------------------
namespace detail {
template <class T, class Down, class Up>
interval<T> increasing(const interval<T>& x, Down down, Up up) {
    rounding<T> r;
    return interval<T>((r.*down)(x.lower()), (r.*up)(x.upper()));
}
template <class T, class Down, class Up>
interval<T> decreasing(const interval<T>& x, Down down, Up up) {
    rounding<T> r;
    return interval<T>((r.*down)(x.upper()), (r.*up)(x.lower()));
}
}  // namespace detail

template <class T>
interval<T> exp(const interval<T>& x) {
    return detail::increasing(x, &rounding<T>::exp_down, &rounding<T>::exp_up);
}
template <class T>
interval<T> expm1(const interval<T>& x) {
    return detail::increasing(x, &rounding<T>::expm1_down, &rounding<T>::expm1_up);
}
template <class T>
interval<T> erf(const interval<T>& x) {
    return detail::increasing(x, &rounding<T>::erf_down, &rounding<T>::erf_up);
}
template <class T>
interval<T> atan(const interval<T>& x) {
    return detail::increasing(x, &rounding<T>::atan_down, &rounding<T>::atan_up);
}
template <class T>
interval<T> erfc(const interval<T>& x) {
    return detail::decreasing(x, &rounding<T>::erfc_down, &rounding<T>::erfc_up);
}
template <class T>
interval<T> erfcx(const interval<T>& x) {
    return detail::decreasing(x, &rounding<T>::erfcx_down, &rounding<T>::erfcx_up);
}
/// log over (0, ∞); throws std::domain_error if the interval reaches below 0. A lower
/// endpoint 0 gives −∞.
template <class T>
interval<T> log(const interval<T>& x) {
    if (x.lower() < 0) throw std::domain_error("gancert: log of an interval with negative part");
    return detail::increasing(x, &rounding<T>::log_down, &rounding<T>::log_up);
}

using boost::numeric::abs;
using boost::numeric::pow;
using boost::numeric::sqrt;
using boost::numeric::square;

}  // namespace gancert::arith
