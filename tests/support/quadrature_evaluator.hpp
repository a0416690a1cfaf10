// tests/support/quadrature_evaluator.hpp — an independent, NON-rigorous evaluator of the
// R/S/E/E cost for tests: Boost.Math quadrature of the integrals of docs/mathematics.md §2.
//
// J = Pj(a/c, b) + q(ag, ah + b) with Pj(p, β) = E D(pU + β)², q(p, β) = E (1 − D(pU + β))²,
// U ~ Exp(1). Each of Pj, q and their first/second partials in (p, β) is one integral
// ∫_0^∞ e^{−u} u^k f_j(pu + β) du (f_0 = D² or (1−D)², f_1 = f_0', f_2 = f_0''), computed by
// tanh-sinh on [0, u0] and exp-sinh on [u0, ∞) (u0 = the erf transition −β/p when positive).
// The 2-jets are then composed into the 4-jet in (a, b, g, h) with ad::compose.
// Nothing here shares code with the library's closed form: it is a cross-check only.
#pragma once
#include <array>
#include <boost/math/quadrature/exp_sinh.hpp>
#include <boost/math/quadrature/tanh_sinh.hpp>
#include <cmath>
#include <limits>

#include "gancert/ad/jet.hpp"
#include "gancert/arith/scalar.hpp"
#include "gancert/model/params.hpp"

namespace gancert::testsupport {

/// Pj (sigma = +1) or q (sigma = −1) and its partials in (p, β) as a 2-jet, by quadrature.
template <class Real>
ad::Jet<Real, 2> saturation_jet(const Real& p, const Real& beta, int sigma) {
    using std::sqrt;
    using namespace arith;
    const Real inv_sqrt_pi = Real(1) / sqrt(pi<Real>());
    // f0, f1, f2 at t; D(t) = erfc(−t)/2, 1 − D(t) = erfc(t)/2, φ = e^{−t²}/√π.
    auto f = [&](const Real& t, int order) -> Real {
        Real phi = exp(-(t * t)) * inv_sqrt_pi;
        if (sigma > 0) {
            Real D = erfc(-t) / Real(2);
            if (order == 0) return D * D;
            if (order == 1) return Real(2) * D * phi;
            return Real(2) * phi * phi - Real(4) * t * D * phi;
        }
        Real E = erfc(t) / Real(2);
        if (order == 0) return E * E;
        if (order == 1) return Real(-2) * E * phi;
        return Real(2) * phi * phi + Real(4) * t * E * phi;
    };
    Real u0 = Real(0);
    if (p != Real(0) && -beta / p > Real(0)) u0 = -beta / p;
    // Boost's termination criterion (relative change between levels); the double-exponential
    // rules are then accurate to about the working epsilon.
    const Real tol = sqrt(Real(std::numeric_limits<Real>::epsilon()));
    auto integrate = [&](int order, int power) -> Real {
        auto integrand = [&](const Real& u) -> Real {
            Real w = exp(-u);
            for (int i = 0; i < power; ++i) w = w * u;
            return w * f(p * u + beta, order);
        };
        Real total = Real(0);
        if (u0 > Real(0)) {
            boost::math::quadrature::tanh_sinh<Real> ts;
            total = total + ts.integrate(integrand, Real(0), u0, tol);
        }
        boost::math::quadrature::exp_sinh<Real> es;
        auto shifted = [&](const Real& v) -> Real { return integrand(v + u0); };
        total = total + es.integrate(shifted, tol);
        return total;
    };
    ad::Jet<Real, 2> r;
    r.v = integrate(0, 0);
    r.g[0] = integrate(1, 1);        // ∂p: t_p = u
    r.g[1] = integrate(1, 0);        // ∂β
    r.hess(0, 0) = integrate(2, 2);  // ∂pp
    r.hess(0, 1) = integrate(2, 1);  // ∂pβ
    r.hess(1, 1) = integrate(2, 0);  // ∂ββ
    return r;
}

/// Independent (quadrature) evaluation of J1, J2 and the 4-jet of J at a point; Real = double
/// or arith::mpfr (then at the current working precision). Not an enclosure.
template <class Real>
model::Evaluation<Real> quadrature_evaluate(const model::Params<Real>& P) {
    using J4 = ad::Jet<Real, 4>;
    J4 a = J4::variable(P.a, 0), b = J4::variable(P.b, 1), g = J4::variable(P.g, 2),
       h = J4::variable(P.h, 3);
    J4 p1 = a * (Real(1) / P.c);
    J4 p2 = a * g;
    J4 beta2 = a * h + b;
    auto F1 = saturation_jet<Real>(p1.v, b.v, +1);
    auto F2 = saturation_jet<Real>(p2.v, beta2.v, -1);
    model::Evaluation<Real> e;
    e.J1 = F1.v;
    e.J2 = F2.v;
    e.J = ad::compose(F1, p1, b) + ad::compose(F2, p2, beta2);
    return e;
}

}  // namespace gancert::testsupport
