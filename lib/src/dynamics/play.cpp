#include "gancert/dynamics/play.hpp"

// TEMPORARY switch: 1 until model::evaluate is implemented on main (it is a stub that throws).
#define GANCERT_DYNAMICS_USE_STANDIN 1
#if !GANCERT_DYNAMICS_USE_STANDIN
#include "gancert/model/evaluate.hpp"
#define GANCERT_DYNAMICS_EVALUATE(S, p) ::gancert::model::evaluate<S>(p)
#else
// TEMPORARY (until the evaluation layer is merged): non-rigorous stand-in.
#include "../../../tests/support/quadrature_evaluator.hpp"
#include "gancert/model/closed_form.hpp"
#include "gancert/model/integral_path.hpp"
namespace {
using namespace gancert;
model::Evaluation<arith::impfr> fake_interval(const model::Params<arith::impfr>& p) {
    model::Params<double> m{arith::to_double(p.a), arith::to_double(p.b), arith::to_double(p.g),
                            arith::to_double(p.h), arith::to_double(p.c)};
    auto e = testsupport::quadrature_evaluate<double>(m);
    auto w = [](double v) { return arith::impfr(arith::mpfr(v - 1e-13), arith::mpfr(v + 1e-13)); };
    model::Evaluation<arith::impfr> r;
    r.J1 = w(e.J1);
    r.J2 = w(e.J2);
    r.J.v = w(e.J.v);
    for (int i = 0; i < 4; ++i) r.J.g[i] = w(e.J.g[i]);
    for (std::size_t i = 0; i < r.J.h.size(); ++i) r.J.h[i] = w(e.J.h[i]);
    return r;
}
template <class S>
model::Evaluation<S> standin(const model::Params<S>& p) {
    if (auto e = model::evaluate_closed_form<S>(p)) return *e;
    if constexpr (std::is_same_v<S, arith::mpfr>) throw std::runtime_error("closed form failed (mpfr)");
    else return model::evaluate_integral<S>(p);
}
}  // namespace
#define GANCERT_DYNAMICS_EVALUATE(S, p) standin<S>(p)
#endif

namespace gancert::dynamics {

std::vector<Iterate<double>> play_double(const TrajectorySpec& spec) {
    return gradient_play<double>(
        spec, [](const model::Params<double>& p) { return GANCERT_DYNAMICS_EVALUATE(double, p); });
}

std::vector<Iterate<arith::mpfr>> play_mpfr(const TrajectorySpec& spec, unsigned bits) {
    arith::precision_guard guard(bits);
    return gradient_play<arith::mpfr>(spec, [](const model::Params<arith::mpfr>& p) {
        return GANCERT_DYNAMICS_EVALUATE(arith::mpfr, p);
    });
}

std::vector<CertifiedIterate> play_certified(const TrajectorySpec& spec, unsigned bits) {
    return certified_gradient_play(spec, bits, [](const model::Params<arith::impfr>& p) {
        return GANCERT_DYNAMICS_EVALUATE(arith::impfr, p);
    });
}

}  // namespace gancert::dynamics
