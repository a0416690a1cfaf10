#include "gancert/dynamics/play.hpp"

#include "gancert/model/evaluate.hpp"
#define GANCERT_DYNAMICS_EVALUATE(S, p) ::gancert::model::evaluate<S>(p)

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
