// Internal to the certifier's evidence units (not installed): interval helpers, the box
// evaluation of proofs/lemmas.md §K1, and the recorded-enclosure checks of §K7.
#pragma once
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "gancert/arith/errors.hpp"
#include "gancert/certify/box.hpp"
#include "gancert/certify/box_function.hpp"
#include "gancert/certify/evidence.hpp"
#include "gancert/certify/leaf_evidence.hpp"

namespace gancert::certify::detail {

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

inline double lo_double(const idouble& x) { return x.lower(); }
inline double hi_double(const idouble& x) { return x.upper(); }
inline double lo_double(const impfr& x) { return mpfr_get_d(arith::raw(x.lower()), MPFR_RNDD); }
inline double hi_double(const impfr& x) { return mpfr_get_d(arith::raw(x.upper()), MPFR_RNDU); }
inline double mid_double(const idouble& x) { return arith::to_double(x); }
inline double mid_double(const impfr& x) { return arith::to_double(x); }
inline double width_double(const idouble& x) { return arith::width_up(x); }
inline double width_double(const impfr& x) { return hi_double(x) - lo_double(x); }

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
RecordedInterval enc(const S& x) {
    auto p = arith::to_decimal_outward(x, out_digits<S>());
    return {p.first, p.second};
}

struct Recorded {
    Decimal lo, hi;
};
inline Recorded rec(const RecordedInterval& r) {
    return {Decimal::parse_recorded(r.lo, "enclosure"), Decimal::parse_recorded(r.hi, "enclosure")};
}
/// The size of a recorded vector / matrix is the one the box needs (the strict reader knows
/// the field's type, not the box's dimension).
template <class V>
void require_size(const V& v, std::size_t n, const char* what) {
    if (v.size() != n) throw std::runtime_error(std::string("malformed ") + what + " (wrong size)");
}
/// The recorded interval (outward parse) contains the recomputed x.
template <class S>
bool rec_contains(const Recorded& r, const S& x) {
    // exact: r.lo <= up(r.lo) <= x.lower() and x.upper() <= down(r.hi) <= r.hi, where up/down
    // are the binary numbers next to the decimal on the side that makes the test conservative
    // (an outward parse here would accept a recorded bound a little inside the recomputation)
    S l = arith::enclose<S>(r.lo), h = arith::enclose<S>(r.hi);
    return l.upper() <= x.lower() && x.upper() <= h.lower();
}
/// Exact decimal d certainly below every point of x / above every point.
template <class S>
bool dec_below(const Decimal& d, const S& x) { return arith::enclose<S>(d).upper() < x.lower(); }
template <class S>
bool dec_above(const Decimal& d, const S& x) { return x.upper() < arith::enclose<S>(d).lower(); }
template <class S>
bool dec_below_eq(const Decimal& d, const S& x) { return arith::enclose<S>(d).upper() <= x.lower(); }
template <class S>
bool dec_above_eq(const Decimal& d, const S& x) { return x.upper() <= arith::enclose<S>(d).lower(); }

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

/// The plateau leaf (‖∇J‖∞ <= eps, |J − level| <= delta from the §K1 enclosures e) if it holds
/// (evidence_plateau.cpp; also the first test of the atlas).
template <class S>
std::optional<BoxDecision> plateau_leaf(const Eval<S>& e, const Claim& c, unsigned bits);

inline std::vector<std::string> decimals(const std::vector<Decimal>& v) {
    std::vector<std::string> a;
    for (const auto& d : v) a.push_back(d.str());
    return a;
}

/// A final leaf with this evidence at `bits`.
template <class K>
BoxDecision final_leaf(unsigned bits, K kind) {
    BoxDecision d{BoxDecision::final_leaf, {}, {}};
    d.evidence = LeafEvidence{bits, std::move(kind)};
    return d;
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
void check_enc(const RecordedInterval& recorded, const S& x, const std::string& what, Pass pass) {
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
    S l = arith::enclose<S>(r.lo), h = arith::enclose<S>(r.hi);
    if (x.upper() < l.lower() || h.upper() < x.lower())
        throw arith::soundness_error(what + ": enclosures of one value at two precisions are disjoint: " + text());
}

}  // namespace gancert::certify::detail
