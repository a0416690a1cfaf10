// Box analysis and leaf re-checking (see evidence.hpp; bounds in proofs/lemmas.md §K).
#include "gancert/certify/evidence.hpp"
#include "gancert/certify/stationary_set.hpp"

#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace gancert::certify {
namespace {

using arith::idouble;
using arith::impfr;
using nlohmann::json;

// ---------------------------------------------------------------- interval utilities
template <class S>
S isect(const S& a, const S& b) {
    if (a.upper() < b.lower() || b.upper() < a.lower())
        throw arith::soundness_error("unsound enclosure: natural and mean-value forms are disjoint");
    return boost::numeric::intersect(a, b);
}

double lo_double(const idouble& x) { return x.lower(); }
double hi_double(const idouble& x) { return x.upper(); }
double lo_double(const impfr& x) { return mpfr_get_d(arith::raw(x.lower()), MPFR_RNDD); }
double hi_double(const impfr& x) { return mpfr_get_d(arith::raw(x.upper()), MPFR_RNDU); }
double mid_double(const idouble& x) { return arith::to_double(x); }
double mid_double(const impfr& x) { return arith::to_double(x); }
double width_double(const idouble& x) { return arith::width_up(x); }
double width_double(const impfr& x) { return hi_double(x) - lo_double(x); }

template <class S>
bool finite(const S& x) {
    return std::isfinite(lo_double(x)) && std::isfinite(hi_double(x));
}

template <class S>
unsigned out_digits() {
    if constexpr (std::is_same_v<S, idouble>) return 17;
    else return static_cast<unsigned>(arith::working_bits() * 0.30103) + 3;
}

template <class S>
json enc(const S& x) {
    auto p = arith::to_decimal_outward(x, out_digits<S>());
    return json::array({p.first, p.second});
}

struct Recorded {
    Decimal lo, hi;
};
Recorded rec(const json& j) {
    if (!j.is_array() || j.size() != 2 || !j[0].is_string() || !j[1].is_string())
        throw std::runtime_error("malformed enclosure (expected [\"lo\", \"hi\"])");
    return {Decimal::parse(j[0].get<std::string>(), "enclosure"),
            Decimal::parse(j[1].get<std::string>(), "enclosure")};
}
/// The recorded interval (outward parse) contains the recomputed x.
template <class S>
bool rec_contains(const Recorded& r, const S& x) {
    // exact: r.lo <= up(r.lo) <= x.lower() and x.upper() <= down(r.hi) <= r.hi, where up/down
    // are the binary numbers next to the decimal on the side that makes the test conservative
    // (an outward parse here would accept a recorded bound a little inside the recomputation)
    S l = arith::parse<S>(r.lo.str()), h = arith::parse<S>(r.hi.str());
    return l.upper() <= x.lower() && x.upper() <= h.lower();
}
/// Exact decimal d certainly below every point of x / above every point.
template <class S>
bool dec_below(const Decimal& d, const S& x) { return arith::parse<S>(d.str()).upper() < x.lower(); }
template <class S>
bool dec_above(const Decimal& d, const S& x) { return x.upper() < arith::parse<S>(d.str()).lower(); }
template <class S>
bool dec_below_eq(const Decimal& d, const S& x) { return arith::parse<S>(d.str()).upper() <= x.lower(); }
template <class S>
bool dec_above_eq(const Decimal& d, const S& x) { return x.upper() <= arith::parse<S>(d.str()).lower(); }

std::string short_decimal(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.12g", v);
    return buf;
}

// ---------------------------------------------------------------- box evaluation (§K1)
template <class S>
struct Eval {
    std::vector<S> X, M;
    Enclosure<S> box, mid;
    std::vector<S> g;  // natural ∩ mean-value
    S J;
};

template <class S>
Eval<S> evaluate_box(const BoxFunction& f, const Box& B) {
    Eval<S> e;
    e.X = outer_intervals<S>(B.lo, B.hi);
    e.M = point_intervals<S>(B.midpoint());
    e.box = f.enclose(e.X);
    e.mid = f.enclose(e.M);
    std::size_t n = e.X.size();
    std::vector<S> d(n);
    for (std::size_t j = 0; j < n; ++j) d[j] = e.X[j] - e.M[j];
    e.g.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        S mv = e.mid.g[i];
        for (std::size_t j = 0; j < n; ++j) mv = mv + e.box.hess(i, j) * d[j];
        e.g[i] = finite(mv) ? isect(e.box.g[i], mv) : e.box.g[i];
    }
    S mv = e.mid.J;
    for (std::size_t j = 0; j < n; ++j) mv = mv + e.g[j] * d[j];
    e.J = finite(mv) ? isect(e.box.J, mv) : e.box.J;
    return e;
}

