// Evidence for the plateau claim: ‖∇J‖∞ ≤ eps and |J − level| ≤ delta on a box (§K1 forms), or a
// certified violation at the box midpoint.
#include "evidence_units.hpp"

#include "evidence_support.hpp"

namespace gancert::certify::detail {

template <class S>
std::optional<BoxDecision> plateau_leaf(const Eval<S>& e, const Claim& c, unsigned bits) {
    const Decimal& eps = *c.eps;
    Decimal lo = *c.level - *c.delta, hi = *c.level + *c.delta;
    bool ok = dec_below_eq(lo, e.J) && dec_above_eq(hi, e.J);
    for (std::size_t i = 0; i < e.g.size() && ok; ++i)
        ok = dec_below_eq(-eps, e.g[i]) && dec_above_eq(eps, e.g[i]);
    if (!ok) return std::nullopt;
    PlateauEvidence p;
    for (const auto& x : e.g) p.grad.push_back(enc(x));
    p.J = enc(e.J);
    return final_leaf(bits, std::move(p));
}

template <class S>
BoxDecision analyse_plateau(const BoxFunction& f, const Box& B, const Claim& c, unsigned bits) {
    if (auto l = plateau_lemma_leaf(f, B, c)) return {BoxDecision::final_leaf, *l, {}};  // lemma S9 / S11
    if (!B.bounded()) return {BoxDecision::bisect, {}, "unbounded box: neither lemma S9 nor S11 applies yet"};
    Eval<S> e = evaluate_box<S>(f, B);
    std::size_t n = B.dims();
    const Decimal& eps = *c.eps;
    Decimal lo = *c.level - *c.delta, hi = *c.level + *c.delta;
    if (auto d = plateau_leaf(e, c, bits)) return *d;
    for (std::size_t i = 0; i < n; ++i) {
        if (dec_below(eps, e.mid.g[i]) || dec_above(-eps, e.mid.g[i]))
            return final_leaf(bits, ViolatesEvidence{static_cast<int>(i), decimals(B.midpoint()), enc(e.mid.g[i])});
    }
    if (dec_below(hi, e.mid.J) || dec_above(lo, e.mid.J))
        return final_leaf(bits, ViolatesEvidence{-1, decimals(B.midpoint()), enc(e.mid.J)});
    double epsd = eps.approx(), deltad = c.delta->approx();
    bool limited = !finite(e.mid.J) || width_double(e.mid.J) > deltad / 8;
    for (const auto& x : e.mid.g) limited = limited || !finite(x) || width_double(x) > epsd / 8;
    if (limited) return {BoxDecision::escalate, {}, "midpoint enclosures too wide for eps/delta"};
    return {BoxDecision::bisect, {}, "plateau bounds not yet shown at this width"};
}


template <class S>
void recheck_plateau(const BoxFunction& f, const Box& B, const Claim& c, const LeafEvidence& leaf, Pass pass) {
    std::size_t n = B.dims();
    if ((c.kind != ClaimKind::plateau && c.kind != ClaimKind::atlas) || !c.eps || !c.level || !c.delta)
        throw std::runtime_error(std::string("evidence '") + evidence_name(leaf) + "' does not belong to this claim");
    Decimal lo = *c.level - *c.delta, hi = *c.level + *c.delta;
    if (auto* p = leaf.get<PlateauEvidence>()) {
        if (c.kind != ClaimKind::plateau && c.kind != ClaimKind::atlas)
            throw std::runtime_error("evidence 'plateau' does not belong to this claim");
        Eval<S> e = evaluate_box<S>(f, B);
        require_size(p->grad, n, "grad");
        for (std::size_t i = 0; i < n; ++i) {
            check_enc(p->grad[i], e.g[i], "grad", pass);
            Recorded r = rec(p->grad[i]);
            if (!(-*c.eps <= r.lo && r.hi <= *c.eps) || !dec_below_eq(-*c.eps, e.g[i]) ||
                !dec_above_eq(*c.eps, e.g[i]))
                throw std::runtime_error("gradient bound exceeds eps");
        }
        check_enc(p->J, e.J, "J", pass);
        Recorded r = rec(p->J);
        if (!(lo <= r.lo && r.hi <= hi) || !dec_below_eq(lo, e.J) || !dec_above_eq(hi, e.J))
            throw std::runtime_error("J not within level ± delta");
        return;
    }
    if (auto* v = leaf.get<ViolatesEvidence>()) {
        if (c.kind != ClaimKind::plateau) throw std::runtime_error("evidence 'violates' does not belong to this claim");
        auto m = B.midpoint();
        require_size(v->point, n, "point");
        for (std::size_t i = 0; i < n; ++i)
            if (!(Decimal::parse(v->point[i]) == m[i])) throw std::runtime_error("point is not the box midpoint");
        Enclosure<S> em = f.enclose(point_intervals<S>(m));
        if (v->index < -1 || v->index >= static_cast<int>(n)) throw std::runtime_error("malformed index");
        S x = v->index < 0 ? em.J : em.g[static_cast<std::size_t>(v->index)];
        check_enc(v->value, x, "value", pass);
        Recorded r = rec(v->value);
        bool ok;
        if (v->index >= 0) {
            ok = (*c.eps < r.lo && dec_below(*c.eps, x)) || (r.hi < -*c.eps && dec_above(-*c.eps, x));
        } else {
            ok = (hi < r.lo && dec_below(hi, x)) || (r.hi < lo && dec_above(lo, x));
        }
        if (!ok) throw std::runtime_error("the recorded violation does not hold");
        return;
    }
    throw std::logic_error(std::string("recheck_plateau: evidence '") + evidence_name(leaf) + "' not handled here");
}

template std::optional<BoxDecision> plateau_leaf<idouble>(const Eval<idouble>&, const Claim&, unsigned);
template std::optional<BoxDecision> plateau_leaf<impfr>(const Eval<impfr>&, const Claim&, unsigned);
template BoxDecision analyse_plateau<idouble>(const BoxFunction&, const Box&, const Claim&, unsigned);
template void recheck_plateau<idouble>(const BoxFunction&, const Box&, const Claim&, const LeafEvidence&, Pass);
template BoxDecision analyse_plateau<impfr>(const BoxFunction&, const Box&, const Claim&, unsigned);
template void recheck_plateau<impfr>(const BoxFunction&, const Box&, const Claim&, const LeafEvidence&, Pass);

}  // namespace gancert::certify::detail
