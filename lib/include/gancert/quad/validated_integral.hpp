// gancert/quad/validated_integral.hpp — rigorous ∫ f over a finite interval, many components
// at once, by Gauss–Legendre with a Bernstein-ellipse remainder; and a fast double twin.
//
// The integrand f is a generic callable: f(x) for x of the real interval type I and for
// x of type cbox<I>, returning a "component vector" R: a scalar, a std::array<·, K> or an
// ad::Jet<·, N> (1 + N + N(N+1)/2 components). One pass integrates every component.
//
// Enclosure on a subinterval [α, β] with n verified nodes x_i, weights w_i (gauss_legendre.hpp):
//   ∫_α^β f_k ∈ r·Σ_i w_i f_k(m + r x_i) + [−E_k, E_k],  m = (α+β)/2, r = (β−α)/2,
//   E_k = r·64·M_k / (15 (1 − ρ^{−2}) ρ^{2n}),  M_k ≥ |f_k| on the ellipse E_ρ with foci α, β
// (lemma Q.2 of proofs/lemmas.md; Trefethen, ATAP Thm 19.3, in the conservative form of
// proofs/lemmas.md §Q.2). M_k is the modulus bound of f_k evaluated on the cbox
// [m − A, m + A] × [−B, B] ⊇ E_ρ, A = r(ρ+1/ρ)/2, B = r(ρ−1/ρ)/2. Each component gets its own
// best ρ from a small ladder of candidates. f must be entire (or analytic on the rectangles
// used): this is the caller's obligation and is stated in the caller's lemma.
//
// Adaptivity: the partition given by the caller is refined by bisection until, for every
// component k, width(total_k) ≤ 2^{−target_bits}·mig(total_k) + 2^{−floor_bits}, where
// total includes the caller's tail enclosure; or until the subinterval budget is exhausted
// or bisection cannot help (width dominated by the integrand's own interval width) — then
// status = tolerance_not_met and the (valid, wider) enclosure is still returned.
// Exceptions from the interval layer while bounding M (NaN from ∞·0 at huge arguments) make
// that candidate ρ unusable (M = ∞); they never produce a wrong enclosure.
//
// Contract: integrate_validated returns, per component, an enclosure of the exact integral
// (given an integrand analytic on the boxes used and a valid tail enclosure from the caller);
// when the tolerance cannot be met it still returns the valid, wider enclosure with status
// tolerance_not_met. integrate_fast is an approximation.
#pragma once
#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <stdexcept>
#include <type_traits>
#include <vector>

#include "gancert/ad/jet.hpp"
#include "gancert/quad/complex_box.hpp"
#include "gancert/quad/detail/planted_faults.hpp"
#include "gancert/quad/gauss_legendre.hpp"

