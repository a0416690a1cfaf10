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
    json g = json::array();
    for (const auto& x : e.g) g.push_back(enc(x));
    BoxDecision d{BoxDecision::final_leaf, {}, {}};
    d.evidence = {{"evidence", ev_plateau}, {"bits", bits}, {"grad", g}, {"J", enc(e.J)}};
    return d;
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
        if (dec_below(eps, e.mid.g[i]) || dec_above(-eps, e.mid.g[i])) {
            BoxDecision d{BoxDecision::final_leaf, {}, {}};
            d.evidence = {{"evidence", ev_violates}, {"bits", bits}, {"index", i},
                          {"point", decimals(B.midpoint())}, {"value", enc(e.mid.g[i])}};
            return d;
        }
    }
    if (dec_below(hi, e.mid.J) || dec_above(lo, e.mid.J)) {
        BoxDecision d{BoxDecision::final_leaf, {}, {}};
        d.evidence = {{"evidence", ev_violates}, {"bits", bits}, {"index", -1},
                      {"point", decimals(B.midpoint())}, {"value", enc(e.mid.J)}};
        return d;
    }
    double epsd = eps.approx(), deltad = c.delta->approx();
    bool limited = !finite(e.mid.J) || width_double(e.mid.J) > deltad / 8;
    for (const auto& x : e.mid.g) limited = limited || !finite(x) || width_double(x) > epsd / 8;
    if (limited) return {BoxDecision::escalate, {}, "midpoint enclosures too wide for eps/delta"};
    return {BoxDecision::bisect, {}, "plateau bounds not yet shown at this width"};
}


template <class S>
void recheck_plateau(const BoxFunction& f, const Box& B, const Claim& c, const json& leaf, Pass pass) {
    const std::string ev = leaf.at("evidence").get<std::string>();
    std::size_t n = B.dims();
    if (ev == ev_plateau) {
        if (c.kind != ClaimKind::plateau && c.kind != ClaimKind::atlas)
            throw std::runtime_error("evidence 'plateau' does not belong to this claim");
        Eval<S> e = evaluate_box<S>(f, B);
        const json& g = leaf.at("grad");
        if (!g.is_array() || g.size() != n) throw std::runtime_error("malformed grad");
        Decimal lo = *c.level - *c.delta, hi = *c.level + *c.delta;
        for (std::size_t i = 0; i < n; ++i) {
            check_enc(g[i], e.g[i], "grad", pass);
            Recorded r = rec(g[i]);
            if (!(-*c.eps <= r.lo && r.hi <= *c.eps) || !dec_below_eq(-*c.eps, e.g[i]) ||
                !dec_above_eq(*c.eps, e.g[i]))
                throw std::runtime_error("gradient bound exceeds eps");
        }
        check_enc(leaf.at("J"), e.J, "J", pass);
        Recorded r = rec(leaf.at("J"));
        if (!(lo <= r.lo && r.hi <= hi) || !dec_below_eq(lo, e.J) || !dec_above_eq(hi, e.J))
            throw std::runtime_error("J not within level ± delta");
        return;
    }
    if (ev == ev_violates) {
        if (c.kind != ClaimKind::plateau) throw std::runtime_error("evidence 'violates' does not belong to this claim");
        auto m = B.midpoint();
        auto pt = strings(leaf.at("point"), n, "point");
        for (std::size_t i = 0; i < n; ++i)
            if (!(Decimal::parse(pt[i]) == m[i])) throw std::runtime_error("point is not the box midpoint");
        Enclosure<S> em = f.enclose(point_intervals<S>(m));
        int idx = leaf.at("index").get<int>();
        if (idx < -1 || idx >= static_cast<int>(n)) throw std::runtime_error("malformed index");
        S v = idx < 0 ? em.J : em.g[static_cast<std::size_t>(idx)];
        check_enc(leaf.at("value"), v, "value", pass);
        Recorded r = rec(leaf.at("value"));
        bool ok;
        if (idx >= 0) {
            ok = (*c.eps < r.lo && dec_below(*c.eps, v)) || (r.hi < -*c.eps && dec_above(-*c.eps, v));
        } else {
            Decimal lo = *c.level - *c.delta, hi = *c.level + *c.delta;
            ok = (hi < r.lo && dec_below(hi, v)) || (r.hi < lo && dec_above(lo, v));
        }
        if (!ok) throw std::runtime_error("the recorded violation does not hold");
        return;
    }
    throw std::logic_error("recheck_plateau: evidence '" + ev + "' not handled here");
}

template std::optional<BoxDecision> plateau_leaf<idouble>(const Eval<idouble>&, const Claim&, unsigned);
template std::optional<BoxDecision> plateau_leaf<impfr>(const Eval<impfr>&, const Claim&, unsigned);
template BoxDecision analyse_plateau<idouble>(const BoxFunction&, const Box&, const Claim&, unsigned);
template void recheck_plateau<idouble>(const BoxFunction&, const Box&, const Claim&, const json&, Pass);
template BoxDecision analyse_plateau<impfr>(const BoxFunction&, const Box&, const Claim&, unsigned);
template void recheck_plateau<impfr>(const BoxFunction&, const Box&, const Claim&, const json&, Pass);

}  // namespace gancert::certify::detail
