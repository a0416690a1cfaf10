// The R/S/E/E cost as a certify::BoxFunction (adapter over model::evaluate, issue 3).
#include <algorithm>
#include <array>
#include <cmath>
#include <type_traits>
#include <limits>
#include <optional>
#include <stdexcept>

#include "gancert/arith/decimal.hpp"
#include "gancert/arith/errors.hpp"
#include "gancert/certify/model_factory.hpp"
#include "gancert/quad/detail/planted_faults.hpp"
#include "darboux_bounds.hpp"

#if __has_include("gancert/model/closed_form.hpp") && __has_include("gancert/model/integral_path.hpp")
#include "gancert/model/closed_form.hpp"
#include "gancert/model/evaluate.hpp"
#include "gancert/model/integral_path.hpp"
#include "gancert/model/intersect.hpp"
#define GANCERT_HAVE_RSEE_EVALUATOR 1
#endif

namespace gancert::certify {

#ifdef GANCERT_HAVE_RSEE_EVALUATOR
namespace {

class RseeFunction : public BoxFunction {
public:
    RseeFunction(std::map<std::string, std::string> fixed, std::vector<std::string> free)
        : fixed_(std::move(fixed)), free_(std::move(free)) {
        for (const auto& n : free_) idx_.push_back(static_cast<std::size_t>(
            std::find(all_.begin(), all_.end(), n) - all_.begin()));
        for (const auto& [n, v] : fixed_) value_.emplace(n, arith::Decimal::parse(v, n));  // once, not per box
    }
    std::vector<std::string> names() const override { return free_; }
    Enclosure<arith::idouble> enclose(const std::vector<arith::idouble>& x) const override { return run(x); }
    Enclosure<arith::impfr> enclose(const std::vector<arith::impfr>& x) const override { return run(x); }
    std::vector<arith::idouble> gradient_bounds(const std::vector<arith::idouble>& x) const override { return bounds(x); }
    std::vector<arith::impfr> gradient_bounds(const std::vector<arith::impfr>& x) const override { return bounds(x); }
    std::optional<Enclosure<double>> estimate(const std::vector<double>& x) const override {
        model::Params<double> p = params(x);
        return free_part(model::evaluate(p));  // an approximation (evaluate.hpp)
    }
    nlohmann::json describe() const override {
        return {{"model", "rsee"}, {"fixed", fixed_}, {"free", free_}};
    }

private:
    const std::vector<std::string> all_{"a", "b", "g", "h"};
    std::map<std::string, std::string> fixed_;
    std::map<std::string, arith::Decimal> value_;  // fixed_ as exact decimals
    std::vector<std::string> free_;
    std::vector<std::size_t> idx_;

    /// Sign facts from the positive-integrand form (docs/mathematics.md §3 and proofs/lemmas.md §C, proofs/lemmas.md §K4): for
    /// a != 0 (the box's a-interval excludes 0) and g >= 0, with t = a(gU + h) + b and m(T) a
    /// lower bound of erfc(t)e^{−t²} on T,
    ///   ∂J/∂h = −2a E[(1−D(t))D'(t)] = −(a/√π) E[erfc(t)e^{−t²}],
    ///   ∂J/∂g = −2a E[U(1−D(t))D'(t)] = −(a/√π) E[U erfc(t)e^{−t²}],
    ///   L_h = Σ_k (e^{−u_k} − e^{−u_{k+1}}) m(T_k) <= E[erfc(t)e^{−t²}],
    ///   L_g = Σ_k ((1+u_k)e^{−u_k} − (1+u_{k+1})e^{−u_{k+1}}) m(T_k) <= E[U erfc(t)e^{−t²}],
    /// T_k = a(g[u_k, u_{k+1}] + h) + b over the box (dropping u > 128 only lowers the sums).
    /// So ∂J/∂h <= −(|a|_lo/√π)L_h < 0 for a > 0 and ∂J/∂h >= (|a|_lo/√π)L_h > 0 for a < 0
    /// (sign −sign(a)), likewise ∂J/∂g. These one-sided bounds are intersected with the
    /// enclosures from the model layer.
    template <class S>
    model::Params<S> params(const std::vector<S>& x) const {
        S v[4];
        for (std::size_t k = 0; k < 4; ++k) {
            auto it = value_.find(all_[k]);
            if (it != value_.end()) v[k] = arith::enclose<S>(it->second, all_[k]);
        }
        for (std::size_t i = 0; i < free_.size(); ++i) v[idx_[i]] = x[i];
        return {v[0], v[1], v[2], v[3], arith::enclose<S>(value_.at("c"), "c")};
    }

