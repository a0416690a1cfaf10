// The family's integral path and closed form (family/evaluate.hpp; lemmas Q.2, F.5–F.10).
#include "gancert/family/evaluate.hpp"

#include <algorithm>
#include <cmath>
#include <variant>
#include <vector>

#include "gancert/arith/decimal.hpp"
#include "gancert/arith/precision.hpp"
#include "gancert/model/eval_policy.hpp"
#include "gancert/quad/detail/planted_faults.hpp"
#include "gancert/quad/validated_integral.hpp"

namespace gancert::family {
namespace {

using arith::impfr;
using I = impfr;
using model::family_guard_bits;
template <std::size_t N>
using JetI = ad::Jet<I, N>;

/// The jet with every component converted to X (X = I or cbox<I>).
template <class X, std::size_t N>
ad::Jet<X, N> lift(const JetI<N>& j) {
    ad::Jet<X, N> r;
    r.v = X(j.v);
    for (std::size_t i = 0; i < N; ++i) r.g[i] = X(j.g[i]);
    for (std::size_t i = 0; i < JetI<N>::hsize; ++i) r.h[i] = X(j.h[i]);
    return r;
}

/// p(u)·h(κ m(u) + λ) as an N-jet, h = term∘σ_disc (one integrand for every combination).
template <std::size_t N, class Law>
struct TermIntegrand {
    const Law* law;
    int degree;  // m(u) = u^degree
    bool logistic;
    CostTerm term;
    JetI<N> kappa, lambda;

