// gancert/model/reduction.hpp — the one (a, b, g, h, c) → reduced-parameter reduction.
//
// With U ~ Exp(1) and the symmetry 1 − D(t) = D(−t) (docs/mathematics.md §2):
//     J1 = P(p1, β1),  p1 = a/c,  β1 = b;        J2 = P(p2, β2),  p2 = −ag,  β2 = −(ah + b),
//     P(p, β) = ∫_0^∞ e^{−u} D(pu + β)² du.
// This is the only sign convention of the library: the integral path integrates P at
// (p_k, β_k); the closed form evaluates its q(ag, ah + b) = P(−p2, −β2) and hands back the
// 2-jet of P at (p2, β2) through reflect(). The chain rule to J's 4-jet in (a, b, g, h) is
// assemble(). Templated on the scalar, so the double path (long double) and the interval
// paths share it.
//
// Contract: exact algebra on jets; over intervals every jet entry encloses the exact value
// for every point of the parameter box. No domain check (c ≠ 0 is the caller's, see
// model::validate).
#pragma once
#include "gancert/ad/jet.hpp"
#include "gancert/model/params.hpp"

namespace gancert::model {

/// The jets (in a, b, g, h) of the two reduced parameter pairs.
template <class S>
struct Reduction {
    ad::Jet<S, 4> p1, beta1, p2, beta2;
};

/// The reduction of prm, in scalar S (S constructible from the parameters' scalar P).
template <class S, class P>
Reduction<S> reduce(const Params<P>& prm) {
    using J4 = ad::Jet<S, 4>;
    const J4 a = J4::variable(S(prm.a), 0), b = J4::variable(S(prm.b), 1);
    const J4 g = J4::variable(S(prm.g), 2), h = J4::variable(S(prm.h), 3);
    return {a / S(prm.c), b, -(a * g), -(a * h + b)};
}

/// The 2-jet of F(p, β) = f(−p, −β) from the 2-jet of f at (−p, −β): first partials change
/// sign, second partials do not (exact for every scalar, intervals included).
template <class S>
ad::Jet<S, 2> reflect(const ad::Jet<S, 2>& f) {
    ad::Jet<S, 2> r = f;
    r.g[0] = -f.g[0];
    r.g[1] = -f.g[1];
    return r;
}

/// J1 = P1, J2 = P2 and J's 4-jet from the 2-jets P1 of P at (p1, β1) and P2 at (p2, β2).
template <class S>
Evaluation<S> assemble(const Reduction<S>& r, const ad::Jet<S, 2>& P1, const ad::Jet<S, 2>& P2) {
    Evaluation<S> out;
    out.J1 = P1.v;
    out.J2 = P2.v;
    out.J = ad::compose(P1, r.p1, r.beta1) + ad::compose(P2, r.p2, r.beta2);
    return out;
}

}  // namespace gancert::model