// ---------------------------------------------------------------- Krawczyk (§K2)
std::optional<std::vector<std::string>> approximate_inverse(const std::vector<double>& A, std::size_t n) {
    std::vector<double> a = A, inv(n * n, 0.0);
    for (std::size_t i = 0; i < n; ++i) inv[i * n + i] = 1;
    for (std::size_t c = 0; c < n; ++c) {
        std::size_t p = c;
        for (std::size_t r = c + 1; r < n; ++r)
            if (std::fabs(a[r * n + c]) > std::fabs(a[p * n + c])) p = r;
        double piv = a[p * n + c];
        if (!std::isfinite(piv) || piv == 0) return std::nullopt;
        if (p != c)
            for (std::size_t k = 0; k < n; ++k) {
                std::swap(a[p * n + k], a[c * n + k]);
                std::swap(inv[p * n + k], inv[c * n + k]);
            }
        for (std::size_t k = 0; k < n; ++k) { a[c * n + k] /= piv; inv[c * n + k] /= piv; }
        for (std::size_t r = 0; r < n; ++r) {
            if (r == c) continue;
            double fct = a[r * n + c];
            for (std::size_t k = 0; k < n; ++k) {
                a[r * n + k] -= fct * a[c * n + k];
                inv[r * n + k] -= fct * inv[c * n + k];
            }
        }
    }
    std::vector<std::string> out;
    for (double v : inv) {
        if (!std::isfinite(v)) return std::nullopt;
        out.push_back(short_decimal(v));
    }
    return out;
}

/// Eigenvectors (columns of Q, row-major) of a symmetric matrix by cyclic Jacobi.
std::vector<std::string> approximate_eigenvectors(std::vector<double> A, std::size_t n) {
    std::vector<double> Q(n * n, 0.0);
    for (std::size_t i = 0; i < n; ++i) Q[i * n + i] = 1;
    for (int sweep = 0; sweep < 50; ++sweep) {
        double off = 0;
        for (std::size_t p = 0; p < n; ++p)
            for (std::size_t q = p + 1; q < n; ++q) off += A[p * n + q] * A[p * n + q];
        if (off < 1e-30) break;
        for (std::size_t p = 0; p < n; ++p)
            for (std::size_t q = p + 1; q < n; ++q) {
                double apq = A[p * n + q];
                if (apq == 0) continue;
                double theta = (A[q * n + q] - A[p * n + p]) / (2 * apq);
                double t = (theta >= 0 ? 1 : -1) / (std::fabs(theta) + std::sqrt(theta * theta + 1));
                double c = 1 / std::sqrt(t * t + 1), s = t * c;
                for (std::size_t k = 0; k < n; ++k) {  // A ← Jᵀ A J
                    double akp = A[k * n + p], akq = A[k * n + q];
                    A[k * n + p] = c * akp - s * akq;
                    A[k * n + q] = s * akp + c * akq;
                }
                for (std::size_t k = 0; k < n; ++k) {
                    double apk = A[p * n + k], aqk = A[q * n + k];
                    A[p * n + k] = c * apk - s * aqk;
                    A[q * n + k] = s * apk + c * aqk;
                }
                for (std::size_t k = 0; k < n; ++k) {
                    double qkp = Q[k * n + p], qkq = Q[k * n + q];
                    Q[k * n + p] = c * qkp - s * qkq;
                    Q[k * n + q] = s * qkp + c * qkq;
                }
            }
    }
    std::vector<std::string> out;
    for (double v : Q) out.push_back(short_decimal(std::isfinite(v) ? v : 0.0));
    return out;
}

template <class S>
std::vector<S> parse_matrix(const std::vector<std::string>& m) {
    std::vector<S> r;
    for (const auto& s : m) r.push_back(arith::parse<S>(s, "preconditioner"));
    return r;
}

