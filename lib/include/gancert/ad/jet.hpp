// gancert/ad/jet.hpp — second-order forward-mode jets.
//
// Jet<S, N> carries a value, its gradient and its Hessian with respect to N independent
// variables, over any scalar S of the arith layer (double, mpfr, interval<…>, complex boxes).
// Arithmetic and elementary functions follow the first- and second-order chain rules exactly;
// over an interval scalar every component is therefore an enclosure of the corresponding
// exact derivative (interval arithmetic applied to the exact derivative formulas).
// The Hessian is stored packed (upper triangle, row major): index(i, j), i <= j.
//
// Literals: write S(2), Jet(S(1)/S(2)) — integers and dyadic constants only; a decimal such
// as 0.1 must come from arith::parse so that intervals enclose the exact decimal.
//
// Contract: over an interval scalar every jet component encloses the exact derivative for
// every point of the argument boxes; exceptions of the scalar (std::domain_error) propagate.
// Preconditions: the chain-rule inputs have matching N; no other failure mode.
#pragma once
#include <array>
#include <cstddef>

#include "gancert/arith/scalar.hpp"

namespace gancert::ad {

using arith::abs;
using arith::atan;
using arith::erf;
using arith::erfc;
using arith::erfcx;
using arith::exp;
using arith::expm1;
using arith::log;
using arith::sqrt;
using arith::square;

template <class S, std::size_t N>
struct Jet {
    static constexpr std::size_t n = N;
    static constexpr std::size_t hsize = N * (N + 1) / 2;
    static constexpr std::size_t index(std::size_t i, std::size_t j) {
        if (i > j) return index(j, i);
        return i * N - i * (i - 1) / 2 + (j - i);
    }

    S v{};
    std::array<S, N> g{};
    std::array<S, hsize> h{};

    Jet() : v(S(0)) { g.fill(S(0)); h.fill(S(0)); }
    /// A constant (zero derivatives).
    Jet(const S& c) : v(c) { g.fill(S(0)); h.fill(S(0)); }  // NOLINT: implicit by design
    /// The independent variable number `k` with value x.
    static Jet variable(const S& x, std::size_t k) {
        Jet r(x);
        r.g[k] = S(1);
        return r;
    }
    const S& hess(std::size_t i, std::size_t j) const { return h[index(i, j)]; }
    S& hess(std::size_t i, std::size_t j) { return h[index(i, j)]; }

    Jet& operator+=(const Jet& o) {
        v = v + o.v;
        for (std::size_t i = 0; i < N; ++i) g[i] = g[i] + o.g[i];
        for (std::size_t i = 0; i < hsize; ++i) h[i] = h[i] + o.h[i];
        return *this;
    }
    Jet& operator-=(const Jet& o) {
        v = v - o.v;
        for (std::size_t i = 0; i < N; ++i) g[i] = g[i] - o.g[i];
        for (std::size_t i = 0; i < hsize; ++i) h[i] = h[i] - o.h[i];
        return *this;
    }
    Jet& operator*=(const S& c) {
        v = v * c;
        for (auto& x : g) x = x * c;
        for (auto& x : h) x = x * c;
        return *this;
    }

    friend Jet operator+(Jet a, const Jet& b) { return a += b; }
    friend Jet operator-(Jet a, const Jet& b) { return a -= b; }
    friend Jet operator-(const Jet& a) {
        Jet r;
        r.v = -a.v;
        for (std::size_t i = 0; i < N; ++i) r.g[i] = -a.g[i];
        for (std::size_t i = 0; i < hsize; ++i) r.h[i] = -a.h[i];
        return r;
    }
    friend Jet operator+(Jet a, const S& c) { a.v = a.v + c; return a; }
    friend Jet operator+(const S& c, Jet a) { a.v = c + a.v; return a; }
    friend Jet operator-(Jet a, const S& c) { a.v = a.v - c; return a; }
    friend Jet operator-(const S& c, const Jet& a) { Jet r = -a; r.v = c - a.v; return r; }
    friend Jet operator*(Jet a, const S& c) { return a *= c; }
    friend Jet operator*(const S& c, Jet a) { return a *= c; }
    friend Jet operator/(const Jet& a, const S& c) { return a * (S(1) / c); }
    friend Jet operator/(const S& c, const Jet& a) { return c * reciprocal(a); }
    friend Jet operator/(const Jet& a, const Jet& b) { return a * reciprocal(b); }

