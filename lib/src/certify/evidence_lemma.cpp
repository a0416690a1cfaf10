// Lemma leaves for no-saddle / no-stationary (proofs/lemmas.md §S1, §S2, §S8, §S10, §S12; S13–S19 in far_lemmas.cpp): one gradient
// component of the rsee cost has a fixed sign on the leaf by an analytic lemma whose hypotheses
// are exact decimal comparisons of the leaf's ranges (S1, S2: valid on unbounded leaves, no
// evaluation of J) or inequalities between interval enclosures computed from the ranges (S8,
// near the hyperplane a = 0; S12, a tail split for large |b| there). The verifier re-derives the leaf
// from its box and the cited lemma.
#include "evidence_units.hpp"

#include <algorithm>
#include <cstdio>

#include "evidence_support.hpp"
#include "far_lemmas.hpp"
#include "lemma_support.hpp"
#include "gancert/arith/constants.hpp"
#include "gancert/arith/functions.hpp"
#include "gancert/certify/stationary_set.hpp"

namespace gancert::certify::detail {
namespace {

bool finite_box(const ModelBox& m) {
    for (int k = 0; k < 4; ++k)
        if (!m.lo[k].is_finite() || !m.hi[k].is_finite()) return false;
    return true;
}
/// Upper bound of max(|lo|, |hi|) as a point interval's upper end.
idouble absmax(const Decimal& lo, const Decimal& hi) {
    idouble x = ival(lo, hi);
    return idouble(std::max(-x.lower(), x.upper()));
}

/// [0, upper bound of x]: an enclosure of a nonnegative quantity known only from above.
idouble upto(const idouble& x) { return idouble(0, std::max(0.0, x.upper())); }

/// A heuristic split point (any positive value is valid): x to 3 significant digits as an exact
/// decimal, or nullopt unless x is positive and finite.
std::optional<Decimal> heuristic_decimal(double x, const char* name) {
    if (!(x > 0) || !std::isfinite(x)) return std::nullopt;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3g", x);
    return Decimal::parse(buf, name);
}

/// S1: a ≠ 0 on the leaf (exact), g >= 0, c > 0 ⇒ sign ∂J/∂h = sign ∂J/∂g = −sign a.
std::optional<LemmaEvidence> lemma_s1(const BoxFunction& f, const ModelBox& m) {
    int sa = m.lo[A].sign() > 0 ? 1 : m.hi[A].sign() < 0 ? -1 : 0;
    if (sa == 0 || m.lo[G].sign() < 0 || m.c.sign() <= 0) return std::nullopt;
    int k = free_index(f, H) ? H : free_index(f, G) ? G : -1;
    if (k < 0) return std::nullopt;
    Hyps hyps = {std::string(sa > 0 ? "a_lo > 0: " : "a_hi < 0: ") + range_text(m, A),
                 "g_lo >= 0: " + range_text(m, G), "c > 0: c = " + m.c.str()};
    return leaf(LemmaId::S1, *free_index(f, k), -sa, hyps,
                std::string("dJ/d") + names4[k] + (sa > 0 ? " < 0" : " > 0") + " on the leaf (sign -sign a)");
}

/// S2: a = 0 fixed, b free with b ≠ 0 on the leaf (exact), c > 0 ⇒ sign ∂J/∂b = sign b.
std::optional<LemmaEvidence> lemma_s2(const BoxFunction& f, const ModelBox& m) {
    if (m.free_[A] || m.lo[A].sign() != 0 || !free_index(f, B_) || m.c.sign() <= 0) return std::nullopt;
    int sb = m.lo[B_].sign() > 0 ? 1 : m.hi[B_].sign() < 0 ? -1 : 0;
    if (sb == 0) return std::nullopt;
    Hyps hyps = {"a = 0 (fixed)", std::string(sb > 0 ? "b_lo > 0: " : "b_hi < 0: ") + range_text(m, B_),
                 "c > 0: c = " + m.c.str()};
    return leaf(LemmaId::S2, *free_index(f, B_), sb, hyps,
                std::string("dJ/db = 2 phi(b) erf(b)") + (sb > 0 ? " > 0" : " < 0") + " on the leaf");
}

/// S10: the a-range contains 0 and a is free (not fixed), g or h free, g_lo >= 0, c > 0, and the
/// a = 0 slice of the leaf misses the stationary set: b free with b ≠ 0 on the leaf (S2), or b free
/// or fixed to 0 with c(g + h) ≠ 1 on the leaf (S3 at b = 0, S2 at b ≠ 0). Points with a ≠ 0 are
/// excluded by S1 (∂J/∂h resp. ∂J/∂g ≠ 0), points with a = 0 by S2/S3: no stationary point in the
/// leaf. Exact comparisons only; valid on unbounded leaves (no index/sign: the excluding
/// component depends on the point).
std::optional<LemmaEvidence> lemma_s10(const BoxFunction& f, const ModelBox& m) {
    if (!m.free_[A] || m.lo[A].sign() > 0 || m.hi[A].sign() < 0) return std::nullopt;
    if (m.lo[G].sign() < 0 || m.c.sign() <= 0) return std::nullopt;
    int k = free_index(f, H) ? H : free_index(f, G) ? G : -1;
    if (k < 0) return std::nullopt;
    bool b_free = free_index(f, B_).has_value();
    bool b_off = b_free && (m.lo[B_].sign() > 0 || m.hi[B_].sign() < 0);
    Hyps hyps = {"a free, a_lo <= 0 <= a_hi: " + range_text(m, A), "g_lo >= 0: " + range_text(m, G),
                 "c > 0: c = " + m.c.str(), std::string(names4[k]) + " free (S1 at a != 0)"};
    std::string slice;
    if (b_off) {
        hyps.push_back(std::string(m.lo[B_].sign() > 0 ? "b_lo > 0: " : "b_hi < 0: ") + range_text(m, B_));
        slice = "dJ/db = 2 phi(b) erf(b) != 0 (S2)";
    } else {
        if (!b_free && m.lo[B_].sign() != 0) return std::nullopt;  // b fixed away from 0: S3 does not apply
        try {
            Decimal one(1), lo = m.c * (m.lo[G] + m.lo[H]), hi = m.c * (m.hi[G] + m.hi[H]);
            if (!(hi < one) && !(one < lo)) return std::nullopt;
            hyps.push_back(std::string(hi < one ? "c(g_hi + h_hi) < 1: " : "c(g_lo + h_lo) > 1: ") + range_text(m, G) +
                           ", " + range_text(m, H));
        } catch (const std::domain_error&) {
            return std::nullopt;  // an undefined extended sum (inf - inf)
        }
        slice = std::string(b_free ? "dJ/db = 2 phi(b) erf(b) != 0 at b != 0 (S2), " : "") +
                "dJ/da = (1/c - (g + h))/sqrt(pi) != 0 at b = 0 (S3)";
    }
    LemmaEvidence e;
    e.lemma = LemmaId::S10;
    e.hypotheses = std::move(hyps);
    e.conclusion = std::string("no stationary point on the leaf: at a != 0 dJ/d") + names4[k] +
                   " has the sign -sign a (S1); at a = 0 " + slice;
    return e;
}

/// κ = 1/π + √(2/(πe)) ≥ |φ² + Dφ'| and ≥ |−φ² + (1 − D)φ'| on ℝ (lemma S8).
idouble kappa() {
    idouble pi = arith::pi<idouble>();
    return idouble(1) / pi + boost::numeric::sqrt(idouble(2) / (pi * arith::exp(idouble(1))));
}

/// S8b's base 2φ(b)erf(b) at the two ends of the b-range differs by more than a factor 2 (or
/// underflows at both: no information; a heuristic only).
bool s8b_base_spread(const ModelBox& m) {
    auto base = [](const Decimal& b) {
        idouble x = ival(b, b), y = arith::exp(-arith::square(x)) * arith::erf(x);
        return std::max(std::fabs(y.lower()), std::fabs(y.upper()));
    };
    double u = base(m.lo[B_]), v = base(m.hi[B_]);
    return std::max(u, v) == 0 || std::min(u, v) < 0.5 * std::max(u, v);
}
/// S8b: b ≠ 0 on the leaf, finite ranges: ∂J/∂b = 2φ(b)erf(b) + a·∂²J/∂a∂b(ξ) with
/// |∂²J/∂a∂b| <= 2κ(1/c + g_hi + max|h|), so sign ∂J/∂b = sign b when
/// |2φ(b)erf(b)| > max|a| · 2κ(1/c + g_hi + max|h|) on the leaf.
S8 s8b_numbers(const ModelBox& m) {
    idouble b = ival(m.lo[B_], m.hi[B_]);
    idouble base = idouble(2) * arith::exp(-arith::square(b)) * arith::inv_sqrt_pi<idouble>() * arith::erf(b);
    idouble ab = idouble(1) / ival(m.c, m.c) + ival(m.hi[G], m.hi[G]) + absmax(m.lo[H], m.hi[H]);
    idouble rem = absmax(m.lo[A], m.hi[A]) * idouble(2) * kappa() * ab;
    return decide(base, rem);
}
/// S8a: c(g + h) ≠ 1 on the leaf, finite ranges: ∂J/∂a = (1/c − (g+h))/√π + a·∂²J/∂a²(ξ) +
/// b·∂²J/∂a∂b(ξ), |∂²J/∂a²| <= 2κ(2/c² + 2g_hi² + 2g_hi·max|h| + max|h|²).
S8 s8a_numbers(const ModelBox& m, idouble* a_term, idouble* b_term) {
    idouble c = ival(m.c, m.c), gh = ival(m.lo[G] + m.lo[H], m.hi[G] + m.hi[H]);
    idouble base = (idouble(1) / c - gh) * arith::inv_sqrt_pi<idouble>();
    idouble gm = ival(m.hi[G], m.hi[G]), hm = absmax(m.lo[H], m.hi[H]), k2 = idouble(2) * kappa();
    idouble aa = k2 * (idouble(2) / arith::square(c) + idouble(2) * arith::square(gm) + idouble(2) * gm * hm +
                       arith::square(hm));
    idouble ab = k2 * (idouble(1) / c + gm + hm);
    *a_term = absmax(m.lo[A], m.hi[A]) * aa;
    *b_term = absmax(m.lo[B_], m.hi[B_]) * ab;
    return decide(base, *a_term + *b_term);
}

/// S12 (tail split, b ≠ 0 on the leaf, finite ranges, g_lo >= 0, c > 0; proofs/lemmas.md §S12):
/// with a⁺ = max(a_hi, 0), a⁻ = max(−a_lo, 0), Hp = max(h_hi, 0), Hn = max(−h_lo, 0) and an exact
/// decimal s > 0, the dominating term of ∂J/∂b (X's for b > 0, G's for b < 0) is at least
/// (1 − P_dom)·D(β1)·e^{−M²}/√π and the other at most ψ(β2) + P_oth/√π (ψ = (1 − D)φ; the
/// arguments of D stay in [β1, M] resp. ≥ β2 off the tail events X > s, G⁺ > s; P_oth = 0 when
/// a has the sign that needs no tail). Both sides are recorded scaled by e^{M²} (no underflow for
/// large |b|): base = ±(1 − P_dom)D(β1)/√π, remainder = erfcx(β2)e^{M² − 2β2²}/(2√π) +
/// P_oth e^{M²}/√π. `split_b` (certifier only): the inequality fails even with a = 0, so the
/// b-range, not the a-range, is too wide.
struct S12 {
    S8 s;
    Decimal split;
    bool split_b = false;
};
std::optional<S12> s12_numbers(const ModelBox& m, const std::optional<Decimal>& recorded_s) {
    int side = m.lo[B_].sign() > 0 ? 1 : m.hi[B_].sign() < 0 ? -1 : 0;
    if (side == 0 || !finite_box(m) || m.lo[G].sign() < 0 || m.c.sign() <= 0) return std::nullopt;
    auto pos = [](const idouble& x) { return idouble(std::max(0.0, x.upper())); };  // upper bound of max(x, 0)
    idouble ap = pos(ival(m.hi[A], m.hi[A])), am = pos(-ival(m.lo[A], m.lo[A]));
    idouble Hp = pos(ival(m.hi[H], m.hi[H])), Hn = pos(-ival(m.lo[H], m.lo[H]));
    idouble blo = ival(m.lo[B_], m.lo[B_]), bhi = ival(m.hi[B_], m.hi[B_]), cc = ival(m.c, m.c), gh = ival(m.hi[G], m.hi[G]);
    idouble one(1), two(2), rsqpi = arith::inv_sqrt_pi<idouble>();
    // the tail of the other variable is needed only when a reaches the side that pushes its
    // argument of D towards 0: a < 0 for G when b > 0, a > 0 for X when b < 0
    bool other_tail = side > 0 ? am.upper() > 0 : ap.upper() > 0;
    Decimal sd;
    if (recorded_s) {
        sd = *recorded_s;
    } else {  // heuristic only (any s > 0 is valid)
        double B2 = std::max(blo.upper() * blo.upper(), bhi.upper() * bhi.upper()) + 10, guess;
        double g_tail = gh.upper() > 0 ? Hp.upper() + gh.upper() * (other_tail ? B2 : 1) : Hp.upper() + 1;
        if (side > 0) guess = other_tail ? g_tail : 1 / cc.lower();  // other G's tail, else X's P ≈ e^{−1}
        else guess = other_tail ? B2 / cc.lower() : g_tail;
        auto h = heuristic_decimal(guess * 1.001, "s");
        if (!h) return std::nullopt;
        sd = *h;
    }
    if (sd.sign() <= 0) return std::nullopt;
    idouble si = ival(sd, sd);
    // logs of the tail probability bounds P(X > s), P(G⁺ > s); nullopt for an empty event
    std::optional<idouble> log_PX = -cc * si, log_PG;
    if (gh.upper() == 0) {  // G⁺ <= Hp: empty for s >= Hp, else bounded by 1
        if (!(si.lower() >= Hp.upper())) log_PG = idouble(0);
    } else {
        log_PG = si.lower() > Hp.upper() ? -(si - Hp) / gh : idouble(0);
    }
    auto eval = [&](const idouble& ap, const idouble& am) -> S8 {
        // (+): t1 in [blo − a⁻s, bhi + a⁺s], t2 >= blo − a⁻s − a⁺Hn; (−): mirrored
        idouble b1 = side > 0 ? blo - am * si : -bhi - ap * si - am * Hn;
        idouble b2 = side > 0 ? blo - am * si - ap * Hn : -bhi - ap * si;
        idouble Mi = side > 0 ? bhi + ap * si : -blo + am * si + ap * Hn;
        if (!(b1.lower() > 0) || !(b2.lower() > 0)) return decide(idouble(0), idouble(0));  // undecided
        idouble B1(b1.lower()), B2(b2.lower()), M(Mi.upper()), M2 = arith::square(M);
        const auto& ldom = side > 0 ? log_PX : log_PG;
        std::optional<idouble> loth;
        if (other_tail) loth = side > 0 ? log_PG : log_PX;
        idouble Pdom = ldom ? upto(arith::exp(*ldom)) : idouble(0);
        idouble main = (one - Pdom) * (arith::erfc(-B1) / two) * rsqpi;
        idouble tail = loth ? upto(arith::exp(M2 + *loth)) * rsqpi : idouble(0);
        idouble rest = arith::erfcx(B2) * arith::exp(M2 - two * arith::square(B2)) * rsqpi / two + tail;
        return decide(side > 0 ? main : -main, rest);
    };
    S12 r{eval(ap, am), sd, false};
    if (!r.s.holds()) r.split_b = !eval(idouble(0), idouble(0)).holds();
    return r;
}

/// A split toward a = 0 is hinted only while S8 is within reach (|base| >= 1e-30 · remainder,
/// about 100 halvings of the remainder's factor max|a| or max|b|).
bool within_reach(const S8& s) { return std::max(s.base.lower(), -s.base.upper()) >= 1e-30 * s.remainder.upper(); }

/// The common hypothesis text of S8 and S12.
std::string finite_ranges_text(const ModelBox& m) {
    return "finite ranges, g_lo >= 0, c > 0: " + range_text(m, A) + ", " + range_text(m, B_) + ", " + range_text(m, G) + ", " +
           range_text(m, H) + ", c = " + m.c.str();
}

LemmaEvidence s12_leaf(const ModelBox& m, std::size_t ib, const S12& t, Hyps hyps) {
    hyps.push_back(std::string(t.s.sign > 0 ? "b_lo > 0: " : "b_hi < 0: ") + range_text(m, B_));
    hyps.push_back("tail split s = " + t.split.str() + " > 0, beta1 > 0, beta2 > 0");
    LemmaEvidence j = leaf(LemmaId::S12, ib, t.s.sign, std::move(hyps),
                           std::string("dJ/db") + (t.s.sign > 0 ? " > 0" : " < 0") + " on the leaf (both sides scaled by e^{M^2})");
    j.base = enc(t.s.base);
    j.remainder = enc(t.s.remainder);
    j.s = t.split.str();
    return j;
}

std::optional<LemmaEvidence> lemma_s8(const BoxFunction& f, const ModelBox& m, std::optional<unsigned>* hint, S8* raw = nullptr) {
    if (!finite_box(m) || m.lo[G].sign() < 0 || m.c.sign() <= 0) return std::nullopt;
    auto ia = free_index(f, A), ib = free_index(f, B_);
    Hyps common = {finite_ranges_text(m)};
    bool b_off = m.lo[B_].sign() > 0 || m.hi[B_].sign() < 0;
    // the lemma holds on any leaf; splitting toward a = 0 is hinted only on leaves meeting it
    std::optional<unsigned> dummy;
    if (m.lo[A].sign() > 0 || m.hi[A].sign() < 0) hint = &dummy;
    if (ib && b_off) {
        S8 s = s8b_numbers(m);
        if (raw) *raw = s;
        if (!s.holds()) {
            auto t = s12_numbers(m, std::nullopt);
            if (t && t->s.holds()) return s12_leaf(m, *ib, *t, common);
            // S12 says which range is too wide (it is within reach for any |b|: scaled numbers);
            // where it blames b, b is split only while S8b's base differs between the two ends
            // of the b-range (a thin b-range whose base is large enough waits for a smaller a)
            if (ia) *hint = static_cast<unsigned>(t && t->split_b && s8b_base_spread(m) ? *ib : *ia);
            return std::nullopt;
        }
        LemmaEvidence j = leaf(LemmaId::S8b, *ib, s.sign, common, std::string("dJ/db") + (s.sign > 0 ? " > 0" : " < 0") + " on the leaf");
        j.base = enc(s.base);
        j.remainder = enc(s.remainder);
        return j;
    }
    Decimal one(1);
    bool s_off = m.c * (m.hi[G] + m.hi[H]) < one || one < m.c * (m.lo[G] + m.lo[H]);
    if (ia && s_off) {
        idouble at, bt;
        S8 s = s8a_numbers(m, &at, &bt);
        if (raw) *raw = s;
        if (!s.holds()) {
            // with b fixed its remainder term never shrinks: where it alone outweighs the base,
            // no bisection reaches S8a (no hint; the bounds and the evaluation decide the leaf,
            // e.g. a stationary point at a = 0, b != 0 fixed, isolated by Krawczyk)
            if (!ib && !(std::max(s.base.lower(), -s.base.upper()) > bt.upper())) return std::nullopt;
            *hint = within_reach(s) ? static_cast<unsigned>(ib && bt.upper() > at.upper() ? *ib : *ia) : out_of_reach;
            return std::nullopt;
        }
        LemmaEvidence j = leaf(LemmaId::S8a, *ia, s.sign, common, std::string("dJ/da") + (s.sign > 0 ? " > 0" : " < 0") + " on the leaf");
        j.base = enc(s.base);
        j.remainder = enc(s.remainder);
        return j;
    }
    return std::nullopt;
}


/// The plateau test of a saturation lemma (S9, S11): J within level ± delta and the bound of
/// every free partial within ±eps. Returns the recorded gradient enclosures, or nullopt.
std::optional<std::vector<RecordedInterval>> plateau_bounds_hold(const BoxFunction& f, const Claim& c, const idouble& J,
                                        const std::vector<std::optional<idouble>>& bound) {
    Decimal lo = *c.level - *c.delta, hi = *c.level + *c.delta;
    if (!dec_below_eq(lo, J) || !dec_above_eq(hi, J)) return std::nullopt;
    std::vector<RecordedInterval> grad;
    for (const auto& name : f.names()) {
        int k = static_cast<int>(std::find(names4, names4 + 4, name) - names4);
        if (k >= 4 || !bound[k] || !dec_below_eq(-*c.eps, *bound[k]) || !dec_above_eq(*c.eps, *bound[k])) return std::nullopt;
        grad.push_back(enc(*bound[k]));
    }
    return grad;
}

/// The plateau leaf of a saturation lemma (S9, S11) with its bounds.
LemmaEvidence saturation_leaf(LemmaId id, Hyps hyps, const idouble& J, std::vector<RecordedInterval> grad, const char* why) {
    LemmaEvidence e;
    e.lemma = id;
    e.hypotheses = std::move(hyps);
    e.J = enc(J);
    e.grad = std::move(grad);
    e.conclusion = std::string("|J - level| <= delta and |dJ/dx_i| <= eps on the leaf (") + why + ")";
    return e;
}

/// S9 (saturation, plateau): on a leaf with a of one sign where every argument t of D stays on
/// one side of ±T (T > 0: t1 = aX + b, t2 = a(gU + h) + b ≥ T for a > 0, ≤ −T for a < 0; exact
/// decimal bounds, valid on unbounded leaves), with ε = erfc(T)/2 and φ_T = e^{−T²}/√π:
/// J ∈ [(1 − ε)², 1 + ε²], |∂J/∂b| ≤ 2φ_T, |∂J/∂g|, |∂J/∂h| ≤ 2 max|a| φ_T,
/// |∂J/∂a| ≤ 2φ_T (1/c + g_hi + max|h|). The leaf holds the plateau claim when these lie within
/// level ± delta and ±eps. Returns nullopt when a hypothesis fails or a needed range is unbounded.
std::optional<LemmaEvidence> lemma_s9(const BoxFunction& f, const ModelBox& m, const Claim& c) {
    if (!c.eps || !c.delta || !c.level || m.c.sign() <= 0 || m.lo[G].sign() < 0) return std::nullopt;
    int sa = m.lo[A].sign() > 0 ? 1 : m.hi[A].sign() < 0 ? -1 : 0;
    if (sa == 0) return std::nullopt;
    // the extreme argument: a > 0: min(b_lo, min_a a·h_lo + b_lo); a < 0: max(b_hi, max_a a·h_lo + b_hi)
    const Decimal& bb = sa > 0 ? m.lo[B_] : m.hi[B_];
    const Decimal& hl = m.lo[H];
    if (!bb.is_finite() || !hl.is_finite()) return std::nullopt;
    // a·h_lo over the a-range: its min (a > 0) / max (a < 0) sits at a_lo or a_hi by the sign of h_lo
    const Decimal& a_end = (sa > 0) == (hl.sign() >= 0) ? m.lo[A] : m.hi[A];
    if (!a_end.is_finite()) return std::nullopt;
    Decimal t2 = a_end * hl + bb;
    Decimal T = sa > 0 ? (t2 < bb ? t2 : bb) : -(t2 > bb ? t2 : bb);
    if (T.sign() <= 0) return std::nullopt;
    idouble Ti = ival(T, T);
    idouble eps = arith::erfc(Ti) / idouble(2), phi = arith::exp(-arith::square(Ti)) * arith::inv_sqrt_pi<idouble>();
    eps = idouble(0, eps.upper());  // ε bounds 1 − D (resp. D) from above only
    phi = idouble(0, phi.upper());
    idouble J(((idouble(1) - eps) * (idouble(1) - eps)).lower(), (idouble(1) + eps * eps).upper());
    auto sym = [](const idouble& r) { return idouble(-r.upper(), r.upper()); };
    std::vector<std::optional<idouble>> bound(4);
    bound[B_] = sym(idouble(2) * phi);
    if (m.lo[A].is_finite() && m.hi[A].is_finite()) bound[G] = bound[H] = sym(idouble(2) * absmax(m.lo[A], m.hi[A]) * phi);
    if (m.hi[G].is_finite() && m.lo[H].is_finite() && m.hi[H].is_finite())
        bound[A] = sym(idouble(2) * phi * (idouble(1) / ival(m.c, m.c) + ival(m.hi[G], m.hi[G]) + absmax(m.lo[H], m.hi[H])));
    auto grad_opt = plateau_bounds_hold(f, c, J, bound);
    if (!grad_opt) return std::nullopt;
    Hyps hyps = {std::string(sa > 0 ? "a_lo > 0: " : "a_hi < 0: ") + range_text(m, A), "g_lo >= 0: " + range_text(m, G),
                 "c > 0: c = " + m.c.str(),
                 std::string(sa > 0 ? "t >= T" : "t <= -T") + " for every argument of D, T = " + T.str() + " > 0"};
    LemmaEvidence e = saturation_leaf(LemmaId::S9, std::move(hyps), J, std::move(*grad_opt), "saturated discriminator");
    e.T = T.str();
    return e;
}

/// S11 (one-sided saturation, plateau): a ≥ 0 with b_hi < 0, or a ≤ 0 with b_lo > 0, max|a| = A
/// finite, g_hi and h_hi finite, g_lo ≥ 0, c > 0; β = −b_hi (resp. b_lo) and an exact decimal
/// τ ∈ (0, β]. Off the event |a|Y ≥ β − τ (Y = X or G), every argument t of D satisfies t < −τ
/// (resp. t > τ); on it Y ≥ s = (β − τ)/A, whose probability and tail moments are exponential
/// (X ~ Exp(c); G ≤ g_hi U + h_hi with U ~ Exp(1)). The bounds (proofs/lemmas.md §S11) are
/// interval<double> enclosures computed from the exact ranges and τ. `tau`: the recorded τ
/// (verifier), else chosen here. nullopt when a hypothesis fails or a bound misses the claim.
std::optional<LemmaEvidence> lemma_s11(const BoxFunction& f, const ModelBox& m, const Claim& c, const std::optional<Decimal>& tau) {
    if (!c.eps || !c.delta || !c.level || m.c.sign() <= 0 || m.lo[G].sign() < 0) return std::nullopt;
    int side = m.lo[A].sign() >= 0 && m.hi[B_].sign() < 0 ? 1 : m.hi[A].sign() <= 0 && m.lo[B_].sign() > 0 ? -1 : 0;
    if (side == 0 || !m.lo[A].is_finite() || !m.hi[A].is_finite() || !m.hi[G].is_finite() || !m.hi[H].is_finite())
        return std::nullopt;
    Decimal beta = side > 0 ? -m.hi[B_] : m.lo[B_];
    Decimal t;
    idouble A_ = absmax(m.lo[A], m.hi[A]), cc = ival(m.c, m.c), gh = ival(m.hi[G], m.hi[G]), hh = ival(m.hi[H], m.hi[H]);
    if (tau) {
        t = *tau;
    } else {  // heuristic choice only (any τ in (0, β] is valid): balance e^{−τ²} against e^{−r(β − τ)/A}
        double Ad = A_.upper(), bd = beta.approx(), r = std::min(m.c.approx(), gh.upper() > 0 ? 1 / gh.upper() : 1e300);
        double q = Ad > 0 ? r / Ad : 1e300, guess = q > 1e150 ? bd : (-q + std::sqrt(q * q + 4 * q * bd)) / 2;
        auto h = heuristic_decimal(guess, "tau");
        if (!h) return std::nullopt;
        t = *h;
        if (t > beta) t = beta;
    }
    if (t.sign() <= 0 || beta < t) return std::nullopt;
    idouble ti = ival(t, t), one(1), zero(0), rsqpi = arith::inv_sqrt_pi<idouble>();
    idouble eps_t = upto(arith::erfc(ti) / idouble(2)), phi_t = upto(arith::exp(-arith::square(ti)) * rsqpi);
    // tails: P_X, E[X; X >= s] for X; P_G, E[U; G >= s], E[G; G >= s] for G (s >= 0 lower bound)
    idouble PX = one, EXt = one / cc, PG = one, EUt = one, EGt = gh + idouble(std::max(0.0, hh.upper()));
    if (A_.upper() == 0) {
        PX = EXt = PG = EUt = EGt = zero;  // a = 0 on the leaf: the event is empty
    } else {
        double s = ((ival(beta, beta) - ti) / A_).lower();
        if (s > 0) {
            idouble si(s);
            PX = upto(arith::exp(-cc * si));
            EXt = upto((si + one / cc) * PX);
            if (s > hh.upper()) {
                if (gh.upper() == 0) {
                    PG = EUt = EGt = zero;  // G = h <= h_hi < s
                } else {
                    idouble u0 = (si - hh) / gh;
                    if (u0.lower() > 0) {
                        idouble u(u0.lower()), e = upto(arith::exp(-u));
                        PG = e;
                        EUt = upto((u + one) * e);
                        EGt = upto(gh * EUt + idouble(std::max(0.0, hh.upper())) * e);
                    }
                }
            }
        }
    }
    auto sym = [](const idouble& r) { return idouble(-r.upper(), r.upper()); };
    idouble EphiX = phi_t + PX * rsqpi, EphiG = phi_t + PG * rsqpi;
    idouble J = side > 0 ? idouble((one - idouble(2) * (eps_t + PG)).lower(), (one + eps_t + PX).upper())
                         : idouble((one - idouble(2) * (eps_t + PX)).lower(), (one + eps_t + PG).upper());
    std::vector<std::optional<idouble>> bound(4);
    bound[B_] = sym(idouble(2) * idouble(std::max(EphiX.upper(), EphiG.upper())));
    bound[H] = sym(idouble(2) * A_ * EphiG);
    bound[G] = sym(idouble(2) * A_ * (phi_t + EUt * rsqpi));
    if (m.lo[H].is_finite()) {
        idouble EabsG = gh + absmax(m.lo[H], m.hi[H]);
        bound[A] = sym(idouble(2) * (phi_t / cc + EXt * rsqpi) + idouble(2) * (phi_t * EabsG + EGt * rsqpi));
    }
    auto grad_opt = plateau_bounds_hold(f, c, J, bound);
    if (!grad_opt) return std::nullopt;
    Hyps hyps = {std::string(side > 0 ? "a_lo >= 0, b_hi < 0: " : "a_hi <= 0, b_lo > 0: ") + range_text(m, A) + ", " +
                     range_text(m, B_),
                 "g_lo >= 0, g_hi and h_hi finite: " + range_text(m, G) + ", " + range_text(m, H),
                 "c > 0: c = " + m.c.str(), "0 < tau <= beta = " + beta.str() + ": tau = " + t.str()};
    LemmaEvidence e = saturation_leaf(LemmaId::S11, std::move(hyps), J, std::move(*grad_opt), "one-sided saturation");
    e.tau = t.str();
    return e;
}

std::optional<LemmaEvidence> derive(const BoxFunction& f, const ModelBox& m, const LemmaEvidence& recorded, S8* raw,
                                    const Claim& c) {
    std::optional<unsigned> ignored;
    switch (recorded.lemma) {
        case LemmaId::S11:
            if (!recorded.tau) throw std::runtime_error("lemma S11: tau missing");
            return lemma_s11(f, m, c, Decimal::parse(*recorded.tau, "tau"));
        case LemmaId::S1: return lemma_s1(f, m);
        case LemmaId::S2: return lemma_s2(f, m);
        case LemmaId::S10: return lemma_s10(f, m);
        case LemmaId::S13: return lemma_s13(f, m);
        case LemmaId::S14: return lemma_s14(f, m);
        case LemmaId::S15: return lemma_s15(f, m);
        case LemmaId::S16: return lemma_s16(f, m, raw);
        case LemmaId::S17: return lemma_s17(f, m);
        case LemmaId::S18: return lemma_s18(f, m, raw);
        case LemmaId::S19: return lemma_s19(f, m, raw);
        case LemmaId::S9: return lemma_s9(f, m, c);
        case LemmaId::S12: {
            if (!recorded.s) throw std::runtime_error("lemma S12: s missing");
            auto ib = free_index(f, B_);
            auto t = s12_numbers(m, Decimal::parse(*recorded.s, "s"));
            if (!ib || !t) return std::nullopt;
            if (raw) *raw = t->s;
            if (!t->s.holds()) return std::nullopt;
            return s12_leaf(m, *ib, *t, {finite_ranges_text(m)});
        }
        case LemmaId::S8a:
        case LemmaId::S8b: {
            auto j = lemma_s8(f, m, &ignored, raw);
            if (j && j->lemma == recorded.lemma) return j;
            return std::nullopt;
        }
    }
    throw std::logic_error("lemma leaf: unknown lemma");
}

/// The recorded enclosure r contains the re-derived x (both exact decimal texts).
void contains_text(const RecordedInterval& r, const RecordedInterval& x, const std::string& what) {
    Recorded R = rec(r), X = rec(x);
    if (!(R.lo <= X.lo && X.hi <= R.hi)) throw std::runtime_error(what + " does not contain the recomputed bound");
}

LeafEvidence wrap(LemmaEvidence e) { return LeafEvidence{53, std::move(e)}; }

}  // namespace

std::optional<LeafEvidence> lemma_leaf(const BoxFunction& f, const Box& B, std::optional<unsigned>* split_hint) {
    auto m = model_box(f, B);
    if (!m) return std::nullopt;
    if (auto j = lemma_s1(f, *m)) return wrap(*j);
    if (auto j = lemma_s2(f, *m)) return wrap(*j);
    if (auto j = lemma_s10(f, *m)) return wrap(*j);
    if (auto j = lemma_s15(f, *m)) return wrap(*j);
    if (auto j = lemma_s13(f, *m)) return wrap(*j);
    if (auto j = lemma_s14(f, *m)) return wrap(*j);
    if (auto j = lemma_s16(f, *m)) return wrap(*j);
    if (auto j = lemma_s17(f, *m)) return wrap(*j);
    if (auto j = lemma_s8(f, *m, split_hint)) return wrap(*j);
    if (auto j = lemma_s18(f, *m)) return wrap(*j);
    if (auto j = lemma_s19(f, *m)) return wrap(*j);
    return std::nullopt;
}

std::optional<LeafEvidence> plateau_lemma_leaf(const BoxFunction& f, const Box& B, const Claim& c) {
    auto m = model_box(f, B);
    if (!m) return std::nullopt;
    if (auto j = lemma_s9(f, *m, c)) return wrap(*j);
    if (auto j = lemma_s11(f, *m, c, std::nullopt)) return wrap(*j);
    return std::nullopt;
}

void recheck_lemma(const BoxFunction& f, const Box& B, const Claim& c, const LeafEvidence& leaf) {
    const LemmaEvidence& L = *leaf.get<LemmaEvidence>();
    const std::string lemma = lemma_name(L.lemma);
    bool plateau_lemma = L.lemma == LemmaId::S9 || L.lemma == LemmaId::S11;
    if (plateau_lemma != (c.kind == ClaimKind::plateau) ||
        (c.kind != ClaimKind::no_saddle && c.kind != ClaimKind::no_stationary && c.kind != ClaimKind::plateau))
        throw std::runtime_error("evidence 'lemma' " + lemma + " does not belong to this claim");
    if (leaf.bits != 53) throw std::runtime_error("lemma " + lemma + ": bits must be 53");
    auto m = model_box(f, B);
    if (!m) throw std::runtime_error("lemma leaf: the model is not rsee");
    S8 raw;
    auto w = derive(f, *m, L, &raw, c);
    if (!w) throw std::runtime_error("lemma " + lemma + ": its hypotheses do not hold on the leaf");
    // exact fields: equal to the re-derivation
    auto field = [&](const char* name, bool same, const std::string& rec_text, const std::string& new_text) {
        if (!same)
            throw std::runtime_error("lemma " + lemma + ": field '" + name + "' recorded " + rec_text + ", recomputed " +
                                     new_text);
    };
    auto js = [](const auto& v) { return nlohmann::json(v).dump(); };
    field("hypotheses", L.hypotheses == w->hypotheses, js(L.hypotheses), js(w->hypotheses));
    field("conclusion", L.conclusion == w->conclusion, js(L.conclusion), js(w->conclusion));
    field("index", L.index == w->index, L.index ? std::to_string(*L.index) : "(none)",
          w->index ? std::to_string(*w->index) : "(none)");
    field("sign", L.sign == w->sign, L.sign ? std::to_string(*L.sign) : "(none)", w->sign ? std::to_string(*w->sign) : "(none)");
    field("T", L.T == w->T, L.T.value_or("(none)"), w->T.value_or("(none)"));
    field("tau", L.tau == w->tau, L.tau.value_or("(none)"), w->tau.value_or("(none)"));
    field("s", L.s == w->s, L.s.value_or("(none)"), w->s.value_or("(none)"));
    // S9, S11: the recorded enclosures contain the re-derived bounds
    if (L.J.has_value() != w->J.has_value() || L.grad.size() != w->grad.size())
        throw std::runtime_error("lemma " + lemma + ": field 'J'/'grad' malformed");
    if (L.J) contains_text(*L.J, *w->J, "lemma " + lemma + ": recorded J");
    for (std::size_t i = 0; i < L.grad.size(); ++i) contains_text(L.grad[i], w->grad[i], "lemma " + lemma + ": recorded grad");
    // S8: recorded enclosures contain ours (§K7), and the inequality follows from them too
    if (L.base.has_value() != w->base.has_value() || L.remainder.has_value() != w->remainder.has_value())
        throw std::runtime_error("lemma " + lemma + ": field 'base'/'remainder' malformed");
    if (L.base) {
        check_enc(*L.base, raw.base, "lemma " + lemma + " base", Pass::replay);
        check_enc(*L.remainder, raw.remainder, "lemma " + lemma + " remainder", Pass::replay);
        Recorded b = rec(*L.base), r = rec(*L.remainder);
        bool ok = *L.sign > 0 ? r.hi < b.lo : r.hi < -b.hi;
        if (!ok) throw std::runtime_error("lemma " + lemma + ": recorded |base| does not exceed the remainder");
    }
}

}  // namespace gancert::certify::detail
