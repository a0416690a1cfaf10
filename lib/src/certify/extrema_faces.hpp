// Internal to the extrema unit: the face reduction of a leaf (proofs/lemmas.md §K5, K5') and
// the isolation of an extremum in the relative interior of the reduced face (§K8): a certified
// definite Hessian in the face's free coordinates (K3) over the whole face, a Krawczyk box
// (K2) for the face gradient, and the value at the extremum to second order.
#pragma once
#include <cstdio>
#include <optional>

#include "evidence_support.hpp"
#include "krawczyk_inertia.hpp"
#include "linear_algebra.hpp"

namespace gancert::certify::detail {

/// Coordinates of a face with lo < hi (the others are fixed to exact decimals).
inline std::vector<std::size_t> free_coordinates(const Box& F) {
    std::vector<std::size_t> I;
    for (std::size_t i = 0; i < F.dims(); ++i)
        if (F.lo[i] < F.hi[i]) I.push_back(i);
    return I;
}

/// The evaluation restricted to the coordinates I (value, gradient and Hessian block), the
/// form krawczyk() and inertia() take.
template <class S>
Eval<S> restricted(const Eval<S>& e, const std::vector<std::size_t>& I) {
    Eval<S> r;
    std::size_t n = e.X.size(), k = I.size();
    r.J = e.J;
    r.box.J = e.box.J;
    r.mid.J = e.mid.J;
    for (std::size_t a = 0; a < k; ++a) {
        r.X.push_back(e.X[I[a]]);
        r.M.push_back(e.M[I[a]]);
        r.g.push_back(e.g[I[a]]);
        r.box.g.push_back(e.box.g[I[a]]);
        r.mid.g.push_back(e.mid.g[I[a]]);
        for (std::size_t b = 0; b < k; ++b) {
            r.box.H.push_back(e.box.H[I[a] * n + I[b]]);
            r.mid.H.push_back(e.mid.H[I[a] * n + I[b]]);
        }
    }
    return r;
}

/// The face a leaf's max (or min) of J reduces to: rounds of coordinates in which J is
/// monotone on the current face, each fixed at the end where J is larger (smaller). Recorded
/// as [[dim, side, grad enclosure], ...] per round.
template <class S>
struct Reduction {
    Box F;
    Eval<S> e;  // evaluation of F
    std::vector<std::vector<FaceStep>> rounds;
};

template <class S>
Reduction<S> reduce_to_face(const BoxFunction& f, const Box& B, const Eval<S>& eB, bool for_max) {
    Reduction<S> r{B, eB};
    for (;;) {
        std::vector<FaceStep> round;
        Box next = r.F;
        for (std::size_t i : free_coordinates(r.F)) {
            const S& g = r.e.g[i];
            if (!finite(g) || arith::contains_zero(g)) continue;
            bool upper = (g.lower() > 0) == for_max;
            next = next.face(static_cast<unsigned>(i), upper);
            round.push_back(FaceStep{i, upper ? 1 : 0, enc(g)});
        }
        if (round.empty()) return r;
        r.rounds.push_back(round);
        r.F = std::move(next);
        r.e = evaluate_box<S>(f, r.F);
    }
}

/// Replays recorded rounds (verifier): every recorded sign must follow from the recomputed
/// face enclosure and from the recorded one, and the recorded enclosure must pass check_enc.
template <class S>
Reduction<S> replay_reduction(const BoxFunction& f, const Box& B, const std::vector<std::vector<FaceStep>>& rounds,
                              bool for_max, Pass pass) {
    Reduction<S> r{B, evaluate_box<S>(f, B)};
    for (const auto& round : rounds) {
        if (round.empty()) throw std::runtime_error("malformed face round");
        Box next = r.F;
        for (const FaceStep& st : round) {
            std::size_t i = st.index;
            int side = st.side;
            if (i >= B.dims() || (side != 0 && side != 1) || !(next.lo[i] < next.hi[i]))
                throw std::runtime_error("face round fixes an invalid coordinate");
            check_enc(st.grad, r.e.g[i], "face gradient", pass);
            Recorded rg = rec(st.grad);
            bool want_pos = (side == 1) == for_max;
            bool ok = want_pos ? r.e.g[i].lower() > 0 && rg.lo.sign() > 0 : r.e.g[i].upper() < 0 && rg.hi.sign() < 0;
            if (!ok) throw std::runtime_error("monotonicity in coordinate " + std::to_string(i) + " not confirmed");
            next = next.face(static_cast<unsigned>(i), side == 1);
        }
        r.rounds.push_back(round);
        r.F = std::move(next);
        r.e = evaluate_box<S>(f, r.F);
    }
    return r;
}

/// Definiteness of the face Hessian (free coordinates I) over the whole face, K3: all
/// eigenvalues negative (for a max) or positive (for a min) at every point of F.
template <class S>
bool definite_on_face(const Eval<S>& eI, const std::vector<std::string>& Q, bool for_max) {
    auto in = inertia(eI.box, Q);
    return in && (for_max ? in->first == 0 : in->second == 0);
}

template <class S>
std::string mid_decimal(const S& x) {
    if constexpr (std::is_same_v<S, idouble>) {
        char buf[40];
        std::snprintf(buf, sizeof buf, "%.17g", mid_double(x));
        return buf;
    } else {
        return arith::to_decimal(arith::midpoint(x), out_digits<S>(), MPFR_RNDN);
    }
}

/// J at the unique critical point x* ∈ K ∩ Z of J on the face (K8):
/// J(x*) = J(m) − ½ Σ_{i,j∈I} ∂_ijJ(ξ)(m_i − x*_i)(m_j − x*_j), intersected with J(Z).
template <class S>
S value_at_critical_point(const Eval<S>& eZ, const Eval<S>& eI, const std::vector<S>& K) {
    std::size_t k = eI.X.size();
    std::vector<S> d(k);
    for (std::size_t a = 0; a < k; ++a) d[a] = eI.M[a] - isect(K[a], eI.X[a]);
    S q(0);
    for (std::size_t a = 0; a < k; ++a)
        for (std::size_t b = 0; b < k; ++b)
            q = q + eI.box.hess(a, b) * (a == b ? arith::square(d[a]) : d[a] * d[b]);
    S v = eZ.mid.J - q / S(2);
    return isect(v, eZ.J);
}

struct Isolation {
    Box Z;
    std::vector<std::string> Y, Q;
    std::vector<RecordedInterval> K;
};

template <class S>
struct Isolated {
    Isolation iso;
    S value;
};

/// Newton on the face gradient from the face midpoint (S arithmetic, a fresh preconditioner
/// at each iterate: a heuristic; nothing here is trusted), then Z = x̃ ± ρ inside F.
template <class S>
std::optional<Box> candidate_box(const BoxFunction& f, const Box& F, const std::vector<std::size_t>& I,
                                 unsigned bits) {
    std::vector<Decimal> x = F.midpoint();
    std::size_t k = I.size();
    for (int it = 0; it < 12; ++it) {
        Enclosure<S> p = f.enclose(point_intervals<S>(x));
        std::vector<double> H(k * k);
        for (std::size_t a = 0; a < k; ++a)
            for (std::size_t b = 0; b < k; ++b) H[a * k + b] = mid_double(p.hess(I[a], I[b]));
        auto Y = approximate_inverse(H, k);
        if (!Y) return std::nullopt;
        auto Ys = parse_matrix<S>(*Y);
        double moved = 0;
        for (std::size_t a = 0; a < k; ++a) {
            S step(0);
            for (std::size_t b = 0; b < k; ++b) step = step + Ys[a * k + b] * p.g[I[b]];
            if (!finite(step)) return std::nullopt;
            S xa = arith::enclose<S>(x[I[a]]) - step;
            x[I[a]] = Decimal::parse(mid_decimal(xa));
            if (x[I[a]] < F.lo[I[a]] || F.hi[I[a]] < x[I[a]]) return std::nullopt;  // leaves the face
            double w = (F.hi[I[a]] - F.lo[I[a]]).approx();
            moved = std::max(moved, std::fabs(mid_double(step)) / w);
        }
        if (moved < std::ldexp(1.0, -static_cast<int>(3 * bits / 4))) break;  // well inside ρ below
    }
    Box Z = F;
    for (std::size_t i : I) {
        double scale = std::fabs(x[i].approx()) + (F.hi[i] - F.lo[i]).approx();
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.1e", scale * std::ldexp(1.0, -static_cast<int>(bits / 2)));
        Decimal rho = Decimal::parse(buf);
        Z.lo[i] = x[i] - rho;
        Z.hi[i] = x[i] + rho;
        if (Z.lo[i] < F.lo[i] || F.hi[i] < Z.hi[i]) return std::nullopt;
    }
    return Z;
}

/// K(Z) strictly inside Z in the free coordinates (K2: a unique zero of the face gradient in Z).
template <class S>
bool krawczyk_inside(const std::vector<S>& K, const Box& Z, const std::vector<std::size_t>& I) {
    auto inner = inner_intervals<S>(Z.lo, Z.hi);
    if (!inner) return false;
    for (std::size_t a = 0; a < I.size(); ++a)
        if (!finite(K[a]) || !arith::strictly_inside(K[a], (*inner)[I[a]])) return false;
    return true;
}

template <class S>
std::optional<Isolated<S>> isolate(const BoxFunction& f, const Reduction<S>& r, bool for_max, unsigned bits) {
    auto I = free_coordinates(r.F);
    if (I.empty()) return std::nullopt;
    Eval<S> eF = restricted(r.e, I);
    auto Q = approximate_eigenvectors(mid_hessian(eF.box), I.size());
    if (!definite_on_face(eF, Q, for_max)) return std::nullopt;
    auto Z = candidate_box<S>(f, r.F, I, bits);
    if (!Z) return std::nullopt;
    Eval<S> eZ = evaluate_box<S>(f, *Z);
    Eval<S> eI = restricted(eZ, I);
    auto Y = approximate_inverse(mid_hessian(eI.box), I.size());
    if (!Y) return std::nullopt;
    std::vector<S> K = krawczyk(eI, *Y);
    if (!krawczyk_inside(K, *Z, I)) return std::nullopt;
    std::vector<RecordedInterval> Kj;
    for (const auto& x : K) Kj.push_back(enc(x));
    return Isolated<S>{{*Z, *Y, Q, Kj}, value_at_critical_point(eZ, eI, K)};
}

}  // namespace gancert::certify::detail