    // (ab)'' = a''b + 2a'b' + ab''
    friend Jet operator*(const Jet& a, const Jet& b) {
        Jet r;
        r.v = a.v * b.v;
        for (std::size_t i = 0; i < N; ++i) r.g[i] = a.v * b.g[i] + b.v * a.g[i];
        for (std::size_t i = 0; i < N; ++i)
            for (std::size_t j = i; j < N; ++j) {
                std::size_t k = index(i, j);
                r.h[k] = a.v * b.h[k] + b.v * a.h[k] + a.g[i] * b.g[j] + a.g[j] * b.g[i];
            }
        return r;
    }

    /// f∘u from f(u), f'(u), f''(u): g = f'·∇u, H = f'·∇²u + f''·∇u∇uᵀ.
    friend Jet chain(const Jet& u, const S& f0, const S& f1, const S& f2) {
        Jet r;
        r.v = f0;
        for (std::size_t i = 0; i < N; ++i) r.g[i] = f1 * u.g[i];
        for (std::size_t i = 0; i < N; ++i)
            for (std::size_t j = i; j < N; ++j) {
                std::size_t k = index(i, j);
                r.h[k] = f1 * u.h[k] + f2 * (u.g[i] * u.g[j]);
            }
        return r;
    }
    friend Jet reciprocal(const Jet& u) {
        S r = S(1) / u.v;
        S r2 = r * r;
        return chain(u, r, -r2, S(2) * r2 * r);
    }
    friend Jet square(const Jet& u) { return chain(u, square(u.v), S(2) * u.v, S(2)); }
    friend Jet exp(const Jet& u) {
        S e = exp(u.v);
        return chain(u, e, e, e);
    }
    friend Jet expm1(const Jet& u) {
        S e = exp(u.v);
        return chain(u, expm1(u.v), e, e);
    }
    friend Jet log(const Jet& u) {
        S r = S(1) / u.v;
        return chain(u, log(u.v), r, -(r * r));
    }
    friend Jet sqrt(const Jet& u) {
        S s = sqrt(u.v);
        S d = S(1) / (S(2) * s);
        return chain(u, s, d, -d / (S(2) * u.v));
    }
    // erf' = (2/√π) e^{−u²}, erf'' = −2u·erf'
    friend Jet erf(const Jet& u) {
        S d = S(2) * arith::inv_sqrt_pi<S>() * exp(-square(u.v));
        return chain(u, erf(u.v), d, S(-2) * u.v * d);
    }
    friend Jet erfc(const Jet& u) {
        S d = S(-2) * arith::inv_sqrt_pi<S>() * exp(-square(u.v));
        return chain(u, erfc(u.v), d, S(-2) * u.v * d);
    }
    // erfcx' = 2u·erfcx − 2/√π, erfcx'' = 2·erfcx + 2u·erfcx'
    friend Jet erfcx(const Jet& u) {
        S e = erfcx(u.v);
        S d = S(2) * u.v * e - S(2) * arith::inv_sqrt_pi<S>();
        return chain(u, e, d, S(2) * e + S(2) * u.v * d);
    }
    friend Jet atan(const Jet& u) {
        S q = S(1) / (S(1) + square(u.v));
        return chain(u, atan(u.v), q, S(-2) * u.v * q * q);
    }
};

/// Second-order chain rule for F(x(θ), y(θ)) given F's 2-jet at (x, y) and the N-jets of x
/// and y: ∇F = F_x∇x + F_y∇y, ∇²F = F_xx∇x∇xᵀ + F_xy(∇x∇yᵀ + ∇y∇xᵀ) + F_yy∇y∇yᵀ + F_x∇²x + F_y∇²y.
template <class S, std::size_t N>
Jet<S, N> compose(const Jet<S, 2>& f, const Jet<S, N>& x, const Jet<S, N>& y) {
    const S& fx = f.g[0];
    const S& fy = f.g[1];
    const S& fxx = f.hess(0, 0);
    const S& fxy = f.hess(0, 1);
    const S& fyy = f.hess(1, 1);
    Jet<S, N> r;
    r.v = f.v;
    for (std::size_t i = 0; i < N; ++i) r.g[i] = fx * x.g[i] + fy * y.g[i];
    for (std::size_t i = 0; i < N; ++i)
        for (std::size_t j = i; j < N; ++j) {
            std::size_t k = Jet<S, N>::index(i, j);
            r.h[k] = fxx * (x.g[i] * x.g[j]) + fxy * (x.g[i] * y.g[j] + y.g[i] * x.g[j]) +
                     fyy * (y.g[i] * y.g[j]) + fx * x.h[k] + fy * y.h[k];
        }
    return r;
}

}  // namespace gancert::ad