namespace gancert::quad {

// ---- component vectors ---------------------------------------------------------------------
/// Component access for integrand results: scalars (1 component) …
template <class R>
struct components {
    static constexpr std::size_t size = 1;
    using scalar = R;
    template <class Y>
    using rebind = Y;
    static const R& get(const R& r, std::size_t) { return r; }
    static void set(R& r, std::size_t, const R& v) { r = v; }
};
/// … std::array<X, K> …
template <class X, std::size_t K>
struct components<std::array<X, K>> {
    static constexpr std::size_t size = K;
    using scalar = X;
    template <class Y>
    using rebind = std::array<Y, K>;
    static const X& get(const std::array<X, K>& r, std::size_t k) { return r[k]; }
    static void set(std::array<X, K>& r, std::size_t k, const X& v) { r[k] = v; }
};
/// … and jets: value, gradient, packed Hessian.
template <class X, std::size_t N>
struct components<ad::Jet<X, N>> {
    using J = ad::Jet<X, N>;
    static constexpr std::size_t size = 1 + N + J::hsize;
    using scalar = X;
    template <class Y>
    using rebind = ad::Jet<Y, N>;
    static const X& get(const J& r, std::size_t k) {
        return k == 0 ? r.v : (k <= N ? r.g[k - 1] : r.h[k - 1 - N]);
    }
    static void set(J& r, std::size_t k, const X& v) {
        (k == 0 ? r.v : (k <= N ? r.g[k - 1] : r.h[k - 1 - N])) = v;
    }
};

// ---- options and results -----------------------------------------------------------------
enum class QuadStatus {
    ok,                 ///< every component met its tolerance
    tolerance_not_met,  ///< valid enclosure, but wider than requested
};

struct QuadOptions {
    /// Relative tolerance 2^{−target_bits} per component (> 0).
    int target_bits = 45;
    /// Absolute floor 2^{−floor_bits} added to every component's allowed width.
    int floor_bits = 1000;
    /// Gauss–Legendre points per subinterval.
    std::size_t gl_points = 16;
    /// Maximal number of subintervals after refinement.
    std::size_t max_subintervals = 3000;
    /// The integrand may have poles near the interval (the model family's logistic
    /// discriminator, lemma F.5): keep shrinking the ellipse while a component has no finite
    /// bound, and bisect pieces whose remainder is infinite. Off: the R/S/E/E behaviour.
    bool meromorphic = false;
};

template <class R>
struct QuadResult {
    R value;  ///< enclosure per component (including the tail passed in)
    QuadStatus status = QuadStatus::ok;
    std::size_t subintervals = 0;
    std::size_t evaluations = 0;  ///< real evaluations of f
    /// Per-component flag: tolerance met (index as components<R>).
    std::vector<bool> met;
};

namespace detail {

template <class I>
using endpoint = arith::endpoint_t<I>;

/// Upper bound as an endpoint value (+∞ if not finite).
template <class T>
bool finite_value(const T& x) {
    if constexpr (std::is_same_v<T, double>)
        return std::isfinite(x);
    else
        return mpfr_number_p(arith::raw(x)) != 0;
}

template <class I, std::size_t K>
struct Piece {
    endpoint<I> lo, hi;
    std::array<I, K> sum;           // r·Σ w f
    std::array<endpoint<I>, K> rem;  // remainder radius (upper bound, may be +∞)
};

inline constexpr std::array<double, 14> rho_ladder{1.2, 1.5, 1.9, 2.4, 3.0, 3.8, 4.8, 6.0,
                                                   7.5, 9.5, 12.0, 15.0, 19.0, 24.0};

/// Outward conversion impfr → idouble.
inline arith::idouble to_idouble(const arith::impfr& x) {
    arith::rounding<double> r;
    return arith::idouble(r.conv_down(x.lower()), r.conv_up(x.upper()));
}

/// The smallest T ≥ x (T = double: x itself; T = mpfr at the working precision, which may be
/// below 53 bits: rounded upward, so an upper bound stays an upper bound).
template <class T>
T round_up_from_double(double x) {
    if constexpr (std::is_same_v<T, double>) {
        return x;
    } else {
        T r = arith::fresh_mpfr();
        mpfr_set_d(arith::raw(r), x, MPFR_RNDU);
        return r;
    }
}

/// M_k ≥ |f_k| on the box, per component. For impfr integrands that offer
/// `f.template rebind<arith::idouble>()` (the same function with parameters enclosed in
/// idouble), the box is first evaluated in cbox<idouble> (fast; any upper bound is valid);
/// components whose double bound is not finite or may be affected by underflow (< 2^−500)
/// are redone in cbox<impfr>.
template <std::size_t K, class I, class F>
std::array<endpoint<I>, K> modulus_bounds(const F& f, const cbox<I>& box) {
    using T = endpoint<I>;
    std::array<T, K> out;
    auto full = [&] {
        auto fb = f(box);
        using CB = components<std::decay_t<decltype(fb)>>;
        for (std::size_t k = 0; k < K; ++k) out[k] = modulus_bound(CB::get(fb, k));
    };
    if constexpr (std::is_same_v<I, arith::impfr> && requires { f.template rebind<arith::idouble>(); }) {
        bool redo = false;
        try {
            auto fd = f.template rebind<arith::idouble>();
            auto fb = fd(cbox<arith::idouble>(to_idouble(box.re), to_idouble(box.im)));
            using CB = components<std::decay_t<decltype(fb)>>;
            for (std::size_t k = 0; k < K; ++k) {
                double M = modulus_bound(CB::get(fb, k));
                if (!std::isfinite(M) || M < 0x1p-500) redo = true;
                out[k] = round_up_from_double<T>(M);
            }
        } catch (const std::domain_error&) {
            redo = true;
        }
        if (redo) full();
    } else {
        full();
    }
    return out;
}

template <class I, class F>
auto evaluate_piece(const F& f, const endpoint<I>& lo, const endpoint<I>& hi,
                    const GaussLegendreRule<I>& rule, const QuadOptions& opt, std::size_t& evals) {
    using R = std::decay_t<decltype(f(std::declval<const I&>()))>;
    using C = components<R>;
    constexpr std::size_t K = C::size;
    using T = endpoint<I>;
    Piece<I, K> piece{lo, hi, {}, {}};
    I a(lo), b(hi);
    I m = (a + b) / I(2);
    I r = (b - a) / I(2);
    std::array<I, K> acc;
    acc.fill(I(0));
    const std::size_t n = rule.size();
    for (std::size_t i = 0; i < n; ++i) {
        R v = f(m + r * rule.nodes[i]);
        for (std::size_t k = 0; k < K; ++k) acc[k] = acc[k] + rule.weights[i] * C::get(v, k);
    }
    evals += n;
    for (std::size_t k = 0; k < K; ++k) piece.sum[k] = r * acc[k];

    // Remainder: per component, the best ρ of the ladder.
    const T inf = std::numeric_limits<double>::infinity();
    piece.rem.fill(inf);
    const T rup = r.upper();
    auto try_rho = [&](double rho) -> bool {  // returns true if some component improved
        I R_(rho);
        I A = I(rup) * (R_ + I(1) / R_) / I(2);
        I B = I(rup) * (R_ - I(1) / R_) / I(2);
        cbox<I> box(m + I(-A.upper(), A.upper()), I(-B.upper(), B.upper()));
        I factor = I(rup) * I(64) / (I(15) * (I(1) - I(1) / square(R_)) * pow(R_, static_cast<int>(2 * n)));
        bool improved = false;
        try {
            std::array<T, K> Ms = modulus_bounds<K>(f, box);
            for (std::size_t k = 0; k < K; ++k) {
                const T& M = Ms[k];
                if (!finite_value(M)) continue;
                I e = I(M) * factor;
                if (const double s = detail::planted_faults().scale_M; s != 1.0) e = e * I(s);  // tests only
                T eu = e.upper();
                if (finite_value(eu) && eu < piece.rem[k]) {
                    piece.rem[k] = eu;
                    improved = true;
                }
            }
        } catch (const std::domain_error&) {
            // NaN (∞·0) or a division through 0 inside the box evaluation: candidate unusable.
        }
        return improved;
    };
    // Walk the ladder from ρ = 3 upwards while something improves, then downwards.
    std::size_t start = 4;
    bool up_improved = false;
    for (std::size_t j = start; j < rho_ladder.size(); ++j) {
        bool imp = try_rho(rho_ladder[j]);
        if (j > start && !imp) break;
        if (j > start && imp) up_improved = true;
    }
    // Downwards: stop at the first ρ that does not improve — unless (opt.meromorphic) some
    // component still has no finite bound: the larger ellipses reach a pole (lemma F.5).
    auto all_finite = [&] {
        return std::all_of(piece.rem.begin(), piece.rem.end(), [](const T& e) { return finite_value(e); });
    };
    if (!up_improved)
        for (std::size_t j = start; j-- > 0;)
            if (!try_rho(rho_ladder[j]) && (!opt.meromorphic || all_finite())) break;
    return piece;
}

}  // namespace detail

/// Rigorous enclosure of ∫ f over [breakpoints.front(), breakpoints.back()] plus `tail`
/// (an enclosure the caller adds, e.g. of ∫_T^∞), component by component.
/// Preconditions: breakpoints strictly increasing, finite, at least two; f analytic in a
/// neighbourhood of the rectangles used (entire integrands qualify). Returns status
/// tolerance_not_met (with a valid enclosure) if the tolerance is not reached.
template <class I, class F, class R = std::decay_t<decltype(std::declval<const F&>()(std::declval<const I&>()))>>
QuadResult<R> integrate_validated(const F& f, const std::vector<detail::endpoint<I>>& breakpoints,
                                  const R& tail, const QuadOptions& opt) {
    using C = components<R>;
    constexpr std::size_t K = C::size;
    using T = detail::endpoint<I>;
    using Piece = detail::Piece<I, K>;
    if (breakpoints.size() < 2) throw std::invalid_argument("integrate_validated: need at least two breakpoints");
    const auto& rule = gauss_legendre<I>(opt.gl_points);
    QuadResult<R> res;
    std::vector<Piece> pieces;
    for (std::size_t i = 0; i + 1 < breakpoints.size(); ++i)
        pieces.push_back(detail::evaluate_piece<I>(f, breakpoints[i], breakpoints[i + 1], rule, opt, res.evaluations));

    const I tol = pow(I(2), -opt.target_bits);
    const I floor_ = pow(I(2), -opt.floor_bits);
    arith::rounding<T> rnd;
    for (;;) {
        std::array<I, K> total;
        for (std::size_t k = 0; k < K; ++k) total[k] = C::get(tail, k);
        for (const auto& pc : pieces)
            for (std::size_t k = 0; k < K; ++k) {
                const T& e = pc.rem[k];
                total[k] = total[k] + pc.sum[k] + I(T(-e), e);
            }
        // allowed widths and failing components
        std::array<T, K> allowed;
        std::vector<bool> met(K, true);
        bool all_met = true;
        for (std::size_t k = 0; k < K; ++k) {
            allowed[k] = (tol * I(arith::mig(total[k])) + floor_).lower();
            met[k] = detail::finite_value(total[k].lower()) && detail::finite_value(total[k].upper()) &&
                     arith::width_up(total[k]) <= allowed[k];
            all_met = all_met && met[k];
        }
        R out = tail;
        for (std::size_t k = 0; k < K; ++k) C::set(out, k, total[k]);
        res.value = out;
        res.met = met;
        res.subintervals = pieces.size();
        if (all_met) { res.status = QuadStatus::ok; return res; }
        if (pieces.size() >= opt.max_subintervals) { res.status = QuadStatus::tolerance_not_met; return res; }
        // Bisection only shrinks the remainders. A failing component whose remainders already
        // make up less than half of its width (the rest comes from the integrand's own interval
        // width: parameter boxes, rounding) cannot be helped; otherwise bisect every piece whose
        // remainder is a sizeable share of that component's budget.
        std::array<T, K> rem_sum, budget;
        std::array<bool, K> helpable;
        for (std::size_t k = 0; k < K; ++k) {
            rem_sum[k] = T(0);
            for (const auto& pc : pieces) rem_sum[k] = rnd.add_up(rem_sum[k], pc.rem[k]);
            const T w = arith::width_up(total[k]);
            // (opt.meromorphic: an infinite remainder — no usable ellipse on a piece — is helpable)
            helpable[k] = !met[k] && ((opt.meromorphic && !detail::finite_value(rem_sum[k])) ||
                                      !(rnd.mul_down(rem_sum[k], T(4)) <= w));
            const T rest = rnd.sub_down(w, rnd.mul_up(rem_sum[k], T(2)));
            budget[k] = allowed[k] < rest ? rest : allowed[k];
        }
        std::vector<Piece> next;
        bool split_any = false;
        const T share = T(pieces.size() * 4);
        for (const auto& pc : pieces) {
            bool split = false;
            for (std::size_t k = 0; k < K && !split; ++k)
                if (helpable[k] && !(rnd.mul_down(pc.rem[k], share) <= budget[k])) split = true;
            if (split && next.size() + 2 <= opt.max_subintervals + 1) {
                T mid = rnd.median(pc.lo, pc.hi);
                if (!(pc.lo < mid && mid < pc.hi)) { next.push_back(pc); continue; }
                next.push_back(detail::evaluate_piece<I>(f, pc.lo, mid, rule, opt, res.evaluations));
                next.push_back(detail::evaluate_piece<I>(f, mid, pc.hi, rule, opt, res.evaluations));
                split_any = true;
            } else {
                next.push_back(pc);
            }
        }
        if (!split_any) { res.status = QuadStatus::tolerance_not_met; return res; }
        pieces = std::move(next);
    }
}

/// Fast, non-rigorous twin in double: fixed n-point Gauss–Legendre on each piece of the
/// partition (no error control). f(double) returns a component vector of doubles.
template <class Real = double, class F, class R = std::decay_t<decltype(std::declval<const F&>()(Real(0)))>>
R integrate_fast(const F& f, const std::vector<double>& breakpoints, std::size_t n) {
    using C = components<R>;
    constexpr std::size_t K = C::size;
    const auto& rule = gauss_legendre<Real>(n);
    std::array<Real, K> acc{};
    for (std::size_t i = 0; i + 1 < breakpoints.size(); ++i) {
        const Real m = Real(0.5) * (Real(breakpoints[i]) + Real(breakpoints[i + 1]));
        const Real r = Real(0.5) * (Real(breakpoints[i + 1]) - Real(breakpoints[i]));
        std::array<Real, K> s{};
        for (std::size_t j = 0; j < rule.size(); ++j) {
            R v = f(m + r * rule.nodes[j]);
            for (std::size_t k = 0; k < K; ++k) s[k] += rule.weights[j] * C::get(v, k);
        }
        for (std::size_t k = 0; k < K; ++k) acc[k] += r * s[k];
    }
    R out{};
    for (std::size_t k = 0; k < K; ++k) C::set(out, k, acc[k]);
    return out;
}

}  // namespace gancert::quad
