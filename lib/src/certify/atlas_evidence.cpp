// Evidence of the atlas claim (atlas.hpp; proofs/lemmas.md §K8): one box gets the first region class it admits —
// plateau (§K1 forms), a unique stationary point of certified type (§K2, §K3), monotone (the
// partials whose enclosure excludes 0: §K1 forms or the model's sign bounds), nonstationary
// (Krawczyk emptiness, §K2), stationary-line (lemma S7). The plateau, Krawczyk and
// stationary-line evidence is that of the plateau / no-saddle claims and re-checked by their
// units; only the monotone evidence is new here.
#include "evidence_units.hpp"

#include "evidence_support.hpp"
#include "gancert/certify/atlas.hpp"
#include "gancert/certify/stationary_set.hpp"

namespace gancert::certify::detail {
namespace {

Claim with_kind(const Claim& c, ClaimKind k) {
    Claim r = c;
    r.kind = k;
    return r;
}

/// The monotone leaf from the box gradient enclosure `box_g` (may be null) and the model's
/// gradient bounds: for every i, the first of the two forms whose enclosure excludes 0.
template <class S>
std::optional<BoxDecision> monotone_leaf(const BoxFunction& f, const Box& B, const std::vector<S>* box_g, unsigned bits) {
    std::size_t n = B.dims();
    std::vector<S> gb = f.gradient_bounds(outer_intervals<S>(B.lo, B.hi));
    MonotoneEvidence m;
    bool any = false;
    for (std::size_t i = 0; i < n; ++i) {
        const S* g = nullptr;
        const char* how = nullptr;
        if (box_g && finite((*box_g)[i]) && !arith::contains_zero((*box_g)[i])) g = &(*box_g)[i], how = "box";
        else if (gb.size() == n && finite(gb[i]) && !arith::contains_zero(gb[i])) g = &gb[i], how = "bounds";
        m.signs.push_back(g ? (g->lower() > 0 ? 1 : -1) : 0);
        m.grad.push_back(g ? std::optional(enc(*g)) : std::nullopt);
        m.form.push_back(how ? std::optional<std::string>(how) : std::nullopt);
        any = any || g;
    }
    if (!any) return std::nullopt;
    return final_leaf(bits, std::move(m));
}

/// A no-saddle `excluded` leaf (one partial of fixed sign) as a monotone leaf.
BoxDecision excluded_as_monotone(const BoxDecision& d, std::size_t n) {
    const ExcludedEvidence& x = *d.evidence->get<ExcludedEvidence>();
    MonotoneEvidence m;
    for (std::size_t k = 0; k < n; ++k) {
        m.signs.push_back(k == x.index ? x.sign : 0);
        m.grad.push_back(k == x.index ? std::optional(x.grad) : std::nullopt);
        m.form.push_back(k == x.index ? std::optional<std::string>(x.bounds_form ? "bounds" : "box") : std::nullopt);
    }
    return final_leaf(d.evidence->bits, std::move(m));
}

/// The enclosures do not rule out plateau points in the box (resolution heuristic only: such
/// boxes are bisected down to atlas_point_depth before a weaker class is taken).
template <class S>
bool may_meet_plateau(const Eval<S>& e, const Claim& c) {
    double eps = c.eps->approx(), lo = (*c.level - *c.delta).approx(), hi = (*c.level + *c.delta).approx();
    bool meets = lo_double(e.J) <= hi && lo <= hi_double(e.J);
    for (const auto& g : e.g) meets = meets && lo_double(g) <= eps && -eps <= hi_double(g);
    return meets;
}

template <class S>
void recheck_monotone(const BoxFunction& f, const Box& B, const MonotoneEvidence& m, Pass pass) {
    std::size_t n = B.dims();
    if (m.signs.size() != n || m.grad.size() != n || m.form.size() != n)
        throw std::runtime_error("malformed monotone leaf (signs, grad, form need one entry per variable)");
    std::optional<std::vector<S>> box_g, bounds;
    bool any = false;
    for (std::size_t i = 0; i < n; ++i) {
        int sign = m.signs[i];
        if (sign == 0) continue;
        if (sign != 1 && sign != -1) throw std::runtime_error("monotone sign must be -1, 0 or 1");
        if (!m.form[i] || !m.grad[i]) throw std::runtime_error("monotone: partial " + std::to_string(i) + " without form/grad");
        const std::string& how = *m.form[i];
        const std::vector<S>* g = nullptr;
        if (how == "box") {
            if (!box_g) box_g = evaluate_box<S>(f, B).g;
            g = &*box_g;
        } else if (how == "bounds") {
            if (!bounds) bounds = f.gradient_bounds(outer_intervals<S>(B.lo, B.hi));
            if (bounds->size() != n) throw std::runtime_error("the model has no gradient bounds");
            g = &*bounds;
        } else {
            throw std::runtime_error("monotone form must be 'box' or 'bounds'");
        }
        check_enc(*m.grad[i], (*g)[i], "grad", pass);
        Recorded r = rec(*m.grad[i]);
        bool rec_ok = sign > 0 ? r.lo.sign() > 0 : r.hi.sign() < 0;
        bool new_ok = sign > 0 ? (*g)[i].lower() > 0 : (*g)[i].upper() < 0;
        if (!rec_ok || !new_ok)
            throw std::runtime_error("monotone: partial " + std::to_string(i) + " does not have the recorded sign " +
                                     std::to_string(sign));
        any = true;
    }
    if (!any) throw std::runtime_error("monotone leaf without a partial of fixed sign");
}

}  // namespace

template <class S>
BoxDecision analyse_atlas(const BoxFunction& f, const Box& B, const Claim& c, unsigned bits) {
    std::optional<Eval<S>> e;
    try {
        e = evaluate_box<S>(f, B);
    } catch (const arith::soundness_error&) {
        throw;
    } catch (const std::exception&) {
        if (auto m = monotone_leaf<S>(f, B, nullptr, bits)) return *m;  // the sign bounds alone
        throw;                                                           // escalate (evidence.cpp)
    }
    if (auto p = plateau_leaf(*e, c, bits)) return *p;
    const bool deep = B.path.size() >= atlas_point_depth(B.dims());
    if (!deep && may_meet_plateau(*e, c))
        return {BoxDecision::bisect, {}, "may contain plateau points, to be resolved further"};
    if (auto m = monotone_leaf<S>(f, B, &e->g, bits)) return *m;
    if (auto w = stationary_line_witness(f, B)) {
        if (deep) return {BoxDecision::final_leaf, *w, {}};
        return {BoxDecision::bisect, {}, "meets the stationary line L_c (lemma S7)"};
    }
    BoxDecision s = analyse_stationary<S>(f, B, with_kind(c, ClaimKind::no_saddle), bits);
    if (s.kind == BoxDecision::final_leaf && s.evidence->get<ExcludedEvidence>())
        return excluded_as_monotone(s, B.dims());
    if (s.kind == BoxDecision::final_leaf && s.evidence->get<UniqueEvidence>() && !deep)
        return {BoxDecision::bisect, {}, "unique stationary point, to be located further"};
    return s;  // unique (typed), empty, or undecided: bisect / escalate with the reason
}

template <class S>
void recheck_atlas(const BoxFunction& f, const Box& B, const Claim& c, const LeafEvidence& leaf, Pass pass) {
    const std::string ev = evidence_name(leaf);
    if (auto* m = leaf.get<MonotoneEvidence>()) return recheck_monotone<S>(f, B, *m, pass);
    if (ev == ev_plateau) return recheck_plateau<S>(f, B, c, leaf, pass);
    if ((ev == ev_unique || ev == ev_stationary_line) && B.path.size() < atlas_point_depth(B.dims()))
        throw std::runtime_error(ev + " region above the atlas depth " + std::to_string(atlas_point_depth(B.dims())));
    if (ev == ev_unique || ev == ev_empty)
        return recheck_stationary<S>(f, B, with_kind(c, ClaimKind::no_saddle), leaf, pass);
    if (ev == ev_stationary_line) return check_stationary_line_leaf(f, B, false, leaf);
    throw std::runtime_error("evidence '" + ev + "' does not belong to the atlas claim");
}

template BoxDecision analyse_atlas<idouble>(const BoxFunction&, const Box&, const Claim&, unsigned);
template void recheck_atlas<idouble>(const BoxFunction&, const Box&, const Claim&, const LeafEvidence&, Pass);
template BoxDecision analyse_atlas<impfr>(const BoxFunction&, const Box&, const Claim&, unsigned);
template void recheck_atlas<impfr>(const BoxFunction&, const Box&, const Claim&, const LeafEvidence&, Pass);

}  // namespace gancert::certify::detail
