// Darboux enclosures of ∂J/∂a and ∂J/∂b of R/S/E/E over a box (proofs/lemmas.md, lemma K9).
//
// With U ~ Exp(1), X = U/c, G = gU + h, t1 = (a/c)U + b, t2 = a(gU + h) + b,
// f1(t) = erfc(−t)e^{−t²} = 2√π·D(t)φ(t) and f2(t) = erfc(t)e^{−t²} = 2√π·(1 − D(t))φ(t):
//     ∂J/∂b = (E[f1(t1)] − E[f2(t2)]) / √π,
//     ∂J/∂a = (E[f1(t1)U]/c − E[f2(t2)(gU + h)]) / √π.
// Each expectation is split at fixed nodes 0 = u_0 < … < u_K = 1024; on a node the integral is
// enclosed by the first mean-value theorem (f∘t continuous, the weight m(u)e^{−u} of one sign):
// f(T_k)·∫_{I_k} m e^{−u} du with T_k the interval image of the node under the box, or by
// f(T_k)·m(I_k)·∫_{I_k} e^{−u} du where m = gu + h changes sign; the tail u > u_K is bounded by
// 0 ≤ f ≤ 2. A node whose envelope f ≤ 2^{−k} (k from the distance of T_k to 0: f1(t) ≤ 2e^{−t²}
// for t ≥ 0 and ≤ e^{−2t²} for t ≤ 0, f2 mirrored) makes it negligible next to the largest node
// is enclosed by [0, envelope] instead of evaluating erfc (a cost choice; the enclosure stays an
// enclosure). A node that matters is cut per box into 2^j parts (j ≤ darboux_max_level) until its
// own length in t is no more than the box's width in t (any partition is a partition: lemma K9's
// refinement). Nothing is assumed about the signs of a or b: the enclosures hold for any bounded
// box with c > 0. Both contain the exact partial at every point of the box; they are wide where
// the box is wide, and [0, tiny] − [0, tiny] where everything underflows in double (the caller
// then retries in MPFR, whose exponent range does not underflow).
#pragma once
#include <algorithm>
#include <cmath>
#include <type_traits>
#include <vector>

#include "gancert/arith/constants.hpp"
#include "gancert/arith/functions.hpp"
#include "gancert/arith/interval.hpp"
#include "gancert/arith/precision.hpp"
#include "gancert/model/params.hpp"

