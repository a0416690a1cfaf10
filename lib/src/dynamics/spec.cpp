#include "gancert/dynamics/spec.hpp"

#include <mpfr.h>

#include "gancert/api/limits.hpp"
#include "gancert/arith/decimal.hpp"

namespace gancert::dynamics {

std::array<bool, 4> moving_coordinates(int dims) {
    if (dims == 2) return {false, true, false, true};
    if (dims == 4) return {true, true, true, true};
    throw arith::bad_parameter("dims", "'" + std::to_string(dims) + "' is not 2 or 4");
}

void validate(const TrajectorySpec& spec) {
    model::validate(spec.start);
    if (!arith::is_decimal(spec.step))
        throw arith::bad_parameter("step_size", "'" + spec.step + "' is not a finite decimal number");
    mpfr_t t;
    mpfr_init2(t, 64);
    mpfr_set_str(t, spec.step.c_str(), 10, MPFR_RNDN);  // the sign is exact under rounding
    const int sign = mpfr_sgn(t);
    mpfr_clear(t);
    if (sign <= 0)
        throw arith::bad_parameter("step_size", "'" + spec.step + "' must be > 0");
    limits::check_trajectory_steps(spec.iterates);
    (void)moving_coordinates(spec.dims);
}

TrajectorySpec paper_run(PaperCase which, int dims) {
    TrajectorySpec s;
    s.start = model::paper_case(which);
    s.step = "0.4";
    s.iterates = 250;
    s.dims = dims;
    (void)moving_coordinates(dims);
    return s;
}

}  // namespace gancert::dynamics
