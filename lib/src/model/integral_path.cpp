// The R/S/E/E integral path (see model/integral_path.hpp; lemmas Q.1–Q.5 of proofs/lemmas.md).
#include "gancert/model/integral_path.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "gancert/model/eval_policy.hpp"
#include "gancert/model/reduction.hpp"
#include "gancert/quad/detail/planted_faults.hpp"
#include "gancert/quad/validated_integral.hpp"

namespace gancert::model {
namespace {

using arith::idouble;
using arith::impfr;

/// Component (u-power k, G-order m) of the six reduced-jet entries.
constexpr std::array<int, 6> upower{0, 1, 0, 2, 1, 0};
constexpr std::array<int, 6> gorder{0, 1, 1, 2, 2, 2};

/// Gauss–Legendre points for a relative target of 2^{−bits} (about 5 bits per point on the
/// pieces of the partition below).
std::size_t auto_points(int bits) {
    long n = std::lround(bits / 5.0) + 6;
    return static_cast<std::size_t>(std::clamp(n, 12L, 400L));
}

/// Initial truncation point for the target (double arithmetic; any T is valid, T only
/// decides the tail width).
double initial_T(double p, double beta, bool p_may_vanish, int bits) {
    const double L = bits * 0.6931471805599453 + 5.0;
    const double Lgen = L + 3.0 * std::log(2.0 + L);
    if (p_may_vanish || p == 0) return Lgen;
    const double ap = std::fabs(p);
    // The transition u* = −β/p only matters while e^{−u*} is not negligible against P, which
    // is at least of the size of D(±β)² ≳ e^{−2β²}: beyond u ≈ Lgen + 2β² the rest is tail
    // (enclosed by lemma Q.5 for any T). Capping u* keeps a tiny |p| (a → 0, e.g. a = 1e−300
    // or 4.9e−324 with u* = 1e300 or ∞) from stretching the partition to astronomic or
    // infinite lengths; efficiency only, every T is valid.
    const double ustar = std::min(std::max(0.0, -beta / p), Lgen + std::min(2.0 * beta * beta, 1e6));
    const double tneed = std::sqrt(L + std::log1p(ap)) + 2.0;
    double T = ustar + std::min(tneed / ap, L + 3.0 * std::log(2.0 + L + ustar));
    return std::max(T, 1.0);
}

/// Partition of [0, T]: pieces of length ~h0 = c√n 2^{−bits/(2n)}/|p| at the erf transition
/// u* = −β/p, growing geometrically (factor ~1.5) away from it; at most max(2, u/2) long
/// because of e^{−u}. Only efficiency depends on this choice.
std::vector<double> partition(double p, double beta, double T, std::size_t n, int bits,
                              std::size_t max_pieces) {
    const double ap = std::fabs(p);
    const bool has_transition = ap > 0 && std::isfinite(beta / p);
    const double ustar = has_transition ? -beta / p : 0.0;
    const double h0 = has_transition
                          ? 1.0 * std::sqrt(static_cast<double>(n)) * std::exp2(-bits / (2.0 * n)) / ap
                          : std::numeric_limits<double>::infinity();
    std::vector<double> pts{0.0};
    double x = 0.0;
    while (x < T) {
        double L = std::max(2.0, 0.5 * x);
        if (has_transition) L = std::min(L, std::max(h0, 0.5 * std::fabs(x - ustar)));
        L = std::max(L, 1e-9 * std::max(x, 1e-300));
        if (x + L > T || T - (x + L) < 0.25 * L) L = T - x;
        const double nx = x + L;
        if (!(nx > x) || pts.size() > max_pieces)
            throw std::range_error("gancert integral path: argument outside supported range (p = " +
                                   std::to_string(p) + ", beta = " + std::to_string(beta) +
                                   ": the quadrature partition would exceed the budget)");
        x = nx;
        pts.push_back(x);
    }
    return pts;
}

/// Γ(k+1, T) = ∫_T^∞ u^k e^{−u} du = e^{−T} Σ_{j≤k} (k!/j!) T^j, k ≤ 2.
template <class I>
I upper_gamma(int k, const I& T) {
    I e = exp(-T);
    if (k == 0) return e;
    if (k == 1) return e * (I(1) + T);
    return e * (I(2) + I(2) * T + square(T));
}

/// Tail enclosure ∫_T^∞ of the six components (lemma Q.5).
template <class I>
std::array<I, 6> tail_enclosure(const I& p, const I& beta, const I& T, const ErfDiscriminator& disc,
                                double scale) {
    std::array<I, 3> hull;
    if (arith::certainly_positive(p)) {
        I t0 = I(p.lower()) * T + I(beta.lower());
        for (int m = 0; m < 3; ++m) hull[m] = ErfDiscriminator::range_right_of<I>(m, t0);
    } else if (arith::certainly_negative(p)) {
        I t0 = I(p.upper()) * T + I(beta.upper());
        for (int m = 0; m < 3; ++m) hull[m] = ErfDiscriminator::range_left_of<I>(m, t0);
    } else if (p.lower() == 0 && p.upper() == 0) {
        hull = disc.square_derivatives(beta);
    } else {
        for (int m = 0; m < 3; ++m) hull[m] = ErfDiscriminator::global_range<I>(m);
    }
    std::array<I, 6> out;
    for (int c = 0; c < 6; ++c) {
        out[c] = hull[gorder[c]] * upper_gamma(upower[c], T);
        if (scale != 1.0) out[c] = out[c] * I(scale);
    }
    return out;
}

/// Relative target 2^{−bits} of the final entries: the option, or W − integral_guard_bits for
/// impfr (model/eval_policy.hpp) and 36 for idouble (parameters like 2.2 are
/// intervals one ulp wide; their propagation alone costs ~12 bits in Hessian entries).
template <class S>
int target_bits_for(const IntegralOptions& opt) {
    if (opt.target_bits > 0) return opt.target_bits;
    if constexpr (std::is_same_v<S, impfr>) return static_cast<int>(arith::working_bits()) - static_cast<int>(integral_guard_bits);
    return 36;
}
template <class S>
int floor_bits_for(const IntegralOptions& opt) {
    if (opt.floor_bits > 0) return opt.floor_bits;
    if constexpr (std::is_same_v<S, impfr>) return 1 << 22;
    return 1000;
}

/// True if every entry x meets width(x) ≤ 2^{−bits}·mig(x) + 2^{−floor_bits}.
template <class I>
bool entry_meets(const I& x, int bits, int floor_bits) {
    using T = arith::endpoint_t<I>;
    T allowed = (pow(I(2), -bits) * I(arith::mig(x)) + pow(I(2), -floor_bits)).lower();
    return arith::width_up(x) <= allowed;
}

template <class I>
ReducedReport<I> reduced_rigorous(const I& p, const I& beta, const IntegralOptions& opt) {
    using T = arith::endpoint_t<I>;
    constexpr bool is_mp = std::is_same_v<I, impfr>;
    const int wbits = is_mp ? static_cast<int>(arith::working_bits()) : 53;
    // The reduced components get guard bits over the target of the final entries (eval_policy.hpp).
    const int bits = std::min(target_bits_for<I>(opt) + integral_component_guard_bits, wbits - 2);
    const int floor_bits = floor_bits_for<I>(opt) + integral_component_guard_bits;
    const std::size_t n = opt.gl_points > 0 ? opt.gl_points : auto_points(bits);

    quad::QuadOptions qo;
    qo.target_bits = bits;
    qo.floor_bits = floor_bits;
    qo.gl_points = n;
    qo.max_subintervals = opt.max_subintervals;

    ReducedIntegrand<I> f{p, beta};
    ErfDiscriminator disc;
    const double pm = arith::to_double(p), bm = arith::to_double(beta);
    const bool may_vanish = arith::contains_zero(p);
    double Tend = initial_T(pm, bm, may_vanish, bits);
    ReducedReport<I> rep;
    for (int ext = 0;; ++ext) {
        std::vector<double> pts = partition(may_vanish ? 0.0 : pm, bm, Tend, n, bits, opt.max_subintervals);
        std::vector<T> bps(pts.begin(), pts.end());
        const I Ti(bps.back());
        std::array<I, 6> tail = tail_enclosure(p, beta, Ti, disc, quad::detail::planted_faults().scale_tail);
        auto res = quad::integrate_validated<I>(f, bps, tail, qo);
        rep.subintervals = res.subintervals;
        rep.evaluations += res.evaluations;
        rep.T = Tend;
        for (int c = 0; c < 6; ++c) {
            if (c == 0) rep.P.v = res.value[0];
            else if (c <= 2) rep.P.g[c - 1] = res.value[c];
            else rep.P.h[c - 3] = res.value[c];
        }
        if (res.status == quad::QuadStatus::ok) { rep.status = IntegralStatus::ok; return rep; }
        rep.status = IntegralStatus::tolerance_not_met;
        // Is the tail responsible for a failing component? Then push T outwards.
        bool tail_guilty = false;
        const I tol = pow(I(2), -bits);
        for (int c = 0; c < 6; ++c) {
            if (res.met[c]) continue;
            T allowed = (tol * I(arith::mig(res.value[c]))).lower();
            const T tw = arith::width_up(tail[c]);
            // guilty if the tail alone exceeds the budget and is a sizeable part of the width
            if (!(tw * 4 <= allowed) && !(tw * 4 <= arith::width_up(res.value[c]))) tail_guilty = true;
        }
        if (!tail_guilty || ext >= opt.max_tail_extensions) return rep;
        Tend = 2.0 * Tend + 8.0;
    }
}

/// Approximate tail for the double path: Γ(k+1, T)·G_m(pT + β).
std::array<long double, 6> tail_estimate(long double p, long double beta, long double T) {
    ErfDiscriminator disc;
    auto G = disc.square_derivatives(p * T + beta);
    std::array<long double, 6> out;
    const long double e = std::exp(-T);
    const std::array<long double, 3> gam{e, e * (1 + T), e * (2 + 2 * T + T * T)};
    for (int c = 0; c < 6; ++c) out[c] = G[gorder[c]] * gam[upower[c]];
    return out;
}

/// Fast path: fixed-order Gauss–Legendre in long double (64-bit significand: the sign-changing
/// second-derivative integrands cancel by up to ~10³, which double cannot absorb at 1e−14).
ReducedReport<long double> reduced_fast(long double p, long double beta, const IntegralOptions& opt) {
    const int bits = 64;
    const std::size_t n = opt.gl_points > 0 ? opt.gl_points : 24;
    const double T = initial_T(static_cast<double>(p), static_cast<double>(beta), false, bits);
    std::vector<double> pts = partition(static_cast<double>(p), static_cast<double>(beta), T, n, bits, opt.max_subintervals);
    ReducedIntegrand<long double> f{p, beta};
    auto s = quad::integrate_fast<long double>(f, pts, n);
    auto tail = tail_estimate(p, beta, pts.back());
    ReducedReport<long double> rep;
    rep.P.v = s[0] + tail[0];
    rep.P.g[0] = s[1] + tail[1];
    rep.P.g[1] = s[2] + tail[2];
    for (int c = 3; c < 6; ++c) rep.P.h[c - 3] = s[c] + tail[c];
    rep.subintervals = pts.size() - 1;
    rep.evaluations = rep.subintervals * n;
    rep.T = T;
    return rep;
}

}  // namespace

template <class S>
ReducedReport<S> reduced_integral(const S& p, const S& beta, const IntegralOptions& opt) {
    if constexpr (std::is_same_v<S, double>) {
        auto r = reduced_fast(p, beta, opt);
        ReducedReport<double> out;
        out.P.v = static_cast<double>(r.P.v);
        for (int i = 0; i < 2; ++i) out.P.g[i] = static_cast<double>(r.P.g[i]);
        for (int i = 0; i < 3; ++i) out.P.h[i] = static_cast<double>(r.P.h[i]);
        out.subintervals = r.subintervals;
        out.evaluations = r.evaluations;
        out.T = r.T;
        return out;
    } else
        return reduced_rigorous<S>(p, beta, opt);
}

/// Double path: everything (integrals and the chain rule) in long double, rounded at the end.
IntegralReport<double> evaluate_fast(const Params<double>& prm, const IntegralOptions& opt) {
    const auto r = reduce<long double>(prm);
    auto r1 = reduced_fast(r.p1.v, r.beta1.v, opt);
    auto r2 = reduced_fast(r.p2.v, r.beta2.v, opt);
    IntegralReport<double> out;
    out.eval = assemble(r, r1.P, r2.P).transform([](long double x) { return static_cast<double>(x); });
    out.subintervals = r1.subintervals + r2.subintervals;
    out.evaluations = r1.evaluations + r2.evaluations;
    return out;
}

template <class S>
IntegralReport<S> evaluate_integral_report(const Params<S>& prm, const IntegralOptions& opt) {
    if constexpr (std::is_same_v<S, double>) {
        return evaluate_fast(prm, opt);
    } else {
        const auto r = reduce<S>(prm);
        ReducedReport<S> r1 = reduced_integral<S>(r.p1.v, r.beta1.v, opt);
        ReducedReport<S> r2 = reduced_integral<S>(r.p2.v, r.beta2.v, opt);
        IntegralReport<S> out;
        out.eval = assemble(r, r1.P, r2.P);
        const int tb = target_bits_for<S>(opt), fb = floor_bits_for<S>(opt);
        out.status = out.eval.all_of([&](const S& x) { return entry_meets(x, tb, fb); })
                         ? IntegralStatus::ok
                         : IntegralStatus::tolerance_not_met;
        out.subintervals = r1.subintervals + r2.subintervals;
        out.evaluations = r1.evaluations + r2.evaluations;
        return out;
    }
}

IntegralCertified evaluate_integral_certified(const DecimalParams& prm, unsigned digits,
                                                IntegralOptions opt) {
    validate(prm);
    // The policy's ladder from ⌈digits·log2 10⌉ + integral_guard_bits, at most two doublings;
    // "met" is the integral path's own status (target ⌈digits·log2 10⌉ + 1 bits, floor 2^−2^22).
    EvalPolicy policy = EvalPolicy::to_digits(digits);
    policy.start_bits = arith::bits_for_digits(digits, integral_guard_bits);
    policy.max_bits = policy.start_bits << integral_max_doublings;
    if (opt.target_bits <= 0) opt.target_bits = static_cast<int>(std::ceil(digits * 3.3219280948873623)) + 1;
    if (opt.floor_bits <= 0) opt.floor_bits = integral_floor_bits;
    IntegralCertified out;
    for (unsigned bits = policy.start_bits, attempt = 0;; ++attempt) {
        arith::precision_guard guard(bits);
        out.report = evaluate_integral_report(to_scalar_unchecked<impfr>(prm), opt);
        out.bits = bits;
        auto next = policy.next_bits(bits, attempt);
        if (out.report.status == IntegralStatus::ok || !next) return out;
        bits = *next;
    }
}

template ReducedReport<double> reduced_integral<double>(const double&, const double&, const IntegralOptions&);
template ReducedReport<idouble> reduced_integral<idouble>(const idouble&, const idouble&, const IntegralOptions&);
template ReducedReport<impfr> reduced_integral<impfr>(const impfr&, const impfr&, const IntegralOptions&);
template IntegralReport<double> evaluate_integral_report<double>(const Params<double>&, const IntegralOptions&);
template IntegralReport<idouble> evaluate_integral_report<idouble>(const Params<idouble>&, const IntegralOptions&);
template IntegralReport<impfr> evaluate_integral_report<impfr>(const Params<impfr>&, const IntegralOptions&);

}  // namespace gancert::model
