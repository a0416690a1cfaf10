// gancert/arith/interval.hpp — interval<double> and interval<mpfr>.
//
// Boost.Interval with gancert's directed rounding policy (arith/rounding.hpp) and a checking
// policy that never lets a NaN or an empty interval exist silently: creating one throws
// std::domain_error. Comparisons between overlapping intervals throw (Boost's default
// "certain" semantics); use the helpers below (certainly_positive, …) to decide explicitly.
// Only Boost.Interval's arithmetic headers are included — never its transcendental ones,
// which are not enclosures over libm.
//
// Contract: an interval always satisfies lo ≤ hi with no NaN (std::domain_error otherwise);
// certainly_positive & co. answer false when undecided, never a guess.
#pragma once
#include <boost/numeric/interval/arith.hpp>
#include <boost/numeric/interval/arith2.hpp>
#include <boost/numeric/interval/checking.hpp>
#include <boost/numeric/interval/interval.hpp>
#include <boost/numeric/interval/policies.hpp>
#include <boost/numeric/interval/utility.hpp>
#include <limits>
#include <stdexcept>
#include <type_traits>

#include "gancert/arith/rounding.hpp"

namespace gancert::arith {

/// Boost.Interval checking policy: ±∞ endpoints are allowed (they are sound bounds); NaN
/// endpoints and empty intervals are errors.
template <class T>
struct checking {
    static T pos_inf() { return std::numeric_limits<T>::infinity(); }
    static T neg_inf() { return -std::numeric_limits<T>::infinity(); }
    static T nan() { throw std::domain_error("gancert: NaN produced in interval arithmetic"); }
    static bool is_nan(const T& x) {
        if constexpr (std::is_same_v<T, mpfr>)
            return mpfr_nan_p(raw(x)) != 0;
        else
            return x != x;
    }
    static T empty_lower() { throw std::domain_error("gancert: empty or NaN interval"); }
    static T empty_upper() { throw std::domain_error("gancert: empty or NaN interval"); }
    static bool is_empty(const T& l, const T& u) { return !(l <= u); }
};

template <class T>
using interval = boost::numeric::interval<
    T, boost::numeric::interval_lib::policies<rounding<T>, checking<T>>>;

using idouble = interval<double>;
using impfr = interval<mpfr>;

template <class S>
struct is_interval : std::false_type {};
template <class T>
struct is_interval<interval<T>> : std::true_type {};
template <class S>
inline constexpr bool is_interval_v = is_interval<S>::value;

/// Interval from two bounds; throws std::domain_error if lo > hi or either is NaN.
template <class T>
interval<T> make_interval(const T& lo, const T& hi) {
    if (checking<T>::is_nan(lo) || checking<T>::is_nan(hi) || !(lo <= hi))
        throw std::domain_error("gancert: invalid interval bounds (lo > hi or NaN)");
    return interval<T>(lo, hi, true);
}

/// Hull of two intervals.
template <class T>
interval<T> join(const interval<T>& x, const interval<T>& y) {
    return boost::numeric::hull(x, y);
}

template <class T>
bool certainly_positive(const interval<T>& x) { return x.lower() > 0; }
template <class T>
bool certainly_negative(const interval<T>& x) { return x.upper() < 0; }
template <class T>
bool contains_zero(const interval<T>& x) { return x.lower() <= 0 && x.upper() >= 0; }
template <class T>
bool contains(const interval<T>& x, const T& v) { return x.lower() <= v && v <= x.upper(); }
template <class T>
bool subset_of(const interval<T>& inner, const interval<T>& outer) {
    return outer.lower() <= inner.lower() && inner.upper() <= outer.upper();
}
template <class T>
bool strictly_inside(const interval<T>& inner, const interval<T>& outer) {
    return outer.lower() < inner.lower() && inner.upper() < outer.upper();
}
/// Upper bound of the width hi − lo.
template <class T>
T width_up(const interval<T>& x) { return rounding<T>().sub_up(x.upper(), x.lower()); }
/// Upper bound of max(|lo|, |hi|).
template <class T>
T mag(const interval<T>& x) {
    T a = x.lower() < 0 ? T(-x.lower()) : x.lower();
    T b = x.upper() < 0 ? T(-x.upper()) : x.upper();
    return a < b ? b : a;
}
/// Lower bound of min |x| over the interval (0 if it contains 0).
template <class T>
T mig(const interval<T>& x) {
    if (contains_zero(x)) return T(0);
    return x.lower() > 0 ? x.lower() : T(-x.upper());
}
/// Midpoint (round to nearest; a point inside the interval for finite bounds).
template <class T>
T midpoint(const interval<T>& x) { return rounding<T>().median(x.lower(), x.upper()); }

}  // namespace gancert::arith
