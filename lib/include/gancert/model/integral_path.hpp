// gancert/model/integral_path.hpp — the R/S/E/E model through validated quadrature.
//
// Design §3.1: J1 = F(a, b; c), J2 = F(−ag, −(ah+b); 1) with F(α, β; λ) = E[D(αY+β)²],
// Y ~ Exp(λ). With U ~ Exp(1): J1 = P(a/c, b), J2 = P(−ag, −(ah+b)), where
//     P(p, β) = ∫_0^∞ e^{−u} D(pu + β)² du.
// P is computed as a 2-jet in (p, β) — value, ∂p, ∂β, ∂pp, ∂pβ, ∂ββ — by differentiating under
// the integral sign (docs/mathematics.md §2: the integrands are dominated by polynomial × e^{−u}):
//     ∂_p^k ∂_β^j P = ∫_0^∞ e^{−u} u^k G_{k+j}(pu + β) du,  G_m = (D²)^{(m)},
// then J's 4-jet in (a, b, g, h) follows from ad::compose with the jets of p and β.
//
// Enclosure (S = idouble, impfr):  ∫_0^T by quad::integrate_validated (Gauss–Legendre with a
// Bernstein-ellipse remainder, lemma Q.2; the integrand is entire because D is) over a partition
// that is fine (pieces ~ 1/|p|) near the erf transition u* = −β/p and grows geometrically
// away from it; plus the tail ∫_T^∞ ∈ Γ(k+1, T)·{G_m(t) : t = pu+β, u ≥ T} (lemma Q.5),
// T chosen so that the tail is below the tolerance and extended if it is not.
// Works for every real p, β (p < 0, p = 0 included) and for wide intervals p, β (boxes of the
// certifier, including boxes with a = 0 or g = 0): the result is then a valid, possibly wide
// enclosure over the whole box.
//
// When is it wide? (1) Parameter boxes: width ~ |∇J|·box width (no attempt at a centred form).
// (2) The tolerance could not be met within the budgets (status tolerance_not_met): very large
// |p| (|a| ≳ 1e5·c), huge |β| ≳ 1e3 where in idouble e^{−t²} underflows (lower bounds 0), or
// components that are tiny compared with 2^{−floor_bits}. The enclosure is valid in every case;
// a caller escalates precision (impfr) or reports "cannot decide".
// Points outside the supported range (the partition would need more than max_subintervals
// pieces, e.g. |p| > 1e12) raise std::range_error("… outside supported range …").
//
// S = double: the same partition with a fixed-order Gauss–Legendre rule in double and an
// approximate tail; fast, not rigorous (about 1e−15 relative in tests).
//
// Contract: see the paragraphs above — enclosures for idouble/impfr, std::range_error outside
// the supported range, status tolerance_not_met (with a valid enclosure) when undecided.
#pragma once
#include <array>
#include <cstddef>
#include <type_traits>

#include "gancert/ad/jet.hpp"
#include "gancert/model/discriminator.hpp"
#include "gancert/model/eval_policy.hpp"
#include "gancert/model/params.hpp"

