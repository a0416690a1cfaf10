// Lemmas S13–S19 (proofs/lemmas.md §S13–§S19): the discriminator's landscape (g, h fixed or
// not) on unbounded leaves away from a = 0 (far_lemmas.hpp). Made by the certifier, re-derived by
// the verifier from the leaf box alone; S13–S15 and S17 are exact decimal comparisons, S16, S18
// and S19 S8's comparison of two interval<double> enclosures recorded in the leaf.
#include "far_lemmas.hpp"

#include "gancert/arith/functions.hpp"
#include "lemma_support.hpp"

namespace gancert::certify::detail {
namespace {

// With s = −b/a the threshold of D and m = −b − a·h the generator's distance below it (in units of
// 1/a): S13 — along the ray through the origin J increases (a∂J/∂a + b∂J/∂b > 0) once a >= c√π/2
// and m >= 1; S14 — ∂J/∂a > 0 when the generator sits right of the threshold (b >= 1,
// a·h + b >= −1) with h <= −g; S15 — every point of a leaf with a_lo·|h| >= 2 meets one of the two;
// S16 — far right of the data (s large) the heavier of the two exponential tails fixes the sign of
// ∂J/∂b; S17 — S13 in the mirrored model for a < 0; S18, S19 — the sign of ∂J/∂b on strips of
// bounded a as b → −∞ (a <= 0) or b → +∞ (a >= 0).

/// An exact decimal above √π/2 = 0.88622…: a >= c·radial_factor implies a >= c√π/2 (S13).
const Decimal& radial_factor() {
    static const Decimal f = Decimal::parse("0.88625", "radial factor");
    return f;
}
/// max and min of a·h over the leaf for a >= 0 (a_lo >= 0); nullopt for an undefined product.
std::optional<Decimal> max_ah(const ModelBox& m) {
    try {
        return m.hi[H].sign() <= 0 ? m.lo[A] * m.hi[H] : m.hi[A] * m.hi[H];
    } catch (const std::domain_error&) {
        return std::nullopt;
    }
}
std::optional<Decimal> min_ah(const ModelBox& m) {
    try {
        return m.lo[H].sign() >= 0 ? m.lo[A] * m.lo[H] : m.hi[A] * m.lo[H];
    } catch (const std::domain_error&) {
        return std::nullopt;
    }
}
/// The hypotheses S13 and S15 share: a and b free, c > 0, g_lo >= 0, a_lo >= 0.88625·c.
std::optional<Hyps> radial_common(const BoxFunction& f, const ModelBox& m) {
    if (!free_index(f, A) || !free_index(f, B_) || m.c.sign() <= 0 || m.lo[G].sign() < 0) return std::nullopt;
    Decimal amin = m.c * radial_factor();
    if (m.lo[A] < amin) return std::nullopt;
    return Hyps{"a and b free", "c > 0: c = " + m.c.str(), "g_lo >= 0: " + range_text(m, G),
                "a_lo >= 0.88625 c = " + amin.str() + " (> c sqrt(pi)/2): " + range_text(m, A)};
}

/// The generator hypotheses of S14 and S15: h_hi < 0 and g_hi + h_hi <= 0 (h <= −g <= 0).
std::optional<Hyps> wedge_generator(const ModelBox& m) {
    if (!(m.hi[H].sign() < 0) || !m.hi[G].is_finite()) return std::nullopt;
    Decimal gh = m.hi[G] + m.hi[H];
    if (gh.sign() > 0) return std::nullopt;
    return Hyps{"h_hi < 0 and g_hi + h_hi = " + gh.str() + " <= 0: " + range_text(m, G) + ", " + range_text(m, H)};
}

/// A lemma decided by S8's comparison of two enclosures (S16, S18, S19): `t` its numbers
/// (also written to *raw for the verifier's replay), and the leaf `make` builds, with them
/// recorded, when they hold.
template <class Make>
std::optional<LemmaEvidence> compared_leaf(const std::optional<S8>& t, S8* raw, Make make) {
    if (!t) return std::nullopt;
    if (raw) *raw = *t;
    if (!t->holds()) return std::nullopt;
    LemmaEvidence j = make(*t);
    j.base = enc(t->base);
    j.remainder = enc(t->remainder);
    return j;
}

/// S16 (a > 0, b_hi <= 0, a_hi finite, g > 0 and h fixed, c ≠ 1/g; s_lo = −b_hi/a_hi <= s):
/// with k = c/a and k' = 1/(ag) over the a-range, the tail of the smaller rate dominates ∂J/∂b:
///  1/g > c: ∂J/∂b > 0 if (1/g − c)·s_lo > ln(4/(cg)) + h/g + k'²/4 − ln erfcx(k/2);
///  1/g < c: ∂J/∂b < 0 if m_lo = −b_hi − max(a·h) > 0 and
///           (c − 1/g)·s_lo > ln(2cg) − h/g + k²/8 + ln erfcx(k/(2√2)) − ln erf(m_lo).
/// Recorded: base = (1/g − c)·s_lo, remainder = the right-hand side (S8's comparison).
std::optional<S8> s16_numbers(const BoxFunction& f, const ModelBox& m) {
    if (!free_index(f, B_) || m.free_[G] || m.free_[H] || m.c.sign() <= 0 || !(m.lo[G].sign() > 0)) return std::nullopt;
    if (!(m.lo[A].sign() > 0) || !m.hi[A].is_finite() || m.hi[B_].sign() > 0) return std::nullopt;
    idouble a = ival(m.lo[A], m.hi[A]), g = ival(m.lo[G], m.lo[G]), h = ival(m.lo[H], m.lo[H]), c = ival(m.c, m.c);
    idouble one(1), two(2), k = c / a, kp = one / (a * g), rate = one / g - c;
    idouble slo = idouble(std::max(0.0, (ival(-m.hi[B_], -m.hi[B_]) / ival(m.hi[A], m.hi[A])).lower()));
    idouble base = rate * slo, R;
    if (rate.lower() > 0) {
        R = arith::log(idouble(4) / (c * g)) + h / g + arith::square(kp) / idouble(4) - arith::log(arith::erfcx(k / two));
    } else if (rate.upper() < 0) {
        auto mx = max_ah(m);
        if (!mx) return std::nullopt;
        Decimal mlo = -m.hi[B_] - *mx;
        if (!(mlo.sign() > 0)) return std::nullopt;
        idouble e = arith::erf(ival(mlo, mlo));
        if (!(e.lower() > 0)) return std::nullopt;
        idouble r2 = boost::numeric::sqrt(two);
        R = arith::log(two * c * g) - h / g + arith::square(k) / idouble(8) + arith::log(arith::erfcx(k / (two * r2))) -
            arith::log(idouble(e.lower()));
    } else {
        return std::nullopt;  // c(g) may equal 1: no tail dominates
    }
    S8 s{base, R, 0};
    if (rate.lower() > 0 && base.lower() > R.upper()) s.sign = 1;
    if (rate.upper() < 0 && -base.upper() > R.upper()) s.sign = -1;
    return s;
}
/// S18 (a <= 0, b < 0: the generator's term of ∂J/∂b dominates): with t0 = a·h + b <= 0 at every
/// point (a <= 0 and h < 0 make a·h >= 0; max = a_lo·h_lo), every argument of D for G is <= t0,
/// so ψ₋ >= φ/2 there and, on U <= |h|/(2g), |t| <= |b|: E[ψ₋(aG + b)] >= (1 − e^{−|h|/(2g)})φ(b)/2,
/// while E[ψ₊(aX + b)] <= D(b)φ(b). So ∂J/∂b < 0 when D(b_hi) < (1 − e^{−|h_hi|/(2g_hi)})/2.
/// Recorded as S8's test with sign −1: base = −(1 − e^{−|h_hi|/(2g_hi)})/2, remainder = D(b_hi).
std::optional<S8> s18_numbers(const BoxFunction& f, const ModelBox& m) {
    if (!free_index(f, B_) || m.c.sign() <= 0 || m.lo[G].sign() < 0 || !m.hi[G].is_finite()) return std::nullopt;
    if (m.hi[A].sign() > 0 || !(m.hi[B_].sign() < 0) || !(m.hi[H].sign() < 0)) return std::nullopt;
    if (!m.lo[A].is_finite() || !m.lo[H].is_finite()) return std::nullopt;
    Decimal t0 = m.hi[B_] + m.lo[A] * m.lo[H];  // max of a·h + b over the leaf
    if (t0.sign() > 0) return std::nullopt;
    idouble one(1), two(2), hh = -ival(m.hi[H], m.hi[H]), gh = ival(m.hi[G], m.hi[G]);
    idouble share = m.hi[G].sign() == 0 ? one : one - arith::exp(-hh / (two * gh));
    idouble Db = arith::erfc(-ival(m.hi[B_], m.hi[B_])) / two;
    S8 s{-(share / two), Db, 0};
    if (-s.base.upper() > s.remainder.upper()) s.sign = -1;
    return s;
}
/// S19 (a >= 0, b > 0: the data's term of ∂J/∂b dominates): with t0 = a·h + b >= 0 at every
/// point (the generator's smallest argument of D), E[ψ₋(aG + b)] <= ψ₋(t0) = erfc(t0)e^{−t0²}/(2√π),
/// and on X <= 1/c the data's arguments lie in [b, b + a/c] where D >= ½:
/// E[ψ₊(aX + b)] >= (1 − e^{−1})e^{−(b + a/c)²}/(2√π). So ∂J/∂b > 0 when
/// erfcx(t0)·e^{(b + a/c)² − 2t0²} < 1 − e^{−1}; that exponent is concave in b and decreasing for
/// b > a/c − 2ah, so b_lo >= a_hi/c − 2·min(a·h) reduces it to b = b_lo, enclosed over a and h.
/// Recorded as S8's test with sign +1: base = 1 − e^{−1}, remainder = that bound.
std::optional<S8> s19_numbers(const BoxFunction& f, const ModelBox& m) {
    if (!free_index(f, B_) || m.c.sign() <= 0 || m.lo[G].sign() < 0) return std::nullopt;
    if (m.lo[A].sign() < 0 || !m.hi[A].is_finite() || !(m.lo[B_].sign() > 0) || !m.lo[B_].is_finite()) return std::nullopt;
    if (!m.lo[H].is_finite() || !m.hi[H].is_finite()) return std::nullopt;
    auto mn = min_ah(m);
    if (!mn) return std::nullopt;
    Decimal t0 = m.lo[B_] + *mn;
    // b_lo >= a_hi/c − 2 min(a h), as b_lo·c >= a_hi − 2c·min(a h) (exact)
    if (t0.sign() < 0 || m.lo[B_] * m.c < m.hi[A] - Decimal(2) * m.c * *mn) return std::nullopt;
    idouble one(1), two(2), a = ival(m.lo[A], m.hi[A]), h = ival(m.lo[H], m.hi[H]), c = ival(m.c, m.c);
    idouble b = ival(m.lo[B_], m.lo[B_]), t = a * h + b, tl(std::max(0.0, ival(t0, t0).lower()));
    idouble expo = arith::square(b + a / c) - two * arith::square(idouble(std::max(0.0, t.lower()), std::max(0.0, t.upper())));
    S8 s{one - arith::exp(-one), arith::erfcx(tl) * arith::exp(expo), 0};
    if (s.base.lower() > s.remainder.upper()) s.sign = 1;
    return s;
}
}  // namespace

/// S13: a∂J/∂a + b∂J/∂b = 2E[χ(aX + b)] + 2E[χ(−aG − b)] > 0 (χ(t) = t·D(t)·φ(t)) when
/// a >= c√π/2 and −b − a·h >= 1 at every point: no stationary point.
std::optional<LemmaEvidence> lemma_s13(const BoxFunction& f, const ModelBox& m) {
    auto hyps = radial_common(f, m);
    auto mx = hyps ? max_ah(m) : std::nullopt;
    if (!mx) return std::nullopt;
    Decimal mlo;
    try {
        mlo = -m.hi[B_] - *mx;
    } catch (const std::domain_error&) {
        return std::nullopt;
    }
    if (mlo < Decimal(1)) return std::nullopt;
    hyps->push_back("-b - a h >= 1 on the leaf: -b_hi - max(a h) = " + mlo.str() + ": " + range_text(m, B_) + ", " +
                    range_text(m, H));
    LemmaEvidence e;
    e.lemma = LemmaId::S13;
    e.hypotheses = std::move(*hyps);
    e.conclusion = "a dJ/da + b dJ/db > 0 on the leaf (J increases along the ray through the origin): no stationary point";
    return e;
}

/// S14: a >= 0, g >= 0, h <= −g < 0, b >= 1 and a·h + b >= −1 at every point: ∂J/∂a > 0.
std::optional<LemmaEvidence> lemma_s14(const BoxFunction& f, const ModelBox& m) {
    auto ia = free_index(f, A);
    if (!ia || m.c.sign() <= 0 || m.lo[G].sign() < 0 || m.lo[A].sign() < 0) return std::nullopt;
    auto gen = wedge_generator(m);
    auto mn = gen ? min_ah(m) : std::nullopt;
    if (!mn || m.lo[B_] < Decimal(1)) return std::nullopt;
    Decimal t = m.lo[B_] + *mn;
    if (t < Decimal(-1)) return std::nullopt;
    Hyps hyps = {"a_lo >= 0: " + range_text(m, A), "c > 0: c = " + m.c.str(), "g_lo >= 0: " + range_text(m, G), gen->front(),
                 "b_lo >= 1: " + range_text(m, B_), "a h + b >= -1 on the leaf: b_lo + min(a h) = " + t.str()};
    return leaf(LemmaId::S14, *ia, 1, std::move(hyps), "dJ/da > 0 on the leaf");
}

/// S15: the hypotheses of S13's a-range and S14's generator with a_lo·h_hi <= −2: each point of
/// the leaf meets S14 (b >= 1, a·h + b >= −1) or S13 (−b − a·h >= 1); any b-range.
std::optional<LemmaEvidence> lemma_s15(const BoxFunction& f, const ModelBox& m) {
    auto hyps = radial_common(f, m);
    auto gen = hyps ? wedge_generator(m) : std::nullopt;
    if (!gen) return std::nullopt;
    Decimal p = m.lo[A] * m.hi[H];  // both finite here
    if (p > Decimal(-2)) return std::nullopt;
    hyps->push_back(gen->front());
    hyps->push_back("a_lo h_hi = " + p.str() + " <= -2");
    LemmaEvidence e;
    e.lemma = LemmaId::S15;
    e.hypotheses = std::move(*hyps);
    e.conclusion = "no stationary point on the leaf: where b >= 1 and a h + b >= -1, dJ/da > 0 (S14); elsewhere "
                   "-b - a h >= 1 and a dJ/da + b dJ/db > 0 (S13)";
    return e;
}

std::optional<LemmaEvidence> lemma_s16(const BoxFunction& f, const ModelBox& m, S8* raw) {
    return compared_leaf(s16_numbers(f, m), raw, [&](const S8& t) {
        Hyps hyps = {"a_lo > 0, a_hi finite: " + range_text(m, A), "b free, b_hi <= 0: " + range_text(m, B_),
                     "g > 0 and h fixed: g = " + m.lo[G].str() + ", h = " + m.lo[H].str(), "c > 0: c = " + m.c.str(),
                     std::string(t.sign > 0 ? "1/g > c: (1/g - c) s_lo > ln(4/(cg)) + h/g + k'^2/4 - ln erfcx(k/2)"
                                            : "1/g < c, -b_hi - max(a h) > 0: (c - 1/g) s_lo > ln(2cg) - h/g + k^2/8 + "
                                              "ln erfcx(k/(2 sqrt 2)) - ln erf(m_lo)")};
        return leaf(LemmaId::S16, *free_index(f, B_), t.sign, std::move(hyps),
                    std::string("dJ/db") + (t.sign > 0 ? " > 0" : " < 0") + " on the leaf (the heavier exponential tail dominates)");
    });
}

/// S17 (S13 mirrored to a < 0): J(a, b; c, g, h) = J(−a, −ah − b; 1/g, 1/c, −h) (the data and
/// the generator swap roles, shifted by h), a linear change of (a, b); S13 there needs
/// −a >= √π/(2g) and −β − α·h′ = b >= 1. So with a, b free, c > 0, g_lo > 0,
/// a_hi·g_lo <= −0.88625 and b_lo >= 1 the leaf holds no stationary point.
std::optional<LemmaEvidence> lemma_s17(const BoxFunction& f, const ModelBox& m) {
    if (!free_index(f, A) || !free_index(f, B_) || m.c.sign() <= 0 || !(m.lo[G].sign() > 0)) return std::nullopt;
    if (!(m.hi[A].sign() < 0) || m.lo[B_] < Decimal(1)) return std::nullopt;
    Decimal p = m.hi[A] * m.lo[G];
    if (-p < radial_factor()) return std::nullopt;
    LemmaEvidence e;
    e.lemma = LemmaId::S17;
    e.hypotheses = {"a and b free", "c > 0: c = " + m.c.str(), "g_lo > 0: " + range_text(m, G),
                    "a_hi g_lo = " + p.str() + " <= -0.88625 (-a >= sqrt(pi)/(2g)): " + range_text(m, A),
                    "b_lo >= 1: " + range_text(m, B_)};
    e.conclusion = "a dJ/da + b dJ/db > 0 on the leaf (S13 in the mirrored model (-a, -a h - b; 1/g, 1/c, -h); the "
                   "radial derivative is the same in both coordinates): no stationary point";
    return e;
}

std::optional<LemmaEvidence> lemma_s18(const BoxFunction& f, const ModelBox& m, S8* raw) {
    return compared_leaf(s18_numbers(f, m), raw, [&](const S8&) {
        Hyps hyps = {"a_hi <= 0, a_lo finite: " + range_text(m, A), "b free, b_hi < 0: " + range_text(m, B_),
                     "c > 0: c = " + m.c.str(), "0 <= g_lo, g_hi finite: " + range_text(m, G),
                     "h_hi < 0, h_lo finite: " + range_text(m, H), "a h + b <= 0 on the leaf: b_hi + a_lo h_lo <= 0",
                     "D(b_hi) < (1 - exp(-|h_hi|/(2 g_hi)))/2"};
        return leaf(LemmaId::S18, *free_index(f, B_), -1, std::move(hyps), "dJ/db < 0 on the leaf (the generator's term dominates)");
    });
}

std::optional<LemmaEvidence> lemma_s19(const BoxFunction& f, const ModelBox& m, S8* raw) {
    return compared_leaf(s19_numbers(f, m), raw, [&](const S8&) {
        Hyps hyps = {"a_lo >= 0, a_hi finite: " + range_text(m, A), "b free, b_lo > 0: " + range_text(m, B_),
                     "c > 0: c = " + m.c.str(), "g_lo >= 0: " + range_text(m, G), "h finite: " + range_text(m, H),
                     "a h + b >= 0 on the leaf and b_lo >= a_hi/c - 2 min(a h)",
                     "erfcx(t0) exp((b_lo + a/c)^2 - 2 (a h + b_lo)^2) < 1 - 1/e"};
        return leaf(LemmaId::S19, *free_index(f, B_), 1, std::move(hyps), "dJ/db > 0 on the leaf (the data's term dominates)");
    });
}


}  // namespace gancert::certify::detail
