// gancert/quad/complex_box.hpp — rectangular complex intervals ("complex boxes").
//
// cbox<I> = re + i·im with re, im of a real interval type I (idouble or impfr). Every
// operation returns a box that contains { f(z) : z in the argument box(es) }; this is all the
// Bernstein-ellipse remainder of the quadrature layer needs (an upper bound M ≥ |f| on a
// rectangle containing the ellipse, see validated_integral.hpp and proofs/lemmas.md §Q).
//
// cbox models the scalar concept of arith/scalar.hpp far enough for the model's integrands
// and their jets: + − × ÷, unary minus, square, exp, erf, erfc, and the constants pi,
// integer, sqrt_pi, inv_sqrt_pi (explicit specialisations below). ad::Jet<cbox<I>, N> works.
//
// Enclosures used (lemmas Q.3, Q.4 of proofs/lemmas.md):
//  * exp(x+iy) = e^x (cos y + i sin y); cos and sin of a real interval y are enclosed by
//    Taylor polynomials with Lagrange remainder at the endpoints where sin/cos are monotone
//    (|y| ≤ 3/2), and by [−1, 1] otherwise.
//  * erf(x+iy) ∈ erf(x) + R·([−1,1] + i[−1,1]) with R = (2/√π)·sup|y|·e^{sup y² − inf x²}
//    (lemma Q.3), x ranging over Re z, so erf(z) ⊂ erf([Re z]) + R·box; erfc = 1 − erf.
//  * log(w) (principal branch) for boxes with Re w > 0 only (lemma F.6): Log w = ln|w| + i Arg w,
//    ln|w| ∈ [ln(mig Re w), ln(|w|_max)] since |w| ≥ Re w, and |Arg w| < π/2; a box that may
//    reach Re w ≤ 0 throws std::domain_error (Log is analytic on the right half-plane only).
// None of these is tight; they are meant for modulus bounds, not for accurate values.
//
// Contract: every operation returns a box containing the exact image of its argument boxes;
// NaN from the real interval layer throws std::domain_error (callers treat it as "no bound").
#pragma once
#include <stdexcept>

#include "gancert/arith/scalar.hpp"

namespace gancert::quad {

using arith::abs;
using arith::erf;
using arith::erfc;
using arith::exp;
using arith::log;
using arith::sqrt;
using arith::square;

/// A rectangle {x + iy : x ∈ re, y ∈ im} in the complex plane.
template <class I>
struct cbox {
    I re, im;

    cbox() : re(0), im(0) {}
    cbox(const I& r) : re(r), im(0) {}  // NOLINT: implicit by design (real → complex)
    cbox(const I& r, const I& i) : re(r), im(i) {}
    explicit cbox(int v) : re(v), im(0) {}

    friend cbox operator+(const cbox& a, const cbox& b) { return {a.re + b.re, a.im + b.im}; }
    friend cbox operator-(const cbox& a, const cbox& b) { return {a.re - b.re, a.im - b.im}; }
    friend cbox operator-(const cbox& a) { return {-a.re, -a.im}; }
    friend cbox operator*(const cbox& a, const cbox& b) {
        return {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};
    }
    friend cbox operator*(const cbox& a, const I& c) { return {a.re * c, a.im * c}; }
    friend cbox operator*(const I& c, const cbox& a) { return {a.re * c, a.im * c}; }
    friend cbox operator+(const cbox& a, const I& c) { return {a.re + c, a.im}; }
    friend cbox operator+(const I& c, const cbox& a) { return {a.re + c, a.im}; }
    friend cbox operator-(const cbox& a, const I& c) { return {a.re - c, a.im}; }
    friend cbox operator-(const I& c, const cbox& a) { return {c - a.re, -a.im}; }
    /// z / w = z·conj(w)/|w|². Throws std::domain_error if the box w may contain 0.
    friend cbox operator/(const cbox& a, const cbox& b) {
        I n = square(b.re) + square(b.im);
        if (!arith::certainly_positive(n))
            throw std::domain_error("gancert: complex box division by a box containing 0");
        return {(a.re * b.re + a.im * b.im) / n, (a.im * b.re - a.re * b.im) / n};
    }
    friend cbox operator/(const cbox& a, const I& c) { return {a.re / c, a.im / c}; }
    cbox& operator+=(const cbox& o) { return *this = *this + o; }
    cbox& operator-=(const cbox& o) { return *this = *this - o; }
    cbox& operator*=(const cbox& o) { return *this = *this * o; }

    /// (x+iy)² = x² − y² + 2ixy (x², y² as interval squares: no dependency loss there).
    friend cbox square(const cbox& z) {
        return {square(z.re) - square(z.im), I(2) * z.re * z.im};
    }
    friend cbox exp(const cbox& z) {
        I e = exp(z.re);
        return {e * cos_enclosure(z.im), e * sin_enclosure(z.im)};
    }
    /// Lemma Q.3: erf(x+iy) − erf(x) = (2i/√π)∫_0^y e^{−(x+is)²} ds, |e^{−(x+is)²}| = e^{s²−x²}.
    friend cbox erf(const cbox& z) {
        I R = erf_shift_radius(z);
        I unit(-1, 1);
        return {I(1) - erfc_real(z.re) + R * unit, R * unit};
    }
    /// Principal log on the right half-plane (lemma F.6); throws std::domain_error otherwise.
    friend cbox log(const cbox& w) {
        if (!arith::certainly_positive(w.re))
            throw std::domain_error("gancert: complex box log of a box not inside Re w > 0");
        I lo = log(I(w.re.lower()));
        I hi = log(sqrt(square(I(arith::mag(w.re))) + square(I(arith::mag(w.im)))));
        I half_pi = arith::pi<I>() / I(2);
        return {I(lo.lower(), hi.upper()), I(-half_pi.upper(), half_pi.upper())};
    }
    friend cbox erfc(const cbox& z) {
        I R = erf_shift_radius(z);
        I unit(-1, 1);
        return {erfc_real(z.re) + R * unit, R * unit};
    }

