// Evidence for the extrema claim: enclosures of J over a box, reduced to faces where J is monotone (§K5).
#include "evidence_units.hpp"

#include "evidence_support.hpp"

namespace gancert::certify::detail {

/// Faces carrying max J / min J when J is monotone in some coordinates (signs s_i).
Box extremal_face(const Box& B, const std::vector<int>& s, bool for_max) {
    Box F = B;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == 0) continue;
        bool upper = (s[i] > 0) == for_max;
        F = F.face(static_cast<unsigned>(i), upper);
    }
    return F;
}

template <class S>
std::pair<Eval<S>, Eval<S>> extremal_evals(const BoxFunction& f, const Box& B, const std::vector<int>& s,
                                           const Eval<S>& whole) {
    bool any = false;
    for (int v : s) any = any || v != 0;
    if (!any) return {whole, whole};
    return {evaluate_box<S>(f, extremal_face(B, s, true)), evaluate_box<S>(f, extremal_face(B, s, false))};
}

template <class S>
BoxDecision analyse_extrema(const BoxFunction& f, const Box& B, const Claim& c, unsigned bits,
                            Incumbents* inc) {
    Eval<S> e = evaluate_box<S>(f, B);
    std::vector<int> s(B.dims(), 0);
    for (std::size_t i = 0; i < s.size(); ++i)
        if (finite(e.g[i]) && !arith::contains_zero(e.g[i])) s[i] = e.g[i].lower() > 0 ? 1 : -1;
    auto [emax, emin] = extremal_evals<S>(f, B, s, e);
    BoxDecision d;
    d.evidence = {{"evidence", ev_bounded}, {"bits", bits}, {"signs", s},
                  {"max", {{"J", enc(emax.J)}, {"point", enc(emax.mid.J)}}},
                  {"min", {{"J", enc(emin.J)}, {"point", enc(emin.mid.J)}}}};
    double tol = c.delta->approx();
    // Pruning uses only the fixed incumbents and this box's own points, so the decision for a
    // box does not depend on which other boxes were analysed before it (determinism).
    double max_lo = std::max(inc ? inc->max_lo.load() : -1e308, lo_double(emax.mid.J));
    double min_hi = std::min(inc ? inc->min_hi.load() : 1e308, hi_double(emin.mid.J));
    bool max_done = hi_double(emax.J) <= max_lo || width_double(emax.J) <= tol;
    bool min_done = lo_double(emin.J) >= min_hi || width_double(emin.J) <= tol;
    if (max_done && min_done && finite(emax.J) && finite(emin.J)) {
        d.kind = BoxDecision::final_leaf;
        return d;
    }
    if (!finite(e.mid.J) || width_double(e.mid.J) > tol / 8 || !finite(emax.J) || !finite(emin.J)) {
        d.kind = BoxDecision::escalate;
        d.reason = "J at the midpoint not resolved to the tolerance";
        if (!finite(emax.J) || !finite(emin.J)) d.evidence = json();
        return d;
    }
    d.kind = BoxDecision::bisect;
    d.reason = "extrema bounds not yet tight";
    return d;
}


template <class S>
void recheck_extrema(const BoxFunction& f, const Box& B, const Claim& c, const json& leaf, Pass pass) {
    const std::string ev = leaf.at("evidence").get<std::string>();
    std::size_t n = B.dims();
    if (ev == ev_bounded) {
        if (c.kind != ClaimKind::extrema) throw std::runtime_error("evidence 'bounded' does not belong to this claim");
        Eval<S> e = evaluate_box<S>(f, B);
        const json& sj = leaf.at("signs");
        if (!sj.is_array() || sj.size() != n) throw std::runtime_error("malformed signs");
        std::vector<int> s;
        for (std::size_t i = 0; i < n; ++i) {
            int v = sj[i].get<int>();
            if (v != 0 && !(v > 0 ? e.g[i].lower() > 0 : e.g[i].upper() < 0))
                throw std::runtime_error("monotonicity in coordinate " + std::to_string(i) + " not confirmed");
            s.push_back(v);
        }
        auto [emax, emin] = extremal_evals<S>(f, B, s, e);
        check_enc(leaf.at("max").at("J"), emax.J, "max.J", pass);
        check_enc(leaf.at("max").at("point"), emax.mid.J, "max.point", pass);
        check_enc(leaf.at("min").at("J"), emin.J, "min.J", pass);
        check_enc(leaf.at("min").at("point"), emin.mid.J, "min.point", pass);
        return;
    }
    throw std::logic_error("recheck_extrema: evidence '" + ev + "' not handled here");
}

template BoxDecision analyse_extrema<idouble>(const BoxFunction&, const Box&, const Claim&, unsigned, Incumbents*);
template void recheck_extrema<idouble>(const BoxFunction&, const Box&, const Claim&, const json&, Pass);
template BoxDecision analyse_extrema<impfr>(const BoxFunction&, const Box&, const Claim&, unsigned, Incumbents*);
template void recheck_extrema<impfr>(const BoxFunction&, const Box&, const Claim&, const json&, Pass);

}  // namespace gancert::certify::detail
