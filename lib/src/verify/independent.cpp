// The independent verifier's dispatch by evidence kind (gancert/verify/independent.hpp).
#include "gancert/verify/independent.hpp"

#include <stdexcept>

#include "exact_lemmas.hpp"
#include "gancert/arith/decimal.hpp"
#include "integral_route.hpp"
#include "krawczyk_check.hpp"

namespace gancert::verify {

using namespace certify;
using detail::idouble;
using detail::Values;
using detail::Verdict;

struct IndependentVerifier::Impl {
    std::optional<detail::RseeModel> model;
    Claim claim;
};

namespace {

[[noreturn]] void fail(const std::string& what) { throw std::runtime_error("independent: " + what); }

idouble dec(const std::string& s) { return arith::parse<idouble>(s, "recorded number"); }
idouble dec(const Decimal& d) { return arith::enclose<idouble>(d, "claim bound"); }

/// The recorded enclosure and the independent one are enclosures of the same value: they meet.
void meets(const RecordedInterval& r, const idouble& x, const std::string& what) {
    if (dec(r.hi).upper() < x.lower() || x.upper() < dec(r.lo).lower())
        fail(what + ": recorded [" + r.lo + ", " + r.hi + "] is disjoint from the independent enclosure [" +
             std::to_string(x.lower()) + ", " + std::to_string(x.upper()) + "]");
}

/// x within [lo, hi] (decimals): holds / fails (x entirely outside) / undecided.
Verdict within(const idouble& x, const Decimal& lo, const Decimal& hi) {
    idouble l = dec(lo), h = dec(hi);
    if (l.upper() <= x.lower() && x.upper() <= h.lower()) return Verdict::holds;
    if (x.upper() < l.lower() || h.upper() < x.lower()) return Verdict::fails;
    return Verdict::undecided;
}
Verdict has_sign(const idouble& x, int sign) {
    if (sign > 0 ? x.lower() > 0 : x.upper() < 0) return Verdict::holds;
    if (sign > 0 ? x.upper() < 0 : x.lower() > 0) return Verdict::fails;
    return Verdict::undecided;
}
Verdict all_of(std::initializer_list<Verdict> vs) {
    Verdict r = Verdict::holds;
    for (Verdict v : vs) {
        if (v == Verdict::fails) return v;
        if (v == Verdict::undecided) r = v;
    }
    return r;
}

/// The integral path over the whole leaf, for the consistency checks (nullopt outside its
/// supported range: then only the bisected test decides).
std::optional<Values> top_values(const detail::RseeModel& m, const Box& B) {
    try {
        return detail::integral_values(m, B);
    } catch (const std::range_error&) {
        return std::nullopt;
    }
}

bool stationary_claim(ClaimKind k) { return k == ClaimKind::no_saddle || k == ClaimKind::no_stationary; }

std::string type_of(const std::pair<int, int>& in) {
    return in.second == 0 ? "min" : in.first == 0 ? "max" : "saddle";
}

void check_unique(const detail::RseeModel& m, const Box& B, const UniqueEvidence& u) {
    std::size_t n = B.dims();
    auto K = detail::krawczyk(m, B, u.Y);
    if (!detail::strictly_inside(K, B)) fail("unique: the independent K(B) is not strictly inside B");
    for (std::size_t i = 0; i < n && i < u.K.size(); ++i)
        if (u.K[i]) meets(*u.K[i], K[i], "unique: K");
    Values v = detail::integral_values(m, B);
    auto in = detail::gershgorin_inertia(v.H, u.Q, n);
    if (!in) {
        std::vector<std::string> I(n * n, "0");
        for (std::size_t i = 0; i < n; ++i) I[i * n + i] = "1";
        in = detail::gershgorin_inertia(v.H, I, n);
    }
    if (!in) {
        if (u.type != "undetermined" || u.inertia) fail("unique: the recorded inertia is not confirmed independently");
        return;
    }
    if (u.inertia != in || u.type != type_of(*in))
        fail("unique: recorded type '" + u.type + "' differs from the independent inertia (" + std::to_string(in->first) +
             ", " + std::to_string(in->second) + ")");
}

}  // namespace

IndependentVerifier::IndependentVerifier(const nlohmann::json& model, const Claim& claim)
    : impl_(std::make_unique<Impl>(Impl{detail::RseeModel::from(model), claim})) {}
IndependentVerifier::~IndependentVerifier() = default;

Route IndependentVerifier::check(const Box& B, const LeafEvidence& e) const {
    if (e.get<UnknownEvidence>()) return Route::no_claim;
    const Claim& c = impl_->claim;
    if (!impl_->model || c.kind == ClaimKind::atlas) return Route::shared;
    const detail::RseeModel& m = *impl_->model;
    const std::string kind = evidence_name(e);
    auto belongs = [&](bool ok) {
        if (!ok) fail("evidence '" + kind + "' does not belong to this claim");
    };
    if (auto* l = e.get<LemmaEvidence>()) {
        if (!detail::has_exact_check(l->lemma)) return Route::shared;
        belongs(stationary_claim(c.kind));
        detail::check_exact_lemma(m, detail::ranges(m, B), *l);
        return Route::independent;
    }
    if (auto* s = e.get<StationaryLineEvidence>()) {
        belongs(stationary_claim(c.kind));
        detail::check_stationary_line(m, detail::ranges(m, B), *s, c.kind == ClaimKind::no_saddle);
        return Route::independent;
    }
    if (auto* x = e.get<ExcludedEvidence>()) {
        belongs(stationary_claim(c.kind));
        if (x->index >= B.dims()) fail("excluded: index out of range");
        // the record must be evidence for its own sign: its grad enclosure excludes 0 on that side
        const Decimal glo = Decimal::parse_recorded(x->grad.lo, "grad"), ghi = Decimal::parse_recorded(x->grad.hi, "grad");
        if (!(x->sign > 0 ? glo.sign() > 0 : ghi.sign() < 0))
            fail("excluded: the recorded grad [" + x->grad.lo + ", " + x->grad.hi + "] does not have the recorded sign " +
                 std::to_string(x->sign));
        if (auto top = top_values(m, B)) meets(x->grad, top->g[x->index], "excluded: grad");
        detail::on_every_piece(m, B, [&](const Values& v) { return has_sign(v.g[x->index], x->sign); },
                               "independent: excluded: the sign of partial " + std::to_string(x->index));
        return Route::independent;
    }
    if (auto* u = e.get<UniqueEvidence>()) {
        belongs(stationary_claim(c.kind));
        check_unique(m, B, *u);
        return Route::independent;
    }
    if (auto* em = e.get<EmptyEvidence>()) {
        belongs(stationary_claim(c.kind));
        if (!detail::misses(detail::krawczyk(m, B, em->Y), B)) fail("empty: the independent K(B) meets B");
        return Route::independent;
    }
    if (auto* p = e.get<PlateauEvidence>()) {
        belongs(c.kind == ClaimKind::plateau && c.eps && c.delta && c.level);
        if (p->grad.size() != B.dims()) fail("plateau: grad has the wrong size");
        Decimal lo = *c.level - *c.delta, hi = *c.level + *c.delta;
        if (auto top = top_values(m, B)) {
            meets(p->J, top->J, "plateau: J");
            for (std::size_t i = 0; i < B.dims(); ++i) meets(p->grad[i], top->g[i], "plateau: grad");
        }
        detail::on_every_piece(m, B, [&](const Values& v) {
            Verdict r = within(v.J, lo, hi);
            for (const auto& g : v.g) r = all_of({r, within(g, -*c.eps, *c.eps)});
            return r;
        }, "independent: plateau: |J - level| <= delta and |dJ| <= eps");
        return Route::independent;
    }
    if (auto* v = e.get<ViolatesEvidence>()) {
        belongs(c.kind == ClaimKind::plateau && c.eps && c.delta && c.level);
        auto mid = B.midpoint();
        if (v->point.size() != mid.size()) fail("violates: point has the wrong size");
        for (std::size_t i = 0; i < mid.size(); ++i)
            if (!(Decimal::parse(v->point[i]) == mid[i])) fail("violates: the point is not the leaf midpoint");
        if (v->index < -1 || v->index >= static_cast<int>(B.dims())) fail("violates: index out of range");
        Values at = detail::integral_values_at(m, mid);
        idouble x = v->index < 0 ? at.J : at.g[static_cast<std::size_t>(v->index)];
        meets(v->value, x, "violates: value");
        Verdict w = v->index < 0 ? within(x, *c.level - *c.delta, *c.level + *c.delta) : within(x, -*c.eps, *c.eps);
        if (w != Verdict::fails) fail("violates: the violation is not confirmed by the integral path at the midpoint");
        return Route::independent;
    }
    return Route::shared;  // bounded (extrema), monotone outside the atlas: no independent route
}

}  // namespace gancert::verify