    /// ∂J/∂g, ∂J/∂h ∈ −sign(a)·[(|a|_lo/√π)·L, 2|a|/√π] (|(1−D)D'| <= 1/√π, E[U] = 1);
    /// ∂J/∂a, ∂J/∂b: the Darboux enclosures of lemma K9 (darboux_bounds.hpp) on bounded boxes;
    /// others (−∞, ∞).
    template <class S>
    std::vector<S> bounds(const std::vector<S>& x) const {
        model::Params<S> p = params(x);
        std::vector<S> r(free_.size(), arith::make_interval(-std::numeric_limits<arith::endpoint_t<S>>::infinity(),
                                                            std::numeric_limits<arith::endpoint_t<S>>::infinity()));
        if (bounded(p) && (has_free(0) || has_free(1))) {
            auto d = detail::darboux_gradient(p);
            for (std::size_t i = 0; i < free_.size(); ++i)
                if (idx_[i] < 2) r[i] = idx_[i] == 0 ? d.a : d.b;
        }
        auto sb = sign_bounds(p);
        if (!sb) return r;
        S absa = sb->sign < 0 ? p.a : -p.a;              // |a| (sign = −sign(a))
        S far = S(2) * absa * arith::inv_sqrt_pi<S>();   // a-priori magnitude bound
        for (std::size_t i = 0; i < free_.size(); ++i) {
            const S* b = idx_[i] == 2 ? &sb->g : idx_[i] == 3 ? &sb->h : nullptr;
            if (!b || !(b->lower() > 0) || !(b->lower() < far.upper())) continue;
            r[i] = sb->sign < 0 ? arith::make_interval((-far).lower(), (-*b).upper())
                                : arith::make_interval(b->lower(), far.upper());
        }
        return r;
    }

    bool has_free(std::size_t k) const { return std::find(idx_.begin(), idx_.end(), k) != idx_.end(); }
    template <class S>
    static bool bounded(const model::Params<S>& p) {
        for (const S* v : {&p.a, &p.b, &p.g, &p.h})
            if (!std::isfinite(arith::to_double(v->lower())) || !std::isfinite(arith::to_double(v->upper()))) return false;
        return true;
    }

    /// Certified magnitude lower bounds |∂J/∂g| >= g.lower(), |∂J/∂h| >= h.lower() (each an
    /// interval whose lower end is the bound; <= 0 means no bound) and the sign of both
    /// derivatives, −sign(a) (lemma K4).
    template <class S>
    struct SignBounds {
        S g, h;
        int sign;
    };