    template <class X>
    ad::Jet<X, N> operator()(const X& u) const {
        const X m = degree == 2 ? X(square(u)) : u;
        const ad::Jet<X, N> t = lift<X>(kappa) * m + lift<X>(lambda);
        const std::array<X, 3> s = logistic ? LogisticDisc::sigma(t.v) : ErfDisc::sigma(t.v);
        const std::array<X, 3> f = term.apply(s);
        ad::Jet<X, N> r = chain(t, f[0], f[1], f[2]);
        r *= std::visit([&](const auto& L) { return L.density(u); }, *law);
        return r;
    }
};

/// mag of every jet component summed pairwise: max_k (|κ_k| + |λ_k|) over gradient and Hessian.
template <std::size_t N>
I coefficient_bound(const JetI<N>& k, const JetI<N>& l) {
    I L(0);
    auto upd = [&](const I& a, const I& b) {
        I s = I(arith::mag(a)) + I(arith::mag(b));
        if (s.upper() > L.upper()) L = I(s.upper());
    };
    for (std::size_t i = 0; i < N; ++i) upd(k.g[i], l.g[i]);
    for (std::size_t i = 0; i < JetI<N>::hsize; ++i) upd(k.h[i], l.h[i]);
    return L;
}

struct TermOutcome {
    bool ok = true;
    bool exhausted = false;  ///< the quadrature spent its whole piece budget
    std::size_t pieces = 0;
};

/// ∫ p(u) h(κ m(u) + λ) du over the law's support as an N-jet (enclosure).
template <std::size_t N, class Law>
JetI<N> integrate_term(const Law& law, int degree, bool logistic, const CostTerm& term, const JetI<N>& kappa,
                       const JetI<N>& lambda, const FamilyOptions& opt, int bits, TermOutcome& out) {
    const Growth gr = logistic ? LogisticDisc::growth(term.phi) : ErfDisc::growth(term.phi);
    // Lemma F.8: every component ≤ M (1+|u|)^{q(e+2)} p(u), M = H (1+|κ|+|λ|)^e max(1, L² + L).
    const I L = coefficient_bound(kappa, lambda);
    const I L0 = I(arith::mag(kappa.v)) + I(arith::mag(lambda.v));
    I M = I(gr.H);
    for (int i = 0; i < gr.e; ++i) M = M * (I(1) + L0);
    const I quad_factor = square(L) + L;
    M = M * (quad_factor.upper() > 1 ? quad_factor : I(1));
    const int k = degree * (gr.e + 2);
    M = M * I(quad::detail::planted_faults().scale_tail);

    TermIntegrand<N, Law> f{&law, degree, logistic, term, kappa, lambda};
    quad::QuadOptions qo;
    qo.target_bits = bits + 6;
    qo.floor_bits = bits + 36;
    qo.gl_points = static_cast<std::size_t>(std::clamp(std::lround(bits / 5.0) + 8, 12L, 200L));
    qo.max_subintervals = opt.max_subintervals;
    qo.meromorphic = true;  // logistic poles, log of σ leaving Re > 0 (lemmas F.5, F.6)

    const double slope = std::fabs(arith::to_double(kappa.v)) + 1e-300;
    auto tail_bound = [&](const Core& core) {
        return M * std::visit([&](const auto& l) { return l.tail_moment(k, core); }, law);
    };
    // The core is the shortest of a geometric ladder whose tail bound is below 2^{−(bits+12)}
    // (the truncation point follows from the proven tail bound, so a broken bound shows).
    const I small = pow(I(2), -(bits + 12));
    double budget = 2.0;
    while (budget < 1e5 && !(tail_bound(std::visit([&](const auto& l) { return l.core(budget); }, law)).upper() <=
                             small.lower()))
        budget *= 1.25;
    JetI<N> result;
    for (int ext = 0;; ++ext) {
        const Core core = std::visit([&](const auto& l) { return l.core(budget); }, law);
        // Initial pieces of length ~ 1/(|κ| |m'|) (the transition scale), at most 1; the
        // quadrature bisects further where the remainder needs it (efficiency only).
        const double reach = std::max(std::fabs(core.lo), std::fabs(core.hi));
        const double scale = 1.0 / (1.0 + slope * degree * std::pow(std::max(reach, 1.0), degree - 1));
        const std::size_t n = static_cast<std::size_t>(
            std::clamp(std::ceil((core.hi - core.lo) / std::min(1.0, 4.0 * scale)), 4.0, 400.0));
        std::vector<arith::endpoint_t<I>> bps;
        for (std::size_t i = 0; i <= n; ++i) {
            const double x = i == n ? core.hi : core.lo + (core.hi - core.lo) * static_cast<double>(i) / n;
            bps.push_back(arith::endpoint_t<I>(x));
        }
        const I B = tail_bound(core);
        JetI<N> tail;
        const I unit(-B.upper(), B.upper());
        tail.v = unit;
        for (auto& x : tail.g) x = unit;
        for (auto& x : tail.h) x = unit;
        auto res = quad::integrate_validated<I>(f, bps, tail, qo);
        result = res.value;
        out.pieces += res.subintervals;
        if (res.status == quad::QuadStatus::ok) return result;
        // widen the core if the tail is a sizeable share of some failing component's width
        bool tail_guilty = false;
        for (std::size_t c = 0; c < res.met.size(); ++c)
            if (!res.met[c] && !(arith::width_up(unit) * 4 <= arith::width_up(quad::components<JetI<N>>::get(result, c))))
                tail_guilty = true;
        // a quadrature that spent its whole piece budget is not helped by a wider core (it only
        // needs more pieces): the term ends here, tolerance not met (a huge |κ|, issue 15)
        out.exhausted = res.subintervals >= opt.max_subintervals;
        if (!tail_guilty || ext >= opt.max_extensions || out.exhausted) {
            out.ok = false;
            return result;
        }
        budget *= 1.5;
    }
}

/// The 2-jet in (θ0, θ1) as a 4-jet with zero generator derivatives.
JetI<4> embed(const JetI<2>& j) {
    JetI<4> r(j.v);
    r.g[0] = j.g[0];
    r.g[1] = j.g[1];
    r.hess(0, 0) = j.hess(0, 0);
    r.hess(0, 1) = j.hess(0, 1);
    r.hess(1, 1) = j.hess(1, 1);
    return r;
}

template <class Disc>
FamilyReport smooth_terms(const Model<I>& m, const Disc&, const std::array<I, 4>& theta, const FamilyOptions& opt,
                          int bits) {
    const CostTerm real = std::visit([](const auto& c) { return c.real; }, m.cost);
    const CostTerm fake = std::visit([](const auto& c) { return c.fake; }, m.cost);
    const bool logistic = std::is_same_v<Disc, LogisticDisc>;
    const int degree = std::visit([](const auto& g) { return g.degree; }, m.gen);
    FamilyReport rep;
    rep.path = "integral";
    TermOutcome o1, o2;
    // Real term: t = P x + Q in (θ0, θ1).
    JetI<4> J1(I(0));
    if (real.present) {
        auto [P, Q] = Disc::preactivation(JetI<2>::variable(theta[0], 0), JetI<2>::variable(theta[1], 1));
        if (real.reflect) P = -P, Q = -Q;
        J1 = embed(integrate_term<2>(m.data, 1, logistic, real, P, Q, opt, bits, o1));
    }
    // Fake term: t = κ m(z) + λ, κ = P g, λ = P h + Q in (θ0, θ1, g, h).
    auto [P, Q] = Disc::preactivation(JetI<4>::variable(theta[0], 0), JetI<4>::variable(theta[1], 1));
    const JetI<4> g = JetI<4>::variable(theta[2], 2), h = JetI<4>::variable(theta[3], 3);
    JetI<4> kappa = P * g, lambda = P * h + Q;
    if (fake.reflect) kappa = -kappa, lambda = -lambda;
    const JetI<4> J2 = integrate_term<4>(m.latent, degree, logistic, fake, kappa, lambda, opt, bits, o2);
    rep.eval.J1 = J1.v;
    rep.eval.J2 = J2.v;
    rep.eval.J = J1 + J2;
    rep.status = o1.ok && o2.ok ? FamilyStatus::ok : FamilyStatus::tolerance_not_met;
    rep.subintervals = o1.pieces + o2.pieces;
    rep.pieces_exhausted = o1.exhausted || o2.exhausted;
    return rep;
}

FamilyReport indicator_terms(const Model<I>& m, const std::array<I, 4>& theta) {
    FamilyReport rep;
    rep.path = "closed form (CDFs)";
    const auto J = std::visit(
        [&](const auto& data, const auto& latent, const auto& gen) {
            return IndicatorDisc::terms<I>(data, latent, gen, theta);
        },
        m.data, m.latent, m.gen);
    rep.eval.J1 = J[0].v;
    rep.eval.J2 = J[1].v;
    rep.eval.J = J[0] + J[1];
    return rep;
}

int target_bits_for(const FamilyOptions& opt) {
    return opt.target_bits > 0 ? opt.target_bits : static_cast<int>(arith::working_bits()) - 16;
}

/// width ≤ 2^{−bits}·mig + 2^{−(bits+30)} for every entry.
bool meets(const model::Evaluation<I>& e, int bits) {
    const I tol = pow(I(2), -bits), floor_ = pow(I(2), -(bits + 30));
    return e.all_of([&](const I& x) { return arith::width_up(x) <= (tol * I(arith::mig(x)) + floor_).lower(); });
}

}  // namespace

FamilyReport evaluate(const Model<I>& m, const std::array<I, 4>& theta, const FamilyOptions& opt) {
    const int bits = target_bits_for(opt);
    FamilyReport rep = std::visit(
        [&](const auto& d) -> FamilyReport {
            using D = std::decay_t<decltype(d)>;
            if constexpr (std::is_same_v<D, IndicatorDisc>) return indicator_terms(m, theta);
            else return smooth_terms(m, d, theta, opt, bits);
        },
        m.disc);
    if (rep.status == FamilyStatus::ok && !meets(rep.eval, bits)) rep.status = FamilyStatus::tolerance_not_met;
    return rep;
}

FamilyCertified evaluate_certified(const ModelSpec& spec, const std::array<std::string, 4>& theta, unsigned digits) {
    validate_players(spec, theta);
    const auto names = player_names(spec);
    const int target = static_cast<int>(std::ceil(digits * 3.3219280948873623)) + 1;
    FamilyOptions opt;
    opt.target_bits = target;
    FamilyCertified out;
    // the family's ladder (model/eval_policy.hpp)
    unsigned bits = std::max(arith::bits_for_digits(digits, family_guard_bits), model::family_min_bits);
    for (int attempt = 0;; ++attempt) {
        arith::precision_guard guard(bits);
        const Model<I> m = make_model<I>(spec);
        std::array<I, 4> t;
        for (std::size_t i = 0; i < 4; ++i) t[i] = arith::parse<I>(theta[i], names[i]);
        out.report = evaluate(m, t, opt);
        out.bits = bits;
        // more bits do not give a quadrature that ran out of pieces fewer pieces to need (a huge
        // |κ|: the transition scale below what the budget resolves): tolerance not met at once
        if (out.report.status == FamilyStatus::ok || attempt >= model::family_max_doublings || out.report.pieces_exhausted)
            return out;
        bits *= 2;
    }
}

}  // namespace gancert::family
