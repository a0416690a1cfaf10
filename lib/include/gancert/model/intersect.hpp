// gancert/model/intersect.hpp — intersection of two enclosures of the same exact quantities.
//
// Used wherever two independent enclosures of the R/S/E/E quantities exist (closed form and
// integral path in model/evaluate.cpp and certify/rsee_function.cpp, a-priori ranges). Each
// input is a proven enclosure, so the intersection is one too. An empty intersection means
// that one of the inputs is not an enclosure: a bug, never a result — it throws
// arith::soundness_error and is never turned into a narrower (wrong) answer.
//
// Contract: returns the intersection of two enclosures (an enclosure); throws
// arith::soundness_error when they are disjoint — never a narrower wrong answer.
#pragma once
#include <cstddef>
#include <string>

#include "gancert/arith/errors.hpp"
#include "gancert/arith/interval.hpp"
#include "gancert/model/params.hpp"

namespace gancert::model {

/// x ∩ y for two enclosures of one exact value; throws arith::soundness_error (naming `what`)
/// if they are disjoint.
template <class T>
arith::interval<T> intersect_enclosures(const arith::interval<T>& x, const arith::interval<T>& y,
                                        const char* what) {
    const T& lo = x.lower() < y.lower() ? y.lower() : x.lower();
    const T& hi = x.upper() < y.upper() ? x.upper() : y.upper();
    if (hi < lo)
        throw arith::soundness_error(std::string("soundness failure: two enclosures of ") + what +
                                     " are disjoint");
    return arith::make_interval(lo, hi);
}

/// Entrywise intersection of two enclosures of J1, J2, J, ∇J and ∇²J (all 17 entries);
/// throws arith::soundness_error if any pair of entries is disjoint.
template <class T>
Evaluation<arith::interval<T>> intersect_evaluations(const Evaluation<arith::interval<T>>& x,
                                                     const Evaluation<arith::interval<T>>& y) {
    Evaluation<arith::interval<T>> r = x;
    r.J1 = intersect_enclosures(x.J1, y.J1, "J1");
    r.J2 = intersect_enclosures(x.J2, y.J2, "J2");
    r.J.v = intersect_enclosures(x.J.v, y.J.v, "J");
    static const char* const grad_names[4] = {"dJ/da", "dJ/db", "dJ/dg", "dJ/dh"};
    for (std::size_t i = 0; i < r.J.g.size(); ++i)
        r.J.g[i] = intersect_enclosures(x.J.g[i], y.J.g[i], grad_names[i]);
    for (std::size_t i = 0; i < r.J.h.size(); ++i)
        r.J.h[i] = intersect_enclosures(x.J.h[i], y.J.h[i], "a Hessian entry of J");
    return r;
}

/// Intersects the values with the a-priori ranges J1, J2 ∈ [0, 1] (means of squares of
/// numbers in [0, 1]) and J ∈ [0, 2]; throws arith::soundness_error if an enclosure lies
/// entirely outside its range. Derivatives are left unchanged.
template <class T>
void intersect_a_priori(Evaluation<arith::interval<T>>& e) {
    using I = arith::interval<T>;
    const I unit = arith::make_interval(I(0).lower(), I(1).upper());
    const I two = arith::make_interval(I(0).lower(), I(2).upper());
    e.J1 = intersect_enclosures(e.J1, unit, "J1 (a-priori range [0, 1])");
    e.J2 = intersect_enclosures(e.J2, unit, "J2 (a-priori range [0, 1])");
    e.J.v = intersect_enclosures(e.J.v, two, "J (a-priori range [0, 2])");
}

}  // namespace gancert::model
