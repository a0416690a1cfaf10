// TV and JSD between Exp(c) and h + Exp(1/g); proofs/lemmas.md X.7.
#include "gancert/counterexample/exponential_contrast.hpp"

#include <stdexcept>

namespace gancert::counterexample {
using arith::impfr;
using arith::integer;
using arith::mpfr;

namespace {
/// Endpoint-wise maximum: encloses max(x, y) for x ∈ X, y ∈ Y.
impfr max_enclosure(const impfr& x, const impfr& y) {
    return arith::make_interval(x.lower() < y.lower() ? y.lower() : x.lower(),
                                x.upper() < y.upper() ? y.upper() : x.upper());
}
}  // namespace

impfr total_variation(const ExponentialPair& p) {
    const impfr one = integer<impfr>(1);
    const impfr zero = integer<impfr>(0);
    const impfr gamma = p.same_rate ? p.c : p.gamma;
    const impfr& c = p.c;
    const impfr& h = p.h;
    // Mass of [0, h) under P_d when h > 0 (there p_g = 0 < p_d).
    const impfr head = p.h_sign > 0 ? one - arith::exp(-(c * h)) : zero;
    const impfr hplus = p.h_sign > 0 ? h : zero;
    if (p.same_rate) {  // log(p_d/p_g) = −γh on [h⁺, ∞)
        if (p.h_sign == 0) return zero;                       // P_g = P_d
        if (p.h_sign < 0) return one - arith::exp(gamma * h);  // A = [0, ∞)
        return head;                                          // A = [0, h)
    }
    const impfr diff = gamma - c;
    if (arith::contains_zero(diff)) throw std::domain_error("total_variation: sign of 1/g − c undecided");
    const impfr x0 = (arith::log(gamma / c) + gamma * h) / diff;
    const impfr a = max_enclosure(x0, hplus);                    // a = max(x0, h⁺) >= h⁺ >= h
    const impfr a_minus_h = max_enclosure(x0 - h, hplus - h);  // = a − h >= 0
    if (arith::certainly_positive(diff)) {                      // γ > c: A ∩ [h⁺,∞) = (a, ∞)
        return head + arith::exp(-(c * a)) - arith::exp(-(gamma * a_minus_h));
    }
    // γ < c: A ∩ [h⁺, ∞) = [h⁺, a)
    const impfr hplus_minus_h = p.h_sign > 0 ? zero : -h;
    return head + (arith::exp(-(c * hplus)) - arith::exp(-(c * a))) -
           (arith::exp(-(gamma * hplus_minus_h)) - arith::exp(-(gamma * a_minus_h)));
}

impfr jensen_shannon_bracket(const impfr& tv) {
    const impfr lo = arith::square(impfr(tv.lower())) / integer<impfr>(2);
    const impfr hi = impfr(tv.upper()) * arith::ln2<impfr>();
    return arith::make_interval(mpfr(lo.lower()), mpfr(hi.upper()));
}

}  // namespace gancert::counterexample
