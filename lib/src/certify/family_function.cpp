// A model of the family (family/spec.hpp) as a certify::BoxFunction (issue 12, certify part):
// free variables a subset of the model's players, the others fixed at exact decimals, J and
// its derivatives enclosed over a box by family::evaluate with interval θ.
//
// Over a box the jets of family/evaluate.cpp are interval jets, so every quadrature node
// value, the Bernstein-ellipse remainder (lemma Q.2, rectangles refused where analyticity is
// not certified, lemmas F.5, F.6) and the tail enclosure (lemmas F.7, F.8) hold for every θ
// of the box: the result encloses J, ∇J, ∇²J at every point of it (family/evaluate.hpp's
// contract holds for interval θ; its status tolerance_not_met only means "wider than the
// target"). The idouble overload evaluates in impfr at idouble_bits and rounds outward.
#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <type_traits>
#include <variant>

#include "gancert/arith/decimal.hpp"
#include "gancert/arith/named_list.hpp"
#include "gancert/arith/errors.hpp"
#include "gancert/arith/precision.hpp"
#include "gancert/certify/model_factory.hpp"
#include "gancert/family/evaluate.hpp"
#include "gancert/family/spec.hpp"
#include "gancert/model/eval_policy.hpp"
#include "gancert/quad/validated_integral.hpp"

