// Evidence for no-saddle / no-stationary: exclusion by a gradient sign (bounds or §K1 forms),
// Krawczyk emptiness / uniqueness (§K2) with certified inertia (§K3), the stationary-line witness (§S7).
#include "evidence_units.hpp"

#include "evidence_support.hpp"
#include "krawczyk_inertia.hpp"
#include "linear_algebra.hpp"
#include "gancert/certify/stationary_set.hpp"

namespace gancert::certify::detail {

/// Cheap gradient bounds (sign facts, lemmas K4, K9), no full evaluation needed. `retry`
/// (optional) is set when some bound may have failed for underflow — an entry not finite (K4
/// gives none) or one whose magnitude is below 2^{−900} — so that MPFR's exponent range could
/// decide it (a cost decision only).
template <class S>
std::optional<BoxDecision> excluded_by_bounds(const BoxFunction& f, const Box& B, unsigned bits, bool* retry = nullptr) {
    auto gb = f.gradient_bounds(outer_intervals<S>(B.lo, B.hi));
    for (std::size_t i = 0; i < gb.size(); ++i)
        if (finite(gb[i]) && !arith::contains_zero(gb[i]))
            return final_leaf(bits, ExcludedEvidence{i, gb[i].lower() > 0 ? 1 : -1, true, enc(gb[i])});
    if (retry) {
        *retry = false;
        for (const S& g : gb)
            if (!finite(g) || std::max(std::fabs(lo_double(g)), std::fabs(hi_double(g))) < 0x1p-900) *retry = true;
    }
    return std::nullopt;
}

template <class S>
BoxDecision analyse_stationary(const BoxFunction& f, const Box& B, const Claim& c, unsigned bits) {
    if (auto w = stationary_line_witness(f, B);
        w && (c.kind == ClaimKind::no_stationary || w->get<StationaryLineEvidence>()->type == "saddle"))
        return {BoxDecision::final_leaf, *w, {}};  // B meets L_c (lemma S7)
    std::optional<unsigned> hint;
    if (auto l = lemma_leaf(f, B, &hint)) return {BoxDecision::final_leaf, *l, {}};
    if (hint && *hint == out_of_reach)  // near a = 0 with |b| large: no lemma, evaluation hopeless
        return final_leaf(53, UnknownEvidence{"meets a = 0 where lemma S8 is out of reach"});
    if (!B.bounded()) return {BoxDecision::bisect, {}, "unbounded box: no lemma applies"};
    // near a = 0 the gradient's a-factor degenerates and evaluation is costly: S8 decides after
    // a few bisections along the hinted dimension
    if (hint) return {BoxDecision::bisect, {}, "lemma S8 not yet met on this leaf", {*hint}};
    bool retry = false;
    if (auto d = excluded_by_bounds<S>(f, B, bits, &retry)) return *d;
    if constexpr (std::is_same_v<S, idouble>) {
        // where a bound may have underflowed in double, try it in MPFR, whose exponent range
        // does not underflow (proofs/lemmas.md §K4, §K9), before a full evaluation in double
        if (retry) {
            arith::precision_guard guard(128);
            if (auto d = excluded_by_bounds<impfr>(f, B, 128)) return *d;
        }
    }
    Eval<S> e = evaluate_box<S>(f, B);
    std::size_t n = B.dims();
    // excluded: the component with the largest relative margin
    int best = -1;
    double best_margin = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (arith::contains_zero(e.g[i]) || !finite(e.g[i])) continue;
        double m = std::min(std::fabs(lo_double(e.g[i])), std::fabs(hi_double(e.g[i])));
        double margin = m / (width_double(e.g[i]) + 1e-300);
        if (best < 0 || margin > best_margin) { best = static_cast<int>(i); best_margin = margin; }
    }
    if (best >= 0)
        return final_leaf(bits, ExcludedEvidence{static_cast<std::size_t>(best), e.g[best].lower() > 0 ? 1 : -1, false,
                                                 enc(e.g[best])});
    bool untyped_unique = false;
    if (auto Y = approximate_inverse(mid_hessian(e.box), n)) {
        std::vector<S> K = krawczyk(e, *Y);
        auto inner = inner_intervals<S>(B.lo, B.hi);
        bool inside = inner.has_value();
        bool empty = false;
        for (std::size_t i = 0; i < n; ++i) {
            if (!finite(K[i])) { inside = false; continue; }
            if (inside && !arith::strictly_inside(K[i], (*inner)[i])) inside = false;
            if (K[i].upper() < e.X[i].lower() || e.X[i].upper() < K[i].lower()) empty = true;
        }
        std::vector<std::optional<RecordedInterval>> Kr;
        for (const auto& k : K) Kr.push_back(finite(k) ? std::optional(enc(k)) : std::nullopt);
        if (empty) return final_leaf(bits, EmptyEvidence{*Y, Kr});
        if (inside) {
            auto Q = approximate_eigenvectors(mid_hessian(e.box), n);
            auto in = inertia(e.box, Q);
            if (in || c.kind == ClaimKind::no_stationary)
                return final_leaf(bits, UniqueEvidence{*Y, Q, Kr, in ? type_of(in->first, in->second) : "undetermined", in});
            untyped_unique = true;
        }
    }
    if (gradient_unresolved(e)) return {BoxDecision::escalate, {}, "gradient at the midpoint not resolved"};
    return {BoxDecision::bisect, {}, untyped_unique ? "unique stationary point, Hessian inertia undetermined"
                                                    : "no evidence at this width", hint ? std::vector<unsigned>{*hint} : std::vector<unsigned>{}};
}


