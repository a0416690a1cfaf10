// Exact lemma checks of the independent verifier (exact_lemmas.hpp; proofs/lemmas.md §V3).
#include "exact_lemmas.hpp"

#include <optional>
#include <stdexcept>
#include <string>

namespace gancert::verify::detail {
namespace {

enum { A, B, G, H };

[[noreturn]] void fail(const char* lemma, const std::string& what) {
    throw std::runtime_error(std::string("independent: lemma ") + lemma + ": " + what);
}
int sign_on(const Ranges& r, int k) {  // +1 / −1 when the range excludes 0, else 0
    return r.lo[k].sign() > 0 ? 1 : r.hi[k].sign() < 0 ? -1 : 0;
}
bool contains_zero(const Ranges& r, int k) { return r.lo[k].sign() <= 0 && r.hi[k].sign() >= 0; }
/// Box index of model variable k (nullopt when fixed).
std::optional<std::size_t> box_index(const RseeModel& m, int k) {
    for (std::size_t i = 0; i < m.free.size(); ++i)
        if (m.free[i] == k) return i;
    return std::nullopt;
}
/// c(g + h) on the leaf is < 1 everywhere (−1), > 1 everywhere (+1), or may equal 1 (0).
int s_side(const Ranges& r) {
    try {
        Decimal one(1);
        if (r.c * (r.hi[G] + r.hi[H]) < one) return -1;
        if (one < r.c * (r.lo[G] + r.lo[H])) return 1;
    } catch (const std::domain_error&) {
    }
    return 0;
}
void common(const char* lemma, const Ranges& r) {
    if (r.c.sign() <= 0) fail(lemma, "c > 0 fails");
    if (r.lo[G].sign() < 0) fail(lemma, "g_lo >= 0 fails");
}
/// The min (want_max false) or max of a·h over the leaf: a·h is bilinear, so it is the extreme
/// over the four corners of the (a, h) ranges; a product 0·∞ fails the lemma.
Decimal corner_ah(const char* lemma, const Ranges& r, bool want_max) {
    try {
        std::optional<Decimal> best;
        for (const Decimal* a : {&r.lo[A], &r.hi[A]})
            for (const Decimal* h : {&r.lo[H], &r.hi[H]}) {
                Decimal v = *a * *h;
                if (!best || (want_max ? *best < v : v < *best)) best = v;
            }
        return *best;
    } catch (const std::domain_error&) {
        fail(lemma, "a h is undefined at a corner of the leaf");
    }
}
/// S13, S15: a and b free, a >= c·√π/2 checked as 4a_lo² >= 3.1416·c² (π < 3.1416), a_lo > 0.
void radial(const char* lemma, const Ranges& r) {
    common(lemma, r);
    if (!r.is_free[A] || !r.is_free[B]) fail(lemma, "a and b are not both free");
    if (!(r.lo[A].sign() > 0)) fail(lemma, "a_lo > 0 fails");
    if (r.lo[A] * r.lo[A] * Decimal(4) < Decimal::parse("3.1416") * r.c * r.c) fail(lemma, "a_lo >= c sqrt(pi)/2 fails");
}
/// S14, S15: h <= h_hi < 0 and g + h <= g_hi + h_hi <= 0 on the leaf.
void wedge(const char* lemma, const Ranges& r) {
    if (!(r.hi[H].sign() < 0)) fail(lemma, "h_hi < 0 fails");
    if (!r.hi[G].is_finite() || (r.hi[G] + r.hi[H]).sign() > 0) fail(lemma, "g_hi + h_hi <= 0 fails");
}

}  // namespace

bool has_exact_check(certify::LemmaId id) {
    using certify::LemmaId;
    for (LemmaId e : {LemmaId::S1, LemmaId::S2, LemmaId::S10, LemmaId::S13, LemmaId::S14, LemmaId::S15, LemmaId::S17})
        if (id == e) return true;
    return false;
}

void check_exact_lemma(const RseeModel& m, const Ranges& r, const certify::LemmaEvidence& e) {
    using certify::LemmaId;
    const char* name = certify::lemma_name(e.lemma);
    switch (e.lemma) {
        case LemmaId::S1: {  // a of one sign, g >= 0: sign ∂J/∂h = sign ∂J/∂g = −sign a
            common(name, r);
            int sa = sign_on(r, A);
            if (sa == 0) fail(name, "the a-range contains 0");
            auto ih = box_index(m, H), ig = box_index(m, G);
            if (!e.index || !(e.index == ih || e.index == ig)) fail(name, "the cited partial is not d/dg or d/dh");
            if (e.sign != -sa) fail(name, "the recorded sign is not -sign a");
            return;
        }
        case LemmaId::S2: {  // a = 0 fixed, b ≠ 0: sign ∂J/∂b = sign b
            if (r.c.sign() <= 0) fail(name, "c > 0 fails");
            if (r.is_free[A] || r.lo[A].sign() != 0) fail(name, "a is not fixed to 0");
            int sb = sign_on(r, B);
            if (sb == 0) fail(name, "the b-range contains 0");
            if (!e.index || e.index != box_index(m, B)) fail(name, "the cited partial is not d/db");
            if (e.sign != sb) fail(name, "the recorded sign is not sign b");
            return;
        }
        case LemmaId::S10: {  // no stationary point: S1 at a ≠ 0, S2/S3 at a = 0
            common(name, r);
            if (!r.is_free[A]) fail(name, "a is not free");
            if (!r.is_free[G] && !r.is_free[H]) fail(name, "neither g nor h is free (S1 needs one)");
            if (e.index || e.sign) fail(name, "records a partial although it cites none");
            if (!contains_zero(r, A)) return;  // no point with a = 0: S1 alone
            if (sign_on(r, B) != 0) {           // at a = 0: b ≠ 0, ∂J/∂b ≠ 0 (S2)
                if (!r.is_free[B]) fail(name, "b is fixed away from 0 (S2 needs d/db)");
                return;
            }
            // b may be 0: at b = 0 ∂J/∂a ≠ 0 needs c(g + h) ≠ 1 (S3); at b ≠ 0, S2 needs b free
            if (s_side(r) == 0) fail(name, "c(g + h) may equal 1 on the leaf");
            if (!r.is_free[B] && !(r.lo[B].sign() == 0 && r.hi[B].sign() == 0)) fail(name, "b is fixed away from 0");
            return;
        }
        case LemmaId::S13: {  // radial: a dJ/da + b dJ/db > 0 where a >= c sqrt(pi)/2 and -b - a h >= 1
            radial(name, r);
            if (e.index || e.sign) fail(name, "records a partial although it cites none");
            if (!r.hi[B].is_finite() || -r.hi[B] - corner_ah(name, r, true) < Decimal(1)) fail(name, "-b - a h >= 1 fails");
            return;
        }
        case LemmaId::S14: {  // wedge: dJ/da > 0 where a >= 0, b >= 1, a h + b >= -1, h <= -g < 0
            common(name, r);
            if (!r.is_free[A]) fail(name, "a is not free");
            if (r.lo[A].sign() < 0) fail(name, "a_lo >= 0 fails");
            wedge(name, r);
            if (r.lo[B] < Decimal(1)) fail(name, "b_lo >= 1 fails");
            if (r.lo[B] + corner_ah(name, r, false) < Decimal(-1)) fail(name, "a h + b >= -1 fails");
            if (!e.index || e.index != box_index(m, A)) fail(name, "the cited partial is not d/da");
            if (e.sign != 1) fail(name, "the recorded sign is not +1");
            return;
        }
        case LemmaId::S15: {  // S13 or S14 at every point: a_lo h_hi <= -2 on top of both
            radial(name, r);
            wedge(name, r);
            if (e.index || e.sign) fail(name, "records a partial although it cites none");
            if (r.lo[A] * r.hi[H] > Decimal(-2)) fail(name, "a_lo h_hi <= -2 fails");
            return;
        }
        case LemmaId::S17: {  // S13 in the mirrored model: a <= -sqrt(pi)/(2g), b >= 1
            if (r.c.sign() <= 0) fail(name, "c > 0 fails");
            if (!(r.lo[G].sign() > 0)) fail(name, "g_lo > 0 fails");
            if (!r.is_free[A] || !r.is_free[B]) fail(name, "a and b are not both free");
            if (!(r.hi[A].sign() < 0)) fail(name, "a_hi < 0 fails");
            // (a g)² >= 3.1416/4 with a g < 0, checked at the corner nearest 0: a_hi g_lo
            Decimal ag = r.hi[A] * r.lo[G];
            if (ag * ag * Decimal(4) < Decimal::parse("3.1416")) fail(name, "a g <= -sqrt(pi)/2 fails");
            if (r.lo[B] < Decimal(1)) fail(name, "b_lo >= 1 fails");
            if (e.index || e.sign) fail(name, "records a partial although it cites none");
            return;
        }
        default: throw std::logic_error("check_exact_lemma: not an exact lemma");
    }
}

void check_stationary_line(const RseeModel&, const Ranges& r, const certify::StationaryLineEvidence& e,
                           bool need_saddle) {
    const char* name = "S7";
    common(name, r);
    if (!contains_zero(r, A) || !contains_zero(r, B)) fail(name, "the leaf misses a = 0 or b = 0");
    Decimal one(1);
    if (!(r.c * (r.lo[G] + r.lo[H]) <= one && one <= r.c * (r.hi[G] + r.hi[H])))
        fail(name, "the leaf misses g + h = 1/c");
    if (!(Decimal::parse(e.c, "c") == r.c)) fail(name, "the recorded c is not the model's");
    bool saddle = r.is_free[A] && (r.is_free[G] || r.is_free[H]);
    if (e.type != (saddle ? "saddle" : "stationary")) fail(name, "the recorded type '" + e.type + "' is wrong");
    if (need_saddle && !saddle) fail(name, "the points are not certified saddles");
}

}  // namespace gancert::verify::detail