    template <class S>
    static std::optional<SignBounds<S>> sign_bounds(const model::Params<S>& p) {
        if (p.g.lower() < 0) return std::nullopt;
        int sign;
        if (p.a.lower() > 0) sign = -1;
        else if (p.a.upper() < 0) sign = 1;
        else return std::nullopt;
        static const int nodes64[] = {0, 1, 2, 4, 8, 16, 32, 64, 128, 192, 256, 384, 512, 768,
                                      1024, 1536, 2048, 3072, 4096, 6144, 8192};  // u·64
        S sum_h(0), sum_g(0);
        S prev_e = S(1), prev_ue = S(1);  // e^{-u}, (1+u)e^{-u} at u = 0
        for (std::size_t k = 1; k < std::size(nodes64); ++k) {
            S u0 = S(nodes64[k - 1]) / S(64), u1 = S(nodes64[k]) / S(64);
            S U = arith::make_interval(u0.lower(), u1.upper());
            S T = p.a * (p.g * U + p.h) + p.b;
            S m = arith::erfc(T) * arith::exp(-arith::square(T));
            S lower_m = arith::make_interval(m.lower(), m.lower());
            S e1 = arith::exp(-u1), ue1 = (S(1) + u1) * e1;
            S wh = prev_e - e1, wg = prev_ue - ue1;
            if (wh.lower() > 0) sum_h = sum_h + wh * lower_m;
            if (wg.lower() > 0) sum_g = sum_g + wg * lower_m;
            prev_e = e1;
            prev_ue = ue1;
        }
        S absa = sign < 0 ? p.a : -p.a;  // an enclosure of |a| with positive lower end
        S scale = absa * arith::inv_sqrt_pi<S>();
        S bh = scale * arith::make_interval(sum_h.lower(), sum_h.lower());
        S bg = scale * arith::make_interval(sum_g.lower(), sum_g.lower());
        return SignBounds<S>{arith::make_interval(bg.lower(), bg.lower()), arith::make_interval(bh.lower(), bh.lower()),
                             sign};
    }

    template <class S>
    static void sharpen_signs(const model::Params<S>& p, model::Evaluation<S>& e) {
        auto sb = sign_bounds(p);
        if (!sb) return;
        auto cap = [sign = sb->sign](S& x, const S& bound) {
            if (!(bound.lower() > 0)) return;
            if (sign < 0) {  // x ∩ (−∞, −bound.lower()]
                auto ub = (-bound).upper();
                if (!(ub < x.upper())) return;
                if (ub < x.lower()) throw arith::soundness_error("soundness failure: rsee sign bound contradicts the enclosure");
                x = arith::make_interval(x.lower(), ub);
            } else {         // x ∩ [bound.lower(), ∞)
                auto lb = bound.lower();
                if (!(x.lower() < lb)) return;
                if (x.upper() < lb) throw arith::soundness_error("soundness failure: rsee sign bound contradicts the enclosure");
                x = arith::make_interval(lb, x.upper());
            }
        };
        cap(e.J.g[2], sb->g);
        cap(e.J.g[3], sb->h);
    }

    /// Width of an a-priori range of each gradient entry over the box (g >= 0), from
    /// |D'| = φ <= 1/√π, 0 <= D <= 1, E[X] = 1/c, E[U] = 1 (docs/mathematics.md §2):
    ///   ∂a J = E[2Dφ(t1)X] − E[2(1−D)φ(t2)(gU+h)] ∈ [−k(g+|h|), k/c],   ∂b J ∈ [−k, k],
    ///   ∂g J = −a E[2(1−D)φ(t2)U], ∂h J = −a E[2(1−D)φ(t2)] ∈ [−k|a|, k|a|],   k = 2/√π.
    /// Used only to decide whether the closed form is worth complementing (a cost decision;
    /// it never narrows an enclosure), so an overestimate here costs time, never soundness.
    template <class S>
    static std::array<S, 4> gradient_range_widths(const model::Params<S>& p) {
        S k = S(2) * arith::inv_sqrt_pi<S>();
        S absa = arith::abs(p.a);
        return {k * (S(1) / p.c + arith::abs(p.g) + arith::abs(p.h)), S(2) * k, S(2) * k * absa,
                S(2) * k * absa};
    }