template <class S>
void recheck_stationary(const BoxFunction& f, const Box& B, const Claim& c, const LeafEvidence& leaf, Pass pass) {
    const std::string ev = evidence_name(leaf);
    std::size_t n = B.dims();
    if (c.kind != ClaimKind::no_saddle && c.kind != ClaimKind::no_stationary)
        throw std::runtime_error("evidence '" + ev + "' does not belong to this claim");
    if (leaf.get<StationaryLineEvidence>())  // lemma S7, re-derived exactly (stationary_set.cpp)
        return check_stationary_line_leaf(f, B, c.kind == ClaimKind::no_saddle, leaf);
    if (auto* x = leaf.get<ExcludedEvidence>()) {
        if (x->index >= n) throw std::runtime_error("malformed index/sign");
        std::vector<S> g;
        if (x->bounds_form) {
            g = f.gradient_bounds(outer_intervals<S>(B.lo, B.hi));
            if (g.size() != n) throw std::runtime_error("the model has no gradient bounds");
        } else {
            g = evaluate_box<S>(f, B).g;
        }
        const S& gi = g[x->index];
        check_enc(x->grad, gi, "grad", pass);
        Recorded r = rec(x->grad);
        bool rec_ok = x->sign > 0 ? r.lo.sign() > 0 : r.hi.sign() < 0;
        bool new_ok = x->sign > 0 ? gi.lower() > 0 : gi.upper() < 0;
        if (!rec_ok || !new_ok) throw std::runtime_error("gradient component does not exclude 0");
        return;
    }
    auto* u = leaf.get<UniqueEvidence>();
    auto* em = leaf.get<EmptyEvidence>();
    if (!u && !em) throw std::logic_error("recheck_stationary: evidence '" + ev + "' not handled here");
    Eval<S> e = evaluate_box<S>(f, B);
    const auto& Y = u ? u->Y : em->Y;
    const auto& Kr = u ? u->K : em->K;
    require_size(Y, n * n, "Y");
    require_size(Kr, n, "K");
    std::vector<S> K = krawczyk(e, Y);
    if (em) {
        bool empty_new = false, empty_rec = false;
        for (std::size_t i = 0; i < n; ++i) {
            if (!finite(K[i]) || !Kr[i]) continue;
            check_enc(*Kr[i], K[i], "K", pass);
            Recorded r = rec(*Kr[i]);
            if (K[i].upper() < e.X[i].lower() || e.X[i].upper() < K[i].lower()) empty_new = true;
            if (r.hi < B.lo[i] || B.hi[i] < r.lo) empty_rec = true;
        }
        if (!empty_new || !empty_rec) throw std::runtime_error("K(B) ∩ B is not shown empty");
        return;
    }
    auto inner = inner_intervals<S>(B.lo, B.hi);
    if (!inner) throw std::runtime_error("box too thin for an interior test");
    for (std::size_t i = 0; i < n; ++i) {
        if (!finite(K[i]) || !Kr[i]) throw std::runtime_error("K not finite");
        check_enc(*Kr[i], K[i], "K", pass);
        Recorded r = rec(*Kr[i]);
        if (!arith::strictly_inside(K[i], (*inner)[i]) || !(B.lo[i] < r.lo && r.hi < B.hi[i]))
            throw std::runtime_error("K(B) is not strictly inside B");
    }
    // The type: Sylvester's law makes any certified inertia *the* inertia, so the verifier
    // tries the recorded Q and, if that does not decide, its own eigenvector basis. A
    // recorded type must equal the decided one; "undetermined" is accepted only when
    // neither basis decides (and such a leaf is not decisive for no-saddle).
    require_size(u->Q, n * n, "Q");
    auto in = inertia(e.box, u->Q);
    auto own = inertia(e.box, approximate_eigenvectors(mid_hessian(e.box), n));
    if (in && own && *in != *own)
        throw arith::soundness_error("two certified inertias of one Hessian enclosure differ");
    if (!in) in = own;
    std::string new_type = in ? type_of(in->first, in->second) : "undetermined";
    if (u->type != new_type)
        throw std::runtime_error("stationary point type recorded '" + u->type + "', recomputed '" + new_type + "'");
    auto text = [](const std::optional<std::pair<int, int>>& p) {
        return p ? "[" + std::to_string(p->first) + "," + std::to_string(p->second) + "]" : std::string("null");
    };
    if (u->inertia != in)
        throw std::runtime_error("recorded inertia " + text(u->inertia) + " differs from the recomputed one");
}

template BoxDecision analyse_stationary<idouble>(const BoxFunction&, const Box&, const Claim&, unsigned);
template void recheck_stationary<idouble>(const BoxFunction&, const Box&, const Claim&, const LeafEvidence&, Pass);
template BoxDecision analyse_stationary<impfr>(const BoxFunction&, const Box&, const Claim&, unsigned);
template void recheck_stationary<impfr>(const BoxFunction&, const Box&, const Claim&, const LeafEvidence&, Pass);

}  // namespace gancert::certify::detail