/// K(B) = m − Y ∇J(m) + (I − Y ∇²J(B)) (B − m).
template <class S>
std::vector<S> krawczyk(const Eval<S>& e, const std::vector<std::string>& Ydec) {
    std::size_t n = e.X.size();
    std::vector<S> Y = parse_matrix<S>(Ydec);
    std::vector<S> K(n);
    for (std::size_t i = 0; i < n; ++i) {
        S k = e.M[i];
        for (std::size_t j = 0; j < n; ++j) k = k - Y[i * n + j] * e.mid.g[j];
        for (std::size_t j = 0; j < n; ++j) {
            S c = S(i == j ? 1 : 0);
            for (std::size_t l = 0; l < n; ++l) c = c - Y[i * n + l] * e.box.hess(l, j);
            k = k + c * (e.X[j] - e.M[j]);
        }
        K[i] = k;
    }
    return K;
}

/// Inertia of every matrix in ∇²J(B) via Gershgorin discs of Qᵀ∇²J(B)Q (§K3):
/// {npos, nneg}, or nullopt if some disc contains 0.
template <class S>
std::optional<std::pair<int, int>> inertia(const Enclosure<S>& box, const std::vector<std::string>& Qdec) {
    std::size_t n = box.g.size();
    std::vector<S> Q = parse_matrix<S>(Qdec);
    std::vector<S> HQ(n * n), M(n * n);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) {
            S s(0);
            for (std::size_t k = 0; k < n; ++k) s = s + box.hess(i, k) * Q[k * n + j];
            HQ[i * n + j] = s;
        }
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) {
            S s(0);
            for (std::size_t k = 0; k < n; ++k) s = s + Q[k * n + i] * HQ[k * n + j];
            M[i * n + j] = s;
        }
    int pos = 0, neg = 0;
    for (std::size_t i = 0; i < n; ++i) {
        S r(0);
        for (std::size_t j = 0; j < n; ++j)
            if (j != i) r = r + arith::abs(M[i * n + j]);
        if ((M[i * n + i] - r).lower() > 0) ++pos;
        else if ((M[i * n + i] + r).upper() < 0) ++neg;
        else return std::nullopt;
    }
    return std::make_pair(pos, neg);
}

std::string type_of(int pos, int neg) {
    if (neg == 0) return "min";
    if (pos == 0) return "max";
    return "saddle";
}

template <class S>
std::vector<double> mid_hessian(const Enclosure<S>& box) {
    std::vector<double> h;
    for (const auto& x : box.H) h.push_back(mid_double(x));
    return h;
}

/// Precision-limited: some midpoint gradient component is not resolved (contains 0 or has
/// relative width > 1/4), or something is not finite.
template <class S>
bool gradient_unresolved(const Eval<S>& e) {
    for (const auto& x : e.mid.g) {
        if (!finite(x) || arith::contains_zero(x)) return true;
        if (width_double(x) > 0.25 * std::fabs(mid_double(x))) return true;
    }
    return !finite(e.box.J);
}

json decimals(const std::vector<Decimal>& v) {
    json a = json::array();
    for (const auto& d : v) a.push_back(d.str());
    return a;
}

// ---------------------------------------------------------------- analysis per claim
/// Cheap gradient bounds (sign facts), no full evaluation needed.
template <class S>
std::optional<BoxDecision> excluded_by_bounds(const BoxFunction& f, const Box& B, unsigned bits) {
    auto gb = f.gradient_bounds(outer_intervals<S>(B.lo, B.hi));
    for (std::size_t i = 0; i < gb.size(); ++i)
        if (finite(gb[i]) && !arith::contains_zero(gb[i])) {
            BoxDecision d{BoxDecision::final_leaf, {}, {}};
            d.evidence = {{"evidence", ev_excluded}, {"bits", bits}, {"index", i}, {"form", "bounds"},
                          {"sign", gb[i].lower() > 0 ? 1 : -1}, {"grad", enc(gb[i])}};
            return d;
        }
    return std::nullopt;
}