namespace gancert::model {

enum class IntegralStatus {
    ok,                 ///< every entry meets the requested relative tolerance
    tolerance_not_met,  ///< enclosures valid but wider than requested (escalate precision)
};

struct IntegralOptions {
    /// Relative tolerance 2^{−target_bits} for every output entry (J1, J2, J, ∇J, ∇²J);
    /// 0 = default: impfr working bits − integral_guard_bits (16, model/eval_policy.hpp; so that at bits_for_digits(N) the entries reach
    /// relative width 10^{−N}), idouble 36. The reduced integrals are driven to target + 6
    /// bits. Ignored by the double path (fixed rule, about 1e−15 relative).
    int target_bits = 0;
    /// Absolute floor 2^{−floor_bits} added to every entry's allowed width; 0 = default
    /// (impfr: 2^22, i.e. relative width also for tiny entries; idouble: 1000).
    int floor_bits = 0;
    /// Gauss–Legendre points per piece; 0 = chosen from the target precision.
    std::size_t gl_points = 0;
    /// Budget of pieces per reduced integral.
    std::size_t max_subintervals = 3000;
    /// How often the truncation point T may be doubled when the tail is too wide.
    int max_tail_extensions = 8;
};

/// The integral path's options over a parameter box of the certifier (model/eval_policy.hpp:
/// box_target_bits_*, box_max_subintervals, box_max_tail_extensions).
template <class S>
IntegralOptions box_integral_options() {
    IntegralOptions opt;
    opt.target_bits = std::is_same_v<S, arith::idouble> ? box_target_bits_double : box_target_bits_mp;
    opt.max_subintervals = box_max_subintervals;
    opt.max_tail_extensions = box_max_tail_extensions;
    return opt;
}

/// Order of the 2-jet components of P: value, ∂p, ∂β, ∂pp, ∂pβ, ∂ββ (= ad::Jet<S,2> packing).
template <class S>
using ReducedJet = ad::Jet<S, 2>;

/// The integrand of P and its (p, β)-derivatives at u, for any scalar X of the library
/// (double, idouble, impfr, cbox<I>): {e^{−u}G0, e^{−u}u G1, e^{−u}G1, e^{−u}u² G2,
/// e^{−u}u G2, e^{−u}G2} at t = pu + β. Written once, templated on the discriminator.
template <class Param, class Disc = ErfDiscriminator>
struct ReducedIntegrand {
    Param p, beta;
    Disc disc{};
    template <class X>
    std::array<X, 6> operator()(const X& u) const {
        X t = X(p) * u + X(beta);
        std::array<X, 3> G = disc.square_derivatives(t);
        X w = thin::fast_exp(-u);
        X wu = w * u;
        X wuu = wu * u;
        return {w * G[0], wu * G[1], w * G[1], wuu * G[2], wu * G[2], w * G[2]};
    }
    /// The same integrand with the parameters enclosed in J (used for fast remainder bounds).
    template <class J>
    ReducedIntegrand<J, Disc> rebind() const {
        if constexpr (std::is_same_v<J, arith::idouble> && std::is_same_v<Param, arith::impfr>) {
            arith::rounding<double> r;
            return {J(r.conv_down(p.lower()), r.conv_up(p.upper())),
                    J(r.conv_down(beta.lower()), r.conv_up(beta.upper())), disc};
        } else {
            return {J(p), J(beta), disc};
        }
    }
};

template <class S>
struct ReducedReport {
    ReducedJet<S> P;
    IntegralStatus status = IntegralStatus::ok;
    std::size_t subintervals = 0;
    std::size_t evaluations = 0;
    double T = 0;  ///< truncation point used
};

/// P(p, β) = ∫_0^∞ e^{−u} D(pu+β)² du as a 2-jet in (p, β), D = ErfDiscriminator.
/// S = idouble / impfr: enclosures of all six entries, for any real p, β and boxes
/// (status tells whether the tolerance was met). S = double: fast approximation.
/// Throws std::range_error for arguments outside the supported range (see above).
template <class S>
ReducedReport<S> reduced_integral(const S& p, const S& beta, const IntegralOptions& opt = {});

template <class S>
struct IntegralReport {
    Evaluation<S> eval;
    /// ok iff every entry of eval meets width ≤ 2^{−target}·|entry| + 2^{−floor} (intervals).
    IntegralStatus status = IntegralStatus::ok;
    std::size_t subintervals = 0;                ///< total pieces of both integrals
    std::size_t evaluations = 0;
};

/// J1, J2 and the 4-jet (value, gradient, Hessian in a, b, g, h) of J = J1 + J2 for the
/// R/S/E/E model through the integral path. S = double: fast, not rigorous. S = idouble or
/// impfr (at the thread's working precision): every entry an enclosure of the exact value,
/// for point parameters and for parameter boxes. No domain restriction beyond c > 0
/// (parameters are not validated here; see model::validate for user input).
template <class S>
IntegralReport<S> evaluate_integral_report(const Params<S>& prm, const IntegralOptions& opt = {});

/// Same as evaluate_integral_report(...).eval.
template <class S>
Evaluation<S> evaluate_integral(const Params<S>& prm, const IntegralOptions& opt = {}) {
    return evaluate_integral_report(prm, opt).eval;
}

/// Certified evaluation to `digits` significant decimal digits: evaluates in impfr at
/// ⌈digits·log2 10⌉ + integral_guard_bits with target_bits = ⌈digits·log2 10⌉ + 1 (so every
/// entry has relative width ≤ 10^{−digits}, absolute 2^{−floor} near 0) and, while the status
/// is tolerance_not_met (cancellation costs bits), climbs the EvalPolicy ladder (doubling) up
/// to 4× the initial precision. The returned intervals carry the precision that succeeded
/// (`bits`); if none did, status stays tolerance_not_met with the last (valid) enclosures.
/// Parameters are parsed (exact decimals) and validated (arith::bad_input on bad input).
struct IntegralCertified {
    IntegralReport<arith::impfr> report;
    unsigned bits = 0;
};
IntegralCertified evaluate_integral_certified(const DecimalParams& prm, unsigned digits,
                                                IntegralOptions opt = {});

}  // namespace gancert::model
