// gancert/family/law_mixture.hpp — two-component normal mixture w N(μ1, s1²) + (1−w) N(μ2, s2²).
// Parameters w ∈ (0, 1), mu1, s1 > 0, mu2, s2 > 0. Data law. Everything is the weighted sum of
// the two Gaussian components (law_gaussian.hpp): the core is the hull of both cores, and the
// region outside it lies outside each component's own centred range (lemma F.7(d)).
//
// Contract: as every law (law_common.hpp), by the two components' bounds (lemma F.7(d)).
// Preconditions 0 < w < 1, s1, s2 > 0 (spec domain).
#pragma once
#include <algorithm>

#include "gancert/family/law_gaussian.hpp"

namespace gancert::family {

template <class S>
struct Mixture {
    S w;
    Gaussian<S> first, second;

    template <class X>
    X density(const X& u) const {
        return X(w) * first.density(u) + X(S(1) - w) * second.density(u);
    }
    Core core(double L) const {
        const Core a = first.core(L), b = second.core(L);
        return {std::min(a.lo, b.lo), std::max(a.hi, b.hi)};
    }
    S tail_moment(int k, const Core& r) const {
        return w * first.tail_moment(k, r) + (S(1) - w) * second.tail_moment(k, r);
    }
    template <class J>
    J cdf(const J& x) const {
        return first.cdf(x) * w + second.cdf(x) * (S(1) - w);
    }
};

}  // namespace gancert::family
