// gancert/quad/gauss_legendre.hpp — verified Gauss–Legendre nodes and weights.
//
// For n points on [−1, 1] the rule is Σ w_i f(x_i) with x_i the roots of the Legendre
// polynomial P_n and w_i = 2/((1 − x_i²) P_n'(x_i)²) = 2(1 − x_i²)/(n P_{n−1}(x_i))².
//
// Verification (lemma Q.1 of proofs/lemmas.md): approximate roots come from Newton's method in
// MPFR at (working bits + 64 + 2n) — not rigorous. Each is then widened to a tiny interval
// [x − δ, x + δ], δ = 2^{−(bits+24)}, and P_n is evaluated at both endpoints by the three-term recurrence
// (k+1)P_{k+1} = (2k+1)x P_k − k P_{k−1} in interval arithmetic; opposite certain signs prove
// a root inside (intermediate value theorem). n pairwise disjoint enclosures with a proven
// root each contain all n roots of P_n, so every enclosure holds exactly the i-th node.
// The weights are enclosed by the second formula above, evaluated in interval arithmetic over
// the node enclosure. Finally everything is rounded outward to the target type.
//
// Results are cached per (n, bits) in a process-wide table behind a mutex; the returned
// reference stays valid for the lifetime of the process.
//
// Contract: returns enclosures of the n nodes and weights, each node enclosure holding exactly
// one root of P_n; throws std::runtime_error if the verification fails (never an unverified
// rule).
#pragma once
#include <cstddef>
#include <vector>

#include "gancert/arith/scalar.hpp"

namespace gancert::quad {

/// n nodes (ascending) and weights of the n-point Gauss–Legendre rule on [−1, 1].
template <class S>
struct GaussLegendreRule {
    std::vector<S> nodes;
    std::vector<S> weights;
    std::size_t size() const { return nodes.size(); }
};

/// Verified rule as enclosures, S = idouble or impfr. For impfr the enclosures have the
/// thread's working precision (cache key: n and that precision); for idouble they are
/// computed at 96 bits and rounded outward to double. Preconditions: 1 ≤ n ≤ 2000.
/// Throws std::runtime_error if the verification fails (it never returns an unverified rule).
template <class S>
const GaussLegendreRule<S>& gauss_legendre(std::size_t n);

template <>
const GaussLegendreRule<arith::idouble>& gauss_legendre<arith::idouble>(std::size_t n);
template <>
const GaussLegendreRule<arith::impfr>& gauss_legendre<arith::impfr>(std::size_t n);
/// Non-rigorous rule in long double (nearest values of the verified enclosures' midpoints).
template <>
const GaussLegendreRule<long double>& gauss_legendre<long double>(std::size_t n);
/// Non-rigorous rule in double (nearest doubles of the verified enclosures' midpoints).
template <>
const GaussLegendreRule<double>& gauss_legendre<double>(std::size_t n);

}  // namespace gancert::quad