    /// The closed form is "wide" (issue 17) when it tells less than a-priori knowledge:
    /// some entry is non-finite, J's enclosure is wider than its range [0, 2], or the
    /// enclosure of a free gradient entry is wider than that entry's a-priori range. The
    /// typical cause is the e^{E} cancellation of the closed form amplified by the box (E =
    /// μ² − β² large for small a: at a ∈ [0.048, 0.0485] dJ/da has width 3e10 at 53 bits),
    /// which bisection and precision escalation cure only slowly; it also fires on coarse
    /// boxes where the closed form's dependency effect is 5–10× the integral path's width
    /// (measured on the extrema runs, where it lowers the leaf count). Where the closed form
    /// is merely a few times too wide, bisecting is cheaper than the integral path (tens of
    /// ms per box), so nothing changes there. The choice affects cost only: the result is
    /// the closed form or its intersection with another enclosure, an enclosure either way.
    template <class S>
    bool closed_form_wide(const model::Params<S>& p, const model::Evaluation<S>& e) const {
        using T = arith::endpoint_t<S>;
        auto finite = [](const S& v) {
            if constexpr (std::is_same_v<T, double>)
                return std::isfinite(v.lower()) && std::isfinite(v.upper());
            else
                return mpfr_number_p(arith::raw(v.lower())) && mpfr_number_p(arith::raw(v.upper()));
        };
        if (!finite(e.J1) || !finite(e.J2) || !finite(e.J.v)) return true;
        for (const S& v : e.J.g)
            if (!finite(v)) return true;
        for (const S& v : e.J.h)
            if (!finite(v)) return true;
        if (arith::width_up(e.J.v) > S(2).upper()) return true;
        auto W = gradient_range_widths(p);
        for (std::size_t i : idx_)
            if (arith::width_up(e.J.g[i]) > W[i].upper()) return true;
        return false;
    }

    /// cf ∩ integral path (arith::soundness_error if they are disjoint). If the integral path
    /// cannot run on this box (std::range_error: outside its supported range), the closed
    /// form alone is still a valid enclosure.
    template <class S>
    static model::Evaluation<S> complement(const model::Evaluation<S>& cf, const model::Params<S>& p,
                                           const model::IntegralOptions& opt) {
        std::optional<model::Evaluation<S>> ip;
        try {
            ip = model::evaluate_integral(p, opt);
        } catch (const std::range_error&) {
            return cf;
        }
        return model::intersect_evaluations(cf, *ip);
    }

    template <class S>
    Enclosure<S> run(const std::vector<S>& x) const {
        model::Params<S> p = params(x);
        // Closed form (fast; an enclosure over the whole box) where it applies, else the
        // validated integral path (any a, g >= 0). Both are proven enclosures (issue 3).
        auto cf = model::evaluate_closed_form(p);
        // Over a box the enclosure width is dominated by the box, so the quadrature is asked
        // only for a modest relative tolerance with a small piece budget (it stays valid).
        const model::IntegralOptions opt = model::box_integral_options<S>();
        model::Evaluation<S> e;
        if (!cf)
            e = model::evaluate_integral(p, opt);
        else if (closed_form_wide(p, *cf))  // issue 17: complement, never replace
            e = complement(*cf, p, opt);
        else
            e = *cf;
        model::intersect_a_priori(e);  // J1, J2 ∈ [0, 1], J ∈ [0, 2]
        sharpen_signs(p, e);
        Enclosure<S> r = free_part(e);
        if (double s = quad::detail::planted_faults().shift_box_J; s != 0) r.J = r.J + S(s);  // tests only
        return r;
    }

    /// J and the gradient and Hessian entries of the free variables (box order).
    template <class S>
    Enclosure<S> free_part(const model::Evaluation<S>& e) const {
        std::size_t n = free_.size();
        Enclosure<S> r{e.J.v, std::vector<S>(n), std::vector<S>(n * n)};
        for (std::size_t i = 0; i < n; ++i) {
            r.g[i] = e.J.g[idx_[i]];
            for (std::size_t j = 0; j < n; ++j) r.H[i * n + j] = e.J.hess(idx_[i], idx_[j]);
        }
        return r;
    }
};

}  // namespace

std::unique_ptr<BoxFunction> make_rsee_function(const std::map<std::string, std::string>& fixed,
                                                const std::vector<std::string>& free) {
    return std::make_unique<RseeFunction>(fixed, free);
}
#else
std::unique_ptr<BoxFunction> make_rsee_function(const std::map<std::string, std::string>&,
                                                const std::vector<std::string>&) {
    throw arith::bad_input("model rsee: the R/S/E/E evaluator is not built into this binary");
}
#endif

}  // namespace gancert::certify