namespace gancert::certify {
namespace {

using arith::idouble;
using arith::impfr;

/// Working precision of the idouble overload; estimate()'s target (model/eval_policy.hpp).
constexpr unsigned idouble_bits = model::family_double_eval_bits;
using model::estimate_target_bits;

/// Whether every coordinate is a point up to rounding (the midpoint of a box): then the
/// quadrature is asked for the working precision, not the box tolerance.
bool thin(const std::vector<impfr>& x) {
    const int bits = static_cast<int>(std::min(arith::working_bits(), model::thin_max_bits));
    for (const auto& v : x)
        if (!(arith::to_double(arith::width_up(v)) <=
              std::ldexp(1.0, model::thin_guard_bits - bits) * (arith::to_double(arith::mag(v)) + 1)))
            return false;
    return true;
}

/// The composition's domain over interval θ (the engine's boxes stay inside the validated
/// root; a certificate's root is re-checked here): std::domain_error outside.
void check_theta(const family::ModelSpec& spec, const std::array<impfr, 4>& t) {
    auto out = [](const std::string& why) { throw std::domain_error("family model: box leaves the domain (" + why + ")"); };
    if (spec.disc.kind == "logistic" && !(t[0].lower() > 0)) out("logistic a > 0");
    if (spec.gen.kind == "square" && !(t[2].lower() >= 0)) out("square-law g >= 0");
    if (spec.disc.kind == "indicator") {
        if (!(t[0].upper() < t[1].lower())) out("indicator l < r");
        if (spec.gen.kind == "square" && !(t[2].lower() > 0)) out("indicator with square-law g > 0");
        if (spec.gen.kind == "affine" && !(t[2].lower() > 0 || t[2].upper() < 0)) out("indicator with affine g != 0");
    }
}

/// Lemma F.13: lower bounds of |∂J/∂h| and (square-law generator) |∂J/∂g| over a box, and
/// their common sign, for the smooth discriminators. The fake term is E[f(ρ t(G(Z)))] with
/// t = P(g m(Z) + h) + Q, ρ = −1 if reflected; f' has the sign of the term everywhere
/// (f' = ±2σσ' or ±σ'/σ, σ, σ' > 0), so ∂_h J = ρP E[f'(ρt)] has the sign ρ·sign(term)·sign(P)
/// when P excludes 0, and |∂_h J| ≥ mig(P) Σ_k P(Z ∈ I_k) mig f'(ρ T_k) for any disjoint pieces
/// I_k of the latent's support (T_k = t over I_k and the box); ∂_g J likewise with the factor
/// m(Z) = Z² ≥ 0 (mig m(I_k) in the sum). Zero bounds: no information.
struct SignBounds {
    int sign = 0;  // 0: none
    impfr h{0}, g{0};
};

template <class Disc, class Latent>
SignBounds sign_bounds(const Latent& latent, const family::CostTerm& fake, bool square_law,
                       const std::array<impfr, 4>& th) {
    SignBounds r;
    if (!fake.present) return r;
    auto [Pj, Qj] = Disc::preactivation(ad::Jet<impfr, 1>(th[0]), ad::Jet<impfr, 1>(th[1]));
    const impfr P = Pj.v, Q = Qj.v;
    if (arith::contains_zero(P)) return r;
    const int rho = fake.reflect ? -1 : 1;
    r.sign = rho * fake.sign * (P.lower() > 0 ? 1 : -1);
    const family::Core core = latent.core(16.0);
    constexpr int pieces = 32;  // the first and last are skipped: CDF kinks at the support's ends
    using J1 = ad::Jet<impfr, 1>;
    const double step = (core.hi - core.lo) / pieces;
    impfr F0 = latent.cdf(J1(impfr(arith::endpoint_t<impfr>(core.lo + step)))).v;
    impfr sum_h(0), sum_g(0);
    for (int k = 1; k + 1 < pieces; ++k) {
        const double z0 = core.lo + step * k, z1 = core.lo + step * (k + 1);
        const impfr F1 = latent.cdf(J1(impfr(arith::endpoint_t<impfr>(z1)))).v;
        const impfr mass = F1 - F0;
        F0 = F1;
        if (!(mass.lower() > 0)) continue;
        const impfr I = arith::make_interval(arith::endpoint_t<impfr>(z0), arith::endpoint_t<impfr>(z1));
        const impfr m = square_law ? impfr(arith::square(I)) : I;
        const impfr T = impfr(rho) * (P * (th[2] * m + th[3]) + Q);
        const impfr f1 = fake.apply(Disc::sigma(T))[1];
        const impfr low = impfr(arith::mig(f1));
        const impfr w = impfr(mass.lower()) * low;
        sum_h = sum_h + impfr(w.lower());
        if (square_law) sum_g = sum_g + impfr((w * impfr(arith::mig(m))).lower());
    }
    const impfr scale = impfr(arith::mig(P));
    r.h = impfr((scale * sum_h).lower());
    r.g = impfr((scale * sum_g).lower());
    return r;
}

/// x ∩ sign·[bound, ∞); a contradiction is a soundness failure (two enclosures disjoint).
void cap(impfr& x, int sign, const impfr& bound) {
    if (!(bound.lower() > 0)) return;
    if (sign < 0) {
        const auto ub = (-bound).upper();
        if (ub < x.lower()) throw arith::soundness_error("soundness failure: family sign bound (F.13) contradicts the enclosure");
        if (ub < x.upper()) x = arith::make_interval(x.lower(), ub);
    } else {
        const auto lb = bound.lower();
        if (x.upper() < lb) throw arith::soundness_error("soundness failure: family sign bound (F.13) contradicts the enclosure");
        if (x.lower() < lb) x = arith::make_interval(lb, x.upper());
    }
}

class FamilyFunction : public BoxFunction {
public:
    FamilyFunction(family::ModelSpec spec, std::map<std::string, std::string> fixed, std::vector<std::string> free)
        : spec_(std::move(spec)), fixed_(std::move(fixed)), free_(std::move(free)), players_(family::player_names(spec_)) {
        for (const auto& n : free_) {
            auto it = std::find(players_.begin(), players_.end(), n);
            if (it == players_.end()) throw arith::bad_parameter("box", "'" + n + "' is not a player of the model");
            idx_.push_back(static_cast<std::size_t>(it - players_.begin()));
        }
        for (std::size_t k = 0; k < 4; ++k) {
            const bool is_free = std::find(free_.begin(), free_.end(), players_[k]) != free_.end();
            if (is_free == static_cast<bool>(fixed_.count(players_[k])))
                throw arith::bad_parameter("params", "player '" + players_[k] + "' must be either fixed or free");
            if (!is_free) value_[k] = Decimal::parse(fixed_.at(players_[k]), "params " + players_[k]);
        }
    }
    std::vector<std::string> names() const override { return free_; }
    Enclosure<idouble> enclose(const std::vector<idouble>& x) const override {
        arith::precision_guard guard(idouble_bits);
        std::vector<impfr> y;
        for (const auto& v : x)
            y.push_back(arith::make_interval(arith::endpoint_t<impfr>(v.lower()), arith::endpoint_t<impfr>(v.upper())));
        const Enclosure<impfr> e = run(y);
        Enclosure<idouble> r{quad::detail::to_idouble(e.J), {}, {}};
        for (const auto& v : e.g) r.g.push_back(quad::detail::to_idouble(v));
        for (const auto& v : e.H) r.H.push_back(quad::detail::to_idouble(v));
        return r;
    }
    Enclosure<impfr> enclose(const std::vector<impfr>& x) const override { return run(x); }
    /// Midpoints of a 64-bit point evaluation (an approximation: the witness search and
    /// `gancert surface`'s grid); nullopt outside the domain or where it fails.
    std::optional<Enclosure<double>> estimate(const std::vector<double>& x) const override {
        try {
            arith::precision_guard guard(64);
            std::vector<impfr> y;
            for (double v : x) y.push_back(impfr(arith::endpoint_t<impfr>(v)));
            const Enclosure<impfr> e = run(y, estimate_target_bits);
            Enclosure<double> r{arith::to_double(e.J), {}, {}};
            for (const auto& v : e.g) r.g.push_back(arith::to_double(v));
            for (const auto& v : e.H) r.H.push_back(arith::to_double(v));
            return r;
        } catch (const arith::soundness_error&) {
            throw;
        } catch (const std::exception&) {
            return std::nullopt;
        }
    }
    nlohmann::json describe() const override {
        return {{"model", "family"}, {"spec", family::canonical(spec_)}, {"fixed", fixed_}, {"free", free_}};
    }

private:
    family::ModelSpec spec_;
    std::map<std::string, std::string> fixed_;
    std::array<Decimal, 4> value_;  // the fixed players as exact decimals (parsed once, not per box)
    std::vector<std::string> free_;
    std::array<std::string, 4> players_;
    std::vector<std::size_t> idx_;