template <class S>
BoxDecision analyse_stationary(const BoxFunction& f, const Box& B, const Claim& c, unsigned bits) {
    if (auto w = stationary_line_witness(f, B); w && (c.kind == ClaimKind::no_stationary || w->at("type") == "saddle"))
        return {BoxDecision::final_leaf, *w, {}};  // B meets L_c (lemma S7)
    if (auto d = excluded_by_bounds<S>(f, B, bits)) return *d;
    if constexpr (std::is_same_v<S, idouble>) {
        // the bounds are cheap: before a full evaluation in double, try them in MPFR, whose
        // exponent range does not underflow (design §3.3)
        arith::precision_guard guard(128);
        if (auto d = excluded_by_bounds<impfr>(f, B, 128)) return *d;
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
    if (best >= 0) {
        BoxDecision d{BoxDecision::final_leaf, {}, {}};
        d.evidence = {{"evidence", ev_excluded}, {"bits", bits}, {"index", best},
                      {"sign", e.g[best].lower() > 0 ? 1 : -1}, {"grad", enc(e.g[best])}};
        return d;
    }
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
        json Kj = json::array();
        for (const auto& k : K) Kj.push_back(finite(k) ? enc(k) : json());
        if (empty) {
            BoxDecision d{BoxDecision::final_leaf, {}, {}};
            d.evidence = {{"evidence", ev_empty}, {"bits", bits}, {"Y", *Y}, {"K", Kj}};
            return d;
        }
        if (inside) {
            auto Q = approximate_eigenvectors(mid_hessian(e.box), n);
            auto in = inertia(e.box, Q);
            if (in || c.kind == ClaimKind::no_stationary) {
                BoxDecision d{BoxDecision::final_leaf, {}, {}};
                d.evidence = {{"evidence", ev_unique}, {"bits", bits}, {"Y", *Y}, {"K", Kj}, {"Q", Q},
                              {"type", in ? type_of(in->first, in->second) : "undetermined"}};
                if (in) d.evidence["inertia"] = {in->first, in->second};
                return d;
            }
            untyped_unique = true;
        }
    }
    if (gradient_unresolved(e)) return {BoxDecision::escalate, {}, "gradient at the midpoint not resolved"};
    return {BoxDecision::bisect, {}, untyped_unique ? "unique stationary point, Hessian inertia undetermined"
                                                    : "no evidence at this width"};
}

