// gancert/model/detail/tracked_double.hpp — double with a first-order running error estimate.
//
// `tracked` carries a double value v and an estimate e of |v − exact| (Higham-style running
// error analysis, first order): each operation adds the propagated input errors and its own
// rounding (u|v|, u = 2^−53; libm/Boost transcendental calls are charged a few ulps). It is
// an ESTIMATE, not a bound — the double closed form uses it only to decide whether its
// result is trustworthy to the 1e−14 relative / 1e−16 absolute target (returning nullopt
// otherwise), and that decision is validated by measurement (tests/test_closed_form_double.cpp).
//
// Contract: an error ESTIMATE, not a bound (see above); used only to accept or decline.
#pragma once
#include <cmath>

#include "gancert/arith/scalar.hpp"

namespace gancert::model::detail {

struct tracked {
    double v = 0;
    double e = 0;
    static constexpr double u = 0x1p-53;

    tracked() = default;
    tracked(double x) : v(x), e(0) {}  // NOLINT: exact constants (S(2), S(1)/S(4), …)
    tracked(double x, double err) : v(x), e(err) {}

    friend tracked operator+(const tracked& a, const tracked& b) {
        double s = a.v + b.v;
        return {s, a.e + b.e + u * std::fabs(s)};
    }
    friend tracked operator-(const tracked& a, const tracked& b) {
        double s = a.v - b.v;
        return {s, a.e + b.e + u * std::fabs(s)};
    }
    friend tracked operator-(const tracked& a) { return {-a.v, a.e}; }
    friend tracked operator*(const tracked& a, const tracked& b) {
        double p = a.v * b.v;
        return {p, std::fabs(a.v) * b.e + std::fabs(b.v) * a.e + a.e * b.e + u * std::fabs(p)};
    }
    friend tracked operator/(const tracked& a, const tracked& b) {
        double q = a.v / b.v;
        return {q, (a.e + std::fabs(q) * b.e) / (std::fabs(b.v) - b.e) + u * std::fabs(q)};
    }
    tracked& operator+=(const tracked& o) { return *this = *this + o; }
    tracked& operator-=(const tracked& o) { return *this = *this - o; }
    tracked& operator*=(const tracked& o) { return *this = *this * o; }
};

inline constexpr double libm_ulps = 2;  // charge per libm/Boost call (relative)

inline tracked exp(const tracked& x) {
    double r = std::exp(x.v);
    return {r, r * (std::expm1(x.e)) + libm_ulps * tracked::u * r};
}
inline tracked erf(const tracked& x) {
    double r = std::erf(x.v);
    double d = 1.1283791670955126 * std::exp(-x.v * x.v);
    return {r, d * x.e + libm_ulps * tracked::u * std::fabs(r)};
}
inline tracked erfc(const tracked& x) {
    double r = std::erfc(x.v);
    double d = 1.1283791670955126 * std::exp(-x.v * x.v);
    // relative error of erfc(x ± e) ≤ 2|x|e + … for x > 0: use the derivative bound
    return {r, d * x.e * (1 + 2 * x.e * (std::fabs(x.v) + 1)) + libm_ulps * tracked::u * r};
}
inline tracked erfcx(const tracked& x) {
    double r = arith::erfcx(x.v);
    double d = std::fabs(2 * x.v * r - 1.1283791670955126);
    return {r, d * x.e + libm_ulps * tracked::u * r};
}
inline tracked sqrt(const tracked& x) {
    double r = std::sqrt(x.v);
    return {r, x.e / (2 * r) + tracked::u * r};
}
inline tracked square(const tracked& x) { return x * x; }
inline tracked atan(const tracked& x) {
    double r = std::atan(x.v);
    return {r, x.e / (1 + x.v * x.v) + libm_ulps * tracked::u * std::fabs(r)};
}
inline tracked abs(const tracked& x) { return {std::fabs(x.v), x.e}; }

}  // namespace gancert::model::detail

namespace gancert::arith {
template <>
inline model::detail::tracked pi<model::detail::tracked>() {
    return {3.141592653589793238462643383279502884, 0x1p-52};
}
template <>
inline model::detail::tracked integer<model::detail::tracked>(long v) {
    return {static_cast<double>(v), 0};
}
template <>
struct endpoint<model::detail::tracked> { using type = double; };
}  // namespace gancert::arith