namespace gancert::certify::detail {

/// The nodes u_k (exact doubles): 0, then 2^{−6}·(6/5)^k rounded, up to 1024 (exactly).
const std::vector<double>& darboux_nodes();

/// A rigorous upper bound 2^{−k} ≥ e^{−y} for y ≥ 0 in double arithmetic only (no special
/// function): k = ⌊y·log2(e)·(1 − 2^{−40})⌋ − 1 ≤ y·log2 e, so 2^{−k} ≥ 2^{−y log2 e} = e^{−y}.
double exp_neg_upper(double y);

/// ∫ e^{−u} and ∫ u e^{−u} over each node, and over the tail u > u_K (enclosures in S at the
/// thread's working precision; computed once per thread and precision).
template <class S>
struct NodeWeights {
    std::vector<S> w0, w1;
    S tail0, tail1;
    static NodeWeights compute() {
        using T = arith::endpoint_t<S>;
        auto nonneg = [](const S& w) {  // an enclosure of a quantity known to be ≥ 0
            return arith::make_interval(w.lower() > T(0) ? w.lower() : T(0), w.upper() > T(0) ? w.upper() : T(0));
        };
        const std::vector<double>& u = darboux_nodes();
        NodeWeights r;
        S e_prev(1), ue_prev(1);  // e^{−u_k}, (1 + u_k)e^{−u_k} at u_0 = 0
        for (std::size_t k = 0; k + 1 < u.size(); ++k) {
            const S u1(u[k + 1]);
            const S e1 = arith::exp(-u1), ue1 = (S(1) + u1) * e1;
            r.w0.push_back(nonneg(e_prev - e1));
            r.w1.push_back(nonneg(ue_prev - ue1));
            e_prev = e1;
            ue_prev = ue1;
        }
        r.tail0 = e_prev;
        r.tail1 = ue_prev;
        return r;
    }
};
template <class S>
const NodeWeights<S>& node_weights() {
    thread_local unsigned bits = 0;
    thread_local NodeWeights<S> w;
    unsigned now = 53;
    if constexpr (!std::is_same_v<arith::endpoint_t<S>, double>) now = arith::working_bits();
    if (bits != now) {
        w = NodeWeights<S>::compute();
        bits = now;
    }
    return w;
}

/// The weights of node k cut into 2^j equal parts (exact double sub-nodes s_0 = u_k < … <
/// s_{2^j} = u_{k+1}, each rounded to nearest: any increasing sub-nodes are a partition, lemma
/// K9): w0[i] ∋ ∫_{s_i}^{s_{i+1}} e^{−u}, w1[i] ∋ ∫ u e^{−u}. Computed once per thread, precision,
/// node and level.
template <class S>
struct SubWeights {
    std::vector<double> s;
    std::vector<S> w0, w1;
};
inline constexpr unsigned darboux_max_level = 6;
template <class S>
const SubWeights<S>& sub_weights(std::size_t k, unsigned j) {
    using T = arith::endpoint_t<S>;
    thread_local unsigned bits = 0;
    thread_local std::vector<std::vector<SubWeights<S>>> cache;
    unsigned now = 53;
    if constexpr (!std::is_same_v<T, double>) now = arith::working_bits();
    const std::vector<double>& u = darboux_nodes();
    if (bits != now) {
        cache.assign(u.size() - 1, std::vector<SubWeights<S>>(darboux_max_level + 1));
        bits = now;
    }
    SubWeights<S>& r = cache[k][j];
    if (!r.s.empty()) return r;
    const std::size_t n = std::size_t(1) << j;
    r.s.resize(n + 1);
    for (std::size_t i = 0; i <= n; ++i) r.s[i] = u[k] + (u[k + 1] - u[k]) * (double(i) / double(n));
    r.s[0] = u[k];
    r.s[n] = u[k + 1];
    auto nonneg = [](const S& w) {
        return arith::make_interval(w.lower() > T(0) ? w.lower() : T(0), w.upper() > T(0) ? w.upper() : T(0));
    };
    S e_prev = arith::exp(-S(r.s[0])), ue_prev = (S(1) + S(r.s[0])) * e_prev;
    for (std::size_t i = 0; i < n; ++i) {
        const S u1(r.s[i + 1]);
        const S e1 = arith::exp(-u1), ue1 = (S(1) + u1) * e1;
        r.w0.push_back(nonneg(e_prev - e1));
        r.w1.push_back(nonneg(ue_prev - ue1));
        e_prev = e1;
        ue_prev = ue1;
    }
    return r;
}

template <class S>
struct DarbouxGradient {
    S a, b;  // enclosures of ∂J/∂a, ∂J/∂b over the box
};

template <class S>
DarbouxGradient<S> darboux_gradient(const model::Params<S>& p) {
    using T = arith::endpoint_t<S>;
    const std::vector<double>& u = darboux_nodes();
    const std::size_t K = u.size() - 1;
    // envelopes: f1(t) ≤ 2e^{−t²} (t ≥ 0), ≤ e^{−2t²} (t ≤ 0); f2(t) = f1(−t)
    auto envelope = [](const S& t, bool mirrored) {
        double lo = arith::to_double(t.lower()), hi = arith::to_double(t.upper());
        if (mirrored) std::swap(lo = -lo, hi = -hi);
        if (lo <= 0 && hi >= 0) return 2.0;
        double d = lo > 0 ? lo : -hi;  // distance to 0 (rounded to nearest: shrink it a little)
        d *= 1 - 0x1p-40;
        return lo > 0 ? 2 * exp_neg_upper(d * d * (1 - 0x1p-40)) : exp_neg_upper(2 * d * d * (1 - 0x1p-40));
    };
    auto width = [](const S& t) { return arith::to_double(t.upper()) - arith::to_double(t.lower()); };
    const S ac = p.a / p.c;
    const NodeWeights<S>& W = node_weights<S>();
    std::vector<S> T1(K), T2(K), M(K);
    std::vector<double> env1(K), env2(K);
    double top1 = 0, top2 = 0;
    for (std::size_t k = 0; k < K; ++k) {
        const S U = arith::make_interval(S(u[k]).lower(), S(u[k + 1]).upper());
        T1[k] = ac * U + p.b;
        T2[k] = p.a * (p.g * U + p.h) + p.b;
        M[k] = p.g * U + p.h;
        const double wk = arith::to_double(W.w0[k].upper()) * (1 + u[k + 1]);
        env1[k] = envelope(T1[k], false) * wk;
        env2[k] = envelope(T2[k], true) * wk * (1 + std::fabs(arith::to_double(M[k].upper())) +
                                                std::fabs(arith::to_double(M[k].lower())));
        top1 = std::max(top1, env1[k]);
        top2 = std::max(top2, env2[k]);
    }
    const double negligible = 0x1p-45;
    // f on a (sub-)node: [0, envelope] where negligible next to the largest node, else erfc·exp
    auto f = [&](const S& t, bool mirrored, double env, double top) {
        if (env < negligible * top) {
            double e = envelope(t, mirrored);
            return arith::make_interval(T(0), (S(e) * S(1 + 0x1p-50)).upper());
        }
        return arith::erfc(mirrored ? t : -t) * arith::exp(-arith::square(t));
    };
    // Refinement (a cost choice, lemma K9 holds for any partition): a node that matters (envelope
    // ≥ 2^{−20} of the largest) is cut into 2^j parts until the t-width its own length causes is
    // no more than the width the box causes at one point of it (or 2^{−7}): in the tails, where
    // the partials are exponentially small differences, the node length would dominate.
    auto level = [&](const S& Tk, const S& Tpoint, double env, double top) -> unsigned {
        if (env < 0x1p-20 * top) return 0;
        const double own = width(Tk), box = std::max(width(Tpoint), 0x1p-7);
        unsigned j = 0;
        while (j < darboux_max_level && own > box * double(std::size_t(1) << j)) ++j;
        return j;
    };
    S sb1(0), sb2(0), sa1(0), sa2(0);
    for (std::size_t k = 0; k < K; ++k) {
        const S uk(u[k]);
        const unsigned j1 = level(T1[k], ac * uk + p.b, env1[k], top1);
        const unsigned j2 = level(T2[k], p.a * (p.g * uk + p.h) + p.b, env2[k], top2);
        if (j1 == 0) {
            const S F1 = f(T1[k], false, env1[k], top1);
            sb1 += F1 * W.w0[k];
            sa1 += F1 * W.w1[k];
        } else {
            const SubWeights<S>& sw = sub_weights<S>(k, j1);
            for (std::size_t i = 0; i + 1 < sw.s.size(); ++i) {
                const S Ui = arith::make_interval(S(sw.s[i]).lower(), S(sw.s[i + 1]).upper());
                const S F1 = f(ac * Ui + p.b, false, env1[k], top1);
                sb1 += F1 * sw.w0[i];
                sa1 += F1 * sw.w1[i];
            }
        }
        // m = gu + h of one sign on a piece: ∫ f2 m e^{−u} ∈ F2·(g·w1 + h·w0), else F2·M·w0
        auto add2 = [&](const S& F2, const S& Mi, const S& w0, const S& w1) {
            sb2 += F2 * w0;
            if (Mi.lower() >= 0 || Mi.upper() <= 0) sa2 += F2 * (p.g * w1 + p.h * w0);
            else sa2 += F2 * Mi * w0;
        };
        if (j2 == 0) {
            add2(f(T2[k], true, env2[k], top2), M[k], W.w0[k], W.w1[k]);
        } else {
            const SubWeights<S>& sw = sub_weights<S>(k, j2);
            for (std::size_t i = 0; i + 1 < sw.s.size(); ++i) {
                const S Ui = arith::make_interval(S(sw.s[i]).lower(), S(sw.s[i + 1]).upper());
                const S Mi = p.g * Ui + p.h;
                add2(f(p.a * Mi + p.b, true, env2[k], top2), Mi, sw.w0[i], sw.w1[i]);
            }
        }
    }
    // tails u > u_K: 0 ≤ f ≤ 2, ∫_{u_K}^∞ e^{−u} = e_prev, ∫ u e^{−u} = ue_prev, |gu + h| ≤ |g|u + |h|
    const S &e_prev = W.tail0, &ue_prev = W.tail1;
    const S two(2);
    const S tail0 = arith::make_interval(T(0), (two * e_prev).upper());
    const S tail1 = arith::make_interval(T(0), (two * ue_prev).upper());
    const T tm = (two * (arith::abs(p.g) * ue_prev + arith::abs(p.h) * e_prev)).upper();
    sb1 += tail0;
    sb2 += tail0;
    sa1 += tail1;
    sa2 += arith::make_interval(-tm, tm);
    const S s = arith::inv_sqrt_pi<S>();
    return {(sa1 / p.c - sa2) * s, (sb1 - sb2) * s};
}

}  // namespace gancert::certify::detail