template <class S>
BoxDecision analyse_plateau(const BoxFunction& f, const Box& B, const Claim& c, unsigned bits) {
    Eval<S> e = evaluate_box<S>(f, B);
    std::size_t n = B.dims();
    const Decimal& eps = *c.eps;
    Decimal lo = *c.level - *c.delta, hi = *c.level + *c.delta;
    bool ok = dec_below_eq(lo, e.J) && dec_above_eq(hi, e.J);
    for (std::size_t i = 0; i < n && ok; ++i)
        ok = dec_below_eq(-eps, e.g[i]) && dec_above_eq(eps, e.g[i]);
    if (ok) {
        json g = json::array();
        for (const auto& x : e.g) g.push_back(enc(x));
        BoxDecision d{BoxDecision::final_leaf, {}, {}};
        d.evidence = {{"evidence", ev_plateau}, {"bits", bits}, {"grad", g}, {"J", enc(e.J)}};
        return d;
    }
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
BoxDecision analyse(const BoxFunction& f, const Box& B, const Claim& c, unsigned bits, Incumbents* inc) {
    switch (c.kind) {
        case ClaimKind::no_saddle:
        case ClaimKind::no_stationary: return analyse_stationary<S>(f, B, c, bits);
        case ClaimKind::plateau: return analyse_plateau<S>(f, B, c, bits);
        case ClaimKind::extrema: return analyse_extrema<S>(f, B, c, bits, inc);
        case ClaimKind::stationary_set: break;  // not box-based (stationary_set.cpp)
    }
    throw std::logic_error("unknown claim");
}

// ---------------------------------------------------------------- re-checking (verifier)
/// How a leaf is re-checked. `replay`: at the leaf's recorded precision, where the verifier's
/// recomputation is reproducible, every recorded enclosure must *contain* the recomputed one
/// (a recorded number is accepted only when implied by the verifier's own enclosure; this is
/// what the summary is assembled from). `cross`: at a higher --bits, an additional pass in
/// which the evidence must follow from the recomputation again; box enclosures are not
/// monotone in the precision (a different precision may take a different path), so there a
/// recorded enclosure need only meet the recomputed one — both are then enclosures of the
/// same value verified by the verifier itself, and disjointness is a soundness failure.
enum class Pass { replay, cross };

template <class S>
void check_enc(const json& recorded, const S& x, const std::string& what, Pass pass) {
    Recorded r = rec(recorded);
    if (r.hi < r.lo) throw std::runtime_error(what + ": recorded enclosure has lo > hi");
    auto text = [&] {
        auto p = arith::to_decimal_outward(x, 17);
        return "[" + r.lo.str() + ", " + r.hi.str() + "] vs recomputed [" + p.first + ", " + p.second + "]";
    };
    if (pass == Pass::replay) {
        if (!rec_contains(r, x))
            throw std::runtime_error(what + ": recorded enclosure does not contain the recomputed one: " + text());
        return;
    }
    S l = arith::parse<S>(r.lo.str()), h = arith::parse<S>(r.hi.str());
    if (x.upper() < l.lower() || h.upper() < x.lower())
        throw arith::soundness_error(what + ": enclosures of one value at two precisions are disjoint: " + text());
}

std::vector<std::string> strings(const json& j, std::size_t n, const char* what) {
    if (!j.is_array() || j.size() != n) throw std::runtime_error(std::string("malformed ") + what);
    std::vector<std::string> r;
    for (const auto& x : j) r.push_back(x.get<std::string>());
    return r;
}

template <class S>
void recheck(const BoxFunction& f, const Box& B, const Claim& c, const json& leaf, Pass pass) {
    const std::string ev = leaf.at("evidence").get<std::string>();
    std::size_t n = B.dims();
    if (ev == ev_unknown) return;
    if (ev == ev_stationary_line) {  // lemma S7, re-derived exactly (stationary_set.cpp)
        if (c.kind != ClaimKind::no_saddle && c.kind != ClaimKind::no_stationary)
            throw std::runtime_error("evidence 'stationary-line' does not belong to this claim");
        return check_stationary_line_leaf(f, B, c.kind == ClaimKind::no_saddle, leaf);
    }
    if (ev == ev_excluded) {
        if (c.kind != ClaimKind::no_saddle && c.kind != ClaimKind::no_stationary)
            throw std::runtime_error("evidence 'excluded' does not belong to this claim");
        std::size_t i = leaf.at("index").get<std::size_t>();
        int sign = leaf.at("sign").get<int>();
        if (i >= n || (sign != 1 && sign != -1)) throw std::runtime_error("malformed index/sign");
        std::vector<S> g;
        if (leaf.value("form", "") == "bounds") {
            g = f.gradient_bounds(outer_intervals<S>(B.lo, B.hi));
            if (g.size() != n) throw std::runtime_error("the model has no gradient bounds");
        } else {
            g = evaluate_box<S>(f, B).g;
        }
        check_enc(leaf.at("grad"), g[i], "grad", pass);
        Recorded r = rec(leaf.at("grad"));
        bool rec_ok = sign > 0 ? r.lo.sign() > 0 : r.hi.sign() < 0;
        bool new_ok = sign > 0 ? g[i].lower() > 0 : g[i].upper() < 0;
        if (!rec_ok || !new_ok) throw std::runtime_error("gradient component does not exclude 0");
        return;
    }
    if (ev == ev_unique || ev == ev_empty) {
        if (c.kind != ClaimKind::no_saddle && c.kind != ClaimKind::no_stationary)
            throw std::runtime_error("evidence '" + ev + "' does not belong to this claim");
        Eval<S> e = evaluate_box<S>(f, B);
        auto Y = strings(leaf.at("Y"), n * n, "Y");
        std::vector<S> K = krawczyk(e, Y);
        const json& Kj = leaf.at("K");
        if (!Kj.is_array() || Kj.size() != n) throw std::runtime_error("malformed K");
        if (ev == ev_empty) {
            bool empty_new = false, empty_rec = false;
            for (std::size_t i = 0; i < n; ++i) {
                if (!finite(K[i]) || Kj[i].is_null()) continue;
                check_enc(Kj[i], K[i], "K", pass);
                Recorded r = rec(Kj[i]);
                if (K[i].upper() < e.X[i].lower() || e.X[i].upper() < K[i].lower()) empty_new = true;
                if (r.hi < B.lo[i] || B.hi[i] < r.lo) empty_rec = true;
            }
            if (!empty_new || !empty_rec) throw std::runtime_error("K(B) ∩ B is not shown empty");
            return;
        }
        auto inner = inner_intervals<S>(B.lo, B.hi);
        if (!inner) throw std::runtime_error("box too thin for an interior test");
        for (std::size_t i = 0; i < n; ++i) {
            if (!finite(K[i]) || Kj[i].is_null()) throw std::runtime_error("K not finite");
            check_enc(Kj[i], K[i], "K", pass);
            Recorded r = rec(Kj[i]);
            if (!arith::strictly_inside(K[i], (*inner)[i]) || !(B.lo[i] < r.lo && r.hi < B.hi[i]))
                throw std::runtime_error("K(B) is not strictly inside B");
        }
        // The type: Sylvester's law makes any certified inertia *the* inertia, so the verifier
        // tries the recorded Q and, if that does not decide, its own eigenvector basis. A
        // recorded type must equal the decided one; "undetermined" is accepted only when
        // neither basis decides (and such a leaf is not decisive for no-saddle).
        auto in = inertia(e.box, strings(leaf.at("Q"), n * n, "Q"));
        auto own = inertia(e.box, approximate_eigenvectors(mid_hessian(e.box), n));
        if (in && own && *in != *own)
            throw arith::soundness_error("two certified inertias of one Hessian enclosure differ");
        if (!in) in = own;
        std::string type = leaf.at("type").get<std::string>();
        std::string new_type = in ? type_of(in->first, in->second) : "undetermined";
        if (type != new_type)
            throw std::runtime_error("stationary point type recorded '" + type + "', recomputed '" +
                                     new_type + "'");
        if (in ? leaf.value("inertia", json()) != json::array({in->first, in->second}) : leaf.contains("inertia"))
            throw std::runtime_error("recorded inertia " + leaf.value("inertia", json()).dump() +
                                     " differs from the recomputed one");
        return;
    }
    if (ev == ev_plateau) {
        if (c.kind != ClaimKind::plateau) throw std::runtime_error("evidence 'plateau' does not belong to this claim");
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
    throw std::runtime_error("unknown evidence '" + ev + "'");
}

}  // namespace

void Incumbents::offer_max_lo(double v) {
    double cur = max_lo.load();
    while (v > cur && !max_lo.compare_exchange_weak(cur, v)) {}
}
void Incumbents::offer_min_hi(double v) {
    double cur = min_hi.load();
    while (v < cur && !min_hi.compare_exchange_weak(cur, v)) {}
}

BoxDecision analyse_box(const BoxFunction& f, const Box& B, const Claim& c, unsigned bits, Incumbents* inc) {
    try {
        if (bits <= 53) return analyse<idouble>(f, B, c, 53, inc);
        arith::precision_guard guard(bits);
        return analyse<impfr>(f, B, c, bits, inc);
    } catch (const arith::soundness_error&) {
        throw;  // an unsound enclosure is a bug, never a reason to escalate
    } catch (const std::exception& e) {
        return {BoxDecision::escalate, {}, std::string("evaluation failed: ") + e.what()};
    }
}

std::optional<std::string> check_leaf(const BoxFunction& f, const Box& B, const Claim& c,
                                      const nlohmann::json& leaf, unsigned bits) {
    try {
        unsigned recorded = leaf.at("evidence") == ev_unknown ? 53 : leaf.at("bits").get<unsigned>();
        if (recorded < 53 || recorded > arith::max_precision_bits) return "invalid precision";
        auto pass_at = [&](unsigned use, Pass pass) {
            if (use <= 53) {
                recheck<idouble>(f, B, c, leaf, pass);
            } else {
                arith::precision_guard guard(use);
                recheck<impfr>(f, B, c, leaf, pass);
            }
        };
        pass_at(recorded, Pass::replay);
        if (bits > recorded) pass_at(bits, Pass::cross);
        return std::nullopt;
    } catch (const arith::soundness_error&) {
        throw;
    } catch (const std::exception& e) {
        return e.what();
    }
}

}  // namespace gancert::certify