    /// Enclosure of erfc over a real interval (decreasing function). Endpoints with |x| ≥ 6
    /// use the bounds e^{−x²}/(x√π)·(1 − 1/(2x²)) ≤ erfc x ≤ e^{−x²}/(x√π) for x > 0 (the first
    /// two terms of the enveloping asymptotic series, lemma Q.4) and erfc(−x) = 2 − erfc(x):
    /// cheap and 1/(2x²)-accurate, which is all a modulus bound needs (MPFR's erfc is very slow
    /// at large arguments).
    static I erfc_real(const I& X) {
        return I(erfc_point(X.upper()).lower(), erfc_point(X.lower()).upper());
    }
    static I erfc_point(const arith::endpoint_t<I>& x) {
        using T = arith::endpoint_t<I>;
        if (x >= T(6) || x <= T(-6)) {
            I ax = x < 0 ? I(T(-x)) : I(x);
            I x2 = square(ax);
            I lead = exp(-x2) / (ax * arith::sqrt_pi<I>());
            I e(((I(1) - I(1) / (I(2) * x2)) * lead).lower(), lead.upper());
            return x < 0 ? I(2) - e : e;
        }
        return erfc(I(x));
    }

    /// R = (2/√π)·sup|y|·e^{sup y² − inf x²} over the box (upper bound, as a point-ish interval).
    static I erf_shift_radius(const cbox& z) {
        using T = arith::endpoint_t<I>;
        T ymax = arith::mag(z.im);
        if (ymax == 0) return I(0);
        I y2 = square(I(ymax));
        I x2min = square(I(arith::mig(z.re)));
        I r = I(2) * arith::inv_sqrt_pi<I>() * I(ymax) * exp(y2 - x2min);
        return I(r.upper());
    }
    /// Enclosure of {cos y : y ∈ Y}.
    static I cos_enclosure(const I& y) {
        using T = arith::endpoint_t<I>;
        T hi = arith::mag(y);
        if (!(hi <= T(1.5))) return I(-1, 1);
        T lo = arith::mig(y);
        // cos is decreasing in |y| on [0, π]: range = [cos(max|y|), cos(min|y|)].
        I a = cos_point(I(hi)), b = cos_point(I(lo));
        return I(a.lower(), b.upper());
    }
    /// Enclosure of {sin y : y ∈ Y}.
    static I sin_enclosure(const I& y) {
        using T = arith::endpoint_t<I>;
        if (!(arith::mag(y) <= T(1.5))) return I(-1, 1);
        // sin is increasing on [−π/2, π/2].
        I a = sin_point(I(y.lower())), b = sin_point(I(y.upper()));
        return I(a.lower(), b.upper());
    }
    // Taylor with Lagrange remainder (lemma Q.4):
    // cos y = 1 − y²/2 + y⁴/24 − y⁶/720 + θ y⁸/40320, sin y = y − y³/6 + y⁵/120 − y⁷/5040 + θ y⁹/362880,
    // |θ| ≤ 1, then intersected with [−1, 1].
    static I cos_point(const I& y) {
        I y2 = square(y);
        I r = I(1) - y2 / I(2) + square(y2) / I(24) - y2 * square(y2) / I(720) +
              square(square(y2)) / I(40320) * I(-1, 1);
        return clamp_unit(r);
    }
    static I sin_point(const I& y) {
        I y2 = square(y);
        I y4 = square(y2);
        I r = y - y * y2 / I(6) + y * y4 / I(120) - y * y2 * y4 / I(5040) +
              abs(y) * square(y4) / I(362880) * I(-1, 1);
        return clamp_unit(r);
    }
    static I clamp_unit(const I& r) {
        using T = arith::endpoint_t<I>;
        T lo = r.lower() < T(-1) ? T(-1) : r.lower();
        T hi = r.upper() > T(1) ? T(1) : r.upper();
        return I(lo, hi);
    }
};

/// Upper bound of |z| over the box: sqrt(mag(re)² + mag(im)²), rounded up.
template <class I>
arith::endpoint_t<I> modulus_bound(const cbox<I>& z) {
    I m = sqrt(square(I(arith::mag(z.re))) + square(I(arith::mag(z.im))));
    return m.upper();
}

}  // namespace gancert::quad

// Constants in cbox: the real enclosures, imaginary part 0.
namespace gancert::arith {
template <>
inline quad::cbox<idouble> pi<quad::cbox<idouble>>() { return pi<idouble>(); }
template <>
inline quad::cbox<impfr> pi<quad::cbox<impfr>>() { return pi<impfr>(); }
template <>
inline quad::cbox<idouble> integer<quad::cbox<idouble>>(long v) { return integer<idouble>(v); }
template <>
inline quad::cbox<impfr> integer<quad::cbox<impfr>>(long v) { return integer<impfr>(v); }
template <>
inline quad::cbox<idouble> sqrt_pi<quad::cbox<idouble>>() { return sqrt_pi<idouble>(); }
template <>
inline quad::cbox<impfr> sqrt_pi<quad::cbox<impfr>>() { return sqrt_pi<impfr>(); }
template <>
inline quad::cbox<idouble> inv_sqrt_pi<quad::cbox<idouble>>() { return inv_sqrt_pi<idouble>(); }
template <>
inline quad::cbox<impfr> inv_sqrt_pi<quad::cbox<impfr>>() { return inv_sqrt_pi<impfr>(); }
}  // namespace gancert::arith
