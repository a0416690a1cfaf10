// Gradient play for a model of the family (dynamics/family_play.hpp).
#include "gancert/dynamics/family_play.hpp"

#include <mpfr.h>

#include <stdexcept>

#include "gancert/api/limits.hpp"
#include "gancert/arith/decimal.hpp"
#include "gancert/arith/precision.hpp"
#include "gancert/family/evaluate.hpp"
#include "gancert/model/eval_policy.hpp"

namespace gancert::dynamics {
namespace {

using arith::impfr;
using arith::mpfr;
using I = impfr;

/// Working precision of the double trajectory's evaluations (as `eval --model --arith double`).
constexpr unsigned double_eval_bits = model::family_double_eval_bits;

std::string shown(const I& x) {
    auto [lo, hi] = arith::to_decimal_outward(x, 8);
    return lo == hi ? lo : "[" + lo + ", " + hi + "]";
}

/// Throws std::runtime_error unless every θ in the box p lies in the composition's domain
/// where the evaluation is defined (logistic a > 0; indicator l < r, g > 0 / g ≠ 0).
void check_iterate_domain(const family::ModelSpec& m, const model::Params<I>& p) {
    const auto names = family::player_names(m);
    auto left = [&](std::size_t i, const I& x, const std::string& why) {
        throw std::runtime_error("gradient play left the domain of " + m.disc.kind + ": " + names[i] + " = " +
                                 shown(x) + " (" + why + ")");
    };
    if (m.disc.kind == "logistic" && !(p.a.lower() > 0)) left(0, p.a, "needs a > 0");
    if (m.disc.kind == "indicator") {
        if (!(p.a.upper() < p.b.lower())) left(0, p.a, "needs l < r, r = " + shown(p.b));
        if (m.gen.kind == "square" && !(p.g.lower() > 0)) left(2, p.g, "gen=square needs g > 0");
        if (m.gen.kind == "affine" && !(p.g.lower() > 0 || p.g.upper() < 0)) left(2, p.g, "gen=affine needs g != 0");
    }
}

/// family::evaluate over the box p at the working precision (an enclosure for every θ in p).
model::Evaluation<I> enclose(const family::ModelSpec& spec, const model::Params<I>& p) {
    check_iterate_domain(spec, p);
    const family::Model<I> m = family::make_model<I>(spec);
    return family::evaluate(m, {p.a, p.b, p.g, p.h}).eval;
}

I point(double x) {
    mpfr v = arith::fresh_mpfr();
    mpfr_set_d(arith::raw(v), x, MPFR_RNDN);  // exact: the working precision exceeds 53 bits
    return I(v, v);
}

/// Start box: the enclosures of the exact decimals θ_0 (c = 0, unused).
template <class S>
model::Params<S> start_params(const FamilyTrajectorySpec& spec) {
    const auto names = family::player_names(spec.model);
    return {arith::parse<S>(spec.start[0], names[0]), arith::parse<S>(spec.start[1], names[1]),
            arith::parse<S>(spec.start[2], names[2]), arith::parse<S>(spec.start[3], names[3]), S(0)};
}

}  // namespace

void validate(const FamilyTrajectorySpec& spec) {
    family::validate_players(spec.model, spec.start);
    // step, iterates and dims exactly as the paper's runs (a valid paper start stands in)
    TrajectorySpec paper = paper_run(model::PaperCase::A, 4);
    paper.step = spec.step;
    paper.iterates = spec.iterates;
    paper.dims = spec.dims;
    validate(paper);
}

std::vector<Iterate<double>> play_double(const FamilyTrajectorySpec& spec) {
    validate(spec);
    const double eta = arith::parse<double>(spec.step, "step_size");
    return gradient_play_from<double>(start_params<double>(spec), eta, spec.iterates, moving_coordinates(spec.dims),
                                      [&](const model::Params<double>& p) {
                                          arith::precision_guard guard(double_eval_bits);
                                          const model::Params<I> q{point(p.a), point(p.b), point(p.g), point(p.h),
                                                                   I(0)};
                                          return enclose(spec.model, q).transform(
                                              [](const I& x) { return arith::to_double(x); });
                                      },
                                      spec.time_limit);
}

std::vector<Iterate<mpfr>> play_mpfr(const FamilyTrajectorySpec& spec, unsigned bits) {
    validate(spec);
    arith::precision_guard guard(bits);
    const mpfr eta = arith::parse<mpfr>(spec.step, "step_size");
    return gradient_play_from<mpfr>(start_params<mpfr>(spec), eta, spec.iterates, moving_coordinates(spec.dims),
                                    [&](const model::Params<mpfr>& p) {
                                        auto thin = [](const mpfr& x) { return I(x, x); };
                                        const auto e =
                                            enclose(spec.model, {thin(p.a), thin(p.b), thin(p.g), thin(p.h), I(0)});
                                        return e.transform([](const I& x) { return mpfr(arith::midpoint(x)); });
                                    },
                                    spec.time_limit);
}

std::vector<CertifiedIterate> play_certified(const FamilyTrajectorySpec& spec, unsigned bits) {
    validate(spec);
    arith::precision_guard guard(bits);
    const I eta = arith::parse<I>(spec.step, "step_size");
    int evaluations = 0;
    return certified_gradient_play_from(start_params<I>(spec), eta, spec.iterates, moving_coordinates(spec.dims),
                                        [&](const model::Params<I>& p) {
                                            auto e = enclose(spec.model, p);
                                            ++evaluations;
                                            const bool finite = e.all_of([](const I& x) {
                                                return mpfr_number_p(arith::raw(x.lower())) &&
                                                       mpfr_number_p(arith::raw(x.upper()));
                                            });
                                            if (!finite)
                                                throw std::runtime_error(
                                                    "certified trajectory: the enclosure of J over the iterate box "
                                                    "is not finite (evaluation " + std::to_string(evaluations) +
                                                    "); try fewer steps or more bits");
                                            return e;
                                        },
                                        spec.time_limit);
}

}  // namespace gancert::dynamics