    /// The enclosures of ∂J/∂h and ∂J/∂g intersected with the sign bounds of lemma F.13.
    void sharpen_signs(const family::Model<impfr>& m, const std::array<impfr, 4>& th, model::Evaluation<impfr>& e) const {
        const family::CostTerm fake = std::visit([](const auto& c) { return c.fake; }, m.cost);
        const bool square_law = std::holds_alternative<family::SquareGen>(m.gen);
        const SignBounds b = std::visit(
            [&](const auto& disc, const auto& latent) -> SignBounds {
                using D = std::decay_t<decltype(disc)>;
                if constexpr (std::is_same_v<D, family::IndicatorDisc>) return {};
                else return sign_bounds<D>(latent, fake, square_law, th);
            },
            m.disc, m.latent);
        if (b.sign == 0) return;
        cap(e.J.g[3], b.sign, b.h);
        if (square_law) cap(e.J.g[2], b.sign, b.g);
    }

    /// target_bits: the quadrature's relative target; 0 = automatic (see below).
    Enclosure<impfr> run(const std::vector<impfr>& x, int target_bits = 0) const {
        if (x.size() != free_.size()) throw std::invalid_argument("family model: box of the wrong dimension");
        std::array<impfr, 4> theta;
        for (std::size_t k = 0; k < 4; ++k) {
            if (fixed_.count(players_[k])) theta[k] = arith::enclose<impfr>(value_[k], players_[k]);
        }
        for (std::size_t i = 0; i < free_.size(); ++i) theta[idx_[i]] = x[i];
        check_theta(spec_, theta);
        const family::Model<impfr> m = family::make_model<impfr>(spec_);
        family::FamilyOptions opt;
        if (target_bits > 0) {
            opt.target_bits = target_bits;
            opt.max_subintervals = model::box_max_subintervals;
        } else if (thin(x)) {  // a point (a box's midpoint): the working precision minus guard bits
            opt.target_bits = std::max(model::point_min_target_bits,
                                       static_cast<int>(arith::working_bits()) - model::point_guard_bits);
        } else {        // a box: its width dominates; a modest target and a small piece budget
            opt.target_bits = model::box_target_bits_mp;
            opt.max_subintervals = model::box_max_subintervals;
            opt.max_extensions = model::box_max_tail_extensions;
        }
        family::FamilyReport rep = family::evaluate(m, theta, opt);  // an enclosure either status
        sharpen_signs(m, theta, rep.eval);
        const std::size_t n = free_.size();
        Enclosure<impfr> r{rep.eval.J.v, std::vector<impfr>(n), std::vector<impfr>(n * n)};
        for (std::size_t i = 0; i < n; ++i) {
            r.g[i] = rep.eval.J.g[idx_[i]];
            for (std::size_t j = 0; j < n; ++j) r.H[i * n + j] = rep.eval.J.hess(idx_[i], idx_[j]);
        }
        return r;
    }
};

/// One player's range: [lo, hi] from the box, or the fixed value twice.
struct Range {
    Decimal lo, hi;
    std::string where;  // "box a" or "params a"
};

/// The composition's domain over the root box (exact decimal comparisons).
void check_domain(const family::ModelSpec& spec, const std::array<Range, 4>& r) {
    auto bad = [](const Range& x, const std::string& why) {
        throw arith::named_error(x.where, "[" + x.lo.str() + ", " + x.hi.str() + "] leaves the domain (" + why + ")");
    };
    if (spec.disc.kind == "logistic" && !(r[0].lo.sign() > 0)) bad(r[0], "disc=logistic needs a > 0");
    if (spec.gen.kind == "square" && r[2].lo.sign() < 0) bad(r[2], "gen=square needs g >= 0");
    if (spec.disc.kind == "indicator") {
        if (!(r[0].hi < r[1].lo)) bad(r[0].where.rfind("box", 0) == 0 ? r[0] : r[1], "disc=indicator needs l < r on the whole box");
        if (spec.gen.kind == "square" && !(r[2].lo.sign() > 0)) bad(r[2], "disc=indicator with gen=square needs g > 0");
        if (spec.gen.kind == "affine" && !(r[2].lo.sign() > 0 || r[2].hi.sign() < 0))
            bad(r[2], "disc=indicator with gen=affine needs g != 0 on the whole box");
    }
}

std::string list(const std::array<std::string, 4>& n) { return n[0] + ", " + n[1] + ", " + n[2] + ", " + n[3]; }

}  // namespace

bool is_family_spec(const std::string& model) {
    return model.find('=') != std::string::npos || (!model.empty() && (model[0] == '@' || model[0] == '{'));
}

std::unique_ptr<BoxFunction> make_family_function(const std::string& spec, const std::map<std::string, std::string>& fixed,
                                                  const std::vector<std::string>& free) {
    return std::make_unique<FamilyFunction>(family::parse_model(spec), fixed, free);
}

ModelSetup make_family_model(const ModelRequest& req) {
    if (!req.case_name.empty())
        throw arith::bad_parameter("case", "the paper's case is the rsee model; with a model spec give the players by --params");
    const family::ModelSpec spec = family::parse_model(req.model);
    const auto players = family::player_names(spec);
    auto is_player = [&](const std::string& n) { return std::find(players.begin(), players.end(), n) != players.end(); };
    std::map<std::string, std::string> fixed;
    if (!req.params.empty())
        for (const auto& item : arith::parse_named_values(req.params, "params")) {
            const std::string& n = item.name;
            const std::string& v = item.value;
            if (!is_player(n))
                throw arith::bad_parameter("params", "unknown parameter '" + n + "' (the players: " + list(players) +
                                                         "; the laws' parameters belong in the model spec)");
            Decimal::parse(v, "params " + n);
            fixed.emplace(n, v);
            if (req.ranges.count(n)) throw arith::bad_parameter("params", "'" + n + "' is both fixed and in the box");
        }
    for (const auto& entry : req.ranges)
        if (!is_player(entry.first))
            throw arith::bad_parameter("box", "unknown variable '" + entry.first + "' (the players: " + list(players) + ")");
    std::vector<std::string> names, lo, hi;
    for (const auto& n : players) {
        if (req.ranges.count(n)) {
            names.push_back(n);
            lo.push_back(req.ranges.at(n).first);
            hi.push_back(req.ranges.at(n).second);
        } else if (!fixed.count(n)) {
            throw arith::bad_parameter("params", "player '" + n + "' is neither fixed (--params) nor in the box");
        }
    }
    if (names.empty()) throw arith::bad_parameter("box", "no free variable (the players: " + list(players) + ")");
    ModelSetup s;
    s.root = make_root_box(names, lo, hi);
    if (!s.root.bounded())
        throw arith::bad_parameter("box", "unbounded ranges are not supported for a model spec (the family integral path "
                                          "needs finite players)");
    std::array<Range, 4> r;
    for (std::size_t k = 0, i = 0; k < 4; ++k) {
        if (i < names.size() && names[i] == players[k]) {
            r[k] = {s.root.lo[i], s.root.hi[i], "box " + players[k]};
            ++i;
        } else {
            const Decimal v = Decimal::parse(fixed.at(players[k]), "params " + players[k]);
            r[k] = {v, v, "params " + players[k]};
        }
    }
    check_domain(spec, r);
    s.function = make_family_function(req.model, fixed, names);
    s.box_text = box_text(names, s.root);
    return s;
}

}  // namespace gancert::certify
