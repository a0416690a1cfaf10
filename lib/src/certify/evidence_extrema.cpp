// Evidence for the extrema claim. Per leaf and per extremum (max, min): the face the extremum
// reduces to where J is monotone (§K5, K5'), then one of
//   vertex    — the face is a point: max_B J = J(vertex), a point enclosure;
//   isolated  — Hessian definite over the face in its free coordinates (K3) and a Krawczyk box
//               Z for the face gradient (K2): max_B J = J(x*), enclosed to second order (§K8);
//   face      — J over the face (upper bound of max) and J at its midpoint (lower bound).
// The leaf records "J" (an enclosure whose upper end bounds max_B J; both ends for vertex and
// isolated) and "point" (an enclosure of a value of J on B, the lower bound of max_B J).
#include "evidence_units.hpp"

#include "evidence_support.hpp"
#include "extrema_faces.hpp"

namespace gancert::certify::detail {
namespace {

const char* const kind_vertex = "vertex";
const char* const kind_isolated = "isolated";
const char* const kind_face = "face";

/// Target width for an extremum near `x`: delta relative, with the absolute floor eps (if given).
template <class S>
double tolerance(const Claim& c, const S& x) {
    double mag = arith::contains_zero(x) ? 0.0 : std::min(std::fabs(lo_double(x)), std::fabs(hi_double(x)));
    return std::max(c.delta->approx() * mag, c.eps ? c.eps->approx() : 0.0);
}

std::vector<std::pair<std::string, std::string>> box_record(const Box& Z) {
    std::vector<std::pair<std::string, std::string>> b;
    for (std::size_t i = 0; i < Z.dims(); ++i) b.emplace_back(Z.lo[i].str(), Z.hi[i].str());
    return b;
}

struct Side {
    ExtremumSide record;
    bool done = false, finite_enc = false;
    double point_width = 0, tol = 0;
    std::vector<std::size_t> free;
};

template <class S>
Side analyse_side(const BoxFunction& f, const Box& B, const Eval<S>& e, const Claim& c, unsigned bits,
                  bool for_max, double incumbent) {
    Reduction<S> r = reduce_to_face<S>(f, B, e, for_max);
    Side s;
    s.free = free_coordinates(r.F);
    S J = r.e.J, point = r.e.mid.J;
    std::string kind = s.free.empty() ? kind_vertex : kind_face;
    if (kind == kind_vertex) J = point;
    // pruning: the fixed incumbent (§K5: it is a value of J) or this face's own midpoint
    double best = for_max ? std::max(incumbent, lo_double(point)) : std::min(incumbent, hi_double(point));
    bool pruned = for_max ? hi_double(J) <= best : lo_double(J) >= best;
    std::optional<Isolation> extra;
    if (kind == kind_face && !pruned && width_double(J) > tolerance(c, point)) {
        if (auto iso = isolate<S>(f, r, for_max, bits)) {
            kind = kind_isolated;
            J = point = iso->value;
            extra = iso->iso;
        }
    }
    s.finite_enc = finite(J) && finite(point);
    s.tol = tolerance(c, point);
    s.point_width = width_double(point);
    s.done = s.finite_enc && (pruned || width_double(J) <= s.tol);
    s.record = ExtremumSide{r.rounds, kind, enc(J), enc(point), {}, {}, {}, {}};
    if (extra) {
        s.record.Z = box_record(extra->Z);
        s.record.Y = extra->Y;
        s.record.Q = extra->Q;
        s.record.K = extra->K;
    }
    return s;
}

}  // namespace

template <class S>
BoxDecision analyse_extrema(const BoxFunction& f, const Box& B, const Claim& c, unsigned bits,
                            Incumbents* inc) {
    Eval<S> e = evaluate_box<S>(f, B);
    // Pruning uses only the fixed incumbents and this box's own points, so the decision for a
    // box does not depend on which other boxes were analysed before it (determinism).
    Side mx = analyse_side<S>(f, B, e, c, bits, true, inc ? inc->max_lo.load() : -1e308);
    Side mn = analyse_side<S>(f, B, e, c, bits, false, inc ? inc->min_hi.load() : 1e308);
    BoxDecision d;
    d.evidence = LeafEvidence{bits, BoundedEvidence{mx.record, mn.record}};
    if (mx.done && mn.done) {
        d.kind = BoxDecision::final_leaf;
        return d;
    }
    bool unresolved = false;
    for (const Side* s : {&mx, &mn})
        if (!s->done && (!s->finite_enc || s->point_width > s->tol / 8)) unresolved = true;
    if (unresolved) {
        d.kind = BoxDecision::escalate;
        d.reason = "J on the extremal face not resolved to the tolerance";
        if (!mx.finite_enc || !mn.finite_enc) d.evidence.reset();
        return d;
    }
    // bisect only where it helps: the free coordinates of an unfinished extremal face
    for (const Side* s : {&mx, &mn})
        if (!s->done)
            for (std::size_t i : s->free) d.split_dims.push_back(static_cast<unsigned>(i));
    d.kind = BoxDecision::bisect;
    d.reason = "extrema bounds not yet tight";
    return d;
}

namespace {

Box parse_box(const std::vector<std::pair<std::string, std::string>>& z, const Box& like) {
    require_size(z, like.dims(), "Z");
    Box Z = like;
    for (std::size_t i = 0; i < like.dims(); ++i) {
        Z.lo[i] = Decimal::parse(z[i].first, "Z");
        Z.hi[i] = Decimal::parse(z[i].second, "Z");
    }
    return Z;
}

template <class S>
void recheck_isolated(const BoxFunction& f, const Reduction<S>& r, const ExtremumSide& s, bool for_max, Pass pass) {
    auto I = free_coordinates(r.F);
    if (I.empty()) throw std::runtime_error("isolated extremum on a vertex");
    std::size_t k = I.size();
    Eval<S> eF = restricted(r.e, I);
    // K3 with the recorded basis or the verifier's own (Sylvester: any certified inertia is it)
    if (!s.Z || !s.Y || !s.Q || !s.K) throw std::runtime_error("isolated extremum without Z, Y, Q, K");
    require_size(*s.Q, k * k, "Q");
    require_size(*s.Y, k * k, "Y");
    require_size(*s.K, k, "K");
    if (!definite_on_face(eF, *s.Q, for_max) &&
        !definite_on_face(eF, approximate_eigenvectors(mid_hessian(eF.box), k), for_max))
        throw std::runtime_error(std::string("face Hessian not certified ") +
                                 (for_max ? "negative" : "positive") + " definite");
    Box Z = parse_box(*s.Z, r.F);
    for (std::size_t i = 0; i < Z.dims(); ++i) {
        bool is_free = std::find(I.begin(), I.end(), i) != I.end();
        bool ok = is_free ? r.F.lo[i] <= Z.lo[i] && Z.lo[i] < Z.hi[i] && Z.hi[i] <= r.F.hi[i]
                          : Z.lo[i] == r.F.lo[i] && Z.hi[i] == r.F.hi[i];
        if (!ok) throw std::runtime_error("isolating box Z is not inside the face");
    }
    Eval<S> eZ = evaluate_box<S>(f, Z);
    Eval<S> eI = restricted(eZ, I);
    std::vector<S> K = krawczyk(eI, *s.Y);
    const auto& Kj = *s.K;
    if (!krawczyk_inside(K, Z, I)) throw std::runtime_error("K(Z) is not strictly inside Z");
    for (std::size_t a = 0; a < k; ++a) {
        check_enc(Kj[a], K[a], "K", pass);
        Recorded rk = rec(Kj[a]);
        if (!(Z.lo[I[a]] < rk.lo && rk.hi < Z.hi[I[a]])) throw std::runtime_error("recorded K is not inside Z");
    }
    S v = value_at_critical_point(eZ, eI, K);
    check_enc(s.J, v, "J at the extremum", pass);
    check_enc(s.point, v, "J at the extremum", pass);
}

template <class S>
void recheck_side(const BoxFunction& f, const Box& B, const ExtremumSide& s, bool for_max, Pass pass) {
    Reduction<S> r = replay_reduction<S>(f, B, s.faces, for_max, pass);
    const std::string& kind = s.kind;
    const char* name = for_max ? "max" : "min";
    if (kind == kind_vertex) {
        if (!free_coordinates(r.F).empty()) throw std::runtime_error(std::string(name) + ": the face is not a vertex");
        check_enc(s.J, r.e.mid.J, std::string(name) + ".J", pass);
        check_enc(s.point, r.e.mid.J, std::string(name) + ".point", pass);
    } else if (kind == kind_face) {
        check_enc(s.J, r.e.J, std::string(name) + ".J", pass);
        check_enc(s.point, r.e.mid.J, std::string(name) + ".point", pass);
    } else if (kind == kind_isolated) {
        recheck_isolated<S>(f, r, s, for_max, pass);
    } else {
        throw std::runtime_error(std::string(name) + ": unknown kind '" + kind + "'");
    }
}

}  // namespace

template <class S>
void recheck_extrema(const BoxFunction& f, const Box& B, const Claim& c, const LeafEvidence& leaf, Pass pass) {
    auto* b = leaf.get<BoundedEvidence>();
    if (!b) throw std::logic_error(std::string("recheck_extrema: evidence '") + evidence_name(leaf) + "' not handled here");
    if (c.kind != ClaimKind::extrema) throw std::runtime_error("evidence 'bounded' does not belong to this claim");
    recheck_side<S>(f, B, b->max, true, pass);
    recheck_side<S>(f, B, b->min, false, pass);
}

template BoxDecision analyse_extrema<idouble>(const BoxFunction&, const Box&, const Claim&, unsigned, Incumbents*);
template void recheck_extrema<idouble>(const BoxFunction&, const Box&, const Claim&, const LeafEvidence&, Pass);
template BoxDecision analyse_extrema<impfr>(const BoxFunction&, const Box&, const Claim&, unsigned, Incumbents*);
template void recheck_extrema<impfr>(const BoxFunction&, const Box&, const Claim&, const LeafEvidence&, Pass);

}  // namespace gancert::certify::detail
